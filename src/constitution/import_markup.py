"""Emphasis and tables in a text source, as a protocol converted from Word prints them:
emphasis as *words*, _words_ or HTML (<i>, <u>, <b>), tables as Markdown pipes or HTML.

Emphasis is carried through the import in one form (*words*, **words**) and written as
MyST emphasis, never as literal asterisks. A clause cannot hold a table (the gate refuses
one), so a table becomes a list: a row an item, each cell on a line of its own, its header
row the first item, with no punctuation and no word added.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

from constitution.extract_lines import Line
from constitution.text_tree import Emphasis, HardBreak, Inline, Link, Strong
from constitution.text_tree import Text as Words

# Between a table row's cells, inside the item that holds the row: written as a line
# break, a character no source holds, so that no punctuation is invented between cells.
CELL_BREAK = "\ue000"

_STRONG_TAGS = re.compile(r"<(b|strong)>(.*?)</\1>", re.I)
_EM_TAGS = re.compile(r"<(i|em|u)>(.*?)</\1>", re.I)
# _words_ at a word's edges only: snake_case and a blank "____" to fill in are words.
_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
# One form for both: **strong**, *emphasis*, opened before a word and closed after one.
EMPHASIS = re.compile(
    r"\*\*(?=[^\s*])(?P<strong>.+?)(?<=[^\s*])\*\*(?!\*)"
    r"|(?<![\w*])\*(?=[^\s*])(?P<em>.+?)(?<=[^\s*])\*(?![\w*])"
)


# A link, as the importer carries one (a Word file's hyperlink, a Markdown source's):
# [words](address), to the web or an e-mail address only, as a clause may hold.
LINK = re.compile(r"\[(?P<words>[^\[\]\n]+)\]\((?P<href>(?:https?://|mailto:)[^\s()<>]+)\)", re.I)


def outside_links(text: str, change: Callable[[str], str]) -> str:
    """The text with ``change`` made to all but its links' addresses."""
    out, at = [], 0
    for m in LINK.finditer(text):
        out += [change(text[at : m.start("href")]), m["href"]]
        at = m.end("href")
    return "".join([*out, change(text[at:])])


def emphasis(text: str) -> str:
    """Emphasis as the importer carries it: HTML and underscores as asterisks (never in a
    link's address, where an underscore is a letter)."""

    def marked(part: str) -> str:
        part = _STRONG_TAGS.sub(lambda m: f"**{m[2]}**", part)
        part = _EM_TAGS.sub(lambda m: f"*{m[2]}*", part)
        return _UNDERSCORE.sub(r"*\1*", part)

    return outside_links(text, marked)


def inlines(text: str) -> tuple[Inline, ...]:
    """Words with their emphasis and links as the tree's nodes, a table's cells a line
    apart."""
    out: list[Inline] = []
    for n, part in enumerate(text.split(CELL_BREAK)):
        if n:
            out.append(HardBreak())
        at = 0
        for m in LINK.finditer(part):
            out += emphasised(part[at : m.start()])
            out.append(Link(m["href"], tuple(emphasised(m["words"]))))
            at = m.end()
        out += emphasised(part[at:])
    return tuple(out)


def emphasised(part: str) -> list[Inline]:
    out: list[Inline] = []
    at = 0
    for m in EMPHASIS.finditer(part):
        if m.start() > at:
            out.append(Words(part[at : m.start()]))
        if m["strong"] is not None:
            out.append(Strong(inlines(m["strong"])))
        else:
            out.append(Emphasis(inlines(m["em"])))
        at = m.end()
    if at < len(part):
        out.append(Words(part[at:]))
    return out


def row_item(cells: list[str]) -> str:
    """A table's row as a list item: its cells that hold words, each on a line."""
    return "- " + CELL_BREAK.join(cell for cell in cells if cell)


_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _pipe_cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def _pipe_header(lines: list[Line], i: int) -> bool:
    """Whether the line at ``i`` is a pipe table's header: cells apart by "|" (the outer
    pipes may be left out), over a rule of as many cells ("|---|:---:|")."""
    if "|" not in lines[i].text or i + 1 >= len(lines):
        return False
    rule = lines[i + 1].text
    cells = len(_pipe_cells(lines[i].text))
    return bool(_PIPE_RULE.match(rule)) and len(_pipe_cells(rule)) == cells > 1


_DASHES = re.compile(r"-{3,}")


def _columns(text: str) -> list[int]:
    """Where each column of a table ruled with dashes begins: each run of dashes of its
    rule under the header ("-----  ------"), one run a line across the table."""
    if not re.fullmatch(r" *-{3,}(?: +-{3,})* *", text):  # laid out in spaces, not tabs
        return []
    return [m.start() for m in _DASHES.finditer(text)]


