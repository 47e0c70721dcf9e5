// A paragraph number as a reader types it ("7.12", "para 7.12A", "paragraph 7.a1."), in
// the form the clause index keys it ("7.12A"), or null: numbers as Council adopted them,
// 7.12A inserted after 7.12, 7.A1 before 7.1. Shared by the search page and the page of
// the version in force on a date.
window.constitutionNumber = function (text) {
  const number = text.trim().match(
    /^(?:para(?:graph)?\.?\s*)?([a-z]{0,4}\d+[a-z]*(?:\.[a-z]{0,4}\d+[a-z]*)+)\.?$/i);
  return number ? number[1].toUpperCase() : null;
};
