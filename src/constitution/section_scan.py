"""A section file's top-level blocks, found by a scan of its lines where the file has the
usual shape; None where it has anything else, for markdown-it to read.

The usual shape is what the importer, `init` and editors write: a level-one heading
first, then blank lines, clause blocks (a fence of three backticks at the line's start,
closed by a line of three backticks alone) and paragraphs whose every line begins with
a letter. Such lines can start no other block (every other construct begins with
punctuation, a digit or spaces), so their blocks are found as markdown-it finds them.
Anything else (a list, a comment, front matter, a quote, an indented line, a line of
backticks inside a block, a fence not closed) returns None.

markdown-it finds where every line of a file starts by a loop in Python over each of its
characters: a third of reading a protocol of 5,000 paragraphs, whose section files are
nearly all clause blocks. The reader (source.py) uses only the top-level tokens' kind,
lines, fence info, content and markup, and the heading's words, which this gives as
markdown-it's tokens give them (in Block, not markdown-it's Token: importing markdown-it
was a tenth of the gate's start-up, and a protocol of the usual shape needs none of it).
tests/test_section_scan.py holds the two to the same tokens on every section file of the
fixtures and on generated ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FENCE = "```"


@dataclass(slots=True)
class Block:
    """What the reader reads of one of markdown-it's top-level tokens, by its names."""

    type: str
    tag: str
    nesting: int
    map: list[int] | None = None
    level: int = 0
    content: str = ""
    markup: str = ""
    info: str = ""
    block: bool = True
    children: list[Block] | None = field(default=None)


def _letter(line: str) -> bool:
    return ("a" <= line[:1] <= "z") or ("A" <= line[:1] <= "Z")


def section_tokens(text: str) -> list[Block] | None:
    """markdown-it's top-level tokens of ``text`` (inline tokens without their children),
    or None if the text is not of the usual shape."""
    if "\0" in text:
        return None  # markdown-it replaces it
    lines = text.split("\n")
    tokens: list[Block] = []
    i, end = 0, len(lines)
    while i < end:
        line = lines[i]
        if not line.strip(" "):
            i += 1
        elif line.startswith(FENCE):
            info = line[len(FENCE) :]
            if "`" in info:
                return None  # a fourth backtick, or one in the info: not this shape
            close = i + 1
            while close < end and not lines[close].lstrip(" ").startswith(FENCE):
                close += 1
            if close == end or lines[close] != FENCE:
                return None  # unclosed, or a line of backticks markdown-it may read otherwise
            content = "".join(f"{raw}\n" for raw in lines[i + 1 : close])
            tokens.append(Block("fence", "code", 0, [i, close + 1], 0, content, FENCE, info))
            i = close + 1
        elif _letter(line):
            start = i
            while i < end and _letter(lines[i]):
                i += 1
            if i < end and lines[i].strip(" ") and not lines[i].startswith(FENCE):
                return None  # a line that may continue the paragraph or start a block
            words = "\n".join(lines[start:i]).strip()
            tokens += _block("paragraph", "p", "", [start, i], words)
        elif line.startswith("# ") and not tokens and "#" not in line[2:]:
            words = line[2:].strip()  # the heading, first: a second is not this shape
            if not words:
                return None
            tokens += _block("heading", "h1", "#", [i, i + 1], words)
            i += 1
        else:
            return None
    return tokens


def _block(kind: str, tag: str, markup: str, span: list[int], words: str) -> list[Block]:
    return [
        Block(f"{kind}_open", tag, 1, list(span), markup=markup),
        Block("inline", "", 0, list(span), level=1, content=words, children=[]),
        Block(f"{kind}_close", tag, -1, markup=markup),
    ]
