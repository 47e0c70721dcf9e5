"""Open data: every version in every format validates, JSON reads back to the same model,
Akoma Ntoso eIds follow clause IDs, and the Open data page's links resolve."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import Site
from constitution.export import Edition, from_json, to_akn, to_json
from constitution.model import Revoked, RevokedSection
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


def test_akn_keeps_each_revoked_section_in_its_place(
    project: Project, akn_schema: etree.XMLSchema
) -> None:
    """A section revoked by a resolution, and one the document imported printed as
    revoked (no title here): each a removed section in its place, saying what revoked it."""
    document = project.document()
    kept = (Revoked("1A.1", "MOP-9998", "Minute 4"), Revoked("1A.2", "", "Deleted"))
    gone = (
        RevokedSection("1A", "extra", "Extra matters", "Minute 4", kept),
        RevokedSection("2A", "", "", "Not used"),
    )
    draft = dataclasses.replace(document, revoked_sections=gone)
    akn = etree.fromstring(to_akn(draft, Edition("draft"), project.council()).encode())
    assert akn_schema.validate(akn), akn_schema.error_log.last_error
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    sections = [
        (
            s.findtext("a:num", namespaces=ns),
            s.get("status"),
            s.findtext("a:heading", namespaces=ns),
            s.findtext("a:content/a:p", namespaces=ns) or s.findtext("a:intro/a:p", namespaces=ns),
        )
        for s in akn.iterfind(".//a:body/a:section", ns)
    ]
    assert sections[1] == ("1A.", "removed", "Extra matters", "Revoked by Minute 4.")
    assert sections[3] == ("2A.", "removed", None, "Not used.")
    # a section's paragraphs' numbers, kept with it, each removed in its place
    removed = akn.findall(".//a:body/a:section", ns)[1].findall("a:paragraph", ns)
    assert [
        (p.findtext("a:num", namespaces=ns), p.get("status"), p.findtext(".//a:p", namespaces=ns))
        for p in removed
    ] == [("1A.1", "removed", "Revoked by Minute 4."), ("1A.2", "removed", "Deleted.")]
    live = [n for n, status, _, _ in sections if not status]
    assert live == [f"{s.number}." for s in document.sections]


def test_json_carries_each_revoked_place_and_reads_it_back(project: Project) -> None:
    """Paragraphs and sections revoked by a resolution, and those the document imported
    printed as revoked: each with its number, the words printed in its place and which
    it is, valid by the schema, and read back into the model."""
    document = project.document()
    first = document.sections[0]
    paragraphs = (
        Revoked("1.1A", "", "Deleted"),
        Revoked(f"{first.clauses[-1].number}A", "MOP-9999", "Minute 4"),
    )
    sections = (
        RevokedSection("1A", "extra", "Extra matters", "Minute 4", (Revoked("1A.1", "", "Gone"),)),
        RevokedSection("2A", "", "", "Not used"),
    )
    draft = dataclasses.replace(
        document,
        sections=(dataclasses.replace(first, revoked=paragraphs), *document.sections[1:]),
        revoked_sections=sections,
    )
    data = to_json(draft, Edition("draft"), project.council(), {})
    schema = json.loads((SCHEMAS / "protocol.schema.json").read_text())
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["sections"][0]["revoked"] == [
        {
            "place": "paragraph",
            "number": "1.1A",
            "said": "Deleted",
            "id": "",
            "resolution": "Deleted",
        },
        {
            "place": "paragraph",
            "number": paragraphs[1].number,
            "said": "Revoked by Minute 4",
            "id": "MOP-9999",
            "resolution": "Minute 4",
        },
    ]
    assert [(s["place"], s["number"], s["said"]) for s in data["revoked_sections"]] == [
        ("section", "1A", "Revoked by Minute 4"),
        ("section", "2A", "Not used"),
    ]
    assert data["revoked_sections"][0]["revoked"][0]["said"] == "Gone"
    again = from_json(data)
    assert again.sections[0].revoked == paragraphs
    assert again.revoked_sections == sections
    assert (
        "revoked" not in to_json(document, Edition("draft"), project.council(), {})["sections"][0]
    )


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


def test_every_output_holds_words_between_paragraphs_in_place(
    scratch: Project, tmp_path: Path, akn_schema: etree.XMLSchema
) -> None:
    """A sub-heading, unnumbered words between paragraphs and closing words come out of
    every export where they stand, in reading order; the files still validate and the
    JSON reads back to the same model."""
    import docx

    from constitution.export import AKN, Edition, render
    from constitution.pdf import write_pdf
    from test_pdf import text_of

    path = scratch.protocol / "principles.md"
    text = path.read_text(encoding="utf-8")
    between = "online.\n```\n\n## Working together\n\nWords between, citing {para}`MOP-0150`.\n"
    text = text.replace("online.\n```\n", between, 1) + "\nAny breach will be reported.\n"
    path.write_text(text, encoding="utf-8")
    document = scratch.document()
    council, draft = scratch.council(), Edition("draft")
    section = next(s for s in document.sections if s.slug == "principles")
    before, after = section.clauses[1], section.clauses[2]
    cited = document.clause("MOP-0150")
    assert cited is not None
    expected = [
        f"{before.number} {' '.join(before.text.split()[:4])}",
        "Working together",
        f"Words between, citing paragraph {cited.number}.",
        f"{after.number} {' '.join(after.text.split()[:4])}",
        "Any breach will be reported.",
    ]

    def in_order(words: str) -> None:
        words = re.sub(r" (?=[.,])", "", " ".join(words.split()))
        at = [words.index(e) for e in expected]
        assert at == sorted(at), list(zip(expected, at, strict=True))

    data = json.loads(render("json", document, draft, council, ()))
    schema = json.loads((SCHEMAS / "protocol.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert next(s for s in from_json(data).sections if s.slug == "principles").between == (
        section.between
    )
    akn = etree.fromstring(render("akn", document, draft, council, ()).encode())
    assert akn_schema.validate(akn), akn_schema.error_log.last_error
    sec = akn.find(f".//{{{AKN}}}section[@eId='sec_principles']")
    assert sec is not None
    in_order(" ".join(sec.itertext()))
    assert [e.tag.rpartition("}")[2] for e in sec][3:7] == [
        "paragraph",
        "crossHeading",
        "hcontainer",
        "paragraph",
    ]
    blob = render("docx", document, draft, council, ())
    assert isinstance(blob, bytes)
    paragraphs = docx.Document(io.BytesIO(blob)).paragraphs
    assert [p.style.name for p in paragraphs if p.text == "Working together"] == ["Heading 2"]
    in_order(" ".join(p.text for p in paragraphs))
    out = tmp_path / "p.pdf"
    write_pdf(out, document, council, ["Draft, not adopted"], "draft/")
    from pypdf import PdfReader

    in_order(text_of(PdfReader(out)))
