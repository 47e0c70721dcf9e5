"""Words a paged document prints beside its text, not in it: notes in the margin (an
amendment's history beside the paragraph it changed), a page's note that it is left
blank, a heading printed again "(continued)" at the head of the page its section runs on
to, and a pull quote (a sentence of the text printed again, large, to catch the eye).
Each is left out of the protocol and listed with why, never run into the words of the
paragraph it stands beside or read as a section of its own."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import partial
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

MARGIN_NOTE = "a note printed in the margin beside"  # the paragraph's number, or "the text"
BLANK_PAGE = "a page's note that it is left blank"
REPEATED = "a heading printed again where what it heads runs on over a page"
PULL_QUOTE = "a pull quote: words of the text beside it printed again, large"

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
# A paragraph's number beginning its line: "1.2 Members ...", "(3) The ...", "4. A ..."
NUMBERED_LINE = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3}[A-Z]{0,4})*[.)]?\s+\S")
# A margin note's type is smaller than the body's, and it starts outside the body's
# column: beyond where any line of the body starts, by more than a character or two.
NOTE_SIZE = 0.85


def set_aside(lines: list[Line]) -> tuple[list[Line], list[tuple[Line, str]]]:
    """The lines read as the protocol's, and those printed beside it, each with why."""
    lines, notes = margin_notes(lines)
    asides = beside(notes, lines)
    asides += [(line, BLANK_PAGE) for line in lines if LEFT_BLANK.match(line.text.strip())]
    lines = [line for line in lines if not LEFT_BLANK.match(line.text.strip())]
    repeated = repeated_headings(lines)
    asides += [(line, REPEATED) for line in lines if id(line) in repeated]
    lines = [line for line in lines if id(line) not in repeated]
    quoted = pull_quotes(lines)
    asides += [(line, PULL_QUOTE) for line in lines if id(line) in quoted]
    return [line for line in lines if id(line) not in quoted], asides


def body_size(lines: list[Line]) -> float | None:
    """The size most of a PDF's characters are drawn in (None where none is known)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.drawn:
            sizes[line.drawn.size] += len(line.text.strip())
    return sizes.most_common(1)[0][0] if sizes else None


def margin_notes(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A PDF's lines, and the notes in its pages' margins: lines drawn smaller than the
    body, in its page's margin (starting right of the column every body-sized line of the
    page starts in and beyond where their words reach, or left of it and ending before
    it), standing beside that column (no further than a line above or below its page's
    first and last body-sized lines: no running head, foot or footnote). Text set small
    within the width the body's lines take (a table set in, a box beside a paragraph's
    short lines) is the text's own, kept where it stands. A note's first line drawn on a
    body line's baseline, read as its end ("... each member Amended by Council") or, in
    the left margin, its start, is cut from it."""
    body = body_size(lines)
    if body is None:
        return lines, []
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
        reach = max((end for d in column for end in body_ends(d, body)), default=None)
        in_margin = partial(margin, left=left, right=right, start=min(starts), reach=reach)

        def small(size: float) -> bool:
            return size <= NOTE_SIZE * body

        for line in page:
            drawn = line.drawn
            if not drawn or drawn.x is None or not foot - body <= drawn.y <= top + body:
                kept.append(line)
            elif small(drawn.size) and not left <= drawn.x <= right:
                end = max((end for end in drawn.ends if end is not None), default=None)
                (notes if in_margin(drawn.x, end) else kept).append(line)
            elif drawn.size == body and (
                join := next(
                    (j for j in drawn.joins if small(j[2]) and in_margin(j[0], None)), None
                )
            ):
                x, at, size = join
                kept.append(replace(line, text=line.text[:at].rstrip()))
                notes.append(cut(line, line.text[at:], x, size))
            elif (
                drawn.size == body
                and small(drawn.lead or body)
                and drawn.x < left
                and in_margin(drawn.x, drawn.ends[0] if drawn.ends else None)
                and (at := next((a for _, a, size in drawn.joins if not small(size)), 0))
            ):
                notes.append(cut(line, line.text[:at], drawn.x, drawn.lead or body))
                kept.append(replace(line, text=line.text[at:].strip()))
            else:
                kept.append(line)
    return kept, notes


def margin(
    x: float, end: float | None, left: float, right: float, start: float, reach: float | None
) -> bool:
    """Whether words drawn from ``x`` to ``end`` stand in the page's margin: right of the
    column its body's lines start in (``left`` to ``right``) and beyond where their words
    reach, or left of it and ending before the first starts. A table or a box set in from
    the column, or beside a paragraph's short lines, is not in the margin."""
    if x > right:
        return reach is None or x >= reach
    return x < left and (end is None or end <= start)


def body_ends(drawn: Drawn, body: float) -> list[float]:
    """Where the line's words in the body's size end across the page."""
    sizes = [drawn.lead, *(size for _, _, size in drawn.joins)]
    return [end for end, size in zip(drawn.ends, sizes, strict=False) if size == body and end]


def cut(line: Line, text: str, x: float, size: float) -> Line:
    """A note's words cut from a body line they share a baseline with, drawn as they are."""
    assert line.drawn is not None
    drawn = replace(line.drawn, size=size, x=x, lead=size, joins=())
    return replace(line, text=text.strip(), drawn=drawn)


