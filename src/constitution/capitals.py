"""A heading printed in capitals, written as a title: "RESPECT AND COURTESY" is "Respect
and Courtesy", as the rest of the site writes its titles. One function for every
title the tool takes from a printed document: a section's heading on import, and the
document's own title when a council's repository is made from it (init).

An acronym keeps its capitals ("USE OF ICT AND CCTV" is "Use of ICT and CCTV"): a word
the document prints in capitals among words that are not (its paragraphs' "ICT
equipment"), a word with no vowel ("CCTV", "HR"), or a roman numeral ("PART II"). The
page's own words say which words are acronyms; no list of them is kept here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words a title in capitals keeps in small letters, once it is written as a title.
SMALL_WORDS = {"a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "of"}
SMALL_WORDS |= {"on", "or", "the", "to", "with"}

# Prefixes that are no word alone: the word they are hyphened to stays in small letters
# in a title ("Co-opted Members", "Non-executive Directors", "Pre-election Period"), as
# British style guides and the Chicago Manual write it; words hyphened to a word of their
# own are each capitalised ("Decision-Making"), a small word between them not
# ("Face-to-Face").
PREFIXES = {"anti", "by", "co", "inter", "intra", "mid", "multi", "non", "post", "pre"}
PREFIXES |= {"re", "semi", "sub"}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
PREFIX = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")  # "CO-" just before a word
ROMAN = re.compile(r"[IVX]{1,5}")
VOWEL = re.compile(r"[AEIOUY]")


def in_capitals(text: str) -> bool:
    """Whether every letter of the text is a capital (and it has two or more)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def acronyms(texts: Iterable[str]) -> frozenset[str]:
    """The words printed in capitals (two letters or more) among words that are not:
    the acronyms the document itself writes so ("ICT" in "ICT equipment")."""
    found: set[str] = set()
    for text in texts:
        if in_capitals(text):
            continue  # a line in capitals says nothing of which words are acronyms
        found |= {w for w in WORD.findall(text) if len(w) > 1 and w.isupper()}
    return frozenset(found)


def out_of_capitals(text: str, kept: Iterable[str] = ()) -> str:
    """``text`` written as a title where it is printed in capitals, each word's first
    letter a capital (and after "-" or "/"), a small word ("and", "of") in small
    letters after the first, and a word after a prefix and its hyphen ("Co-opted"); an
    acronym (``kept``, or a word with no vowel, or a roman numeral) as printed; any other
    text as it is."""
    if not in_capitals(text):
        return text
    keep = set(kept)

    def written(m: re.Match[str]) -> str:
        word = m[0]
        if word in keep or ROMAN.fullmatch(word) or not VOWEL.search(word):
            return word
        lower = word.lower()
        opens = text.startswith("-", m.end()) and not text.endswith("-", 0, m.start())
        if m.start() and lower in SMALL_WORDS and not opens:  # "By-elections" keeps its "B"
            return lower
        hyphened = PREFIX.search(text, 0, m.start())
        if hyphened and hyphened.end() == m.start() and hyphened[1].lower() in PREFIXES:
            return lower
        return lower[0].upper() + lower[1:]

    return WORD.sub(written, text)
