"""A list's items and a table's cells whose marks a text export dropped.

A word processor's plain-text export (a paragraph a line, no blank line between) writes
a list's items with no bullet and a table's cells each a line with no border: short
lines that look like headings. A careful reader takes them as what the paragraph before
them leads in to (it ends with a colon, or names a table, or what is below or follows),
not as sections of their own, nor as words run on from it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from constitution.extract import BLOCK_START
from constitution.extract_lines import Extracted, Line

# What a paragraph says when it leads in to a list or a table under it
LEADS_IN = re.compile(r":\s*$|\b(?:table|below|following|as follows)\b", re.IGNORECASE)
CELL_WORDS = 12  # longer than a table's cell or a short list's item: a paragraph
FIRST_PART = re.compile(r"^\s*(\d{1,3})\.\d")


def unmarked_items(extracted: Extracted) -> Extracted:
    """The text with the short lines under a paragraph leading in to them made its items
    (written "- " as a Word table's rows are), where each paragraph is a line."""
    if not extracted.whole_paragraphs:
        return extracted
    lines = [*extracted.lines]
    notes: list[str] = []
    lead: Line | None = None
    at = 0
    while at < len(lines):
        line = lines[at]
        if BLOCK_START.match(line.text) or line.level or line.text.startswith("#"):
            lead = line if LEADS_IN.search(line.text) and numbered(line) else None
            at += 1
            continue
        end = at
        while end < len(lines) and a_cell(lines[end]):
            end += 1
        if lead is not None and end - at >= 2:
            end -= heads_next(lines, lead, end)
            lines[at:end] = [replace(cell, text=f"- {cell.text.strip()}") for cell in lines[at:end]]
            notes.append(
                f"The {end - at} short line(s) after the paragraph at line {lead.line} were read "
                "as the items of its list or the cells of its table, a line each, which the text "
                "export wrote with no bullet or border: check they read as printed."
            )
        lead = None
        at = max(end, at + 1)
    return replace(extracted, lines=lines, notes=extracted.notes + notes)


def numbered(line: Line) -> bool:
    """Whether the line is a numbered paragraph's (not a bullet's or an item's)."""
    return line.text.lstrip()[:1].isdigit()


def a_cell(line: Line) -> bool:
    """A short line with no mark of its own: a cell or an item, if anything leads in to it."""
    text = line.text.strip()
    return (
        bool(text)
        and not BLOCK_START.match(line.text)
        and not line.level
        and not text.startswith("#")
        and "\t" not in text  # a row already
        and len(text.split()) <= CELL_WORDS
    )


def heads_next(lines: list[Line], lead: Line, end: int) -> int:
    """1 where the run's last line heads a new section (the numbered paragraph after it
    starts another section's numbers: "2.1" after "1.4"), else 0."""
    after = lines[end].text if end < len(lines) else ""
    before, then = FIRST_PART.match(lead.text), FIRST_PART.match(after)
    return int(bool(before and then and before[1] != then[1]))
