"""The importer on five protocols as UK councils publish them in PDF, each drawn as the
software that made it draws a page, of layouts it had not met (import_pdf17.py makes
them from tests/import_pdf17): a print driver's PDF with every word its own text object
and no space drawn, a designer's PDF with a side bar, drop cap and pull quote, a
landscape page turned into a portrait document, a document management system's PDF
stamped "UNCONTROLLED WHEN PRINTED" with items "(i)" to "(x)", and Word's small capitals
with the paragraphs' numbers hanging in a margin column. Every word in is a word out,
the structure is as a careful reader reads it, the site publishes the numbers printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from import_pdf17 import NAMES, SOURCES, handed_over
from import_trial import gold_reads_every_source, read_as_gold
from test_import_unmet11 import published_as_gold


@pytest.mark.parametrize("name", NAMES)
def test_read_as_the_gold(tmp_path: Path, name: str) -> None:
    """Every word in is a word out, and the structure is as a careful reader reads it."""
    read_as_gold(*handed_over(name, tmp_path))


@pytest.mark.parametrize("name", NAMES)
def test_published_with_the_numbers_printed(tmp_path: Path, name: str) -> None:
    source, data = handed_over(name, tmp_path)
    published_as_gold(tmp_path, source, data)


def test_gold_reads_every_source() -> None:
    gold_reads_every_source(NAMES, SOURCES)
