"""The importer on five protocols as UK councils publish them in formats other than PDF,
of kinds and layouts it had not met (import_unmet17.py makes the Word files from
tests/import_unmet17): a plain-text export hard-wrapped at 72 columns with "(i)" to "(x)"
under "(a)", a wiki's Markdown (front matter, a contents marker, lists numbered lazily),
a WordPress page whose headings are bold paragraphs and whose paragraphs are lines broken
by <br>, a Word file holding a constitution's whole Part 5 (the protocol between two
other codes), and a Word file from a council's template (a document-control table on
the cover, each section's heading in a shaded table of one cell). Every word in is a
word out, the structure is as a careful reader reads it, the site publishes the numbers
printed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from constitution import markdown_drawn
from constitution.importer import import_protocol
from constitution.modality import guess_modality
from import_trial import every_word_out, gold_reads_every_source, structure_as_read
from import_unmet17 import NAMES, SOURCES, handed_over, word
from test_import_unmet import import_as_told
from test_import_unmet11 import published_as_gold


@pytest.mark.parametrize("name", NAMES)
def test_read_and_published_as_the_gold(tmp_path: Path, name: str) -> None:
    """Every word in is a word out, the structure is as a careful reader reads it (of the
    document the gold takes, where the file holds more than one: refused without it,
    saying how to choose), and the site publishes the numbers printed."""
    source, data = handed_over(name, tmp_path)
    doc = import_as_told(source, data)
    every_word_out(doc, data)
    structure_as_read(doc, data, reported=data.get("reported", []))
    published_as_gold(tmp_path, source, data)


def test_gold_reads_every_source() -> None:
    gold_reads_every_source(NAMES, SOURCES)


def test_markdown_lists_are_numbered_as_the_page_draws_them(tmp_path: Path) -> None:
    """A Markdown list is numbered from its first item, one more for each after, whatever
    each is written with ("1." for all, as wiki authors write them); a list a paragraph
    or heading ends starts again at its own first number. Front matter and a contents
    marker are the wiki's, left out."""
    source = tmp_path / "protocol.md"
    source.write_text(
        "---\ntitle: Protocol\nupdated: 2024-01-02\n---\n\n# Protocol\n\n[TOC]\n\n"
        "## Scope\n\n1. Members decide.\n1. Officers advise,\n   and carry out decisions.\n"
        "   - in public;\n   - in private.\n1. Both serve the public.\n\n"
        "## Roles\n\n4) Members lead.\n1) Officers manage.\n\n"
        "## Meetings\n\n6. Agendas are published.\n\n7. Minutes are kept.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert [c.number for c in doc.clauses()] == ["1.", "2.", "3.", "4)", "5)", "6.", "7."]
    assert doc.clauses()[1].paragraphs == [
        "Officers advise, and carry out decisions.",
        "- in public;",
        "- in private.",
    ]
    assert [line.text for line, _ in doc.left_out] == [
        "---",
        "title: Protocol",
        "updated: 2024-01-02",
        "---",
        "[TOC]",
    ]


def test_numbers_markdown_does_not_draw_as_a_list_stay_as_typed(tmp_path: Path) -> None:
    """Lines that only look like a list's items are as typed, as CommonMark reads them:
    in a code block, and a number other than 1 after a line of a paragraph, which it
    cannot interrupt ("2024." below). "1." can, and starts a list."""
    source = tmp_path / "protocol.md"
    source.write_text(
        "# Protocol\n\n## Scope\n\n3. Members decide.\n1. Officers advise.\n\n"
        "```\n1. typed in a code block\n```\n\n"
        "## Roles\n\nMembers lead from May\n2024. Officers manage.\n1. April each year.\n",
        encoding="utf-8",
    )
    drawn = markdown_drawn.drawn(source.read_text(encoding="utf-8").splitlines())
    assert [t for t in drawn.texts if t and t[0].isdigit()] == [
        "3. Members decide.",
        "4. Officers advise.",
        "1. typed in a code block",
        "2024. Officers manage.",
        "1. April each year.",
    ]
    assert drawn.renumbered == 1


def test_a_text_s_numbers_are_as_typed_though_a_list_s_would_not_be(tmp_path: Path) -> None:
    """Only Markdown draws its lists' numbers: a plain text's "1." twice is as typed."""
    text = "Protocol\n\n1. Scope\n\n1.1 Members decide.\n\n1.2 Officers advise.\n"
    for name in ("protocol.txt", "protocol.md"):
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        assert [c.number for c in import_protocol(source).clauses()] == ["1.1", "1.2"]