def beside(notes: list[Line], lines: list[Line]) -> list[tuple[Line, str]]:
    """Each margin note once, as a reader reads it: its lines (one under the next, at the
    note's spacing, on one side of the page) joined, at its first line's place, with the
    paragraph it stands beside (the one printed on or just above its first line)."""
    notes = sorted(notes, key=lambda note: (note.page or 0, -drawing(note).y))
    joined: list[list[Line]] = []
    for note in notes:
        d = drawing(note)
        goes_on = (
            group
            for group in joined
            if group[-1].page == note.page
            and abs((drawing(group[-1]).x or 0) - (d.x or 0)) <= 2 * d.size
            and 0 < drawing(group[-1]).y - d.y <= 2 * d.size
        )
        if (group := next(goes_on, None)) is not None:
            group.append(note)
        else:
            joined.append([note])
    return [
        (
            replace(group[0], text=" ".join(note.text.strip() for note in group)),
            f"{MARGIN_NOTE} {paragraph_beside(group[0], lines)}",
        )
        for group in joined
    ]


def drawing(line: PageLine) -> Drawn:
    assert line.drawn is not None  # a margin note is told by its drawing
    return line.drawn


def paragraph_beside(note: Line, lines: list[Line]) -> str:
    """ "paragraph 2.3": the paragraph whose line is printed on the note's first line's
    baseline or nearest above it, on its page; "the text" where none is numbered."""
    y = drawing(note).y
    page = [line for line in lines if line.page == note.page]
    above = [n for n, line in enumerate(page) if line.drawn and line.drawn.y >= y - 0.5]
    if not above:
        return "the text"
    at = min(above, key=lambda n: drawing(page[n]).y)
    for line in reversed(page[: at + 1]):
        if NUMBERED_LINE.match(text := line.text.strip()):
            return f"paragraph {text.split()[0].rstrip('.')}"
    return "the text"


def repeated_headings(lines: list[Line]) -> set[int]:
    """The lines that print a heading again as the first words of a page (its running
    head and number set aside): the heading printed before it, then "(continued)"; or a
    line that stands out from the body (bold, or larger) printed word for word and drawn
    alike on the page before (printed_again)."""
    seen: set[str] = set()
    before: dict[str, int] = {}  # each line's words: where they were last printed
    body = body_size(lines)
    repeated: set[int] = set()
    page: int | None = None
    for n, line in enumerate(lines):
        text = " ".join(line.text.split())
        if not text:
            continue
        first = line.page is not None and line.page != page
        page = line.page
        if first and (
            ((m := CONTINUED.match(text)) and m["heading"].lower() in seen)
            or (text in before and printed_again(lines[before[text] : n + 1], body))
        ):
            repeated.add(id(line))
        seen.add(text.lower())
        before[text] = n
    return repeated


def printed_again(run: list[Line], body: float | None) -> bool:
    """Whether the last of ``run`` prints its first again, where what it heads runs on
    from the page before: both drawn alike and standing out from the body (bold, or
    larger), and either a row of cells (a table's header row, which a word processor
    repeats at the head of each page the table runs onto) or a heading with none of its
    rank or higher between (a heading printed again with no "(continued)"; under a new
    section's heading, the same words head something new)."""
    earlier, again = run[0].drawn, run[-1].drawn
    if earlier is None or again is None or alike(earlier) != alike(again) or body is None:
        return False
    if run[0].page != (run[-1].page or 0) - 1 or not (again.bold or again.size > body):
        return False
    return bool(again.joins) or not any(
        (d := line.drawn)
        and (d.size > again.size or (d.size == again.size and d.bold >= again.bold))
        for line in run[1:-1]
    )


def alike(drawn: Drawn) -> tuple[float, bool]:
    """A line's type, its place aside."""
    return drawn.size, drawn.bold


# A pull quote is set larger than the body by more than this, and is a sentence of at
# least QUOTED words (a heading's few words may well be the text's too)
PULL_SIZE = 1.15
QUOTED = 5
WORD = re.compile(r"[\w'\u2019-]+")
SENTENCE = re.compile(r"[.!?][\"'\u2019\u201d)]*\s*$")


def pull_quotes(lines: list[Line]) -> set[int]:
    """The lines of a pull quote: lines one after another drawn alike, larger than the
    body, making a sentence whose words, as they stand (capitals too), the text of its
    page or a page beside it prints in the same order. Read, it would be read twice."""
    body = body_size(lines)
    if body is None:
        return set()
    groups: list[list[int]] = []
    for n, line in enumerate(lines):
        if not line.drawn or line.drawn.size <= PULL_SIZE * body:
            continue
        before = lines[groups[-1][-1]] if groups else None
        if (
            before
            and groups[-1][-1] == n - 1
            and before.page == line.page
            and before.drawn
            and (before.drawn.size == line.drawn.size)
        ):
            groups[-1].append(n)
        else:
            groups.append([n])
    quoted: set[int] = set()
    for group in groups:
        text = " ".join(lines[n].text.strip() for n in group)
        said = WORD.findall(text)
        if len(said) < QUOTED or not SENTENCE.search(text) or NUMBERED_LINE.match(text):
            continue
        page = lines[group[0]].page or 0
        around = " ".join(
            line.text
            for n, line in enumerate(lines)
            if n not in group and abs((line.page or 0) - page) <= 1
        )
        if f" {' '.join(said)} " in f" {' '.join(WORD.findall(around))} ":
            quoted |= {id(lines[n]) for n in group}
    return quoted
