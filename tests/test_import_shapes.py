"""The importer on more shapes real councils' protocols take that the corpus lacks
(tests/import_documents, written for these tests in our own words): footnote marks set off
by a space in a PDF's text, sub-paragraphs 1.2.1 under a paragraph leading in to them, a
reference to a number printed on a heading, a Word contents table with tab leaders, an
appendix kept as a page of its own, a list of items broken by a page, and a heading in
capitals with its number on the line below.

As in test_import_unseen.py: the words in against the words out, the structure as
printed, and the numbers published as printed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from constitution.extract_pages import PAGE_FIELD
from constitution.import_shapes import QUOTE_MARK
from constitution.importer import import_protocol
from test_import_unseen import (
    DOCUMENTS,
    SUPERSCRIPT,
    as_published,
    imported,
    paged_pdf,
    paragraphs,
    structure,
    superscript_pdf,
    words,
    words_out,
)


@pytest.mark.parametrize("form", ["pdf", "txt"])
def test_footnote_marks_set_off_by_a_space(tmp_path: Path, form: str) -> None:
    """A mark a PDF's text sets off by a space ("officers 1 who", "meetings. 2") is read
    as a mark where a note of that number stands at the page's foot, and the note goes
    with the paragraph citing it; a number after a word that takes one ("within 2
    months", "group of 3", "every 2 years") stays a number."""
    source = DOCUMENTS / "footnotes-spaced.txt"
    if form == "pdf":
        given = tmp_path / "notes.pdf"
        superscript_pdf(source, given)
    else:  # as pdftotext gives the PDF: pages split by form feeds
        given = tmp_path / "notes.txt"
        given.write_text(SUPERSCRIPT.sub(r"\1", source.read_text(encoding="utf-8")))
    doc = import_protocol(given)
    assert words_out(doc) == words(SUPERSCRIPT.sub(r"\1", source.read_text(encoding="utf-8")))
    assert structure(doc) == [
        ("Introduction", ["1.1", "1.2"]),
        ("Briefings", ["2.1", "2.2"]),
        ("Review", ["3.1"]),
    ]
    assert paragraphs(doc, "1.1") == [
        "This protocol applies to members and to the officers[1] who serve them, and to "
        "co-opted members of the Council's committees.",
        '[1] "Officers" includes agency staff working for the Council.',
    ]
    assert paragraphs(doc, "1.2") == ["Each member must read it within 2 months of election."]
    assert paragraphs(doc, "2.1") == [
        "Officers may brief the groups on the Council before their meetings.[2]",
        "[2] The Chief Executive decides which officer gives a briefing.",
    ]
    assert paragraphs(doc, "2.2") == [
        "A briefing must be offered to every group of 3 or more members on the same "
        "terms, and its contents kept confidential."
    ]
    assert paragraphs(doc, "3.1") == [
        "The Monitoring Officer will review this protocol every 2 years[3] and report to "
        "the Standards Committee.",
        "[3] The Standards Committee meets four times a year.",
    ]
    assert doc.defects == []
    _, published = imported(tmp_path, given)
    as_published(published)


def test_sub_paragraphs_under_a_paragraph_leading_in_to_them_are_cited_by_number(
    tmp_path: Path,
) -> None:
    """ "2.2 A member who has a concern about an officer:" over 2.2.1 and 2.2.2: a
    paragraph leading in, and two paragraphs of their own, published and cited with the
    numbers printed ("paragraph 2.2.2" is a reference to it by ID); the lettered items of
    2.2.2 stay its items."""
    source = DOCUMENTS / "lead-in-sub-paragraphs.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Purpose", ["1.1", "1.2"]),
        ("Concerns about Officers", ["2.1", "2.2", "2.2.1", "2.2.2", "2.3"]),
    ]
    assert paragraphs(doc, "2.2") == ["A member who has a concern about an officer:"]
    assert paragraphs(doc, "2.2.2") == [
        "may then write to the Chief Executive, who must:",
        "- (a) look into the concern; and",
        "- (b) reply within fifteen working days.",
    ]
    assert doc.defects == []
    data, published = imported(tmp_path, source)
    as_published(published)
    assert sorted(published) == ["1.1", "1.2", "2.1", "2.2", "2.2.1", "2.2.2", "2.3"]
    ids = {c["source_number"]: c["id"] for s in data["sections"] for c in s["clauses"]}
    purpose = (tmp_path / "out" / "purpose.md").read_text(encoding="utf-8")
    assert f"as paragraph {{para}}`2.2.2 <{ids['2.2.2']}>` sets out" in purpose
    assert data["defects"] == []


