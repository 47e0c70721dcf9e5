"""Five protocols as UK councils publish them, of kinds and layouts the importer had not
met (tests/import_unmet11, each with its gold in golds/, written before the importer was
run on them or its code read): a Word file saved as "Strict Open XML", a PDF with
footnotes at the pages' feet (one marked in a paragraph that runs on over the page
break) under a running head naming the council, a protocol in Parts numbered in roman
numerals whose paragraphs start again at 1 in each Part, items three deep ((a), (i),
(A)) with words closing an item after its sub-items, and a Word table of definitions
(term, meaning) under a numbered paragraph.

A Word source is one paragraph a line, "KIND: words": "title", "intro", "h: N<tab>words"
a section's heading in Heading 1, "p: N<tab>words" a paragraph with its number typed, and
"row: term<tab>meaning" a row of a two-column table (rows one after another make one
table).

A PDF source is its lines as printed: "head: " the running head of every page, "title: ",
"i: " a line of the introduction, "h: " a heading, "N<tab>words" a paragraph's first line
and "<tab>words" the next; "^N" a footnote's mark, printed small and raised; "fn: N<tab>
words" a footnote, printed at the foot of the page being drawn; "break:" ends the page.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import import_trial
from import_unmet import column_widths

SOURCES = Path(__file__).parent / "import_unmet11"
HANDED = (
    "strict-open-xml.docx footnotes-over-page.pdf roman-parts.txt three-deep-items.txt "
    "definitions-table.docx"
)
NAMES = HANDED.split()  # each document as the council hands it over


def handed_over(name: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The file as the council hands it over, and its gold (a PDF's running heads and
    page numbers added to what is left out)."""
    return import_trial.handed_over(name, folder, SOURCES, saved, footnoted)


def saved(source: Path, path: Path) -> Path:
    """The Word file, saved as its name says: "strict-open-xml.docx" as Strict Open XML."""
    if path.name == "strict-open-xml.docx":
        return strict(word(source, path.with_name("transitional.docx")), path)
    return word(source, path)


def word(source: Path, path: Path) -> Path:
    document = docx.Document()
    table: Any = None
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind != "row":
            table = None
        if kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind == "intro":
            document.add_paragraph(text)
        elif kind == "h":
            document.add_paragraph(text, style="Heading 1")
        elif kind == "p":
            document.add_paragraph(text)
        else:
            if table is None:
                table = document.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            row = table.add_row().cells
            row[0].text, row[1].text = text.split("\t")
            column_widths(table, (2400, 6600))
    document.save(str(path))
    return path


# Word's "Strict Open XML Document" (ISO/IEC 29500 Strict) writes the same parts under
# other namespaces, and its relationships' types under them too.
STRICT = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": (
        "http://purl.oclc.org/ooxml/wordprocessingml/main"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
    "http://schemas.openxmlformats.org/drawingml/2006/main": (
        "http://purl.oclc.org/ooxml/drawingml/main"
    ),
}


def strict(transitional: Path, path: Path) -> Path:
    """The Word file as Word saves it "Strict Open XML": every part's namespaces the
    strict ones, the document marked conformance="strict"."""
    with zipfile.ZipFile(transitional) as given, zipfile.ZipFile(path, "w") as made:
        for item in given.infolist():
            data = given.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                for old, new in STRICT.items():
                    text = text.replace(old, new)
                if item.filename == "word/document.xml":
                    text = text.replace("<w:document ", '<w:document w:conformance="strict" ', 1)
                data = text.encode("utf-8")
            made.writestr(item, data)
    transitional.unlink()
    return path


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN, TOP, LEADING, INDENT = 64, 760, 14, 34
MARK = re.compile(r"\^(\d+)")


def footnoted(source: Path, path: Path) -> list[str]:
    """The source's lines drawn as printed, on A4 pages with a running head, "Page N"
    and each page's footnotes at its foot under a short rule; the furniture's lines."""
    canvas = Canvas(str(path), pagesize=A4)
    furniture: list[str] = []
    notes: list[tuple[str, str]] = []
    head = ""
    y = TOP
    page = 1

    def draw(size: int, x: float, text: str, bold: bool = False) -> None:
        """A line, each "^N" in it a raised mark of a smaller size."""
        nonlocal y
        font = "Helvetica-Bold" if bold else "Helvetica"
        for n, piece in enumerate(MARK.split(text)):
            raised, points = (3.5, 6) if n % 2 else (0.0, size)
            canvas.setFont(font, points)
            canvas.drawString(x, y + raised, piece)
            x += canvas.stringWidth(piece, font, points)
        y -= LEADING

    def finish() -> None:
        nonlocal y, page
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 110, MARGIN + 120, 110)
        at = 98
        for mark, words in notes:
            canvas.setFont("Helvetica", 6)
            canvas.drawString(MARGIN, at + 3, mark)
            canvas.setFont("Helvetica", 8)
            canvas.drawString(MARGIN + 6, at, words)
            at -= 10
        notes.clear()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(MARGIN, 800, head)
        canvas.drawCentredString(PAGE_WIDTH / 2, 40, f"Page {page}")
        canvas.showPage()
        furniture.extend([head, f"Page {page}"])
        page, y = page + 1, TOP

    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind == "head":
            head = text
        elif kind == "title":
            draw(15, MARGIN, text, bold=True)
            y -= 8
        elif kind == "i":
            draw(10, MARGIN, text)
        elif kind == "h":
            y -= 8
            draw(11, MARGIN, text, bold=True)
            y -= 3
        elif kind == "fn":
            mark, words = text.split("\t")
            notes.append((mark, words))
        elif line == "break:":
            finish()
        elif line.startswith("\t"):
            draw(10, MARGIN + INDENT, line[1:])
        else:
            number, words = line.split("\t")
            y -= 4
            draw(10, MARGIN, number)
            y += LEADING
            draw(10, MARGIN + INDENT, words)
    finish()
    canvas.save()
    return furniture
