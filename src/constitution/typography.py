"""Typographic quotes, dashes and ellipses in a clause's words, the same in every version.

Docutils' SmartQuotes, as Sphinx applies it to the site's pages ("qDe": quotes, "--" and
"---" as en and em dashes, "..." as an ellipsis), one paragraph at a time so that a
quote is curled by the character before it, whichever node that ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from docutils.utils.smartquotes import educate_tokens

ACTION = "qDe"


def long_date(day: dt.date) -> str:
    """A date as the site and the files of a version print it: "14 May 2026"."""
    return f"{day:%-d %B %Y}"


def educate(runs: Iterable[tuple[bool, str]]) -> Iterator[str]:
    """The runs of one paragraph, (literal, text) each, with plain runs educated."""
    return educate_tokens(
        (("literal" if literal else "plain", text) for literal, text in runs),
        attr=ACTION,
        language="en",
    )


def curled(text: str) -> str:
    """A line of plain words (a title) as the site's pages show it: "Members’ enquiries"."""
    return "".join(educate([(False, text)]))