def test_headings_numbered_in_the_paragraphs_count_and_references_to_them(
    tmp_path: Path,
) -> None:
    """ "4. Enquiries" between paragraphs 3 and 5: one count for headings and paragraphs,
    so the sections' numbers 1, 4, 7 are no numbering fault. "paragraph 4" names that
    heading, which became a section: it is reported as such, kept as text, never linked
    to a paragraph or called missing; "paragraph 5" is a reference by ID."""
    source = DOCUMENTS / "one-count.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert [(s.number, s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("1", "Introduction", ["2.", "3."]),
        ("4", "Enquiries", ["5.", "6."]),
        ("7", "Review", ["8."]),
    ]
    data, published = imported(tmp_path, source)
    assert data["number_style"] == "continuous"
    assert published == {"2": "2", "3": "3", "5": "5", "6": "6", "8": "8"}
    assert [(d["kind"], d["number"], d["line"]) for d in data["defects"]] == [
        ("heading-reference", "4", 13),
        ("section-reference", "7", 17),
    ]
    assert (
        "the heading 'Enquiries', which is section 2 on the site" in data["defects"][0]["message"]
    )
    ids = {c["source_number"]: c["id"] for s in data["sections"] for c in s["clauses"]}
    enquiries = (tmp_path / "out" / "enquiries.md").read_text(encoding="utf-8")
    assert "as paragraph 4 sets out" in enquiries
    introduction = (tmp_path / "out" / "introduction.md").read_text(encoding="utf-8")
    assert f"paragraph {{para}}`5 <{ids['5']}>` sets the time" in introduction


def test_a_reference_to_a_number_printed_on_a_sub_heading(tmp_path: Path) -> None:
    """ "2.1 Access" over 2.1.1 is a sub-heading: "paragraph 2.1" names it, reported as a
    heading's number, not as a paragraph the document lacks, nor linked elsewhere."""
    source = tmp_path / "sub-heading.txt"
    source.write_text(
        "Protocol on Member and Officer Relations\n\n1. Scope\n\n"
        "1.1 This protocol applies to all members and officers.\n\n"
        "1.2 Members may see documents as paragraph 2.1 describes.\n\n"
        "2. Information\n\n2.1 Access\n\n"
        "2.1.1 A member may see any document the member needs.\n\n"
        "2.1.2 Officers must not refuse without advice.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert structure(doc) == [("Scope", ["1.1", "1.2"]), ("Information", ["2.1.1", "2.1.2"])]
    data, _ = imported(tmp_path, source)
    assert [(d["kind"], d["number"], d["line"]) for d in data["defects"]] == [
        ("heading-reference", "2.1", 7)
    ]
    assert "the sub-heading 'Access'" in data["defects"][0]["message"]


def contents_docx(source: Path, docx_path: Path, how: str) -> None:
    """The text as a Word file: its title a Title, its numbered headings Heading 1, and
    its contents table's entries paragraphs with a tab before the page number: as typed,
    inside a TOC field (as Word inserts one), in Word's "toc 1" style, or inside the
    content control Word's contents gallery puts them in."""
    document = docx.Document()
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line]
    entries = [line for line in lines if "\t" in line]
    document.add_heading(lines[0], level=0)
    document.add_paragraph(lines[1])  # "Contents"
    style = document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    control = OxmlElement("w:sdt")
    gallery = OxmlElement("w:docPartGallery")
    gallery.set(qn("w:val"), "Table of Contents")
    control.append(OxmlElement("w:sdtPr"))
    control[0].append(OxmlElement("w:docPartObj"))
    control[0][0].append(gallery)
    control.append(OxmlElement("w:sdtContent"))
    field = how == "field"
    for i, entry in enumerate(entries):
        paragraph = document.add_paragraph(style=style if how == "style" else None)
        if how == "control":
            control[1].append(paragraph._p)
        if field and i == 0:
            field_char(paragraph, "begin")
            instruction = OxmlElement("w:instrText")
            instruction.text = ' TOC \\o "1-3" \\h \\z \\u '
            paragraph.add_run()._r.append(instruction)
            field_char(paragraph, "separate")
        paragraph.add_run(entry)  # python-docx writes the tab as Word's <w:tab/>
        if field and i == len(entries) - 1:
            field_char(paragraph, "end")
    if how == "control":
        document.paragraphs[1]._p.addnext(control)
    for line in lines[2 + len(entries) :]:
        if re.match(r"\d+\. ", line):
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    document.save(docx_path)


def field_char(paragraph: object, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)  # type: ignore[attr-defined]


