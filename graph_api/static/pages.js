// Tables on the pages: sort by a column (click its header) and filter rows by typed text,
// Vietnamese diacritics ignored. No inline script: the pages load this file only.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  document.querySelectorAll("input.filter[data-table]").forEach(function (input) {
    var table = document.getElementById(input.dataset.table);
    if (!table) return;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      table.querySelectorAll("tbody tr").forEach(function (row) {
        row.hidden = wanted !== "" && fold(row.textContent).indexOf(wanted) < 0;
      });
    });
  });
  function key(cell) {
    var text = cell.textContent.trim();
    var number = text.match(/(\d+)\s*$/);
    return { text: fold(text.replace(/\d+\s*$/, "")), number: number ? parseInt(number[1], 10) : -1 };
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (header, column) {
      header.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (th) { th.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column]), y = key(b.cells[column]);
          var order = x.text < y.text ? -1 : x.text > y.text ? 1 : x.number - y.number;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
