// Filters the traceability table by section, kind and status. Without this script the
// whole table shows, so nothing depends on it.
(function () {
  const table = document.getElementById("trace");
  if (!table) return;
  const selects = document.querySelectorAll("select[data-filter]");
  const count = document.getElementById("trace-count");
  const rows = Array.from(table.tBodies[0].rows);
  function apply() {
    let shown = 0;
    for (const row of rows) {
      let visible = true;
      for (const select of selects) {
        if (select.value && row.dataset[select.dataset.filter] !== select.value) visible = false;
      }
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = shown + " of " + rows.length + " paragraphs shown.";
  }
  selects.forEach((s) => s.addEventListener("change", apply));
  apply();
})();
