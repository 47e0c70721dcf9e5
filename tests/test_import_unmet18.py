"""The importer on five protocols made by software no earlier trial met
(import_unmet18.py makes the Word file from tests/import_unmet18): the text
`pdftotext -layout` writes from a PDF, a Google Docs web page, a Word "Web Page,
Filtered" file, a Word file built from content controls, and the Markdown pandoc writes
from a Word file. Every word in is a word out, the structure is as a careful reader
reads it, the site publishes the numbers printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution.extract_html import read_page
from constitution.import_markup import CELL_BREAK
from constitution.importer import import_protocol
from import_trial import trial_tests
from import_unmet18 import NAMES, SOURCES, handed_over

test_read_as_gold, test_published_as_gold, test_gold_reads_every_source = trial_tests(
    NAMES, SOURCES, handed_over
)


def test_a_running_head_on_every_page_but_the_first_is_the_page_s(tmp_path: Path) -> None:
    """pdftotext's text of three pages, a form feed ending each (the last too): a line at
    the top of pages 2 and 3 alike is their running head (the first page's head is its
    own, as Word's "different first page" sets it), left out, not a paragraph's words."""
    head = "Borough Council                              Protocol"
    pages = [
        "Protocol\n\n1.        Scope\n\n1.1       Members decide\n\n     Page 1 of 3\n",
        f"{head}\n\n          the Council's policies.\n\n1.2       Officers advise.\n\n"
        "     Page 2 of 3\n",
        f"{head}\n\n2.        Roles\n\n2.1       Officers serve.\n\n     Page 3 of 3\n",
    ]
    source = tmp_path / "protocol.txt"
    source.write_text("\f".join(pages) + "\f", encoding="utf-8")
    doc = import_protocol(source)
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members decide the Council's policies."],
        ["Officers advise."],
        ["Officers serve."],
    ]
    assert [" ".join(line.text.split()) for line, _ in doc.left_out].count(
        " ".join(head.split())
    ) == 2


def test_a_style_rule_matches_the_elements_holding_it() -> None:
    """ ".lst-1 > li" is an item of a list classed "lst-1", not every item: Google Docs
    numbers each level of a list with a counter of its own, each item a list of one."""
    style = (
        ".lst-0>li{counter-increment:l0}.lst-1>li{counter-increment:l1}"
        "ol.lst-0{list-style-type:none}ol.lst-1{list-style-type:none}"
        '.lst-0>li:before{content:"" counter(l0,decimal) ". "}'
        '.lst-1>li:before{content:"" counter(l0,decimal) "." counter(l1,decimal) " "}'
        "ol.lst-0.start{counter-reset:l0 0}ol.lst-1.start{counter-reset:l1 0}"
        "div ol.other>li{counter-increment:l0}"
    )
    page = (
        f"<html><head><style>{style}</style></head><body>"
        "<ol class='lst-0 start' start='1'><li>Scope</li></ol>"
        "<ol class='lst-1 start' start='1'><li>Members decide.</li></ol>"
        "<ol class='lst-1' start='2'><li>Officers advise.</li></ol>"
        "<ol class='lst-0' start='2'><li>Roles</li></ol>"
        "<ol class='lst-1 start' start='1'><li>Officers serve.</li></ol>"
        "<ol class='other lst-1'><li>Members lead.</li></ol></body></html>"
    )
    assert [text for text, _, _ in read_page(page).lines] == [
        "1. Scope",
        "1.1 Members decide.",
        "1.2 Officers advise.",
        "2. Roles",
        "2.1 Officers serve.",
        "2.2 Members lead.",  # "div ol.other > li" is in no div: not counted as l0
    ]


def test_words_a_style_hides_within_a_block_are_not_drawn() -> None:
    """A run styled display:none (Word's hidden text: its contents' page numbers) is not
    on the page; a block hidden so is a panel a reader opens, its words the page's."""
    lines = read_page(
        "<p><a href='#s1'>1. Scope<span style='display:none'>. </span>"
        "<span style='color:red;display: none'>3</span></a></p>"
        "<div style='display:none'><p>1.1 Members decide.</p></div>"
    ).lines
    assert [text for text, _, _ in lines] == ["1. Scope", "1.1 Members decide."]


@pytest.mark.parametrize(
    ("mark", "note"),
    [
        (
            "<sup><a href='#cmnt1' id='cmnt_ref1'>[a]</a></sup>",
            "<div><p><a href='#cmnt_ref1' id='cmnt1'>[a]</a><span>Check this.</span></p></div>",
        ),
        (
            "<a class=msocomanchor id='_anchor_1' href='#_msocom_1'>[JP1]</a>",
            "<div class=msocomtxt id='_com_1'><p>Check this.</p></div>",
        ),
    ],
)
def test_a_reviewer_s_comment_is_left_out_and_its_mark_is_no_word(
    tmp_path: Path, mark: str, note: str
) -> None:
    """A comment a word processor's web page carries (Google Docs', Word's): its mark in
    the text is no word, its words are the reviewer's, left out and listed."""
    page = tmp_path / "protocol.html"
    page.write_text(
        "<html><body><p class='title'>Protocol</p><h2>1. Scope</h2>"
        f"<p>1.1 Members decide{mark} in public.</p><p>1.2 Officers advise.</p>{note}"
        "</body></html>",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members decide in public."],
        ["Officers advise."],
    ]
    assert [line.text.split("]")[-1] for line, _ in doc.left_out] == ["Check this."]


def test_a_line_over_the_title_style_is_the_document_s_header(tmp_path: Path) -> None:
    """A paragraph in the Title style (class "title", Word's "MsoTitle") is the title;
    the line over it, at the page's top, the document's header (Google Docs writes it
    first), left out."""
    page = tmp_path / "protocol.html"
    page.write_text(
        "<html><body><div><p>Borough Council - Constitution Part 5</p></div>"
        "<p class='c3 title'>Protocol</p><p>Adopted in 2024.</p>"
        "<h2>1. Scope</h2><p>1.1 Members decide.</p></body></html>",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert (doc.title, doc.intro.paragraphs) == ("Protocol", ["Adopted in 2024."])
    assert [line.text for line, _ in doc.left_out] == ["Borough Council - Constitution Part 5"]


PANDOC = """---
title: Protocol
---

Adopted in 2024 by the Borough Council, and reviewed by its Standards
**Committee** each year.

# []{#_Toc1 .anchor}1. Scope {#scope}

1.1 Members use the terms below.[^1]

+---------+----------------------+
| Member  | a councillor, or a   |
|         | co-opted member      |
+---------+----------------------+
| Officer | an employee          |
+---------+----------------------+

1.2 Officers advise [members]{.underline}:

\\(a) in writing; or

\\(b) in person.

[^1]: The terms are the Council's
    own.
"""


def test_pandoc_s_markdown_is_read_as_pandoc_draws_it(tmp_path: Path) -> None:
    """The front matter's title is the page's where no heading is over its words; a
    span's and a heading's attributes and a backslash's escape are not drawn; a line's
    end is no paragraph's end; a grid table's rows are rows; a footnote goes with the
    paragraph citing it."""
    source = tmp_path / "protocol.md"
    source.write_text(PANDOC, encoding="utf-8")
    doc = import_protocol(source)
    assert (doc.title, doc.intro.paragraphs) == (
        "Protocol",
        [
            "Adopted in 2024 by the Borough Council, and reviewed by its Standards "
            "**Committee** each year."
        ],
    )
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Scope")]
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            "Members use the terms below.[1]",
            f"- Member{CELL_BREAK}a councillor, or a co-opted member",
            f"- Officer{CELL_BREAK}an employee",
            "[1] The terms are the Council's own.",
        ],
        ["Officers advise *members*:", "- (a) in writing; or", "- (b) in person."],
    ]
    assert [line.text for line, _ in doc.left_out] == ["---", "---"]
