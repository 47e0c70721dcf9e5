"""A council's web page printed (a browser's print to PDF, or the text pdftotext makes of
one): the site's banner printed over the document's title and its footer under the last
words are the site's, not the protocol's, as a saved page's <nav> and <footer> are
(extract_html). Each is left out and listed with why.

The banner is known by what only a site prints at a page's top: a skip link ("Skip to
main content") or a breadcrumb trail ("Home > Your council > The constitution"); it runs
from the first line to the last of these, every line of it short and no sentence. The
footer is the last lines of links apart by bars ("Accessibility | Privacy | Contact us"),
a copyright line with its year ("© Westmarsh Borough Council 2025") or the page's address
(with its count, or alone under a banner found: a document's last sentence may end in one).
"""

from __future__ import annotations

import re
from typing import TypeVar

from constitution.page_asides import PageLine

Line = TypeVar("Line", bound=PageLine)

BANNER = "the website's banner printed over the page: a skip link, its menu, breadcrumbs"
FOOTER = "the website's footer printed under the page: its links and copyright"

SKIP_LINK = re.compile(r"(?i)^skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation)$")
# "Home > Council > Constitution", "You are here: Home / Council", "Home » Council"
CRUMB = ">\u203a\u00bb/|"  # what parts a trail's steps (angle quotes too)
BREADCRUMBS = re.compile(
    rf"(?i)^(?:you\s+are\s+here:?\s*)?home\s*(?:[{CRUMB}]\s*[^{CRUMB}]+){{1,8}}$"
)
TOP = 12  # lines of the first page a banner is looked for in
SHORT = 90  # a menu's line of links: no paragraph's
LINKS = re.compile(r"^[^|.]{1,40}(?:\s+\|\s+[^|.]{1,40}){2,}$")  # "A | B | C"
# "© Westmarsh Borough Council 2025", "Copyright 2025 ...": a year in it; not a list's
# item "(c) report to ..."
COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)(?!\s*[a-z])|copyright\b)(?=.*\b(?:19|20)\d\d\b).{0,80}$")
# the browser's own footer, the page's address and its count ("https://... 1/2"), where
# a page of one has nothing repeating to show it; an address alone is the site's only
# under a page whose banner was found (a document's last sentence may end in one)
ADDRESS = re.compile(r"(?i)^(?:https?://|www\.)\S+(?P<count>\s+\d{1,3}/\d{1,3})?$")


def site_printed(lines: list[Line]) -> tuple[list[Line], list[tuple[Line, str]]]:
    """The lines without the site's banner and footer, and those left out, with why."""
    words = [at for at, line in enumerate(lines) if line.text.strip()]
    top = [at for at in words[:TOP] if lines[at].page == lines[words[0]].page] if words else []
    marks = [at for at in top if banner_mark(lines[at].text)]
    banner = set(words[: words.index(marks[-1]) + 1]) if marks else set()
    if any(
        len(" ".join(lines[at].text.split())) > SHORT or sentence(lines[at].text) for at in banner
    ):
        banner = set()
    footer: set[int] = set()
    for at in reversed(words):
        text = " ".join(lines[at].text.split())
        address = ADDRESS.match(text)
        if not (
            LINKS.match(text) or COPYRIGHT.match(text) or (address and (banner or address["count"]))
        ):
            break
        footer.add(at)
    left = [(lines[at], BANNER) for at in sorted(banner)] + [
        (lines[at], FOOTER) for at in sorted(footer)
    ]
    return [line for at, line in enumerate(lines) if at not in banner | footer], left


def banner_mark(text: str) -> bool:
    text = " ".join(text.split())
    return bool(SKIP_LINK.match(text) or BREADCRUMBS.match(text))


def sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ":"))
