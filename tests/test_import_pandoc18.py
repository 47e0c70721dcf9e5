"""The importer on files real programs made (tests/import_pandoc18): pandoc's Word file,
web page, GitHub Markdown and plain text, Chromium's print of a council's web page to
PDF (with its header and footer and without), and pdftotext's text of those PDFs
(plain, -layout, -raw), each of three protocols read as its one gold. Every word in is
a word out, the structure is as a careful reader reads it, the site publishes the
numbers printed, and each reference links the paragraph it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from constitution.import_markup import CELL_BREAK
from constitution.import_model import Imported
from constitution.importer import import_protocol
from import_pandoc18 import NAMES, REFUSED, SOURCES, handed_over, protocol
from import_software import gold
from import_trial import read_text, trial_tests
from test_import_software import refused
from test_import_unmet11 import references_as_gold

# pdftotext's text of a table does not show its rows (plain: each cell a paragraph; -raw:
# a row's cells joined by a space, the rows and the heading after them one paragraph)
UNMET = {
    "westmarsh-print.txt": "pdftotext's plain text prints each cell of a table a paragraph "
    "of its own, one after another: no column tells a row's cells from the next row's",
    "westmarsh-raw.txt": "pdftotext -raw joins a row's cells by one space and prints rows "
    "and the heading after them with no blank line: the rows and 'Working Together' are "
    "read as one paragraph after 8",
    "ashcombe-bare.pdf": "pandoc's web page printed: its bullets drawn as shapes (no "
    "character in the text layer), its footnote a list item '1. ... ↩︎' after the last "
    "paragraph and its mark a small raised '1' (its table is read as rows)",
}
READ = [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=UNMET[n])) if n in UNMET else n
    for n in NAMES
]
CITING = [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=UNMET[n]))
    if n == "westmarsh-raw.txt"
    else n
    for n in NAMES
]

test_read_as_gold, _, _ = trial_tests(READ, SOURCES, handed_over)
_, test_published_as_gold, _ = trial_tests(NAMES, SOURCES, handed_over)


@pytest.mark.parametrize("name", CITING)
def test_references_link_the_paragraph_named(tmp_path: Path, name: str) -> None:
    """ "paragraph 12", "Subject to 3.1 above", "See 3.1 above" link the paragraph they
    name, in every file made of the protocol."""
    references_as_gold(*handed_over(name, tmp_path))


@pytest.mark.parametrize("name", REFUSED)
def test_a_format_not_read_is_refused_saying_which_are(name: str) -> None:
    """reStructuredText pandoc wrote is refused, naming the file and the formats read."""
    data = gold(f"{protocol(name)}.json", SOURCES)
    assert refused(SOURCES / name, {"refusal": {"says": data["refusal"][name]}})


def test_each_gold_holds_every_paragraph_its_texts_print() -> None:
    """Each text file (web page, Markdown, plain text) prints the first words of every
    paragraph of its gold, as typed or as the program wrote them."""
    for name in (n for n in NAMES if not n.endswith((".pdf", ".docx"))):
        _, data = handed_over(name, SOURCES)
        text = re.sub(r"\\", "", " ".join(read_text(SOURCES / name).split()))
        text = text.replace("\u2019", "'")
        for clause in (c for s in data["sections"] for c in s["clauses"]):
            first = " ".join(clause["paragraphs"][0].replace("\u2019", "'").split()[:4])
            pattern = re.escape(first).replace(r"\ ", r"\s+(?:<[^>]+>)?\s*")
            assert re.search(pattern, text), (name, clause["number"])


def test_pandoc_s_title_block_and_footnotes_on_a_web_page(tmp_path: Path) -> None:
    """A heading in the Title style is the document's title even in a <header> (pandoc's
    title block); a footnote marked by DPUB-ARIA's roles is drawn "[1]", its note "[1]
    ...", with the paragraph citing it; the link back from the note is no word."""
    doc = written(
        tmp_path / "protocol.html",
        (
            '<html><head><title>Protocol</title></head><body><header id="title-block-header">'
            '<h1 class="title">Protocol</h1></header><h2>1. Scope</h2><p>1.1 Members decide'
            '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>'
            ".</p><p>1.2 Officers advise.</p>"
            '<section class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1"><p>In public.'
            '<a href="#fnref1" class="footnote-back" role="doc-backlink">\u21a9\ufe0e</a></p></li>'
            "</ol></section></body></html>"
        ),
    )
    assert doc.title == "Protocol"
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members decide[1].", "[1] In public."],
        ["Officers advise."],
    ]


def test_a_block_quote_s_paragraphs_are_drawn_without_its_marks(tmp_path: Path) -> None:
    """pandoc writes a Word paragraph indented from the margin as a block quote: the page
    draws its paragraphs set in, the ">" no word."""
    doc = written(
        tmp_path / "protocol.md",
        (
            "# Protocol\n\n## 1. Scope\n\n1.1 Members must not:\n\n> \\(a\\) act alone;\n>\n"
            "> \\(b\\) act in secret.\n\n1.2 Officers advise.\n"
        ),
    )
    assert [c.paragraphs for c in doc.clauses()] == [
        ["Members must not:", "- (a) act alone;", "- (b) act in secret."],
        ["Officers advise."],
    ]


