"""The importer on plain text as published and on the Word files and PDFs a person makes
of it, a second blind trial (tests/import_made20, made by import_made20.py from four
protocols' texts there with LibreOffice 7.4, pandoc 2.17 and a python-docx script, each
with its gold in golds/, written before the importer was run on them or its code read).
Every word in is a word out, the structure is as a careful reader reads it, the site
publishes the numbers printed."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution.importer import import_protocol
from import_made20 import NAMES, PROTOCOLS, SOURCES, handed_over
from import_trial import gold_reads_every_source, trial_tests
from test_import_made19 import unmet

# What the importer does not yet read as a careful reader does, each said (issue 18)
CODE_BLOCK = (
    "fenwick 2.3: pandoc's code block of the quotation set in (its indent gone, a style of "
    "code's) is read as an item, and the sentence after it an item too (its PDF: the "
    "quotation run into the lead-in)"
)
PANDOC_TITLE = (
    "pandoc's Word file of a text whose title is '# ' over '## ' sections: the title, a "
    "Heading 1, is made a section of its own, holding the contents entries whose leaders "
    "pandoc wrote as '…' (3. and 4.), so every paragraph is published one place on"
)
MEASURE = (
    "a PDF setting no space between paragraphs: a line ending a sentence at the full "
    "measure ('... with courtesy and respect.' / 'Neither should ...') ends the paragraph, "
    "where the right margin says it was wrapped"
)
UNMET = {
    "elmley-lo.pdf": MEASURE,
    "fenwick-pandoc.docx": f"{CODE_BLOCK}; {PANDOC_TITLE}",
    "fenwick-pandoc.pdf": f"{CODE_BLOCK}; {PANDOC_TITLE}",
    "fenwick-script.docx": (
        "fenwick 3.3: a pipe table's rows, lines of one Word paragraph kept by line breaks, "
        "run together as one item with their pipes"
    ),
    "garth-pandoc.docx": (
        "pandoc's Word file: headings '1.<tab>SCOPE', which pandoc made items of Word "
        "numbered lists, are read as items of the paragraph before, and the bold title's "
        "second line as a section"
    ),
}
# "Part 4 of the Constitution" in a paragraph cites another Part; reporting it was tried
# and dropped: earlier trials' protocols name the Part they stand in as many ways ("forms
# Part 5(c) of", "sets out Part 5C of", "Constitution Part 5, Section 4", "the other codes
# in Part 5", "Both codes are printed in Part 5"), and the importer knows no document's
# own Part to tell the two apart
OWN_PART = (
    "harby 3.1: 'the Access to Information Procedure Rules in Part 4 of the Constitution' "
    "is not reported as another Part's"
)
UNPUBLISHED = {
    **{n: UNMET[n] for n in ("fenwick-pandoc.docx", "fenwick-pandoc.pdf", "garth-pandoc.docx")},
    **{name: OWN_PART for name in NAMES if name.startswith("harby")},
}

test_read_as_gold, _, _ = trial_tests(unmet(NAMES, UNMET), SOURCES, handed_over)
_, test_published_as_gold, _ = trial_tests(unmet(NAMES, UNPUBLISHED), SOURCES, handed_over)


def test_gold_reads_every_source() -> None:
    """Each protocol's gold holds every paragraph its text prints."""
    gold_reads_every_source([f"{name}.txt" for name in PROTOCOLS], SOURCES)


