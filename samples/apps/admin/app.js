// Quillstone admin: a users table with search, pagination, inline edit, a hover menu per row and
// dialogs. Reports its state to the sample server on load and on every change.
(function () {
  "use strict";
  var APP = "admin";
  var PER_PAGE = 8;
  var seq = 0;
  var RAW = [
    ["Ana Souza", "ana.souza@quillstone.io", "Admin", "Active", 42],
    ["Bram de Vries", "bram.devries@quillstone.io", "Editor", "Active", 17],
    ["Chloé Martin", "chloe.martin@quillstone.io", "Viewer", "Invited", 0],
    ["Dmitri Volkov", "dmitri.volkov@quillstone.io", "Editor", "Active", 31],
    ["Esther Adeyemi", "esther.adeyemi@quillstone.io", "Viewer", "Active", 8],
    ["Farid Haddad", "farid.haddad@quillstone.io", "Viewer", "Suspended", 3],
    ["Greta Lindqvist", "greta.lindqvist@quillstone.io", "Editor", "Active", 26],
    ["Hiro Tanaka", "hiro.tanaka@quillstone.io", "Viewer", "Active", 12],
    ["Ines Carvalho", "ines.carvalho@quillstone.io", "Admin", "Active", 55],
    ["Jonah Whitfield", "jonah.whitfield@quillstone.io", "Viewer", "Invited", 0],
    ["Kasia Nowak", "kasia.nowak@quillstone.io", "Editor", "Active", 19],
    ["Lorenzo Bianchi", "lorenzo.bianchi@quillstone.io", "Viewer", "Active", 7],
    ["Maud Lefèvre", "maud.lefevre@quillstone.io", "Viewer", "Suspended", 2],
    ["Nikhil Rao", "nikhil.rao@quillstone.io", "Editor", "Active", 23],
    ["Olga Petrenko", "olga.petrenko@quillstone.io", "Viewer", "Active", 11],
    ["Pablo Ortega", "pablo.ortega@quillstone.io", "Viewer", "Active", 5],
    ["Quinn Gallagher", "quinn.gallagher@quillstone.io", "Admin", "Active", 38],
    ["Rosa Lindgren", "rosa.lindgren@quillstone.io", "Viewer", "Invited", 0],
    ["Samir Benali", "samir.benali@quillstone.io", "Editor", "Active", 14],
    ["Tove Aalto", "tove.aalto@quillstone.io", "Viewer", "Active", 9],
    ["Uma Krishnan", "uma.krishnan@quillstone.io", "Editor", "Active", 21],
    ["Viktor Hale", "viktor.hale@quillstone.io", "Viewer", "Suspended", 1],
    ["Wen Zhao", "wen.zhao@quillstone.io", "Viewer", "Active", 16]
  ];
  var users = RAW.map(function (r, i) {
    return { id: i + 1, name: r[0], email: r[1], role: r[2], status: r[3], orders: r[4], resetSent: false };
  });
  var query = "";
  var pageNo = 1;
  var menuFor = null;        // user id whose row menu is open
  var dialog = null;         // {kind: "delete"|"edit", id}
  var editing = null;        // {id, column} while a cell is edited inline
  var deleted = [];
  var openTimer = null, closeTimer = null;

  var tbody = document.getElementById("rows");
  var search = document.getElementById("search");
  var pagesEl = document.getElementById("pages");
  var prev = document.getElementById("prev");
  var next = document.getElementById("next");
  var confirmBox = document.getElementById("confirm");
  var editorBox = document.getElementById("editor");
  var TRASH = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 1h4l1 1h3v2H2V2h3l1-1zM3 5h10l-1 10H4L3 5zm3 2v6h1V7H6zm3 0v6h1V7H9z"/></svg>';

  function byId(id) { return users.filter(function (u) { return u.id === id; })[0]; }
  function matches() {
    var q = query.trim().toLowerCase();
    return users.filter(function (u) {
      return !q || u.name.toLowerCase().indexOf(q) >= 0 || u.email.toLowerCase().indexOf(q) >= 0;
    });
  }
  function pageCount() { return Math.max(1, Math.ceil(matches().length / PER_PAGE)); }
  function visible() { return matches().slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE); }

  function snapshot() {
    return {
      users: users.map(function (u) {
        return { name: u.name, email: u.email, role: u.role, status: u.status, orders: u.orders, resetSent: u.resetSent };
      }),
      deleted: deleted.slice(),
      query: query,
      pageNumber: pageNo,
      pageCount: pageCount(),
      shown: visible().map(function (u) { return u.name; }),
      menu: menuFor ? byId(menuFor).name : null,
      dialog: dialog ? { kind: dialog.kind, user: byId(dialog.id).name } : null,
      editing: editing ? { user: byId(editing.id).name, column: editing.column } : null
    };
  }
  function report() {
    var state = snapshot();
    state.page = location.pathname;
    var body = JSON.stringify({ app: APP, state: state, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, keepalive: false })  // never navigates; Chromium caps keepalive bodies in flight (64 KB)
        .catch(function () {});
    } catch (e) { /* opened from file:// */ }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function render() {
    var all = matches();
    if (pageNo > pageCount()) pageNo = pageCount();
    tbody.textContent = "";
    visible().forEach(function (u) {
      var tr = el("tr");
      tr.dataset.id = u.id;
      ["name", "email"].forEach(function (col) {
        var td = el("td", "editable", u[col]);
        td.dataset.column = col;
        td.addEventListener("dblclick", function () { startEdit(u, col, td); });
        tr.appendChild(td);
      });
      tr.appendChild(el("td", null, u.role));
      var st = el("td");
      st.appendChild(el("span", "status " + u.status.toLowerCase(), u.status));
      tr.appendChild(st);
      tr.appendChild(el("td", "num", String(u.orders)));
      var act = el("td");
      var acts = el("div", "acts");
      var edit = el("button", "edit", "Edit");
      edit.type = "button";
      edit.addEventListener("click", function () { openEditor(u); });
      var wrap = el("div", "more-wrap");
      var more = el("button", "more", "⋯");
      more.type = "button";
      more.setAttribute("aria-label", "More actions");
      more.setAttribute("aria-haspopup", "menu");
      more.setAttribute("aria-expanded", String(menuFor === u.id));
      more.addEventListener("click", function () { setMenu(u.id); });
      wrap.appendChild(more);
      if (menuFor === u.id) wrap.appendChild(buildMenu(u));
      wrap.addEventListener("mouseenter", function () {
        clearTimeout(closeTimer);
        if (menuFor === u.id) return;
        clearTimeout(openTimer);
        openTimer = setTimeout(function () { setMenu(u.id); }, 200);  // hover intent: rest, not pass
      });
      wrap.addEventListener("mouseleave", function () {
        clearTimeout(openTimer);
        if (menuFor !== u.id) return;
        closeTimer = setTimeout(function () { setMenu(null); }, 300);
      });
      var del = el("button", "del");
      del.type = "button";
      del.setAttribute("aria-label", "Delete");
      del.innerHTML = TRASH;
      del.addEventListener("click", function () { openConfirm(u); });
      acts.appendChild(edit);
      acts.appendChild(wrap);
      acts.appendChild(del);
      act.appendChild(acts);
      tr.appendChild(act);
      tbody.appendChild(tr);
    });
    document.getElementById("empty").hidden = all.length > 0;
    document.getElementById("count").textContent = String(users.length);
    var from = all.length ? (pageNo - 1) * PER_PAGE + 1 : 0;
    document.getElementById("range").textContent = from + "–" + Math.min(all.length, pageNo * PER_PAGE) + " of " + all.length;
    pagesEl.textContent = "";
    for (var p = 1; p <= pageCount(); p++) {
      (function (p) {
        var b = el("button", null, String(p));
        b.type = "button";
        b.setAttribute("aria-label", "Page " + p);
        if (p === pageNo) b.setAttribute("aria-current", "page");
        b.addEventListener("click", function () { goPage(p); });
        pagesEl.appendChild(b);
      })(p);
    }
    prev.disabled = pageNo <= 1;
    next.disabled = pageNo >= pageCount();
  }

  function buildMenu(u) {
    var ul = el("ul", "popmenu");
    ul.setAttribute("role", "menu");
    ul.setAttribute("aria-label", "Actions for " + u.name);
    [["Send password reset", function () { u.resetSent = true; }],
     [u.status === "Suspended" ? "Reactivate" : "Suspend",
      function () { u.status = u.status === "Suspended" ? "Active" : "Suspended"; }],
     ["Make admin", function () { u.role = "Admin"; }]].forEach(function (item) {
      var li = el("li", null, item[0]);
      li.setAttribute("role", "menuitem");
      li.tabIndex = -1;
      li.addEventListener("click", function () { item[1](); menuFor = null; render(); report(); });
      ul.appendChild(li);
    });
    return ul;
  }
  function setMenu(id) {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (menuFor === id) return;
    menuFor = id;
    render(); report();
  }
  function goPage(p) {
    if (p < 1 || p > pageCount() || p === pageNo) return;
    pageNo = p; menuFor = null;
    render(); report();
  }
  prev.addEventListener("click", function () { goPage(pageNo - 1); });
  next.addEventListener("click", function () { goPage(pageNo + 1); });
  search.addEventListener("input", function () {
    query = search.value; pageNo = 1; menuFor = null;
    render(); report();
  });

  // inline edit
  function startEdit(u, col, td) {
    if (editing) return;
    editing = { id: u.id, column: col };
    var input = el("input", "cell-edit");
    input.type = "text";
    input.value = u[col];
    input.spellcheck = false;
    input.setAttribute("aria-label", col === "name" ? "Name" : "Email");
    td.textContent = "";
    td.appendChild(input);
    input.focus();
    input.select();
    var done = false;
    function finish(save) {
      if (done) return;
      done = true;
      var v = input.value.trim();
      if (save && v) u[col] = v;
      editing = null;
      render(); report();
    }
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); finish(true); }
      else if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); finish(false); }
    });
    input.addEventListener("input", report);
    input.addEventListener("blur", function () { finish(true); });
    report();
  }

  // dialogs
  function openConfirm(u) {
    dialog = { kind: "delete", id: u.id };
    menuFor = null;
    document.getElementById("confirm-text").textContent =
      "Delete " + u.name + " (" + u.email + ")? This cannot be undone.";
    confirmBox.hidden = false;
    document.getElementById("confirm-cancel").focus();
    report();
  }
  function openEditor(u) {
    dialog = { kind: "edit", id: u.id };
    menuFor = null;
    document.getElementById("ed-name").value = u.name;
    document.getElementById("ed-email").value = u.email;
    document.getElementById("ed-role").value = u.role;
    editorBox.hidden = false;
    var n = document.getElementById("ed-name");
    n.focus(); n.select();
    report();
  }
  function closeDialog() {
    if (!dialog) return;
    var kind = dialog.kind;
    dialog = null;
    confirmBox.hidden = true;
    editorBox.hidden = true;
    render(); report();
    return kind;
  }
  document.getElementById("confirm-cancel").addEventListener("click", closeDialog);
  document.getElementById("editor-cancel").addEventListener("click", closeDialog);
  document.getElementById("confirm-ok").addEventListener("click", function () {
    var u = byId(dialog.id);
    users = users.filter(function (x) { return x !== u; });
    deleted.push(u.name);
    closeDialog();
  });
  document.getElementById("editor-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var u = byId(dialog.id);
    var n = document.getElementById("ed-name").value.trim();
    var m = document.getElementById("ed-email").value.trim();
    if (n) u.name = n;
    if (m) u.email = m;
    u.role = document.getElementById("ed-role").value;
    closeDialog();
  });
  ["ed-name", "ed-email", "ed-role"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", report);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    if (dialog) { ev.preventDefault(); closeDialog(); }
    else if (menuFor) { setMenu(null); }
  });
  [confirmBox, editorBox].forEach(function (b) {
    b.addEventListener("mousedown", function (ev) { if (ev.target === b) closeDialog(); });
  });

  render();
  report();
})();
