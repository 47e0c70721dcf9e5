"""The importer on five protocols made by software no earlier trial met
(import_unmet18.py makes the Word file from tests/import_unmet18): the text
`pdftotext -layout` writes from a PDF, a Google Docs web page, a Word "Web Page,
Filtered" file, a Word file built from content controls, and the Markdown pandoc writes
from a Word file. Every word in is a word out, the structure is as a careful reader
reads it, the site publishes the numbers printed."""

from __future__ import annotations

from import_trial import trial_tests
from import_unmet18 import NAMES, SOURCES, handed_over

test_read_as_gold, test_published_as_gold, test_gold_reads_every_source = trial_tests(
    NAMES, SOURCES, handed_over
)
