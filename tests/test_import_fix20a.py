"""The text reader on shapes a review found misread (issue 18): a bare numbered list
after a lead-in with no colon, "1)" items under a bracket left open, a short sentence
alone between blank lines, a paragraph ending in a web address, and a Word paragraph
whose lines are kept by line breaks. Each input is a whole file, in words of its own."""

from __future__ import annotations

from pathlib import Path

import docx

from constitution.import_model import Imported
from constitution.importer import import_protocol


def imported(tmp_path: Path, text: str, name: str = "protocol.txt") -> Imported:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return import_protocol(source)


def read(doc: Imported) -> dict[str, list[str]]:
    """Each paragraph's words by its number (or its place where it has none), its
    sub-headings first, marked '#'."""
    out: dict[str, list[str]] = {}
    for s, section in enumerate(doc.sections):
        for c, clause in enumerate(section.clauses):
            key = clause.number or f"{s}.{c}"
            out[key] = [f"# {h}" for h in clause.headings] + clause.paragraphs
            out[key] += clause.after.paragraphs
    return out


def titles(doc: Imported) -> list[str]:
    return [s.title for s in doc.sections]


def test_a_bare_numbered_list_after_a_lead_in_with_no_colon_is_a_list(tmp_path: Path) -> None:
    """Lines numbered 1, 2, 3 under a lead-in that ends with no colon are its items; a
    single figure starting a wrapped line ("within" / "5 days") stays in its sentence."""
    doc = imported(
        tmp_path,
        "Protocol on Site Visits\n\n1 Arrangements\n\n"
        "1.1 A site visit is attended by\n"
        "1 the members of the Planning Committee\n"
        "2 the ward councillors for the site\n"
        "3 an officer of the planning service\n\n"
        "1.2 The officer keeps a note of the visit and sends it to members within\n"
        "5 days of the visit, and the note is published at least\n"
        "2 working days before the meeting.\n",
    )
    assert read(doc) == {
        "1.1": [
            "A site visit is attended by",
            "- 1 the members of the Planning Committee",
            "- 2 the ward councillors for the site",
            "- 3 an officer of the planning service",
        ],
        "1.2": [
            "The officer keeps a note of the visit and sends it to members within 5 days of "
            "the visit, and the note is published at least 2 working days before the meeting."
        ],
    }


def test_items_1_and_2_under_a_bracket_left_open_are_a_list(tmp_path: Path) -> None:
    """A run "1)", "2)" is a list though a bracket is open before it; a lone figure
    closing a citation's bracket ("(see regulation" / "2) and ...") goes on."""
    doc = imported(
        tmp_path,
        "Protocol on Hearings\n\n1 The Hearing Panel\n\n"
        "1.1 The Panel has three members (chosen from the Standards Committee\n"
        "1) a chair, who leads the hearing;\n"
        "2) two further members.\n\n"
        "1.2 The Panel follows the procedure in the Code (see regulation\n"
        "2) and the guidance of the Monitoring Officer.\n",
    )
    assert read(doc) == {
        "1.1": [
            "The Panel has three members (chosen from the Standards Committee",
            "- 1) a chair, who leads the hearing;",
            "- 2) two further members.",
        ],
        "1.2": [
            "The Panel follows the procedure in the Code (see regulation 2) and the guidance "
            "of the Monitoring Officer."
        ],
    }


