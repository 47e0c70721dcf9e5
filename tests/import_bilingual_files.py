"""The documents of tests/import_bilingual as a council would hand them over: the two
languages in the two columns of a Word table, or set in two columns of a PDF's page, made
from columns.txt (a row a line, the two languages apart by a tab)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

FOLDER = Path(__file__).parent / "import_bilingual"


def rows() -> list[list[str]]:
    text = (FOLDER / "columns.txt").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def table_docx(path: Path) -> None:
    """The title in both languages, then a table of two columns: a row a heading or a
    paragraph, Welsh on the left, English on the right, each with its number."""
    document = docx.Document()
    (welsh, english), *body = rows()
    document.add_paragraph(f"{welsh} / {english}", style="Title")
    table = document.add_table(rows=0, cols=2)
    for cells in body:
        row = table.add_row()
        for cell, words in zip(row.cells, cells, strict=True):
            cell.text = words
    document.save(str(path))


def columns_pdf(path: Path) -> None:
    """Each row's two languages set side by side, in two columns of 38 characters, the
    rows down the page, as a bilingual protocol is printed."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    y = 780
    for cells in rows():
        wrapped = [textwrap.wrap(words, 38) for words in cells]
        for n in range(max(len(w) for w in wrapped)):
            for x, lines in zip((60, 310), wrapped, strict=True):
                if n < len(lines):
                    canvas.drawString(x, y, lines[n])
            y -= 13
        y -= 8
    canvas.save()
