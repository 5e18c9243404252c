/* Sort the reviews index by date, rating or title, in the browser.
   Without this script the list stays complete, newest first. */
(function () {
  "use strict";
  var list = document.querySelector("[data-sortable]");
  var controls = document.querySelector("[data-sort-controls]");
  if (!list || !controls) return;
  var status = controls.querySelector("[data-sort-status]");
  var rows = Array.prototype.slice.call(list.children);
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  function title(row) { return row.dataset.title.replace(/^(the|a|an) /, ""); }
  function rating(row) { return row.dataset.rating === "" ? -1 : parseFloat(row.dataset.rating); }
  function date(row) { return Date.parse(row.dataset.date) || 0; }
  var orders = {
    date: { first: -1, compare: function (a, b) { return date(a) - date(b); }, words: ["oldest first", "newest first"] },
    rating: { first: -1, compare: function (a, b) { return rating(a) - rating(b); }, words: ["lowest first", "highest first"] },
    title: { first: 1, compare: function (a, b) { return collator.compare(title(a), title(b)); }, words: ["A to Z", "Z to A"] }
  };
  var current = "date", direction = -1;
  controls.hidden = false;
  controls.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-sort]");
    if (!button) return;
    var name = button.dataset.sort, order = orders[name];
    direction = name === current ? -direction : order.first;
    current = name;
    var sorted = rows.slice().sort(function (a, b) {
      var unrated = name === "rating" && (rating(a) < 0) - (rating(b) < 0);
      return unrated || direction * order.compare(a, b) || date(b) - date(a);
    });
    sorted.forEach(function (row) { list.appendChild(row); });
    Array.prototype.forEach.call(controls.querySelectorAll("button[data-sort]"), function (other) {
      other.setAttribute("aria-pressed", String(other === button));
      other.dataset.direction = other === button ? (direction < 0 ? "down" : "up") : "";
    });
    if (status) status.textContent = "Sorted by " + name + ", " + order.words[direction > 0 ? 0 : 1] + ".";
  });
})();
