"""The importer on five protocols as UK councils publish them in formats other than PDF,
of kinds and layouts it had not met (import_unmet17.py makes the Word files from
tests/import_unmet17): a plain-text export hard-wrapped at 72 columns with "(i)" to "(x)"
under "(a)", a wiki's Markdown (front matter, a contents marker, lists numbered lazily),
a WordPress page whose headings are bold paragraphs and whose paragraphs are lines broken
by <br>, a Word file holding a constitution's whole Part 5 (the protocol between two
other codes), and a Word file from a council's template (a document-control table on
the cover, each section's heading in a shaded table of one cell). Every word in is a
word out, the structure is as a careful reader reads it, the site publishes the numbers
printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from import_trial import every_word_out, gold_reads_every_source, structure_as_read
from import_unmet17 import NAMES, SOURCES, handed_over
from test_import_unmet import import_as_told
from test_import_unmet11 import published_as_gold


@pytest.mark.parametrize("name", NAMES)
def test_read_as_the_gold(tmp_path: Path, name: str) -> None:
    """Every word in is a word out, and the structure is as a careful reader reads it (of
    the document the gold takes, where the file holds more than one: refused without
    it, saying how to choose)."""
    source, data = handed_over(name, tmp_path)
    doc = import_as_told(source, data)
    every_word_out(doc, data)
    structure_as_read(doc, data, reported=data.get("reported", []))


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    published_as_gold(tmp_path, source, data)


def test_gold_reads_every_source() -> None:
    gold_reads_every_source(NAMES, SOURCES)
