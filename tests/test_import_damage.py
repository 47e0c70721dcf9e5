"""Damage a new user found importing a real council's protocol, published as plain text
after conversion from Word, that import, check and build all passed without a word
(tests/import_documents, written for these tests in our own words): emphasis as
asterisks, underscores or HTML; tables as Markdown pipes, HTML or Word's; a sentence
broken by a page; an unnumbered "Introduction" before section 1; the report's list of
modality guesses; a paragraph whose only modal verb is in its list items.

As in test_import_unseen.py: the words in against the words out, the structure as
printed, and the numbers published as printed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from markdown_it import MarkdownIt

from constitution.build import build_site
from constitution.extract_lines import Line
from constitution.import_markup import CELL_BREAK
from constitution.import_model import ImportedClause
from constitution.importer import import_protocol
from constitution.modality import LEVELS, guess_lead_in
from constitution.project import Project
from test_import import import_into, run
from test_import_unseen import (
    DOCUMENTS,
    as_published,
    imported,
    paged_pdf,
    paragraphs,
    structure,
    words,
    words_out,
)

TAG = re.compile(r"</?\w+>")


def source_words(source: Path) -> Counter[str]:
    """The words a reader of the source sees: not the HTML's tag names."""
    return words(TAG.sub(" ", source.read_text(encoding="utf-8")))


def inline_tokens(myst: str) -> list[str]:
    """The inline mark-up MyST reads in the text (em_open, strong_open, hardbreak...),
    inside each clause's block too."""
    found = []
    for token in MarkdownIt("commonmark").parse(myst):
        if token.type == "fence":
            found += inline_tokens(token.content)
        found += [child.type for child in token.children or ()]
    return found


def test_emphasis_in_a_text_source_is_published_as_emphasis(tmp_path: Path) -> None:
    """*words*, _words_, <i>, <u>, <b> and **words** become MyST emphasis: no asterisk
    or underscore published as a character, none added to the words."""
    source = DOCUMENTS / "emphasis.txt"
    doc = import_protocol(source)
    assert words_out(doc) == source_words(source)
    assert structure(doc) == [("Purpose", ["1.1", "1.2"]), ("Requests", ["2.1", "2.2", "2.3"])]
    assert paragraphs(doc, "1.2") == [
        "It is *not* a code of conduct; the *Members' Code* stands beside it."
    ]
    assert paragraphs(doc, "2.1") == [
        "A councillor must make any request for work **through the Clerk**, and *never* "
        "directly to a junior officer."
    ]
    assert doc.defects == []
    _, published = imported(tmp_path, source)
    as_published(published)
    pages = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").glob("*.md")))
    assert "\\*" not in pages and "\\_" not in pages and "<" not in pages
    tokens = inline_tokens(pages)
    assert tokens.count("em_open") == 5 and tokens.count("strong_open") == 2


def test_emphasis_in_a_word_file_is_published_as_emphasis(tmp_path: Path) -> None:
    """Words in bold, italics or underlined among plain ones: emphasis, as in a text
    source; a paragraph in bold throughout is its style (a heading's), not marked."""
    given = tmp_path / "emphasis.docx"
    word = docx.Document()
    for text in ("Protocol on Councillors and Staff", "1. Purpose"):
        word.add_paragraph(text)
    runs = [
        [("1.1 It is ", ""), ("not", "i"), (" a code of conduct.", "")],
        [("1.2 Requests go ", ""), ("through the Clerk", "b"), (" and ", ""), ("never", "u")],
        [("1.3 Staff reply within ten days.", "b")],
    ]
    for paragraph in runs:
        para = word.add_paragraph()
        for text, style in paragraph:
            run = para.add_run(text)
            run.italic, run.bold, run.underline = style == "i", style == "b", style == "u"
    word.save(str(given))
    doc = import_protocol(given)
    assert [paragraphs(doc, n) for n in ("1.1", "1.2", "1.3")] == [
        ["It is *not* a code of conduct."],
        ["Requests go **through the Clerk** and *never*"],
        ["Staff reply within ten days."],
    ]
    _, published = imported(tmp_path, given)
    as_published(published)
    tokens = inline_tokens((tmp_path / "out" / "purpose.md").read_text(encoding="utf-8"))
    assert tokens.count("em_open") == 2 and tokens.count("strong_open") == 1


