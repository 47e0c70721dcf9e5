"""A protocol forwarded or replied to in an e-mail and saved as text: every line of it
quoted with "> " (">> " quoted twice), the message's own lines around it (its header,
a covering note, a signature). The quoted lines are the protocol, their marks taken off;
the others are the e-mail's, left out. A reply written among the quoted lines cannot be
told from the protocol's words, so it stops the import, naming its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE = re.compile(r"^[ \t]*>[ \t]?")
MIN_QUOTED = 10  # a protocol's lines, not a sentence quoted in one


@dataclass(frozen=True)
class Quoted:
    first: int  # the first quoted line's index
    texts: list[str]  # from it to the last quoted line, unquoted
    depth: int  # how many times it was quoted
    among: int | None  # the index of a line of the e-mail's among them: a reply within


def quoted(texts: list[str]) -> Quoted | None:
    """The protocol quoted in an e-mail's lines, or None where they are not one (fewer
    than MIN_QUOTED lines quoted, or not most of them)."""
    at = [i for i, text in enumerate(texts) if QUOTE.match(text)]
    if len(at) < MIN_QUOTED or len(at) * 2 < sum(1 for text in texts if text.strip()):
        return None
    inside = texts[at[0] : at[-1] + 1]
    marked = set(at)  # looked up once a line: a list's lookups grew with the square
    among = next((i for i in range(at[0], at[-1]) if texts[i].strip() and i not in marked), None)
    depth = 0
    while (written := [t for t in inside if t.strip()]) and all(QUOTE.match(t) for t in written):
        inside = [QUOTE.sub("", text, count=1) for text in inside]
        depth += 1
    return Quoted(at[0], inside, depth, among)
