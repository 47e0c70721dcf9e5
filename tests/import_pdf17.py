"""Five protocols as UK councils publish them in PDF, each drawn as the software that
made it draws a page, of layouts the importer had not met (tests/import_pdf17, each with
its gold in golds/, written before the importer was run on them or its code read):

- print-driver.pdf: a print driver's PDF ("Microsoft Print to PDF"): every word its own
  text object at its place on a justified line, no space character drawn anywhere;
- designed.pdf: a designer's PDF (InDesign): a coloured bar down the page's edge with the
  document's name set sideways in it, a title letter-spaced, a drop cap three lines deep
  opening the introduction, a pull quote repeating a paragraph's words in large italic;
- rotated-page.pdf: a portrait document with a landscape page turned into it (the page's
  /Rotate 90, its words drawn sideways on the portrait sheet);
- dms-stamp.pdf: a document management system's PDF: a header block (reference, version,
  classification), a footer (owner, review date, "Page N of M"), "UNCONTROLLED WHEN
  PRINTED" stamped diagonally across every page after its words; items "(i)" to "(x)" with
  hanging indents, one running over the page break;
- small-caps.pdf: Word's small capitals on the title and headings (each capital of a word
  at full size, its other letters capitals a size smaller, each size its own run), the
  paragraphs' numbers hanging in a margin column set well apart from their words.

A source is its lines as printed: "head: " the running head and "foot: " the footer, their
pieces split by "|" ("{folio}" the page's number, "{pages}" the count), "bar: " the side
bar's words, "stamp: " the stamp's, "title: ", "i: " a line beginning a paragraph of the
introduction ("drop: " one opening with a drop cap), "h: " a heading, "N<tab>words" a
paragraph's first line, "(i)<tab>words" an item's, "<tab>words" the next line of what
came before, "pull: " a line of a pull quote; "break:" ends the page ("break: rotated":
the next page is a landscape page turned into the portrait document).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

import import_trial as trial
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_pdf17"
HANDED = "print-driver.pdf designed.pdf rotated-page.pdf dms-stamp.pdf small-caps.pdf"
NAMES = HANDED.split()

WIDTH, HEIGHT = A4
SETTINGS = ("head", "foot", "bar", "stamp")


@dataclass
class Piece:
    """Words drawn at one place: where, in what font and size, and whether they end a
    paragraph's line that is set justified (every line but a paragraph's last)."""

    x: float
    y: float
    text: str
    font: str = "Helvetica"
    size: float = 10
    justify_to: float = 0  # the right edge a justified line reaches


@dataclass
class Page:
    pieces: list[Piece] = field(default_factory=list)
    rotated: bool = False


@dataclass
class Style:
    """Where a program sets each kind of line."""

    margin: float = 64
    indent: float = 36  # a paragraph's words from its number
    item: float = 30  # an item's words from its label
    top: float = 760
    leading: float = 14
    font: str = "Helvetica"
    bold: str = "Helvetica-Bold"
    size: float = 10
    right: float = WIDTH - 64


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The PDF as the council hands it over, and its gold (its page furniture added to
    what is left out)."""
    return trial.handed_over(name, folder, SOURCES, unused_word, drawn)


def unused_word(source: Path, path: Path) -> Path:
    raise AssertionError(f"{source.name}: this trial has no Word file")


def drawn(source: Path, path: Path) -> list[str]:
    """The source drawn as its software draws it; the lines of its page furniture."""
    lines = source.read_text(encoding="utf-8").splitlines()
    settings = {k: v for k, _, v in (line.partition(": ") for line in lines) if k in SETTINGS}
    body = [line for line in lines if line.partition(": ")[0] not in SETTINGS]
    maker = MAKERS[source.name.removesuffix(".pdf.txt")]
    return maker(body, settings, path)


def laid_out(lines: list[str], style: Style, landscape: Style | None = None) -> list[Page]:
    """The body's lines set on pages in the style's places, each paragraph's lines but
    its last justified; a drop cap's capital a piece of its own, three lines deep, the
    paragraph's lines set in beside it."""
    pages = [Page()]
    y, at, last_x = style.top, style, style.margin
    for line in lines:
        kind, _, text = line.partition(": ")
        page = pages[-1]
        if line.startswith("break:"):
            turned = line.endswith("rotated")
            pages.append(Page(rotated=turned))
            at = landscape if turned and landscape else style
            y = at.top
            continue
        if kind == "title":
            page.pieces.append(Piece(at.margin, y, text, at.bold, 16))
            y -= at.leading + 14
        elif kind == "drop":
            y -= 4
            cap = Piece(at.margin, y - 2 * at.leading, text[0], at.bold, 3 * at.leading + 2)
            x = at.margin + stringWidth(cap.text, cap.font, cap.size) + 4
            page.pieces += [cap, Piece(x, y, text[1:], at.font, at.size)]
            y -= at.leading
        elif kind == "i":
            y -= 4
            page.pieces.append(Piece(at.margin, y, text, at.font, at.size))
            y -= at.leading
        elif kind == "h":
            y -= 10
            page.pieces.append(Piece(at.margin, y, text, at.bold, at.size + 2))
            y -= at.leading + 4
        elif kind == "pull":
            page.pieces.append(Piece(at.margin + 60, y - 6, text, "Helvetica-Oblique", 15))
            y -= at.leading + 8
        elif line.startswith("\t"):  # the next line of what came before, set as it was
            justify(pages)
            page.pieces.append(Piece(last_x, y, line[1:], at.font, at.size))
            y -= at.leading
        else:
            label, words = line.split("\t")
            y -= 4
            item = label.startswith("(")
            x = at.margin + (at.indent if item else 0)
            page.pieces.append(Piece(x, y, label, at.font, at.size))
            page.pieces.append(Piece(x + (at.item if item else at.indent), y, words, at.font))
            y -= at.leading
        last_x = page.pieces[-1].x
    for page in pages:
        for piece in page.pieces:
            if piece.justify_to:
                piece.justify_to = (landscape if page.rotated and landscape else style).right
    return pages