@pytest.mark.parametrize("form", ["txt", "typed", "field", "style", "control"])
def test_a_contents_table_with_a_tab_before_each_page_number_is_left_out(
    tmp_path: Path, form: str
) -> None:
    """ "2.1 Answering enquiries<tab>2" is a contents entry (Word draws its dot leaders at
    the tab stop), in Word's plain-text export, and in a Word file however it was made:
    left out and listed, never a paragraph, a section or a fault."""
    source = DOCUMENTS / "contents-tabs.txt"
    given = source
    if form != "txt":
        given = tmp_path / "contents.docx"
        contents_docx(source, given, form)
    doc = import_protocol(given)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Purpose", ["1.1", "1.2"]),
        ("Enquiries", ["2.1", "2.2"]),
        ("Review", ["3.1"]),
    ]
    entries = [line for line in source.read_text(encoding="utf-8").splitlines() if "\t" in line]
    assert [line.text for line, _ in doc.left_out] == ["Contents", *entries]
    # Word's own table is known by its field, style or control; a typed one by its tabs
    marked = form in ("field", "style", "control")
    reason = "Word's table of contents" if marked else "a tab to a page number"
    assert [why for _, why in doc.left_out[1:]] == [f"a contents entry: {reason}"] * len(entries)
    assert doc.intro.paragraphs == []
    assert doc.defects == []
    _, published = imported(tmp_path, given)
    as_published(published)


def test_an_appendix_left_out_is_kept_as_a_page_of_its_own(tmp_path: Path) -> None:
    """An appendix with no number is left out of the protocol (published there, it would
    get a number never printed), and the report says how to keep it: --appendices
    writes it, words as printed, as a page of its own for the site's other pages; its
    words read back from that page are the words left out."""
    source = DOCUMENTS / "definitions-appendix.txt"
    out, pages = tmp_path / "out", tmp_path / "appendices"
    command = [sys.executable, "-m", "constitution", "import", str(source), "--out", str(out)]
    told = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "add --appendices FOLDER, which writes them as FOLDER/appendix-1-useful-contacts.md" in (
        told.stdout
    )
    report = tmp_path / "report.json"
    kept = subprocess.run(
        [*command, "--force", "--appendices", str(pages), "--report-json", str(report)],
        capture_output=True,
        text=True,
        check=True,
    )
    page = pages / "appendix-1-useful-contacts.md"
    assert f"Wrote {page}, left out of the protocol" in kept.stdout
    assert sorted(p.name for p in pages.iterdir()) == [page.name]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["appendices"] == [
        {"title": "Appendix 1 - Useful Contacts", "line": 25, "page": None, "file": page.name}
    ]
    left = [line["text"] for line in data["left_out"]]
    assert words(page.read_text(encoding="utf-8")) == words("\n".join(left))
    tree = MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    assert [t.content for t in tree if t.type == "inline"] == left
    # the protocol's folder holds the protocol only: the gate reads every page there
    assert "appendix-1-useful-contacts.md" not in {p.name for p in out.iterdir()}
    # a folder holding other files is never written into
    (pages / "notes.txt").write_text("mine", encoding="utf-8")
    refused = subprocess.run(
        [*command, "--force", "--appendices", str(pages)], capture_output=True, text=True
    )
    assert refused.returncode != 0 and (pages / "notes.txt").read_text() == "mine"
    # nor the protocol's own folder, whose every page the gate reads as a section
    into = subprocess.run([*command, "--force", "--appendices", str(out)], capture_output=True)
    assert into.returncode != 0 and b"import-would-overwrite" in into.stderr
    assert not (out / page.name).exists()


@pytest.mark.parametrize("form", ["txt", "pdf"])
def test_a_heading_in_capitals_with_its_number_on_the_line_below(tmp_path: Path, form: str) -> None:
    """ "ENQUIRIES FROM MEMBERS" over "2" over 2.1: one heading, section 2, not words at
    the end of 1.2 with 2.1 filed under section 1; as text, and as a PDF with a running
    head and page numbers."""
    source = DOCUMENTS / "capitals-number-below.txt"
    given, furniture = source, []
    if form == "pdf":
        given = tmp_path / "capitals.pdf"
        furniture = paged_pdf(source, given)
    doc = import_protocol(given)
    text = source.read_text(encoding="utf-8")
    assert words_out(doc) == words(text) + words("\n".join(furniture))
    assert doc.title == "Protocol on Member and Officer Relations"
    assert [(s.number, s.title, [c.number for c in s.clauses]) for s in doc.sections] == [
        ("1", "INTRODUCTION", ["1.1", "1.2"]),
        ("2", "ENQUIRIES FROM MEMBERS", ["2.1", "2.2"]),
        ("3", "REVIEW OF THE PROTOCOL", ["3.1"]),
    ]
    assert paragraphs(doc, "1.2") == [
        "It forms part of the Council's Constitution and binds every member."
    ]
    assert sorted(line.text for line, _ in doc.left_out) == sorted(furniture)
    assert doc.defects == []
    _, published = imported(tmp_path, given)
    as_published(published)


