"""The importer on documents shaped as real councils' protocols vary, none of them from
the reference protocols (tests/import_documents, written for these tests): three-level
numbers and lettered and roman items, "Section 1 - Title", "PART C" and capitals,
roman section numbers, lists numbered afresh inside a paragraph, two number styles in one
document, definitions, a footnote, an appendix, a PDF's page furniture and hyphenated
words (its pages split by form feeds or joined), a PDF's superscript footnote marks and
notes at a page's foot, 2.1.1 under a numbered heading, Word's plain-text export, dot
leaders, a section's number alone over its title, and a file holding two versions of
the protocol.

For each, what a Monitoring Officer needs: no word lost or invented (the words in
against the words out), numbers as printed and published so, headings as sections,
sub-items inside their paragraph, and a report of what could not be placed as it stood.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from constitution import numbering
from constitution.council import Council
from constitution.import_markup import CELL_BREAK
from constitution.import_model import Imported
from constitution.importer import import_protocol
from constitution.model import Document
from constitution.source import read_protocol

DOCUMENTS = Path(__file__).parent / "import_documents"
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.replace("\u2019", "'")))


def printed_number(number: str, title: str) -> str:
    """A section's number as a word printed on its heading: once, where its title holds
    it ("Paragraph 4A – Social Media", numbered 4A)."""
    return "" if number in title.split() else number


def words_out(doc: Imported) -> Counter[str]:
    """Every word the import kept (a number printed as revoked, and the words printed in
    its place, in its section), and every word it listed as left out."""
    texts = [doc.title, *doc.intro.paragraphs]
    for section in doc.sections:
        # the number printed on its heading ("5.3.2"), where the site numbers it otherwise
        texts += [printed_number(section.printed or section.number, section.title)]
        texts.append(section.title)
        texts += section.intro.paragraphs
        texts += [line.text for line, _, _ in section.revoked]  # kept, revoked, in place
        for clause in section.clauses:
            texts += [clause.number, *clause.headings, *clause.paragraphs]
            texts += clause.after.paragraphs  # the section's words after it, in their place
    texts += [line.text for line, _ in doc.left_out]
    return words("\n".join(texts))


def structure(doc: Imported) -> list[tuple[str, list[str]]]:
    return [(s.title, [c.number for c in s.clauses]) for s in doc.sections]


def paragraphs(doc: Imported, number: str) -> list[str]:
    return next(c.paragraphs for c in doc.clauses() if c.number == number)


def imported(tmp_path: Path, source: Path, *given: str) -> tuple[dict[str, object], dict[str, str]]:
    """`constitution import` run as a person runs it (with any options ``given``): its
    JSON report, and each printed number (as cited) against the number the site
    publishes for that paragraph."""
    out, report = tmp_path / "out", tmp_path / "report.json"
    command = [sys.executable, "-m", "constitution", "import", str(source), "--out", str(out)]
    command += given
    result = subprocess.run(
        [*command, "--report-json", str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    document = published_document(out, data)
    printed = {c["id"]: c["source_number"] for s in data["sections"] for c in s["clauses"]}
    return data, {printed[c.id]: c.number for s in document.sections for c in s.clauses}


def published_document(out: Path, data: dict[str, object]) -> Document:
    """The imported protocol as a council made by `constitution init` from this file
    publishes it: numbered by insert numbering, in the style the import found."""
    council = Council("", "", "", "", "MOP", "https://example.org", {}, {}, numbering="insert")
    style = str(data["number_style"])
    return numbering.apply(read_protocol(out, council, out.name), "insert", None, style)


def as_published(published: dict[str, str]) -> None:
    assert published, "no numbered paragraph"
    assert all(printed == shown for printed, shown in published.items()), published


def test_three_level_numbers_are_paragraphs_and_lettered_and_roman_items_stay_items(
    tmp_path: Path,
) -> None:
    source = DOCUMENTS / "three-levels.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    # the council's name over the protocol's: one title, not a heading left out
    assert doc.title == (
        "Harrowmere Town Council – Protocol on Relations between Councillors and Staff"
    )
    assert doc.left_out == []
    # 1.2.1 under "1.2 It covers dealings of three kinds:" is cited by its number
    assert structure(doc) == [
        ("Scope", ["1.1", "1.2", "1.2.1", "1.2.2", "1.2.3"]),
        ("Requests to Staff", ["2.1", "2.2", "2.3"]),
    ]
    assert paragraphs(doc, "1.2") == ["It covers dealings of three kinds:"]
    labels = [p.split()[1] for p in paragraphs(doc, "2.1") if p.startswith("- ")]
    assert labels == ["(a)", "(b)", "(i)", "(ii)"]
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)


def test_section_words_part_letters_and_capitals_are_headings(tmp_path: Path) -> None:
    source = DOCUMENTS / "section-words.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert doc.title == "PROTOCOL FOR COUNCILLORS AND OFFICERS"
    assert structure(doc) == [
        ("Section 1 - Purpose", ["1.1", "1.2"]),
        ("Section 2 - Roles of Councillors", ["2.1", "2.2"]),
        # "PART C" over its title is one heading, not a heading with nothing under it
        ("PART C – CONDUCT TOWARDS OFFICERS", ["3.1", "3.2"]),
    ]
    # a sentence wrapped before a capital goes on: one paragraph, not two
    assert paragraphs(doc, "2.2") == [
        "Councillors represent the people of their ward and bring their concerns to "
        "Officers of the authority."
    ]
    assert doc.left_out == []
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)


def test_sections_numbered_in_roman_with_paragraphs_numbered_on(tmp_path: Path) -> None:
    source = DOCUMENTS / "roman-sections.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("I. INTRODUCTION", ["1.", "2."]),
        ("II. THE ROLE OF OFFICERS", ["3.", "4."]),
        ("III. PUBLICITY", ["5."]),
    ]
    assert doc.defects == []
    data, published = imported(tmp_path, source)
    assert data["number_style"] == "continuous"
    as_published(published)
    assert sorted(published) == ["1", "2", "3", "4", "5"]


def test_two_number_styles_and_lists_numbered_afresh_inside_a_paragraph(tmp_path: Path) -> None:
    """Heading "3." over 3.1, 3.2 beside heading "4" over (1), (2); a list numbered 1, 2
    inside a paragraph each time, restarting."""
    source = DOCUMENTS / "mixed-numbering.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Meetings", ["3.1", "3.2", "3.3"]),
        ("Correspondence", ["(1)", "(2)", "(3)"]),
    ]
    for number in ("3.3", "(2)"):
        assert [p.split()[1] for p in paragraphs(doc, number)[1:]] == ["1.", "2."]
    # one report for the section printed in the other style, saying how it is published
    assert [(d.kind, d.number, d.where.line if d.where else 0) for d in doc.defects] == [
        ("mixed-number-style", "4", 15)
    ]
    assert "published as 4.1, 4.2, 4.3" in doc.defects[0].message
    data, published = imported(tmp_path, source)
    # the site publishes "(1)" of section 4 as 4.1 in the document's style, not as a
    # paragraph inserted after section 3
    assert published == {
        "3.1": "3.1",
        "3.2": "3.2",
        "3.3": "3.3",
        "4.1": "4.1",
        "4.2": "4.2",
        "4.3": "4.3",
    }
    assert [d["kind"] for d in data["defects"]] == ["mixed-number-style"]


def test_definitions_a_footnote_and_an_appendix(tmp_path: Path) -> None:
    source = DOCUMENTS / "definitions-appendix.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Definitions", ["1.1"]),
        ("Enquiries", ["2.1", "2.2"]),
        ("Review", ["3.1"]),
    ]
    # "X means Y" lines after "In this protocol:" are its list, reported as nothing amiss
    assert paragraphs(doc, "1.1")[0] == "In this protocol:"
    assert [p.split(" means ")[0] for p in paragraphs(doc, "1.1")[1:]] == [
        '- "Member"',
        '- "Officer"',
        '- "Working day"',
    ]
    # the footnote with the paragraph that cites it, not at the end of the last one
    assert paragraphs(doc, "2.1")[1].startswith("[1] The period runs")
    assert paragraphs(doc, "3.1") == [
        "The Monitoring Officer will review this protocol every two years."
    ]
    assert any("footnote [1] at line 23" in note for note in doc.extracted.notes)
    # the appendix has no number of its own: it is listed as left out, not published
    # with one made up
    assert [line.text for line, _ in doc.left_out] == [
        "Appendix 1 - Useful Contacts",
        "Monitoring Officer: the Head of Legal Services.",
        "Enquiry system: the members' portal on the intranet.",
    ]
    assert all("with no number" in why for _, why in doc.left_out)
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)
    assert sorted(published) == ["1.1", "2.1", "2.2", "3.1"]


HEADER = "Harrowmere Town Council"


def paged_pdf(source: Path, pdf: Path) -> list[str]:
    """The text's pages (split at form feeds) as a PDF with the council's name at the
    head of each page and "Page N of M" at its foot; the furniture's lines."""
    pages = source.read_text(encoding="utf-8").split("\f")
    canvas = Canvas(str(pdf), pagesize=A4)
    furniture = []
    for number, page in enumerate(pages, start=1):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, 800, HEADER)
        canvas.drawString(72, 40, f"Page {number} of {len(pages)}")
        furniture += [HEADER, f"Page {number} of {len(pages)}"]
        canvas.setFont("Helvetica", 11)
        for row, line in enumerate(page.strip("\n").splitlines()):
            canvas.drawString(72, 760 - 16 * row, line)
        canvas.showPage()
    canvas.save()
    return furniture


