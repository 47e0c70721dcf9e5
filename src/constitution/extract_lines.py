"""A protocol file's text as the readers give it: numbered lines (Line), each with
where it came from (line, and page for a PDF) so that the import report can point at
it, what was left out and why (Extracted), the limits every reader keeps to, and the
error a file that cannot be read raises.

Apart so that each reader (text, web page, PDF, Word) and the importer build on these
without importing the dispatch in extract.py, which imports every reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from constitution.pdf_fonts import Drawn
from constitution.problems import Problem, ProtocolError

# Limits far beyond any council's protocol (the three real ones the importer is tested
# with have 25-37 KB of text and under 300 lines), so that a file made to exhaust time or
# memory is refused at once: a 0.8 MB Word file that unzips to gigabytes ran past 300 s
# and 3.9 GB before it was killed.
MAX_FILE_BYTES = 20_000_000  # the file as given
MAX_LINES = 100_000  # lines of text (a Word paragraph is a line)
MAX_PAGES = 2_000  # of a PDF
MAX_PARTS = 1_000  # files inside a Word file (Word writes about 15, more with pictures)
MAX_PART_BYTES = 20_000_000  # each part read from a Word file, unzipped
# A contents table: its heading, and an entry's title with a tab before its page number
# ("Introduction<tab>3"; Word draws the dot leaders at the tab stop).
CONTENTS = re.compile(r"(?i)^(?:table of )?contents$")
TAB_LEADER = re.compile(r"\S\t+\s*\d{1,4}\s*$")


@dataclass(frozen=True)
class Line:
    text: str
    line: int
    page: int | None = None
    drawn: Drawn | None = field(default=None, compare=False)  # a PDF line's size and weight
    # A Word paragraph set as part of the numbered one before it: indented, or in its
    # list with the numbering switched off (not a section's words of its own).
    within: bool = False
    # A Word paragraph of a table laid out as paragraphs (laid_out): a further paragraph in
    # a paragraph's cell, or a row going on from it with its number cell empty; the
    # paragraph's own by the layout, as certainly as its first; a web page's further
    # block (a second <p>) in a list's item or a definition list's <dd>; and a Word
    # paragraph in a list whose mark is blank (pandoc's further paragraph of an item).
    cell: bool = False
    # A Word paragraph in the style the tool's Word export gives a section's words between
    # paragraphs (model.BETWEEN_STYLE): the section's own words, never the paragraph's before it.
    apart: bool = False
    # A Word heading's level in the outline (1 for Heading 1; 0 for a paragraph, and for a
    # line whose text says it, as Markdown's "##" does).
    level: int = 0
    # A PDF's line set at the body's spacing of lines straight under the one before, in a
    # PDF that sets its paragraphs apart by more: the same paragraph going on.
    wraps: bool = False
    # A PDF's line set further under the one before than that spacing, in such a PDF: a
    # paragraph's first line, as a text's line after a blank one is.
    opens: bool = False
    # A PDF's line in bold that stands apart as a heading would but is a sentence
    # (statement): read as the body's words.
    sentence: bool = False
    # A Word paragraph set as the body is (no heading's style, no word of it bold,
    # italic, underlined or in capitals, by its runs or its style): however short, and
    # without a full stop, never a sub-heading, as a reader of the page sees.
    plain: bool = False
    # A PDF's line whose last word a soft hyphen breaks at its end (a typesetter's
    # discretionary hyphen, U+00AD in the text layer): the word goes on, whole, on the
    # next line, whatever its halves are ("under" "standing").
    broken: bool = False
    # A Word paragraph's line after a line break in it (<w:br/>, a script's newline): the
    # paragraph going on as a text's next line does, no blank line between (not a
    # paragraph of its own, as every other Word paragraph is).
    after_break: bool = False
    # A quotation's paragraph by its mark: a text's line marked "> " (the mark taken off,
    # import_shapes.unmarked_quote) or a Word paragraph in a quotation's style.
    quoted: bool = False

    @property
    def where(self) -> str:
        if not self.line:  # a Word file's running head or foot: beside the text, not in it
            return "beside the text"
        return f"page {self.page}, line {self.line}" if self.page else f"line {self.line}"


@dataclass
class Extracted:
    lines: list[Line]
    revisions: int = 0
    notes: list[str] = field(default_factory=list)
    whole_paragraphs: bool = False  # each line a paragraph (Word); else a blank line ends one
    dropped: list[Line] = field(default_factory=list)  # page furniture, left out
    # words a Word file holds outside its text (comments, running heads and feet, text
    # boxes), left out, each with why
    asides: list[tuple[Line, str]] = field(default_factory=list)
    contents: list[Line] = field(default_factory=list)  # Word's table of contents, left out
    site: list[Line] = field(default_factory=list)  # a web page's navigation, banners, left out
    # a PDF's body size, where its headings are told by their type (a line drawn plain in
    # it is then no heading for its shape alone, save one in capitals)
    body: float | None = None


def fail(path: Path, code: str, **fields: object) -> ProtocolError:
    """The file as the user named it: it is not in the project."""
    return ProtocolError([Problem.of(str(path), 0, code, "", **fields)])


def too_large(path: Path, what: str, limit: str) -> ProtocolError:
    return fail(path, "import-too-large", what=what, limit=limit)
