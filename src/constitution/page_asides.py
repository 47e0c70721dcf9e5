"""Words a paged document prints beside its text, not in it: notes in the margin (an
amendment's history beside the paragraph it changed), a page's note that it is left
blank, and a heading printed again "(continued)" at the head of the page its section
runs on to. Each is left out of the protocol and listed with why, never run into the
words of the paragraph it stands beside or read as a section of its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .extract import Line

MARGIN_NOTE = "a note printed in the margin beside the text (an amendment's history)"
BLANK_PAGE = "a page's note that it is left blank"
REPEATED = "a heading printed again where its section runs on over a page"

# "This page is intentionally left blank", "[Page deliberately left blank]", "Blank page"
LEFT_BLANK = re.compile(
    r"(?i)^\W*(?:this\s+page\s+(?:has\s+been\s+|is\s+)?(?:intentionally\s+|deliberately\s+)?"
    r"left\s+blank|(?:page\s+)?(?:intentionally|deliberately)\s+left\s+blank|blank\s+page)\W*$"
)
# A heading's words, then "(continued)", "– continued", "(cont.)", "(cont'd)"
CONTINUED = re.compile(
    r"(?i)^(?P<heading>.*?\S)\s*(?:[-–—:,]\s*)?[(\[]?\s*(?:continued|cont(?:'d|’d|d)?\.?)"
    r"\s*[)\]]?\s*$"
)
# A margin note's type is smaller than the body's, and it starts outside the body's
# column: beyond where any line of the body starts, by more than a character or two.
NOTE_SIZE = 0.85


def set_aside(lines: list[Line]) -> tuple[list[Line], list[tuple[Line, str]]]:
    """The lines read as the protocol's, and those printed beside it, each with why."""
    asides: list[tuple[Line, str]] = []
    for test, why in ((margin_notes(lines), MARGIN_NOTE), (left_blank, BLANK_PAGE)):
        asides += [(line, why) for line in lines if test(line)]
        lines = [line for line in lines if not test(line)]
    repeated = repeated_headings(lines)
    asides += [(line, REPEATED) for line in lines if id(line) in repeated]
    return [line for line in lines if id(line) not in repeated], asides


def left_blank(line: Line) -> bool:
    return bool(LEFT_BLANK.match(line.text.strip()))


def margin_notes(lines: list[Line]) -> Callable[[Line], bool]:
    """Whether a PDF's line is a note in its page's margin: drawn smaller than the
    body, starting outside the column every body-sized line of its page starts in (to
    its right, or its left), and standing beside that column, no further than a line
    above or below its page's first and last body-sized lines (so no running head,
    foot or footnote)."""
    sizes: dict[float, int] = {}
    for line in lines:
        if line.drawn:
            sizes[line.drawn.size] = sizes.get(line.drawn.size, 0) + len(line.text.strip())
    if not sizes:
        return lambda line: False
    body = max(sizes, key=sizes.__getitem__)
    notes: set[int] = set()
    for _, on_page in groupby(lines, key=lambda line: line.page):
        page = [line for line in on_page if line.drawn and line.text.strip()]
        column = [line.drawn for line in page if line.drawn and line.drawn.size == body]
        starts = [d.x for d in column if d.x is not None]
        if not starts:
            continue
        top, foot = max(d.y for d in column), min(d.y for d in column)
        for line in page:
            drawn = line.drawn
            if (
                drawn
                and drawn.x is not None
                and drawn.size <= NOTE_SIZE * body
                and foot - body <= drawn.y <= top + body
                and (drawn.x > max(starts) + body or drawn.x < min(starts) - body)
            ):
                notes.add(id(line))
    return lambda line: id(line) in notes


def repeated_headings(lines: list[Line]) -> set[int]:
    """The lines that print a heading again "(continued)" as the first words of a page
    (its running head and number set aside), the heading printed before it."""
    seen: set[str] = set()
    repeated: set[int] = set()
    page: int | None = None
    for line in lines:
        text = " ".join(line.text.split())
        if not text:
            continue
        first = line.page is not None and line.page != page
        page = line.page
        if first and (m := CONTINUED.match(text)) and m["heading"].lower() in seen:
            repeated.add(id(line))
        seen.add(text.lower())
    return repeated
