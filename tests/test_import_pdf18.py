"""The importer on five protocols as UK councils publish them in PDF, each drawn as
software the earlier trials had not met draws a page (import_pdf18.py makes them from
tests/import_pdf18): every glyph drawn alone and bold made by overprinting, each line one
kerned TJ array with ligatures and soft hyphens, a skewed scan with an invisible OCR text
layer, a protocol set in a bordered table with its header row repeated, and headings in
coloured bands over footnotes numbered like paragraphs. Every word in is a word out, the
structure is as a careful reader reads it, the site publishes the numbers printed."""

from __future__ import annotations

from import_pdf18 import NAMES, SOURCES, handed_over
from import_trial import trial_tests

test_read_as_the_gold, test_published_with_the_numbers_printed, test_gold_reads_every_source = (
    trial_tests(NAMES, SOURCES, handed_over)
)
