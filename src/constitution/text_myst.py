"""The one MyST writer: a clause's (or an introduction's) tree as the text the protocol's
files hold, such that reading it back (text_tree.parse) gives the same tree.

Words are escaped wherever MyST would read them as mark-up, so that words taken from
elsewhere (an imported Word file) stay words, whether by accident or by design.
"""

from __future__ import annotations

import re

from constitution.text_tree import (
    NAMES,
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
    role_target,
)

# Characters that begin mark-up anywhere in a line; '_' only at a word's edge, where it
# can begin or end emphasis; '&' only where it begins an entity.
INLINE = re.compile(r"[\\`*\[\]<]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?\w+;)")
# What begins a block when it starts a line: a heading, a quotation, a list, a rule, a
# table, a comment, a fence, a definition or a target.
LINE_START = re.compile(r"^(?:[#>+=|%:~]|[-*_](?=[ -*_]|$)|\([^)]*\)=)")
NUMBERED = re.compile(r"^(\d+)([.)])")


def escape(text: str, line_start: bool) -> str:
    text = INLINE.sub(lambda m: "\\" + m.group(0), text)
    return at_line_start(text) if line_start else text


def at_line_start(text: str) -> str:
    """One line of words read where mark-up that begins a block does not apply (a
    heading's), escaped as the same words starting a paragraph: '1. Purpose' stays words."""
    return NUMBERED.sub(r"\1\\\2", LINE_START.sub(lambda m: "\\" + m.group(0), text))


def write(tree: Tree) -> str:
    """The tree as MyST: blocks apart by a blank line."""
    out: list[str] = []
    previous: Block | None = None
    marker, suffix = "-", "."
    for block in tree:
        # Two lists one after another would be read as one: the second changes its marker.
        marker = ("*" if marker == "-" else "-") if isinstance(previous, BulletList) else "-"
        suffix = (")" if suffix == "." else ".") if isinstance(previous, OrderedList) else "."
        out.append(_block(block, marker, suffix))
        previous = block
    return "\n\n".join(out)


def _block(block: Block, marker: str, suffix: str) -> str:
    if isinstance(block, Paragraph):
        return _inlines(block.children, True)
    lines = []
    for n, item in enumerate(block.items, start=getattr(block, "start", 1)):
        bullet = f"{marker} " if isinstance(block, BulletList) else f"{n}{suffix} "
        body = write(item).replace("\n", "\n" + " " * len(bullet))
        lines.append(bullet + re.sub(r"\n +\n", "\n\n", body))
    return "\n".join(lines)


def _inlines(children: tuple[Inline, ...], line_start: bool) -> str:
    out = []
    for node in children:
        if isinstance(node, Text):
            out.append(escape(node.text, line_start))
        elif isinstance(node, SoftBreak):
            out.append("\n")
        elif isinstance(node, HardBreak):
            out.append("\\\n")
        elif isinstance(node, Code):
            fence = "`" * (max(map(len, re.findall("`+", node.text)), default=0) + 1)
            pad = " " if node.text.startswith("`") or node.text.endswith("`") else ""
            out.append(f"{fence}{pad}{node.text}{pad}{fence}")
        elif isinstance(node, Emphasis):
            out.append(f"*{_inlines(node.children, False)}*")
        elif isinstance(node, Strong):
            out.append(f"**{_inlines(node.children, False)}**")
        elif isinstance(node, Link):
            href = f"<{node.href}>" if re.search(r"[\s()<>]", node.href) else node.href
            out.append(f"[{_inlines(node.children, False)}]({href})")
        elif isinstance(node, Ref | Term | Statute):
            body = node.shown
            if role_target(body) != (node.shown, node.target):
                body = f"{node.shown} <{node.target}>"
            out.append(f"{{{NAMES[type(node)]}}}`{body}`")
        line_start = isinstance(node, SoftBreak | HardBreak)
    return "".join(out)
