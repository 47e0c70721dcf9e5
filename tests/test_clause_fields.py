"""One table of clause fields (clause_fields.py) drives the reader, the writer, the
site's needs, the adopted version records and the exports: a field added there reaches
every one of them, and none can drift apart (as the writer once left out
``source-number``)."""

from __future__ import annotations

import dataclasses

from constitution import clause_fields, export, sphinxconf, versions
from constitution.clause_fields import FIELDS
from constitution.clause_syntax import ClauseSyntax
from constitution.export import Edition
from constitution.model import Clause, Document
from constitution.project import Project
from constitution.source import write_protocol

# What every clause has besides its fields: its identity, words and place.
STRUCTURAL = {"id", "number", "text", "section", "path", "line", "cites"}


def every_field_set(document: Document) -> Document:
    """The document with one clause carrying a value in every field."""
    section = document.sections[0]
    first = section.clauses[0]
    full = dataclasses.replace(
        first, tags=("first", "second"), defines=("a made-up term",), source_number="4(a)"
    )
    sections = (dataclasses.replace(section, clauses=(full, *section.clauses[1:])),)
    return dataclasses.replace(document, sections=sections + document.sections[1:])


def test_every_field_of_a_clause_is_in_the_table() -> None:
    names = {f.name for f in dataclasses.fields(Clause)}
    assert sorted(names - STRUCTURAL) == sorted(f.name for f in FIELDS)


def test_the_directive_needs_and_records_go_by_the_table() -> None:
    assert list(ClauseSyntax.option_spec) == [f.option for f in FIELDS]
    assert "source-number" in ClauseSyntax.option_spec
    needs = {f.name for f in FIELDS if f.needs}
    assert set(sphinxconf.NEEDS_FIELDS) == {"number", "section"} | needs
    assert sphinxconf.NEEDS_FIELDS["applies_to"]["schema"]["type"] == "array"
    assert ("id", "number", "text", *(f.name for f in FIELDS)) == versions.FIELDS


def test_the_writer_writes_every_field_the_reader_reads(
    scratch: Project, document: Document
) -> None:
    full = every_field_set(document)
    for name, text in write_protocol(full).items():
        (scratch.protocol / name).write_text(text, encoding="utf-8")
    again = scratch.document()
    clause = again.sections[0].clauses[0]
    assert clause.source_number == "4(a)" and clause.defines == ("a made-up term",)
    assert [clause_fields.values(c) for c in again.clauses()] == [
        clause_fields.values(c) for c in full.clauses()
    ]


def test_the_exports_carry_every_field(document: Document, project: Project) -> None:
    full = every_field_set(document)
    council = project.council()
    data = export.to_json(full, Edition("draft"), council, {})
    assert [clause_fields.values(c) for c in export.from_json(data).clauses()] == [
        clause_fields.values(c) for c in full.clauses()
    ]
    needs = export.to_needs(full, Edition("draft"), council, ())["versions"]
    held = next(iter(needs.values()))["needs"][full.sections[0].clauses[0].id]
    assert held["source_number"] == "4(a)"
    assert {f.name for f in FIELDS} <= set(held) | {"defines"}  # defines: the export's JSON


def test_a_new_field_reaches_the_directive_and_the_writer() -> None:
    """Adding an entry to the table is what adding a clause option takes."""
    extra = clause_fields.ClauseField("source_page", "The page it was printed on")
    spec = {f.option: f.read for f in (*FIELDS, extra)}
    assert spec["source-page"]("12") == "12"
    clause = Clause("MOP-0001", "1.1", "Words.", "must", "s", "s.md", 1)
    assert clause_fields.keys(" a, b ,,c ") == ["a", "b", "c"]
    assert clause_fields.clause_options(clause) == [":modality: must"]