def export_furniture(export: Path) -> list[str]:
    """The running heads and feet of pdf-export.txt (paged.txt as pdftotext gives a PDF of
    it): the council's name at each page's head, the document's and "Page N of 3" at its
    foot."""
    pages = export.read_text(encoding="utf-8").split("\f")
    return [line for page in pages for line in (page.splitlines()[0], page.splitlines()[-1])]


@pytest.mark.parametrize("form", ["pdf", "pdf-export.txt"])
def test_a_pdf_with_running_heads_page_numbers_and_hyphenated_words(
    tmp_path: Path, form: str
) -> None:
    """As a PDF, and as the text a PDF gives (pages split by form feeds)."""
    source = DOCUMENTS / "paged.txt"
    if form == "pdf":
        pdf = tmp_path / "paged.pdf"
        furniture = paged_pdf(source, pdf)
    else:
        pdf = DOCUMENTS / form
        furniture = export_furniture(pdf)
    doc = import_protocol(pdf)
    text = source.read_text(encoding="utf-8")
    mended = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # "respon-" + "sibilities"
    assert words_out(doc) == words(mended) + words("\n".join(furniture))
    assert sorted(line.text for line, _ in doc.left_out) == sorted(furniture)
    assert [line.page for line, _ in doc.left_out] == [1, 1, 2, 2, 3, 3]
    assert all("page furniture" in why for _, why in doc.left_out)
    assert structure(doc) == [
        ("Introduction", ["1.1", "1.2"]),
        ("Roles", ["2.1", "2.2"]),
        ("Advice", ["3.1", "3.2"]),
        ("Review", ["4.1"]),
    ]
    # a paragraph broken by a page, and words by hyphens, read whole
    assert paragraphs(doc, "2.2") == [
        "The responsibilities of officers are set by their contracts of employment and by the law."
    ]
    assert paragraphs(doc, "3.1") == [
        "Officers must give advice that is honest, impartial and complete, even where it "
        "is unwelcome."
    ]
    assert doc.defects == []
    _, published = imported(tmp_path, pdf)
    as_published(published)