def justify(pages: list[Page]) -> None:
    """The line before this one goes on to the next: it is set justified."""
    last = next(page for page in reversed(pages) if page.pieces)
    last.pieces[-1].justify_to = 1  # the right edge, set once the page is known


def furniture(settings: dict[str, str], pages: int) -> list[list[str]]:
    """Each page's running head and footer pieces, as printed."""
    return [
        [
            *settings.get("head", "").split("|"),
            *settings.get("foot", "").format(folio=n, pages=pages).split("|"),
        ]
        for n in range(1, pages + 1)
    ]


def spread(canvas: Canvas, pieces: list[str], y: float, left: float, right: float) -> None:
    """Furniture pieces across a line: the first at the left, the last at the right, any
    between centred."""
    pieces = [p for p in pieces if p]
    canvas.setFont("Helvetica", 8)
    for n, text in enumerate(pieces):
        if n == 0:
            canvas.drawString(left, y, text)
        elif n == len(pieces) - 1:
            canvas.drawRightString(right, y, text)
        else:
            canvas.drawCentredString((left + right) / 2, y, text)


def said(pieces: list[list[str]]) -> list[str]:
    return [p for page in pieces for p in page if p]


def head_and_foot(canvas: Canvas, page: list[str], settings: dict[str, str]) -> None:
    heads = len([p for p in settings.get("head", "").split("|") if p])
    spread(canvas, page[:heads], 800, 64, WIDTH - 64)
    spread(canvas, page[heads:], 36, 64, WIDTH - 64)


def plain(canvas: Canvas, piece: Piece) -> None:
    """A piece as word processors draw it: one run, its spaces widened if justified."""
    text = canvas.beginText(piece.x, piece.y)
    text.setFont(piece.font, piece.size)
    gaps = piece.text.count(" ")
    if piece.justify_to and gaps:
        spare = piece.justify_to - piece.x - stringWidth(piece.text, piece.font, piece.size)
        text.setWordSpace(spare / gaps)
    text.textOut(piece.text)
    canvas.drawText(text)


# print-driver.pdf: each word its own text object, no space drawn


def print_driver(lines: list[str], settings: dict[str, str], path: Path) -> list[str]:
    pages = laid_out(lines, Style())
    furnished = furniture(settings, len(pages))
    canvas = Canvas(str(path), pagesize=A4)
    for page, furnish in zip(pages, furnished, strict=True):
        head_and_foot(canvas, furnish, settings)
        for piece in page.pieces:
            word_by_word(canvas, piece)
        canvas.showPage()
    canvas.save()
    return said(furnished)


def word_by_word(canvas: Canvas, piece: Piece) -> None:
    """Each word drawn alone at its place, as a print driver draws glyphs: the spaces
    only gaps, justified lines' gaps wider."""
    words = piece.text.split()
    width = sum(stringWidth(w, piece.font, piece.size) for w in words)
    gap = stringWidth(" ", piece.font, piece.size)
    if piece.justify_to and len(words) > 1:
        gap = (piece.justify_to - piece.x - width) / (len(words) - 1)
    x = piece.x
    for word in words:
        canvas.setFont(piece.font, piece.size)
        canvas.drawString(x, piece.y, word)
        x += stringWidth(word, piece.font, piece.size) + gap


# designed.pdf: the master page's side bar first, then the story with its drop cap,
# letter-spaced title and pull quote

BAR = Color(0.0, 0.36, 0.45)


