"""A trial of the importer: a folder of documents as councils hand them over, each with
the gold a careful reader wrote of it (golds/NAME.json), and the two checks every trial
makes of each import against its gold: every word in is a word out, and the structure
is as read. A new trial is its folder, the makers of the files its sources describe,
and a few lines calling these."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from constitution.import_model import Imported
from constitution.importer import import_protocol
from import_software import gold
from test_import_layouts import flat, heading
from test_import_unseen import words, words_out
from test_import_word_internals import gold_text

Gold = dict[str, Any]


def handed_over(
    name: str,
    folder: Path,
    sources: Path,
    word: Callable[[Path, Path], Path],
    pdf: Callable[[Path, Path], list[str]],
) -> tuple[Path, Gold]:
    """The file as the council hands it over, and its gold: a Word file made by ``word``
    and a PDF drawn by ``pdf`` from its source (sources/NAME.txt) into ``folder`` (the
    lines of a PDF's page furniture added to what the gold leaves out), any other file
    as it stands in ``sources``."""
    data = gold(name, sources)
    source = sources / f"{name}.txt"
    if name.endswith(".docx"):
        return word(source, folder / name), data
    if name.endswith(".pdf"):
        path = folder / name
        return path, {**data, "left_out": data["left_out"] + pdf(source, path)}
    return sources / name, data


def bare(number: str) -> str:
    """A paragraph's number without the full stop or bracket closing it ("1.", "1)"):
    punctuation, not the number."""
    return number.rstrip(".)")


def every_word_out(doc: Imported, data: Gold, number: str = "printed") -> None:
    """No word lost or invented: the words the import kept and left out are the gold's,
    each paragraph's number as the gold's ``number`` gives it ("printed", or "number"
    as the site keeps it: "1" for "Paragraph 1")."""
    assert words_out(doc) == words(gold_text(data, number))


def structure_as_read(
    doc: Imported, data: Gold, number: str = "printed", reported: Sequence[str] = ()
) -> None:
    """The title, introduction, sections, each paragraph's number (the gold's
    ``number``), headings and words are the gold's; the words left out are the gold's;
    and the reading finds no problem but those ``reported`` (what a gold reports,
    "reported", is mostly of its references, found as the paragraphs are written out:
    the published check's)."""
    assert doc.title == data["title"]
    assert doc.intro.paragraphs == data["intro"]
    assert [(s.number, s.title) for s in doc.sections] == [heading(s) for s in data["sections"]]
    for section, seen in zip(doc.sections, data["sections"], strict=True):
        assert [bare(c.number) for c in section.clauses] == [
            bare(c[number]) for c in seen["clauses"]
        ]
        for clause, expected in zip(section.clauses, seen["clauses"], strict=True):
            assert clause.headings == expected["headings"], clause.number
            assert flat(clause.paragraphs) == flat(expected["paragraphs"]), clause.number
    assert words(" ".join(line.text for line, _ in doc.left_out)) == words(
        " ".join(data["left_out"])
    )
    assert [d.kind for d in doc.defects] == list(reported)


def read_as_gold(source: Path, data: Gold) -> None:
    """The file imported: every word in is a word out, and the structure is as the gold
    reads it, with no report but the gold's (a reference's is made, and checked, as the
    paragraphs are written out: `published_as_gold`)."""
    doc = import_protocol(source)
    every_word_out(doc, data)
    reading = [kind for kind in data.get("reported", []) if not written_out(kind)]
    structure_as_read(doc, data, reported=reading)


def written_out(kind: str) -> bool:
    """Whether a report is made as the paragraphs are written out (import_myst): of a
    reference, or of a rule in the introduction, which the reading keeps as words."""
    return kind.endswith("-reference") or kind == "rule-in-introduction"


def gold_reads_every_source(names: Sequence[str], sources: Path) -> None:
    """Each document's gold holds every paragraph its source prints: a typed number's
    words begin its line, a number Word or the browser draws is the paragraph's place."""
    for name in names:
        data = gold(name, sources)
        handed = sources / name  # as handed over, or the source a Word file or PDF is made from
        source = handed if handed.exists() else sources / f"{name}.txt"
        text = " ".join(read_text(source).split())
        for clause in (c for s in data["sections"] for c in s["clauses"]):
            first = " ".join(clause["paragraphs"][0].split()[:4])
            assert re.search(re.escape(first).replace(r"\ ", r"\s+(?:<[^>]+>)?\s*"), text), (
                name,
                clause["number"],
            )


def read_text(source: Path) -> str:
    """A source's text, a web page's in the character set its <meta> names (Word's
    filtered web page is windows-1252), any other file's UTF-8."""
    data = source.read_bytes()
    named = re.search(rb"charset=[\"']?([\w-]+)", data[:2048])
    return data.decode(named.group(1).decode() if named else "utf-8")


def trial_tests(
    names: Sequence[str], sources: Path, handed: Callable[[str, Path], tuple[Path, Gold]]
) -> tuple[Callable[..., None], Callable[..., None], Callable[[], None]]:
    """A trial's three tests, for its module to name: each document read as its gold,
    published with the numbers printed, and each gold holding every paragraph its
    source prints."""
    from test_import_unmet11 import published_as_gold  # which imports this module

    @pytest.mark.parametrize("name", names)
    def read(tmp_path: Path, name: str) -> None:
        """Every word in is a word out, and the structure is as a careful reader reads
        it."""
        read_as_gold(*handed(name, tmp_path))

    @pytest.mark.parametrize("name", names)
    def published(tmp_path: Path, name: str) -> None:
        source, data = handed(name, tmp_path)
        published_as_gold(tmp_path, source, data)

    def golds() -> None:
        gold_reads_every_source(names, sources)

    return read, published, golds