def test_two_versions_in_one_file_stop_the_import_and_one_is_taken(tmp_path: Path) -> None:
    """The protocol as it stands and as revised, side by side: never merged."""
    source = DOCUMENTS / "two-versions.txt"
    command = [sys.executable, "-m", "constitution", "import", str(source)]
    result = subprocess.run(
        [*command, "--out", str(tmp_path / "out")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "two-versions.txt:19: import-many-documents" in result.stderr
    assert "2: from line 19 to the end, 2 sections and 4 paragraphs" in result.stderr
    assert "--take N" in result.stderr
    assert not (tmp_path / "out").exists()
    doc = import_protocol(source, take=2)
    assert structure(doc) == [("Purpose", ["1.1", "1.2"]), ("Enquiries", ["2.1", "2.2"])]
    assert paragraphs(doc, "2.1") == ["Officers should answer enquiries within ten working days."]
    # the words of the version not taken are listed as left out, not lost
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))


def test_a_word_file_with_definitions_in_a_table_and_capital_headings(tmp_path: Path) -> None:
    """Definitions as a two-column table after the paragraph that leads in to them; each
    row an item of that paragraph, the term and its meaning kept."""
    document = docx.Document()
    document.add_heading("PROTOCOL ON MEMBER AND OFFICER RELATIONS", level=0)
    document.add_heading("1. DEFINITIONS", level=1)
    document.add_paragraph("1.1 In this protocol these words have these meanings:")
    table = document.add_table(rows=0, cols=2)
    terms = [("Member", "a councillor or co-opted member"), ("Officer", "an employee")]
    for term, meaning in terms:
        row = table.add_row().cells
        row[0].text, row[1].text = term, meaning
    document.add_paragraph("1.2 Other words have their ordinary meaning.")
    document.add_heading("2. ENQUIRIES", level=1)
    document.add_paragraph("2.1 Officers should answer a Member's enquiry within ten days.")
    document.add_paragraph("2.2 A Member may ask for a meeting instead.")
    source = tmp_path / "p.docx"
    document.save(source)
    doc = import_protocol(source)
    texts = [
        "PROTOCOL ON MEMBER AND OFFICER RELATIONS",
        "1. DEFINITIONS",
        *(p.text for p in document.paragraphs[2:]),
        *(f"{t} {m}" for t, m in terms),
    ]
    assert words_out(doc) == words("\n".join(texts))
    assert structure(doc) == [("DEFINITIONS", ["1.1", "1.2"]), ("ENQUIRIES", ["2.1", "2.2"])]
    assert paragraphs(doc, "1.1")[1:] == [
        f"- Member{CELL_BREAK}a councillor or co-opted member",
        f"- Officer{CELL_BREAK}an employee",
    ]
    assert doc.defects == []


