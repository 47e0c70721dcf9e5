"""Output formats in one table (export.FORMATS): the command's choices and the open data's
files follow it, and each format is a pure function of a version of the model."""

from __future__ import annotations

import argparse
import io
import zipfile

from constitution import export
from constitution.cli import parser
from constitution.council import Council
from constitution.export import FORMATS, Edition
from constitution.export_docx import bookmark
from constitution.model import Document
from constitution.project import Project
from constitution.sphinxext import open_data


def export_choices() -> tuple[str, ...]:
    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    fmt = next(a for a in commands.choices["export"]._actions if a.dest == "format")
    return tuple(fmt.choices or ())


def shown(drawn: str | bytes) -> str:
    """A format's text; a file that is not text (Word's) is a zip of XML parts (and a
    picture, its thumbnail), where a paragraph is marked by its ID as a bookmark's name."""
    if isinstance(drawn, str):
        return drawn
    with zipfile.ZipFile(io.BytesIO(drawn)) as parts:
        xml = [name for name in parts.namelist() if name.endswith((".xml", ".rels"))]
        return "".join(parts.read(name).decode("utf-8") for name in xml)


def test_the_command_and_the_open_data_offer_every_format() -> None:
    assert sorted(export_choices()) == sorted(FORMATS)
    assert {key: f.file for key, f in FORMATS.items()} == open_data.FILES
    assert len({f.file for f in FORMATS.values()}) == len(FORMATS)


def test_render_draws_each_format_by_the_table(document: Document, project: Project) -> None:
    council: Council = project.council()
    for key, fmt in FORMATS.items():
        first = export.render(key, document, Edition("draft"), council, ())
        assert first == fmt.draw(document, Edition("draft"), council, ())
        clause = document.sections[0].clauses[0].id
        if key == "csvw":  # the CSV's metadata: no paragraph, the CSV's columns
            assert '"url": "clauses.csv"' in shown(first) and '"name": "id"' in shown(first)
            continue
        assert clause in shown(first) or bookmark(clause) in shown(first), key
