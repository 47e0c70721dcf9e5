"""Six protocols laid out as UK councils lay theirs out on the page, in shapes no earlier
trial met (tests/import_shapes18, each with its gold in golds/, written before the
importer was run on them or its code read): questions as unnumbered headings over
paragraphs numbered on through them, with sentences "i." to "iii." after a lead-in and
words going on after them; Word paragraphs opening with a bold run-in title, every number
closed by a full stop ("1.1.", "2.3.1."); a statute-like code quoted with its own numbers
"(1)" inside a paragraph, dates, times and sums at the start of wrapped lines; boxes of
"Key principles" and an "Example" set between Word paragraphs; sections drawn by Word's
list in words ("Section One:"), an appendix numbered "A1" after them; Parts in words over
paragraphs numbered on, each opening with a title before a dash.

A Word source is one line a paragraph: "title: " (Title style), "intro: " and "p: "
(Normal; a typed number before a tab; "**words**" a bold run), "note: " a Normal
paragraph, "# " a heading (Heading 1, its number typed before a tab); "box: TITLE" opens
a bordered table of one cell whose first paragraph is TITLE in bold, holding the "b: "
(List Bullet) and "p: " paragraphs up to "end:"; "h: " a heading numbered by Word's list
(Heading 1, drawn "Section One:"), "n: " a paragraph at its second level (drawn "1.1."),
"i: " at its third ("(a)"); "appendix: " a Heading 1 with the list's number taken off,
"a: " a paragraph with its number typed ("A1<tab>...").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx

from import_software import abstract_list, instance, numbered
from import_trial import Gold
from import_trial import handed_over as trial_handed_over

SOURCES = Path(__file__).parent / "import_shapes18"
NAMES = [
    "questions.txt",
    "run-in-bold.docx",
    "quoted-code.txt",
    "boxes.docx",
    "cardinal-sections.docx",
    "part-words.txt",
]
BOLD = re.compile(r"\*\*(.+?)\*\*")
LIST = 70  # the w:num of the sections' list
LEVELS = [  # (format, text, style, legal): "Section One:", "1.1." under it, "(a)"
    ("cardinalText", "Section %1:", "Heading 1", False),
    ("decimal", "%1.%2.", "", True),
    ("lowerLetter", "(%3)", "", False),
]


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as the council hands it over (a Word file made from its source here),
    and its gold."""
    return trial_handed_over(name, folder, SOURCES, word, lambda source, path: [])


def word(source: Path, path: Path) -> Path:
    document = docx.Document()
    cell: Any = None  # the box being filled, if any
    listed = False
    for line in source.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition(": ")
        if kind in ("h", "n", "i") and not listed:
            instance(abstract_list(document, LIST, LEVELS), LIST, LIST, {})
            numbered(document.styles["Heading 1"].element.get_or_add_pPr(), LIST, 0)
            listed = True
        if kind == "box":
            table = document.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            cell = table.rows[0].cells[0]
            cell.paragraphs[0].add_run(text).bold = True
        elif line == "end:":
            cell = None
        elif kind == "b":
            cell.add_paragraph(text, style="List Bullet")
        elif kind == "title":
            document.add_paragraph(text, style="Title")
        elif line.startswith("# "):
            document.add_paragraph(line[2:], style="Heading 1")
        elif kind == "h":
            document.add_paragraph(text, style="Heading 1")
        elif kind == "appendix":
            heading = document.add_paragraph(text, style="Heading 1")
            numbered(heading._p.get_or_add_pPr(), 0, 0)  # "None" chosen from the list
        elif kind in ("n", "i"):
            made = document.add_paragraph(text)
            numbered(made._p.get_or_add_pPr(), LIST, 1 if kind == "n" else 2)
        elif kind in ("intro", "p", "note", "a"):
            runs((cell or document).add_paragraph(), text)
        else:
            raise ValueError(f"{source.name}: unknown line {line!r}")
    document.save(str(path))
    return path


def runs(paragraph: Any, text: str) -> None:
    """The words as runs, "**words**" a bold run."""
    at = 0
    for match in BOLD.finditer(text):
        paragraph.add_run(text[at : match.start()])
        paragraph.add_run(match[1]).bold = True
        at = match.end()
    paragraph.add_run(text[at:])
