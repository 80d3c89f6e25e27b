// Sprintboard: a kanban board. Cards move between columns with their Move buttons, open a details
// dialog (assignee, points, a Blocked switch; Escape or ✕ closes it), are renamed by double-clicking
// their title (Enter saves, Escape cancels, leaving the field saves), deleted with a button that
// shows while the pointer is over the card, and added per column. Reports its state on every change.
(function () {
  "use strict";
  var APP = "board";
  var seq = 0;
  var COLS = [["todo", "To do"], ["doing", "In progress"], ["done", "Done"]];
  var cards = [
    ["Login screen polish", "todo", "Maya Chen", 3], ["Offline banner", "todo", "Unassigned", 2],
    ["Push opt-in copy", "todo", "Priya Nair", 1], ["Crash on rotate", "todo", "Theo Brandt", 5],
    ["Dark mode icons", "doing", "Maya Chen", 3], ["Sync retry backoff", "doing", "Jonas Berg", 8],
    ["Release notes", "doing", "Unassigned", 1], ["App store screenshots", "done", "Priya Nair", 2],
    ["Analytics events", "done", "Theo Brandt", 5]
  ].map(function (c) { return { title: c[0], column: c[1], assignee: c[2], points: c[3], blocked: false }; });
  var dialog = null, adding = null, renaming = null, deleted = [];
  var board = document.getElementById("board");
  var scrim = document.getElementById("scrim"), dlgTitle = document.getElementById("dlg-title");
  var assignee = document.getElementById("assignee"), points = document.getElementById("points"), blocked = document.getElementById("blocked");

  function report() {
    var s = { page: location.pathname,
              cards: ordered().map(function (c) { return { title: c.title, column: c.column, assignee: c.assignee, points: c.points, blocked: c.blocked }; }),
              dialog: dialog ? dialog.title : null, adding: adding, renaming: renaming ? renaming.title : null, deleted: deleted.slice() };
    var body = JSON.stringify({ app: APP, state: s, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body }).catch(function () {});
    } catch (e) { /* file:// */ }
  }
  function ordered() {
    var out = [];
    COLS.forEach(function (col) { cards.forEach(function (c) { if (c.column === col[0]) out.push(c); }); });
    return out;
  }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function iconBtn(label, glyph, cls, fn) {
    var b = el("button", "icon" + (cls ? " " + cls : ""), glyph);
    b.setAttribute("aria-label", label);
    b.addEventListener("click", fn);
    return b;
  }
  function move(c, d) {
    var i = COLS.findIndex(function (x) { return x[0] === c.column; });
    cards.splice(cards.indexOf(c), 1);
    c.column = COLS[i + d][0];
    cards.push(c);
    render(); report();
  }

  function render() {
    board.textContent = "";
    COLS.forEach(function (col, ci) {
      var sec = el("section", "col");
      sec.setAttribute("aria-labelledby", "col-" + col[0]);
      var head = el("div", "col-head");
      var h = el("h2", null, col[1]);
      h.id = "col-" + col[0];
      var n = cards.filter(function (c) { return c.column === col[0]; }).length;
      var count = el("span", "count", String(n));
      count.setAttribute("aria-hidden", "true");
      h.appendChild(count);
      head.appendChild(h);
      sec.appendChild(head);
      var ul = el("ul", "cards");
      cards.filter(function (c) { return c.column === col[0]; }).forEach(function (c) {
        var li = el("li", "card");
        if (renaming === c) {
          var inp = el("input", "rename");
          inp.value = c.title;
          inp.setAttribute("aria-label", "Card title");
          var finish = function (save) {
            if (renaming !== c) return;
            if (save && inp.value.trim()) c.title = inp.value.trim();
            renaming = null; render(); report();
          };
          inp.addEventListener("keydown", function (ev) {
            if (ev.key === "Enter") { ev.preventDefault(); finish(true); }
            else if (ev.key === "Escape") { ev.preventDefault(); finish(false); }
          });
          inp.addEventListener("blur", function () { finish(true); });
          li.appendChild(inp);
          setTimeout(function () { inp.focus(); inp.select(); }, 0);
        } else {
          var t = el("h3", "title", c.title);
          t.addEventListener("dblclick", function () { renaming = c; render(); report(); });
          li.appendChild(t);
        }
        var meta = el("div", "meta");
        meta.appendChild(el("span", "who", c.assignee + " · " + c.points + " pt"));
        if (c.blocked) meta.appendChild(el("span", "flag", "Blocked"));
        if (ci > 0) meta.appendChild(iconBtn("Move left", "←", null, function () { move(c, -1); }));
        if (ci < COLS.length - 1) meta.appendChild(iconBtn("Move right", "→", null, function () { move(c, 1); }));
        meta.appendChild(iconBtn("Edit card", "✎", null, function () { openDialog(c); }));
        li.appendChild(meta);
        li.appendChild(iconBtn("Delete card", "✖", "del", function () {
          cards.splice(cards.indexOf(c), 1); deleted.push(c.title); render(); report();
        }));
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      if (adding === col[0]) {
        var inp = el("input", "new-card");
        inp.placeholder = "Card title";
        inp.setAttribute("aria-label", "New card title");
        inp.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" && inp.value.trim()) {
            ev.preventDefault();
            cards.push({ title: inp.value.trim(), column: col[0], assignee: "Unassigned", points: 0, blocked: false });
            adding = null; render(); report();
          } else if (ev.key === "Escape") { ev.preventDefault(); adding = null; render(); report(); }
        });
        sec.appendChild(inp);
        setTimeout(function () { inp.focus(); }, 0);
      } else {
        var add = el("button", "add", "+ Add card");
        add.setAttribute("aria-label", "Add card");
        add.addEventListener("click", function () { adding = col[0]; renaming = null; render(); report(); });
        sec.appendChild(add);
      }
      board.appendChild(sec);
    });
  }

  function openDialog(c) {
    dialog = c;
    dlgTitle.textContent = c.title;
    assignee.value = c.assignee;
    points.value = String(c.points);
    blocked.setAttribute("aria-checked", String(c.blocked));
    scrim.hidden = false;
    assignee.focus();
    report();
  }
  function closeDialog() { dialog = null; scrim.hidden = true; render(); report(); }
  assignee.addEventListener("change", function () { if (dialog) { dialog.assignee = assignee.value; report(); } });
  points.addEventListener("input", function () {
    if (dialog && /^\d+$/.test(points.value)) { dialog.points = Math.min(13, +points.value); report(); }
  });
  blocked.addEventListener("click", function () {
    if (!dialog) return;
    dialog.blocked = !dialog.blocked;
    blocked.setAttribute("aria-checked", String(dialog.blocked));
    report();
  });
  document.getElementById("dlg-close").addEventListener("click", closeDialog);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && dialog) { ev.preventDefault(); closeDialog(); }
  });

  render();
  report();
})();
