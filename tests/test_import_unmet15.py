"""The importer on five protocols as UK councils publish them, of kinds and layouts it
had not met (import_unmet15.py makes them from tests/import_unmet15): a Word file whose
list draws "1.01" (decimalZero), a council site's page whose sections are an accordion
of buttons over hidden panels, a Word file with endnotes, a Word file whose list draws
"Part A:" and "A1" with a schedule after the protocol, and a PDF whose text is drawn out
of reading order (furniture, words, then the numbers' frame). Every word in is a word
out, the structure is as a careful reader reads it, the site publishes the numbers
printed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from constitution.importer import import_protocol
from import_software import gold
from import_trial import every_word_out, structure_as_read
from import_unmet15 import NAMES, SOURCES, handed_over
from test_import_unmet11 import published_numbers


@pytest.mark.parametrize("name", NAMES)
def test_read_as_the_gold(tmp_path: Path, name: str) -> None:
    """Every word in is a word out, and the structure is as a careful reader reads it."""
    source, data = handed_over(name, tmp_path)
    doc = import_protocol(source)
    every_word_out(doc, data)
    structure_as_read(doc, data, reported=data.get("reported", []))


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
    """Each document's gold holds every paragraph its source prints, in its words."""
    for name in NAMES:
        data: dict[str, Any] = gold(name, SOURCES)
        source = SOURCES / (name if name.endswith(".html") else f"{name}.txt")
        text = " ".join(source.read_text(encoding="utf-8").split())
        for clause in (c for s in data["sections"] for c in s["clauses"]):
            first = " ".join(clause["paragraphs"][0].split()[:4])
            assert re.search(re.escape(first).replace(r"\ ", r"\s+"), text), (
                name,
                clause["number"],
            )
