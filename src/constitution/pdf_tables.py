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

from collections.abc import Sequence
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
    return len(columns(line)) >= 2 and cells_of_row(cells(line))


def cells_of_row(parts: list[str]) -> bool:
    """Whether words cut into ``parts`` can be a row's cells: each with words, the first
    no number, label or bullet (a paragraph's or an item's, hanging apart from its words)."""
    label = LABEL.fullmatch(parts[0]) or ITEM_LABEL.fullmatch(f"{parts[0]} ")
    bullet = parts[0] == "o" or (len(parts[0]) == 1 and not parts[0].isalnum())
    return len(parts) >= 2 and all(parts) and not (label or bullet)


def column_of(line: Line, places: Sequence[float], since: int = 1) -> int | None:
    """The column a line of one piece starts in (a cell's words wrapped onto it), where
    it starts at one of the row's columns from ``since`` on (but the first: a line there
    begins the next row, unless the row's cells are drawn one by one; drawn_row)."""
    found = columns(line)
    if len(found) != 1:
        return None
    return next(
        (n for n, x in enumerate(places) if n >= since and abs(x - found[0]) <= SAME_PLACE), None
    )


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


def drawn_row(lines: list[Line], at: int) -> tuple[tuple[float, ...], list[str], int] | None:
    """The row beginning at ``lines[at]``: its columns, its cells, and the line after it;
    None where none begins there. A row is a line of cells (row_like), or a row whose
    cells a table drawer (LibreOffice, Word) draws one after another, each as a block:
    a cell's lines top to bottom, then the next cell's from the row's top again, to the
    right. The climb back to the row's own top baseline says where each cell's wrapped
    lines end, so the lines of every cell are the row's, those at its first column too
    (a page's second column climbs so as well: table_at tells them apart)."""
    first = lines[at]
    if first.drawn is None or not (places := list(columns(first))):
        return None
    row, blocks = cells(first), 1
    own = 0  # where the block being read begins among the row's columns
    below = first.drawn.y  # the baseline of the block's last line
    n = at + 1
    while n < len(lines) and lines[n].page == first.page and (drawing := lines[n].drawn):
        line, found, y = lines[n], columns(lines[n]), drawing.y
        if found and below < y and abs(y - first.drawn.y) <= SAME_PLACE and found[0] > places[-1]:
            own, blocks = len(places), blocks + 1  # the next cell, from the row's top
            places += found
            row += cells(line)
        elif y < below and (cell := column_of(line, places, own)) is not None:
            row[cell] = f"{row[cell]} {line.text.strip()}"  # the cell's words wrapped
        else:
            break
        below = y
        n += 1
    if blocks > 1 and cells_of_row(row):
        return tuple(places), row, n
    return (columns(first), cells(first), at + 1) if row_like(first) else None


def table_at(
    lines: list[Line], at: int
) -> tuple[tuple[float, ...], list[tuple[Line, list[str]]], int]:
    """The table beginning at ``lines[at]``: its columns, each row's first line and
    cells, and the line after it. A row's cell wrapped onto a line of one piece under it,
    at one of its columns but the first, is that cell's words going on. Rows whose cells
    are drawn one by one (drawn_row) are a table's only beside rows drawn on one line at
    the same columns, its first (a header) or two: alone, they may be a page's columns,
    and a page's two columns of prose may close with one line in both ("Email: ..." /
    "Telephone: ..."); the table is one row then."""
    begun = drawn_row(lines, at)
    if begun is None:
        return (), [], at + 1
    places, row, n = begun
    rows = [(lines[at], row)]
    # the rows drawn on one line (a header row, a row whose cells do not wrap): a page in
    # two columns also climbs back to a band's top, each column a "cell"
    one_line = int(row_like(lines[at]))
    while n < len(lines) and lines[n].page == lines[at].page:
        if (found := drawn_row(lines, n)) is not None and alike(found[0], places):
            rows.append((lines[n], found[1]))
            one_line += row_like(lines[n])
            n = found[2]
        elif (column := column_of(lines[n], places)) is not None:
            rows[-1][1][column] = f"{rows[-1][1][column]} {lines[n].text.strip()}"
            n += 1
        else:
            break
    seen = row_like(lines[at]) or one_line >= 2
    return places, rows if seen else rows[:1], n


def table_rows(lines: list[Line]) -> list[Line]:
    """The lines with each table's rows read as rows: two or more rows one after another
    on a page whose pieces start at the same places across it (table_at), each written as
    its cells apart by a tab (and a bold line over them whose pieces each start in a
    column, the header row centred over them)."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        places, rows, end = table_at(lines, at)
        if len(rows) < 2:  # no table: a run of rows judged none is lines, each one
            out += lines[at : max(end, at + 1)]
            at = max(end, at + 1)
            continue
        if out and header_over(out[-1], rows[0][0], places):
            out[-1] = replace(out[-1], text="\t".join(cells(out[-1])))
        out += [replace(first, text="\t".join(row)) for first, row in rows]
        at = end
    return out