def test_numbers_closed_by_a_bracket_under_capital_headings(tmp_path: Path) -> None:
    """ "1)" numbers paragraphs as "1." does; "a)" items stay in their paragraph; an
    unnumbered heading in capitals between them is a heading, not a paragraph."""
    source = DOCUMENTS / "closing-brackets.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [("INTRODUCTION", ["1)", "2)"]), ("CONDUCT", ["3)", "4)"])]
    assert [p[:4] for p in paragraphs(doc, "4)")[1:]] == ["- a)", "- b)"]
    assert doc.defects == []
    data, published = imported(tmp_path, source)
    assert data["number_style"] == "continuous"
    assert published == {"1": "1", "2": "2", "3": "3", "4": "4"}


def test_a_schedule_with_numbers_of_its_own_after_the_protocol(tmp_path: Path) -> None:
    """Its "1." and "2." are the schedule's, not the protocol's paragraphs: kept in its
    words as printed, with no paragraph number made up for them."""
    source = DOCUMENTS / "schedule.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Purpose", ["1.1", "1.2"]),
        ("Conduct", ["2.1", "2.2"]),
    ]
    assert paragraphs(doc, "2.2") == ["Officers must not lobby members."]
    # the schedule, its own "1." and "2." kept in its words, is listed as left out
    assert [line.text[:12] for line, _ in doc.left_out] == [
        "SCHEDULE 1 -",
        "- 1. The May",
        "- 2. Other m",
    ]
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    assert published == {"1.1": "1.1", "1.2": "1.2", "2.1": "2.1", "2.2": "2.2"}


FOOTNOTES = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>The period runs from the day the enquiry '
    "arrives.</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def test_a_word_footnote_goes_with_the_paragraph_citing_it(tmp_path: Path) -> None:
    """Word keeps a footnote's words apart from the body (word/footnotes.xml): they are
    read, and kept with the paragraph whose mark cites them."""
    document = docx.Document()
    document.add_heading("Protocol on Member and Officer Relations", level=0)
    document.add_heading("1. Enquiries", level=1)
    cites = document.add_paragraph("1.1 Officers must reply within ten working days.")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    cites.add_run()._r.append(reference)
    document.add_paragraph("1.2 Members should use the enquiry system.")
    document.add_paragraph("1.3 Officers may ask for more time.")
    plain = tmp_path / "plain.docx"
    document.save(plain)
    source = tmp_path / "p.docx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(source, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item.filename))
        new.writestr("word/footnotes.xml", FOOTNOTES)
    doc = import_protocol(source)
    texts = [p.text for p in document.paragraphs]  # the mark, printed, is not a run's text
    texts += ["[1]", "[1] The period runs from the day the enquiry arrives."]
    assert words_out(doc) == words("\n".join(texts))
    assert paragraphs(doc, "1.1") == [
        "Officers must reply within ten working days.[1]",
        "[1] The period runs from the day the enquiry arrives.",
    ]
    assert paragraphs(doc, "1.3") == ["Officers may ask for more time."]
    assert doc.defects == []


