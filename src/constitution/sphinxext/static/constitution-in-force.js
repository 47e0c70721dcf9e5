// "In force on a date": picks the version whose in-force date is the latest on or before
// the date given (in the form, or as ?date=YYYY-MM-DD in the address) and opens it.
(function () {
  const form = document.getElementById("in-force-form");
  if (!form) return;
  const input = document.getElementById("in-force-date");
  const result = document.getElementById("in-force-result");
  const versions = form.dataset.versions.split(";").filter(Boolean).map((pair) => {
    const [from, href] = pair.split("=");
    return { from, href };
  });
  function go(date) {
    const match = versions.filter((v) => v.from <= date).pop();
    if (!match) {
      result.textContent = "No version of the protocol was in force on " + date + ".";
      return;
    }
    window.location.href = match.href;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value) go(input.value);
  });
  const asked = new URLSearchParams(window.location.search).get("date");
  if (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked)) {
    input.value = asked;
    go(asked);
  }
})();