def test_a_pipe_table_and_an_html_table_keep_their_rows_and_headers(tmp_path: Path) -> None:
    """Each row an item, the header row the first, each cell on a line of its own,
    emphasis in a cell kept; no separator the source never printed; the change reported."""
    source = DOCUMENTS / "tables.txt"
    doc = import_protocol(source)
    # every word once: the header's words are not repeated in the rows under it
    assert words_out(doc) == source_words(source)
    assert structure(doc) == [("Who to Ask", ["1.1", "1.2"]), ("Meeting Rooms", ["2.1", "2.2"])]
    cell = CELL_BREAK
    assert paragraphs(doc, "1.1") == [
        "Councillors should direct questions to the officer responsible:",
        f"- Subject{cell}Officer{cell}Contact by",
        f"- Planning{cell}Head of Planning{cell}*e-mail*",
        f"- Housing repairs{cell}Housing Manager{cell}telephone or e-mail",
    ]
    assert paragraphs(doc, "2.1")[1:] == [
        f"- Room{cell}Seats",
        f"- Council Chamber{cell}60",
        f"- Committee Room *B*{cell}12",
    ]
    notes = [n for n in doc.extracted.notes if n.startswith("The table at")]
    assert [n.split(" (")[0] for n in notes] == ["The table at line 6", "The table at line 16"]
    _, published = imported(tmp_path, source)
    as_published(published)
    page = (tmp_path / "out" / "who-to-ask.md").read_text(encoding="utf-8")
    assert "–" not in page and "|" not in page
    tokens = inline_tokens(page)
    assert tokens.count("hardbreak") == 6 and tokens.count("em_open") == 1


def test_an_html_table_s_row_headers_stay_in_their_rows(tmp_path: Path) -> None:
    """A <th> heading its own row (the row's label, beside its <td>) is that row's first
    cell; only a first row all of <th> is the table's header row."""
    source = tmp_path / "protocol.txt"
    source.write_text(
        "Protocol\n\n1. Contacts\n\n1.1 Members ask these officers:\n\n<table>\n"
        "<tr><th>Service</th><th>Officer</th></tr>\n"
        "<tr><th>Planning</th><td>the Planning Officer</td></tr>\n"
        "<tr><th>Licensing</th><td>the Licensing Officer</td></tr>\n</table>\n\n"
        "1.2 Officers reply.\n",
        encoding="utf-8",
    )
    assert paragraphs(import_protocol(source), "1.1")[1:] == [
        f"- Service{CELL_BREAK}Officer",
        f"- Planning{CELL_BREAK}the Planning Officer",
        f"- Licensing{CELL_BREAK}the Licensing Officer",
    ]