def test_a_pdf_text_with_its_pages_joined_loses_its_running_heads_and_page_numbers(
    tmp_path: Path,
) -> None:
    """A PDF's text read page after page with no form feed between pages: the pages are
    found by their numbers running on ("Page 1 of 4" ... "Page 4 of 4"), and what repeats
    at their heads and feet is page furniture, even inside a sentence broken by a page."""
    source = DOCUMENTS / "joined-pages.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    head, foot = "Farnleigh District Council", "Protocol on Member/Officer Relations – March 2025"
    assert [(line.text, line.page) for line, _ in doc.left_out] == [
        (text, page) for page in range(1, 5) for text in (head, foot, f"Page {page} of 4")
    ]
    assert doc.title == "Protocol on Member/Officer Relations"
    assert structure(doc) == [
        ("Purpose", ["1.1", "1.2"]),
        ("Mutual Respect", ["2.1", "2.2"]),
        ("Advice to Members", ["3.1", "3.2"]),
        ("Access to Information", ["4.1", "4.2"]),
        ("Review", ["5.1"]),
    ]
    assert paragraphs(doc, "2.1") == [
        "Members and officers must treat one another with courtesy and respect, in "
        "meetings and outside them."
    ]
    assert paragraphs(doc, "3.1") == [
        "Officers give advice to members on the law, on finance and on the policies of "
        "the Council. That advice must be frank and impartial, whatever the political "
        "view of the member who asks for it."
    ]
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)


SUPERSCRIPT = re.compile(r"\^(\d+)")


def superscript_pdf(source: Path, pdf: Path) -> None:
    """The text's pages as a PDF, each "^N" a raised footnote mark in small type, as
    Word prints one."""
    canvas = Canvas(str(pdf), pagesize=A4)
    for page in source.read_text(encoding="utf-8").split("\f"):
        for row, line in enumerate(page.strip("\n").splitlines()):
            text = canvas.beginText(72, 760 - 16 * row)
            for odd, part in enumerate(SUPERSCRIPT.split(line)):
                text.setFont("Helvetica", 7 if odd % 2 else 11)
                text.setRise(4 if odd % 2 else 0)
                text.textOut(part)
            canvas.drawText(text)
        canvas.showPage()
    canvas.save()


@pytest.mark.parametrize("form", ["pdf", "txt"])
def test_footnote_marks_and_footnotes_at_a_pages_foot(tmp_path: Path, form: str) -> None:
    """Superscript marks come out of a PDF as digits against their word ("officers1"),
    and the notes at the foot of the page as numbered lines among the protocol's: each
    mark is read as a mark, and each note goes with the paragraph citing it, even where
    that paragraph goes on over the page."""
    source = DOCUMENTS / "footnotes.txt"
    if form == "pdf":
        given = tmp_path / "footnotes.pdf"
        superscript_pdf(source, given)
    else:  # as pdftotext gives the PDF: pages split by form feeds, marks against words
        given = tmp_path / "footnotes.txt"
        given.write_text(SUPERSCRIPT.sub(r"\1", source.read_text(encoding="utf-8")))
    doc = import_protocol(given)
    # the marks are words of their own: "officers" and "1", not "officers1"
    assert words_out(doc) == words(SUPERSCRIPT.sub(r" \1", source.read_text(encoding="utf-8")))
    assert structure(doc) == [
        ("Introduction", ["1.1", "1.2"]),
        ("Politically Restricted Posts", ["2.1", "2.2"]),
        ("Gifts and Hospitality", ["3.1", "3.2"]),
        ("Review", ["4.1"]),
    ]
    assert paragraphs(doc, "1.1") == [
        "This protocol applies to members and to the officers[1] of the Council, and to "
        "co-opted members of its committees.",
        '[1] "Officers" includes agency staff and contractors working for the Council.',
    ]
    assert paragraphs(doc, "2.1") == [
        "An officer who holds a politically restricted post[2] must not take part in any "
        "political activity that the law forbids.",
        "[2] The posts listed in the Local Government and Housing Act 1989, as amended.",
    ]
    assert paragraphs(doc, "2.2") == [
        "Members must not ask such an officer to take part in political activity, nor "
        "criticise an officer who declines."
    ]
    assert paragraphs(doc, "3.1") == [
        "An officer must record any gift worth more than £25 in the register[3] within 28 "
        "days of receiving it.",
        "[3] The register of gifts and hospitality kept by the Monitoring Officer.",
    ]
    assert paragraphs(doc, "4.1") == [
        "The Monitoring Officer will review this protocol every two years."
    ]
    assert doc.defects == []