def test_a_two_page_pdf_with_a_list_going_on_over_the_page(tmp_path: Path) -> None:
    """A short protocol's two pages, each headed by the council's name: the running head
    is page furniture on two pages as on ten, not words of the item "(b)" the page
    breaks, nor part of the title; the list (a), (b), (i), (ii), (c) goes on over the
    page inside 1.2."""
    source = DOCUMENTS / "list-over-page.txt"
    pdf = tmp_path / "list.pdf"
    furniture = paged_pdf(source, pdf)
    doc = import_protocol(pdf)
    assert words_out(doc) == words(source.read_text(encoding="utf-8")) + words("\n".join(furniture))
    assert doc.title == "Protocol on Member and Officer Relations"
    assert sorted(line.text for line, _ in doc.left_out) == sorted(furniture)
    assert structure(doc) == [("Purpose", ["1.1", "1.2", "1.3"]), ("Review", ["2.1"])]
    assert paragraphs(doc, "1.2") == [
        "An officer may decline a request from a member where:",
        "- (a) the request would take more than a day's work;",
        "- (b) the information asked for is confidential, unless",
        "- (i) the member needs it for a meeting; or",
        "- (ii) the Monitoring Officer agrees; or",
        "- (c) the request is for a political purpose.",
    ]
    assert doc.defects == []
    _, published = imported(tmp_path, pdf)
    as_published(published)


CONTENTS_HEADED = """\
Protocol on Member/Officer Relations

Paragraph\tSubject
-----------\t---------
5.5 – 1\tIntroduction
5.5 – 2\tConduct

5.5 – 1 Introduction

5.5 – 1.1 Members and officers must work together with respect.

5.5 – 2 Conduct

5.5 – 2.1 An officer must give impartial advice.
"""


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_contents_tables_header_row_is_left_out_with_its_entries(
    tmp_path: Path, form: str
) -> None:
    """A contents table headed "Paragraph | Subject" (in text, as a Markdown table; in
    Word, a table whose first row is plain): its entries are left out, and so is its
    header row, which was kept as the document's introduction, a list item reading
    "Paragraph Subject" on the contents page."""
    given = tmp_path / "ours.txt"
    given.write_text(CONTENTS_HEADED, encoding="utf-8")
    if form == "docx":
        lines = CONTENTS_HEADED.splitlines()
        word = docx.Document()
        word.add_paragraph(lines[0])
        table = word.add_table(rows=3, cols=2)
        for row, line in zip(table.rows, [lines[2], lines[4], lines[5]], strict=True):
            row.cells[0].text, row.cells[1].text = line.split("\t")
        for line in lines[6:]:
            if line:
                word.add_paragraph(line)
        given = tmp_path / "ours.docx"
        word.save(str(given))
    doc = import_protocol(given)
    assert doc.intro.paragraphs == []
    assert [s.title for s in doc.sections] == ["Introduction", "Conduct"]
    assert any("Paragraph" in line.text and "Subject" in line.text for line, _ in doc.left_out)


@pytest.mark.parametrize("date", ["12 March 2024", "1 Sept. 2025", "3 May, 2022"])
def test_a_date_on_a_line_of_its_own_is_no_numbered_heading(tmp_path: Path, date: str) -> None:
    """A protocol's adoption or review date on its own line is words, not section 12
    titled "March 2024", nor a contents entry left out."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol on Gifts\n\n1 Gifts\n\n1.1 Members register gifts worth over £50.\n\n"
        "2 Review\n\n2.1 The Standards Committee reviews this protocol.\n\n"
        f"Adopted by Council\n{date}\n",
        encoding="utf-8",
    )
    document = import_protocol(source)
    assert [s.number for s in document.sections] == ["1", "2"]
    assert date in " ".join(document.clauses()[-1].after.paragraphs)


def test_more_than_a_sum_is_no_quotation_mark() -> None:
    """A line opening "> £500" or "> 50" says "more than": its ">" is a word, kept; a
    Markdown quotation's "> " before words is its mark."""
    assert QUOTE_MARK.match("> £500, within the budget.") is None
    assert QUOTE_MARK.match("> 50 members") is None
    assert QUOTE_MARK.match("> You must not bully any person.")


def test_a_page_field_closes_its_line_or_stands_alone() -> None:
    """A running foot's "Page 2 of 2" closes its line; a paragraph naming a page or a
    minute ("on page 2 of the agreement", "minute 14 of 2024.") prints no page field."""
    assert PAGE_FIELD.search("Issue 2, 30 June 2025 Page 2 of 2")
    assert PAGE_FIELD.search("- 3 -")
    assert PAGE_FIELD.search("2 of 5")
    assert not PAGE_FIELD.search("1.12 Fees are set out on page 2 of the tenancy agreement.")
    assert not PAGE_FIELD.search("Adopted at its meeting of 3 May 2024, minute 14 of 2024.")