def test_a_signing_on_behalf_of_the_council_is_left_out(tmp_path: Path) -> None:
    """ "Signed on behalf of the Council" after the last paragraph, over posts with a
    dotted line and a date, is the signing, left out and listed, not the section's
    closing words; a sentence beginning so (it ends in a full stop) is a paragraph's."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1.\tSCOPE\n\n1(1)\tMembers decide.\n\n1(2)\tSigned on behalf of the "
        "Council, the code binds every employee.\n\n\nSigned on behalf of the Council\n\n"
        "Town Mayor\t..........\tDate\t22 October 2024\n\n"
        "Town Clerk\t..........\tDate\t22 October 2024\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    last = doc.clauses()[-1]
    assert last.paragraphs == ["Signed on behalf of the Council, the code binds every employee."]
    assert not last.after.paragraphs
    assert [line.text.split()[0] for line, _ in doc.left_out] == ["Signed", "Town", "Town"]


def typed_pdf(path: Path, lines: list[str], font: str = "Courier") -> None:
    """A PDF of one page setting the lines as typed, one under another at 12 points (a
    blank line a line's space), as a PDF printed from a text sets them."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(font, 10)
    for at, line in enumerate(lines):
        canvas.drawString(56, 780 - 12 * at, line)
    canvas.save()


FEET = [
    "PROTOCOL",
    "",
    "1. ROLES",
    "",
    "1.1  Officers advise members and carry out the Council's decisions.",
    "     Each officer is accountable through a line manager to the Chief",
    "",
    "Borough Council - Constitution - Part 5          Page 1 of 2",
    "",
    "     Executive, who is the Head of Paid Service.",
    "",
    "1.2  Members decide.",
    "",
    "Borough Council - Constitution - Part 5          Page 2 of 2",
]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_text_s_page_feet_kept_in_a_file_made_of_it_are_left_out(
    tmp_path: Path, kind: str
) -> None:
    """A PDF or Word file made of text taken out of another PDF: that PDF's running feet
    ("... Page 1 of 2"), lines in mid-page, one in mid-paragraph, are furniture as they
    are in the text, left out, and the paragraph they break goes on after them."""
    path = tmp_path / f"protocol.{kind}"
    if kind == "pdf":
        typed_pdf(path, FEET)
    else:  # each block of lines a paragraph, as pandoc writes one
        document = docx.Document()
        for block in "\n".join(FEET).split("\n\n"):
            document.add_paragraph(" ".join(block.split()))
        document.save(str(path))
    doc = import_protocol(path)
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            "Officers advise members and carry out the Council's decisions. Each officer is "
            "accountable through a line manager to the Chief Executive, who is the Head of "
            "Paid Service."
        ],
        ["Members decide."],
    ]
    assert [line.text.split()[-4:] for line, _ in doc.left_out] == [
        ["Page", "1", "of", "2"],
        ["Page", "2", "of", "2"],
    ]


def test_an_o_before_a_sub_bullet_is_its_mark(tmp_path: Path) -> None:
    """ "o " before a line under a bullet, as text copied from a page or a PDF prints a
    sub-bullet (Courier's or Wingdings' "o"), is the item's mark, not a word."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n1. The Clerk:\n• advises the Council, including:\no on its powers; and\n"
        "o on procedure;\n• manages the staff.\n2. Members decide.\n",
        encoding="utf-8",
    )
    assert import_protocol(source).clauses()[0].paragraphs == [
        "The Clerk:",
        "- advises the Council, including:",
        "- on its powers; and",
        "- on procedure;",
        "- manages the staff.",
    ]


@pytest.mark.parametrize(
    "note", ["Note: the Chair has no more power.", "NB. The Chair has no more power."]
)
def test_a_note_between_two_paragraphs_is_the_one_before_s_unreported(
    tmp_path: Path, note: str
) -> None:
    """A "Note: ..." line between two numbered paragraphs says whose it is: a further
    paragraph of the one before, kept with it and not reported as an unnumbered paragraph
    that may be an aside; an unlabelled line there is still reported."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        f"Protocol\n\n1. Roles\n\n1.1 Members decide.\n\n{note}\n\n1.2 Officers advise.\n\n"
        "It is so.\n\n1.3 Officers serve.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members decide.", note],
        ["Officers advise.", "It is so."],
        ["Officers serve."],
    ]
    assert [(d.kind, d.number) for d in doc.defects] == [("unnumbered-paragraph", "1.2")]


