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

from constitution.importer import import_protocol, render
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
    assert [d.kind for d in doc.defects] == []


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