def test_a_word_table_adds_no_separator_between_its_cells(tmp_path: Path) -> None:
    """Each cell on a line of its own; a row Word repeats as the header is the first
    item, its words not repeated under it; the change reported."""
    given = tmp_path / "table.docx"
    word = docx.Document()
    for text in (
        "Protocol on Members' Requests",
        "1. Requests",
        "1.1 Members send requests to these officers:",
    ):
        word.add_paragraph(text)
    table = word.add_table(rows=2, cols=2)
    for row, cells in zip(
        table.rows, [("Planning", "Head of Planning"), ("Parks", "Parks Officer")], strict=True
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    word.add_paragraph("1.2 Officers must reply within these times:")
    timed = word.add_table(rows=3, cols=2)
    for row, cells in zip(
        timed.rows, [("Request", "Reply"), ("Urgent", "2 days"), ("Other", "")], strict=True
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    header = timed.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    word.add_paragraph("1.3 The Clerk keeps a record.")
    word.save(str(given))
    doc = import_protocol(given)
    assert paragraphs(doc, "1.1") == [
        "Members send requests to these officers:",
        f"- Planning{CELL_BREAK}Head of Planning",
        f"- Parks{CELL_BREAK}Parks Officer",
    ]
    assert paragraphs(doc, "1.2")[1:] == [
        f"- Request{CELL_BREAK}Reply",
        f"- Urgent{CELL_BREAK}2 days",
        "- Other",
    ]
    notes = [n for n in doc.extracted.notes if n.startswith("The table at")]
    assert [n.split(" was")[0] for n in notes] == ["The table at line 4", "The table at line 6"]
    _, published = imported(tmp_path, given)
    as_published(published)
    assert "–" not in (tmp_path / "out" / "requests.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("form", ["pdf", "txt"])
def test_a_sentence_broken_by_a_page_is_one_paragraph(tmp_path: Path, form: str) -> None:
    """ "...any Council, Cabinet," / page / "Panel or Committee agenda..." is one
    paragraph, as "can" / page / "damage" is; the join before a capital is reported."""
    source = DOCUMENTS / "page-breaks.txt"
    given = source
    if form == "pdf":
        given = tmp_path / "pages.pdf"
        paged_pdf(source, given)
    doc = import_protocol(given)
    if form == "txt":
        assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert structure(doc) == [
        ("Agendas", ["1.1", "1.2"]),
        ("Reports", ["2.1", "2.2"]),
        ("Review", ["3.1"]),
    ]
    assert paragraphs(doc, "1.1") == [
        "Officers prepare reports for Members and must not add an item to any Council, "
        "Cabinet, Panel or Committee agenda without the Chair's agreement."
    ]
    assert paragraphs(doc, "1.2") == [
        "A Member who believes an officer has acted wrongly can damage trust by saying so "
        "in public, and should raise it privately instead."
    ]
    joins = [n for n in doc.extracted.notes if n.startswith("joined across a page break")]
    assert len(joins) == 1 and "'Panel or Committee agenda" in joins[0]
    assert doc.defects == []
    _, published = imported(tmp_path, given)
    as_published(published)


def test_an_introduction_heading_before_section_1_stays_a_heading_in_bold(tmp_path: Path) -> None:
    source = DOCUMENTS / "introduction.txt"
    doc = import_protocol(source)
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
    assert doc.title == "Member and Officer Protocol"
    assert structure(doc) == [("Roles", ["1.1", "1.2"]), ("Conduct", ["2.1"])]
    data, published = imported(tmp_path, source)
    as_published(published)
    assert [p.get("heading", False) for p in data["intro"]] == [True, False]
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert index.startswith(
        "# Member and Officer Protocol\n\n**Introduction**\n\nThis protocol is a guide"
    )


def review_list(source: Path, tmp_path: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split("worked examples.\n")[1].splitlines()


def test_the_modality_list_is_the_least_certain_first_cited_as_the_site_does(
    tmp_path: Path,
) -> None:
    rows = review_list(DOCUMENTS / "lead-in-modality.txt", tmp_path)
    confidence = [LEVELS.index(re.search(r", (\w+) confidence", r)[1]) for r in rows]
    assert confidence == sorted(confidence) and confidence[0] < confidence[-1]
    cited = [re.match(r"  MOP-\d{4} \((.+?)\):", r)[1] for r in rows]
    # the site's numbers: each "(1)" with its section; within a confidence, in order
    assert cited == ["1(1)", "1(3)", "2(1)", "1(2)", "2(2)", "1(4)"]


def test_a_paragraphs_own_words_decide_its_modality_above_its_items(tmp_path: Path) -> None:
    """ "The Council will give ... including: - advice that may be necessary": the lead-in
    says what the paragraph does; the items' "may" qualifies what is listed."""
    doc = import_protocol(DOCUMENTS / "lead-in-modality.txt")
    assert [c.number for c in doc.clauses()] == ["(1)", "(2)", "(3)", "(4)", "(1)", "(2)"]
    data, _ = imported(tmp_path, DOCUMENTS / "lead-in-modality.txt")
    guesses = [(c["modality"], c["confidence"]) for s in data["sections"] for c in s["clauses"]]
    assert guesses == [
        ("must", "low"),  # "will" in its own words, not the items' "may"
        ("informative", "medium"),
        ("may", "low"),  # no verb of its own: its items' "may", less sure
        ("must-not", "high"),
        ("must", "low"),
        ("may", "medium"),
    ]


@pytest.mark.parametrize(
    ("own", "items", "modality", "confidence"),
    [
        ("Officers will give members support, including:", "advice that may help", "must", "low"),
        ("Members must not disclose:", "anything they may be told", "must-not", "high"),
        ("Members are offered:", "a laptop they may take home", "may", "low"),
        ("Members are offered:", "a laptop; a telephone", "informative", "medium"),
        ("Members may ask for a briefing.", "", "may", "medium"),
    ],
)
def test_lead_in_words_above_items(own: str, items: str, modality: str, confidence: str) -> None:
    guess = guess_lead_in(own, items)
    assert (guess.modality, guess.confidence) == (modality, confidence)


def test_items_that_are_sentences_are_the_paragraphs_own_words() -> None:
    """An item that is a sentence ("(a) Officers must not ..."), or holds one after its
    first ("(b) such support must ... . Officers must not ..."), says what the paragraph
    requires; an item that only finishes the lead-in ("(c) advice that may ...") does not."""
    clause = ImportedClause("1.1", "1.1", "dotted", Line("", 1))
    clause.paragraphs = [
        "In particular:",
        "- (a) Officers must not canvass.",
        "- (b) such support must stay factual. Officers must not advise on party business.",
        "- (c) advice that may be needed.",
    ]
    own, items = clause.own_and_items()
    assert own == (
        "In particular: (a) Officers must not canvass. (b) such support must stay factual. "
        "Officers must not advise on party business."
    )
    assert items == "(c) advice that may be needed."
    assert guess_lead_in(own, items).modality == "must-not"


def test_the_site_shows_the_emphasis_the_table_and_the_introductions_heading(
    scratch: Project,
) -> None:
    """Imported into a project, the gate passes the pages and the site shows what the
    source printed: emphasis in italics and bold, a table's cells a line apart, the
    "Introduction" the heading over its words, in bold."""
    source = scratch.root / "protocol.txt"
    title, _, rest = (DOCUMENTS / "tables.txt").read_text(encoding="utf-8").partition("\n\n")
    intro = "Introduction\n\nThis protocol is **binding** on members and officers.\n\n"
    source.write_text(f"{title}\n\n{intro}{rest}", encoding="utf-8")
    report = import_into(scratch, source)
    assert [p.get("heading", False) for p in report["intro"]] == [True, False]
    check = run("check", "--format", "json", cwd=scratch.root)
    assert {p["code"] for p in json.loads(check.stdout)["problems"]} == {"uncovered"}
    assert build_site(scratch, scratch.root / "_site") == 0
    index = (scratch.root / "_site" / "protocol" / "index.html").read_text(encoding="utf-8")
    assert "<p><strong>Introduction</strong></p>\n<p>This protocol is <strong>binding" in index
    assert "<strong>binding</strong>" in index
    page = (scratch.root / "_site" / "protocol" / "who-to-ask.html").read_text(encoding="utf-8")
    assert "Head of Planning<br />\n<em>e-mail</em>" in page
    assert "*" not in re.sub(r"<[^>]+>", "", page.partition("<article")[2])


def test_a_pipe_table_without_outer_pipes_is_a_table_and_a_rule_is_not(tmp_path: Path) -> None:
    source = tmp_path / "p.txt"
    source.write_text(
        "Protocol on Requests\n\n1. Requests\n1.1 Members send requests here:\n\n"
        "Subject | Officer\n:--- | ---\nPlanning | Head of Planning\n\n"
        "1.2 Officers reply | within ten days.\n---\n1.3 The Clerk keeps a record.\n",
        encoding="utf-8",
    )
    doc = import_protocol(source)
    assert paragraphs(doc, "1.1") == [
        "Members send requests here:",
        f"- Subject{CELL_BREAK}Officer",
        f"- Planning{CELL_BREAK}Head of Planning",
    ]
    assert paragraphs(doc, "1.2") == ["Officers reply | within ten days."]
    assert words_out(doc) == words(source.read_text(encoding="utf-8"))
