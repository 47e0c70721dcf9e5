"""A clause's tree read directly where its words need no block parsing: paragraphs of
plain words and the protocol's three roles, as markdown-it would read them; None for
anything else, which markdown-it reads (text_tree.parse).

markdown-it finds a paragraph's lines and each inline by rules in Python tried at every
mark; most clauses are sentences with a reference or a defined term, and their tree is
known from the text alone. The reader takes only what it is sure of:

- paragraphs apart by blank lines (lines of spaces or nothing), each line starting with
  a letter, a character beyond ASCII, a digit not followed by '.' or ')' (a numbered
  list), a quotation mark, '{' (a role), '*' or '**' before a letter or digit (emphasis:
  no list item or rule), or '(' where the line holds no ')=' (a MyST target); no other
  first character, and no leading space (an indented line may be
  code, or a list's continuation);
- in a paragraph: words, line ends (a soft break; two spaces or more before one, a hard
  break, as markdown-it reads them), roles written {name}`body` with one backtick on
  each side, a body on one line and a name of the three roles the tree holds, and
  emphasis or strong words of plain words in the one shape EMPHASIS says.

Anything else goes to markdown-it: a backslash (escapes, hard breaks), a backtick not a
role's (code), '*' and '_' but in that shape (emphasis), '[', ']' and '!' (links,
images, footnotes), '<' (autolinks; raw HTML, shown as text), '&' (entities), '{' and
'}' not in a role (an unknown role, or a role of two backticks), '|' and '~', NUL, and
any white space but the space and the line end (a tab, a carriage return, U+00A0...).
tests/test_text_direct.py holds this reader to markdown-it's tree on every clause of the
fixtures, on made-up edge cases and on generated texts.
"""

from __future__ import annotations

import re

from constitution.text_nodes import (
    ROLES,
    Emphasis,
    HardBreak,
    Inline,
    Paragraph,
    SoftBreak,
    Strong,
    Text,
    Tree,
)
from constitution.text_nodes import role_target as split_role

# One of the tree's roles, one backtick each side, its body on one line.
ROLE = re.compile(rf"\{{({'|'.join(ROLES)})\}}`([^`\n]+)`")
# Emphasis or strong words with nothing in them to doubt: '*' or '**' after a space, a
# line end or the start, a letter or digit first and last inside, and after the closing
# run a space, a line end, the end or '.,;:'. Each run can then only open (or only close)
# and the two pair, whatever the delimiter rules' finer points (no '_': its rules differ
# inside words).
EMPHASIS = re.compile(
    r"(?:(?<=[ \n])|^)(\*\*?)([A-Za-z0-9](?:[^*\n]*[A-Za-z0-9])?)\1(?=[ \n.,;:]|$)"
)
# What markdown-it may read as mark-up, outside a role, or may change (see above).
UNSURE = re.compile(r"[\\`*_\[\]!<&{}|~\0]|[^\S \n]")
# A line that can start nothing but a paragraph, or continue one.
FIRST = re.compile(r"[^\x00-\x40\[-`{-\x7f]|[0-9]+[^.)0-9]|[\"'{(]|\*\*?[A-Za-z0-9]")


def read(text: str) -> Tree | None:
    """The tree markdown-it gives ``text``, or None where the reader is not sure of it."""
    paragraphs: list[Paragraph] = []
    lines: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.strip(" "):
            if not FIRST.match(line) or (line[0] == "(" and ")=" in line):
                return None
            lines.append(line)
        elif lines:
            children = _inlines("\n".join(lines).strip(" "))
            if children is None:
                return None
            paragraphs.append(Paragraph(children))
            lines = []
    return tuple(paragraphs)


def _inlines(words: str) -> tuple[Inline, ...] | None:
    out: list[Inline] = []
    at = 0
    for m in ROLE.finditer(words):
        if not _words(words[at : m.start()], out):
            return None
        out.append(ROLES[m[1]](*split_role(m[2])))
        at = m.end()
    if not _words(words[at:], out):
        return None
    return tuple(out)


def _words(words: str, out: list[Inline]) -> bool:
    """Words, emphasis and line ends, appended to ``out``; False if they hold anything
    unsure."""
    at = 0
    for m in EMPHASIS.finditer(words):
        if not _plain(words[at : m.start()], out) or UNSURE.search(m[2]):
            return False
        out.append((Strong if len(m[1]) == 2 else Emphasis)((Text(m[2]),)))
        at = m.end()
    return _plain(words[at:], out)


def _plain(words: str, out: list[Inline]) -> bool:
    """Words and line ends, appended to ``out``; False if they hold anything unsure."""
    if UNSURE.search(words):
        return False
    lines = words.split("\n")
    for i, line in enumerate(lines):
        if i:
            line = line.lstrip(" ")
        if i < len(lines) - 1:
            kept = line.rstrip(" ")
            if kept:
                out.append(Text(kept))
            out.append(HardBreak() if len(line) - len(kept) >= 2 else SoftBreak())
        elif line:
            out.append(Text(line))
    return True
