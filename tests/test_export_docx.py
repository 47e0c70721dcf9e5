"""The Word export (`constitution export --format docx`), for an editor who redrafts in
Word: a real Word document of the version, the same bytes each time, and a round trip
that holds: exported, edited (or not) with python-docx, imported with `--revision`, the
redline shows exactly the edit."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from conftest import REVOKED_AS, run
from constitution import export
from constitution.export import Edition
from constitution.model import Document, Revoked, RevokedSection
from constitution.project import Project
from constitution.report import docx_report
from test_revision_round_trip import committed, draft_myst, git, redline  # noqa: F401

# A paragraph holding every mark a clause's words may that the importer reads back:
# emphasis, strong words, code, a web link, a link to a page of the site, a reference, a
# defined term, a statute by words of its own, a line break, a second paragraph and a list.
RICH = """
```{clause} MOP-0900
:modality: must
:applies-to: officer

An officer *must* reply **in writing** within ten {defined}`working days <working day>`
of an `enquiry`, as {para}`MOP-0149` says, under {statute}`Part VA <lga1972-s100a>`;
see [the guidance](https://example.org/guide) and [the rules](review.md).\\
It is sent the same day.

The reply says:

- what was asked;
- what was done;
- who to ask next.
```
"""
# Lists Word draws but the importer cannot yet read back as written (it reads one level
# of bullets): nested, and numbered from three; and a statute by its title.
LISTS = """
```{clause} MOP-0901
:modality: informative

Under {statute}`lga1972-s100a`:

- what was done, either:
  1. in full; or
  2. in part, with *reasons*;
- who to ask next.

3. A last point, numbered from three.
```
"""


def word(blob: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(blob))


def export_docx(project: Project, version: str = "draft") -> bytes:
    out = project.root / "exported.docx"
    result = run(project, "export", "--version", version, "--format", "docx", "--out", out.name)
    assert result.returncode == 0, result.stderr
    blob = out.read_bytes()
    out.unlink()
    return blob


def import_revision(project: Project, blob: bytes) -> str:
    """The import's report."""
    (project.root / "revised.docx").write_bytes(blob)
    result = run(project, "import", "revised.docx", "--out", "protocol", "--force", "--revision")
    assert result.returncode == 0, result.stdout + result.stderr
    (project.root / "revised.docx").unlink()
    return result.stdout


def changes(project: Project) -> list[tuple[str, str, str | None, str | None]]:
    data = json.loads(redline(project, "json"))
    return [(c["kind"], c["id"], c["old_number"], c["new_number"]) for c in data["changes"]]


@pytest.fixture
def rich(committed: Project) -> Project:  # noqa: F811 (the fixture, imported)
    """The model with a paragraph of every mark, committed: the redline's base."""
    section = committed.protocol / "correspondence.md"
    section.write_text(section.read_text(encoding="utf-8") + RICH, encoding="utf-8")
    git(committed, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "rich")
    return committed


def test_the_draft_is_laid_out_as_a_councils_word_copy(project: Project) -> None:
    document = project.document()
    blob = export.render("docx", document, Edition("draft"), project.council(), ())
    assert isinstance(blob, bytes)
    paragraphs = word(blob).paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", document.title)
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{s.number}. {s.title}" for s in document.sections]
    numbered = [p.text.partition("\t")[0] for p in paragraphs if "\t" in p.text]
    assert numbered == [c.number for c in document.clauses()]  # typed, not Word's numbering
    assert not any(p._p.pPr is not None and p._p.pPr.numPr is not None for p in paragraphs)
    header = word(blob).sections[0].header.paragraphs[0].text
    assert header == "Kestrelford Borough Council · Part 5.3 · Draft, not adopted"


