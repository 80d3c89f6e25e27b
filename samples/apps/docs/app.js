// Lattice Docs: a long documentation page with a sidebar, in-page search (a combobox whose results
// list answers Arrow keys, Enter and Escape), a version menu that opens on hover, copy buttons,
// per-section feedback and a dark-mode switch. Reports its state on load and on every change.
(function () {
  "use strict";
  var APP = "docs";
  var seq = 0;
  var q = document.getElementById("q"), results = document.getElementById("results");
  var sections = [].slice.call(document.querySelectorAll(".doc-section"));
  var links = [].slice.call(document.querySelectorAll(".sidebar a"));
  var vBtn = document.getElementById("version-btn"), vMenu = document.getElementById("version-menu");
  var dark = document.getElementById("dark"), verTag = document.getElementById("ver-tag");
  var state = { version: "v3.2", copied: [], feedback: {}, opened: [] };
  var hits = [], active = -1;

  function report() {
    var s = {
      page: location.pathname, hash: location.hash, query: q.value,
      resultsOpen: !results.hidden, results: hits.map(function (h) { return h.title; }),
      active: active >= 0 ? hits[active].title : null,
      opened: state.opened.slice(), version: state.version, versionMenu: !vMenu.hidden,
      dark: dark.getAttribute("aria-checked") === "true",
      copied: state.copied.slice(), feedback: Object.assign({}, state.feedback)
    };
    var body = JSON.stringify({ app: APP, state: s, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body }).catch(function () {});
    } catch (e) { /* file:// */ }
  }

  function markCurrent() {
    links.forEach(function (a) { a.classList.toggle("current", a.getAttribute("href") === location.hash); });
  }
  window.addEventListener("hashchange", function () { markCurrent(); report(); });

  // --- search
  function search() {
    var term = q.value.trim().toLowerCase();
    hits = [];
    if (term) {
      sections.forEach(function (s) {
        var title = s.querySelector("h2").textContent;
        var text = s.textContent.toLowerCase();
        if (text.indexOf(term) >= 0) hits.push({ id: s.id, title: title, inTitle: title.toLowerCase().indexOf(term) >= 0 });
      });
      hits.sort(function (a, b) { return (b.inTitle - a.inTitle); });  // stable: titles first, then page order
      hits = hits.slice(0, 6);
    }
    active = -1;
    draw();
  }
  function draw() {
    results.textContent = "";
    hits.forEach(function (h, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "opt-" + h.id;
      li.setAttribute("aria-selected", String(i === active));
      li.textContent = h.title;
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });  // keep focus in the box
      li.addEventListener("click", function () { open(h); });
      results.appendChild(li);
    });
    results.hidden = hits.length === 0;
    q.setAttribute("aria-expanded", String(!results.hidden));
    if (active >= 0) q.setAttribute("aria-activedescendant", "opt-" + hits[active].id);
    else q.removeAttribute("aria-activedescendant");
  }
  function close() { hits = []; active = -1; draw(); }
  function open(h) {
    state.opened.push(h.id);
    close();
    if (location.hash === "#" + h.id) { document.getElementById(h.id).scrollIntoView(); report(); }
    else location.hash = h.id;  // hashchange reports
  }
  q.addEventListener("input", function () { search(); report(); });
  q.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) return;
      ev.preventDefault();
      var d = ev.key === "ArrowDown" ? 1 : -1;
      active = active < 0 ? (d > 0 ? 0 : hits.length - 1) : (active + d + hits.length) % hits.length;
      draw(); report();
    } else if (ev.key === "Enter") {
      if (!hits.length) return;
      ev.preventDefault();
      open(hits[active >= 0 ? active : 0]);
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      if (hits.length) { close(); report(); }
    }
  });

  // --- version menu: opens when the pointer rests on the button (200 ms), or on click
  var openTimer = null, closeTimer = null;
  function setMenu(open) {
    vMenu.hidden = !open;
    vBtn.setAttribute("aria-expanded", String(open));
    report();
  }
  function wrapEnter() { clearTimeout(closeTimer); if (vMenu.hidden) openTimer = setTimeout(function () { setMenu(true); }, 200); }
  function wrapLeave() { clearTimeout(openTimer); if (!vMenu.hidden) closeTimer = setTimeout(function () { setMenu(false); }, 300); }
  var vWrap = vBtn.parentElement;
  vWrap.addEventListener("mouseenter", wrapEnter);
  vWrap.addEventListener("mouseleave", wrapLeave);
  vBtn.addEventListener("click", function () { clearTimeout(openTimer); setMenu(vMenu.hidden); });
  [].slice.call(vMenu.querySelectorAll("[role=menuitem]")).forEach(function (m) {
    m.addEventListener("click", function () {
      state.version = m.dataset.version;
      vBtn.textContent = verTag.textContent = state.version;
      clearTimeout(closeTimer);
      setMenu(false);
    });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !vMenu.hidden) { setMenu(false); vBtn.focus(); }
  });

  // --- copy buttons and feedback
  [].slice.call(document.querySelectorAll(".copy")).forEach(function (b) {
    b.addEventListener("click", function () {
      if (state.copied.indexOf(b.dataset.section) < 0) state.copied.push(b.dataset.section);
      b.classList.add("done");
      b.textContent = "✓";
      report();
    });
  });
  [].slice.call(document.querySelectorAll(".fb")).forEach(function (b) {
    b.setAttribute("aria-pressed", "false");
    b.addEventListener("click", function () {
      state.feedback[b.dataset.section] = b.dataset.value;
      [].slice.call(b.parentElement.querySelectorAll(".fb")).forEach(function (o) { o.setAttribute("aria-pressed", String(o === b)); });
      report();
    });
  });
  dark.addEventListener("click", function () {
    var on = dark.getAttribute("aria-checked") !== "true";
    dark.setAttribute("aria-checked", String(on));
    document.body.classList.toggle("dark", on);
    report();
  });

  markCurrent();
  report();
})();
