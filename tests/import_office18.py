"""Three protocols as a UK council keeps them in LibreOffice (tests/import_office18,
each a flat ODT source NAME.fodt: paragraph styles, outline numbering or list styles, a
table, a footnote, a running head and a "Page N of M" footer), and the files LibreOffice
itself makes of them to publish: a PDF (one also Tagged), a Word file, a plain text
file and, for one, a web page. The made files are committed as LibreOffice wrote them
and the tests only read them; `python tests/import_office18.py` makes them again where
LibreOffice (`soffice`) is installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from import_software import gold
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_office18"
PROTOCOLS = ("roles", "liaison", "conduct")
# LibreOffice's export filter for each kind of file, by the name's ending
FILTERS = {
    ".pdf": "pdf",
    "-tagged.pdf": 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}',
    ".docx": "docx:MS Word 2007 XML",
    ".txt": "txt:Text (encoded):UTF8",
    ".html": "html",
}
MADE = {
    "roles": (".pdf", ".docx", ".txt"),
    "liaison": (".pdf", "-tagged.pdf", ".docx", ".txt"),
    "conduct": (".pdf", ".docx", ".txt", ".html"),
}
NAMES = [f"{name}{ending}" for name in PROTOCOLS for ending in MADE[name]]


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as LibreOffice made it, and its protocol's gold as this file reads."""
    return SOURCES / name, as_file(gold(protocol(name), SOURCES), name)


def as_file(data: Gold, name: str) -> Gold:
    """A protocol's gold as the file ``name`` reads: the lines of page furniture the gold
    lists for it (``furniture``: the running heads and folios) added to what it leaves
    out, and the paragraphs it prints otherwise (``differs``: a text file holds no
    footnote's words, nor a table's cells apart)."""
    differs = data["differs"].get(name, {})
    sections = [
        {
            **section,
            "clauses": [
                {**c, "paragraphs": differs.get(c["number"], c["paragraphs"])}
                for c in section["clauses"]
            ],
        }
        for section in data["sections"]
    ]
    left_out = data["left_out"] + data["furniture"].get(name, [])
    return {**data, "sections": sections, "left_out": left_out}


def protocol(name: str) -> str:
    """The protocol a made file is of: "liaison" for "liaison-tagged.pdf"."""
    return name.split(".")[0].removesuffix("-tagged")


def make(soffice: str = "soffice") -> None:
    """Each file made again from its source by LibreOffice, in a profile of its own (so
    that a LibreOffice already running is not disturbed)."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        for name in PROTOCOLS:
            for ending in MADE[name]:
                out = Path(work, ending.strip("."))
                subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        FILTERS[ending],
                        "--outdir",
                        str(out),
                        str(SOURCES / f"{name}.fodt"),
                    ],
                    check=True,
                    capture_output=True,
                )
                (made,) = out.iterdir()
                shutil.move(made, SOURCES / f"{name}{ending}")


if __name__ == "__main__":
    make(*sys.argv[1:])