def designed(lines: list[str], settings: dict[str, str], path: Path) -> list[str]:
    style = Style(margin=84, right=WIDTH - 56)
    pages = laid_out(lines, style)
    furnished = [[settings["bar"], *page] for page in furniture(settings, len(pages))]
    canvas = Canvas(str(path), pagesize=A4)
    for page, furnish in zip(pages, furnished, strict=True):
        canvas.setFillColor(BAR)
        canvas.rect(0, 0, 40, HEIGHT, stroke=0, fill=1)
        canvas.saveState()
        canvas.setFillColor(white)
        canvas.translate(26, 120)
        canvas.rotate(90)
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(0, 0, settings["bar"])
        canvas.restoreState()
        canvas.setFillColor(BAR)
        spread(canvas, furnish[1:], 30, style.margin, style.right)
        for piece in page.pieces:
            if piece.size > 30:  # the drop cap
                canvas.setFillColor(BAR)
                canvas.setFont(piece.font, piece.size)
                canvas.drawString(piece.x, piece.y, piece.text)
            elif piece.font == style.bold and piece.size == 16:  # the title, tracked out
                text = canvas.beginText(piece.x, piece.y)
                text.setFont(piece.font, 22)
                text.setCharSpace(4)
                text.textOut(piece.text)
                canvas.drawText(text)
            elif piece.size == 15:  # a pull quote between rules
                canvas.setFillColor(BAR)
                canvas.line(piece.x, piece.y + 20, style.right - 60, piece.y + 20)
                plain(canvas, piece)
                canvas.line(piece.x, piece.y - 10, style.right - 60, piece.y - 10)
                canvas.setFillColor(Color(0, 0, 0))
            else:
                canvas.setFillColor(BAR if piece.font == style.bold else Color(0, 0, 0))
                plain(canvas, piece)
        canvas.showPage()
    canvas.save()
    return said(furnished)


# rotated-page.pdf: a landscape page turned into a portrait document


def rotated(lines: list[str], settings: dict[str, str], path: Path) -> list[str]:
    landscape = Style(top=500, right=HEIGHT - 64)
    pages = laid_out(lines, Style(), landscape)
    furnished = furniture(settings, len(pages))
    canvas = Canvas(str(path), pagesize=A4)
    for page, furnish in zip(pages, furnished, strict=True):
        canvas.saveState()
        if page.rotated:  # drawn sideways on the sheet, shown upright when turned
            canvas.setPageRotation(90)
            canvas.translate(WIDTH, 0)
            canvas.rotate(90)
            heads = len(settings["head"].split("|"))
            spread(canvas, furnish[:heads], 555, 64, HEIGHT - 64)
            spread(canvas, furnish[heads:], 36, 64, HEIGHT - 64)
        else:
            head_and_foot(canvas, furnish, settings)
        for piece in page.pieces:
            plain(canvas, piece)
        canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return said(furnished)


# dms-stamp.pdf: the document's pages, then the system's header block, footer and stamp
# drawn over each


def stamped(lines: list[str], settings: dict[str, str], path: Path) -> list[str]:
    pages = laid_out(lines, Style(top=740))
    furnished = furniture(settings, len(pages))
    canvas = Canvas(str(path), pagesize=A4)
    for page, furnish in zip(pages, furnished, strict=True):
        for piece in page.pieces:
            plain(canvas, piece)
        canvas.rect(56, 786, WIDTH - 112, 26, stroke=1, fill=0)
        head_and_foot(canvas, furnish, settings)
        canvas.saveState()
        canvas.setFillColor(Color(0.8, 0.1, 0.1, alpha=0.25))
        canvas.translate(WIDTH / 2, HEIGHT / 2)
        canvas.rotate(math.degrees(math.atan2(HEIGHT, WIDTH)))
        canvas.setFont("Helvetica-Bold", 44)
        canvas.drawCentredString(0, 0, settings["stamp"])
        canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return said(furnished) + [settings["stamp"]] * len(pages)


# small-caps.pdf: Word's small capitals, numbers hanging in a margin column


def small_caps(lines: list[str], settings: dict[str, str], path: Path) -> list[str]:
    style = Style(margin=56, indent=64, font="Times-Roman", bold="Times-Bold", size=11)
    pages = laid_out(lines, style)
    furnished = furniture(settings, len(pages))
    canvas = Canvas(str(path), pagesize=A4)
    for page, furnish in zip(pages, furnished, strict=True):
        head_and_foot(canvas, furnish, settings)
        for piece in page.pieces:
            if piece.font == style.bold:
                in_small_caps(canvas, piece)
            else:
                plain(canvas, piece)
        canvas.showPage()
    canvas.save()
    return said(furnished)


def in_small_caps(canvas: Canvas, piece: Piece) -> None:
    """Words in small capitals as Word draws them: each run of letters that are capitals
    in the text at full size, each run of small letters as capitals at 80%, a run each."""
    x = piece.x
    runs: list[tuple[str, float]] = []
    for char in piece.text:
        size = piece.size * 0.8 if char.islower() else piece.size
        if runs and runs[-1][1] == size:
            runs[-1] = (runs[-1][0] + char.upper(), size)
        else:
            runs.append((char.upper(), size))
    for text, size in runs:
        canvas.setFont(piece.font, size)
        canvas.drawString(x, piece.y, text)
        x += stringWidth(text, piece.font, size)


MAKERS: dict[str, Callable[[list[str], dict[str, str], Path], list[str]]] = {
    "print-driver": print_driver,
    "designed": designed,
    "rotated-page": rotated,
    "dms-stamp": stamped,
    "small-caps": small_caps,
}
