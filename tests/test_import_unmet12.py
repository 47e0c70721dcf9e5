"""The importer on five protocols as UK councils publish them, of kinds and layouts it
had not met (import_unmet12.py makes them from tests/import_unmet12): a Word file whose
words were moved with tracked changes and carry reviewers' comments, a Word file whose
cross-references are fields (REF, a HYPERLINK field around a paragraph number, PAGEREF),
a protocol whose second level of numbers heads its third, a PDF whose footer prints a
version and a date like paragraph numbers, and a PDF with a scanned page among its text
pages. Every word in is a word out, the structure is as a careful reader reads it, the
site publishes the numbers printed; what cannot be read faithfully is refused."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from constitution.import_model import Imported
from constitution.import_myst import render
from constitution.importer import import_protocol
from constitution.problems import ProtocolError
from import_software import gold
from import_trial import bare, every_word_out, structure_as_read
from import_unmet12 import NAMES, SOURCES, Tracked, handed_over
from import_word_internals import read
from test_import_software import refused
from test_import_unmet11 import published_numbers


def readable(tmp_path: Path, name: str) -> tuple[Path, dict[str, Any]] | None:
    """The document and its gold; None where the gold says it is refused, and it is."""
    source, data = handed_over(name, tmp_path)
    return None if refused(source, data) else (source, data)


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    if given := readable(tmp_path, name):
        source, data = given
        every_word_out(import_protocol(source), data)


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_read(tmp_path: Path, name: str) -> None:
    """As read; the one report a reading makes here is of the paragraph moved to stand,
    unnumbered, under 4.2, as the importer says of any such paragraph ("check it belongs
    there")."""
    if given := readable(tmp_path, name):
        source, data = given
        structure_as_read(import_protocol(source), data, reported=data.get("reported", []))


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    if given := readable(tmp_path, name):
        source, data = given
        report, published = published_numbers(tmp_path, source)
        assert (report["number_style"], [d["kind"] for d in report["defects"]]) == (
            data["number_style"],
            data.get("reported", []),
        )
        assert published == [c["number"] for s in data["sections"] for c in s["clauses"]]


CITED = re.compile(r"\{para\}`([^`<]+?) <([^>]+)>`")


def links(doc: Imported) -> dict[str, list[str]]:
    """Each paragraph ("2/2.3": the second section's 2.3) and those its words link, as
    the import writes them out."""
    blocks = "\n".join(render(doc, "MOP").values()).split("{clause} ")[1:]  # IDs given
    named = {
        c.id: f"{place}/{bare(c.number)}"
        for place, s in enumerate(doc.sections, 1)
        for c in s.clauses
    }
    return {
        named[block.split("\n", 1)[0]]: [named[target] for _, target in CITED.findall(block)]
        for block in blocks
    }


@pytest.mark.parametrize("name", [n for n in NAMES if "references" in gold(n, SOURCES)])
def test_references_link_the_paragraphs_cited(tmp_path: Path, name: str) -> None:
    """A cross-reference, typed or a Word field around its number, links the paragraph
    it names, and no other paragraph links any."""
    source, data = handed_over(name, tmp_path)
    linked = {citing: cited for citing, cited in links(import_protocol(source)).items() if cited}
    assert linked == data["references"]


@pytest.mark.parametrize("name", [n for n in NAMES if "refusal" in gold(n, SOURCES)])
def test_refused_saying_where_and_how(tmp_path: Path, name: str) -> None:
    """A document the importer cannot read whole (a scanned page among text pages) is
    refused, naming the file, the page and the way through; never imported short."""
    source, data = handed_over(name, tmp_path)
    assert refused(source, data)


def test_gold_reads_every_source() -> None:
    """Each document's gold holds a paragraph for each numbered line of its source."""
    for name in NAMES:
        data: dict[str, Any] = gold(name, SOURCES)
        source = SOURCES / (name if name.endswith(".txt") else f"{name}.txt")
        text = source.read_text(encoding="utf-8")
        for clause in (c for s in data["sections"] for c in s["clauses"]):
            assert re.search(rf"(^|\n)(# )?{re.escape(clause['printed'])}[ \t|]", text), clause


def scan_pdf(path: Path, pages: list[str]) -> Path:
    """A PDF of text pages and, where a page's entry is "scan", "scan stamped" or "logo",
    a picture: a scan over the whole page (with a page number stamped on it as text), or
    a logo over a short title."""
    canvas = Canvas(str(path), pagesize=A4)
    picture = ImageReader(Image.new("L", (200, 280), 128))
    for n, page in enumerate(pages, start=1):
        canvas.setFont("Helvetica", 10)
        if page.startswith("scan"):
            canvas.drawImage(picture, 0, 0, *A4)
            if page.endswith("stamped"):
                canvas.drawString(280, 30, f"Page {n}")
        elif page == "logo":
            canvas.drawImage(picture, 250, 700, 80, 100)
            canvas.drawString(200, 650, "Member/Officer Protocol")
        else:
            for at, line in enumerate(page.split("\n")):
                canvas.drawString(64, 760 - 14 * at, line)
        canvas.showPage()
    canvas.save()
    return path


TEXT = (
    "1. Scope\n1.1 Members and officers of the Council work together with courtesy.\n"
    "1.2 Officers give impartial advice to every member.\n2. Concerns\n"
    "2.1 A member raises a concern about an officer with the Chief Executive.\n"
    "2.2 The Monitoring Officer reviews this protocol every two years."
)


def code_of(path: Path) -> str | None:
    try:
        import_protocol(path)
    except ProtocolError as refused_as:
        return refused_as.problems[0].code
    return None


def test_a_page_scanned_among_text_pages_is_refused_naming_it(tmp_path: Path) -> None:
    """A scanned page (a page number stamped on it as text or not) among text pages
    stops the import naming the page; a cover's logo over a short title does not; a PDF
    all scanned holds no text at all."""
    stamped = scan_pdf(tmp_path / "stamped.pdf", [TEXT, "scan stamped", TEXT, "scan"])
    with pytest.raises(ProtocolError, match=r"pages 2 and 4: scanned") as raised:
        import_protocol(stamped)
    assert "OCR" in str(raised.value)
    assert code_of(scan_pdf(tmp_path / "cover.pdf", ["logo", TEXT])) is None
    assert code_of(scan_pdf(tmp_path / "all.pdf", ["scan", "scan stamped"])) == "import-no-text"


LEFT_BEHIND = """title: Protocol on Member and Officer Relations
header: Brackenford Borough Council
footer: Approved by Council on 14 October 2025
numbering: typed
intro: The Council adopted this protocol on 14 October 2025.
# 1 | Scope
1.1 | Members and officers of the Council work together with courtesy.
1.2 | [[movefrom|move1|Officers give impartial advice to every member.]]
1.3 | Members set the Council's policies.
# 2 | Advice
2.1 | A member may ask an officer for advice.
2.2 | [[moveto|move1|Officers give impartial advice to every member.]]
2.3 | Officers reply within ten working days.
"""


def test_a_number_whose_words_were_moved_away_is_refused(tmp_path: Path) -> None:
    """A typed number left behind by a tracked move (its words moved, the number not) is
    printed alone before the next paragraph's number: refused, naming the number and its
    line, not given the next paragraph's words ("1.2" reading "1.3 Members set ...")."""
    source = tmp_path / "left-behind.docx.txt"
    source.write_text(LEFT_BEHIND, encoding="utf-8")
    path = tmp_path / "left-behind.docx"
    Tracked(read(str(tmp_path / "left-behind.docx"))).write(path)
    with pytest.raises(ProtocolError, match=r"1\.2 is printed with no words") as raised:
        import_protocol(path)
    (problem,) = raised.value.problems
    assert (problem.code, problem.line) == ("import-number-without-words", 5)
    assert "'[Deleted]'" in str(raised.value)


def test_a_number_alone_takes_the_words_on_the_next_line(tmp_path: Path) -> None:
    """A number on a line of its own takes the next line's words, even where they begin
    with a figure ("12 members"); a number of its depth after it ("1.3") is no word."""
    source = tmp_path / "protocol.txt"
    text = (
        "Protocol\n\n1. Scope\n\n1.1\n\n12 members form a quorum.\n\n1.2\n\nOfficers advise."
        "\n\n2. Review\n\n2.1\n\n2.2 The Monitoring Officer reviews this protocol.\n"
    )
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ProtocolError, match=r"line 15, 2\.1 is printed with no words"):
        import_protocol(source)
    source.write_text(text.replace("2.1\n\n2.2", "2.1"), encoding="utf-8")
    doc = import_protocol(source)
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        ("1.1", ["12 members form a quorum."]),
        ("1.2", ["Officers advise."]),
        ("2.1", ["The Monitoring Officer reviews this protocol."]),
    ]
