"""Five protocols as PDFs in which only the type shows the structure (issue 18): headings
with no number, told from the paragraphs by their size and weight, as Word's "Save as
PDF", a council website's printed page and a committee report's appendix set them. Each
PDF is drawn here from its committed source (tests/import_pdf_headings/NAME.pdf.txt),
its gold (golds/NAME.json) written as a careful reader reads the page.

A source is one line a block, "KIND: words":
- "font KIND: FACE SIZE" the face and size (in points) a kind of block is drawn in;
- "header: ", "footer: " the running head and foot of every page ("{n}" the page's
  number, "{of}" the number of pages);
- "title: ", "intro: " the title and the words under it; "h: " a section heading, "s: " a
  sub-heading, "c: " a heading set in the body's face (capitals, as written);
- "p: N.<tab>words" a numbered paragraph, "n: words" an unnumbered one under the last
  (indented as its words are);
- "page:" the next block on a new page; "foot:" the next block at the page's foot (as
  where a table or picture filled the page above it).
Words between "**" are drawn in the bold face of the block's face ("Helvetica" to
"Helvetica-Bold", "Times-Roman" to "Times-Bold"). A block's lines wrap to the measure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

SOURCES = Path(__file__).parent / "import_pdf_headings"
NAMES = "word-save.pdf cms-print.pdf committee-appendix.pdf planning-code.pdf parish-code.pdf"
NAMES_LIST = NAMES.split()

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 72, 72, 760, 80
HANG = 28  # a numbered paragraph's words stand this far in from its number
BOLD = {
    "Helvetica": "Helvetica-Bold",
    "Times-Roman": "Times-Bold",
    "Helvetica-Bold": "Helvetica-Bold",
    "Times-Bold": "Times-Bold",
}


def gold(name: str) -> dict[str, Any]:
    path = SOURCES / "golds" / Path(name).with_suffix(".json").name
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def handed_over(name: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The PDF as the council hands it over, and its gold (each page's running head and
    foot added to what is left out)."""
    data = gold(name)
    path = folder / name
    furniture = draw(SOURCES / f"{name}.txt", path)
    return path, {**data, "left_out": data["left_out"] + furniture}


def runs(text: str, face: str) -> list[tuple[str, str]]:
    """The words of a block, each with the face it is drawn in ("**" marks bold)."""
    words = []
    for n, part in enumerate(text.split("**")):
        words += [(word, BOLD[face] if n % 2 else face) for word in part.split()]
    return words


def wrap(words: list[tuple[str, str]], size: float, width: float) -> list[list[tuple[str, str]]]:
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for word, face in words:
        wide = stringWidth(word + " ", face, size)
        if rows[-1] and used + stringWidth(word, face, size) > width:
            rows.append([])
            used = 0.0
        rows[-1].append((word, face))
        used += wide
    return rows


class Pages:
    """The blocks laid down the pages, each line as (face, size, x, y, [(words, face)])."""

    def __init__(self) -> None:
        self.pages: list[list[tuple[float, float, float, list[tuple[str, str]]]]] = [[]]
        self.y = float(TOP)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = float(TOP)

    def gap(self, points: float) -> None:
        if self.pages[-1]:
            self.y -= points

    def rows(self, rows: list[list[tuple[str, str]]], size: float, x: float) -> None:
        for row in rows:
            if self.y < BOTTOM:
                self.new_page()
            self.pages[-1].append((size, x, self.y, row))
            self.y -= size * 1.3


def same_face(row: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's words in runs of one face, as a word processor draws them (a run's
    closing space in its own face)."""
    pieces: list[tuple[str, str]] = []
    for n, (word, face) in enumerate(row):
        word += "" if n == len(row) - 1 else " "
        if pieces and pieces[-1][0] == face:
            pieces[-1] = (face, pieces[-1][1] + word)
        else:
            pieces.append((face, word))
    return pieces


def draw(source: Path, path: Path) -> list[str]:
    """The source drawn on A4 pages; the running heads' and feet's lines."""
    fonts: dict[str, tuple[str, float]] = {}
    laid = Pages()
    header = footer = ""
    footed = 0  # after "foot:", the block drawn there, then a new page
    width = PAGE_WIDTH - LEFT - RIGHT
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(":")
        text = text.strip()
        if kind.startswith("font "):
            face, size = text.rsplit(" ", 1)
            fonts[kind[5:]] = (face, float(size))
        elif kind == "header":
            header = text
        elif kind == "footer":
            footer = text
        elif kind == "page":
            laid.new_page()
        elif kind == "foot":
            laid.y, footed = min(laid.y, BOTTOM + 30.0), 2
        elif kind == "p":
            face, size = fonts["p"]
            number, words = text.split("\t")
            laid.gap(size * 0.7)
            rows = wrap(runs(words, face), size, width - HANG)
            first = [(number, face)]
            if laid.y < BOTTOM:
                laid.new_page()
            laid.pages[-1].append((size, LEFT, laid.y, first))
            laid.rows(rows, size, LEFT + HANG)
        elif kind == "n":
            face, size = fonts["p"]
            laid.gap(size * 0.7)
            laid.rows(wrap(runs(text, face), size, width - HANG), size, LEFT + HANG)
        else:  # a title, introduction or heading, across the measure
            face, size = fonts[kind]
            laid.gap(size * (1.2 if kind in "hsc" else 0.7))
            laid.rows(wrap(runs(text, face), size, width), size, LEFT)
        footed -= 1
        if footed == 0:
            laid.new_page()
    canvas = Canvas(str(path), pagesize=A4)
    furniture = []
    total = len(laid.pages)
    for number, page in enumerate(laid.pages, start=1):
        for kind, text, y in (("header", header, 800.0), ("footer", footer, 40.0)):
            if text:
                face, size = fonts[kind]
                shown = text.replace("{n}", str(number)).replace("{of}", str(total))
                canvas.setFont(face, size)
                canvas.drawString(LEFT, y, shown)
                furniture.append(shown)
        for size, x, y, row in page:
            at = x
            for face, piece in same_face(row):
                canvas.setFont(face, size)
                canvas.drawString(at, y, piece)
                at += stringWidth(piece, face, size)
        canvas.showPage()
    canvas.save()
    return furniture
