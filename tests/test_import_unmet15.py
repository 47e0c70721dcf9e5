"""The importer on five protocols as UK councils publish them, of kinds and layouts it
had not met (import_unmet15.py makes them from tests/import_unmet15): a Word file whose
list draws "1.01" (decimalZero), a council site's page whose sections are an accordion
of buttons over hidden panels, a Word file with endnotes, a Word file whose list draws
"Part A:" and "A1" with a schedule after the protocol, and a PDF whose text is drawn out
of reading order (furniture, words, then the numbers' frame). Every word in is a word
out, the structure is as a careful reader reads it, the site publishes the numbers
printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution.importer import import_protocol
from import_trial import trial_tests
from import_unmet15 import NAMES, SOURCES, handed_over, word
from test_import_unmet14 import drawn_pdf

test_read_as_the_gold, test_published_with_the_numbers_printed, test_gold_reads_every_source = (
    trial_tests(NAMES, SOURCES, handed_over)
)


def test_word_draws_a_level_in_decimal_zero(tmp_path: Path) -> None:
    """A list level in Word's decimalZero format draws "01" to "09", then "10" on."""
    source = tmp_path / "protocol.txt"
    paragraphs = "".join(f"p: Members and officers agree point {n}.\n" for n in range(1, 12))
    source.write_text(
        f"numbering: decimal-zero\ntitle: Protocol\n# Scope\n{paragraphs}", encoding="utf-8"
    )
    doc = import_protocol(word(source, tmp_path / "protocol.docx"))
    assert [c.number for c in doc.clauses()] == [f"1.{n:02d}" for n in range(1, 12)]
    assert not doc.defects


@pytest.mark.parametrize(
    ("formats", "foot", "end"),
    [
        ("", ["1", "2"], ["i", "ii"]),
        ("footnote=lowerRoman endnote=upperLetter", ["i", "ii"], ["A", "B"]),
    ],
    ids=["word-s-own", "set"],
)
def test_notes_are_marked_as_word_numbers_them(
    tmp_path: Path, formats: str, foot: list[str], end: list[str]
) -> None:
    """Footnotes and endnotes each go with the paragraph citing them, marked as Word
    prints them: footnotes 1, 2 and endnotes i, ii unless the settings name a format."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "numbering: typed\ntitle: Protocol\n"
        + (f"note-formats: {formats}\n" if formats else "")
        + "# 1.\tScope\np: 1.1\tMembers decide.[[fn|As the law says.]][[en|See the Code.]]\n"
        "p: 1.2\tOfficers advise.[[en|See the rules.]][[fn|As the Act says.]]\n",
        encoding="utf-8",
    )
    doc = import_protocol(word(source, tmp_path / "protocol.docx"))
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            f"Members decide.[{foot[0]}][{end[0]}]",
            f"[{foot[0]}] As the law says.",
            f"[{end[0]}] See the Code.",
        ],
        [
            f"Officers advise.[{end[1]}][{foot[1]}]",
            f"[{foot[1]}] As the Act says.",
            f"[{end[1]}] See the rules.",
        ],
    ]


def test_a_page_s_icons_and_date_stamp_are_not_the_protocol_s(tmp_path: Path) -> None:
    """An icon hidden from screen readers (aria-hidden, no words) is no part of a heading;
    words so hidden are still read; a block that only stamps when the page was last
    changed is the site's, left out; a paragraph mentioning an update is the text's."""
    page = tmp_path / "protocol.html"
    page.write_text(
        "<html><body><main><h1>Protocol</h1><h2><button aria-expanded='false'>1. Scope"
        "<span aria-hidden='true'>&#9660;</span></button></h2><div hidden>"
        "<p>1.1 Members decide.</p><p>1.2 Officers advise.<span aria-hidden='true'> "
        "Always.</span></p><p>1.3 The register was last updated on 2 May 2024.</p></div>"
        "<p>Page last updated: 12 July 2024</p></main></body></html>",
        encoding="utf-8",
    )
    doc = import_protocol(page)
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Scope")]
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members decide."],
        ["Officers advise. Always."],
        ["The register was last updated on 2 May 2024."],
    ]
    assert [line.text for line, _ in doc.left_out] == ["Page last updated: 12 July 2024"]


@pytest.mark.parametrize(
    "sections",
    [
        "PART A – SCOPE\n\nA1 Members decide.\n\nA2 Officers advise.\n\n"
        "PART B – ROLES\n\nB1 Officers serve the Council.\n\n",
        "Scope\n\n1. Members decide.\n\n2. Officers advise.\n\n"
        "Roles\n\n3. Officers serve the Council.\n\n",
    ],
    ids=["lettered", "unnumbered-headings"],
)
def test_back_matter_after_unnumbered_sections_is_left_out(tmp_path: Path, sections: str) -> None:
    """Where no section has a number, a schedule or appendix after the last paragraphs,
    with none of its own, is left out and listed, as after numbered sections; it is no
    section of the protocol."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        f"Protocol\n\n{sections}Schedule 1 – Contacts\n\n"
        "The Monitoring Officer, at the Town Hall.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert len(doc.sections) == 2
    assert [line.text for line, _ in doc.left_out] == [
        "Schedule 1 – Contacts",
        "The Monitoring Officer, at the Town Hall.",
    ]
    assert [s.title for s in doc.appendices] == ["Schedule 1 – Contacts"]


def test_numbers_drawn_after_their_words_begin_their_lines(tmp_path: Path) -> None:
    """A PDF that draws each paragraph's number after the page's words (a frame of its
    own), on its paragraph's first baseline, reads as printed, in one column or in the
    right-hand of two, whose lines share the left-hand's baselines."""
    words = [
        (64.0, 780.0, "Protocol on Member and Officer Relations", 15.0),
        (64.0, 750.0, "1. Scope", 11.0),
        (104.0, 730.0, "Members and officers work together.", 10.0),
        (104.0, 712.0, "Officers advise members, who decide", 10.0),
        (104.0, 698.0, "the Council's policies.", 10.0),
    ]
    numbers = [(64.0, 730.0, "1.01", 10.0), (64.0, 712.0, "1.02", 10.0)]
    doc = import_protocol(drawn_pdf(tmp_path / "one.pdf", [[*words, *numbers]]))
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        ("1.01", ["Members and officers work together."]),
        ("1.02", ["Officers advise members, who decide the Council's policies."]),
    ]
    second = [(64.0, 750.0, "2. Roles", 11.0), *words[2:], (64.0, 730.0, "2.01", 10.0)]
    right = [(x + 250, y, text, size) for x, y, text, size in [*second, (64, 712, "2.02", 10)]]
    doc = import_protocol(drawn_pdf(tmp_path / "two.pdf", [[*words, *numbers, *right]]))
    assert [c.number for c in doc.clauses()] == ["1.01", "1.02", "2.01", "2.02"]
