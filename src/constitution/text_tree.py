"""A clause's words as a small tree, parsed once from its MyST: what every output walks.

A clause (or an introduction) is paragraphs and lists; a paragraph holds words, line
breaks, emphasis, strong words, code, links, and the protocol's three roles: a reference
to a paragraph by ID, a defined term, a statute. Nothing else: the gate refuses any other
markup in the protocol (see source.check_safe), so the tree holds all a clause can say.
The tree is parsed with the markdown-it configuration MyST's Sphinx build reads with,
raw HTML off (it stays text, as on the site); words with no mark-up beyond our roles and
plain emphasis are read to the same tree without it (text_direct.py), and markdown-it is
imported only when a text needs it. The nodes are text_nodes.py's.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from constitution.text_direct import read
from constitution.text_nodes import (
    ITEM_LABEL,
    NAMES,
    ROLES,
    Block,
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
    item_label,
    role_target,
    unlabelled,
)

# The nodes are imported from here too: the tree and its nodes, one module to name.
__all__ = [
    "BLOCKS",
    "INLINES",
    "ITEM_LABEL",
    "MEMO",
    "NAMES",
    "ROLES",
    "Block",
    "BulletList",
    "Code",
    "Emphasis",
    "HardBreak",
    "Inline",
    "Link",
    "OrderedList",
    "Paragraph",
    "Ref",
    "SoftBreak",
    "Statute",
    "Strong",
    "Term",
    "Text",
    "Tree",
    "cites",
    "cites_of",
    "inlines",
    "item_label",
    "known_cites",
    "markdown",
    "myst",
    "normalize",
    "parse",
    "role_target",
    "tree_of",
    "unlabelled",
]

if TYPE_CHECKING:  # imported where a text needs markdown-it: the gate mostly does not
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

# The block and inline kinds the tree holds, as markdown-it names their tokens; the gate
# refuses every other kind in a clause or an introduction.
BLOCKS = frozenset(
    {"paragraph", "bullet_list", "ordered_list", "list_item", "inline", "myst_line_comment"}
)
INLINES = frozenset(
    {"text", "softbreak", "hardbreak", "em", "strong", "code_inline", "link", "myst_role"}
)


def myst() -> MarkdownIt:
    """A new parser of MyST as the site's build configures it, for the tool's own reading.
    Two of its core rules do nothing for the tool: its word count (which nothing reads),
    and its newline normalising, a pattern's replacement of every line break by itself
    (0.02 s of reading the sections of 5,000 clauses), done here only where there is a
    carriage return or NUL to replace."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    md = create_md_parser(MdParserConfig(), RendererHTML).disable("wordcount")
    md.core.ruler.at("normalize", normalize)
    return md


def normalize(state: StateCore) -> None:
    """markdown-it's normalize rule: CR LF and CR to LF, NUL to U+FFFD."""
    src = state.src
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    state.src = src.replace("\0", "\ufffd") if "\0" in src else src


@cache
def markdown() -> MarkdownIt:
    """MyST's parser for a clause's words: raw HTML is text."""
    return myst().disable(["html_block", "html_inline"])


MEMO = 65536  # texts kept: their trees (parse), what they cite (cites_of)


@lru_cache(maxsize=MEMO)  # a clause's words are the same in most versions
def parse(text: str) -> Tree:
    """The tree of a clause's (or an introduction's) MyST: read directly where its words
    are plain (text_direct.py), else by markdown-it. Markup the tree cannot hold is left
    out: the gate refuses it before any output is drawn."""
    tree = read(text)
    return tree_of(markdown().parse(text)) if tree is None else tree


def tree_of(tokens: list[Token]) -> Tree:
    """The tree of markdown-it's tokens (which the gate has checked, see source.py)."""
    return _blocks(iter(tokens), "")


def _blocks(tokens: Iterator[Token], until: str) -> Tree:
    blocks: list[Block] = []
    for token in tokens:
        if token.type == until:
            break
        if token.type == "inline":
            blocks.append(Paragraph(_inlines(iter(token.children or []), "")))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items = []
            close = token.type.replace("_open", "_close")
            for item in tokens:
                if item.type == close:
                    break
                items.append(_blocks(tokens, "list_item_close"))
            if token.type == "bullet_list_open":
                blocks.append(BulletList(tuple(items)))
            else:
                blocks.append(OrderedList(int(token.attrs.get("start", 1)), tuple(items)))
    return tuple(blocks)


def _inlines(tokens: Iterator[Token], until: str) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for token in tokens:
        kind = token.type
        if kind == until:
            break
        if kind == "text" and not token.content:
            continue
        if kind == "text":
            if out and isinstance(out[-1], Text):  # markdown-it splits text at escapes
                out[-1] = Text(out[-1].text + token.content)
            else:
                out.append(Text(token.content))
        elif kind == "softbreak":
            out.append(SoftBreak())
        elif kind == "hardbreak":
            out.append(HardBreak())
        elif kind == "code_inline":
            out.append(Code(token.content))
        elif kind == "em_open":
            out.append(Emphasis(_inlines(tokens, "em_close")))
        elif kind == "strong_open":
            out.append(Strong(_inlines(tokens, "strong_close")))
        elif kind == "link_open":
            out.append(Link(str(token.attrs.get("href", "")), _inlines(tokens, "link_close")))
        elif kind == "myst_role" and (role := ROLES.get(str(token.meta.get("name")))):
            out.append(role(*role_target(token.content)))
    return tuple(out)


def inlines(tree: Tree) -> Iterator[Inline]:
    """Every inline of the tree, in reading order, nested ones after their parent."""
    for block in tree:
        if isinstance(block, Paragraph):
            yield from _walk(block.children)
        else:
            for item in block.items:
                yield from inlines(item)


def _walk(children: tuple[Inline, ...]) -> Iterator[Inline]:
    for child in children:
        yield child
        if isinstance(child, Emphasis | Strong | Link):
            yield from _walk(child.children)


def cites(tree: Tree) -> tuple[str, ...]:
    """The IDs the text refers to with {para}, in order."""
    return tuple(node.target for node in inlines(tree) if isinstance(node, Ref))


def cites_of(text: str) -> tuple[str, ...]:
    """``cites(parse(text))``, without parsing words that cite nothing (most): a reference
    is only ever written as the role {para}. Reading five adopted versions of 2,000
    paragraphs parsed every one, a third of each command's reading of the records."""
    if "{para}" not in text:
        return ()
    found = _CITED.get(text)
    return cites(parse(text)) if found is None else found


# What each text with a reference cites, as the protocol's reader found it from the tree
# it parsed (known_cites): the latest version's paragraphs, whose model the draft is
# numbered against, mostly say what the draft says, and parsing them again cost a fresh
# gate 0.05 s at 5,000 paragraphs. Bounded as parse's memo is.
_CITED: dict[str, tuple[str, ...]] = {}


def known_cites(text: str, tree: Tree) -> tuple[str, ...]:
    """``cites(tree)``, ``tree`` being ``text``'s, kept for cites_of."""
    found = cites(tree)
    if "{para}" in text:
        if len(_CITED) >= MEMO:
            _CITED.clear()
        _CITED[text] = found
    return found