def test_three_level_numbers_under_a_numbered_heading_are_paragraphs_as_printed(
    tmp_path: Path,
) -> None:
    """ "2.1 General Principles" over 2.1.1 and 2.1.2 is a heading, and they are
    paragraphs, published and cited with the numbers printed; "1.2 It covers:" over
    1.2.1 and 1.2.2 leads in to them, a paragraph itself, and they are paragraphs too."""
    source = DOCUMENTS / "sub-paragraphs.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Scope", ["1.1", "1.2", "1.2.1", "1.2.2"]),
        ("Access to Information", ["2.1.1", "2.1.2", "2.2.1", "2.2.2", "2.3"]),
        ("Review", ["3.1"]),
    ]
    assert [c.headings for c in doc.sections[1].clauses] == [
        ["2.1 General Principles"],
        [],
        ["2.2 Confidential Documents"],
        [],
        [],
    ]
    assert paragraphs(doc, "1.2") == ["It covers:"]
    assert doc.defects == []
    data, published = imported(tmp_path, source)
    as_published(published)
    assert sorted(published) == [
        *("1.1", "1.2", "1.2.1", "1.2.2"),
        *("2.1.1", "2.1.2", "2.2.1", "2.2.2", "2.3", "3.1"),
    ]
    # "paragraph 2.1.2" is a reference to it by ID
    ids = {c["source_number"]: c["id"] for s in data["sections"] for c in s["clauses"]}
    section = (tmp_path / "out" / "access-to-information.md").read_text(encoding="utf-8")
    assert f"paragraph {{para}}`2.1.2 <{ids['2.1.2']}>` sets out" in section
    assert "## 2.1 General Principles" in section
    assert data["defects"] == []


def test_an_appendix_with_no_number_is_left_out_not_given_one(tmp_path: Path) -> None:
    """Publishing an appendix as a section would give it a number the document never
    printed ("2A", after section 2): it is listed as left out, with its words; an
    unnumbered heading before the first section opens the introduction."""
    source = DOCUMENTS / "appendix-numbered.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [("Purpose", ["1.1", "1.2"]), ("Enquiries", ["2.1", "2.2"])]
    assert doc.intro.paragraphs == [
        "Introduction",
        "This protocol is part of the Council's Constitution.",
    ]
    assert [line.text for line, _ in doc.left_out] == [
        "APPENDIX A",
        "Guidance on Social Media",
        "Members should not name officers in posts on social media.",
        "An officer who is named may ask the Monitoring Officer for help.",
    ]
    assert any("'APPENDIX A'" in note and "left out" in note for note in doc.extracted.notes)
    data, published = imported(tmp_path, source)
    as_published(published)
    document = published_document(tmp_path / "out", data)
    assert [s.number for s in document.sections] == ["1", "2"]


def test_a_word_text_export_with_a_tab_after_each_number(tmp_path: Path) -> None:
    """Word's "Save as Plain Text" writes a tab between a number (or a bullet) and its
    words: it is a space there, not the cells of a table's row."""
    source = DOCUMENTS / "word-text-export.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Introduction", ["1.1", "1.2"]),
        ("Roles", ["2.1", "2.2"]),
        ("Review", ["3.1"]),
    ]
    assert paragraphs(doc, "1.2") == [
        "It applies to:",
        "- (a) every member, including co-opted members; and",
        "- (b) every officer, including agency staff.",
    ]
    assert paragraphs(doc, "2.2") == [
        "Officers advise on those policies and carry them out, and:",
        "- must give advice that is honest and impartial;",
        "- should put advice in writing when asked.",
    ]
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)


