"""A clause's words as HTML, the same for the draft and every adopted version.

The draft's pages (through the Sphinx extension, at write time) and each adopted
version's pages draw a clause's text with this one renderer, so the same words give the
same HTML; only where the references lead differs, resolved in the version drawn. The
mark-up is the one the site's Sphinx build gives (docutils' classes), so that the theme
styles both alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from constitution.council import Statute as StatuteEntry
from constitution.model import Between, Clause, Document
from constitution.numbering import reference
from constitution.text_plain import plain
from constitution.text_tree import (
    BulletList,
    Code,
    Emphasis,
    HardBreak,
    Inline,
    Link,
    OrderedList,
    Paragraph,
    Ref,
    SoftBreak,
    Statute,
    Strong,
    Term,
    Text,
    Tree,
)
from constitution.typography import educate

if TYPE_CHECKING:
    from constitution.documents import Constitution

# As docutils writes text: '@' too, against address harvesting.
ENCODE = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;", "@": "&#64;"})
WORDS_AND_SPACES = re.compile(r"\S+| +|\n")
PAGE = re.compile(r"^([^:#?]*)\.md(#.*)?$")


def encode(text: str) -> str:
    return text.translate(ENCODE)


@dataclass
class Links:
    """Where a page's references lead: the version's clauses, the council's statutes, the
    address of a clause from the page drawn, and the page's count of defined terms (each
    term's definition needs an element ID unique on its page)."""

    document: Document
    statutes: Mapping[str, StatuteEntry]
    href: Callable[[Clause], str]
    terms: Iterator[int]
    # What another document holds: a clause referred to, a term defined (across); None
    # in a constitution of one document.
    other: Elsewhere | None = None

    def term_id(self, clause: Clause) -> str:
        return f"def-{clause.id}-{next(self.terms)}"


def term_html(label: str, uri: str, definition: str, ident: str) -> str:
    """A defined term: a link to its definition, which travels with it as its description
    (read by screen readers, shown on keyboard focus and on hover)."""
    return (
        f'<span class="defined-term"><a class="reference internal" href="{escape(uri)}" '
        f'aria-describedby="{ident}"><span class="constitution-term">'
        f'{escape(label)}</span></a><span class="term-definition" role="tooltip" '
        f'id="{ident}">{escape(definition)}</span></span>'
    )


def definition(clause: Clause, document: Document) -> str:
    return plain(clause.tree, document)


def html(tree: Tree, links: Links) -> str:
    return "".join(_block(block, links, False) for block in tree)


def clause_text(tree: Tree, links: Links) -> str:
    """A clause's words in their box, in the draft and in every adopted version."""
    return f'<div class="clause-text docutils container">\n{html(tree, links)}</div>\n'


def intro_box(words: str) -> str:
    """An introduction's words (HTML), unnumbered, before the first clause."""
    return f'<div class="intro">{words}</div>'


def between_html(words: Between, links: Links) -> str:
    """Unnumbered words between paragraphs, where they stand, in the draft and in every
    adopted version: a sub-heading at its level, or words in a box of their own."""
    if not words.level:
        return f'<div class="between">{html(words.tree, links)}</div>'
    inline = "".join(
        _inlines(b.children, links, iter(educate(runs(b.children, links.statutes))))
        for b in words.tree
        if isinstance(b, Paragraph)
    )
    return f'<h{words.level} class="between">{inline}</h{words.level}>'


def _block(block: Paragraph | BulletList | OrderedList, links: Links, alone: bool) -> str:
    if isinstance(block, Paragraph):
        shown = iter(educate(runs(block.children, links.statutes)))
        return f"<p>{_inlines(block.children, links, shown)}</p>" + ("" if alone else "\n")
    simple = all(_simple(item) for item in block.items)
    items = "".join(
        "<li>" + "".join(_block(b, links, len(item) == 1) for b in item) + "</li>\n"
        for item in block.items
    )
    if isinstance(block, BulletList):
        # Items that carry their own labels ("(a)") are shown with them in place of bullets
        # (the theme's CSS), and stay a list to screen readers: Safari (VoiceOver) drops
        # the semantics of a list drawn without markers unless its role says it is one.
        classes = " ".join(c for c, on in (("simple", simple), ("labelled", block.labelled)) if on)
        role = ' role="list"' if block.labelled else ""
        return (f'<ul class="{classes}"{role}>\n' if classes else "<ul>\n") + f"{items}</ul>\n"
    start = f' start="{block.start}"' if block.start != 1 else ""
    return f'<ol class="arabic{" simple" if simple else ""}"{start}>\n{items}</ol>\n'


def _simple(item: Tree) -> bool:
    """As docutils judges a list item compact: one paragraph, perhaps with a list after."""
    blocks = list(item)
    if (
        len(blocks) > 1
        and isinstance(blocks[0], Paragraph)
        and not isinstance(blocks[-1], Paragraph)
    ):
        blocks.pop()
    return len(blocks) <= 1


