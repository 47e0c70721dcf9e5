"""Four protocols written for a blind trial of the importer's defect report, references
and modality (tests/import_faults16, each with its gold in golds/, written before the
importer was run on them or its code read). Three are plain text as councils publish
them; the Word file is made here from its source.

A Word source, one paragraph a line: "title: " the document's title (the Title style),
"# " a section's heading (Heading 1, its number typed), "p: " a paragraph (Normal, its
number or item letter typed as the council typed it). Line N of the source is the Word
file's paragraph N, which is the line the gold gives.
"""

from __future__ import annotations

from pathlib import Path

import docx

SOURCES = Path(__file__).parent / "import_faults16"
NAMES = [
    "wardle-protocol.txt",
    "fenmoor-protocol.docx",
    "carrow-protocol.txt",
    "harrowby-protocol.txt",
]


def handed_over(name: str, folder: Path) -> Path:
    """The file as the council hands it over: a Word file made into ``folder`` from its
    source, a text file as it stands."""
    if name.endswith(".docx"):
        return word(SOURCES / f"{name}.txt", folder / name)
    return SOURCES / name


def word(source: Path, path: Path) -> Path:
    document = docx.Document()
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            document.add_paragraph(line[2:], style="Heading 1")
            continue
        kind, _, text = line.partition(": ")
        document.add_paragraph(text, style="Title" if kind == "title" else None)
    document.save(str(path))
    return path
