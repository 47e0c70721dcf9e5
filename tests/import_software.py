"""Five protocols as the software councils publish with writes them (tests/import_software,
each with its gold in golds/, written before the importer was run on them): a saved web
page whose numbers the browser makes, two Word files made here from their committed
sources (NAME.docx.txt) as Word's legal multilevel list and as Google Docs write them, a
PDF in two columns made from NAME.pdf.txt, and a Rich Text file as Word saves one.

A Word source is one paragraph a line, "KIND: words":
- legal-list: "title", "intro"; "h1", "h2", "h3" (Word's heading styles, each linked to a
  level of one multilevel list: "I.", "1.1", "1.1.1", the last two legal numbering, with
  the council's Heading 2 and 3 made to look like body text); "a" an item "(a)" of the
  list's fourth level; "n" an unnumbered paragraph; "num: N" the list's numbering
  instance from there on (93 restarts the items at "(a)").
- google-docs: "title" (bold, 20 point), "text", "head" (bold, 14 point, no heading
  style), "1" and "2" a list's first and second levels ("1.", "a."); every run is split
  inside a word, as Google Docs and LibreOffice split them.
A PDF source: "head: " the running head of every page, "title: ", "intro: " across the
page, then in two columns "h: " a heading and "1.1<tab>words" a paragraph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

SOURCES = Path(__file__).parent / "import_software"
HANDED = "browser-numbers.html legal-list.docx google-docs.docx two-columns.pdf rich-text.rtf"
NAMES = HANDED.split()  # each document as the council hands it over


def gold(name: str, sources: Path = SOURCES) -> dict[str, Any]:
    """The gold of a document in ``sources`` (golds/NAME.json)."""
    path = sources / "golds" / Path(name).with_suffix(".json").name
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def handed_over(name: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The file as the council hands it over, and its gold (a PDF's running heads and
    page numbers added to what is left out)."""
    data = gold(name)
    source = SOURCES / f"{name}.txt"
    if name == "legal-list.docx":
        return legal_list(source, folder / name), data
    if name == "google-docs.docx":
        return google_docs(source, folder / name), data
    if name.endswith(".pdf"):
        path = folder / name
        return path, {**data, "left_out": data["left_out"] + two_columns(source, path)}
    return SOURCES / name, data


def element(tag: str, **values: str) -> Any:
    made = OxmlElement(tag)
    for key, value in values.items():
        made.set(qn(f"w:{key}"), value)
    return made


def numbered(properties: Any, num: int, level: int) -> None:
    numbers = element("w:numPr")
    numbers.append(element("w:ilvl", val=str(level)))
    numbers.append(element("w:numId", val=str(num)))
    properties.insert(0, numbers)


def abstract_list(document: Any, ident: int, levels: list[tuple[str, str, str, bool]]) -> Any:
    """A multilevel list in numbering.xml, each level (format, text, style, legal)."""
    numbering = document.part.numbering_part.element
    abstract = element("w:abstractNum", abstractNumId=str(ident))
    for level, (kind, text, style, legal) in enumerate(levels):
        lvl = element("w:lvl", ilvl=str(level))
        lvl.append(element("w:start", val="1"))
        lvl.append(element("w:numFmt", val=kind))
        if style:
            lvl.append(element("w:pStyle", val=document.styles[style].style_id))
        if legal:
            lvl.append(element("w:isLgl"))
        lvl.append(element("w:lvlText", val=text))
        lvl.append(element("w:lvlJc", val="left"))
        abstract.append(lvl)
    numbering.insert(0, abstract)
    return numbering


def instance(numbering: Any, num: int, ident: int, restart: dict[int, int]) -> None:
    """A w:num of the list; a level in `restart` starts again there (Word's "Restart
    numbering": a lvlOverride with a startOverride)."""
    made = element("w:num", numId=str(num))
    made.append(element("w:abstractNumId", val=str(ident)))
    for level, start in restart.items():
        override = element("w:lvlOverride", ilvl=str(level))
        override.append(element("w:startOverride", val=str(start)))
        made.append(override)
    numbering.append(made)