def _label(node: Statute, statutes: Mapping[str, StatuteEntry]) -> str:
    entry = statutes.get(node.target)
    return entry.title if entry and node.shown == node.target else node.shown


def runs(
    children: tuple[Inline, ...], statutes: Mapping[str, StatuteEntry]
) -> Iterator[tuple[bool, str]]:
    """The paragraph's text, run by run, for its typography: (literal, text). Every
    output that curls quotes (the site, the PDF) curls them from these runs."""
    for node in children:
        if isinstance(node, Text):
            yield False, node.text
        elif isinstance(node, SoftBreak):
            yield False, "\n"
        elif isinstance(node, Code):
            yield True, node.text
        elif isinstance(node, Emphasis | Strong | Link):
            yield from runs(node.children, statutes)
        elif isinstance(node, Ref | Term):
            yield False, node.shown
        elif isinstance(node, Statute):
            yield False, _label(node, statutes)


def _inlines(children: tuple[Inline, ...], links: Links, shown: Iterator[str]) -> str:
    out = []
    for node in children:
        if isinstance(node, Text | SoftBreak):
            out.append(encode(next(shown)))
        elif isinstance(node, HardBreak):
            out.append("<br />\n")
        elif isinstance(node, Code):
            out.append(_code(next(shown)))
        elif isinstance(node, Emphasis):
            out.append(f"<em>{_inlines(node.children, links, shown)}</em>")
        elif isinstance(node, Strong):
            out.append(f"<strong>{_inlines(node.children, links, shown)}</strong>")
        elif isinstance(node, Link):
            out.append(_link(node, links, shown))
        elif isinstance(node, Ref):
            next(shown)
            out.append(_ref(node, links))
        elif isinstance(node, Term):
            out.append(_term(node, links, next(shown)))
        elif isinstance(node, Statute):
            label, entry = next(shown), links.statutes.get(node.target)
            out.append(
                f'<a class="reference external statute" href="{encode(entry.url)}">'
                f"{encode(label)}</a>"
                if entry
                else encode(label)
            )
    return "".join(out)


def _code(text: str) -> str:
    spans = []
    for token in WORDS_AND_SPACES.findall(text.replace("\n", " ")):
        if token.strip():
            spans.append(f'<span class="pre">{encode(token)}</span>')
        else:
            spans.append("&#160;" * (len(token) - 1) + " ")
    return f'<code class="docutils literal notranslate">{"".join(spans)}</code>'


def _link(node: Link, links: Links, shown: Iterator[str]) -> str:
    """A web address, an e-mail address, or another page of the site (written as its
    source file, x.md, and published as x.html)."""
    inner = _inlines(node.children, links, shown)
    if page := PAGE.match(node.href):
        href = f"{page.group(1)}.html{page.group(2) or ''}"
        return f'<a class="reference internal" href="{encode(href)}">{inner}</a>'
    kind = "internal" if node.href.startswith("#") else "external"
    return f'<a class="reference {kind}" href="{encode(node.href)}">{inner}</a>'


def _ref(node: Ref, links: Links) -> str:
    clause = links.document.clause(node.target)
    if clause is not None:
        href, title = links.href(clause), f"Paragraph {clause.number} ({clause.id})"
        label = reference(clause.number, node.words, links.document.cites)
    elif links.other and (found := links.other(node.target, node.words)):
        href, title, label = found
    else:
        return encode(node.target)
    return (
        f'<a class="reference internal" href="{encode(href)}" title="{encode(title)}">'
        f'<span class="constitution-para">{encode(label)}</span></a>'
    )


@dataclass(frozen=True)
class Elsewhere:
    """How a page of document ``key`` links what another document holds: ``uri`` gives
    the relative address of a page from the page drawn."""

    constitution: Constitution
    key: str
    uri: Callable[[str], str]

    def __call__(self, target: str, words: str | None) -> tuple[str, str, str] | None:
        """A clause referred to: its address, title and words."""
        found = self.constitution.reference(target, self.key, words)
        if found is None:
            return None
        page, title, label = found
        return f"{self.uri(page)}#{target}", title, label

    def term(self, term: str) -> tuple[str, str, Clause] | None:
        """A term another document defines: the definition's address, its words, and its
        clause."""
        found = self.constitution.defined_elsewhere(term, self.key)
        if found is None:
            return None
        entry, clause = found
        return (
            f"{self.uri(entry.page(clause))}#{clause.id}",
            definition(clause, entry.document),
            clause,
        )


def _term(node: Term, links: Links, label: str) -> str:
    clause = links.document.definition(node.target)
    if clause is not None:
        words = definition(clause, links.document)
        return term_html(label, links.href(clause), words, links.term_id(clause))
    found = links.other.term(node.target) if links.other else None
    if found is None:
        return encode(label)
    href, words, clause = found  # defined in another document: the link leads there
    return term_html(label, href, words, links.term_id(clause))
