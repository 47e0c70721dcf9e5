"""A table a PDF draws, read as its rows: each row one line, its cells apart by a tab (as
a Word table's row is read, so that the importer makes it an item of cells), a cell's
words wrapped onto further lines kept in the row.

A PDF keeps no table, only words drawn where its cells are: a careful reader sees a row
where a line's words are drawn in pieces, each at a place across the page, and the next
line's pieces at the same places (columns), two lines at least. A paragraph's lines,
justified or not, start their words wherever the words before them end, so never line
up twice over; a paragraph's number or an item's label hanging in its margin is drawn
apart from its words at the same place every time, so a line starting with one is no
row.

The pieces are those pypdf hands over as it reads the page: a cell drawn as a text object
of its own, or after its font is set, is one (LibreOffice, Chromium); words moved across
the line within one text object with no setting between them reach us joined, and such
a table is still read as lines of words. Where the words end is not measured: pypdf's
widths of a subset font's glyphs are not reliable enough to tell a cell's gap.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from constitution.extract_lines import Line
from constitution.pdf_order import LABEL
from constitution.text_nodes import ITEM_LABEL

SAME_PLACE = 1.0  # points: columns drawn by one table start within this of each other


def columns(line: Line) -> tuple[float, ...]:
    """Where a line's pieces begin across the page (its first, then each drawn apart);
    none where they do not go on across it, each after the one before, and through its
    words in order (pypdf gives a piece drawn on from the one before, as after a raised
    mark, the place its text object began)."""
    drawn = line.drawn
    if drawn is None or drawn.x is None:
        return ()
    places = (drawn.x, *(x for x, _ in drawn.starts))
    cuts = (0, *(at for _, at in drawn.starts), len(line.text))
    if any(b - a <= SAME_PLACE for a, b in pairwise(places)) or any(
        b <= a for a, b in pairwise(cuts)
    ):
        return ()
    return places


def cells(line: Line) -> list[str]:
    """A line's words, cut where each piece drawn apart begins."""
    starts = line.drawn.starts if line.drawn is not None else ()
    cuts = [0, *(at for _, at in starts), len(line.text)]
    return [line.text[a:b].strip() for a, b in pairwise(cuts)]


def alike(first: tuple[float, ...], second: tuple[float, ...]) -> bool:
    return len(first) == len(second) and all(
        abs(a - b) <= SAME_PLACE for a, b in zip(first, second, strict=True)
    )


def row_like(line: Line) -> bool:
    """A line of two cells or more, each with words, the first no number or label (nor
    a bullet drawn apart: one mark that is no letter or figure, or Word's "o")."""
    if len(columns(line)) < 2:
        return False
    parts = cells(line)
    label = LABEL.fullmatch(parts[0]) or ITEM_LABEL.fullmatch(f"{parts[0]} ")
    bullet = parts[0] == "o" or (len(parts[0]) == 1 and not parts[0].isalnum())
    return all(parts) and not (label or bullet)


def column_of(line: Line, places: tuple[float, ...]) -> int | None:
    """The column a line of one piece starts in (a cell's words wrapped onto it), where
    it starts at one of the row's columns but the first."""
    found = columns(line)
    if len(found) != 1:
        return None
    return next((n for n, x in enumerate(places) if n and abs(x - found[0]) <= SAME_PLACE), None)


def header_over(header: Line, row: Line, places: tuple[float, ...]) -> bool:
    """Whether a line over a table's first row is its header row drawn centred over its
    columns: all bold, each of its pieces starting within its own column."""
    drawn, found = header.drawn, columns(header)
    if drawn is None or not (drawn.bold and drawn.even) or header.page != row.page:
        return False
    bounds = [*places[1:], float("inf")]
    return (
        row_like(header)
        and len(found) == len(places)
        and all(
            x - SAME_PLACE <= at < bound for x, at, bound in zip(places, found, bounds, strict=True)
        )
    )


def table_rows(lines: list[Line]) -> list[Line]:
    """The lines with each table's rows read as rows: two or more lines one after another
    on a page whose pieces start at the same places across it, each written as its cells
    apart by a tab (and a bold line over them whose pieces each start in a column, the
    header row centred over them); a line under a row holding one piece, starting at one
    of its columns but the first, is that cell's words going on, joined to it."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        run = [at]
        if row_like(line):
            places = columns(line)
            nxt = at + 1
            while nxt < len(lines) and lines[nxt].page == line.page:
                if row_like(lines[nxt]) and alike(columns(lines[nxt]), places):
                    run.append(nxt)
                elif column_of(lines[nxt], places) is None:
                    break
                nxt += 1
        if len([n for n in run if row_like(lines[n])]) < 2:
            out.append(line)
            at += 1
            continue
        places = columns(line)
        if out and header_over(out[-1], line, places):
            out[-1] = replace(out[-1], text="\t".join(cells(out[-1])))
        end = run[-1] + 1
        while end < len(lines) and lines[end].page == line.page:  # the last row's wraps
            if column_of(lines[end], places) is None:
                break
            end += 1
        row: list[str] = []
        first = line
        for n in range(at, end):
            if n in run:
                if row:
                    out.append(replace(first, text="\t".join(row)))
                row, first = cells(lines[n]), lines[n]
            else:
                column = column_of(lines[n], places)
                assert column is not None
                row[column] = f"{row[column]} {lines[n].text.strip()}"
        out.append(replace(first, text="\t".join(row)))
        at = end
    return out
