"""Five protocols as UK councils publish them, of kinds and layouts the importer had not
met (tests/import_unmet14, each with its gold in golds/, written before the importer was
run on them or its code read): a PDF whose amendment history is printed in the margin
beside the paragraphs changed, a PDF exported from Word with a cover, a contents page
(dot leaders, page numbers) and a blank page numbered in Roman before the body, a PDF
whose sections running over a page repeat their heading "(continued)" at the head of the
next, a committee system's web page whose paragraphs are a definition list (number in
<dt>, words in <dd>), and a Word file whose numbers come from its styles, with a list
pasted in from another file restarted at 4 by w:lvlOverride/w:startOverride and each
paragraph's items "(a)" restarted the same way.

A PDF source is its lines as printed: "head: " the running head of every page but a
cover, "foot: " its footer ("{folio}" the page's number), "folios: " each page's printed
number ("-" none), "title: ", "i: " a line of the introduction, "h: " a heading, "cont: "
a heading repeated "(continued)", "centre: " a line centred, "toc: WORDS|PAGE" a contents
line (dot leaders to the page number), "N<tab>words" a paragraph's first line and
"<tab>words" the next, "item: (a)<tab>words" an item's first line and "<tab>words" its
next, "note: A|B|C" a margin note's lines beside the last paragraph begun; "break:" ends
the page.

A Word source: "title: ", "intro: ", "# Title" a section's heading (Heading 1, numbered
by its style), "p: " a paragraph (numbered by its style), "item: " an item (a list of
its own, restarted at "(a)" under each paragraph), "num: 2" every later heading and
paragraph in the pasted list, its sections restarted at 4.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import import_trial as trial
from import_layouts import element
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_unmet14"
HANDED = (
    "margin-notes.pdf roman-front.pdf continued-heads.pdf definition-list.html"
    " restart-overrides.docx"
)
NAMES = HANDED.split()  # each document as the council hands it over


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as the council hands it over, and its gold (a PDF's running heads and
    page numbers added to what is left out)."""
    return trial.handed_over(name, folder, SOURCES, word, drawn)


# Word: numbers drawn from the styles, a pasted list restarted by an override

LIST, PASTED, ITEMS = "70", "72", "71"
PARAGRAPH_STYLE = "Numbered Para"