def legal_list(source: Path, path: Path) -> Path:
    document = docx.Document()
    levels = [
        ("upperRoman", "%1.", "Heading 1", False),
        ("decimal", "%1.%2", "Heading 2", True),
        ("decimal", "%1.%2.%3", "Heading 3", True),
        ("lowerLetter", "(%4)", "", False),
    ]
    numbering = abstract_list(document, 90, levels)
    instance(numbering, 91, 90, {})
    instance(numbering, 93, 90, {3: 1})
    for level, (_, _, style, _) in enumerate(levels[:3]):
        numbered(document.styles[style].element.get_or_add_pPr(), 91, level)
        if level:  # the council's template: numbered paragraphs look like body text
            font = document.styles[style].font
            font.bold, font.size, font.color.rgb = False, Pt(11), RGBColor(0, 0, 0)
    num = 91
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind == "num":
            num = int(text)
        elif kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind in ("intro", "n"):
            document.add_paragraph(text)
        elif kind in ("h1", "h2", "h3"):
            document.add_paragraph(text, style=f"Heading {kind[1]}")
        else:  # an item: the list's fourth level, set on the paragraph itself
            item = document.add_paragraph(text, style="List Paragraph")
            numbered(item._p.get_or_add_pPr(), num, 3)
    document.save(str(path))
    return path


def split_runs(paragraph: Any, text: str, *, bold: bool = False, size: int = 11) -> None:
    """The words in runs cut inside words (every 9th character), each run in Arial with
    its own size, as Google Docs writes them."""
    for start in range(0, len(text), 9):
        run = paragraph.add_run(text[start : start + 9])
        run.bold, run.font.size, run.font.name = bold, Pt(size), "Arial"


def google_docs(source: Path, path: Path) -> Path:
    document = docx.Document()
    levels = [("decimal", "%1.", "", False), ("lowerLetter", "%2.", "", False)]
    instance(abstract_list(document, 50, levels), 50, 50, {})
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        paragraph = document.add_paragraph()
        if kind == "title":
            split_runs(paragraph, text, bold=True, size=20)
        elif kind == "head":
            split_runs(paragraph, text, bold=True, size=14)
        else:
            split_runs(paragraph, text)
        if kind in ("1", "2"):
            numbered(paragraph._p.get_or_add_pPr(), 50, int(kind) - 1)
    document.save(str(path))
    return path


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN, GUTTER, TOP, BOTTOM = 56, 28, 770, 70
COLUMN = (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2
INDENT = 26  # the words' indent from the number in a column


def two_columns(source: Path, path: Path) -> list[str]:
    """The source drawn on A4 pages, the title and introduction across the first page and
    the rest in two columns, flowing down the left column and on into the right (a
    paragraph may run from one into the other); the furniture's lines."""
    lines = source.read_text(encoding="utf-8").splitlines()
    head = next(line[6:] for line in lines if line.startswith("head: "))
    pages: list[list[tuple[str, float, float, str]]] = [[]]  # (font, x, y, text)
    title = next(line[7:] for line in lines if line.startswith("title: "))
    y = TOP - 24
    intro = next(line[7:] for line in lines if line.startswith("intro: "))
    for row in simpleSplit(intro, "Helvetica", 10, PAGE_WIDTH - 2 * MARGIN):
        pages[0].append(("Helvetica", MARGIN, y, row))
        y -= 13
    top, column = y - 14, 0
    y = top

    def place(font: str, x: float, text: str) -> None:
        nonlocal y, column, top
        if y < BOTTOM:  # on into the next column, or a new page's first
            column, y = column + 1, top
            if column == 2:
                pages.append([])
                column, top = 0, TOP
                y = top
        pages[-1].append((font, x + column * (COLUMN + GUTTER), y, text))
        y -= 13

    for line in lines:
        if line.startswith("h: "):
            y -= 6
            place("Helvetica-Bold", MARGIN, line[3:])
            y -= 3
        elif "\t" in line:
            number, text = line.split("\t")
            rows = simpleSplit(text, "Helvetica", 10, COLUMN - INDENT)
            place("Helvetica", MARGIN, number)
            y += 13  # the number on its first row's line
            for row in rows:
                place("Helvetica", MARGIN + INDENT, row)
            y -= 5
    canvas = Canvas(str(path), pagesize=A4)
    furniture = []
    for number, page in enumerate(pages, start=1):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(MARGIN, 810, head)
        canvas.drawCentredString(PAGE_WIDTH / 2, 40, f"Page {number} of {len(pages)}")
        if number == 1:
            canvas.setFont("Helvetica-Bold", 14)
            canvas.drawString(MARGIN, TOP, title)
        furniture += [head, f"Page {number} of {len(pages)}"]
        for font, x, y_, text in page:
            canvas.setFont(font, 10)
            canvas.drawString(x, y_, text)
        canvas.showPage()
    canvas.save()
    return furniture
