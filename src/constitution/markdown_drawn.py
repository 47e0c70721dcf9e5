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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FRONT_MATTER = (
    "the Markdown file's front matter: the page's record for the wiki or site, not shown on it"
)
CONTENTS_MARKER = "a contents marker: where the wiki draws the page's list of contents"

FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
FIELD = re.compile(r"^[\w-]+\s*:")
MARKER = re.compile(
    r"(?i)^\s*(?:\[\[_?toc_?\]\]|\[toc\]|\{:\s*toc\s*\}|\$\{toc\}|<!--\s*toc\s*-->)\s*$"
)
ORDERED = re.compile(r"^(?P<indent> *)(?P<number>\d{1,9})(?P<delimiter>[.)])(?P<gap> +|$)")
# a line that opens a block of its own, and so is no lazy line of an item's paragraph
BLOCK = re.compile(r"^ {0,3}(?:#{1,6}(?: |$)|[-*+](?: |$)|>|```|~~~)")


@dataclass
class Open:
    """An ordered list being read: where its markers stand, where its items' words
    begin, its delimiter, and the number its next item is drawn with."""

    indent: int
    content: int
    delimiter: str
    next: int


@dataclass
class Drawn:
    """The file's lines as the page shows them: each line's text (None for a line left
    out), why each left out line is, and how many items are drawn with a number other
    than the one written."""

    texts: list[str | None]
    why: dict[int, str] = field(default_factory=dict)
    renumbered: int = 0


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
    page.why |= {i: CONTENTS_MARKER for i in range(start, len(texts)) if MARKER.match(texts[i])}
    for i in page.why:
        page.texts[i] = None
    number_as_drawn(page)
    return page


def number_as_drawn(page: Drawn) -> None:
    """Each ordered list's items numbered from its first, as Markdown draws them."""
    lists: list[Open] = []
    blank = True  # whether the line before was blank
    for at, text in enumerate(page.texts):
        if text is None:
            continue
        spaced = text.expandtabs(4)
        if not spaced.strip():
            blank = True
            continue
        indent = len(spaced) - len(spaced.lstrip(" "))
        item = ORDERED.match(spaced)
        # the lists this line stands outside end, unless it is the list's next item or a
        # lazy line of an item's paragraph (no blank line before it, opening no block)
        while lists and indent < lists[-1].content:
            if item and item["delimiter"] == lists[-1].delimiter and indent >= lists[-1].indent:
                break
            if not (blank or item or BLOCK.match(spaced)):
                break
            lists.pop()
        if item:
            gap = len(item["gap"]) if 0 < len(item["gap"]) <= 4 else 1
            content = indent + len(item["number"]) + 1 + gap
            top = lists[-1] if lists else None
            if top and top.delimiter == item["delimiter"] and top.indent <= indent < top.content:
                number, top.next, top.content = top.next, top.next + 1, content
            else:
                number = int(item["number"])
                lists.append(Open(indent, content, item["delimiter"], number + 1))
            if number != int(item["number"]):
                page.renumbered += 1
                page.texts[at] = (
                    spaced[: item.start("number")] + str(number) + spaced[item.end("number") :]
                )
        blank = False
