// Orbit Conf registration. Reports its whole state to the sample server on every change.
(function () {
  "use strict";
  var APP = "signup";
  var seq = 0;
  function report(state) {
    state.page = location.pathname;
    var body = JSON.stringify({ app: APP, state: state, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, keepalive: true })
        .catch(function () {});
    } catch (e) { /* opened from file:// */ }
  }

  var KEY = "orbit.registration";
  var form = document.getElementById("register");

  if (form) {
    var error = document.getElementById("error");
    var read = function () {
      var f = form.elements;
      var sel = f.country;
      return {
        firstName: f.firstName.value,
        lastName: f.lastName.value,
        email: f.email.value,
        company: f.company.value,
        country: sel.value ? sel.options[sel.selectedIndex].text : "",
        countryCode: sel.value,
        ticket: form.querySelector("input[name=ticket]:checked").value,
        newsletter: f.newsletter.checked,
        terms: f.terms.checked
      };
    };
    var state = function () {
      return { fields: read(), submitted: false, error: error.hidden ? null : error.textContent };
    };
    form.addEventListener("input", function () { report(state()); });
    form.addEventListener("change", function () {
      form.querySelectorAll(".ticket").forEach(function (t) {
        t.classList.toggle("selected", t.querySelector("input").checked);
      });
      report(state());
    });
    form.querySelectorAll(".ticket").forEach(function (t) {
      t.classList.toggle("selected", t.querySelector("input").checked);
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var v = read();
      var problem = null;
      if (!v.firstName.trim() || !v.lastName.trim()) problem = "Please enter your first and last name.";
      else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email)) problem = "Please enter a valid email address.";
      else if (!v.countryCode) problem = "Please choose your country.";
      else if (!v.terms) problem = "Please agree to the code of conduct.";
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        report(state());
        return;
      }
      error.hidden = true;
      v.reference = "OC25-" + (v.lastName.trim().slice(0, 3).toUpperCase() || "REG") + "-" +
        String(1000 + (v.email.length * 37 + v.firstName.length * 11) % 9000);
      sessionStorage.setItem(KEY, JSON.stringify(v));
      var s = state();
      s.submitted = true;
      report(s);
      location.href = "confirm.html";
    });
    report(state());
  } else {
    var reg = null;
    try { reg = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { reg = null; }
    var tickets = { standard: "Standard", student: "Student", workshop: "Workshop pass" };
    if (reg) {
      document.getElementById("title").textContent = "You're registered, " + reg.firstName + "!";
      document.getElementById("lede").textContent = "A confirmation email is on its way to " + reg.email + ".";
      var rows = [["Name", reg.firstName + " " + reg.lastName], ["Email", reg.email],
                  ["Company", reg.company || "—"], ["Country", reg.country],
                  ["Ticket", tickets[reg.ticket] || reg.ticket],
                  ["Newsletter", reg.newsletter ? "Yes" : "No"], ["Reference", reg.reference]];
      var dl = document.getElementById("summary");
      rows.forEach(function (r) {
        var dt = document.createElement("dt"); dt.textContent = r[0];
        var dd = document.createElement("dd"); dd.textContent = r[1];
        dl.appendChild(dt); dl.appendChild(dd);
      });
    } else {
      document.getElementById("title").textContent = "No registration found";
      document.getElementById("lede").textContent = "Start again from the registration form.";
    }
    report({ registered: !!reg, registration: reg });
  }
})();
