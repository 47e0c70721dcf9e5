"""Open data: every version in every format validates, JSON reads back to the same model,
Akoma Ntoso eIds follow clause IDs, and the Open data page's links resolve."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import Site
from constitution.export import Edition, from_json, to_akn
from constitution.model import Revoked
from constitution.project import Project
from constitution.versions import FIELDS

SCHEMAS = Path(__file__).resolve().parent.parent / "src" / "constitution" / "schemas"
VERSIONS = ["2024-05-16", "2025-05-15", "2026-05-14", "draft"]


def export(project: Project, version: str, fmt: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "export", "--version", version, "--format", fmt],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def akn_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "akn" / "akomantoso30.xsd")))


@pytest.mark.parametrize("version", VERSIONS)
def test_every_format_of_every_version_validates(
    project: Project, version: str, akn_schema: etree.XMLSchema
) -> None:
    document = (
        project.document()
        if version == "draft"
        else next(v.document for v in project.versions() if v.key == version)
    )
    clauses = list(document.clauses())
    data = json.loads(export(project, version, "json"))
    schema = json.loads((SCHEMAS / "protocol.schema.json").read_text())
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    akn = etree.fromstring(export(project, version, "akn").encode())
    assert akn_schema.validate(akn), akn_schema.error_log.last_error
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert [p.get("eId") for p in akn.iterfind(".//a:paragraph", ns)] == [
        f"para_{c.id}" for c in clauses
    ]
    rows = list(csv.DictReader(io.StringIO(export(project, version, "csv"))))
    assert [(r["id"], r["number"]) for r in rows] == [(c.id, c.number) for c in clauses]
    needs = json.loads(export(project, version, "needs"))["versions"][version]["needs"]
    numbers = {k: v["number"] for k, v in needs.items() if v["type"] == "clause"}
    assert numbers == {c.id: c.number for c in clauses}


def test_akn_keeps_each_revoked_number_in_its_place(
    project: Project, akn_schema: etree.XMLSchema
) -> None:
    """A paragraph revoked by a resolution, and a number the document imported printed as
    revoked (no ID): each a repealed paragraph in its place, saying what revoked it."""
    document = project.document()
    first = document.sections[0]
    gone = (
        Revoked("1.1A", "", "Deleted"),
        Revoked(f"{first.clauses[-1].number}A", "MOP-9999", "Minute 4"),
    )
    sections = (dataclasses.replace(first, revoked=gone), *document.sections[1:])
    draft = dataclasses.replace(document, sections=sections)
    akn = etree.fromstring(to_akn(draft, Edition("draft"), project.council()).encode())
    assert akn_schema.validate(akn), akn_schema.error_log.last_error
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    section = akn.find(".//a:section", ns)
    assert section is not None
    paragraphs = [
        (p.findtext("a:num", namespaces=ns), p.get("status"), p.findtext(".//a:p", namespaces=ns))
        for p in section.iterfind("a:paragraph", ns)
    ]
    assert paragraphs[1] == ("1.1A", "removed", "Deleted.")
    assert paragraphs[-1] == (gone[1].number, "removed", "Revoked by Minute 4.")
    assert [n for n, status, _ in paragraphs if not status] == [c.number for c in first.clauses]


def test_json_reads_back_to_the_same_model(project: Project) -> None:
    document = project.document()
    again = from_json(json.loads(export(project, "draft", "json")))
    fields = (*FIELDS, "section", "cites")
    assert [[getattr(c, f) for f in fields] for c in again.clauses()] == [
        [getattr(c, f) for f in fields] for c in document.clauses()
    ]
    assert [(s.slug, s.number, s.title) for s in again.sections] == [
        (s.slug, s.number, s.title) for s in document.sections
    ]


def test_akn_references_and_frbr(project: Project) -> None:
    root = etree.fromstring(export(project, "2026-05-14", "akn").encode())
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    expression = root.find(".//a:FRBRExpression/a:FRBRthis", ns).get("value")
    assert expression.endswith("/eng@2026-05-14/main")
    ref = root.find(".//a:paragraph[@eId='para_MOP-0050']//a:ref", ns)
    assert ref.get("href") == "#para_MOP-0193" and ref.text == "paragraph 24.2"


def test_open_data_links_resolve(site: Site) -> None:
    for page in ("open-data.html", "data/index.html"):
        base = (site.out / page).parent
        links = [
            a["href"]
            for a in site.page(page).select("article a[href]")
            if not a["href"].startswith(("http", "#", "mailto"))
        ]
        assert links
        for href in links:
            assert (base / href.split("#")[0]).resolve().exists(), f"{page}: {href}"
    for version in VERSIONS:
        for name in ("protocol.json", "protocol.akn.xml", "clauses.csv", "needs.json",
                     "protocol.docx"):  # fmt: skip
            assert (site.out / "data" / version / name).exists()
            assert f'href="{version}/{name}"' in (site.out / "data" / "index.html").read_text()
