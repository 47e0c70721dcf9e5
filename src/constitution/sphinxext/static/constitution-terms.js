// A defined term's definition shows beside it (CSS, on hover and focus); here it is moved
// back onto the screen when the term sits near an edge (the end of a line, or a phone),
// and Escape hides it.
(function () {
  const MARGIN = 8;
  function place(term) {
    const box = term.querySelector(".term-definition");
    if (!box) return;
    box.classList.remove("term-above");
    box.style.left = "0px";
    const rect = box.getBoundingClientRect();
    if (!rect.width) return;
    const right = document.documentElement.clientWidth - MARGIN;
    const shift = Math.max(MARGIN - rect.left, Math.min(0, right - rect.right));
    box.style.left = shift + "px";
    if (rect.bottom > window.innerHeight - MARGIN && rect.height < rect.top) {
      box.classList.add("term-above");
    }
  }
  function follow(event) {
    const term = event.target.closest && event.target.closest(".defined-term");
    if (term) place(term);
  }
  document.addEventListener("mouseover", follow);
  document.addEventListener("focusin", follow);
  // Escape hides a definition without moving away from its term (WCAG 1.4.13); leaving
  // the term ends that.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const term of document.querySelectorAll(".defined-term:hover, .defined-term:focus-within")) {
      term.classList.add("term-dismissed");
    }
  });
  function leave(event) {
    const term = event.target.closest && event.target.closest(".defined-term");
    if (term && !term.contains(event.relatedTarget)) term.classList.remove("term-dismissed");
  }
  document.addEventListener("mouseout", leave);
  document.addEventListener("focusout", leave);
})();
