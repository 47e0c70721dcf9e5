"""What a protocol amended over years prints beside its paragraphs that is not their
words: a revoked paragraph's number kept in its place ("5.3 [Deleted]", "5.4 Not used",
"6.2–6.4 [Revoked by Council, 12 May 2021]"), or a whole section's ("6 [Revoked]",
"Section 6 – Deleted"), a note of amendment after a paragraph ("[Amended by Council,
14 March 2019]", "Inserted by Council on 19 September 2018."), and an amendment
history's heading. None is a paragraph's words. A revoked number of the section it is
printed in is kept there, revoked, with the words printed (the section's front matter),
and a whole section's in the index's front matter; the importer lists the rest as left
out; and it counts a revoked number as given, so the gap it leaves is no fault.
"""

from __future__ import annotations

import re

# A dotted paragraph number, its parts perhaps inserted ("3.4A", "3A.1")
NUMBER = r"\d{1,3}[A-Z]{0,4}(?:\.\d{1,3}[A-Z]{0,4})*"
# What a council prints in a revoked paragraph's place
GONE = (
    r"deleted|revoked|repealed|rescinded|omitted|removed|not used|spent"
    r"|(?:intentionally )?left blank"
)
# A whole section's may say so, its words after a dash ("Section 6 – Deleted").
REVOKED = re.compile(
    rf"^(?:section\s+)?(?P<first>{NUMBER})\.?(?:\s*(?:[–—-]|to)\s*(?P<last>{NUMBER})\.?)?\s+"
    r"(?:[–—-]\s+)?"
    rf"(?P<said>[\[(]\s*(?:{GONE})\b[^\[\]()]*[\])]|(?:{GONE})(?:(?:\s+(?:by|on|in|with)\b|,)[^.;:]*(?::\s*[^\s.;:][^.;:]*)*)?)"
    r"\.?$",
    re.I,
)  # words after a colon too ("Revoked by Council: minute 12"), but not a lead-in's colon
# A note of when a paragraph or section was amended: "[Amended by Council, 14 March
# 2019]", "(Inserted by the Parish Council on 3 October 2022)", "Paragraph 3.2A inserted
# by the Council on 18 January 2023.", "Inserted ...; amended by Council on 2 March 2022."
HISTORY_NOTE = re.compile(
    r"^(?:(?:paragraphs?|paras?\.?|sections?|clauses?|rules?|parts?)\s+[\dA-Z.,()\s–-]+?"
    r"(?:\s+and\s+[\dA-Z.()]+)?\s+)?(?:(?:was|were)\s+)?"
    r"(?:inserted|amended|added|substituted|revoked|deleted|renumbered|updated)\s+"
    r"(?:by|on|at|with effect)\b[^\[\]]*\b\d{4}\b[^\[\]]*$",
    re.I,
)
# The heading of a record of amendments after the protocol
HISTORY_HEADING = re.compile(
    r"^(?:(?:amendments?|version|revision|document|change)s?\s+(?:history|record|log)"
    r"|record\s+of\s+(?:amendments|changes|revisions))\b",
    re.I,
)


def revoked_numbers(text: str) -> list[str] | None:
    """The numbers a line stands for where it prints only that their paragraphs were
    revoked ("4.2–4.4 [Revoked ...]": 4.2, 4.3 and 4.4), else None."""
    m = REVOKED.match(text.replace("*", "").strip())
    if not m:
        return None
    first, last = m["first"], m["last"]
    if last is None:
        return [first]
    head, _, low = first.rpartition(".")
    last_head, _, high = last.rpartition(".")
    if head == last_head and low.isdigit() and high.isdigit() and int(low) < int(high):
        return [f"{head}.{n}" if head else str(n) for n in range(int(low), int(high) + 1)]
    return [first, last]


def printed_in_place(text: str) -> str:
    """The words a line printing a revoked number has in its place ("Revoked by Council,
    12 May 2021" of "4.2–4.4 [Revoked by Council, 12 May 2021]"), without its brackets;
    "" if the line prints no revoked number."""
    m = REVOKED.match(text.replace("*", "").strip())
    return m["said"].strip("[]() ").rstrip(".").strip() if m else ""


def history_note(text: str) -> str | None:
    """A note of amendment as printed (without the emphasis it wears), else None: a line
    of its own, short, bracketed or emphasised or beginning with the change it records."""
    plain = text.replace("*", "").strip()
    inner = plain.strip("[]() ").strip()
    if len(inner.split()) > 30 or not HISTORY_NOTE.match(inner.rstrip(".")):
        return None
    return plain
