// A paragraph number as a reader types it ("7.12", "para 7.12A", "paragraph 7.a1.",
// "3 (1a)", "12"), in the form the clause index keys it ("7.12A", "3(1A)", "12"), or
// null: numbers as Council adopted them, in the council's style (7.12, 7(12) or 12), with
// 7.12A inserted after 7.12 and 7.A1 before 7.1. A bare number that is no paragraph's
// ("2026") is the caller's to search for. Shared by the search page and the page of the
// version in force on a date.
window.constitutionNumber = function (text) {
  const part = "[a-z]{0,4}\\d+[a-z]*";
  const shape = new RegExp(
    "^(?:para(?:graph)?\\.?\\s*)?(" + part + "(?:\\." + part + "|\\s*\\(" + part + "\\))?)\\.?$",
    "i"
  );
  const number = text.trim().match(shape);
  return number ? number[1].replace(/\s+/g, "").toUpperCase() : null;
};
