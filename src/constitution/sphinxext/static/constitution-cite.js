// "Copy link" and "Copy citation" for each paragraph. The citation is written out in the
// paragraph's "About" panel for everyone; these buttons only save copying it by hand.
(function () {
  for (const about of document.querySelectorAll(".clause-about")) {
    const clause = about.closest(".clause");
    const cite = about.querySelector(".citation");
    if (!clause || !cite) continue;
    const link = new URL(window.location.href);
    link.hash = clause.id;
    const status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    const bar = document.createElement("span");
    bar.className = "copy-controls";
    for (const [label, text] of [["Copy link", link.href], ["Copy citation", cite.textContent]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(text);
          status.textContent = label === "Copy link" ? "Link copied." : "Citation copied.";
        } catch (error) {
          status.textContent = "Copying is blocked here: select the text and copy it.";
        }
      });
      bar.append(button);
    }
    bar.append(status);
    cite.after(bar);
  }
})();

// A link copied from a paragraph names it by ID on its section's page. A later adoption
// may move the paragraph to another section: when this page lacks the ID, the search
// page's jump opens the paragraph where the version this page shows now has it (or says
// which versions have it), in place of this page in the history.
(function () {
  let id;
  try {
    id = decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return; // a malformed address ("#%E0") names no paragraph
  }
  const search = document.querySelector("form.phone-search");
  const version = search && search.querySelector("input[name=v]");
  if (!version || !document.querySelector("article .clause") || document.getElementById(id)) {
    return;
  }
  if (!/^[A-Z][A-Z0-9]{1,9}-\d{4,}$/.test(id)) return; // an ID, as council.toml allows
  const jump = new URL(search.action);
  jump.search = new URLSearchParams({ q: id, v: version.value }).toString();
  window.location.replace(jump.href);
})();

// The banner's link to the same section in the version in force: opened at a paragraph
// (the address names it), it opens that paragraph there, by its permanent ID (where the
// paragraph has moved to another section, the jump above finds it).
(function () {
  const link = document.querySelector(".version-banner a.same-section");
  if (!link) return;
  const carry = () => {
    let id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch {
      return;
    }
    const target = id && document.getElementById(id);
    link.hash = target && target.matches(".clause") ? id : "";
  };
  carry();
  window.addEventListener("hashchange", carry);
})();
