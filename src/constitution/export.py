"""Open data: any version of the protocol as needs.json, JSON, Akoma Ntoso, CSV or Word.

All five are written from the one model (a Document and the facts of its version), never
by parsing Markdown again. JSON follows the published schema (schemas/protocol.schema.json)
and reads back into the same model; Akoma Ntoso 3.0 uses eIds made from clause IDs, so
they never change when paragraphs are renumbered.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree as ET

from constitution import clause_fields
from constitution.council import Council
from constitution.documents import PROTOCOL
from constitution.export_docx import to_docx
from constitution.graph import (
    EXAMPLE_TITLE,
    EXAMPLE_TYPE,
    LINK_TYPES,
    Example,
    cited,
    example_page,
    verified_by,
)
from constitution.model import Between, Clause, Document, Revoked, RevokedSection, Section
from constitution.numbering import in_place, number_key, reference
from constitution.text_plain import cited as cited_as
from constitution.text_plain import plain
from constitution.text_tree import (
    Code,
    Emphasis,
    HardBreak,
    Inline,
    Link,
    Paragraph,
    Ref,
    SoftBreak,
    Statute,
    Strong,
    Term,
    Text,
    Tree,
    cites_of,
)
from constitution.typography import long_date
from constitution.versions import (
    between_record,
    revoked_of,
    revoked_record,
    revoked_section_record,
    revoked_sections_of,
    stored_number,
)

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA_URL = "schemas/protocol.schema.json"


@dataclass(frozen=True)
class Edition:
    """Which version a file describes: 'draft' or an adoption date, with its facts."""

    key: str
    adopted: str | None = None
    in_force: str | None = None
    resolution: str | None = None
    digest: str | None = None

    @property
    def day(self) -> dt.date | None:
        """The day the version was adopted; None for the draft."""
        return dt.date.fromisoformat(self.adopted) if self.adopted else None

    def status(self) -> list[str]:
        """What a file of the version says it is, under its title: which version, by
        which resolution, in force from when (the PDF's first page, the Word file's head)."""
        if self.day is None:
            return ["Draft, not adopted"]
        in_force = dt.date.fromisoformat(self.in_force) if self.in_force else self.day
        resolution = [self.resolution] if self.resolution else []
        return [f"Version adopted on {long_date(self.day)}", *resolution,
                f"In force from {long_date(in_force)}"]  # fmt: skip


def statute_refs(keys: tuple[str, ...], council: Council) -> list[dict[str, str]]:
    return [
        {"key": k, "title": council.statutes[k].title, "uri": council.statutes[k].url}
        for k in keys
        if k in council.statutes
    ]


def to_json(
    document: Document, edition: Edition, council: Council, scenarios: dict[str, list[str]]
) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_URL,
        "document": {
            "title": document.title,
            "council": council.name,
            "part": council.part,
            "citation": council.citation,
            "intro": document.intro,
            "licence": licence(council),
        },
        "version": {
            "key": edition.key,
            "adopted": edition.adopted,
            "in_force": edition.in_force,
            "resolution": edition.resolution,
            "digest": edition.digest,
        },
        "sections": [
            {
                "number": stored_number(s.number),
                "slug": s.slug,
                "title": s.title,
                "intro": s.intro,
                **({"between": [between_record(b) for b in s.between]} if s.between else {}),
                **({"revoked": [_revoked_place(r) for r in s.revoked]} if s.revoked else {}),
                "clauses": [
                    {
                        "id": c.id,
                        "number": c.number,
                        "text": c.text,
                        **clause_fields.values(c),
                        "statutes": statute_refs(c.statutes, council),  # with titles, links
                        "scenarios": scenarios.get(c.id, []),
                    }
                    for c in s.clauses
                ],
            }
            for s in document.sections
        ],
        **(
            {"revoked_sections": [_revoked_section(s) for s in document.revoked_sections]}
            if document.revoked_sections
            else {}
        ),
    }


def _revoked_place(r: Revoked) -> dict[str, str]:
    """A revoked paragraph's number kept in its place: as its version's record holds it,
    with what it is and the words printed there."""
    return {"place": "paragraph", "number": r.number, "said": r.said, **revoked_record(r)}


def _revoked_section(s: RevokedSection) -> dict[str, Any]:
    held = revoked_section_record(s)
    kept = {"revoked": [_revoked_place(r) for r in s.revoked]}
    return {"place": "section", "number": held["number"], "said": s.said, **held, **kept}


def from_json(data: dict[str, Any]) -> Document:
    """The model back from a JSON export (the round trip the tests hold)."""
    sections = []
    for s in data["sections"]:
        clauses = tuple(
            Clause(
                id=c["id"],
                number=c["number"],
                text=c["text"],
                section=s["slug"],
                path="",
                line=0,
                cites=cites_of(c["text"]),
                **clause_fields.from_values({**c, "statutes": [r["key"] for r in c["statutes"]]}),
            )
            for c in s["clauses"]
        )
        between = tuple(Between(**b) for b in s.get("between", ()))
        sections.append(
            Section(
                s["slug"],
                str(s["number"]),
                s["title"],
                "",
                clauses,
                s.get("intro", ""),
                revoked_of(s),
                between=between,
            )
        )
    intro = data["document"].get("intro", "")
    return Document(data["document"]["title"], tuple(sections), intro, revoked_sections_of(data))


def licence(council: Council) -> dict[str, str]:
    """The licence the open data is published under, as the JSON files name it."""
    return {"name": council.licence, "url": council.licence_url}


def to_needs(
    document: Document, edition: Edition, council: Council, examples: tuple[Example, ...]
) -> dict[str, Any]:
    """The sphinx-needs needs.json format, for the ecosystem's own tools: the clauses, the
    worked examples, and the links between them (see constitution.graph)."""
    needs: dict[str, dict[str, Any]] = {
        c.id: {
            "id": c.id,
            "type": "clause",
            "type_name": "Clause",
            "title": " ".join(plain(c.tree, document).split()[:10]),
            "content": c.text,
            "number": c.number,
            **clause_fields.needs_values(c),
            "tags": list(c.tags),
            "section": c.section,
            "section_name": document.section_of(c).title,
            "docname": document.section_of(c).docname,
            "is_external": False,
            "external_url": None,
            "cites": cited(c),
        }
        for c in document.clauses()
    }
    for e in examples:
        needs[e.id] = {
            "id": e.id,
            "type": EXAMPLE_TYPE,
            "type_name": EXAMPLE_TITLE,
            "title": e.title,
            "content": "",
            "docname": None,
            "is_external": True,
            "external_url": example_page(e.id),
            **e.fields,
        }
    # Every need has every link type, both ways, as in sphinx-needs' own needs.json.
    for need in needs.values():
        for name in ("links", *LINK_TYPES):
            need.setdefault(name, [])
            need[f"{name}_back"] = []
    for need in sorted(needs.values(), key=lambda n: n["id"]):  # back links sorted, as theirs
        for name in LINK_TYPES:
            for target in need[name]:
                needs[target][f"{name}_back"].append(need["id"])
    return {
        "current_version": edition.key,
        # sphinx-needs' format has no place for it: beside the versions, as in the JSON
        "licence": licence(council),
        "project": f"{council.name}: {council.document}",
        "versions": {edition.key: {"needs": needs, "needs_amount": len(needs)}},
    }


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP's "CSV
# injection"): such a cell is written after a single quote, which shows it as text.
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA) else value


# The CSV's columns, in order: name (its header's, which CSVW calls its title too) and
# what each holds; the lists' are split at
# ';'. The CSV's header and its CSVW metadata (to_csvw) are both drawn from this table.
LISTS = ("applies_to", "statutes", "tags")
CSV_COLUMNS = (
    ("id", "the paragraph's permanent ID, which never changes and is never reused"),
    ("number", "its paragraph number in this version"),
    ("section", "the number of its section"),
    ("section_title", "the title of its section"),
    ("modality", "must, must-not, should, may or informative"),
    ("applies_to", "whom it applies to, as the council's roles are keyed"),
    ("statutes", "the legislation it rests on, as the council keys it"),
    ("tags", "its topics"),
    ("text", "its words as a reader sees them, references as printed"),
)


def to_csv(document: Document) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for section in document.sections:
        for c in section.clauses:
            row = [
                c.id,
                c.number,
                section.number,
                section.title,
                c.modality,
                ";".join(c.applies_to),
                ";".join(c.statutes),
                ";".join(c.tags),
                plain(c.tree, document),
            ]
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def to_csvw(document: Document, edition: Edition, council: Council) -> str:
    """The CSV's metadata, as the W3C's Metadata Vocabulary for Tabular Data (CSVW) gives
    it: its licence, which a CSV has no place for (a comment row breaks the readers that
    take the first row as the columns' names), and its columns. Named for the CSV
    (clauses.csv-metadata.json), beside it, where a CSVW reader looks for it first."""
    version = "the draft" if edition.day is None else f"version adopted {long_date(edition.day)}"
    data = {
        "@context": "http://www.w3.org/ns/csvw",
        "url": FORMATS["csv"].file,
        "dc:title": f"{document.title}: {version}, a paragraph a row",
        "dc:publisher": council.name,
        "dc:license": {"@id": council.licence_url},
        "dc:rights": council.licence,
        "tableSchema": {
            "columns": [
                {
                    "name": name,
                    "titles": name,
                    "dc:description": about,
                    "datatype": "string",
                    **({"separator": ";"} if name in LISTS else {}),
                }
                for name, about in CSV_COLUMNS
            ],
            "primaryKey": "id",
        },
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _e(
    tag: str, parent: ET.Element | None = None, text: str | None = None, **attrs: str
) -> ET.Element:
    element = (
        ET.Element(f"{{{AKN}}}{tag}", attrs)
        if parent is None
        else ET.SubElement(parent, f"{{{AKN}}}{tag}", attrs)
    )
    element.text = text
    return element


def eid(clause_id: str) -> str:
    return f"para_{clause_id}"


def _paragraphs(tree: Tree) -> list[Paragraph]:
    """The paragraphs of a clause, each item of a list as one (AKN's <p>)."""
    out = []
    for block in tree:
        if isinstance(block, Paragraph):
            out.append(block)
        else:
            for item in block.items:
                out += _paragraphs(item)
    return out


def _inline(
    p: ET.Element, children: tuple[Inline, ...], document: Document, council: Council
) -> None:
    """A paragraph's words as AKN inlines: references to clauses and statutes as <ref>."""

    def add_text(chunk: str) -> None:
        if len(p):
            p[-1].tail = (p[-1].tail or "") + chunk
        else:
            p.text = (p.text or "") + chunk

    for node in children:
        if isinstance(node, Text | Code):
            add_text(node.text)
        elif isinstance(node, SoftBreak | HardBreak):
            add_text(" ")
        elif isinstance(node, Strong | Emphasis | Link):
            # words only: AKN's <b> and <i> would take the file's indentation as words
            _inline(p, node.children, document, council)
        elif isinstance(node, Ref) and (c := document.clause(node.target)):
            _e("ref", p, reference(c.number, node.words, document.cites), href=f"#{eid(c.id)}")
        elif isinstance(node, Term) and (c := document.definition(node.target)):
            _e("ref", p, node.shown, href=f"#{eid(c.id)}")
        elif isinstance(node, Statute) and node.target in council.statutes:
            s = council.statutes[node.target]
            _e("ref", p, s.title if node.shown == node.target else node.shown, href=s.url)
        elif isinstance(node, Ref):  # another document's paragraph: as it is cited
            add_text(cited_as(node, document))
        elif isinstance(node, Term | Statute):
            add_text(node.shown)


def to_akn(document: Document, edition: Edition, council: Council) -> str:
    place = re.sub(r"[^a-z0-9]+", "-", council.name.lower()).strip("-")
    work = f"/akn/gb-{place}/act/protocol/member-officer-relations"
    when = edition.adopted or "9999-12-31"
    expression = f"{work}/eng@{edition.adopted or 'draft'}"
    ET.register_namespace("", AKN)
    root = _e("akomaNtoso")
    act = _e("act", root, name="protocol")
    meta = _e("meta", act)
    ident = _e("identification", meta, source="#council")
    for level, this, uri in (
        ("FRBRWork", f"{work}/main", work),
        ("FRBRExpression", f"{expression}/main", expression),
        ("FRBRManifestation", f"{expression}/main.xml", f"{expression}.akn"),
    ):
        frbr = _e(level, ident)
        _e("FRBRthis", frbr, value=this)
        _e("FRBRuri", frbr, value=uri)
        _e("FRBRdate", frbr, date=when, name="adoption" if edition.adopted else "draft")
        _e("FRBRauthor", frbr, href="#council")
        if level == "FRBRWork":
            _e("FRBRcountry", frbr, value="GB")
        elif level == "FRBRExpression":
            _e("FRBRlanguage", frbr, language="eng")
    refs = _e("references", meta, source="#council")
    _e(
        "TLCOrganization",
        refs,
        eId="council",
        href=f"/ontology/organization/gb/{place}",
        showAs=council.name,
    )
    # The licence, for which Akoma Ntoso has no element: in the container its schema
    # keeps for other vocabularies' metadata, as Dublin Core terms, as the CSVW file has it.
    ET.register_namespace("dcterms", DCTERMS)
    rights = _e("proprietary", meta, source="#council")
    ET.SubElement(rights, f"{{{DCTERMS}}}license").text = council.licence_url
    ET.SubElement(rights, f"{{{DCTERMS}}}rights").text = council.licence
    body = _e("body", act)
    shown: list[Section | RevokedSection] = [*document.sections, *document.revoked_sections]
    if document.revoked_sections:  # a revoked section's number kept in its place
        shown.sort(key=lambda s: number_key(s.number))
    for s in shown:
        if isinstance(s, RevokedSection):
            gone = _e("section", body, eId=f"revoked_sec_{s.number}", status="removed")
            _e("num", gone, f"{s.number}.")
            if s.title:  # one printed as revoked in the document imported has none here
                _e("heading", gone, s.title)
            # its paragraphs' numbers, kept with it, follow what is said in its place
            _e("p", _e("intro" if s.revoked else "content", gone), f"{s.said}.")
            for r in s.revoked:
                _revoked_paragraph(gone, r)
            continue
        section = _e("section", body, eId=f"sec_{s.slug}")
        _e("num", section, f"{s.number}.")
        _e("heading", section, s.title)
        for at, c in enumerate(in_place(s)):
            if isinstance(c, Between) and c.level:  # a sub-heading, beside the paragraphs
                for words in _paragraphs(c.tree):
                    _inline(_e("crossHeading", section), words.children, document, council)
                continue
            if isinstance(c, Between):  # unnumbered words: a container with no number
                hcontainer = _e(
                    "hcontainer", section, name="unnumbered", eId=f"sec_{s.slug}__hcontainer_{at}"
                )
                content = _e("content", hcontainer)
            elif isinstance(c, Clause):
                paragraph = _e("paragraph", section, eId=eid(c.id))
                _e("num", paragraph, c.number)
                content = _e("content", paragraph)
            else:  # a revoked paragraph: its number kept in its place (insert numbering)
                _revoked_paragraph(section, c)
                continue
            for words in _paragraphs(c.tree):
                _inline(_e("p", content), words.children, document, council)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _revoked_paragraph(parent: ET.Element, place: Revoked) -> None:
    """A revoked paragraph's number kept in its place, saying what revoked it."""
    gone = _e("paragraph", parent, eId=f"revoked_{place.number}", status="removed")
    _e("num", gone, place.number)
    _e("p", _e("content", gone), f"{place.said}.")


def _json(
    document: Document, edition: Edition, council: Council, examples: tuple[Example, ...]
) -> str:
    data = to_json(document, edition, council, verified_by(examples))
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _needs(
    document: Document, edition: Edition, council: Council, examples: tuple[Example, ...]
) -> str:
    data = to_needs(document, edition, council, examples)
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def _docx(
    document: Document, edition: Edition, council: Council, examples: tuple[Example, ...]
) -> bytes:
    return to_docx(document, council, edition.status(), edition.day)


@dataclass(frozen=True)
class Format:
    """An output format: pure, from a version of the model to text (or, a file that is
    not text, to bytes)."""

    key: str  # as ``constitution export --format`` names it
    file: str  # its file in each version's open data (data/KEY/): the protocol's
    about: str
    draw: Callable[[Document, Edition, Council, tuple[Example, ...]], str | bytes]

    def named(self, document: str) -> str:
        """Its file for a document of the constitution (its key): named for the document
        where the protocol's is (protocol.json: articles.json), so that files saved side
        by side do not overwrite one another; the same for all where it is not
        (clauses.csv)."""
        return named(self.file, document)


def named(file: str, document: str) -> str:
    """``file``, the protocol's, as another document's file is named (protocol.pdf:
    articles.pdf)."""
    stem, dot, rest = file.partition(".")
    return f"{document}{dot}{rest}" if stem == PROTOCOL else file


# Every export, in the order the open data lists them; a new format is one entry here.
FORMATS = {
    f.key: f
    for f in (
        Format("json", "protocol.json", "JSON, to the published schema", _json),
        Format("akn", "protocol.akn.xml", "Akoma Ntoso", lambda d, e, c, x: to_akn(d, e, c)),
        Format("csv", "clauses.csv", "CSV, a clause a row", lambda d, e, c, x: to_csv(d)),
        Format(
            "csvw",
            "clauses.csv-metadata.json",
            "the CSV's columns and licence, as CSVW metadata",
            lambda d, e, c, x: to_csvw(d, e, c),
        ),
        Format("needs", "needs.json", "sphinx-needs' needs.json", _needs),
        Format("docx", "protocol.docx", "Word, to redraft", _docx),
    )
}


def render(
    fmt: str,
    document: Document,
    edition: Edition,
    council: Council,
    examples: tuple[Example, ...],
) -> str | bytes:
    """One format of a version; ``examples`` are the worked examples checking it (the
    draft's), with their latest results."""
    return FORMATS[fmt].draw(document, edition, council, examples)
