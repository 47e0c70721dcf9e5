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
    page.why |= {i: CONTENTS_MARKER for i in range(start, len(texts)) if CONTENTS.match(texts[i])}
    for i in page.why:
        page.texts[i] = None
    number_as_drawn(page)
    return page


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
