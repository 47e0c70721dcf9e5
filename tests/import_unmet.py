"""Five protocols laid out as councils publish them and the importer had not met
(tests/import_unmet, each with its gold in golds/, written before the importer was run on
them or its code read): a Welsh council's protocol with its Welsh and English paragraphs
alternating, a PDF whose words are hyphenated at the ends of its lines, a Word table with
the paragraphs' items in a table nested in the words' cell, a protocol forwarded in an
e-mail (quoted, hard-wrapped, "1)" and "a)"), and paragraphs numbered "Paragraph 1" and
"Para 8A" with items lettered past "(h)".

A Word source is one paragraph a line, "KIND: words": "title", "intro" paragraphs above the
table; then the table's rows: "h: N<tab>words" a section's heading (its number in the first
cell, its words in bold in the second), "p: N<tab>words" a paragraph, "a: (x)<tab>words" an
item, a row of a table nested in the cell of the paragraph above, and "c: <tab>words" a
row whose number cell is empty (the paragraph above goes on).

A PDF source is its lines as printed: "head: " the running head of every page, "title: ",
"i: " a line of the introduction, "h: " a heading, "N<tab>words" a paragraph's first line
and "<tab>words" the next. A line ending "~-" is printed ending "-": a word with a hyphen of
its own ("co-operation") broken there, where a line ending "-" breaks a word at a hyphen the
line end alone put there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import import_trial

SOURCES = Path(__file__).parent / "import_unmet"
HANDED = (
    "bilingual-alternating.txt hyphenated.pdf word-table.docx email-quoted.txt para-numbers.txt"
)
NAMES = HANDED.split()  # each document as the council hands it over


def handed_over(name: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The file as the council hands it over, and its gold (a PDF's running heads and
    page numbers added to what is left out)."""
    return import_trial.handed_over(name, folder, SOURCES, word_table, hyphenated)


def column_widths(table: Any, widths: tuple[int, int]) -> None:
    """A table's two columns at these widths (twentieths of a point), as Word sets them."""
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            properties = cell._tc.get_or_add_tcPr()
            made = OxmlElement("w:tcW")
            made.set(qn("w:w"), str(width))
            made.set(qn("w:type"), "dxa")
            properties.append(made)


def word_table(source: Path, path: Path) -> Path:
    document = docx.Document()
    table = None
    words_cell: Any = None
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind == "intro":
            document.add_paragraph(text)
        elif kind == "a":  # an item: a row of the table nested in the paragraph's cell
            label, words = text.split("\t")
            nested = words_cell.tables[0] if words_cell.tables else None
            if nested is None:
                nested = words_cell.add_table(rows=0, cols=2)
            row = nested.add_row().cells
            row[0].text, row[1].text = label, words
            column_widths(nested, (600, 7000))
        else:
            if table is None:
                table = document.add_table(rows=0, cols=2)
                table.style = "Table Grid"
            number, words = text.split("\t")
            row = table.add_row().cells
            row[0].text = number.strip()
            words_cell = row[1]
            if kind == "h":
                words_cell.paragraphs[0].add_run(words).bold = True
            else:
                words_cell.text = words
    assert table is not None
    column_widths(table, (900, 8100))
    document.save(str(path))
    return path


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN, TOP, BOTTOM, LEADING, INDENT = 64, 760, 80, 14, 34


def hyphenated(source: Path, path: Path) -> list[str]:
    """The source's lines drawn as printed, one column on A4 pages, a running head and
    "Page N" on each; the furniture's lines."""
    canvas = Canvas(str(path), pagesize=A4)
    furniture: list[str] = []
    head = ""
    y = TOP
    page = 1

    def draw(font: str, size: int, x: float, text: str) -> None:
        nonlocal y, page
        if y < BOTTOM:
            furniture.extend(finish(canvas, head, page))
            page, y = page + 1, TOP
        canvas.setFont(font, size)
        canvas.drawString(x, y, text.replace("~-", "-"))
        y -= LEADING

    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind == "head":
            head = text
        elif kind == "title":
            draw("Helvetica-Bold", 15, MARGIN, text)
            y -= 8
        elif kind == "i":
            draw("Helvetica", 10, MARGIN, text)
        elif kind == "h":
            y -= 8
            draw("Helvetica-Bold", 11, MARGIN, text)
            y -= 3
        elif line.startswith("\t"):
            draw("Helvetica", 10, MARGIN + INDENT, line[1:])
        else:
            number, words = line.split("\t")
            y -= 4
            draw("Helvetica", 10, MARGIN, number)
            y += LEADING
            draw("Helvetica", 10, MARGIN + INDENT, words)
    furniture.extend(finish(canvas, head, page))
    canvas.save()
    return furniture


def finish(canvas: Canvas, head: str, page: int) -> list[str]:
    canvas.setFont("Helvetica", 8)
    canvas.drawString(MARGIN, 800, head)
    canvas.drawCentredString(PAGE_WIDTH / 2, 40, f"Page {page}")
    canvas.showPage()
    return [head, f"Page {page}"]