def test_a_contents_table_with_dot_leaders_is_left_out(tmp_path: Path) -> None:
    """ "2.1 Answering enquiries ....... 3" is a contents entry, whatever its number: left
    out and listed, never a paragraph or a section."""
    source = DOCUMENTS / "contents-leaders.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Purpose", ["1.1.1", "1.1.2"]),
        ("Enquiries", ["2.1.1", "2.1.2"]),
        ("Review", ["3.1"]),
    ]
    entries = source.read_text(encoding="utf-8").splitlines()[4:9]
    assert sorted(line.text for line, _ in doc.left_out) == sorted(["Contents", *entries])
    assert [why for line, why in doc.left_out if line.text in entries] == [
        "a contents entry: dot leaders to a page number"
    ] * len(entries)
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)


def test_a_section_number_on_a_line_of_its_own_over_its_title(tmp_path: Path) -> None:
    """A PDF's numbered heading read out as two lines, "2" then "Roles of Members", is
    one heading where the section's paragraphs (2.1) follow it: not "2 Roles of Members"
    at the end of 1.2, with 2.1 and 2.2 filed under section 1."""
    source = DOCUMENTS / "numbers-alone.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert [(s.number, s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("1", "Introduction", ["1.1", "1.2"]),
        ("2", "Roles of Members", ["2.1", "2.2"]),
        ("3", "Review", ["3.1"]),
    ]
    assert paragraphs(doc, "1.2") == ["It forms part of the Council's Constitution."]
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)


def test_a_section_of_unnumbered_words_keeps_the_number_printed_on_it(tmp_path: Path) -> None:
    """A section whose words carry no paragraph number (here the third) is published with
    the number printed on it, not one made up from the section before (2A)."""
    source = DOCUMENTS / "prose-section.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    data, published = imported(tmp_path, source)
    as_published(published)
    document = published_document(tmp_path / "out", data)
    assert [s.number for s in document.sections] == ["1", "2", "3", "4"]
    assert document.sections[2].title == "Members as customers of the Council"


def test_a_section_keeps_its_printed_number_beside_a_paragraph_typed_with_another(
    tmp_path: Path,
) -> None:
    """A paragraph typed with another section's number ("6.4" in section 4) leaves its
    section's number printed on the heading, not one made up because the paragraphs'
    numbers disagree on it (section 4 published as 3A)."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol on Member and Officer Relations\n\n"
        "3. Members\n\n"
        "3.1 Members answer to the electorate.\n\n"
        "3.2 Members set the policy of the Council.\n\n"
        "4. Officers\n\n"
        "4.1 Officers serve the Council as a whole.\n\n"
        "6.4 Officers give impartial advice.\n\n"
        "4.3 Officers carry out the decisions lawfully taken.\n\n"
        "5. Meetings\n\n"
        "5.1 Meetings are held in the Council's offices.\n",
        encoding="utf-8",
    )
    data, published = imported(tmp_path / "import", source)
    assert [s["number"] for s in data["sections"]] == ["3", "4", "5"]
    assert published["4.1"] == "4.1" and published["4.3"] == "4.3"
    assert published["6.4"].startswith("4."), published  # in its section, as inserted
    assert any(d["kind"] == "numbering-jump" for d in data["defects"])


def test_a_section_reference_names_no_number_the_site_does_not_give(tmp_path: Path) -> None:
    """Sections printed from 3 are published from 3 (numbers as printed): the report on
    "see section 4" does not say the site numbers it 2, by its place."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol on Member and Officer Relations\n\n"
        "3. Members\n\n"
        "3.1 Members answer to the electorate; see section 4 on officers.\n\n"
        "3.2 Members set the policy of the Council.\n\n"
        "4. Officers\n\n"
        "4.1 Officers serve the Council as a whole.\n\n"
        "4.2 Officers give impartial advice.\n",
        encoding="utf-8",
    )
    data, published = imported(tmp_path / "import", source)
    assert published == {"3.1": "3.1", "3.2": "3.2", "4.1": "4.1", "4.2": "4.2"}
    [report] = [d for d in data["defects"] if d["kind"] == "section-reference"]
    assert "'Officers'" in report["message"] and "numbered 2" not in report["message"]
