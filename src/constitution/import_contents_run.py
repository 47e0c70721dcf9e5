"""A contents list run together: the numbers and titles of the document's own sections,
in their order, printed one after another in a paragraph (pandoc makes a text's contents
table, a line to an entry, one paragraph) or across lines a PDF breaks where each is full,
so that a line may begin "4 The Role of Officers" mid-list. However it is broken, it is
the contents: left out and listed, each entry said, as a contents table's lines are; its
header row ("Paragraph Subject") and heading ("Contents") with it, over a blank line too.
A list an entry to a line is found so as well, where the structure's own reading
(import_contents.drop_contents) would need its entries read as sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from constitution.extract_lines import CONTENTS, Line
from constitution.import_markup import CELL_BREAK
from constitution.import_model import ends_sentence
from constitution.import_shapes import (
    BACK_MATTER,
    CONTENTS_LABEL,
    NUMBERED,
    heading_like,
    numbered_lead_in,
)

MIN_ENTRIES = 3  # two headings in a row are as likely a heading over a title
# A header row's labels with no cells drawn apart ("Paragraph Subject", a rule of dashes
# under it run on)
HEADER = re.compile(rf"{CONTENTS_LABEL}(?:\s+{CONTENTS_LABEL})+", re.I)
RULE = re.compile(r"\s*[-–—_=]+(?=\s|$)")


@dataclass
class Heading:
    index: int  # of its line
    words: str  # as printed, its number included, in small letters ("5.5 – 1 introduction")
    number: str  # as the structure numbers its section ("1")
    title: str


@dataclass
class Entry:
    number: str  # the section's, as the structure numbers it ("1" of "5.5 – 1")
    title: str  # its number, as the structure numbers it, and its title ("1 Introduction")
    line: Line  # where it begins
    heading: int  # the index of the heading it names


def plain(text: str) -> str:
    """The words for comparing, as two programs may print them, and as a contents list
    may differ from its headings: one space between, a straight quotation mark for a
    curly one, a number without the stop closing it ("1 Purpose" for "1. Purpose")
    (compared in small letters: "Attending to" / "Attending To")."""
    text = text.replace(CELL_BREAK, " ").replace("**", "")
    text = re.sub(r"(?<=\d)\.(?=\s)", "", text)
    for curly, straight in (("\u2018\u2019", "'"), ("\u201c\u201d", '"')):
        text = re.sub(f"[{curly}]", straight, text)
    return " ".join(text.split())


def contents_runs(texts: list[str], lines: list[Line]) -> list[tuple[list[int], list[Entry]]]:
    """Each contents list run together in the lines (their texts cleaned of mark-up): the
    indices of its lines, its header's and heading's first, and its entries. An entry is
    the whole of a later line that reads as a heading, "number title"; the list is the
    lines whose words are such entries, each naming a heading after the one before, at
    least MIN_ENTRIES of them, as many as the lines they take or more."""
    words = [plain(t) for t in texts]
    headings = [
        Heading(i, w.lower(), m["num"], m["rest"])
        for i, w in enumerate(words)
        if (m := NUMBERED.match(w)) and heading_like(m["rest"])
    ]
    # an appendix's heading, which the contents may print without its dash ("Appendix
    # Useful Contacts" for "Appendix – Useful Contacts")
    headings += [
        Heading(i, undashed(w).lower(), "", w)
        for i, w in enumerate(words)
        if BACK_MATTER.match(w) and heading_like(w) and not NUMBERED.match(w)
    ]
    words = [w.lower() for w in words]
    runs: list[tuple[list[int], list[Entry]]] = []
    start = 0
    while start < len(words):
        end, entries = entries_from(words, lines, start, headings)
        if (
            len(entries) >= MIN_ENTRIES
            and len(entries) >= end - start
            and not lead_in_before(words, start)
        ):
            first = back = start
            while back > 0 and (
                not (head := words[back - 1])  # a blank line between, left where it is
                or not RULE.sub("", head).strip()  # a rule under the header
                or HEADER.fullmatch(RULE.sub("", head).strip())
                or CONTENTS.match(head)
            ):
                back -= 1
                first = back if head else first
            runs.append(([i for i in range(first, end) if words[i]], entries))
            start = end
        else:
            start += 1
    return runs


def lead_in_before(words: list[str], start: int) -> bool:
    """Whether the lines before ``start``, no blank line between, are a numbered
    paragraph's lead-in ending in a colon (import_shapes.numbered_lead_in), wrapped over several
    lines or not: the lines after are that paragraph's list, not a contents."""
    at = start - 1
    while at > 0 and words[at - 1] and not NUMBERED.match(words[at]):
        if ends_sentence(words[at - 1]):
            break
        at -= 1  # the lead-in's first line
    return start > 0 and numbered_lead_in(" ".join(words[at:start]))


def undashed(words: str) -> str:
    """The words without a dash standing between them."""
    return " ".join(word for word in words.split() if not RULE.fullmatch(word))


def entries_from(
    words: list[str], lines: list[Line], start: int, headings: list[Heading]
) -> tuple[int, list[Entry]]:
    """From line ``start`` on, the entries its words and the next lines' are, to the end
    of the last line they fill: (the index after that line, the entries). A header row's
    labels may open the first line ("Section Subject 1 Purpose ...": pandoc's paragraph
    of a text's contents table)."""
    header = HEADER.match(words[start])
    joined, end = "", start
    at = header.end() + 1 if header and words[start][header.end() : header.end() + 1] == " " else 0
    entries: list[Entry] = []
    starts: list[tuple[int, int]] = []  # where in the joined words each line begins
    kept: list[Entry] = []
    for index in range(start, len(words)):
        if not words[index]:
            break
        starts.append((len(joined) + (1 if joined else 0), index))
        joined = f"{joined} {words[index]}" if joined else words[index]
        while at < len(joined):
            after = entries[-1].heading if entries else index
            named = [
                h
                for h in headings
                if h.index > max(after, index)
                and joined.startswith(h.words, at)
                and joined[at + len(h.words) : at + len(h.words) + 1] in ("", " ")
            ]
            if not named:
                break
            h = max(named, key=lambda h: len(h.words))
            begins = next(n for offset, n in reversed(starts) if offset <= at)
            title = f"{h.number} {h.title}".strip()
            entries.append(Entry(h.number, title, lines[begins], h.index))
            at += len(h.words) + 1
        if at >= len(joined):
            end, kept = index + 1, list(entries)
        elif not any(h.words.startswith(joined[at:]) for h in headings):
            break  # words no entry begins with
    return end, kept
