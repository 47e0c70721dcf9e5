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
