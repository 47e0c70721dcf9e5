// Furo's colour-theme bootstrap, as a file instead of an inline script (see csp.py).
document.body.dataset.theme = localStorage.getItem("theme") || "auto";
