// Sorting and filtering for the report's tables.  Progressive: without it the tables
// are complete and readable; nothing here reads or writes anything but this page.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var raw = cell.getAttribute("data-value");
    if (raw !== null) { return raw === "" ? null : Number(raw); }
    return cell.textContent.trim().toLowerCase();
  }
  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === null) { return 1; }
    if (b === null) { return -1; }
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b));
  }
  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      if (th.hasAttribute("data-nosort")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var order = compare(cellValue(r1, index), cellValue(r2, index));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function setUpFilters(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    var status = document.getElementById(form.getAttribute("data-status"));
    if (!table || !status) { return; }
    var text = form.querySelector("input[type=search]");
    var language = form.querySelector("select");
    var problems = form.querySelector("input[type=checkbox]");
    var rows = table.tBodies[0].rows;
    function apply() {
      var needle = text.value.trim().toLowerCase();
      var lang = language ? language.value : "";
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var keep = (!needle || row.textContent.toLowerCase().indexOf(needle) !== -1) &&
          (!lang || row.getAttribute("data-lang") === lang) &&
          (!problems || !problems.checked || row.getAttribute("data-problems") === "yes");
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      status.textContent = "Showing " + shown + " of " + rows.length + " rows.";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
  }
  // An article's findings: errors and warnings only, or one rule family; the highlights in
  // the text follow, so an editor sees the calmer picture in both places.
  var RANK = { info: 1, warning: 2, error: 3 };
  function setUpFindingFilters(form) {
    var list = document.getElementById(form.getAttribute("data-list"));
    var status = document.getElementById(form.getAttribute("data-status"));
    if (!list || !status) { return; }
    var severity = form.elements.severity;
    var family = form.elements.family;
    var items = list.querySelectorAll("li.finding");
    function apply() {
      var least = RANK[severity.value] || 0;
      var shown = {};
      var count = 0;
      Array.prototype.forEach.call(items, function (item) {
        var keep = RANK[item.getAttribute("data-severity")] >= least &&
          (!family.value || item.getAttribute("data-family") === family.value);
        item.hidden = !keep;
        if (keep) { shown[item.getAttribute("data-number")] = true; count += 1; }
      });
      document.querySelectorAll("mark.hl[data-findings]").forEach(function (mark) {
        var numbers = mark.getAttribute("data-findings").split(" ");
        mark.classList.toggle("filtered", !numbers.some(function (n) { return shown[n]; }));
      });
      document.querySelectorAll("a.ref").forEach(function (ref) {
        var number = ref.getAttribute("href").replace("#finding-", "");
        ref.parentNode.hidden = !shown[number];
      });
      status.textContent = "Showing " + count + " of " + items.length + " findings.";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
  }
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("form.filters:not(.finding-filters)").forEach(setUpFilters);
  document.querySelectorAll("form.finding-filters").forEach(setUpFindingFilters);
}());
