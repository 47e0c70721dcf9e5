"""A PDF page's lines as a reader reads them, where the file draws its text in another
order or in pieces: desktop-publishing software may draw a frame of paragraph numbers
after the body's words, each number on the baseline of its paragraph's first line, a
drop cap (a paragraph's first letter lines deep) apart from the rest of its word, and a
page in two columns in any order (the right column first). A page in one column keeps
the order of the text in the file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from constitution.pdf_fonts import Drawn

# A paragraph's number or an item's label, drawn apart from the words it stands before
LABEL = re.compile(
    r"\s*(?:\(?\d{1,3}(?:\.\d{1,3}){0,3}[A-Z]?[.)]?|\(?[a-z]{1,4}\)|[A-Z]\d{1,3}|[•·▪◦‣-])\s*"
)
SAME_BASELINE = 0.5  # points
LEADING = 1.2  # a line's usual height, by its type's size


def labels_joined(
    lines: list[str], drawn: list[Drawn | None]
) -> tuple[list[str], list[Drawn | None]]:
    """A label ("2.01", "(a)") alone on its line, drawn after a line of words on the same
    baseline that starts to its right, is that line's start, as a reader reads it."""
    texts, drawings = list(lines), list(drawn)
    gone: set[int] = set()
    for n, (text, label) in enumerate(zip(lines, drawn, strict=True)):
        if label is None or label.x is None or not LABEL.fullmatch(text) or not text.strip():
            continue
        for m in range(n - 1, -1, -1):
            words = drawings[m]
            if m in gone or words is None or words.x is None:
                continue
            if abs(words.y - label.y) < SAME_BASELINE and words.x > label.x:
                if LABEL.fullmatch((texts[m].split() or [""])[0]):
                    break  # the line has its label already
                start = len(text.strip()) + 1
                joins = (
                    (words.x, start, words.lead or words.size),
                    *((x, at + start, size) for x, at, size in words.joins),
                )
                texts[m] = f"{text.strip()} {texts[m].lstrip()}"
                starts = tuple((x, at + start) for x, at in words.starts)
                drawings[m] = replace(words, x=label.x, lead=label.lead, joins=joins, starts=starts)
                gone.add(n)
                break
    keep = [n for n in range(len(lines)) if n not in gone]
    return [texts[n] for n in keep], [drawings[n] for n in keep]


# A drop cap is drawn at least this many times the size of the words beside it
DROP_CAP = 2


def drop_caps_joined(
    lines: list[str], drawn: list[Drawn | None]
) -> tuple[list[str], list[Drawn | None]]:
    """A letter alone on its line, drawn lines deep (a drop cap), is the first letter of
    the line that follows it, set in beside it with its baseline within the capital's
    height: "T" and "he councillors ..." read "The councillors ...". A letter that is a
    word of its own ("A", "I") stands before a capital, not a small letter."""
    texts, drawings = list(lines), list(drawn)
    gone: set[int] = set()
    for n, (text, cap) in enumerate(zip(lines, drawn, strict=True)):
        letter = text.strip()
        if cap is None or cap.x is None or len(letter) != 1 or not letter.isalpha():
            continue
        after = next((m for m in range(n + 1, len(lines)) if drawings[m] is not None), None)
        words = drawings[after] if after is not None else None
        if (
            after is None
            or words is None
            or words.x is None
            or cap.size < DROP_CAP * words.size
            or words.x <= cap.x
            or not cap.y <= words.y <= cap.y + cap.size
        ):
            continue
        rest = texts[after].lstrip()
        space = "" if rest[:1].islower() else " "
        texts[after] = f"{letter}{space}{rest}"
        joins = tuple((x, at + len(letter) + len(space), size) for x, at, size in words.joins)
        drawings[after] = replace(
            words,
            x=cap.x,
            joins=((words.x, 1 + len(space), words.lead or words.size), *joins),
            starts=tuple((x, at + len(letter) + len(space)) for x, at in words.starts),
        )
        gone.add(n)
    keep = [n for n in range(len(lines)) if n not in gone]
    return [texts[n] for n in keep], [drawings[n] for n in keep]


# A page in columns: each column at least this many lines, the narrower at least this
# share of the wider's width (a margin's notes or a table's first column is narrower)
COLUMN_LINES = 3
COLUMN_WIDTHS = 0.6
GUTTER = 4.0  # points: a left column's words end this far at least before the right's start


