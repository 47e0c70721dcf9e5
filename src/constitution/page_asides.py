"""Words a paged document prints beside its text, not in it: notes in the margin (an
amendment's history beside the paragraph it changed), a page's note that it is left
blank, and a heading printed again "(continued)" at the head of the page its section
runs on to. Each is left out of the protocol and listed with why, never run into the
words of the paragraph it stands beside or read as a section of its own."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import groupby
from typing import Any, ClassVar, Protocol, TypeVar

from constitution.pdf_fonts import Drawn


class PageLine(Protocol):
    """A line of a paged document as extract reads one (its Line)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def text(self) -> str: ...
    @property
    def page(self) -> int | None: ...
    @property
    def drawn(self) -> Drawn | None: ...


Line = TypeVar("Line", bound=PageLine)

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
    lines, notes = margin_notes(lines)
    asides = [(line, MARGIN_NOTE) for line in notes]
    asides += [(line, BLANK_PAGE) for line in lines if LEFT_BLANK.match(line.text.strip())]
    lines = [line for line in lines if not LEFT_BLANK.match(line.text.strip())]
    repeated = repeated_headings(lines)
    asides += [(line, REPEATED) for line in lines if id(line) in repeated]
    return [line for line in lines if id(line) not in repeated], asides


def margin_notes(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A PDF's lines, and the notes in its pages' margins: lines drawn smaller than the
    body, starting outside the column every body-sized line of their page starts in (to
    its right, or its left), standing beside that column (no further than a line above
    or below its page's first and last body-sized lines: no running head, foot or
    footnote). A note's first line drawn on a body line's baseline, read as its end
    ("... each member Amended by Council") or, in the left margin, its start, is cut
    from it."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.drawn:
            sizes[line.drawn.size] += len(line.text.strip())
    if not sizes:
        return lines, []
    body = sizes.most_common(1)[0][0]
    kept: list[Line] = []
    notes: list[Line] = []
    for _, on_page in groupby(lines, key=lambda line: line.page):
        page = list(on_page)
        column = [line.drawn for line in page if line.drawn and line.drawn.size == body]
        starts = [d.x for d in column if d.x is not None and d.lead == body]
        if not starts:
            kept += page
            continue
        top, foot = max(d.y for d in column), min(d.y for d in column)
        left, right = min(starts) - body, max(starts) + body

        def small(size: float) -> bool:
            return size <= NOTE_SIZE * body

        for line in page:
            drawn = line.drawn
            if not drawn or drawn.x is None or not foot - body <= drawn.y <= top + body:
                kept.append(line)
            elif small(drawn.size) and not left <= drawn.x <= right:
                notes.append(line)
            elif drawn.size == body and (
                at := next((a for x, a, size in drawn.joins if small(size) and x > right), 0)
            ):
                kept.append(replace(line, text=line.text[:at].rstrip()))
                notes.append(replace(line, text=line.text[at:].strip()))
            elif (
                drawn.size == body
                and small(drawn.lead or body)
                and drawn.x < left
                and (at := next((a for _, a, size in drawn.joins if not small(size)), 0))
            ):
                notes.append(replace(line, text=line.text[:at].strip()))
                kept.append(replace(line, text=line.text[at:].strip()))
            else:
                kept.append(line)
    return kept, notes


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
