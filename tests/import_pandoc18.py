"""Three protocols as UK councils keep them (tests/import_pandoc18: a council website's
page, Markdown from a council's wiki, a Word file as a person types it) and the files
real programs make of them: pandoc 2.17 (Markdown to Word and to a web page, Word to
GitHub Markdown, plain text and reStructuredText), Chromium's print to PDF (with its
header and footer, and without) and pdftotext (plain, -layout, -raw). Each protocol has
one gold (golds/PROTOCOL.json) which every file made of it must read as, less what the
gold's "files" entry says differs in a file (its page furniture); all were written
before the importer was run on them or its code read.

The files are committed as the programs made them and the tests only read them:
``python3 tests/import_pandoc18.py`` makes them again where the programs are installed
(the README names the commands).
"""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
import threading
from functools import partial
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from import_software import gold
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_pandoc18"
# each file as the council publishes it or a new user hands it over; its protocol is
# the name up to the first "-" or "."
NAMES = [
    "westmarsh.html",  # the council's CMS page
    "westmarsh-print.pdf",  # Chromium's print, its header and footer
    "westmarsh-bare.pdf",  # Chromium's print, --no-pdf-header-footer
    "westmarsh-print.txt",  # pdftotext westmarsh-print.pdf
    "westmarsh-layout.txt",  # pdftotext -layout westmarsh-print.pdf
    "westmarsh-raw.txt",  # pdftotext -raw westmarsh-bare.pdf
    "ashcombe.md",  # the wiki's Markdown (pandoc's)
    "ashcombe.docx",  # pandoc ashcombe.md -o ashcombe.docx
    "ashcombe.html",  # pandoc -s ashcombe.md -o ashcombe.html
    "ashcombe-bare.pdf",  # Chromium's print of ashcombe.html, no header or footer
    "kelbury.docx",  # typed in Word (python-docx, from kelbury.docx.txt)
    "kelbury-gfm.md",  # pandoc kelbury.docx -t gfm
    "kelbury-plain.txt",  # pandoc kelbury.docx -t plain
    "kelbury-nowrap.txt",  # pandoc kelbury.docx -t plain --wrap=none
]
REFUSED = ["kelbury.rst"]  # pandoc kelbury.docx -t rst: a format the importer does not read
SITE = "www.westmarsh.gov.uk"  # the address Chromium prints in its footer
CHROMIUM = [
    "chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def protocol(name: str) -> str:
    return name.split(".")[0].split("-")[0]


def handed_over(name: str, folder: Path) -> tuple[Path, Gold]:
    """The file as made, and its protocol's gold as this file prints it (its "files"
    entry): the page furniture it alone prints added to what is left out, a paragraph
    it draws otherwise (a browser's "a." for pandoc's "(a)") in its place, and its
    apostrophe (pandoc's smart quotes print ’) for the gold's."""
    data = gold(f"{protocol(name)}.json", SOURCES)
    own = data.pop("files", {}).get(name, {})
    drawn = own.get("paragraphs", {})
    for section in data["sections"]:
        for clause in section["clauses"]:
            clause["paragraphs"] = drawn.get(clause["number"], clause["paragraphs"])
    data["left_out"] = data["left_out"] + own.get("left_out", [])
    if "apostrophe" in own:
        data = json.loads(json.dumps(data).replace("'", own["apostrophe"]))
    return SOURCES / name, data


def word(source: Path, path: Path) -> Path:
    """A Word file as a person types it, one line of the source a paragraph: "title: "
    a bold centred line in Normal, "p: " a paragraph (a typed number before a tab),
    "bullet: " in List Bullet, "item: " an indented paragraph, "bold: " a line typed in
    bold (a sub-heading), "# " a Heading 1, and "table: " lines a table's rows, cells
    apart at tabs, the first row bold."""
    document = docx.Document()
    rows: list[list[str]] = []
    for line in [*source.read_text(encoding="utf-8").splitlines(), "end: "]:
        kind, _, text = line.partition(": ")
        if kind == "table":
            rows.append(text.split("\t"))
            continue
        if rows:
            table(document, rows)
            rows = []
        if kind == "title":
            made = document.add_paragraph()
            made.alignment = WD_ALIGN_PARAGRAPH.CENTER
            made.add_run(text).bold = True
        elif kind == "p":
            document.add_paragraph(text)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "item":
            document.add_paragraph(text).paragraph_format.left_indent = Pt(36)
        elif kind == "bold":
            document.add_paragraph().add_run(text).bold = True
        elif line.startswith("# "):
            document.add_paragraph(line[2:], style="Heading 1")
        elif kind != "end":
            raise ValueError(f"{source.name}: unknown line {line!r}")
    document.core_properties.author = "Democratic Services"
    document.save(str(path))
    return path


def table(document: Any, rows: list[list[str]]) -> None:
    made = document.add_table(rows=len(rows), cols=len(rows[0]))
    made.style = "Table Grid"
    for row, cells in zip(made.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.paragraphs[0].add_run(text).bold = row is made.rows[0]


def run(*command: str | Path, out: Path | None = None) -> None:
    made = subprocess.run([str(c) for c in command], capture_output=True, check=True)
    if out is not None:
        out.write_bytes(made.stdout)


def make(folder: Path = SOURCES) -> None:
    """Every file made again from the three sources by the programs themselves."""
    for program in ("pandoc", "chromium", "pdftotext"):
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is not installed: the files cannot be made again")
    word(folder / "kelbury.docx.txt", folder / "kelbury.docx")
    run("pandoc", folder / "ashcombe.md", "-o", folder / "ashcombe.docx")
    run("pandoc", "-s", folder / "ashcombe.md", "-o", folder / "ashcombe.html")
    for to, name, *options in (
        ("gfm", "kelbury-gfm.md"),
        ("plain", "kelbury-plain.txt"),
        ("plain", "kelbury-nowrap.txt", "--wrap=none"),
        ("rst", "kelbury.rst"),
    ):
        run("pandoc", folder / "kelbury.docx", "-t", to, *options, "-o", folder / name)
    with served(folder) as port:
        for page, pdf, *options in (
            ("westmarsh.html", "westmarsh-print.pdf"),
            ("westmarsh.html", "westmarsh-bare.pdf", "--no-pdf-header-footer"),
            ("ashcombe.html", "ashcombe-bare.pdf", "--no-pdf-header-footer"),
        ):
            run(
                *CHROMIUM,
                f"--host-resolver-rules=MAP {SITE}:80 127.0.0.1:{port}",
                *options,
                f"--print-to-pdf={folder / pdf}",
                f"http://{SITE}/{page}",
            )
    for pdf, text, *options in (
        ("westmarsh-print.pdf", "westmarsh-print.txt"),
        ("westmarsh-print.pdf", "westmarsh-layout.txt", "-layout"),
        ("westmarsh-bare.pdf", "westmarsh-raw.txt", "-raw"),
    ):
        run("pdftotext", *options, folder / pdf, folder / text)


class served:
    """The folder served on a free port of this machine, for Chromium to print a page
    at a council's address (its footer prints the address, not a path here)."""

    def __init__(self, folder: Path) -> None:
        handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> int:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return int(self.server.server_address[1])

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


if __name__ == "__main__":
    make()