def test_every_mark_of_a_paragraph_is_drawn_from_its_tree(scratch: Project) -> None:
    section = scratch.protocol / "correspondence.md"
    section.write_text(section.read_text(encoding="utf-8") + RICH + LISTS, encoding="utf-8")
    numbers = {c.id: c.number for c in scratch.document().clauses()}
    document = word(export_docx(scratch))
    first = f"{numbers['MOP-0900']}\tAn officer"
    at = next(i for i, p in enumerate(document.paragraphs) if p.text.startswith(first))
    lead, second, *rest = document.paragraphs[at : at + 11]
    assert lead.text.startswith(f"{first} must reply in writing within ten ")
    assert lead.text.endswith("see the guidance and the rules.\nIt is sent the same day.")
    runs = {r.text: r for r in lead.runs}
    assert runs["must"].italic and runs["in writing"].bold
    assert runs["working days"].style.name == "Defined Term"
    assert runs["enquiry"].font.name == "Courier New"
    # a reference as the version numbers it, linked to the paragraph's bookmark
    anchors = [h.get(qn("w:anchor")) for h in lead._p.iter(qn("w:hyperlink"))]
    assert f"as paragraph {numbers['MOP-0149']} says" in lead.text and "MOP_0149" in anchors
    names = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    assert {"MOP_0149", "MOP_0900"} <= names
    # a statute and a web link as hyperlinks; the site's own page as its words
    addresses = {h.address: h.text for h in lead.hyperlinks if h.address}
    assert addresses == {
        "https://www.legislation.gov.uk/ukpga/1972/70/part/VA": "Part VA",
        "https://example.org/guide": "the guidance",
    }
    assert (second.text, second.paragraph_format.left_indent) == (
        "The reply says:",
        lead.paragraph_format.left_indent,
    )
    statute = "Local Government Act 1972, Part VA (access to meetings and documents)"
    assert [(p.style.name, p.text) for p in rest] == [
        ("List Bullet", "what was asked;"),
        ("List Bullet", "what was done;"),
        ("List Bullet", "who to ask next."),
        ("Normal", f"{numbers['MOP-0901']}\tUnder {statute}:"),
        ("List Bullet", "what was done, either:"),
        ("List 2", "1.\tin full; or"),
        ("List 2", "2.\tin part, with reasons;"),
        ("List Bullet", "who to ask next."),
        ("List", "3.\tA last point, numbered from three."),
    ]


@pytest.mark.parametrize(("revoked_id", "resolution", "said"), REVOKED_AS)
def test_a_revoked_paragraph_and_section_show_as_the_version_shows_them(
    document: Document, project: Project, revoked_id: str, resolution: str, said: str
) -> None:
    first = document.sections[0]
    gone = Revoked("1.3", revoked_id, resolution)
    section = dataclasses.replace(
        first, clauses=tuple(c for c in first.clauses if c.id != "MOP-0003"), revoked=(gone,)
    )
    whole = RevokedSection("1A", "extra", "Extra matters", "Council, 14 May 2026, minute 13")
    version = dataclasses.replace(
        document, sections=(section, *document.sections[1:]), revoked_sections=(whole,)
    )
    edition = Edition("2026-05-14", "2026-05-14", "2026-06-01", "Minute 12", "abc")
    texts = [
        p.text
        for p in word(export.render("docx", version, edition, project.council(), ())).paragraphs
    ]
    at = texts.index(f"1.3\t{said}.")
    assert texts[at - 1].startswith("1.2\t") and texts[at + 1].startswith("1.4\t")
    at = texts.index("1A. Extra matters")
    assert texts[at + 1] == "Revoked by Council, 14 May 2026, minute 13."
    assert texts[at + 2] == "2. Definitions"


def test_a_section_printed_as_revoked_shows_its_number_and_words_in_its_place(
    document: Document, project: Project
) -> None:
    """A section number the document imported printed as revoked has no title here: its
    number, then the words printed in its place."""
    printed = RevokedSection("1A", "", "", "Not used")
    draft = dataclasses.replace(document, revoked_sections=(printed,))
    texts = [
        p.text
        for p in word(
            export.render("docx", draft, Edition("draft"), project.council(), ())
        ).paragraphs
    ]
    at = texts.index("1A.")
    assert texts[at + 1 : at + 3] == ["Not used.", "2. Definitions"]


