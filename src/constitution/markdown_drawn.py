"""A Markdown file read as the page it is published as: what a wiki or a site's
generator draws from it, not the characters typed.

- Front matter (a block of "key: value" lines between "---" lines at the top, as wikis
  and site generators write a page's record) is not shown on the page: left out.
- A contents marker ("[[_TOC_]]", "[TOC]", "{:toc}") is where the wiki draws a contents
  list: left out.
- An ordered list is numbered as Markdown draws it (CommonMark): from its first item's
  number, one more for each item after, whatever number each is written with. Wiki
  authors write "1." for every item and let the page count, and start a list at "3."
  to go on counting after a heading: "1." written after "3." is drawn "4.".
- Pandoc's own Markdown (what ``pandoc -t markdown`` writes from a Word file) is drawn
  as pandoc draws it: the front matter's ``title:`` is the page's title where the page
  has no heading of its own over its words; a span's attributes (a bookmark
  ``[]{#_Toc1 .anchor}``) and a heading's (``{#purpose}``) are not shown, nor a
  backslash escaping a character (``\\(a)``); underlined words (``[words]{.underline}``)
  are emphasis, as Word's underlined runs are; a footnote's mark ``[^1]`` is drawn
  "[1]", its words (``[^1]: ...`` and the lines indented under it) a line "[1] ...",
  as pandoc prints the note; a grid table's rows (``+---+`` between them, ``|`` between
  cells) are rows, their cells apart by tabs as a Word table's are, a cell's lines
  joined.
- A block quote's paragraphs are drawn set in, without the ``>`` marking them: their
  words the page's (pandoc writes a Word paragraph indented from the margin as one,
  ``> \\(a\\) put ...``).
- A paragraph's lines are one paragraph: Markdown ends a paragraph at a blank line or a
  block, never at a line's end (``going_on``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import zip_longest

from markdown_it import MarkdownIt

FRONT_MATTER = (
    "the Markdown file's front matter: the page's record for the wiki or site, not shown on it"
)
CONTENTS_MARKER = "a contents marker: where the wiki draws the page's list of contents"

FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
FIELD = re.compile(r"^[\w-]+\s*:")
CONTENTS = re.compile(
    r"(?i)^\s*(?:\[\[_?toc_?\]\]|\[toc\]|\{:\s*toc\s*\}|\$\{toc\}|<!--\s*toc\s*-->)\s*$"
)
# an ordered list item's marker where its line begins (inside quotations too)
MARKER = re.compile(r"^[ \t>]*(?P<number>\d{1,9})[.)]")
TITLE = re.compile(r"^title\s*:\s*(?P<title>.*?)\s*$")
# pandoc's inline markup, and what the page draws for it
SPAN = re.compile(r"\[([^\[\]]*)\]\{[^{}]*\}")  # [words]{#id .class key=value}
HEADING_ATTRIBUTES = re.compile(r"^(#{1,6}\s.*?)\s*\{[#.][^{}]*\}\s*$")
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
UNDERLINED = re.compile(r"\[([^\[\]]*)\]\{\.underline\}")
NOTE_MARK = re.compile(r"\[\^([^\]\s]+)\](?!:)")
NOTE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")
QUOTED = re.compile(r"^(?: {0,3}> ?)+")  # a block quote's markers where its line begins


@dataclass
class Drawn:
    """The file's lines as the page shows them: each line's text (None for a line left
    out), why each left out line is, and how many items are drawn with a number other
    than the one written."""

    texts: list[str | None]
    why: dict[int, str] = field(default_factory=dict)
    renumbered: int = 0
    # the lines that go on a paragraph begun on a line before: Markdown ends a paragraph
    # at a blank line (or a block), never at a line's end
    going_on: set[int] = field(default_factory=set)


def drawn(texts: list[str]) -> Drawn:
    """The file's lines (``texts``) as its page shows them."""
    shown: list[str | None] = [*texts]
    page = Drawn(shown)
    start = 0
    if texts and texts[0].startswith("---") and FENCE.match(texts[0]):
        end = next((i for i in range(1, len(texts)) if FENCE.match(texts[i])), None)
        if end is not None and any(FIELD.match(text) for text in texts[1:end]):
            page.why |= {i: FRONT_MATTER for i in range(end + 1)}
            start = end + 1
    page.why |= {i: CONTENTS_MARKER for i in range(start, len(texts)) if CONTENTS.match(texts[i])}
    for i in page.why:
        page.texts[i] = None
    titled = [(i, m) for i in range(1, start) if (m := TITLE.match(texts[i]))]
    if titled and not heading_first(texts[start:]):
        at, title = titled[0]
        if words := title["title"].strip("'\""):
            del page.why[at]
            page.texts[at] = f"# {words}"  # the page's title, drawn over its words
    number_as_drawn(page)
    set_in(page)
    grid_tables(page)
    footnotes(page)
    inline_drawn(page)
    text = "\n".join("" if t is None else t for t in page.texts)
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "paragraph_open" and token.map:
            page.going_on |= set(range(token.map[0] + 1, token.map[1]))
    return page