def _cut(text: str, columns: list[int]) -> list[str]:
    """A row's cells, cut where each column begins; a word spilling past a column's start
    (a cell typed longer than its run of dashes) is the cell's it began in, never cut."""
    cuts = [columns[0]]
    for at in columns[1:]:
        at = max(at, cuts[-1])
        while 0 < at < len(text) and not text[at - 1].isspace() and not text[at].isspace():
            at += 1
        cuts.append(at)
    ends = [*cuts[1:], max(len(text), cuts[-1])]
    return [text[a:b].strip() for a, b in zip(cuts, ends, strict=True)]


def _dashed_table(
    lines: list[Line], i: int
) -> tuple[list[str], list[tuple[list[str], Line]], int] | None:
    """A table as pandoc's plain text draws one (and reStructuredText's simple tables
    look): its header's cells over a rule of a run of dashes for each column, its rows
    under it (with a line of dashes across over and under the table where a row's cells
    wrap onto more lines, rows then apart by blank lines); the header, each row's cells
    (a cell's lines joined) with its first line, and where the table ends."""
    ruled = len(_columns(lines[i].text)) == 1  # a line across, over a table of rows wrapped
    head = i + 1 if ruled else i
    if head + 1 >= len(lines) or not lines[head].text.strip():
        return None
    columns = _columns(lines[head + 1].text)
    if len(columns) < 2 or len(_columns(lines[head].text)):
        return None
    header = _cut(lines[head].text, columns)
    rows: list[tuple[list[str], Line]] = []
    end, first = head + 2, True
    while end < len(lines):
        text = lines[end].text
        if len(_columns(text)) == 1:  # the line across under the table
            end += ruled
            break
        if not text.strip():
            if not ruled:
                break
            first = True
        elif first or not ruled:
            rows.append((_cut(text, columns), lines[end]))
            first = False
        else:  # a row's cells going on
            more = _cut(text, columns)
            joined = [" ".join(filter(None, p)) for p in zip(rows[-1][0], more, strict=True)]
            rows[-1] = (joined, rows[-1][1])
        end += 1
    return (header, rows, end) if rows else None


def _html_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """An HTML table's header row (its first, where every cell is a <th>) and its other
    rows, each row's cells in order: a <th> heading its own row is that row's cell."""

    class Rows(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.rows: list[list[str]] = []
            self.headed: list[bool] = []  # whether each row is all <th>
            self.cell: list[str] | None = None

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag == "tr":
                self.rows.append([])
                self.headed.append(True)
            elif tag in ("td", "th") and self.rows:
                self.cell = []
                self.headed[-1] = self.headed[-1] and tag == "th"
            elif tag in ("i", "em", "u", "b", "strong") and self.cell is not None:
                self.cell.append(f"<{tag}>")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(emphasis(re.sub(r"\s+", " ", "".join(self.cell)).strip()))
                self.cell = None
            elif tag in ("i", "em", "u", "b", "strong") and self.cell is not None:
                self.cell.append(f"</{tag}>")

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

    parser = Rows()
    parser.feed(text)
    rows = [
        (row, headed) for row, headed in zip(parser.rows, parser.headed, strict=True) if any(row)
    ]
    if rows and rows[0][1]:
        return rows[0][0], [row for row, _ in rows[1:]]
    return [], [row for row, _ in rows]


def tables(lines: list[Line], notes: list[str]) -> list[Line]:
    """The lines with each table as a list (a note saying so, with its line)."""
    return list(_tables(lines, notes))


def _tables(lines: list[Line], notes: list[str]) -> Iterator[Line]:
    i = 0
    while i < len(lines):
        line = lines[i]
        start = line.text.lstrip()
        if _pipe_header(lines, i):
            header = _pipe_cells(line.text)
            end = i + 2
            while end < len(lines) and "|" in lines[end].text:
                end += 1
            rows = [(_pipe_cells(row.text), row) for row in lines[i + 2 : end]]
        elif dashed := _dashed_table(lines, i):
            header, rows, end = dashed
        elif start.lower().startswith("<table"):
            end = next(
                (j + 1 for j in range(i, len(lines)) if "</table>" in lines[j].text.lower()),
                len(lines),
            )
            header, cells = _html_rows("\n".join(row.text for row in lines[i:end]))
            rows = [(row, line) for row in cells]
        else:
            yield line
            i += 1
            continue
        notes.append(
            f"The table at {line.where} (headers: {', '.join(header) or 'none'}) was "
            f"imported as a list of {len(rows) + bool(any(header))} item(s), a row an item, "
            "each cell on a line of its own, the header row the first: a clause cannot hold "
            "a table. Check it reads as printed."
        )
        if any(header):
            yield Line(row_item(header), line.line, line.page)
        yield from (Line(row_item(cells), at.line, at.page) for cells, at in rows)
        i = end