def right_edge(drawn: Drawn) -> float | None:
    """Where a line's words end across the page (None where no glyph's width is known)."""
    return max((end for end in drawn.ends if end is not None), default=None)


def columns_read(
    lines: list[str], drawn: list[Drawn | None]
) -> tuple[list[str], list[Drawn | None]]:
    """A page set in two columns read as a reader reads it, whatever order the file draws
    it in: each band of the page between lines set across it (a heading over both
    columns, or standing alone above or between them) read left column first, then the
    right, each top to bottom. The columns are found from where the page's lines start
    and end (columns_of); a page in one column is left as the file has it."""
    units = blocks(lines, drawn)
    if units is None or (found := columns_of([(d, e) for _, d, e, _ in units])) is None:
        return lines, drawn
    side = [found(d, e) for _, d, e, _ in units]
    across = [n for n, s in enumerate(side) if s == 0 or stands_alone(units, side, n)]
    cuts = sorted({units[n][1].y for n in across}, reverse=True)
    order: list[int] = []
    for top, foot in zip([float("inf"), *cuts], [*cuts, float("-inf")], strict=True):
        band = [n for n in range(len(units)) if n not in across and foot <= units[n][1].y < top]
        for column in (-1, 1):
            order += sorted((n for n in band if side[n] == column), key=lambda n: -units[n][1].y)
        order += [n for n in across if units[n][1].y == foot]
    if order == sorted(order):
        return lines, drawn
    out = [units[n][3] for n in order]
    return [lines[i] for run in out for i in run], [drawn[i] for run in out for i in run]


Unit = tuple[int, Drawn, float, list[int]]  # a line's place, drawing, right edge, lines


def blocks(lines: list[str], drawn: list[Drawn | None]) -> list[Unit] | None:
    """Each line of words with the blank lines after it; None where a line's place
    across the page is not known."""
    units: list[Unit] = []
    for n, (text, drawing) in enumerate(zip(lines, drawn, strict=True)):
        if not text.strip() or drawing is None:
            if not units:
                return None
            units[-1][3].append(n)
            continue
        end = right_edge(drawing)
        if drawing.x is None or end is None:
            return None
        units.append((n, drawing, end, [n]))
    return units


def columns_of(extents: list[tuple[Drawn, float]]) -> Callable[[Drawn, float], int] | None:
    """The page's two columns, where it has them: a place across the page where at least
    COLUMN_LINES lines start, as many others ending before it, of widths alike, side by
    side down the page. Tells each line's side: -1 left, 1 right, 0 across both."""
    starts = Counter(round(d.x or 0) for d, _ in extents)
    for start in sorted(s for s, count in starts.items() if count >= COLUMN_LINES)[1:]:
        left = [(d, end) for d, end in extents if end <= start - GUTTER]
        right = [(d, end) for d, end in extents if (d.x or 0) >= start - 1]
        if len(left) < COLUMN_LINES or len(right) < COLUMN_LINES:
            continue
        widths = (
            max(end for _, end in left) - min(d.x or 0 for d, _ in left),
            max(end for _, end in right) - start,
        )
        beside = min(d.y for d, _ in left) < max(d.y for d, _ in right) and min(
            d.y for d, _ in right
        ) < max(d.y for d, _ in left)
        if beside and min(widths) >= COLUMN_WIDTHS * max(widths):

            def side(drawing: Drawn, end: float, start: int = start) -> int:
                return -1 if end <= start - GUTTER else 1 if (drawing.x or 0) >= start - 1 else 0

            return side
    return None


def stands_alone(units: list[Unit], side: list[int], n: int) -> bool:
    """Whether a line in a column is read apart from the columns, as a line across the
    page is: a heading over both, above every line of the other column, or standing
    among its column's lines with space above it and no line of the other column within
    a line of it (the other column broken where it stands); or a line under every line of
    the other column, apart from its own column's lines above it (a page's foot)."""
    y, line = units[n][1].y, units[n][1].size * LEADING
    others = [u[1].y for u, s in zip(units, side, strict=True) if s == -side[n]]
    over = min(
        (u[1].y for u, s in zip(units, side, strict=True) if s == side[n] and u[1].y > y + 0.5),
        default=None,
    )
    if all(o < y - 0.5 for o in others):
        return True
    if all(o > y + 0.5 for o in others):
        return over is not None and over - y > 2 * line
    spaced = over is not None and over - y > 1.3 * line
    return spaced and not any(abs(o - y) < line for o in others)
