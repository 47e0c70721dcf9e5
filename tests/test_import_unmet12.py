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

from constitution.importer import import_protocol, render
from constitution.problems import ProtocolError
from import_software import gold
from import_unmet12 import NAMES, SOURCES, handed_over
from test_import_layouts import flat, heading
from test_import_software import refused
from test_import_unmet import number
from test_import_unmet11 import published_numbers
from test_import_unseen import words, words_out
from test_import_word_internals import gold_text


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    assert words_out(import_protocol(source)) == words(gold_text(data))


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_read(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    doc = import_protocol(source)
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, seen in zip(doc.sections, data["sections"], strict=True):
        assert [number(c) for c in section.clauses] == [
            c["printed"].rstrip(".)") for c in seen["clauses"]
        ]
        for clause, expected in zip(section.clauses, seen["clauses"], strict=True):
            assert clause.headings == expected["headings"], clause.number
            assert flat(clause.paragraphs) == flat(expected["paragraphs"]), clause.number
    assert words(" ".join(line.text for line, _ in doc.left_out)) == words(
        " ".join(data["left_out"])
    )
    assert [d.kind for d in doc.defects] == data.get("reported", [])


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    report, published = published_numbers(tmp_path, source)
    assert report["number_style"] == data["number_style"]
    assert [d["kind"] for d in report["defects"]] == data.get("reported", [])
    assert published == [c["number"] for s in data["sections"] for c in s["clauses"]]


CITED = re.compile(r"\{para\}`([^`<]+?) <([^>]+)>`")


@pytest.mark.parametrize("name", [n for n in NAMES if "references" in gold(n, SOURCES)])
def test_references_link_the_paragraphs_cited(tmp_path: Path, name: str) -> None:
    """A cross-reference, typed or a Word field around its number, links the paragraph
    it names."""
    source, data = handed_over(name, tmp_path)
    if refused(source, data):
        return
    doc = import_protocol(source)
    blocks = "\n".join(render(doc, "MOP").values()).split("{clause}")  # IDs given
    ids = {
        f"{place}/{number(c)}": c.id for place, s in enumerate(doc.sections, 1) for c in s.clauses
    }
    for citing, cited in data["references"].items():
        (block,) = [b for b in blocks if b.startswith(f" {ids[citing]}\n")]
        assert [target for _, target in CITED.findall(block)] == [ids[c] for c in cited], citing


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
