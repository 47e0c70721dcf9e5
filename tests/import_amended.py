"""Five protocols as councils amend them over years and lay them out by different hands
(tests/import_amended, each with its gold in golds/, written before the importer was run
on them): a .txt and a saved web page as they are; two Word files and a PDF made here
from their committed sources (NAME.docx.txt, NAME.pdf.txt), as the council's tools would
have written them.

A Word source is one paragraph a line: "title: ", "h1: " (Word's styles), "| 1.1 | words"
a table's row ("|= words" one merged across the row, "|  | words" another paragraph in
the row's last cell), "> " an indented paragraph, "~" words in italics; "\\t" is a tab.
A PDF source: "head: " the running head of every page, "title: ", "h: 1.\\tTitle" a
heading, "1.1\\twords" a paragraph (its number in the left column, set a point or two off
the words' line, as Word's numbering lands in a PDF), "~\\twords" in italics, "annex: " and
"box: " a flowchart's heading and boxes, "---page---" a new page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
from docx.shared import Cm
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

SOURCES = Path(__file__).parent / "import_amended"
NAMES = [
    "inserted-revoked.txt",
    "table-body.docx",
    "offset-numbers.pdf",
    "paragraph-headings.html",
    "history-table.docx",
]


def gold(name: str) -> dict[str, Any]:
    stem = name.rsplit(".", 1)[0]
    data: dict[str, Any] = json.loads(
        (SOURCES / "golds" / f"{stem}.json").read_text(encoding="utf-8")
    )
    return data


def handed_over(name: str, folder: Path) -> Path:
    """The file as the council hands it over."""
    if name.endswith(".docx"):
        return word_file(SOURCES / f"{name}.txt", folder / name)
    if name.endswith(".pdf"):
        return pdf_file(SOURCES / f"{name}.txt", folder / name)
    return SOURCES / name


def typed(paragraph: Any, text: str, *, italic: bool = False) -> None:
    """A paragraph's words, a number typed before a tab kept as a run of its own."""
    if text.startswith("~"):
        text, italic = text[1:], True
    parts = text.replace("\\t", "\t").split("\t")
    for index, part in enumerate(parts):
        if index:
            paragraph.add_run("\t")
        paragraph.add_run(part).italic = italic


def word_file(source: Path, path: Path) -> Path:
    document = docx.Document()
    table: Any = None
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            table = None
        if line.startswith("title: "):
            document.add_paragraph(line[7:], style="Title")
        elif line.startswith("h1: "):
            typed(document.add_paragraph(style="Heading 1"), line[4:])
        elif line.startswith("|= "):
            table = table or document.add_table(rows=0, cols=2)
            cells = table.add_row().cells
            merged = cells[0].merge(cells[1])
            merged.paragraphs[0].add_run(line[3:]).bold = True
        elif line.startswith("|"):
            cells_text = [cell.strip() for cell in line[1:].split(" | ")]
            if table is None:
                table = document.add_table(rows=0, cols=len(cells_text))
                table.style = document.styles["Table Grid"]
            if not cells_text[0]:  # another paragraph in the last row's last cell
                typed(table.rows[-1].cells[-1].add_paragraph(), cells_text[-1])
                continue
            for cell, text in zip(table.add_row().cells, cells_text, strict=True):
                typed(cell.paragraphs[0], text)
        elif line.startswith("> "):
            indented = document.add_paragraph()
            indented.paragraph_format.left_indent = Cm(1.27)
            typed(indented, line[2:])
        else:
            typed(document.add_paragraph(), line)
    document.save(str(path))
    return path


LEFT, TEXT, WIDTH = 72, 108, 420  # the number's column, the words' column, their width
OFFSET = 1.5  # how far below the words' baseline Word's numbering lands in the PDF


def pdf_file(source: Path, path: Path) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()
    head = next(line[6:] for line in lines if line.startswith("head: "))
    pages = "\n".join(line for line in lines if not line.startswith("head: "))
    canvas = Canvas(str(path), pagesize=A4)
    count = pages.count("---page---") + 1
    for number, page in enumerate(pages.split("---page---"), start=1):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(LEFT, 800, head)
        canvas.drawString(LEFT, 40, f"Page {number} of {count}")
        y = 760.0
        for line in page.strip("\n").splitlines():
            y = pdf_line(canvas, line, y)
        canvas.showPage()
    canvas.save()
    return path


def wrapped(canvas: Canvas, x: float, y: float, text: str, font: str) -> float:
    canvas.setFont(font, 11)
    for row in simpleSplit(text, font, 11, WIDTH - (x - TEXT)):
        canvas.drawString(x, y, row)
        y -= 14
    return y - 6


def pdf_line(canvas: Canvas, line: str, y: float) -> float:
    """One source line drawn; the height it leaves for the next."""
    if line.startswith("title: "):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(LEFT, y, line[7:])
        return y - 28
    if line.startswith("annex: "):
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(LEFT, y, line[7:])
        return y - 40
    if line.startswith("box: "):  # a flowchart's box, an arrow down to the next
        canvas.rect(150, y - 8, 300, 26)
        canvas.setFont("Helvetica", 10)
        canvas.drawCentredString(300, y, line[5:])
        canvas.line(300, y - 8, 300, y - 30)
        return y - 56
    if line.startswith("h: "):
        number, title = line[3:].split("\t")
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(LEFT, y + OFFSET, number)
        canvas.drawString(TEXT, y, title)
        return y - 22
    if "\t" not in line:
        return wrapped(canvas, LEFT, y, line, "Helvetica")
    number, text = line.split("\t")
    if number == "~":
        return wrapped(canvas, TEXT, y, text, "Helvetica-Oblique")
    deep = number.count(".") > 1  # 4.2.1 sits in from 4.2, as Word's third level does
    canvas.setFont("Helvetica", 11)
    canvas.drawString(TEXT if deep else LEFT, y - OFFSET, number)
    return wrapped(canvas, TEXT + 45 if deep else TEXT, y, text, "Helvetica")
