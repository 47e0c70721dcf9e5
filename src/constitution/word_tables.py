"""A Word table read as paragraphs: a banner, a document-control table left out,
rows as a list's items (a header row the first, its words once), or a layout table of numbered
paragraphs read as the paragraphs it lays out.

Apart from the reader (word_read) because a table is read by rules of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from constitution.problems import Problem, ProtocolError
from constitution.word_paragraphs import W, emphasis_of, floating, paragraph_text


def banner(table: Any) -> str:
    """A heading as many councils' Word templates set one: its few words, bold or on a
    shaded ground, alone in a table of one cell across the page ("1. Introduction" in a
    coloured band). Its words, or "" for any other table (a boxed note is a sentence)."""
    rows = list(table.iterchildren(f"{W}tr"))
    if len(rows) != 1 or len(cells := list(rows[0].iterchildren(f"{W}tc"))) != 1:
        return ""
    said = [words for p in cells[0].iter(f"{W}p") if (words := paragraph_text(p))]
    if len(said) != 1 or not 0 < len(said[0].split()) <= 12 or said[0].endswith((".", ";", ":")):
        return ""
    return said[0] if bolded(rows[0]) or shaded(rows[0]) else ""


def boxed(table: Any) -> bool:
    """Whether a table is a box set between paragraphs ("Key principles" over bullets,
    "Example" over its words: a table of one cell holding more than one paragraph, its
    paragraphs the protocol's words, read in their place as paragraphs, a bulleted one
    an item), not a heading's band (``banner``) nor a boxed sentence (a row, as before)."""
    rows = list(table.iterchildren(f"{W}tr"))
    if len(rows) != 1 or len(cells := list(rows[0].iterchildren(f"{W}tc"))) != 1:
        return False
    return sum(bool(paragraph_text(p)) for p in cells[0].iter(f"{W}p")) > 1


# A document-control table's labels: the record a council's template keeps of the
# document (its title, owner, version, approval, review), not the protocol's words
CONTROL_LABEL = re.compile(
    r"(?i)^(?:document\s+|policy\s+)?(?:title|name|owner|author|status|classification"
    r"|version(?:\s+(?:no\.?|number))?|protective\s+marking|approved\s+by|approval(?:\s+date)?"
    r"|date\s+(?:approved|adopted|issued|of\s+(?:approval|adoption|issue))|(?:next\s+)?review"
    r"(?:\s+(?:date|due))?|effective\s+(?:date|from)|reference|(?:lead|responsible)\s+officer"
    r"|directorate|department|service\s+area|type)\s*:?$"
)


def control_rows(table: Any) -> list[str]:
    """A document-control table's rows, each a label and its value, as printed ("Version
    3.0"); [] for any other table. Every row two cells, a short label then its value, and
    at least three labels, and most, a document's record's."""
    rows = [cells_of(row) for row in table.iterchildren(f"{W}tr")]
    if len(rows) < 3 or any(len(row) != 2 or len(row[0].split()) > 4 for row in rows):
        return []
    labels = sum(bool(CONTROL_LABEL.match(row[0].strip("* "))) for row in rows)
    return [" ".join(row) for row in rows] if labels >= 3 and labels * 2 > len(rows) else []


def table_rows(table: Any) -> Iterator[str]:
    """A table (a clause holds no tables) as a list: a row an item, its cells apart by
    a tab (the importer writes each on a line of its own, adding no punctuation). A
    header row is the first item, as printed: its words are not repeated in the rows
    under it, so every word of the table lands once, as the other formats' tables do."""
    for row in table.iterchildren(f"{W}tr"):
        if text := "\t".join(cell for cell in cells_of(row) if cell):
            yield text


def bolded(row: Any) -> bool:
    return all(emphasis_of(t) == "**" for t in row.iter(f"{W}t") if (t.text or "").strip())


def shaded(row: Any) -> bool:
    return all(map(shaded_cell, row.iterchildren(f"{W}tc")))


def shaded_cell(cell: Any) -> bool:
    """Whether a cell (or a table style's part) is filled with a colour."""
    fill = cell.find(f"{W}tcPr/{W}shd")
    return fill is not None and (fill.get(f"{W}fill") or "auto").lower() not in ("auto", "ffffff")


# A paragraph's number alone in a table's cell ("3.4A", "12.", "(4)")
NUMBER_CELL = re.compile(r"^(?:\d{1,3}[A-Z]{0,4}(?:\.\d{1,3}[A-Z]{0,4})*[.)]?|\(\d{1,3}\))$")


def laid_out(table: Any, path: Path, at: int) -> list[tuple[str, bool]] | None:
    """A protocol laid out in a two-column table, as many councils' Word files are: a
    paragraph's number in the first cell, its words in the second (each of the cell's
    paragraphs a line: its items, a note), a heading in a row merged across the table.
    Its lines as paragraphs (a number before a tab), each saying whether it goes on with
    the numbered paragraph above (Line.cell), or None for any other table: one
    whose numbered rows are too few. Numbered so with more columns (a note or a date
    beside the words), it is refused: which column holds the protocol's words is not
    known, and a list of the rows would run them together."""
    rows = [
        [
            [words for p in cell.iter(f"{W}p") if not floating(p) and (words := paragraph_text(p))]
            for cell in row.iterchildren(f"{W}tc")
        ]
        for row in table.iterchildren(f"{W}tr")
    ]
    numbered = [row for row in rows if len(row) > 1 and NUMBER_CELL.match(" ".join(row[0]).strip())]
    if len(numbered) < 3 or len(numbered) * 2 < len(rows):
        return None
    if columns := max(len(row) for row in numbered) - 2:
        raise ProtocolError(
            [Problem.of(str(path), at, "import-docx-table-layout", at=at, more=columns)]
        )
    lines: list[tuple[str, bool]] = []
    going_on = False  # after a numbered row, until a heading
    for row in rows:
        if len(row) == 1:  # merged across the table: a heading over its words
            first, *rest = row[0] or [""]
            heading = f"# {first}" if len(first.split()) <= 20 else first
            lines += [(heading, False), *((words, False) for words in rest)]
            going_on = False
            continue
        number = " ".join(row[0]).strip()
        if number and not row[1]:
            return None  # a number with no words beside it: not a layout of paragraphs
        if number:
            first, *rest = row[1]
            lines += [(f"{number}\t{first}", False), *((words, True) for words in rest)]
            going_on = True
        else:
            lines += [(words, going_on) for cell in row[1:] for words in cell]
    return lines


def cells_of(row: Any) -> list[str]:
    return [
        " ".join(
            words
            for p in cell.iter(f"{W}p")
            if not floating(p) and (words := paragraph_text(p))  # a text box's: apart
        )
        for cell in row.iterchildren(f"{W}tc")
    ]
