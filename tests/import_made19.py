"""Four protocols as plain text as published (tests/import_made19/NAME.txt: text taken
out of a council's PDF or web page, with the Markdown-ish marks an extraction writes),
and the Word files and PDFs a person makes of them with the programs at hand:
LibreOffice's Word file and PDF of the text itself (each line of the text a Word
paragraph), pandoc's Word file of the text read as Markdown and LibreOffice's PDF of
that, and, for one, a Word file from a short python-docx script putting each block of
lines between blank lines in one paragraph. The made files are committed as the programs
wrote them and the tests only read them; `python tests/import_made19.py` makes them
again where `soffice` and `pandoc` are installed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx

from import_office18 import as_file
from import_software import gold
from import_trial import Gold

SOURCES = Path(__file__).parent / "import_made19"
PROTOCOLS = ("ashby", "brindle", "corby", "denby")
# how each file is made from its protocol's text, by the name's ending
MADE = ("-lo.docx", "-lo.pdf", "-pandoc.docx", "-pandoc.pdf")
SCRIPTED = ("denby",)  # the protocols a python-docx script also makes a Word file of
NAMES = [
    f"{name}{ending}"
    for name in PROTOCOLS
    for ending in (".txt", *MADE, *(("-script.docx",) if name in SCRIPTED else ()))
]


def protocol(name: str) -> str:
    """The protocol a file is of: "ashby" for "ashby-pandoc.pdf"."""
    return name.split(".")[0].split("-")[0]


def handed_over(name: str, folder: Path, sources: Path = SOURCES) -> tuple[Path, Gold]:
    """The file as made, and its protocol's gold as this file reads: office18's
    ``furniture`` and ``differs``, and the ``apostrophe`` it prints (pandoc's smart
    quotes print ’) for the gold's; a paragraph ``differs`` gives is as the file prints
    it, its apostrophes too (pandoc sets a code block's straight)."""
    data = gold(protocol(name), sources)
    printed = data["apostrophe"].get(name, "'")
    smart = json.loads(json.dumps({**data, "differs": {}}).replace("'", printed))
    return sources / name, as_file({**smart, "differs": data["differs"]}, name)


def soffice(program: str, profile: str, target: str, source: Path, out: Path) -> Path:
    """``source`` converted by LibreOffice to ``target`` ("docx", "pdf") in ``out``."""
    out.mkdir(exist_ok=True)
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return out / source.with_suffix(f".{target}").name


def scripted(text: Path, path: Path) -> None:
    """A Word file as a short script makes one: each block of lines between blank lines
    one paragraph, its lines kept (python-docx writes a newline as a line break)."""
    document = docx.Document()
    for block in text.read_text(encoding="utf-8").split("\n\n"):
        if block.strip():
            document.add_paragraph(block.strip("\n"))
    document.save(str(path))


def make(program: str = "soffice", pandoc: str = "pandoc") -> None:
    """Each file made again from its protocol's text."""
    make_from(SOURCES, PROTOCOLS, SCRIPTED, (), program, pandoc)


def make_from(
    sources: Path,
    protocols: tuple[str, ...],
    script: tuple[str, ...],
    unbroken: tuple[str, ...],
    program: str = "soffice",
    pandoc: str = "pandoc",
) -> None:
    """Each protocol's files made from its text in ``sources``: LibreOffice's Word file
    and PDF, pandoc's Word file and LibreOffice's PDF of that (not of an ``unbroken``
    text, one with no blank line, which pandoc reads as one paragraph), and a script's
    Word file of those in ``script``; LibreOffice in a profile of its own (so that a
    LibreOffice already running is not disturbed)."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        for name in protocols:
            text = sources / f"{name}.txt"
            for target in ("docx", "pdf"):
                made = soffice(program, profile, target, text, Path(work, f"lo-{target}"))
                shutil.move(made, sources / f"{name}-lo.{target}")
            if name not in unbroken:
                word = sources / f"{name}-pandoc.docx"
                subprocess.run(
                    [pandoc, "-f", "markdown", str(text), "-o", str(word)],
                    check=True,
                    capture_output=True,
                )
                made = soffice(program, profile, "pdf", word, Path(work, "pandoc-pdf"))
                shutil.move(made, sources / f"{name}-pandoc.pdf")
            if name in script:
                scripted(text, sources / f"{name}-script.docx")


if __name__ == "__main__":
    make(*sys.argv[1:])