PLAIN = """Protocol

1. Scope

1.1 Information a member is given in confidence must not be disclosed.
See 1.3 for how to ask for it, and to whom the request should go.

1.2 Members may ask for it:

  -----------------------------------------
  Who asks             Who decides
  -------------------- --------------------
  A ward member        the head of service,
                       with an appeal

  A cabinet member     the Chief Executive
  -----------------------------------------

1.3 Requests go to Democratic Services, who reply within ten working
days, and say why where the answer is no.
"""


def test_pandoc_s_plain_text_wraps_and_tables(tmp_path: Path) -> None:
    """Text wrapped at a measure that sets its paragraphs apart by blank lines: a line
    the one before could not have taken is the paragraph going on, however that line
    ends; a table ruled with dashes (pandoc's plain text) is rows, its header the first."""
    doc = written(tmp_path / "protocol.txt", PLAIN)
    assert [c.paragraphs for c in doc.clauses()] == [
        [
            "Information a member is given in confidence must not be disclosed. See 1.3 "
            "for how to ask for it, and to whom the request should go."
        ],
        [
            "Members may ask for it:",
            f"- Who asks{CELL_BREAK}Who decides",
            f"- A ward member{CELL_BREAK}the head of service, with an appeal",
            f"- A cabinet member{CELL_BREAK}the Chief Executive",
        ],
        [
            "Requests go to Democratic Services, who reply within ten working days, and "
            "say why where the answer is no."
        ],
    ]


PRINTED = [
    "1/12/25, 10:02 AM                  Protocol | Borough Council",
    "",
    "Skip to main content",
    "",
    "      Borough Council         Bins      Council tax      Your council",
    "",
    "      Home > Your council > Constitution",
    "",
    "      Protocol",
    "",
    "      Scope",
    "         1. Members decide the Council's policies and",
    "            budget.",
    "         2. Members may be:",
    "",
    "              Post                      Held by",
    "",
    "              Head of Paid Service      the Chief Executive",
    "",
    "      Roles",
    "         3. Officers advise members.",
    "",
    "      Accessibility | Privacy | Contact us",
    "",
    "      \u00a9 Borough Council 2025",
    "",
    "https://www.example.gov.uk/protocol                                1/1",
]


def test_a_web_page_printed_leaves_out_the_site_s_banner_and_footer(tmp_path: Path) -> None:
    """pdftotext -layout's text of a council's page printed from the browser: the skip link, the
    menu and the breadcrumbs over the title, and the links and copyright under the last
    paragraph, are the site's, left out; the lines after a lead-in are what it leads in
    to, and the heading after them heads the next paragraph."""
    doc = written(tmp_path / "protocol.txt", "\n".join(PRINTED) + "\n\f")
    assert (doc.title, [s.title for s in doc.sections]) == ("Protocol", ["Scope", "Roles"])
    assert [[p.replace(CELL_BREAK, " ") for p in c.paragraphs] for c in doc.clauses()] == [
        ["Members decide the Council's policies and budget."],
        [
            "Members may be:",
            "- Post Held by",
            "- Head of Paid Service the Chief Executive",
        ],
        ["Officers advise members."],
    ]
    assert {" ".join(line.text.split()) for line, _ in doc.left_out} >= {
        "Skip to main content",
        "Home > Your council > Constitution",
        "Accessibility | Privacy | Contact us",
        "\u00a9 Borough Council 2025",
    }


ENDING = [
    "Protocol",
    "",
    "Duties",
    "1. The Committee shall:",
    "(a) hear complaints; and",
    "(c) report to the Standards Committee each year.",
    "2. The register is published on the Council's website at",
    "www.westshire.gov.uk/standards",
]


def test_a_document_s_own_last_lines_are_no_site_footer(tmp_path: Path) -> None:
    """pdftotext's text of an ordinary protocol, no web page: a last item lettered
    "(c)" and an address the last sentence gives are the document's words, kept."""
    for lines in (ENDING[:-2], ENDING):
        doc = written(tmp_path / "protocol.txt", "\n".join(lines) + "\n\f")
        words = " ".join(p for c in doc.clauses() for p in c.paragraphs)
        assert words.endswith(re.sub(r"^\(c\) ", "", lines[-1]))
        assert not doc.left_out


def written(source: Path, text: str) -> Imported:
    """The protocol ``text`` written to ``source`` as UTF-8, imported."""
    source.write_text(text, encoding="utf-8")
    return import_protocol(source)


def test_a_dashed_table_s_row_spilling_past_its_column_keeps_its_words(
    tmp_path: Path,
) -> None:
    """A table typed by hand over a rule of dashes, a row's first cell longer than its
    run of dashes: the words that spill past where the next column begins are still the
    first cell's, no word cut in two."""
    doc = written(
        tmp_path / "protocol.txt",
        "Protocol\n\n1. Contacts\n\n1.1 Members may ask:\n\n"
        "Role          Contact\n----------    ---------------\n"
        "Monitoring Officer    Legal Services\nChief Executive    the Town Hall\n\n"
        "1.2 Officers reply.\n",
    )
    assert doc.clauses()[0].paragraphs == [
        "Members may ask:",
        f"- Role{CELL_BREAK}Contact",
        f"- Monitoring Officer{CELL_BREAK}Legal Services",
        f"- Chief Executive{CELL_BREAK}the Town Hall",
    ]
