// "In force on a date": picks the version whose in-force date is the latest on or before
// the date given (in the form, or as ?date=YYYY-MM-DD in the address) and opens it; with a
// paragraph number (&paragraph=14.4), opens the paragraph that had that number in it, from
// the clause index every build writes. What is wrong is said in the status line, which
// both fields name as their description, and the field at fault is marked and focused.
(function () {
  const form = document.getElementById("in-force-form");
  if (!form) return;
  const date = document.getElementById("in-force-date");
  const number = document.getElementById("in-force-number");
  const result = document.getElementById("in-force-result");
  const versions = form.dataset.versions.split(";").filter(Boolean).map((entry) => {
    const [from, key, href] = entry.split("=");
    return { from, key, href };
  });
  const long = (day) => new Date(day + "T00:00:00Z").toLocaleDateString("en-GB",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  function wrong(field, message) {
    for (const f of [date, number]) f.removeAttribute("aria-invalid");
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.focus();
    }
    result.textContent = message;
  }

  async function go(day, text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      wrong(date, "Give a date, such as 1 June 2025.");
      return;
    }
    const match = versions.filter((v) => v.from <= day).pop();
    if (!match) {
      wrong(date, "No version of the protocol was in force on " + long(day) + (versions.length ?
        ": the first came into force on " + long(versions[0].from) + "." :
        ": none has been adopted yet."));
      return;
    }
    if (!text.trim()) {
      window.location.href = match.href;
      return;
    }
    const wanted = window.constitutionNumber(text);
    if (!wanted) {
      wrong(number, "“" + text.trim() + "” is not a paragraph number: give one such as " +
        "14.4 or 7.12A.");
      return;
    }
    wrong(null, "Finding paragraph " + wanted + "…");
    let index;
    try {
      index = await (await fetch(form.dataset.root + "clause-index.json")).json();
    } catch {
      wrong(null, "The list of paragraph numbers could not be loaded: open the version " +
        "in force on that date from the table below.");
      return;
    }
    const numbers = index[match.key].numbers;
    const target = numbers[wanted] || numbers[window.constitutionNumberOtherwise(wanted)];
    if (!target) {
      wrong(number, "The version in force on " + long(day) + " (adopted " +
        long(match.key) + ") has no paragraph " + wanted + ".");
      return;
    }
    window.location.href = form.dataset.root + target;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go(date.value, number.value);
  });
  const params = new URLSearchParams(window.location.search);
  const asked = params.get("date");
  if (asked) {
    date.value = asked;
    number.value = params.get("paragraph") || "";
    go(asked, number.value);
  }
})();
