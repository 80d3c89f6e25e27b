// Nimbus settings. Reports its state to the sample server on load and on every change.
(function () {
  "use strict";
  var APP = "settings";
  var seq = 0;
  function report() {
    var state = snapshot();
    state.page = location.pathname;
    var body = JSON.stringify({ app: APP, state: state, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body })  // never navigates, so no keepalive (Chromium caps keepalive bodies in flight)
        .catch(function () {});
    } catch (e) { /* opened from file:// */ }
  }

  var KEYS = ["emailNotifications", "pushNotifications", "weeklySummary", "publicProfile", "usageData",
              "developerMode", "betaFeatures"];
  var nameInput = document.getElementById("display-name");
  var slider = document.getElementById("text-size");
  var out = document.getElementById("text-size-out");
  var radios = [].slice.call(document.querySelectorAll("#theme [role=radio]"));
  var switches = [].slice.call(document.querySelectorAll("[role=switch]"));
  var heads = [].slice.call(document.querySelectorAll(".acc-head button"));
  var note = document.getElementById("dirty-note");
  var toast = document.getElementById("toast");
  var saved = null;      // the settings at the last Save (null: never saved)
  var saves = 0;
  var initial;

  function settings() {
    var sw = {};
    switches.forEach(function (b) { sw[b.dataset.key] = b.getAttribute("aria-checked") === "true"; });
    var ordered = {};
    KEYS.forEach(function (k) { ordered[k] = sw[k]; });
    var theme = radios.filter(function (r) { return r.getAttribute("aria-checked") === "true"; })[0];
    return { displayName: nameInput.value, theme: theme ? theme.dataset.value : null,
             textSize: Number(slider.value), switches: ordered };
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function snapshot() {
    var s = settings();
    return {
      settings: s,
      open: heads.filter(function (h) { return h.getAttribute("aria-expanded") === "true"; })
                 .map(function (h) { return h.closest(".acc-item").dataset.section; }),
      dirty: !same(s, saved || initial),
      saved: saved,
      saves: saves,
      toast: !toast.hidden
    };
  }
  function refresh() {
    var dirty = !same(settings(), saved || initial);
    note.textContent = dirty ? "Unsaved changes" : (saves ? "All changes saved" : "No changes");
    note.classList.toggle("dirty", dirty);
    out.textContent = slider.value + " px";
    report();
  }

  function setTheme(btn, focus) {
    radios.forEach(function (r) {
      var on = r === btn;
      r.setAttribute("aria-checked", String(on));
      r.tabIndex = on ? 0 : -1;
    });
    if (focus) btn.focus();
    refresh();
  }
  radios.forEach(function (r, i) {
    r.addEventListener("click", function () { setTheme(r, false); });
    r.addEventListener("keydown", function (ev) {
      var d = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
      if (!d) return;
      ev.preventDefault();
      setTheme(radios[(i + d + radios.length) % radios.length], true);
    });
  });
  switches.forEach(function (b) {
    b.addEventListener("click", function () {
      b.setAttribute("aria-checked", String(b.getAttribute("aria-checked") !== "true"));
      refresh();
    });
  });
  heads.forEach(function (h) {
    h.addEventListener("click", function () {
      var open = h.getAttribute("aria-expanded") !== "true";
      h.setAttribute("aria-expanded", String(open));
      document.getElementById(h.getAttribute("aria-controls")).hidden = !open;
      refresh();
    });
  });
  nameInput.addEventListener("input", refresh);
  slider.addEventListener("input", refresh);

  function apply(s) {
    nameInput.value = s.displayName;
    slider.value = String(s.textSize);
    radios.forEach(function (r) {
      var on = r.dataset.value === s.theme;
      r.setAttribute("aria-checked", String(on));
      r.tabIndex = on ? 0 : -1;
    });
    switches.forEach(function (b) { b.setAttribute("aria-checked", String(!!s.switches[b.dataset.key])); });
  }
  document.getElementById("save").addEventListener("click", function () {
    saved = settings();
    saves += 1;
    toast.hidden = false;
    refresh();
  });
  document.getElementById("discard").addEventListener("click", function () {
    apply(saved || initial);
    refresh();
  });
  document.getElementById("toast-close").addEventListener("click", function () {
    toast.hidden = true;
    refresh();
  });

  initial = settings();
  refresh();
})();
