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

from import_pandoc18 import NAMES, REFUSED, SOURCES, handed_over, protocol
from import_software import gold
from import_trial import read_text, trial_tests
from test_import_software import refused
from test_import_unmet11 import references_as_gold

# A table drawn as a PDF's lines: the PDF reader does not yet part a line's cells by the
# space between them, nor pdftotext's text its rows (plain: each cell a paragraph; -raw:
# a row's cells joined by a space, the rows and the heading after them one paragraph)
TABLE_DRAWN = (
    "a table drawn in a PDF (Chromium's print of an HTML table) is read as lines of words "
    "after paragraph 8, not as rows of cells: the PDF reader does not part a line's cells "
    "by the space between them"
)
UNMET = {
    "westmarsh-print.pdf": TABLE_DRAWN,
    "westmarsh-bare.pdf": TABLE_DRAWN,
    "westmarsh-print.txt": "pdftotext's plain text prints each cell of a table a paragraph "
    "of its own, one after another: no column tells a row's cells from the next row's",
    "westmarsh-raw.txt": "pdftotext -raw joins a row's cells by one space and prints rows "
    "and the heading after them with no blank line: the rows and 'Working Together' are "
    "read as one paragraph after 8",
    "ashcombe-bare.pdf": "pandoc's web page printed: its bullets drawn as shapes (no "
    "character in the text layer), its footnote a list item '1. ... ↩︎' after the last "
    "paragraph and its mark a small raised '1', its table's cells joined (as above)",
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
