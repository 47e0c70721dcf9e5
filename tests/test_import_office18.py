"""The importer on files LibreOffice itself makes (tests/import_office18, made by
import_office18.py from the three protocols' flat ODT sources there, each with its gold
in golds/, written before the importer was run on them or its code read): a PDF (one
also Tagged), a Word file, a plain text file and a web page, each as LibreOffice 7.4
exports it. Every word in is a word out, the structure is as a careful reader reads it,
the site publishes the numbers printed."""

from __future__ import annotations

from import_office18 import NAMES, PROTOCOLS, SOURCES, handed_over
from import_trial import gold_reads_every_source, trial_tests

test_read_as_gold, test_published_as_gold, _ = trial_tests(NAMES, SOURCES, handed_over)


def test_gold_reads_every_source() -> None:
    """Each protocol's gold holds every paragraph LibreOffice's text of it prints."""
    gold_reads_every_source([f"{name}.txt" for name in PROTOCOLS], SOURCES)
