"""The importer on eleven protocols in layouts councils use that the other tests' documents
and the corpus lack (import_layouts.py makes them from their golds): every word in is a
word out, the structure is as printed, and the site publishes the numbers printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from constitution.import_defects import number_style
from constitution.import_markup import CELL_BREAK
from constitution.import_myst import render
from constitution.importer import import_protocol
from import_layouts import LAYOUTS, Gold, Layout, gold_text, handed_over
from test_import_unseen import DOCUMENTS, imported, words, words_out

# What each document's report rightly says: an unnumbered paragraph after a numbered one
# is kept with it, and said (it may be an aside or a heading instead).
REPORTED = {"part-prefix": ["unnumbered-paragraph"], "style-numbering": ["unnumbered-paragraph"]}


def titled(data: Gold) -> Gold:
    """The gold of a document with no heading over its paragraphs (one numbered list), as
    the importer publishes it: one section, titled as the document."""
    (section,) = data["sections"]
    return {**data, "sections": [{**section, "title": data["title"]}]}


# As printed, with what the importer adds to publish it: a document with no headings has
# the document's title over its paragraphs.
AS_PUBLISHED: dict[str, Callable[[Gold], Gold]] = {"flat-list": titled}


def published_gold(layout: Layout, folder: Path) -> tuple[Path, Gold]:
    source, data = handed_over(layout, folder)
    return source, AS_PUBLISHED.get(layout.name, lambda gold: gold)(data)


def label(layout: Layout) -> str:
    return f"{layout.name}{layout.form}"


@pytest.mark.parametrize("layout", LAYOUTS, ids=label)
def test_every_word_in_is_a_word_out(tmp_path: Path, layout: Layout) -> None:
    source, data = handed_over(layout, tmp_path)
    if layout.form in (".txt", ".md"):  # the gold holds the document's words, no others
        assert words(gold_text(data)) == words(source.read_text(encoding="utf-8"))
    added = ""  # the number and title a document published as one part has for it
    if layout.name in AS_PUBLISHED:
        whole = AS_PUBLISHED[layout.name](data)["sections"][0]
        added = f"{whole['number'] or ''} {whole['title']}"
    assert words_out(import_protocol(source)) == words(gold_text(data)) + words(added)


def heading(section: dict[str, str]) -> tuple[str, str]:
    """A section's (number, title) as the importer keeps them: a letter ("A.") or roman
    numeral on a heading stays in its title, as printed, the section being numbered by its
    place (a section's number is a number)."""
    number = section["number"] or ""
    if number.isalpha():
        return "", f"{number}. {section['title']}"
    return number, section["title"]


def flat(paragraphs: list[str]) -> list[str]:
    return [p.replace(CELL_BREAK, " ") for p in paragraphs]


@pytest.mark.parametrize("layout", LAYOUTS, ids=label)
def test_structure_as_printed(tmp_path: Path, layout: Layout) -> None:
    source, data = published_gold(layout, tmp_path)
    doc = import_protocol(source)
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, printed in zip(doc.sections, data["sections"], strict=True):
        # a closing full stop or bracket ("1.2.", "1.2)") is punctuation, not the number
        assert [c.number.rstrip(".)") for c in section.clauses] == [
            c["printed"].rstrip(".)") for c in printed["clauses"]
        ]
        for clause, gold in zip(section.clauses, printed["clauses"], strict=True):
            assert clause.headings == gold["headings"], clause.number
            if layout.form == ".txt" and any(CELL_BREAK in p for p in gold["paragraphs"]):
                # a table as a PDF's text gives it, a cell a line: its words in order
                assert words(" ".join(flat(clause.paragraphs))) == words(
                    " ".join(flat(gold["paragraphs"]))
                )
                continue
            assert flat(clause.paragraphs) == flat(gold["paragraphs"]), clause.number
    assert sorted(line.text.strip() for line, _ in doc.left_out) == sorted(data["left_out"])
    assert [d.kind for d in doc.defects] == REPORTED.get(layout.name, [])
    # what the importer made of the layout, said
    said = {"part-prefix": "is the protocol's own number", "flat-list": "No heading stands"}
    if layout.name in said:
        assert any(said[layout.name] in note for note in doc.extracted.notes)


@pytest.mark.parametrize("layout", LAYOUTS, ids=label)
def test_published_with_the_numbers_printed(tmp_path: Path, layout: Layout) -> None:
    source, data = published_gold(layout, tmp_path)
    report, published = imported(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    # references are resolved as the files are written: none is reported falsely
    assert [d["kind"] for d in report["defects"]] == REPORTED.get(layout.name, [])
    expected = {c["number"]: c["number"] for s in data["sections"] for c in s["clauses"]}
    assert published == expected


def test_the_documents_are_all_tested() -> None:
    named = {f"{layout.name}.json" for layout in LAYOUTS}
    assert named == {path.name for path in (DOCUMENTS / "golds").iterdir()}


def test_a_lead_ins_lines_in_small_letters_stay_its_own(tmp_path: Path) -> None:
    """A line in small letters goes on the sentence the line before left unfinished
    ("by the" / "Monitoring Officer."), never on a line that ends a lead-in or an item
    ("It applies to:", "every member of the Council;"): those are a list's lines."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol on Member and Officer Relations\n\n1. Purpose\n1.1 It applies to:\n"
        "every member of the Council;\nevery officer of the Council.\n"
        "1.2 It is reviewed each year by the\nMonitoring Officer, who\n"
        "reports to the Standards Committee.\n1.3 Officers advise members.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert [c.paragraphs for c in doc.clauses()] == [
        ["It applies to:", "every member of the Council;", "every officer of the Council."],
        [
            "It is reviewed each year by the Monitoring Officer, who reports to the "
            "Standards Committee."
        ],
        ["Officers advise members."],
    ]


def test_a_subsection_number_printed_with_its_section(tmp_path: Path) -> None:
    """ "3(2)" is paragraph (2) of section 3, as legislation prints a subsection; one
    printed with another section's number is reported; "72(1) of the Act" going on a
    sentence from the line before is a citation, not a paragraph."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Code of Practice\n\n1  Purpose\n\n1(1) It applies to members.\n\n"
        "1(2) It is made under section\n72(1) of the Local Government Act 2000.\n\n"
        "2  Roles\n\n2(1) Officers advise members.\n\n1(3) Members decide policy.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert [c.number for c in doc.clauses()] == ["1(1)", "1(2)", "2(1)", "1(3)"]
    assert doc.clauses()[1].paragraphs == [
        "It is made under section 72(1) of the Local Government Act 2000."
    ]
    assert [(d.kind, d.number, d.message) for d in doc.defects] == [
        ("numbering-jump", "1(3)", "1(3) sits in section 2.")
    ]
    assert doc.defects[0].consequences == []  # section 2 has no paragraph missing


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            "Protocol on Relations between Members and\nOfficers",
            "Protocol on Relations between Members and Officers",
        ),
        ("PART C\nCONDUCT TOWARDS OFFICERS", "PART C – CONDUCT TOWARDS OFFICERS"),
        ("Protocol Aelodau /\nMembers' Protocol", "Protocol Aelodau / Members' Protocol"),
    ],
)
def test_a_title_over_two_lines(tmp_path: Path, lines: str, title: str) -> None:
    """A title's two lines are one title: a dash between them only where the first line
    ends a phrase."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        f"{lines}\n\n1. Purpose\n1.1 It applies to members.\n1.2 Officers advise.\n"
        "1.3 Members decide.\n",
        encoding="utf-8",
    )
    assert import_protocol(source).title == title


def test_paragraphs_numbered_after_their_parts_letter(tmp_path: Path) -> None:
    """ "B2" is the second paragraph of the part lettered B, where parts number their
    paragraphs so (two or more begin at "A1", "B1"); one among another part's paragraphs
    is reported; a line beginning "M6" in such a document is words."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\nPART A – ROLES\n\nA1 Members decide.\n\nA2 Officers advise.\n\n"
        "PART B – CONTACT\n\nB1 Members ask officers.\n\nC2 Officers reply.\n\n"
        "B3 Officers travel by the\nM6 motorway to meetings, as B1 above says, not the M6 above.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert [c.number for c in doc.clauses()] == ["A1", "A2", "B1", "C2", "B3"]
    assert doc.clauses()[-1].paragraphs == [
        "Officers travel by the M6 motorway to meetings, as B1 above says, not the M6 above."
    ]
    assert number_style(doc) == "lettered"
    assert [(d.kind, d.message, d.consequences) for d in doc.defects] == [
        (
            "numbering-jump",
            "C2 sits among part B's paragraphs.",
            ["so numbering skips from B1 to B3 at B3"],
        )
    ]
    # "B1 above" is a reference to B1; "the M6 above" is no reference, and is not reported
    written = render(doc, "MOP")["part-b-contact.md"]
    assert "as {para}`B1 <MOP-0003>` above says, not the M6 above." in written
    assert len(doc.defects) == 1


def test_a_welsh_headings_page_keeps_its_letters(tmp_path: Path) -> None:
    """A heading's accented letter is kept in its page's name, unaccented ("Rôl" is
    rol-), not dropped ("r-l-")."""
    source, _ = handed_over(Layout("bilingual-brackets", ".txt"), tmp_path)
    report, _ = imported(tmp_path, source)
    assert [s["slug"] for s in report["sections"]][1:3] == [
        "rol-aelodau-role-of-members",
        "rol-swyddogion-role-of-officers",
    ]