def heading_first(texts: list[str]) -> bool:
    """Whether the page's first words (after front matter) are a heading of its own."""
    first = next((t for t in texts if t.strip() and not CONTENTS.match(t)), "")
    return first.startswith("#")


def inline_drawn(page: Drawn) -> None:
    """Each line's inline markup as the page draws it; code (fenced or indented) is as
    typed, as markdown-it (CommonMark) finds it."""
    text = "\n".join("" if t is None else t for t in page.texts)
    code = {
        at
        for token in MarkdownIt("commonmark").parse(text)
        if token.type in ("fence", "code_block") and token.map
        for at in range(*token.map)
    }
    for i, line in enumerate(page.texts):
        if line is None or i in code:
            continue
        line = HEADING_ATTRIBUTES.sub(r"\1", line)
        line = SPAN.sub(r"\1", UNDERLINED.sub(r"<u>\1</u>", line))
        line = NOTE_MARK.sub(r"[\1]", line)
        page.texts[i] = ESCAPED.sub(r"\1", line)


def set_in(page: Drawn) -> None:
    """A block quote's lines without the markers (">") that set it in, as markdown-it
    (CommonMark) finds the quotes."""
    text = "\n".join("" if t is None else t for t in page.texts)
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "blockquote_open" and token.level == 0 and token.map:
            for at in range(*token.map):
                if (line := page.texts[at]) is not None:
                    page.texts[at] = QUOTED.sub("", line, count=1)


def footnotes(page: Drawn) -> None:
    """A footnote's words (``[^1]: ...`` and the lines indented under it) one line,
    "[1] ...", as pandoc prints the note."""
    for i, text in enumerate(page.texts):
        if text is None or not (m := NOTE.match(text)):
            continue
        words = [m[2]]
        for j in range(i + 1, len(page.texts)):
            more = page.texts[j]
            if more is None or not more.startswith(("    ", "\t")) or not more.strip():
                break
            words.append(more.strip())
            page.texts[j] = None  # drawn in the note's line
        page.texts[i] = f"[{m[1]}] {' '.join(words)}"


def grid_tables(page: Drawn) -> None:
    """A grid table's rows as rows: each row's cells (their lines joined) apart by tabs,
    on the row's first line; its other lines and the rules between rows drawn in it."""
    texts = page.texts

    def rule(at: int) -> bool:
        return at < len(texts) and bool(GRID_RULE.match(texts[at] or ""))

    def row(at: int) -> bool:
        return at < len(texts) and bool(GRID_ROW.match(texts[at] or ""))

    at = 0
    while at < len(texts):
        if not (rule(at) and row(at + 1)):
            at += 1
            continue
        while rule(at) or row(at):
            first, cells = at, list[str]()
            while row(at):
                parts = [c.strip() for c in (texts[at] or "").strip()[1:-1].split("|")]
                cells = [" ".join(filter(None, pair)) for pair in zip_longest(cells, parts)]
                texts[at] = None
                at += 1
            if cells:
                texts[first] = "\t".join(cells)
            elif rule(at):
                texts[at] = None  # a rule between rows, or over or under the table
                at += 1


def number_as_drawn(page: Drawn) -> None:
    """Each ordered list's items numbered from its first, as Markdown draws them: the
    lists, their items and where each starts, as markdown-it (CommonMark) finds them."""
    text = "\n".join("" if t is None else t for t in page.texts)
    lists: list[int | None] = []  # each open list's next number; None for a bullet list
    for token in MarkdownIt("commonmark").parse(text):
        if token.type in ("ordered_list_open", "bullet_list_open"):
            ordered = token.type == "ordered_list_open"
            lists.append(int(str(token.attrs.get("start", 1))) if ordered else None)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            lists.pop()
        elif token.type == "list_item_open" and lists[-1] is not None and token.map:
            number, lists[-1] = lists[-1], lists[-1] + 1
            at = token.map[0]
            written = MARKER.match(page.texts[at] or "")
            if written and int(written["number"]) != number:
                page.renumbered += 1
                line = page.texts[at] or ""
                page.texts[at] = (
                    line[: written.start("number")] + str(number) + line[written.end("number") :]
                )
