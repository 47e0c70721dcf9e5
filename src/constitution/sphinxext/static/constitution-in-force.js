// "In force on a date": picks the version whose in-force date is the latest on or before
// the date given (in the form, or as ?date=YYYY-MM-DD in the address) and opens it; with a
// paragraph number (&paragraph=14.4), opens the paragraph that had that number in it, from
// the clause index every build writes; with a citation of another document of the
// constitution ("Article 12.3"), that document's paragraph in its version then in force. What is wrong is said in the status line, which
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
  const long = window.constitutionDate;

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
    if (text.trim() && (await elsewhere(day, text))) return;
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
    // the protocol's paragraph as another document cites it: "paragraph 14.4 of the ..."
    const own = loaded && loaded.citing && window.constitutionCitedIn(loaded.citing, text);
    const wanted = window.constitutionNumber(own || text);
    if (!wanted) {
      wrong(number, "“" + text.trim() + "” is not a paragraph number: give one such as " +
        "14.4 or 7.12A.");
      return;
    }
    wrong(null, "Finding paragraph " + wanted + "…");
    const index = await clauseIndex();
    if (!index) return;
    const numbers = index[match.key].numbers;
    const target = numbers[wanted] || numbers[window.constitutionNumberOtherwise(wanted)];
    if (!target) {
      wrong(number, "The version in force on " + long(day) + " (adopted " +
        long(match.key) + ") has no paragraph " + wanted + ".");
      return;
    }
    window.location.href = form.dataset.root + target;
  }

  // The clause index every build writes, or null, said, if it cannot be loaded.
  let loaded = null;
  async function clauseIndex() {
    try {
      loaded = loaded || (await (await fetch(form.dataset.root + "clause-index.json")).json());
      return loaded;
    } catch {
      wrong(null, "The list of paragraph numbers could not be loaded: open the version " +
        "in force on that date from the table below.");
      return null;
    }
  }

  // A paragraph of another document of the constitution, cited as a reader cites it
  // ("Article 12.3", "CPR 4.2"): opened in that document's version in force on the day.
  // False if the text cites no other document (it is then the protocol's).
  async function elsewhere(day, text) {
    const index = await clauseIndex();
    for (const d of (index && index.documents) || []) {
      const rest = window.constitutionCitedIn(d, text);
      const wanted = rest && window.constitutionNumber(rest);
      if (!wanted) continue;
      const match = d.versions.filter((v) => v.from <= day).pop();
      if (!match) {
        wrong(date, "No version of the " + d.title + " was in force on " + long(day) +
          (d.versions.length ? ": the first came into force on " + long(d.versions[0].from) +
            "." : ": none has been adopted yet."));
        return true;
      }
      const target = match.numbers[wanted] ||
        match.numbers[window.constitutionNumberOtherwise(wanted)];
      if (!target) {
        wrong(number, "The version of the " + d.title + " in force on " + long(day) +
          " (adopted " + long(match.key) + ") has no " + text.trim() + ".");
        return true;
      }
      window.location.href = form.dataset.root + target;
      return true;
    }
    return false;
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
