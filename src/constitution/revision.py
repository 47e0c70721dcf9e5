"""A revision drafted outside the project, brought in against the protocol it revises.

Councils often redraft in Word and take the existing and the revised text to committee
side by side. Imported with ``--revision``, each paragraph of the revised document is
matched to the paragraph of the current draft it revises, so it keeps its permanent ID
and the redline shows exactly what changed: unchanged, reworded, moved or renumbered
paragraphs keep their IDs (and their modality, roles, statutes, tags and definitions);
only new paragraphs get new IDs, after every ID used or revoked; paragraphs with no
match are proposed for revocation.

Matching is by words, not numbers (a revision renumbers): first paragraphs whose words
are the same, then the most alike pairs, most alike first, while at least SIMILAR of
their words agree; a paragraph's number breaks a tie. Then, of those left, what an
editor sees as one paragraph however much it changed in size: one that keeps every word
of a current one, in order (grown: a sentence added to each of its own), and one split
into parts whose words are each all the current one's and together most of them (the
part holding most of its words revises it; the others are new). Words kept are kept in
runs (KEPT_RUN words at least): a few common words scattered over a paragraph are no
paragraph kept, and two paragraphs that only share a sentence are not matched.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

from constitution.model import Document
from constitution.text_plain import words as plain_words
from constitution.text_tree import (
    Code,
    Emphasis,
    Inline,
    Link,
    Statute,
    Strong,
    Term,
    Text,
    Tree,
)
from constitution.text_tree import Paragraph as TreeParagraph

SIMILAR = 0.6  # below this a paragraph is new, and the old one revoked
KEPT_RUN = 3  # words: the shortest run of a paragraph's words counted as kept in another


@dataclass(frozen=True)
class Paragraph:
    number: str
    text: str  # plain words


@dataclass(frozen=True)
class Matched:
    new: int  # the revised paragraph's index
    old: int  # the current paragraph's index
    kind: str  # unchanged or reworded (moving and renumbering are seen from the indexes)


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def match(old: list[Paragraph], new: list[Paragraph]) -> list[Matched]:
    """Each revised paragraph matched to the current one it revises, where there is one."""
    old_words, new_words = [words(p.text) for p in old], [words(p.text) for p in new]
    same: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, w in enumerate(old_words):
        same[tuple(w)].append(i)
    found: list[Matched] = []
    used_old: set[int] = set()
    left: list[int] = []
    for j, w in enumerate(new_words):
        free = [i for i in same.get(tuple(w), []) if i not in used_old]
        if free:  # the same words: the one with the same number, else the first
            i = next((i for i in free if old[i].number == new[j].number), free[0])
            found.append(Matched(j, i, "unchanged"))
            used_old.add(i)
        else:
            left.append(j)
    spare = [i for i in range(len(old)) if i not in used_old]
    pairs = []
    for j in left:
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(new_words[j])
        for i in spare:
            matcher.set_seq1(old_words[i])
            # the quick bounds first: most pairs are far apart
            if (
                matcher.real_quick_ratio() >= SIMILAR
                and matcher.quick_ratio() >= SIMILAR
                and (ratio := matcher.ratio()) >= SIMILAR
            ):
                pairs.append((ratio, old[i].number == new[j].number, j, i))
    taken_new: set[int] = set()
    for _, _, j, i in sorted(pairs, reverse=True):
        if j not in taken_new and i not in used_old:
            found.append(Matched(j, i, "reworded"))
            taken_new.add(j)
            used_old.add(i)
    taken_new |= {m.new for m in found}
    found += grown_or_split(old_words, new_words, used_old, taken_new)
    return sorted(found, key=lambda m: m.new)


def inside(part: list[str], whole: list[str]) -> bool:
    """Whether every word of ``part`` is in ``whole``, in order, in runs of KEPT_RUN
    words at least (or the whole of a shorter part)."""
    if len(part) > len(whole) or not set(part) <= set(whole):  # the quick bounds first
        return False
    blocks = difflib.SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
    runs = [size for _, _, size in blocks if size]
    least = min(KEPT_RUN, len(part))
    return bool(part) and sum(runs) == len(part) and all(size >= least for size in runs)


def grown_or_split(
    old_words: list[list[str]], new_words: list[list[str]], used_old: set[int], taken: set[int]
) -> list[Matched]:
    """Of the paragraphs left unmatched, each current one whose words a revised one keeps
    all of (grown), else whose words parts split from it each keep some of, together
    SIMILAR of them at least (split: the part with the most revises it)."""
    found: list[Matched] = []
    for i in sorted(set(range(len(old_words))) - used_old, key=lambda i: -len(old_words[i])):
        free = [j for j in range(len(new_words)) if j not in taken]
        grown = [j for j in free if inside(old_words[i], new_words[j])]
        parts = [j for j in free if inside(new_words[j], old_words[i])]
        if grown:
            j = min(grown, key=lambda j: len(new_words[j]))
        elif parts and sum(len(new_words[j]) for j in parts) >= SIMILAR * len(old_words[i]):
            j = max(parts, key=lambda j: len(new_words[j]))
        else:
            continue
        found.append(Matched(j, i, "reworded"))
        taken.add(j)
    return found


def moved(found: list[Matched]) -> set[int]:
    """The revised paragraphs that moved: those outside the runs that kept their order
    (difflib's matching blocks of the old order against itself sorted)."""
    olds = [m.old for m in found]
    blocks = difflib.SequenceMatcher(None, olds, sorted(olds), autojunk=False)
    kept = {k for a, _, size in blocks.get_matching_blocks() for k in range(a, a + size)}
    return {m.new for k, m in enumerate(found) if k not in kept}


MARKS = (Term, Statute, Emphasis, Strong, Code, Link)  # what Word shows as words only


def kept_marks(old: Tree, new: Tree, document: Document) -> Tree:
    """A reworded paragraph's words with the current paragraph's marks (defined terms,
    statutes, emphasis, code, links) put back over the words Word left as they were: a
    mark whose words the revision keeps, in one run of unchanged characters, marks them
    again. A reference is not among them: the importer finds it again from its number."""
    if not (len(old) == len(new) == 1 and isinstance(old[0], TreeParagraph)):
        return new
    if not isinstance(new[0], TreeParagraph):
        return new
    spans, at = [], 0
    for node in old[0].children:
        size = len(plain_words((node,), document))
        if isinstance(node, MARKS) and size > 1:
            spans.append((at, at + size, node))
        at += size
    was, now = plain_words(old[0].children, document), plain_words(new[0].children, document)
    blocks = difflib.SequenceMatcher(None, was, now, autojunk=False).get_matching_blocks()
    placed = sorted(
        (start - a + b, end - a + b, node)
        for start, end, node in spans
        for a, b, size in blocks
        if a <= start and end <= a + size
    )
    children: list[Inline] = []
    at = 0
    for node in new[0].children:
        size = len(plain_words((node,), document))
        inside = [p for p in placed if at <= p[0] and p[1] <= at + size]
        if not isinstance(node, Text) or not inside:
            children.append(node)
        else:
            cut = 0
            for start, end, mark in inside:
                if start - at >= cut:  # marks apart, never overlapping
                    children += [Text(node.text[cut : start - at]), mark]
                    cut = end - at
            children.append(Text(node.text[cut:]))
        at += size
    return (TreeParagraph(tuple(c for c in children if c != Text(""))),)
