"""The licence the open data is published under ([council] licence and licence_url):
the Open Government Licence v3.0 unless the council says otherwise; named on the open
data page and in the JSON; a bad value refused, pointing at its line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import Site
from constitution import export
from constitution.council import Council, load_council
from constitution.export import Edition, from_json, to_json
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.sphinxext import page_templates

SCHEMA = Path(__file__).resolve().parent.parent / "src/constitution/schemas/protocol.schema.json"
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
SETTINGS = """\
[council]
name = "Anyshire County Council"
document = "Contract Procedure Rules"
citation = "CPR"
id_prefix = "CPR"
{extra}
[roles]
officer = "Officers"
"""


def council_with(tmp_path: Path, extra: str = "") -> Council:
    path = tmp_path / "conf" / "council.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SETTINGS.format(extra=extra), encoding="utf-8")
    return load_council(path)


def test_a_council_that_says_nothing_publishes_under_the_ogl(tmp_path: Path) -> None:
    council = council_with(tmp_path)
    assert (council.licence, council.licence_url) == ("Open Government Licence v3.0", OGL)


def test_a_councils_own_licence_is_in_its_json_and_on_its_data_page(
    tmp_path: Path, project: Project
) -> None:
    council = council_with(
        tmp_path,
        'licence = "Creative Commons Attribution 4.0"\n'
        'licence_url = "https://creativecommons.org/licenses/by/4.0/"\n',
    )
    data = to_json(project.document(), Edition("draft"), council, {})
    assert data["document"]["licence"] == {
        "name": "Creative Commons Attribution 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    page = page_templates.render(
        "open-data.html",
        editions=[],
        files=[],
        licence=council.licence,
        licence_url=council.licence_url,
        in_force=False,
        several=False,
    )
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/">'
        "Creative Commons Attribution 4.0</a>" in page
    )


@pytest.mark.parametrize(
    ("extra", "line", "words"),
    [
        ('licence = "CC BY 4.0"\n', 6, "licence_url"),  # a licence of its own, no address
        ('licence_url = "https://example.org/l/"\n', 6, "licence"),  # an address, no name
        ('licence = "OGL"\nlicence_url = "http://example.org/ogl"\n', 7, "https"),
        ('licence = "OGL"\nlicence_url = "https://example.org/\\" onclick=\\"x"\n', 7, "https"),
        ('licence = " "\nlicence_url = "https://example.org/ogl"\n', 6, "licence"),
    ],
)
def test_a_bad_licence_is_refused_at_its_line(
    tmp_path: Path, extra: str, line: int, words: str
) -> None:
    with pytest.raises(ProtocolError) as refused:
        council_with(tmp_path, extra)
    [problem] = refused.value.problems
    assert (problem.code, problem.file, problem.line) == (
        "council-licence",
        "conf/council.toml",
        line,
    )
    assert words in problem.message and problem.fix


def test_a_json_file_written_before_the_licence_still_reads(project: Project) -> None:
    data = to_json(project.document(), Edition("draft"), project.council(), {})
    del data["document"]["licence"]
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [c.id for c in from_json(data).clauses()] == [c.id for c in project.document().clauses()]


def test_the_models_data_page_names_the_ogl(site: Site) -> None:
    link = site.page("data/index.html").select_one(f'article a[href="{OGL}"]')
    assert link is not None and link.get_text() == "Open Government Licence v3.0"
    data = json.loads((site.out / "data" / "draft" / "protocol.json").read_text())
    assert data["document"]["licence"] == {"name": "Open Government Licence v3.0", "url": OGL}


def test_the_csv_names_its_licence_in_its_csvw_metadata(tmp_path: Path, project: Project) -> None:
    """A CSV cannot hold a comment row without breaking the readers that take its first row
    as the columns' names: the W3C's convention for tabular data (CSVW) names its licence
    in a metadata file beside it, clauses.csv-metadata.json, where a CSVW reader looks
    first; the file describes the CSV's columns as they are, lists split at ';'."""
    council = council_with(
        tmp_path,
        'licence = "Anyshire Open Licence"\nlicence_url = "https://anyshire.example/licence"',
    )
    document = project.document()
    drawn = export.render("csvw", document, Edition("draft"), council, ())
    meta = json.loads(drawn)
    assert meta["@context"] == "http://www.w3.org/ns/csvw"
    assert meta["url"] == "clauses.csv"
    assert meta["dc:license"] == {"@id": "https://anyshire.example/licence"}
    assert meta["dc:rights"] == "Anyshire Open Licence"
    assert meta["dc:publisher"] == "Anyshire County Council"
    csv_text = export.render("csv", document, Edition("draft"), council, ())
    header = next(csv.reader(io.StringIO(str(csv_text))))
    columns = meta["tableSchema"]["columns"]
    assert [c["name"] for c in columns] == header
    assert {c["name"] for c in columns if c.get("separator") == ";"} == {
        "applies_to", "statutes", "tags"
    }  # fmt: skip
    assert all(c["titles"] and c["dc:description"] for c in columns)
    assert meta["tableSchema"]["primaryKey"] == "id"
    assert export.FORMATS["csvw"].file == "clauses.csv-metadata.json"


def test_the_models_csv_has_its_metadata_beside_it(site: Site) -> None:
    meta = json.loads((site.out / "data" / "draft" / "clauses.csv-metadata.json").read_text())
    assert meta["dc:license"] == {"@id": OGL}
    listed = [a["href"] for a in site.page("data/index.html").select("td a")]
    assert "draft/clauses.csv-metadata.json" in listed


def test_akoma_ntoso_needs_json_and_word_name_the_licence(tmp_path: Path, project: Project) -> None:
    """Each open data file names the licence in its own format's way: Akoma Ntoso, whose
    schema has no element for it, in its metadata's container for other vocabularies
    (<proprietary>) as Dublin Core terms, as the CSV's metadata names it; needs.json beside
    its versions, as the JSON beside its document; the Word file in its core properties'
    description (Word's "Comments"), the properties having no licence of their own."""
    from docx import Document as WordDocument
    from lxml import etree

    council = council_with(
        tmp_path,
        'licence = "Anyshire Open Licence"\nlicence_url = "https://anyshire.example/licence"',
    )
    document, draft = project.document(), Edition("draft")
    akn = etree.fromstring(str(export.render("akn", document, draft, council, ())).encode())
    schema = etree.XMLSchema(etree.parse(str(SCHEMA.parent / "akn" / "akomantoso30.xsd")))
    assert schema.validate(akn), schema.error_log.last_error
    ns = {
        "a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
        "dc": "http://purl.org/dc/terms/",
    }
    proprietary = akn.find("a:act/a:meta/a:proprietary", ns)
    assert proprietary is not None and proprietary.get("source") == "#council"
    assert proprietary.findtext("dc:license", namespaces=ns) == "https://anyshire.example/licence"
    assert proprietary.findtext("dc:rights", namespaces=ns) == "Anyshire Open Licence"
    needs = json.loads(str(export.render("needs", document, draft, council, ())))
    assert needs["licence"] == {
        "name": "Anyshire Open Licence",
        "url": "https://anyshire.example/licence",
    }
    word = export.render("docx", document, draft, council, ())
    assert isinstance(word, bytes)
    assert WordDocument(io.BytesIO(word)).core_properties.comments == (
        "Published under the Anyshire Open Licence: https://anyshire.example/licence"
    )
