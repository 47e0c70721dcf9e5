"""A clause's words as plain text: what the redline, the report, search and the exports
show. References read "paragraph 7.12" in the given version's numbering; defined terms and
statutes read as their shown words; marks may wrap strong and emphasised words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from constitution.model import Document
from constitution.numbering import reference
from constitution.text_tree import (
    BulletList,
    Code,
    Emphasis,
    HardBreak,
    Inline,
    Link,
    Paragraph,
    Ref,
    SoftBreak,
    Statute,
    Strong,
    Term,
    Text,
    Tree,
    item_label,
)


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Marks:
    """How an output marks words: its escaping of text, and its strong and emphasis."""

    text: Callable[[str], str] = _same
    strong: Callable[[str], str] = _same
    emphasis: Callable[[str], str] = _same


PLAIN = Marks()


def words(children: tuple[Inline, ...], document: Document, marks: Marks = PLAIN) -> str:
    """One paragraph's words."""
    out = []
    for node in children:
        if isinstance(node, Text | Code):
            out.append(marks.text(node.text))
        elif isinstance(node, SoftBreak | HardBreak):
            out.append("\n")
        elif isinstance(node, Strong):
            out.append(marks.strong(words(node.children, document, marks)))
        elif isinstance(node, Emphasis):
            out.append(marks.emphasis(words(node.children, document, marks)))
        elif isinstance(node, Link):
            out.append(words(node.children, document, marks))
        elif isinstance(node, Ref):
            out.append(marks.text(cited(node, document)))
        elif isinstance(node, Term | Statute):
            out.append(marks.text(node.shown))
    return "".join(out)


def cited(node: Ref, document: Document) -> str:
    """How a reference reads: "paragraph 7.12" in the document's numbering; a paragraph of
    another document as that document is cited ("Article 2.1"); else its ID."""
    if clause := document.clause(node.target):
        return reference(clause.number, node.words, document.cites)
    if found := document.elsewhere.get(node.target):
        number, as_cited = found
        return as_cited if node.words is None else reference(number, node.words)
    return node.target


def plain(tree: Tree, document: Document, marks: Marks = PLAIN) -> str:
    """The words of a clause or an introduction: paragraphs apart by a blank line, each
    item of a list on a line of its own after its bullet or number (or its own label)."""
    blocks = []
    for block in tree:
        if isinstance(block, Paragraph):
            blocks.append(words(block.children, document, marks))
        else:
            first = block.start if not isinstance(block, BulletList) else 0
            lines = []
            labelled = isinstance(block, BulletList) and block.labelled
            for n, item in enumerate(block.items, start=first):
                bullet = "- " if isinstance(block, BulletList) else f"{n}. "
                # an item with its own label ("(a) ") shows it alone, its lines under it
                hang = " " * len(item_label(item) if labelled else bullet)
                text = plain(item, document, marks).replace("\n", "\n" + hang)
                lines.append(text if labelled else bullet + text)
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
