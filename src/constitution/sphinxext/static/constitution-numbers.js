// A paragraph number as a reader types it ("7.12", "para 7.12A", "paragraph 7.a1.",
// "3 (1a)", "12", "section 7.12", "s.7.12", "§ 7.12", "clause 7.12", "para 7 12",
// "7.12(b)"), in the form the clause index keys it ("7.12A", "3(1A)", "12"), or null: numbers as
// Council adopted them, in the council's style (7.12, 7(12) or 12), with 7.12A inserted
// after 7.12 and 7.A1 before 7.1. A bare number that is no paragraph's ("2026") is the
// caller's to search for. Shared by the search page and the page of the version in
// force on a date.
window.constitutionNumber = function (text) {
  const part = "[a-z]{0,4}\\d+[a-z]*";
  const lead = "(?:para(?:graph)?|section|sect?|clause|s|§)\\.?\\s*";
  const shape = new RegExp(
    "^(?:" + lead + ")?(" + part + "(?:\\." + part + "|\\s*\\(" + part + "\\))?)\\.?$",
    "i"
  );
  // After a word saying a number follows, its parts may stand apart ("para 9 3", as a
  // phone's keyboard is typed): not without one, where "9 3" may be two numbers.
  const spaced = new RegExp("^" + lead + "(" + part + ")\\s+(" + part + ")\\.?$", "i");
  // A point of a paragraph cited by its letter or numeral ("7.3(b)", "7(3)(a)", "7.3
  // (iii)") is in that paragraph, which opens: no paragraph's number is letters in brackets.
  const said = text.trim().replace(/(?:\s*\(\s*[a-z]{1,4}\s*\))+\.?$/i, "");
  const number = said.match(shape);
  if (number) return number[1].replace(/\s+/g, "").toUpperCase();
  const apart = said.match(spaced);
  return apart ? (apart[1] + "." + apart[2]).toUpperCase() : null;
};

// The same number in the other style of section and paragraph: readers cite 7.12 as
// 7(12), as legislation is cited, and 7(12) as 7.12; a document has only one of them.
window.constitutionNumberOtherwise = function (number) {
  const dotted = number.match(/^([^.()]+)\.([^.()]+)$/);
  if (dotted) return dotted[1] + "(" + dotted[2] + ")";
  const bracketed = number.match(/^([^.()]+)\(([^.()]+)\)$/);
  return bracketed ? bracketed[1] + "." + bracketed[2] : null;
};

// An ID as a reader types it ("MOP-0042", "mop-42", "MOP42", "mop 42") in the form the
// clause index keys it ("MOP-0042"), or null: IDs have four digits or more. A prefix may
// end in a digit ("CC2", as council.toml allows): its hyphen is then needed to tell
// where the prefix ends.
window.constitutionId = function (text) {
  const typed = text.trim().toUpperCase();
  const id = typed.match(/^([A-Z][A-Z0-9]{0,8}[A-Z])[-\s]?0*(\d{1,9})$/) ||
    typed.match(/^([A-Z][A-Z0-9]{1,9})-0*(\d{1,9})$/);
  return id ? id[1] + "-" + id[2].padStart(4, "0") : null;
};

// What is left of a citation of document d (its entry in clause-index.json) once the
// words it cites d with are taken off: those before its number ("Article", "CPR",
// "Member/Officer Protocol,", "the protocol") and after it ("of the Member/Officer
// Protocol"); null if it has none of them. "Part 4.1" alone is its Part: "" then. Shared
// by the search page and the page of the version in force on a date. The longest words
// are tried first, and a word before the number counts only where no letter follows it:
// a document citing itself "R{number}" ("R14.2") is still cited "Rule 2", not "ule 2".
window.constitutionCitedIn = function (d, text) {
  const said = text.replace(/\s+/g, " ").trim();
  if (said.toLowerCase() === d.part.toLowerCase()) return "";
  const escaped = (words) => [...words].sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  const lead = "(?:(?:the\\s+)?(?:" + escaped(d.leads).join("|") + ")(?![a-z])\\.?,?\\s*)?";
  const tail = d.tails.length ? "(?:,?\\s+(?:" + escaped(d.tails).join("|") + "))?" : "";
  const rest = said.match(new RegExp("^" + lead + "(.+?)" + tail + "$", "i"))[1];
  return rest === said ? null : rest;
};

// A day ("2026-04-01") as a sentence says it ("1 April 2026"). Shared by the search page
// and the page of the version in force on a date.
window.constitutionDate = (day) => new Date(day + "T00:00:00Z").toLocaleDateString("en-GB",
  { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