def test_a_short_sentence_alone_is_a_paragraph_not_a_heading(tmp_path: Path) -> None:
    """A short rule alone between blank lines ("No gift is kept", with or without its
    full stop) is words of the paragraph before, numbered or not; a phrase alone
    ("Gifts and hospitality") still heads what follows."""
    numbered = imported(
        tmp_path,
        "Protocol on Lobbying\n\n1 Lobbying\n\n"
        "1.1 Groups and residents often approach members to sway a decision.\n\n"
        "Members do not lobby\n\n"
        "1.2 A member who is lobbied tells the Monitoring Officer.\n\n"
        "Gifts and hospitality\n\n"
        "1.3 A member declares any gift worth more than fifty pounds.\n\n"
        "No gift is kept.\n\n"
        "1.4 A record of each gift is kept.\n",
    )
    assert read(numbered) == {
        "1.1": [
            "Groups and residents often approach members to sway a decision.",
            "Members do not lobby",
        ],
        "1.2": ["A member who is lobbied tells the Monitoring Officer."],
        "1.3": [
            "# Gifts and hospitality",
            "A member declares any gift worth more than fifty pounds.",
            "No gift is kept.",
        ],
        "1.4": ["A record of each gift is kept."],
    }
    unnumbered = imported(
        tmp_path,
        "Protocol on Lobbying\n\nLobbying\n\n"
        "Groups and residents often approach members to sway a decision.\n\n"
        "Members do not lobby\n\n"
        "A member who is lobbied tells the Monitoring Officer.\n\n"
        "Gifts and hospitality\n\n"
        "A member declares any gift worth more than fifty pounds.\n\n"
        "No gift is kept.\n\n"
        "A record of each gift is kept.\n",
        "unnumbered.txt",
    )
    assert titles(unnumbered) == ["Lobbying", "Gifts and hospitality"]
    assert [c.text for s in unnumbered.sections for c in s.clauses] == [
        "Groups and residents often approach members to sway a decision.",
        "Members do not lobby",
        "A member who is lobbied tells the Monitoring Officer.",
        "A member declares any gift worth more than fifty pounds.",
        "No gift is kept.",
        "A record of each gift is kept.",
    ]


def test_a_paragraph_ending_in_a_web_address_ends_there(tmp_path: Path) -> None:
    """A paragraph whose last words are a web address, with or without a full stop
    after it, is not joined to the paragraph after a blank line; a short line ending
    in one is a sentence, not a heading."""
    numbered = imported(
        tmp_path,
        "Protocol on Interests\n\n1 The Register\n\n"
        "1.1 The register of interests is published on the Council's website at "
        "https://www.example.gov.uk/register\n\n"
        "The Monitoring Officer keeps it up to date.\n\n"
        "1.2 Members tell the Monitoring Officer of a change on the form at\n"
        "www.example.gov.uk/interests/form.\n\n"
        "A change is recorded within a week.\n",
    )
    assert read(numbered) == {
        "1.1": [
            "The register of interests is published on the Council's website at "
            "https://www.example.gov.uk/register",
            "The Monitoring Officer keeps it up to date.",
        ],
        "1.2": [
            "Members tell the Monitoring Officer of a change on the form at "
            "www.example.gov.uk/interests/form.",
            "A change is recorded within a week.",
        ],
    }
    unnumbered = imported(
        tmp_path,
        "Protocol on Interests\n\nThe Register\n\n"
        "The register of interests is kept by the Monitoring Officer.\n\n"
        "A form is on the page at https://www.example.gov.uk/interests/form\n\n"
        "Members use it to tell the Monitoring Officer of a change.\n",
        "unnumbered.txt",
    )
    assert titles(unnumbered) == ["The Register"]
    assert [c.text for c in unnumbered.sections[0].clauses] == [
        "The register of interests is kept by the Monitoring Officer.",
        "A form is on the page at https://www.example.gov.uk/interests/form",
        "Members use it to tell the Monitoring Officer of a change.",
    ]


BROKEN_LINES = (
    "Protocol on Site Visits",
    "1 Arrangements",
    "1.1 A site visit is attended by:\n(a) the members of the Planning Committee;\n"
    "(b) the ward councillors for the site; and\n(c) an officer of the planning service.",
    "1.2 The officer keeps a note of the visit and sends it to members within\n"
    "5 days of the visit.",
    "1.3 Members are asked\n1. to keep to the site;\n2. to hear no representations.",
)


def test_a_word_paragraph_s_line_breaks_are_read_as_a_text_s_lines(tmp_path: Path) -> None:
    """A Word paragraph whose lines a line break keeps (a script's, python-docx writing a
    newline as one) is read as the same block of a text's lines: an item starting a
    line is an item, a line going on its sentence goes on it."""
    document = docx.Document()
    for block in BROKEN_LINES:
        document.add_paragraph(block)
    document.save(str(tmp_path / "visits.docx"))
    written = read(import_protocol(tmp_path / "visits.docx"))
    assert written == read(imported(tmp_path, "\n\n".join(BROKEN_LINES) + "\n"))
    assert written["1.1"] == [
        "A site visit is attended by:",
        "- (a) the members of the Planning Committee;",
        "- (b) the ward councillors for the site; and",
        "- (c) an officer of the planning service.",
    ]
    assert written["1.2"] == [
        "The officer keeps a note of the visit and sends it to members within 5 days of the visit."
    ]
    assert written["1.3"][1:] == ["- 1. to keep to the site;", "- 2. to hear no representations."]
