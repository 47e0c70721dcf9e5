"""The importer on five protocols as UK councils publish them, of kinds and layouts it
had not met (import_unmet14.py makes them from tests/import_unmet14): a PDF whose
amendment notes stand in the margin beside the paragraphs they changed, a PDF exported
from Word with a contents page and a blank page numbered in Roman before the body, a PDF
whose sections repeat their heading "(continued)" over a page break, a web page whose
paragraphs are a definition list, and a Word file whose numbers come from its styles,
restarted by list overrides. Every word in is a word out, the structure is as a careful
reader reads it, the site publishes the numbers printed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from constitution.importer import import_protocol
from import_software import gold
from import_trial import every_word_out, structure_as_read
from import_unmet14 import NAMES, SOURCES, handed_over
from test_import_unmet11 import published_numbers


@pytest.mark.parametrize("name", NAMES)
def test_every_word_in_is_a_word_out(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    every_word_out(import_protocol(source), data)


@pytest.mark.parametrize("name", NAMES)
def test_structure_as_read(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    structure_as_read(import_protocol(source), data, reported=data.get("reported", []))


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    report, published = published_numbers(tmp_path, source)
    assert (report["number_style"], [d["kind"] for d in report["defects"]]) == (
        data["number_style"],
        data.get("reported", []),
    )
    assert published == [c["number"] for s in data["sections"] for c in s["clauses"]]


def test_gold_reads_every_source() -> None:
    """Each document's gold holds every paragraph its source prints: a typed number's
    words begin its line, a number Word or the browser draws is the paragraph's place."""
    for name in NAMES:
        data: dict[str, Any] = gold(name, SOURCES)
        source = SOURCES / (name if name.endswith(".html") else f"{name}.txt")
        text = " ".join(source.read_text(encoding="utf-8").split())
        for clause in (c for s in data["sections"] for c in s["clauses"]):
            first = " ".join(clause["paragraphs"][0].split()[:4])
            assert re.search(re.escape(first).replace(r"\ ", r"\s+(?:<[^>]+>)?\s*"), text), (
                name,
                clause["number"],
            )
