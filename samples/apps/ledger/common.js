// Shared by the Ledger pages: state reporting and the signed-in session.
window.Ledger = (function () {
  "use strict";
  var APP = "ledger";
  var seq = 0;
  function report(state) {
    state.page = location.pathname;
    var body = JSON.stringify({ app: APP, state: state, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, keepalive: true })
        .catch(function () {});
    } catch (e) { /* opened from file:// */ }
  }
  function nameFromEmail(email) {
    var local = email.split("@")[0].replace(/[0-9]+/g, "");
    var parts = local.split(/[._-]+/).filter(Boolean);
    if (!parts.length) return email;
    return parts.map(function (p) { return p.charAt(0).toUpperCase() + p.slice(1); }).join(" ");
  }
  function startSession(email, password, remember) {
    sessionStorage.setItem("ledger.session", JSON.stringify({
      email: email, name: nameFromEmail(email), password: password, remember: remember }));
  }
  function session() {
    try { return JSON.parse(sessionStorage.getItem("ledger.session") || "null"); } catch (e) { return null; }
  }
  function endSession() { sessionStorage.removeItem("ledger.session"); }
  return { report: report, startSession: startSession, session: session, endSession: endSession };
})();
