"""The importer on plain text as published and on the Word files and PDFs a person makes
of it (tests/import_made19, made by import_made19.py from four protocols' texts there
with LibreOffice 7.4, pandoc 2.17 and a python-docx script, each with its gold in
golds/, written before the importer was run on them or its code read). Every word in is
a word out, the structure is as a careful reader reads it, the site publishes the
numbers printed."""

from __future__ import annotations

from import_made19 import NAMES, PROTOCOLS, SOURCES, handed_over
from import_trial import gold_reads_every_source, trial_tests

test_read_as_gold, test_published_as_gold, _ = trial_tests(NAMES, SOURCES, handed_over)


def test_gold_reads_every_source() -> None:
    """Each protocol's gold holds every paragraph its text prints."""
    gold_reads_every_source([f"{name}.txt" for name in PROTOCOLS], SOURCES)
