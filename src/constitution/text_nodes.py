"""The nodes of a clause's tree (text_tree.py): what every output walks, whichever reader
made it (markdown-it, or text_direct.py for plain words)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# An item's label, as protocols letter or number their items: "a.", "(b)", "(iv)", "2)",
# in capitals too ("(A)", "IV.")
ITEM_LABEL = re.compile(r"^\(?([a-zA-Z]|[ivx]{1,5}|[IVX]{1,5}|\d{1,3})[.)]\s+")


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class SoftBreak:
    """A line end inside a paragraph, as written."""


@dataclass(frozen=True, slots=True)
class HardBreak:
    """A line end the reader sees (a backslash or two spaces before it)."""


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Ref:
    """{para}`ID`: shown as "paragraph N" in the reader's version's numbering."""

    shown: str  # as written; outputs show the number, the writer keeps it
    target: str

    @property
    def words(self) -> str | None:
        """The reference's own words ({para}`3.1 <ID>`), if it has any: it then reads as
        its number alone (numbering.reference)."""
        return self.shown if self.shown != self.target else None


@dataclass(frozen=True, slots=True)
class Term:
    """{defined}`term` or {defined}`shown words <term>`: linked to its definition."""

    shown: str
    target: str


@dataclass(frozen=True, slots=True)
class Statute:
    """{statute}`key`: the statute's title (or the shown words), linked to the statute."""

    shown: str
    target: str


ROLES: dict[str, type[Ref] | type[Term] | type[Statute]] = {
    "para": Ref,
    "defined": Term,
    "statute": Statute,
}
NAMES = {kind: name for name, kind in ROLES.items()}
Inline = Text | Code | SoftBreak | HardBreak | Emphasis | Strong | Link | Ref | Term | Statute


@dataclass(frozen=True, slots=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Block, ...], ...]

    @property
    def labelled(self) -> bool:
        """Every item begins with its own label ("(a) ...", "ii) ..."), as imported
        protocols letter their items: every output shows the labels, and no bullet."""
        return bool(self.items) and all(item_label(item) for item in self.items)


@dataclass(frozen=True, slots=True)
class OrderedList:
    start: int
    items: tuple[tuple[Block, ...], ...]


Block = Paragraph | BulletList | OrderedList
Tree = tuple[Block, ...]


def item_label(item: tuple[Block, ...]) -> str:
    """The label an item's words begin with, with the space after it ("(a) "), or ''; a
    label in bold ("**(a)** ...") is one too, when the bold holds the label alone."""
    first = item[0] if item else None
    if not isinstance(first, Paragraph) or not first.children:
        return ""
    lead, *rest = first.children
    if isinstance(lead, Text):
        found = ITEM_LABEL.match(lead.text)
        return found.group() if found else ""
    bold = _bold_text(lead)
    if bold is None or not rest or not isinstance(rest[0], Text):
        return ""
    found = ITEM_LABEL.match(bold + rest[0].text)
    return found.group() if found and found.end() > len(bold) == len(bold.rstrip()) else ""


def bold_label(item: tuple[Block, ...]) -> bool:
    """Whether the item's label is written in bold ("**(a)** ...")."""
    first = item[0] if item else None
    if not isinstance(first, Paragraph) or not first.children:
        return False
    return _bold_text(first.children[0]) is not None and bool(item_label(item))


def _bold_text(node: Inline) -> str | None:
    """The words of a bold run of plain words alone, or None."""
    if isinstance(node, Strong) and len(node.children) == 1 and isinstance(node.children[0], Text):
        return node.children[0].text
    return None


def unlabelled(item: tuple[Block, ...]) -> tuple[Block, ...]:
    """The item without the label its words begin with, for an output that sets the label
    apart (a list's marker, a run before a tab)."""
    label = item_label(item)
    if not label:
        return item
    first = item[0]
    assert isinstance(first, Paragraph)
    lead, *after = first.children
    taken = len(label)
    if (bold := _bold_text(lead)) is not None:  # the bold label, then the space after it
        lead, *after = after
        taken -= len(bold)
    assert isinstance(lead, Text)
    rest = lead.text[taken:]
    words = ((Text(rest),) if rest else ()) + tuple(after)
    return (Paragraph(words), *item[1:])


def role_target(body: str) -> tuple[str, str]:
    """Split a role's body into (shown text, target); plain bodies are both.

    Found by position, not by a pattern: '(.*?)\\s*<([^<>]+)>$' backtracked quadratically
    on a body of many spaces (20,000 took a second, in every clause that held one)."""
    core = body.removesuffix("\n")  # as '$' allows one final line end
    start = core.rfind("<")
    target = core[start + 1 : -1]
    if start >= 0 and core.endswith(">") and target and ">" not in target:
        return core[:start].rstrip(), target.strip()
    return body, body.strip()
