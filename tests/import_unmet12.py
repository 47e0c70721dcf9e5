"""Five protocols as UK councils publish them, of kinds and layouts the importer had not
met (tests/import_unmet12, each with its gold in golds/, written before the importer was
run on them or its code read): a Word file whose words were moved with tracked changes
and commented on, a Word file whose cross-references are fields (REF, a HYPERLINK field
around a paragraph number, PAGEREF), a protocol whose second level of numbers heads its
third ("1.1 Purpose" over "1.1.1 ..."), a PDF whose footer prints a version and a date
that look like paragraph numbers, and a PDF with a scanned page among its text pages.

A Word source is written as tests/word_internals' are (import_word_internals.py reads
it), with four marks more: [[movefrom|NAME|words]] and [[moveto|NAME|words]] (words moved
with tracks kept, from and to), [[movefrompara|NAME|words]] and [[movetopara|NAME|words]]
(a whole paragraph moved, its paragraph mark with it), [[hyperfield|BOOKMARK|result]] (a
HYPERLINK field to a bookmark) and [[pageref|BOOKMARK|result]].

A PDF source is its lines as printed: "head: " the running head of every page, "foot: "
its footer ("LEFT<tab>RIGHT", "{page}" and "{pages}" filled in), "title: ", "i: " a line
of the introduction, "h: " a heading, "N<tab>words" a paragraph's first line and
"<tab>words" the next; "break:" ends the page, "scan:" draws the page being begun as a
scanned image (no text layer).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

import import_trial as trial
from import_layouts import element
from import_trial import Gold
from import_word_internals import Node, W, Writer, read

SOURCES = Path(__file__).parent / "import_unmet12"
HANDED = (
    "moved-comments.docx field-crossrefs.docx sub-headings.txt version-footer.pdf scanned-pages.pdf"
)
NAMES = HANDED.split()  # each document as the council hands it over


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as the council hands it over, and its gold (a PDF's running heads and
    footers added to what is left out)."""
    return trial.handed_over(name, folder, SOURCES, word, drawn)


def word(source: Path, path: Path) -> Path:
    Tracked(read(str(source.with_suffix("")))).write(path)
    return path


class Tracked(Writer):
    """Word's writer of tests/word_internals, with moves tracked and the fields Word
    writes around cross-references."""

    def emit(self, parent: Any, nodes: list[Node]) -> None:
        for node in nodes:
            if isinstance(node, str) or node[0] not in MARKS:
                super().emit(parent, [node])
                continue
            name, args = node
            target = "".join(a for a in args[0] if isinstance(a, str))
            if name.startswith("move"):
                self.move(parent, name, target, args[1])
            elif name == "hyperfield":
                self.field(parent, f'HYPERLINK \\l "{target}"', args[1])
            else:
                self.field(parent, f"PAGEREF {target} \\h", args[1])

    def move(self, parent: Any, name: str, label: str, words: list[Node]) -> None:
        """Words moved as Word tracks them: a named range, the runs in w:moveFrom or
        w:moveTo; a whole paragraph's mark moved too."""
        way = "moveFrom" if name.startswith("movefrom") else "moveTo"
        stamp = {"author": "K Ashby", "date": "2025-09-03T11:00:00Z"}
        start = element(f"w:{way}RangeStart", id=self.next_id(), name=label, **stamp)
        parent.append(start)
        moved = element(f"w:{way}", id=self.next_id(), **stamp)
        self.emit(moved, words)
        parent.append(moved)
        parent.append(element(f"w:{way}RangeEnd", id=start.get(f"{{{W}}}id")))
        if name.endswith("para"):
            mark = element("w:rPr")
            mark.append(element(f"w:{way}", id=self.next_id(), **stamp))
            parent.get_or_add_pPr().append(mark)


MARKS = ("movefrom", "moveto", "movefrompara", "movetopara", "hyperfield", "pageref")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN, TOP, LEADING, INDENT = 64, 760, 14, 34
SCALE = 2  # a scan's pixels to a point


def drawn(source: Path, path: Path) -> list[str]:
    """The source's lines drawn as printed on A4 pages, each with its running head and
    footer; a page marked "scan:" drawn as an image of itself. The furniture's lines."""
    lines = source.read_text(encoding="utf-8").splitlines()
    pages = lines.count("break:") + 1
    split = (line.partition(": ") for line in lines)
    settings = {key: value for key, _, value in split if key in ("head", "foot")}
    canvas = Canvas(str(path), pagesize=A4)
    furniture: list[str] = []
    page = Page(canvas)
    for line in lines:
        kind, _, text = line.partition(": ")
        if kind in ("head", "foot"):
            continue
        if line == "scan:":
            page.scanned = True
        elif line == "break:":
            furniture += page.finish(settings, pages)
            page = Page(canvas, page.number + 1)
        elif kind == "title":
            page.line(15, MARGIN, text, bold=True, after=8)
        elif kind == "i":
            page.line(10, MARGIN, text)
        elif kind == "h":
            page.y -= 8
            page.line(11, MARGIN, text, bold=True, after=3)
        elif line.startswith("\t"):
            page.line(10, MARGIN + INDENT, line[1:])
        else:
            number, words = line.split("\t")
            page.y -= 4
            page.line(10, MARGIN, number, after=-LEADING)
            page.line(10, MARGIN + INDENT, words)
    furniture += page.finish(settings, pages)
    canvas.save()
    return furniture


class Page:
    """One page being drawn: straight onto the canvas, or (scanned) onto an image that
    is then placed on the page whole."""

    def __init__(self, canvas: Canvas, number: int = 1) -> None:
        self.canvas, self.number, self.y = canvas, number, float(TOP)
        self.scanned = False
        self.drawn: list[tuple[int, float, float, str, bool]] = []

    def line(self, size: int, x: float, text: str, bold: bool = False, after: int = 0) -> None:
        self.drawn.append((size, x, self.y, text, bold))
        self.y -= LEADING + after

    def finish(self, settings: dict[str, str], pages: int) -> list[str]:
        left, _, right = settings["foot"].format(page=self.number, pages=pages).partition("\t")
        self.drawn.append((8, MARGIN, 800, settings["head"], False))
        self.drawn.append((8, MARGIN, 40, left, False))
        if self.scanned:
            self.scan()
        else:
            for size, x, y, text, bold in self.drawn:
                self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
                self.canvas.drawString(x, y, text)
        if right and not self.scanned:
            self.canvas.setFont("Helvetica", 8)
            self.canvas.drawRightString(PAGE_WIDTH - MARGIN, 40, right)
        self.canvas.showPage()
        return [] if self.scanned else [settings["head"], f"{left} {right}".strip()]

    def scan(self) -> None:
        """The page as a scanner gives it: an image of the print, no text to read."""
        image = Image.new("L", (int(PAGE_WIDTH * SCALE), int(PAGE_HEIGHT * SCALE)), 255)
        pen = ImageDraw.Draw(image)
        for size, x, y, text, _ in self.drawn:
            pen.text((x * SCALE, (PAGE_HEIGHT - y - size) * SCALE), text, fill=0)
        self.canvas.drawImage(ImageReader(image), 0, 0, PAGE_WIDTH, PAGE_HEIGHT)
