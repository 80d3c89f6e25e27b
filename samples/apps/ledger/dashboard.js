(function () {
  "use strict";
  var session = Ledger.session();
  if (!session) { location.replace("./"); return; }

  var invoices = [
    { number: "INV-1042", client: "Northwind Traders", amount: 4200.0, due: "2 Dec", status: "Open" },
    { number: "INV-1041", client: "Blue Heron Bakery", amount: 860.5, due: "28 Nov", status: "Overdue" },
    { number: "INV-1040", client: "Casa Lumen", amount: 1290.0, due: "21 Nov", status: "Paid" },
    { number: "INV-1039", client: "Fjord & Pine", amount: 3150.0, due: "14 Nov", status: "Paid" },
    { number: "INV-1038", client: "Okafor Design", amount: 1290.0, due: "9 Nov", status: "Overdue" }
  ];
  var team = [["Daniel Okafor", "Owner"], ["Priya Raman", "Accountant"], ["Lena Vogel", "Sales"], ["Tomás Ruiz", "Viewer"]];
  var tab = "overview", menuOpen = false, modal = null, view = "dashboard";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("invoice-form");

  function euro(n) { return "€" + n.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
  function snapshot() {
    return {
      signedIn: true,
      email: session.email, name: session.name, password: session.password, remember: session.remember,
      tab: tab, view: view, menuOpen: menuOpen, modal: modal,
      invoices: invoices.map(function (i) { return { number: i.number, client: i.client, amount: i.amount, due: i.due, status: i.status, memo: i.memo || "" }; }),
      draft: { client: $("inv-client").value, amount: $("inv-amount").value, due: $("inv-due").options[$("inv-due").selectedIndex].text, memo: $("inv-memo").value }
    };
  }
  function report() { Ledger.report(snapshot()); }

  $("user-name").textContent = session.name;
  $("avatar").textContent = session.name.split(" ").map(function (w) { return w.charAt(0); }).join("").slice(0, 2).toUpperCase();
  $("menu-email").textContent = session.email;
  $("p-name").textContent = session.name;
  $("p-email").textContent = session.email;
  var hour = new Date().getHours();
  $("greeting").textContent = (hour < 12 ? "Good morning, " : hour < 18 ? "Good afternoon, " : "Good evening, ") + session.name.split(" ")[0];

  function renderInvoices() {
    var rows = $("invoice-rows");
    rows.textContent = "";
    invoices.forEach(function (i) {
      var tr = document.createElement("tr");
      [i.number, i.client, i.due, euro(i.amount)].forEach(function (v, k) {
        var td = document.createElement("td"); td.textContent = v; if (k === 3) td.className = "num"; tr.appendChild(td);
      });
      var st = document.createElement("td");
      st.innerHTML = '<span class="pill ' + i.status.toLowerCase() + '"></span>';
      st.firstChild.textContent = i.status;
      tr.appendChild(st);
      rows.appendChild(tr);
    });
    var out = invoices.filter(function (i) { return i.status !== "Paid"; }).reduce(function (s, i) { return s + i.amount; }, 0);
    $("kpi-out").textContent = "€" + Math.round(out).toLocaleString("en-GB");
  }
  function renderTeam() {
    var ul = $("team");
    team.forEach(function (m) {
      var li = document.createElement("li");
      li.innerHTML = '<span class="avatar sm"></span><span class="who"><strong></strong><span class="muted"></span></span>';
      li.querySelector(".avatar").textContent = m[0].split(" ").map(function (w) { return w[0]; }).join("");
      li.querySelector("strong").textContent = m[0];
      li.querySelector(".muted").textContent = m[1];
      ul.appendChild(li);
    });
  }

  function selectTab(name) {
    tab = name;
    ["overview", "invoices", "team"].forEach(function (n) {
      $("tab-" + n).setAttribute("aria-selected", String(n === name));
      $("panel-" + n).hidden = n !== name;
    });
    document.title = name.charAt(0).toUpperCase() + name.slice(1) + " · Ledger";
  }
  ["overview", "invoices", "team"].forEach(function (n) {
    $("tab-" + n).addEventListener("click", function () { selectTab(n); report(); });
  });

  function setMenu(open) {
    menuOpen = open;
    $("user-menu").hidden = !open;
    $("user-btn").setAttribute("aria-expanded", String(open));
  }
  $("user-btn").addEventListener("click", function (e) { e.stopPropagation(); setMenu(!menuOpen); report(); });
  document.addEventListener("click", function (e) {
    if (menuOpen && !$("user-menu").contains(e.target)) { setMenu(false); report(); }
  });

  function openModal(name) {
    modal = name;
    $("overlay").hidden = !name;
    $("invoice-modal").hidden = name !== "new-invoice";
    $("profile-modal").hidden = name !== "profile";
    if (name === "new-invoice") setTimeout(function () { $("inv-client").focus(); }, 0);
  }
  document.querySelectorAll("[data-close]").forEach(function (b) {
    b.addEventListener("click", function () { openModal(null); report(); });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      if (modal) { openModal(null); report(); } else if (menuOpen) { setMenu(false); report(); }
    }
  });
  $("new-invoice").addEventListener("click", function () {
    form.reset(); $("inv-error").hidden = true; openModal("new-invoice"); report();
  });

  var toastTimer;
  function toast(msg) {
    var t = $("toast"); t.textContent = msg; t.classList.add("show");
    clearTimeout(toastTimer); toastTimer = setTimeout(function () { t.classList.remove("show"); }, 2400);
  }

  document.querySelectorAll("[role=menuitem]").forEach(function (item) {
    item.addEventListener("click", function () {
      var a = item.dataset.action;
      setMenu(false);
      if (a === "signout") {
        Ledger.endSession();
        Ledger.report({ signedIn: false, signedOut: true, email: session.email, menuOpen: false });
        location.href = "./";
        return;
      }
      if (a === "profile") openModal("profile");
      else { view = a; toast(a === "billing" ? "Billing opens in the next release." : "Workspace settings saved."); }
      report();
    });
  });

  form.addEventListener("input", report);
  form.addEventListener("change", report);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var client = $("inv-client").value.trim();
    var amount = parseFloat($("inv-amount").value.replace(/[€\s,]/g, ""));
    var err = $("inv-error");
    if (!client) { err.textContent = "Add a client name."; err.hidden = false; return report(); }
    if (!(amount > 0)) { err.textContent = "Enter an amount greater than zero."; err.hidden = false; return report(); }
    var n = 1043 + invoices.length - 5;
    var due = $("inv-due").options[$("inv-due").selectedIndex].text;
    invoices.unshift({ number: "INV-" + n, client: client, amount: Math.round(amount * 100) / 100, due: due, status: "Draft", memo: $("inv-memo").value });
    renderInvoices();
    openModal(null);
    selectTab("invoices");
    toast("Invoice INV-" + n + " created for " + client);
    report();
  });

  renderInvoices();
  renderTeam();
  selectTab("overview");
  report();
})();