def test_the_same_version_gives_the_same_bytes(
    project: Project, document: Document, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Zip dates and core properties are fixed: saved an hour apart, the same bytes."""
    council = project.council()
    adopted = Edition("2026-05-14", "2026-05-14", "2026-06-01", "Minute 12", "abc")
    now = time.time()
    drawn = []
    for later in (0, 3600):
        monkeypatch.setattr(time, "time", lambda later=later: now + later)
        drawn.append(
            [export.render("docx", document, e, council, ()) for e in (Edition("draft"), adopted)]
        )
        docx_report(tmp_path / f"{later}.docx", "Changes", [], "MO", dt.date(2026, 11, 20))
    assert drawn[0] == drawn[1]
    assert (tmp_path / "0.docx").read_bytes() == (tmp_path / "3600.docx").read_bytes()
    draft, version = (zipfile.ZipFile(io.BytesIO(b)) for b in drawn[0])  # type: ignore[arg-type]
    assert {i.date_time for i in draft.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.date_time for i in version.infolist()} == {(2026, 5, 14, 0, 0, 0)}
    assert b"dcterms:modified" not in draft.read("docProps/core.xml")  # a draft has no date
    props = word(drawn[0][1]).core_properties  # type: ignore[arg-type]
    assert props.modified == props.created == dt.datetime(2026, 5, 14, tzinfo=dt.UTC)
    assert (props.title, props.author) == (document.title, council.name)


def test_an_export_imported_with_no_edit_changes_nothing(rich: Project) -> None:
    before = draft_myst(rich)
    said = import_revision(rich, export_docx(rich))
    assert "modality is a first guess" not in said  # each keeps the modality it was given
    assert changes(rich) == []
    assert draft_myst(rich) == before  # every role, emphasis and list as written
    assert git(rich, "status", "--porcelain") == ""


def typed_lists(project: Project, first: str, second: str) -> list[Any]:
    """Word's paragraphs of two lists of a clause committed to the draft: ``first`` under
    a lead-in, then ``second`` under words of their own."""
    section = project.protocol / "correspondence.md"
    labelled = (
        "\n```{clause} MOP-0902\n:modality: must\n:applies-to: officer\n\n"
        f"An officer passing an enquiry on must:\n\n{first}\n\nThey may say so:\n\n{second}\n```\n"
    )
    section.write_text(section.read_text(encoding="utf-8") + labelled, encoding="utf-8")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "labelled")
    paragraphs = word(export_docx(project)).paragraphs
    lead = "\tAn officer passing an enquiry on must:"
    at = next(i for i, p in enumerate(paragraphs) if p.text.endswith(lead))
    return list(paragraphs[at + 1 : at + 6])


def comes_back_as_written(project: Project) -> None:
    before = draft_myst(project)
    import_revision(project, export_docx(project))
    assert changes(project) == []
    assert draft_myst(project) == before
    assert git(project, "status", "--porcelain") == ""


LEAD_IN = "- (a) tell the member who will now reply;\n- (b) keep the day it was *first* received."
TYPED = [("List", "(a)\ttell the member who will now reply;")]
TYPED += [("List", "(b)\tkeep the day it was first received."), ("Normal", "They may say so:")]


@pytest.mark.parametrize(
    ("first", "second", "shown", "bold"),
    [
        (  # one item of the second list unlabelled: bullets for both
            LEAD_IN,
            "- (c) in writing\n- or by telephone.",
            [*TYPED, ("List Bullet", "(c) in writing"), ("List Bullet", "or by telephone.")],
            [False, False],
        ),
        (  # labels in capitals, and in bold (typed bold)
            LEAD_IN.replace("(a)", "(A)").replace("(b)", "(B)"),
            "- **(c)** in writing;\n- **(d)** or by telephone.",
            [(s, w.replace("(a)", "(A)").replace("(b)", "(B)")) for s, w in TYPED]
            + [("List", "(c)\tin writing;"), ("List", "(d)\tor by telephone.")],
            [True, True],
        ),
    ],
)
def test_items_with_their_own_labels_are_typed_as_numbers_and_come_back_as_written(
    committed: Project,  # noqa: F811 (the fixture, imported)
    first: str,
    second: str,
    shown: list[tuple[str, str]],
    bold: list[bool],
) -> None:
    typed = typed_lists(committed, first, second)
    assert [(p.style.name, p.text) for p in typed] == shown
    assert len({p.paragraph_format.left_indent for p in typed if p.style.name != "Normal"}) == 1
    assert [bool(p.runs[0].bold) for p in typed[3:]] == bold
    comes_back_as_written(committed)


def test_an_edit_in_word_is_the_only_change_the_redline_shows(rich: Project) -> None:
    document = word(export_docx(rich))
    edited = next(p for p in document.paragraphs if p.text.startswith("3.2\t"))
    run_ = next(r for r in edited.runs if "courtesy" in r.text)
    run_.text = run_.text.replace("courtesy", "courtesy and candour")
    out = io.BytesIO()
    document.save(out)
    before = draft_myst(rich)
    import_revision(rich, out.getvalue())
    assert changes(rich) == [("reworded", "MOP-0029", "3.2", "3.2")]
    after = draft_myst(rich)
    assert "courtesy and candour" in after["MOP-0029"]
    assert {k: v for k, v in after.items() if k != "MOP-0029"} == {
        k: v for k, v in before.items() if k != "MOP-0029"
    }


def test_references_to_other_documents_come_back_as_references(constitution: Project) -> None:
    """Word shows a reference to another document's paragraph as that document cites it
    ("Article 1.3"): brought back with no edit, in a clause or a section's introduction,
    it is the reference it was, not those words."""
    principles = constitution.protocol / "principles.md"
    text = principles.read_text(encoding="utf-8")
    title, _, rest = text.partition("\n\n")
    intro = "The Articles say who does what ({para}`ART-0003`)."
    cited = rest.replace("complementary;", "complementary ({para}`ART-0004`);", 1)
    assert cited != rest, "test setup: MOP-0030's words have changed"
    principles.write_text(f"{title}\n\n{intro}\n\n{cited}", encoding="utf-8")
    git(constitution, "init", "-q")
    git(constitution, "add", "-A")
    git(constitution, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    blob = export_docx(constitution)
    shown = "\n".join(p.text for p in word(blob).paragraphs)
    assert "({para}" not in shown and "ART-000" not in shown  # as Word shows them
    import_revision(constitution, blob)
    assert changes(constitution) == []
    assert git(constitution, "status", "--porcelain") == ""


def test_only_a_paragraph_new_in_word_has_its_modality_guessed(rich: Project) -> None:
    document = word(export_docx(rich))
    after = next(p for p in document.paragraphs if p.text.startswith("3.3\t"))
    after.insert_paragraph_before("3.2A\tOfficers must reply to a member within a week.")
    out = io.BytesIO()
    document.save(out)
    said = import_revision(rich, out.getvalue())
    new = [c for c in changes(rich) if c[0] == "inserted"]
    assert len(new) == 1, changes(rich)
    guesses = [line for line in said.splitlines() if " confidence, from " in line]
    assert "Each new clause's modality is a first guess" in said
    assert guesses == [guesses[0]] and guesses[0].startswith(f"  {new[0][1]} ("), guesses


# A section with words of its own between its paragraphs, where every kind stands: a
# sub-heading and words over the first, a paragraph between two (holding roles Word
# shows as words), a lower sub-heading, closing words; and numbers printed as revoked,
# in its front matter.
FRONT = '---\nrevoked 16.3A: Deleted\nrevoked 16.7: "Revoked by Council: minute 12"\n---\n'
WORDS_BETWEEN = {
    "MOP-0137": "## Copies and names\n\nEach is sent to all it names.\n\n",
    "MOP-0140": "They apply within ten {defined}`working days <working day>`, as "
    "{para}`MOP-0149` says, *always*.\n\n",
    "MOP-0141": "### Personal information\n\n",
}
CLOSING = "These rules are reviewed each year.\n"


@pytest.fixture
def between(committed: Project) -> Project:  # noqa: F811 (the fixture, imported)
    """The model with correspondence's words between paragraphs and revoked numbers,
    committed: the redline's base."""
    section = committed.protocol / "correspondence.md"
    text = section.read_text(encoding="utf-8")
    for id_, words in WORDS_BETWEEN.items():
        assert f"```{{clause}} {id_}\n" in text, "test setup: the section's IDs have changed"
        text = text.replace(f"```{{clause}} {id_}\n", f"{words}```{{clause}} {id_}\n")
    section.write_text(f"{FRONT}{text.rstrip()}\n\n{CLOSING}", encoding="utf-8")
    git(committed, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "between")
    return committed


def words_between(project: Project) -> list[tuple[str, str]]:
    data = json.loads(redline(project, "json"))
    return [(w["old"], w["new"]) for w in data.get("words_between", [])]


def test_words_between_and_revoked_numbers_come_back_from_word_unchanged(
    between: Project,
) -> None:
    blob = export_docx(between)
    import_revision(between, blob)
    assert changes(between) == []
    assert words_between(between) == []
    assert git(between, "diff") == ""  # the section file byte for byte
    assert git(between, "status", "--porcelain") == ""


def test_words_between_edited_in_word_are_the_only_changes(between: Project) -> None:
    document = word(export_docx(between))
    paragraphs = document.paragraphs
    heading = next(p for p in paragraphs if p.text == "Personal information")
    heading.runs[0].text = "Personal data"
    under = next(p for p in paragraphs if p.text.startswith("16.5\t"))
    under.insert_paragraph_before("16.4A\tMembers must keep personal data locked away.")
    last = next(p for p in paragraphs if p.text == CLOSING.strip())
    added = copy.deepcopy(last._p)
    last._p.addnext(added)
    docx.text.paragraph.Paragraph(added, last._parent).runs[0].text = "Ask the clerk."
    out = io.BytesIO()
    document.save(out)
    import_revision(between, out.getvalue())
    ((kind, _, was, now),) = changes(between)
    assert (kind, was, now) == ("inserted", None, "16.4A")
    ((old, new),) = words_between(between)
    assert old.splitlines() == [
        "before 16.1: ## Copies and names",
        "before 16.1: Each is sent to all it names.",
        "before 16.4: They apply within ten working days, as paragraph 17.7 says, always.",
        "before 16.5: ### Personal information",
        "at the end: These rules are reviewed each year.",
    ]
    assert new.splitlines() == [
        "before 16.1: ## Copies and names",
        "before 16.1: Each is sent to all it names.",
        "before 16.4: They apply within ten working days, as paragraph 17.7 says, always.",
        "before 16.4A: ### Personal data",
        "at the end: These rules are reviewed each year.",
        "at the end: Ask the clerk.",
    ]
    text = (between.protocol / "correspondence.md").read_text(encoding="utf-8")
    assert text.startswith(FRONT)  # the revoked numbers kept
    assert WORDS_BETWEEN["MOP-0140"] in text  # words not edited, as written


# Words between paragraphs holding what a clause's words may: a sub-heading with a
# defined term and a reference in it, and a list among the words.
MARKED_BETWEEN = {
    "MOP-0138": "## Replies in ten {defined}`working days <working day>` ({para}`MOP-0149`)\n\n",
    "MOP-0139": "Each reply says:\n\n- what was asked;\n- what was done.\n\n",
    "MOP-0141": "A reply is sent:\n\n- (a) by e-mail; or\n- (b) by post.\n\n",
}


def test_roles_in_a_sub_heading_and_a_list_between_paragraphs_come_back_from_word(
    committed: Project,  # noqa: F811 (the fixture, imported)
) -> None:
    """A sub-heading's defined term and reference come back as roles, not plain words, and
    a list among the words between paragraphs is a list in Word, and comes back one."""
    section = committed.protocol / "correspondence.md"
    text = section.read_text(encoding="utf-8")
    for id_, words in MARKED_BETWEEN.items():
        assert f"```{{clause}} {id_}\n" in text, "test setup: the section's IDs have changed"
        text = text.replace(f"```{{clause}} {id_}\n", f"{words}```{{clause}} {id_}\n")
    section.write_text(text, encoding="utf-8")
    git(committed, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "marked")
    blob = export_docx(committed)
    shown = {p.text: p.style.name for p in word(blob).paragraphs}
    assert shown["what was asked;"].startswith("List Bullet"), shown["what was asked;"]
    assert shown["Each reply says:"] == "Words Between Paragraphs"
    assert shown["(a)\tby e-mail; or"].startswith("List"), shown["(a)\tby e-mail; or"]
    import_revision(committed, blob)
    diff = git(committed, "diff")
    assert diff == "", diff  # the section file byte for byte
    assert changes(committed) == []
