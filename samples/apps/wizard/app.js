// Harbor Stays: a four-step booking wizard (Guest, Dates, Extras, Review) with inline validation.
// A field's error shows when it loses focus invalid or when Next finds it invalid, and clears as
// soon as its value is valid. Each step change focuses the step's first field. Reports its state on
// load and on every change; the booking reference is derived from the booking, not the clock.
(function () {
  "use strict";
  var APP = "wizard";
  var seq = 0;
  var step = 1, done = false, reference = null;
  var $ = function (id) { return document.getElementById(id); };
  var F = { name: $("name"), email: $("email"), phone: $("phone"), checkin: $("checkin"), nights: $("nights"),
            guests: $("guests"), room: $("room"), breakfast: $("breakfast"), late: $("late"), notes: $("notes"), rules: $("rules") };
  var STEP_FIELDS = { 1: ["name", "email"], 2: ["checkin", "nights", "guests"], 3: [], 4: ["rules"] };
  var FIRST = { 1: "name", 2: "checkin", 3: "room", 4: "rules" };
  var shown = {};  // field -> error message on screen

  function values() {
    return { name: F.name.value, email: F.email.value, phone: F.phone.value, checkin: F.checkin.value,
             nights: F.nights.value, guests: F.guests.value, room: F.room.value, breakfast: F.breakfast.checked,
             lateCheckout: F.late.getAttribute("aria-checked") === "true", notes: F.notes.value, rules: F.rules.checked };
  }
  function report() {
    var s = { page: location.pathname, step: step, done: done, reference: reference, fields: values(),
              errors: Object.assign({}, shown) };
    var body = JSON.stringify({ app: APP, state: s, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body }).catch(function () {});
    } catch (e) { /* file:// */ }
  }
  function intIn(v, lo, hi) { return /^\d+$/.test(v) && +v >= lo && +v <= hi; }
  function problem(k) {
    var v = values();
    switch (k) {
      case "name": return v.name.trim().length >= 2 ? null : "Enter the guest's full name.";
      case "email": return /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(v.email.trim()) ? null : "Enter an email address like name@example.com.";
      case "checkin": return !v.checkin ? "Choose a check-in date." :
        (v.checkin < "2027-01-01" || v.checkin > "2027-12-31") ? "We take bookings for 2027 only." : null;
      case "nights": return intIn(v.nights, 1, 14) ? null : "Nights must be between 1 and 14.";
      case "guests": return intIn(v.guests, 1, 6) ? null : "Guests must be between 1 and 6.";
      case "rules": return v.rules ? null : "Please accept the house rules.";
    }
    return null;
  }
  function show(k, msg) {
    var e = $("err-" + k);
    if (msg) shown[k] = msg; else delete shown[k];
    e.textContent = msg || "";
    e.hidden = !msg;
    if (F[k].tagName === "INPUT" && F[k].type !== "checkbox") F[k].classList.toggle("bad", !!msg);
    F[k].setAttribute("aria-invalid", String(!!msg));
  }
  Object.keys(STEP_FIELDS).forEach(function (s) {
    STEP_FIELDS[s].forEach(function (k) {
      F[k].addEventListener("blur", function () {
        if (F[k].type === "checkbox") return;
        if (F[k].value !== "" || shown[k]) { show(k, problem(k)); report(); }
      });
      F[k].addEventListener(F[k].type === "checkbox" ? "change" : "input", function () {
        if (shown[k] && !problem(k)) show(k, null);
        report();
      });
    });
  });
  ["phone", "room", "notes"].forEach(function (k) { F[k].addEventListener(k === "room" ? "change" : "input", report); });
  F.breakfast.addEventListener("change", report);
  F.late.addEventListener("click", function () {
    F.late.setAttribute("aria-checked", String(F.late.getAttribute("aria-checked") !== "true"));
    report();
  });

  function summary() {
    var v = values(), dl = $("summary");
    dl.textContent = "";
    [["Guest", v.name], ["Email", v.email], ["Check-in", v.checkin], ["Nights", v.nights], ["Guests", v.guests],
     ["Room", v.room], ["Breakfast", v.breakfast ? "Yes" : "No"], ["Late checkout", v.lateCheckout ? "Yes" : "No"]]
      .forEach(function (p) {
        var dt = document.createElement("dt"), dd = document.createElement("dd");
        dt.textContent = p[0]; dd.textContent = p[1]; dl.appendChild(dt); dl.appendChild(dd);
      });
  }
  function render(focus) {
    [].slice.call(document.querySelectorAll(".step")).forEach(function (s) { s.hidden = done || +s.dataset.step !== step; });
    [].slice.call(document.querySelectorAll(".stepper li")).forEach(function (li) {
      var n = +li.dataset.step;
      li.classList.toggle("on", !done && n === step);
      li.classList.toggle("past", done || n < step);
    });
    $("done").hidden = !done;
    $("nav").hidden = done;
    $("back").hidden = step === 1;
    $("next").textContent = step === 4 ? "Confirm booking" : "Next";
    if (step === 4) summary();
    if (focus && !done) F[FIRST[step]].focus();
  }
  function ref(v) {
    var s = v.name + "|" + v.checkin + "|" + v.nights + "|" + v.room, h = 7;
    for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) % 1000003;
    return "HS-" + String(h).padStart(6, "0");
  }
  $("next").addEventListener("click", function () {
    var bad = STEP_FIELDS[step].filter(function (k) { var p = problem(k); show(k, p); return !!p; });
    if (bad.length) { F[bad[0]].focus(); report(); return; }
    if (step === 4) { done = true; reference = ref(values()); render(false); report(); return; }
    step += 1;
    render(true);
    report();
  });
  $("back").addEventListener("click", function () {
    if (step > 1) { step -= 1; render(true); report(); }
  });
  $("wizard").addEventListener("submit", function (ev) { ev.preventDefault(); });

  render(false);
  report();
})();