BODY = [
    "1.1  Members decide the policies of the Council and its",
    "     committees.",
    "",
    "1.2  Officers advise members on the law.",
    "",
    "1.3  Officers serve the whole Council.",
]


def test_a_council_s_name_over_the_title_in_a_pdf_is_joined_by_a_dash(tmp_path: Path) -> None:
    """A PDF's first two lines, set straight under one another, the council's name over
    the protocol's title: one title, a dash between them, as the text reader joins them;
    a title the page wrapped mid-phrase is joined by a space."""
    for lines, title in (
        (
            ["HARBY BOROUGH COUNCIL", "PROTOCOL ON MEMBER AND OFFICER RELATIONS"],
            "HARBY BOROUGH COUNCIL – PROTOCOL ON MEMBER AND OFFICER RELATIONS",
        ),
        (
            ["PROTOCOL ON RELATIONS BETWEEN MEMBERS AND", "OFFICERS"],
            "PROTOCOL ON RELATIONS BETWEEN MEMBERS AND OFFICERS",
        ),
    ):
        path = tmp_path / "protocol.pdf"
        typed_pdf(path, [*[line.center(64) for line in lines], "", "PART I – ROLES", "", *BODY])
        assert import_protocol(path).title == title


def test_a_conjunction_wrapped_alone_under_an_item_ends_it(tmp_path: Path) -> None:
    """An item's last word wrapped onto a line of its own by a PDF's measure ("...; " /
    "and"): the item's, not a paragraph; a line a word alone can not be an item."""
    lines = [
        "PROTOCOL",
        "",
        "1. SCOPE",
        "",
        "1(1)  Employees may expect councillors to:",
        "a)    treat them fairly;",
        "b)    respect the advice they give, even when they disagree with it;",
        "and",
        "c)    make requests through the Clerk.",
        "",
        "1(2)  Councillors decide.",
        "",
        "1(3)  Officers advise.",
        "",
        "1(4)  Officers serve.",
    ]
    path = tmp_path / "protocol.pdf"
    typed_pdf(path, lines)
    assert import_protocol(path).clauses()[0].paragraphs == [
        "Employees may expect councillors to:",
        "- a) treat them fairly;",
        "- b) respect the advice they give, even when they disagree with it; and",
        "- c) make requests through the Clerk.",
    ]


def test_a_definition_begins_a_line_of_its_own_in_a_pdf(tmp_path: Path) -> None:
    """A PDF with no space between its paragraphs, a definitions list under "In this
    protocol:": each line opening with a quoted term and "means" begins a definition, an
    item of the lead-in, the lines wrapped after it its own."""
    lines = [
        "PROTOCOL",
        "1. Members decide.",
        "2. In this protocol:",
        '"Clerk" means the Clerk to the Council, who is also its Responsible Financial',
        "Officer;",
        '"Staff" means every person employed by the Council.',
        "3. Officers advise.",
    ]
    path = tmp_path / "protocol.pdf"
    typed_pdf(path, lines, "Helvetica")
    assert import_protocol(path).clauses()[1].paragraphs == [
        "In this protocol:",
        '- "Clerk" means the Clerk to the Council, who is also its Responsible Financial Officer;',
        '- "Staff" means every person employed by the Council.',
    ]


def test_an_o_opening_a_line_under_no_bullet_is_a_word(tmp_path: Path) -> None:
    """Welsh lines begin with the word "o" ("of", "from"): only under a bullet is "o " a
    sub-bullet's mark."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. Mae'r protocol hwn yn helpu aelodau a swyddogion i weithio\n"
        "o fewn y fframwaith a osodir gan y Cyngor; mae'n rhan\no God Ymddygiad yr Aelodau.\n"
        "\n2. Members decide.\n",
        encoding="utf-8",
    )
    assert import_protocol(source).clauses()[0].paragraphs == [
        "Mae'r protocol hwn yn helpu aelodau a swyddogion i weithio o fewn y fframwaith a "
        "osodir gan y Cyngor; mae'n rhan o God Ymddygiad yr Aelodau."
    ]
