"""Five protocols as UK councils publish them, of kinds and layouts the importer had not
met (tests/import_unmet17, each with its gold in golds/, written before the importer was
run on them or its code read): a plain-text export hard-wrapped at 72 columns whose
items "(i)" to "(x)" sit under an item "(a)"; a wiki's Markdown export (front matter, a
contents marker, ordered lists numbered "1." lazily and started at "3.", "6.", "10.");
a WordPress page whose headings are bold paragraphs and whose numbered paragraphs are
lines of one paragraph broken by <br>; a Word file holding the whole of a constitution's
Part 5, the protocol between two other codes; and a Word file made from a council's
template: a document-control table on the cover and each section's heading in a shaded
table of one cell.

A Word source is one line a paragraph: "title: " (Title style), "p: " a paragraph in
Normal (a typed number before a tab), "i: " an item (its label typed before a tab,
indented), "intro: " a paragraph in Normal, "# " a heading (Heading 1), "doc: " the title
of a further code (a page break, then Title style), "control: " a row of the cover's
document-control table (its two cells split by a tab), "break:" a page break, "banner: "
a section's heading as the template sets it: bold words in a shaded table of one cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.shared import Cm, Pt, RGBColor

from import_layouts import element
from import_software import gold
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_unmet17"
HANDED = "roman-wrapped.txt wiki-lists.md bold-headings.html part5-codes.docx cover-banners.docx"
NAMES = HANDED.split()  # each document as the council hands it over


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as the council hands it over (a Word file made from its source here),
    and its gold."""
    data = gold(name, SOURCES)
    if name.endswith(".docx"):
        return word(SOURCES / f"{name}.txt", folder / name), data
    return SOURCES / name, data


def word(source: Path, path: Path) -> Path:
    document = docx.Document()
    control = None
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind == "doc":
            document.add_page_break()
            document.add_paragraph(text, style="Title")
        elif kind in ("p", "intro"):
            document.add_paragraph(text)
        elif kind == "i":
            item = document.add_paragraph(text)
            item.paragraph_format.left_indent = Cm(2)
            item.paragraph_format.first_line_indent = Cm(-1)
        elif line.startswith("# "):
            document.add_paragraph(line[2:], style="Heading 1")
        elif kind == "control":
            if control is None:
                control = document.add_table(rows=0, cols=2)
                control.style = "Table Grid"
            cells = control.add_row().cells
            for cell, words in zip(cells, text.split("\t"), strict=True):
                cell.paragraphs[0].add_run(words).bold = cell is cells[0]
        elif line == "break:":
            document.add_page_break()
        elif kind == "banner":
            banner(document, text)
    document.save(str(path))
    return path


def banner(document: Any, text: str) -> None:
    """A section's heading as a council's template sets it: its words in bold, in a table
    of one cell shaded across the page."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    cell._tc.get_or_add_tcPr().append(element("w:shd", val="clear", color="auto", fill="1F4E79"))
    run = cell.paragraphs[0].add_run(text)
    run.bold = True
    run.font.size = Pt(13)
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
