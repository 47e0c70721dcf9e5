"""Five protocols as councils publish them inside the whole constitution
(tests/import_constitution_parts, each with its gold in golds/, written before the importer
was run on them): a Part numbered with the Part's own number as a PDF, a pdftotext export
with lettered sections and paragraphs numbered on through the Part, a Word file with a
glossary table before its roman-numbered sections, a text export with superscript
footnote marks, endnotes and annexes, and a modern.gov-style page of Word's HTML.

The Word source is one paragraph a line, "KIND: words": "title", "intro"; "head" a heading
in Heading 1 with the list's numbering switched off; "row" a row of the glossary's table,
its cells split by " | " (the first row its header); "h1" a section heading in Heading 1,
numbered "I." by the list linked to the style; "p" a paragraph numbered "1." by a second
list running on through the sections; "a" an item "(a)", that list's second level.
The PDF source is the pages' text, split by form feeds, drawn a line as a line under the
running head "Constitution — Part 5.3 — page N" (the Part's pages being 14 onwards).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from import_software import abstract_list, instance, numbered

SOURCES = Path(__file__).parent / "import_constitution_parts"
HANDED = "part-numbered.pdf part-para.txt roman-glossary.docx annex-endnotes.txt"
NAMES = [*HANDED.split(), "moderngov-page.html"]  # each as the council hands it over
FIRST_PAGE = 14  # the Part's first page in the whole constitution


def gold(name: str) -> dict[str, Any]:
    path = SOURCES / "golds" / Path(name).with_suffix(".json").name
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def handed_over(name: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The file as the council hands it over, and its gold (a PDF's running heads added
    to what is left out)."""
    data = gold(name)
    if name.endswith(".docx"):
        return roman_glossary(SOURCES / f"{name}.txt", folder / name), data
    if name.endswith(".pdf"):
        path = folder / name
        furniture = part_pages(SOURCES / f"{name}.txt", path)
        return path, {**data, "left_out": data["left_out"] + furniture}
    return SOURCES / name, data


def part_pages(source: Path, path: Path) -> list[str]:
    """The source's pages drawn on A4, each under the Part's running head with the
    page's number in the whole constitution; the heads' lines."""
    canvas = Canvas(str(path), pagesize=A4)
    pages = source.read_text(encoding="utf-8").split("\f")
    heads = [f"Constitution — Part 5.3 — page {FIRST_PAGE + n}" for n in range(len(pages))]
    for head, page in zip(heads, pages, strict=True):
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(A4[0] - 56, 806, head)
        words = canvas.beginText(56, 770)  # the page's lines, 15 points apart
        words.setFont("Helvetica", 11)
        words.setLeading(15)
        words.textLines(page.strip("\n"))
        canvas.drawText(words)
        canvas.showPage()
    canvas.save()
    return heads


def roman_glossary(source: Path, path: Path) -> Path:
    document = docx.Document()
    sections = abstract_list(document, 80, [("upperRoman", "%1.", "Heading 1", False)])
    instance(sections, 81, 80, {})
    numbered(document.styles["Heading 1"].element.get_or_add_pPr(), 81, 0)
    paragraphs = abstract_list(
        document, 82, [("decimal", "%1.", "", False), ("lowerLetter", "(%2)", "", False)]
    )
    instance(paragraphs, 83, 82, {})
    table = None
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind == "row":
            if table is None:
                table = document.add_table(rows=0, cols=2)
            cells = table.add_row().cells
            cells[0].text, cells[1].text = text.split(" | ")
        elif kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind == "intro":
            document.add_paragraph(text)
        elif kind in ("head", "h1"):
            heading = document.add_paragraph(text, style="Heading 1")
            if kind == "head":  # the list's numbering switched off for this heading
                numbered(heading._p.get_or_add_pPr(), 0, 0)
        else:
            paragraph = document.add_paragraph(text, style="List Paragraph")
            numbered(paragraph._p.get_or_add_pPr(), 83, 0 if kind == "p" else 1)
    document.save(str(path))
    return path
