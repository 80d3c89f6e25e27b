// Pebble Contacts: a material-like contact list. Reports its state to the sample server on load and
// on every change (POST /__state). No timers decide the state: the snackbar stays until Undo or the
// next removal, the tooltip only shows while the pointer rests on the add button.
(function () {
  "use strict";
  var APP = "contacts";
  var seq = 0;
  var COLORS = ["#7d5260", "#6750a4", "#386a20", "#8c4a00", "#00639b", "#984061", "#4a6267", "#625b71", "#006a6a"];
  var contacts = [
    { name: "Amara Okafor", phone: "+44 20 7946 0321", email: "amara@okafor.co", favourite: true },
    { name: "Bruno Salgado", phone: "+351 21 555 0198", email: "bruno.salgado@mail.pt", favourite: false },
    { name: "Chen Wei", phone: "+86 10 5555 0147", email: "chen.wei@lotus.cn", favourite: false },
    { name: "Dana Whitfield", phone: "+1 415 555 0112", email: "dana@whitfield.io", favourite: true },
    { name: "Elif Demir", phone: "+90 212 555 0176", email: "elif.demir@posta.tr", favourite: false },
    { name: "Farid Haddad", phone: "+961 1 555 0133", email: "farid@haddad.lb", favourite: false },
    { name: "Greta Holm", phone: "+46 8 555 0164", email: "greta.holm@nord.se", favourite: false },
    { name: "Ines Moreau", phone: "+33 1 5555 0185", email: "ines.moreau@lyon.fr", favourite: false }
  ];
  var tab = "all", query = "", dialog = null, removed = [], lastRemoved = null, snackbar = null;
  var list = document.getElementById("list"), empty = document.getElementById("empty");
  var search = document.getElementById("search");
  var fab = document.getElementById("fab"), tip = document.getElementById("fab-tip");
  var scrim = document.getElementById("scrim"), dlgError = document.getElementById("dlg-error");
  var fName = document.getElementById("f-name"), fPhone = document.getElementById("f-phone");
  var fEmail = document.getElementById("f-email"), fFav = document.getElementById("f-fav");
  var snack = document.getElementById("snackbar"), snackText = document.getElementById("snack-text");
  var tabs = [].slice.call(document.querySelectorAll("[role=tab]"));
  var indicator = document.querySelector(".tabs .indicator");

  function report() {
    var state = {
      page: location.pathname,
      contacts: contacts.map(function (c) { return { name: c.name, phone: c.phone, email: c.email, favourite: c.favourite }; }),
      tab: tab, query: query, dialog: dialog, removed: removed.slice(), snackbar: snackbar,
      shown: visible().map(function (c) { return c.name; })
    };
    var body = JSON.stringify({ app: APP, state: state, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body }).catch(function () {});
    } catch (e) { /* opened from file:// */ }
  }
  function visible() {
    var q = query.trim().toLowerCase();
    return contacts.filter(function (c) {
      return (tab === "all" || c.favourite) && (!q || c.name.toLowerCase().indexOf(q) >= 0 || c.phone.indexOf(q) >= 0);
    });
  }
  function initials(n) { return n.split(" ").map(function (p) { return p[0]; }).join("").slice(0, 2); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  function render() {
    list.textContent = "";
    visible().forEach(function (c) {
      var li = el("li");
      var av = el("span", "avatar", initials(c.name));
      av.style.background = COLORS[c.name.charCodeAt(0) % COLORS.length];
      av.setAttribute("aria-hidden", "true");
      var who = el("div", "who");
      who.appendChild(el("strong", "name", c.name));
      who.appendChild(el("div", "phone", c.phone));
      var fav = el("button", "icon-btn ripple", c.favourite ? "★" : "☆");
      fav.setAttribute("aria-label", "Favourite");
      fav.setAttribute("aria-pressed", String(c.favourite));
      fav.addEventListener("click", function () { c.favourite = !c.favourite; render(); report(); });
      var rm = el("button", "icon-btn ripple", "✕");
      rm.setAttribute("aria-label", "Remove");
      rm.addEventListener("click", function () { remove(c); });
      li.appendChild(av); li.appendChild(who); li.appendChild(fav); li.appendChild(rm);
      list.appendChild(li);
    });
    empty.hidden = visible().length > 0;
    var sel = tabs.filter(function (t) { return t.dataset.tab === tab; })[0];
    indicator.style.left = sel.offsetLeft + "px";
    indicator.style.width = sel.offsetWidth + "px";
  }
  function remove(c) {
    var i = contacts.indexOf(c);
    contacts.splice(i, 1);
    removed.push(c.name);
    lastRemoved = { contact: c, index: i };
    snackbar = c.name + " removed";
    snackText.textContent = snackbar;
    snack.hidden = false;
    render(); report();
  }
  document.getElementById("undo").addEventListener("click", function () {
    if (lastRemoved) {
      contacts.splice(lastRemoved.index, 0, lastRemoved.contact);
      removed.splice(removed.lastIndexOf(lastRemoved.contact.name), 1);
      lastRemoved = null;
    }
    snackbar = null; snack.hidden = true;
    render(); report();
  });

  tabs.forEach(function (t) {
    t.addEventListener("click", function () {
      tab = t.dataset.tab;
      tabs.forEach(function (o) { o.setAttribute("aria-selected", String(o === t)); });
      render(); report();
    });
  });
  search.addEventListener("input", function () { query = search.value; render(); report(); });

  // Tooltip: shows while the pointer rests on the add button (hover intent 300 ms).
  var tipTimer = null;
  fab.addEventListener("mouseenter", function () { tipTimer = setTimeout(function () { tip.hidden = false; }, 300); });
  fab.addEventListener("mouseleave", function () { clearTimeout(tipTimer); tip.hidden = true; });

  function openDialog() {
    dialog = "new-contact";
    fName.value = fPhone.value = fEmail.value = "";
    fFav.setAttribute("aria-checked", "false");
    dlgError.hidden = true;
    scrim.hidden = false;
    tip.hidden = true;
    fName.focus();
    report();
  }
  function closeDialog() { dialog = null; scrim.hidden = true; fab.focus(); report(); }
  fab.addEventListener("click", openDialog);
  document.getElementById("cancel").addEventListener("click", closeDialog);
  fFav.addEventListener("click", function () {
    fFav.setAttribute("aria-checked", String(fFav.getAttribute("aria-checked") !== "true"));
    report();
  });
  document.getElementById("save").addEventListener("click", function () {
    var name = fName.value.trim();
    if (!name) { dlgError.hidden = false; fName.focus(); return; }
    contacts.push({ name: name, phone: fPhone.value.trim(), email: fEmail.value.trim(),
                    favourite: fFav.getAttribute("aria-checked") === "true" });
    contacts.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
    closeDialog();
    render(); report();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && dialog) { ev.preventDefault(); closeDialog(); }
  });

  // Ripples: an ink circle grows from where the pointer pressed.
  document.addEventListener("pointerdown", function (ev) {
    var b = ev.target.closest(".ripple");
    if (!b) return;
    var r = b.getBoundingClientRect(), d = Math.max(r.width, r.height);
    var ink = el("span", "ripple-ink");
    ink.style.width = ink.style.height = d + "px";
    ink.style.left = (ev.clientX - r.left - d / 2) + "px";
    ink.style.top = (ev.clientY - r.top - d / 2) + "px";
    b.appendChild(ink);
    ink.addEventListener("animationend", function () { ink.remove(); });
  });

  render();
  report();
})();