def test_an_article_s_header_is_its_own_and_a_sharing_block_the_site_s(tmp_path: Path) -> None:
    """A <header> inside the article (WordPress's "entry-header") holds the page's own
    heading, not the site's banner, which a <header> at the page's top level is; a block
    of buttons sharing the page is the site's."""
    page = tmp_path / "protocol.html"
    page.write_text(
        "<html><body><header><p>Borough Council</p></header><main><article>"
        "<header class='entry-header'><h1>Protocol</h1></header>"
        "<p><strong>1. Scope</strong></p><p>1.1 Members decide.<br>1.2 Officers advise.</p>"
        "<div class='sharedaddy'><h3>Share this:</h3><ul><li><a href='/x'>Email</a></li></ul>"
        "</div></article></main></body></html>",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert (doc.title, [(s.number, s.title) for s in doc.sections]) == (
        "Protocol",
        [("1", "Scope")],
    )
    assert [c.paragraphs for c in doc.clauses()] == [["Members decide."], ["Officers advise."]]
    assert {line.text.lstrip("#- ") for line, _ in doc.left_out} == {
        "Borough Council",
        "Share this:",
        "Email",
    }


def test_a_template_s_heading_in_a_shaded_cell_and_its_control_table(tmp_path: Path) -> None:
    """A few words alone in a shaded table of one cell are a heading; a table of one cell
    holding a sentence is not; a document-control table (Version, Owner, Review date ...)
    is the document's record, left out and listed."""
    source = tmp_path / "protocol.docx.txt"
    source.write_text(
        "title: Protocol\ncontrol: Version\t2.0\ncontrol: Owner\tMonitoring Officer\n"
        "control: Review date\tMay 2027\nbanner: 1.\tScope\np: 1.1\tMembers decide.\n"
        "banner: This protocol is under review.\np: 1.2\tOfficers advise.\n"
        "banner: 2.\tRoles\np: 2.1\tOfficers serve the Council.\n",
        encoding="utf-8",
    )
    doc = import_protocol(word(source, tmp_path / "protocol.docx"))
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Scope"), ("2", "Roles")]
    assert doc.clauses()[0].paragraphs == ["Members decide.", "- This protocol is under review."]
    assert [line.text for line, _ in doc.left_out] == [
        "Version 2.0",
        "Owner Monitoring Officer",
        "Review date May 2027",
    ]


def run_import(source: Path) -> subprocess.CompletedProcess[str]:
    out = source.parent / "out"
    command = [sys.executable, "-m", "constitution", "import", str(source), "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


CODES = """Part 5 - Codes and Protocols

Members' Code

Adopted in 2022.

1. General

1.1 Members act with respect.

1.2 Members are honest.

2. Interests

2.1 Members declare interests.

Member and Officer Protocol

Adopted in 2023. It applies to all.

1. Purpose

1.1 Members and officers work together.

2. Roles

2.1 Officers advise.

2.2 Members decide.

Planning Protocol

Adopted in 2024.

1. Lobbying

1.1 Members refer lobbyists to officers.

1.2 Members keep an open mind.

2. Visits

2.1 Officers arrange site visits.
"""


def test_a_document_taken_begins_at_its_own_title(tmp_path: Path) -> None:
    """In a file of several documents, each begins at the title printed over its first
    section, its introduction between: the one taken keeps both, the next one's are left
    out with it, and the refusal names each by its title."""
    source = tmp_path / "part5.txt"
    source.write_text(CODES, encoding="utf-8")
    result = run_import(source)
    assert result.returncode != 0
    for title in ("Members' Code", "Member and Officer Protocol", "Planning Protocol"):
        assert f"titled '{title}'" in result.stderr, result.stderr
    doc = import_protocol(source, 2)
    assert (doc.title, doc.intro.paragraphs) == (
        "Member and Officer Protocol",
        ["Adopted in 2023. It applies to all."],
    )
    assert doc.clauses()[-1].after.paragraphs == []
    assert [line.text for line, _ in doc.left_out] == [
        *("Part 5 - Codes and Protocols", "Members' Code", "Adopted in 2022."),
        *("Planning Protocol", "Adopted in 2024."),
        *("1. General", "1.1 Members act with respect.", "1.2 Members are honest."),
        *("2. Interests", "2.1 Members declare interests."),
        *("1. Lobbying", "1.1 Members refer lobbyists to officers."),
        *("1.2 Members keep an open mind.", "2. Visits", "2.1 Officers arrange site visits."),
    ]


@pytest.mark.parametrize("sections", ["Scope\n\n1. Members", "1. Scope\n\n1.1 Members"])
def test_a_wrapped_line_of_two_sentences_is_no_heading(tmp_path: Path, sections: str) -> None:
    """A line holding a sentence's end and the next one's start ("... Council. Full") is
    a wrapped line of a paragraph, never a heading nor a paragraph of its own, whatever
    its capitals, over unnumbered sections or numbered."""
    source = tmp_path / "protocol.txt"
    intro = "This protocol is part of the Constitution of the Borough Council. Full"
    source.write_text(
        f"Protocol\n\n{intro}\nCouncil adopted it on 21 October 2024.\n\n{sections} decide.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert (doc.intro.paragraphs, [s.title for s in doc.sections]) == (
        [f"{intro} Council adopted it on 21 October 2024."],
        ["Scope"],
    )


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("This protocol should be read with the Code of Conduct.", "informative"),
        ("It must be read together with the Officers' Code.", "informative"),
        ("It should be read alongside the Code, and members should seek advice.", "should"),
        ("Members should read the Code of Conduct.", "should"),
        ("It forms part of the Standing Orders and is to be read with them.", "informative"),
        ("The two should be read with care.", "should"),
    ],
)
def test_how_to_read_the_protocol_is_no_duty(text: str, modality: str) -> None:
    """ "should be read with the Code" says how to read the document, no one's duty: an
    introduction saying so states no rule."""
    assert guess_modality(text).modality == modality
