"""Four more protocols as plain text as published (tests/import_made20/NAME.txt), in
shapes the texts of import_made19 did not take: text copied from a web page with no
blank line anywhere, Parts lettered over paragraphs numbered on through them, "•" and
"o" bullets and a definitions list (elmley); a contents list with dot leaders, each
paragraph's number alone on the line above it, a quotation set in, a table in Markdown
pipes and an appendix (fenwick); a tab after every number, paragraphs "1(1)" and items
"a)" one line each, a bold title and an unnumbered "Background" (garth); a centred
title, roman Parts over "1.1" paragraphs hanging, items "(a)" with "(i)" under them, and
a running foot left in mid-paragraph (harby). The Word files and PDFs are made from each
as import_made19 makes them (LibreOffice's of the text, pandoc's of the text read as
Markdown and LibreOffice's PDF of that, and for one a python-docx script's); pandoc is
not run on elmley's text, which, having no blank line, pandoc reads as one paragraph.
The made files are committed as the programs wrote them and the tests only read them;
`python tests/import_made20.py` makes them again where `soffice` and `pandoc` are
installed."""

from __future__ import annotations

import sys
from pathlib import Path

import import_made19
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_made20"
PROTOCOLS = ("elmley", "fenwick", "garth", "harby")
UNBROKEN = ("elmley",)  # texts with no blank line, which pandoc reads as one paragraph
SCRIPTED = ("fenwick",)  # the protocols a python-docx script also makes a Word file of


def made(name: str) -> tuple[str, ...]:
    """The endings of the files made of a protocol's text."""
    pandoc = () if name in UNBROKEN else ("-pandoc.docx", "-pandoc.pdf")
    script = ("-script.docx",) if name in SCRIPTED else ()
    return (".txt", "-lo.docx", "-lo.pdf", *pandoc, *script)


NAMES = [f"{name}{ending}" for name in PROTOCOLS for ending in made(name)]


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as made, and its protocol's gold as this file reads."""
    return import_made19.handed_over(name, folder, SOURCES)


def make(program: str = "soffice", pandoc: str = "pandoc") -> None:
    """Each file made again from its protocol's text, as import_made19's are."""
    import_made19.make_from(SOURCES, PROTOCOLS, SCRIPTED, UNBROKEN, program, pandoc)


if __name__ == "__main__":
    make(*sys.argv[1:])