def word(source: Path, path: Path) -> Path:
    document = docx.Document()
    style = document.styles.add_style(PARAGRAPH_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    numbering = document.part.numbering_part.element
    levels = (("decimal", "%1."), ("decimal", "%1.%2"))
    numbering.insert(0, abstract(LIST, levels, ("Heading 1", PARAGRAPH_STYLE), document))
    numbering.insert(1, abstract(ITEMS, (("lowerLetter", "(%1)"),)))
    numbering.append(num(LIST, LIST))
    numbering.append(num(PASTED, LIST, start=4))
    for level, name in enumerate(("Heading 1", PARAGRAPH_STYLE)):
        document.styles[name].element.get_or_add_pPr().insert(0, number_properties(level, LIST))
    pasted, lists = False, 0
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind in ("title", "intro"):
            document.add_paragraph(text, style="Title" if kind == "title" else None)
        elif kind == "num":
            pasted = True
        elif line.startswith("# "):
            heading = document.add_paragraph(line[2:], style="Heading 1")
            if pasted:
                heading._p.get_or_add_pPr().append(number_properties(0, PASTED))
        elif kind == "p":
            paragraph = document.add_paragraph(text, style=PARAGRAPH_STYLE)
            if pasted:
                paragraph._p.get_or_add_pPr().append(number_properties(1, PASTED))
            restarted = False
        elif kind == "item":
            if not restarted:  # Word's "Restart at (a)": a list of its own, from 1
                lists, restarted = lists + 1, True
                numbering.append(num(str(80 + lists), ITEMS, start=1))
            item = document.add_paragraph(text, style="List Paragraph")
            item._p.get_or_add_pPr().append(number_properties(0, str(80 + lists)))
    document.save(str(path))
    return path


def abstract(
    ident: str,
    levels: tuple[tuple[str, str], ...],
    styles: tuple[str, ...] = (),
    document: Any = None,
) -> Any:
    made = element("w:abstractNum", abstractNumId=ident)
    made.append(element("w:multiLevelType", val="multilevel" if len(levels) > 1 else "singleLevel"))
    for level, (kind, text) in enumerate(levels):
        lvl = element("w:lvl", ilvl=str(level))
        lvl.append(element("w:start", val="1"))
        lvl.append(element("w:numFmt", val=kind))
        if styles:
            lvl.append(element("w:pStyle", val=document.styles[styles[level]].style_id))
        lvl.append(element("w:lvlText", val=text))
        lvl.append(element("w:lvlJc", val="left"))
        made.append(lvl)
    return made


def num(ident: str, of: str, start: int | None = None) -> Any:
    """A list (w:num) of an abstract list; its first level restarted at ``start``."""
    made = element("w:num", numId=ident)
    made.append(element("w:abstractNumId", val=of))
    if start is not None:
        override = element("w:lvlOverride", ilvl="0")
        override.append(element("w:startOverride", val=str(start)))
        made.append(override)
    return made


def number_properties(level: int, ident: str) -> Any:
    made = element("w:numPr")
    made.append(element("w:ilvl", val=str(level)))
    made.append(element("w:numId", val=ident))
    return made


# PDF: drawn line by line as Word's "Save as PDF" sets them

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN, TOP, LEADING, INDENT, LABEL = 64, 760, 14, 34, 24
NOTE_X, NOTE_LEADING = 440, 9


def drawn(source: Path, path: Path) -> list[str]:
    """The source's lines drawn on A4 pages, each with its running head and footer. The
    furniture's lines."""
    lines = source.read_text(encoding="utf-8").splitlines()
    settings = {k: v for k, _, v in (line.partition(": ") for line in lines) if k in SETTINGS}
    folios = settings["folios"].split(",")
    canvas = Canvas(str(path), pagesize=A4)
    furniture: list[str] = []
    page, y, begun, in_item = 0, float(TOP), float(TOP), False
    for line in lines:
        kind, _, text = line.partition(": ")
        if kind in SETTINGS:
            continue
        if line == "break:":
            furniture += finish(canvas, settings, folios[page])
            page, y = page + 1, float(TOP)
            continue
        if kind == "title":
            y = write(canvas, y, MARGIN, text, 15, bold=True) - 8
        elif kind == "i":
            y = write(canvas, y, MARGIN, text, 10)
        elif kind in ("h", "cont"):
            y = write(canvas, y - 8, MARGIN, text, 11, bold=True) - 3
        elif kind == "centre":
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawCentredString(PAGE_WIDTH / 2, y, text)
            y -= LEADING + 6
        elif kind == "toc":
            y = contents_line(canvas, y, *text.split("|"))
        elif kind == "note":
            for at, part in enumerate(text.split("|")):
                write(canvas, begun - at * NOTE_LEADING, NOTE_X, part, 7)
        elif kind == "item":
            label, words = text.split("\t")
            in_item = True
            write(canvas, y, MARGIN + INDENT, label, 10)
            y = write(canvas, y, MARGIN + INDENT + LABEL, words, 10)
        elif line.startswith("\t") and in_item:
            y = write(canvas, y, MARGIN + INDENT + LABEL, line.strip(), 10)
        elif line.startswith("\t"):
            y = write(canvas, y, MARGIN + INDENT, line[1:], 10)
        else:
            number, words = line.split("\t")
            y, begun, in_item = y - 4, y - 4, False
            write(canvas, y, MARGIN, number, 10)
            y = write(canvas, y, MARGIN + INDENT, words, 10)
    furniture += finish(canvas, settings, folios[page])
    canvas.save()
    return furniture


SETTINGS = ("head", "foot", "folios")


def write(canvas: Canvas, y: float, x: float, text: str, size: int, bold: bool = False) -> float:
    canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    canvas.drawString(x, y, text)
    return y - LEADING


def contents_line(canvas: Canvas, y: float, words: str, page: str) -> float:
    """A contents line as Word sets one: the heading, a tab's dot leader, the page
    number at the right margin."""
    canvas.setFont("Helvetica", 10)
    canvas.drawString(MARGIN, y, words)
    right = PAGE_WIDTH - MARGIN
    start = MARGIN + canvas.stringWidth(words, "Helvetica", 10) + 6
    end = right - canvas.stringWidth(page, "Helvetica", 10) - 6
    dots = "." * int((end - start) / canvas.stringWidth(".", "Helvetica", 10))
    canvas.drawString(start, y, dots)
    canvas.drawRightString(right, y, page)
    return y - LEADING - 2


def finish(canvas: Canvas, settings: dict[str, str], folio: str) -> list[str]:
    """The page's running head and footer (a cover, its folio "-", has neither); the
    page ends."""
    printed: list[str] = []
    if folio != "-":  # a cover has neither
        canvas.setFont("Helvetica", 8)
        canvas.drawString(MARGIN, 800, settings["head"])
        printed.append(settings["head"])
        foot = settings["foot"].format(folio=folio)
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(PAGE_WIDTH / 2, 40, foot)
        printed.append(foot)
    canvas.showPage()
    return printed
