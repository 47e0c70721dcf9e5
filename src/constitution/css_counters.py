"""Numbers a web page's own style sheet draws with CSS counters, as the browser draws them.

A council's site may number its headings and paragraphs in its style sheet rather than in
its words: ``h2 { counter-increment: part } h2::before { content: counter(part) ". " }``
draws "1. ", "2. " before each heading, and ``ol { counter-reset: item; list-style: none }
li::before { content: counters(item, ".") " "; counter-increment: item }`` draws "1.1"
inside "1". Only the page's own ``<style>`` is read (a saved page's linked style sheet is
not the page). A rule is matched as CSS matches it, by the tags and classes it names and
how they are held: ``main h2`` an ``h2`` within a ``main``, ``.lst-1 > li`` an ``li``
whose list has the class ``lst-1`` (as Google Docs numbers each level of a list, one
counter a level); a selector naming more than tags and classes (``li:first-child``,
``h2 + p``) is not read. The counters' scopes are CSS's: a counter reset on an element is
seen by it, what it holds and its following siblings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
COMMENT = re.compile(r"/\*.*?\*/", re.S)
# an element a selector names (its tag, its classes), and whether it is its ::before
LAST = re.compile(r"([a-z][a-z0-9]*)?((?:\.[\w-]+)*)(::?before)?$", re.I)
# a selector's compounds and the combinators between them
COMPOUNDS = re.compile(r"\s*([>+~])\s*|\s+")
TOKEN = re.compile(
    r"""counters?\(\s*([\w-]+)\s*(?:,\s*("[^"]*"|'[^']*'))?\s*(?:,\s*([\w-]+)\s*)?\)"""
    r"""|"([^"]*)"|'([^']*)'|(\S+)"""
)


Element = tuple[str, frozenset[str]]  # a tag ("" for any) and classes


@dataclass
class Rule:
    tag: str  # "" for any element
    classes: frozenset[str]
    before: bool
    declarations: dict[str, str]
    # the elements holding it, nearest first: each with whether it must be the parent
    # (">") or may be any ancestor (" ")
    holders: tuple[tuple[bool, Element], ...] = ()

    def matches(self, tag: str, classes: set[str], open_: list[Element]) -> bool:
        if not (self.tag in ("", tag) and self.classes <= classes):
            return False
        at = len(open_)  # the holders still to match are among open_[:at]
        for parent, (want, wanted) in self.holders:
            among = range(at - 1, at - 2 if parent else -1, -1)  # the parent, or any
            held = (i for i in among if want in ("", open_[i][0]) and wanted <= open_[i][1])
            at = next(held, -1)
            if at < 0:
                return False
        return True


@dataclass
class Counters:
    """The page's counter rules, and the counters in scope as its elements are read."""

    rules: list[Rule] = field(default_factory=list)
    # frames[i]: the counters made on the children of the i-th open element (0: the page)
    frames: list[dict[str, int]] = field(default_factory=lambda: [{}])
    open: list[Element] = field(default_factory=list)  # the elements open, outermost first

    @classmethod
    def of(cls, css: str) -> Counters:
        rules = []
        for selectors, body in RULE.findall(COMMENT.sub("", css)):
            declarations = {
                name.strip().lower(): value.strip()
                for name, _, value in (d.partition(":") for d in body.split(";"))
                if value.strip()
            }
            for selector in selectors.split(","):
                if made := rule(selector, declarations):
                    rules.append(made)
        return cls(rules)

    def declared(self, tag: str, classes: set[str], before: bool) -> dict[str, str]:
        """The declarations of the rules matching the element, opened last or to be."""
        held = self.open[:-1] if self.open[-1:] == [(tag, frozenset(classes))] else self.open
        found: dict[str, str] = {}
        for made in self.rules:
            if made.before == before and made.matches(tag, classes, held):
                found |= made.declarations
        return found

    def unmarked(self, tag: str, classes: set[str]) -> bool:
        """Whether the style sheet takes away a list item's own marker."""
        style = self.declared(tag, classes, before=False)
        return (style.get("list-style-type") or style.get("list-style") or "") == "none"

    def enter(self, tag: str, classes: set[str]) -> str:
        """An element opened: its counters reset and incremented, and the words its
        ::before draws ("" where it draws none)."""
        self.frames.append({})
        self.open.append((tag, frozenset(classes)))
        own, before = (self.declared(tag, classes, b) for b in (False, True))
        for style in (own, before):
            for name, value in pairs(style.get("counter-reset", ""), 0):
                self.frames[-2][name] = value
            for name, value in pairs(style.get("counter-increment", ""), 1):
                frame = next((f for f in reversed(self.frames[:-1]) if name in f), None)
                if frame is None:
                    frame = self.frames[-2]
                    frame[name] = 0
                frame[name] += value
        content = before.get("content", "")
        return self.drawn(content) if "counter" in content else ""

    def leave(self, depth: int) -> None:
        """Elements closed: the page's open elements are ``depth`` again."""
        del self.frames[depth + 1 :]
        del self.open[depth:]

    def drawn(self, content: str) -> str:
        words = []
        for m in TOKEN.finditer(content):
            name, separator, kind, double, single, other = m.groups()
            if name:
                values = [f[name] for f in self.frames[:-1] if name in f] or [0]
                if not m[0].startswith("counters"):
                    values = values[-1:]
                joined = (separator or '""')[1:-1]
                words.append(joined.join(styled(value, kind or "decimal") for value in values))
            elif double is not None or single is not None:
                words.append(double if double is not None else single)
            elif other:
                return ""  # attr(), an image, a quote: not a number this reads
        return "".join(words)


def rule(selector: str, declarations: dict[str, str]) -> Rule | None:
    """A selector's rule, or None where it names more than tags and classes held in
    tags and classes (a sibling, an attribute, a pseudo-class other than ::before)."""
    parts = COMPOUNDS.split(selector.strip())
    combinators = [c or " " for c in parts[1::2]]
    matched = [m for c in parts[::2] if (m := LAST.fullmatch(c))]
    if len(matched) != len(parts[::2]) or any(m[3] for m in matched[:-1]):
        return None
    if any(c in "+~" for c in combinators):
        return None
    elements = [((m[1] or "").lower(), frozenset(filter(None, m[2].split(".")))) for m in matched]
    parents = (c == ">" for c in reversed(combinators))
    holders = tuple(zip(parents, reversed(elements[:-1]), strict=True))
    (tag, classes), last = elements[-1], matched[-1]
    return Rule(tag, classes, bool(last[3]), declarations, holders)


def pairs(value: str, default: int) -> list[tuple[str, int]]:
    """ "item 2 part" as [("item", 2), ("part", default)]; "none" as none."""
    out: list[tuple[str, int]] = []
    for word in value.split():
        if re.fullmatch(r"-?\d+", word) and out:
            out[-1] = (out[-1][0], int(word))
        elif word != "none":
            out.append((word, default))
    return out


def styled(value: int, kind: str) -> str:
    if kind in ("lower-alpha", "lower-latin") and 0 < value <= 26:
        return chr(96 + value)
    if kind in ("upper-alpha", "upper-latin") and 0 < value <= 26:
        return chr(64 + value)
    if kind in ("lower-roman", "upper-roman") and value > 0:
        numeral = roman(value)
        return numeral.upper() if kind == "upper-roman" else numeral
    return str(value)


ROMAN = tuple(
    zip(
        ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"],
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        strict=True,
    )
)


def roman(n: int) -> str:
    out = ""
    for numeral, value in ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out
