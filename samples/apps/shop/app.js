// Kestrel Outdoor shop. Reports its whole state to the sample server on every change.
(function () {
  "use strict";
  var APP = "shop";
  var seq = 0;
  function report(state) {
    state.page = location.pathname;
    var body = JSON.stringify({ app: APP, state: state, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, keepalive: true })
        .catch(function () {});
    } catch (e) { /* opened from file:// */ }
  }

  var KEY = "kestrel.cart";
  var products = window.PRODUCTS;
  var byId = {};
  products.forEach(function (p) { byId[p.id] = p; });
  var cart = [];
  try { cart = JSON.parse(sessionStorage.getItem(KEY) || "[]"); } catch (e) { cart = []; }
  var query = "";
  var cartOpen = false;

  function euro(n) { return "€" + n.toFixed(2); }
  function save() { sessionStorage.setItem(KEY, JSON.stringify(cart)); }
  function snapshot() {
    return {
      cart: cart.map(function (l) { return { id: l.id, title: byId[l.id].title, qty: l.qty, price: byId[l.id].price }; }),
      cartCount: cart.reduce(function (n, l) { return n + l.qty; }, 0),
      subtotal: Math.round(cart.reduce(function (n, l) { return n + l.qty * byId[l.id].price; }, 0) * 100) / 100,
      query: query,
      searchDraft: document.getElementById("search").value,
      cartOpen: cartOpen
    };
  }

  var ART = {
    tent: '<path d="M20 92 L60 28 L100 92 Z" fill="C"/><path d="M50 92 L60 62 L70 92 Z" fill="#2b2b2b" opacity=".55"/><path d="M10 92 H110" stroke="#6b5a45" stroke-width="3"/>',
    bag: '<rect x="38" y="18" width="44" height="78" rx="22" fill="C"/><path d="M44 34 H76" stroke="#fff" stroke-width="3" opacity=".6"/><rect x="48" y="24" width="24" height="12" rx="6" fill="#fff" opacity=".35"/>',
    pad: '<rect x="22" y="42" width="76" height="30" rx="8" fill="C"/><path d="M34 42 V72 M46 42 V72 M58 42 V72 M70 42 V72 M82 42 V72" stroke="#fff" stroke-width="2" opacity=".45"/>',
    stove: '<rect x="36" y="56" width="48" height="34" rx="6" fill="C"/><path d="M60 56 C52 46 60 40 58 30 C68 40 70 48 60 56" fill="#f59e0b"/><rect x="30" y="50" width="60" height="6" rx="3" fill="#333"/>',
    mug: '<rect x="38" y="34" width="38" height="52" rx="6" fill="C"/><path d="M76 46 h10 a8 8 0 0 1 0 16 h-10" fill="none" stroke="C" stroke-width="5"/><path d="M50 24 c-4 -6 4 -8 0 -14 M62 24 c-4 -6 4 -8 0 -14" stroke="#bbb" stroke-width="3" fill="none"/>',
    lantern: '<rect x="46" y="22" width="28" height="8" rx="3" fill="#333"/><rect x="42" y="30" width="36" height="52" rx="10" fill="C"/><rect x="50" y="40" width="20" height="32" rx="6" fill="#fff" opacity=".7"/><rect x="44" y="82" width="32" height="10" rx="3" fill="#333"/>',
    headlamp: '<ellipse cx="60" cy="60" rx="40" ry="22" fill="none" stroke="#333" stroke-width="6"/><rect x="44" y="62" width="32" height="24" rx="8" fill="C"/><circle cx="60" cy="74" r="7" fill="#fff8c4"/>',
    chair: '<path d="M34 40 L86 40 L80 70 L40 70 Z" fill="C"/><path d="M40 70 L30 96 M80 70 L90 96 M40 70 L86 96 M80 70 L34 96" stroke="#333" stroke-width="3"/>',
    hammock: '<path d="M14 30 V96 M106 30 V96" stroke="#6b4f35" stroke-width="6"/><path d="M14 40 Q60 100 106 40" fill="none" stroke="C" stroke-width="12"/>',
    bottle: '<rect x="48" y="16" width="24" height="12" rx="3" fill="#333"/><rect x="42" y="28" width="36" height="66" rx="12" fill="C"/><rect x="48" y="42" width="8" height="40" rx="4" fill="#fff" opacity=".45"/>',
    poles: '<path d="M44 16 L56 100 M76 16 L64 100" stroke="C" stroke-width="6" stroke-linecap="round"/><rect x="38" y="12" width="12" height="22" rx="4" fill="#8b6b4a"/><rect x="70" y="12" width="12" height="22" rx="4" fill="#8b6b4a"/>'
  };

  function stars(r) {
    var full = Math.round(r);
    return "★★★★★".slice(0, full) + "☆☆☆☆☆".slice(0, 5 - full);
  }

  var grid = document.getElementById("grid");
  function renderGrid() {
    grid.textContent = "";
    var q = query.toLowerCase();
    var shown = products.filter(function (p) { return !q || (p.title + " " + p.blurb + " " + p.art).toLowerCase().indexOf(q) >= 0; });
    shown.forEach(function (p) {
      var card = document.createElement("article");
      card.className = "card";
      card.innerHTML =
        '<div class="art" style="background:' + p.color + '1f"><svg viewBox="0 0 120 110" aria-hidden="true">' + ART[p.art].replace(/C/g, p.color) + '</svg></div>' +
        '<div class="body"><h3></h3><p class="blurb"></p>' +
        '<div class="meta"><span class="stars" aria-label="Rated ' + p.rating + ' out of 5">' + stars(p.rating) + '</span><span class="reviews">(' + p.reviews + ')</span></div>' +
        '<div class="buy"><span class="price">' + euro(p.price) + '</span><button type="button" class="btn primary add">Add to cart</button></div></div>';
      card.querySelector("h3").textContent = p.title;
      card.querySelector(".blurb").textContent = p.blurb;
      card.querySelector(".add").addEventListener("click", function () { add(p.id); });
      grid.appendChild(card);
    });
    document.getElementById("list-title").textContent = q ? "Results for \u201c" + query + "\u201d" : "Bestsellers";
    document.getElementById("result-count").textContent = shown.length + (shown.length === 1 ? " product" : " products");
  }

  var toastTimer = null;
  function toast(msg) {
    var t = document.getElementById("toast");
    t.textContent = msg;
    t.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.classList.remove("show"); }, 2200);
  }

  function add(id) {
    var line = cart.filter(function (l) { return l.id === id; })[0];
    if (line) line.qty += 1; else cart.push({ id: id, qty: 1 });
    save(); renderCart(); report(snapshot());
    toast("Added " + byId[id].title + " to your cart");
  }

  function renderCart() {
    var n = cart.reduce(function (s, l) { return s + l.qty; }, 0);
    var badge = document.getElementById("cart-count");
    badge.textContent = String(n);
    badge.classList.toggle("zero", n === 0);
    var lines = document.getElementById("lines");
    lines.textContent = "";
    cart.forEach(function (l) {
      var p = byId[l.id];
      var li = document.createElement("li");
      li.className = "line";
      li.innerHTML = '<div class="thumb" style="background:' + p.color + '"></div><div class="info"><strong></strong><span class="muted">' +
        euro(p.price) + '</span><div class="qty"><button type="button" class="q" aria-label="Decrease quantity">−</button><span class="n">' + l.qty +
        '</span><button type="button" class="q" aria-label="Increase quantity">+</button></div></div><button type="button" class="remove">Remove</button>';
      li.querySelector("strong").textContent = p.title;
      var qs = li.querySelectorAll(".q");
      qs[0].addEventListener("click", function () { l.qty -= 1; if (l.qty <= 0) cart.splice(cart.indexOf(l), 1); save(); renderCart(); report(snapshot()); });
      qs[1].addEventListener("click", function () { l.qty += 1; save(); renderCart(); report(snapshot()); });
      li.querySelector(".remove").addEventListener("click", function () { cart.splice(cart.indexOf(l), 1); save(); renderCart(); report(snapshot()); });
      lines.appendChild(li);
    });
    document.getElementById("cart-empty").hidden = cart.length > 0;
    document.getElementById("checkout").disabled = cart.length === 0;
    document.getElementById("subtotal").textContent = euro(cart.reduce(function (s, l) { return s + l.qty * byId[l.id].price; }, 0));
  }

  function openCart(open) {
    cartOpen = open;
    document.getElementById("drawer").hidden = !open;
    document.getElementById("scrim").hidden = !open;
    report(snapshot());
  }

  document.getElementById("cart-btn").addEventListener("click", function () { openCart(true); });
  document.getElementById("close-cart").addEventListener("click", function () { openCart(false); });
  document.getElementById("scrim").addEventListener("click", function () { openCart(false); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && cartOpen) openCart(false); });
  document.getElementById("checkout").addEventListener("click", function () {
    report(snapshot());
    location.href = "checkout.html";
  });
  document.getElementById("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    query = document.getElementById("search").value.trim();
    renderGrid(); report(snapshot());
  });
  document.getElementById("search").addEventListener("input", function (e) {
    if (!e.target.value) { query = ""; renderGrid(); }
    report(snapshot());
  });

  renderGrid();
  renderCart();
  report(snapshot());
})();
