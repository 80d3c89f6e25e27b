// Checklist: a todo list. Reports its whole state to the sample server on every change.
(function () {
  "use strict";
  var APP = "todo";
  var seq = 0;
  function report(state) {
    state.page = location.pathname;
    var body = JSON.stringify({ app: APP, state: state, seq: ++seq, t: performance.timeOrigin + performance.now() });
    try {
      fetch("/__state", { method: "POST", headers: { "Content-Type": "application/json" }, body: body, keepalive: true })
        .catch(function () {});
    } catch (e) { /* opened from file:// */ }
  }

  var items = [];          // {id, text, done}
  var filter = "all";
  var nextId = 1;
  var input = document.getElementById("new-todo");
  var list = document.getElementById("items");
  var empty = document.getElementById("empty");
  var count = document.getElementById("count");
  var days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var months = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var now = new Date();
  document.getElementById("today").textContent = days[now.getDay()] + ", " + now.getDate() + " " + months[now.getMonth()];

  function snapshot() {
    return {
      items: items.map(function (i) { return { text: i.text, done: i.done }; }),
      filter: filter,
      draft: input.value,
      left: items.filter(function (i) { return !i.done; }).length
    };
  }

  function render() {
    list.textContent = "";
    items.forEach(function (item) {
      var visible = filter === "all" || (filter === "done") === item.done;
      if (!visible) return;
      var li = document.createElement("li");
      li.className = "item" + (item.done ? " done" : "");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = item.done;
      box.addEventListener("change", function () { item.done = box.checked; render(); report(snapshot()); });
      var span = document.createElement("span");
      span.className = "text";
      span.textContent = item.text;
      label.appendChild(box);
      label.appendChild(span);
      var del = document.createElement("button");
      del.type = "button";
      del.className = "delete";
      del.setAttribute("aria-label", "Delete");
      del.title = "Delete";
      del.textContent = "×";
      del.addEventListener("click", function () {
        items = items.filter(function (i) { return i !== item; });
        render(); report(snapshot());
      });
      li.appendChild(label);
      li.appendChild(del);
      list.appendChild(li);
    });
    var left = items.filter(function (i) { return !i.done; }).length;
    count.textContent = left + (left === 1 ? " item left" : " items left");
    empty.hidden = list.children.length > 0;
    if (!empty.hidden) {
      empty.textContent = items.length === 0 ? "Nothing here yet. Add your first task above." :
        (filter === "done" ? "No completed tasks." : "All done. Nice work!");
    }
    document.querySelectorAll("[role=tab]").forEach(function (t) {
      t.setAttribute("aria-selected", String(t.dataset.filter === filter));
    });
  }

  document.getElementById("new-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    items.push({ id: nextId++, text: text, done: false });
    input.value = "";
    render(); report(snapshot());
  });
  input.addEventListener("input", function () { report(snapshot()); });
  document.querySelectorAll("[role=tab]").forEach(function (t) {
    t.addEventListener("click", function () { filter = t.dataset.filter; render(); report(snapshot()); });
  });
  document.getElementById("clear").addEventListener("click", function () {
    items = items.filter(function (i) { return !i.done; });
    render(); report(snapshot());
  });

  render();
  report(snapshot());
})();
