"""The direct reader of a clause's words (text_direct.py) gives markdown-it's own tree, or
gives way to markdown-it: on every clause and introduction of the fixtures, on made-up
edge cases and on texts generated from fragments that begin or end each kind of mark-up."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from constitution.source import markdown_tokens
from constitution.text_direct import read
from constitution.text_tree import (
    Emphasis,
    HardBreak,
    Paragraph,
    Ref,
    SoftBreak,
    Strong,
    Term,
    markdown,
    parse,
    tree_of,
)
from constitution.text_tree import Text as Words


def by_markdown_it(text: str) -> object:
    return tree_of(markdown().parse(text))


def agrees(text: str) -> bool:
    """Whether the reader gave way, or gave exactly markdown-it's tree."""
    direct = read(text)
    return direct is None or direct == by_markdown_it(text)


def fixture_texts() -> list[str]:
    """Every clause's words and every top-level paragraph or list item of every MyST file
    of the fixture projects."""
    texts = []
    for path in sorted((ROOT / "tests" / "roots").rglob("*.md")):
        for token in markdown_tokens(path.read_text(encoding="utf-8")):
            if token.type == "fence" and token.info.startswith("{clause}"):
                texts.append(token.content.partition("\n\n")[2].strip("\n"))
            elif token.type == "inline":
                texts.append(token.content)
    return texts


def test_every_fixture_text_reads_as_markdown_it_reads_it() -> None:
    texts = fixture_texts()
    assert len(texts) > 1000
    taken = [text for text in texts if read(text) is not None]
    assert len(taken) > 1000  # the docs pages hold code and links: given way
    for text in taken:
        assert read(text) == by_markdown_it(text), text


def test_every_clause_of_the_model_protocol_is_read_directly() -> None:
    # The model's clauses are what real ones look like: words, roles, defined terms in
    # strong words. A clause given way would be read slower, not wrongly.
    protocol = ROOT / "tests" / "roots" / "model" / "protocol"
    clauses = [
        token.content.partition("\n\n")[2].strip("\n")
        for path in sorted(protocol.glob("*.md"))
        for token in markdown_tokens(path.read_text(encoding="utf-8"))
        if token.type == "fence" and token.info.startswith("{clause}")
    ]
    assert len(clauses) == 208
    assert [text for text in clauses if read(text) is None] == []


# Texts the reader takes, with the tree it must give (markdown-it's, held too).
TAKEN = {
    "Plain words.": (Paragraph((Words("Plain words."),)),),
    "One\ntwo  \nthree \nfour": (
        Paragraph(
            (
                Words("One"),
                SoftBreak(),
                Words("two"),
                HardBreak(),
                Words("three"),
                SoftBreak(),
                Words("four"),
            )
        ),
    ),
    "See {para}`3.1 <MOP-0001>`  \n{defined}`the days <working day>`.": (
        Paragraph(
            (
                Words("See "),
                Ref("3.1", "MOP-0001"),
                HardBreak(),
                Term("the days", "working day"),
                Words("."),
            )
        ),
    ),
    "**Member** means *a* member.\n\n\n(a) second, 12 days": (
        Paragraph(
            (
                Strong((Words("Member"),)),
                Words(" means "),
                Emphasis((Words("a"),)),
                Words(" member."),
            )
        ),
        Paragraph((Words("(a) second, 12 days"),)),
    ),
    "Ünïcode — “quoted” {para}`MOP-0002`; 5 > 4 # not a heading": (
        Paragraph(
            (
                Words("Ünïcode — “quoted” "),
                Ref("MOP-0002", "MOP-0002"),
                Words("; 5 > 4 # not a heading"),
            )
        ),
    ),
}


@pytest.mark.parametrize("text", list(TAKEN))
def test_plain_words_roles_and_emphasis_are_read_directly(text: str) -> None:
    assert read(text) == TAKEN[text]
    assert by_markdown_it(text) == TAKEN[text]


# Edge cases, each given way to markdown-it (and parse still gives markdown-it's tree).
GIVEN_WAY = [
    "An escaped \\{para}`MOP-0001` and \\*star\\*",
    "A line broken by hand\\\nhere",
    "A backslash \\ alone",
    "Some `code` and {para}``MOP-0001``",
    "snake_case and 2*3*4 and **bold**text and * not emphasis *",
    "__strong__ and _em_ and intra_word_under",
    "Raw <b>HTML</b> and <https://example.org>",
    "A [link](https://example.org) and ![image](x.png) and [^1]",
    "&amp; an entity",
    "- a list\n- of two",
    "* a star list",
    "1. a numbered list",
    "12) another",
    "| a | b |\n| - | - |\n| 1 | 2 |",
    "A title\n=======",
    "A title\n---",
    "# A heading",
    "> quoted",
    "    indented code",
    " one leading space",
    "(target)=",
    "% a comment",
    "+++",
    "{unknown}`role` here",
    "{para}`MOP-0001\nacross lines`",
    "{para}`unclosed",
    "tab\there",
    "carriage\r\nreturn",
    "nul\0here",
    "non\u00a0breaking and\u2028separator",
    "~~struck~~",
    "***",
]


@pytest.mark.parametrize("text", GIVEN_WAY)
def test_what_the_reader_is_not_sure_of_goes_to_markdown_it(text: str) -> None:
    assert read(text) is None
    assert parse(text) == by_markdown_it(text)


# Fragments that begin, end or look like each kind of mark-up, joined at random.
FRAGMENTS = [
    "words",
    "Words, more.",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n  \n",
    "{para}`MOP-0001`",
    "{para}`3.1 <MOP-0002>`",
    "{defined}`term`",
    "{statute}`key <a>`",
    "{other}`x`",
    "{para}``x``",
    "`",
    "*",
    "**",
    "_",
    "a*b",
    "*x*",
    "**x y**",
    "\\",
    "<",
    ">",
    "&",
    "[",
    "]",
    "(",
    ")=",
    "#",
    "-",
    "=",
    "+",
    "1.",
    "2)",
    "12",
    "|",
    "~",
    "é",
    "“",
    ".",
    ",",
    ":",
    "\t",
    "\r",
    "\0",
    "\u00a0",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_generated_texts_read_as_markdown_it_reads_them(parts: list[str]) -> None:
    assert agrees("".join(parts))
