"""Each document of the constitution adopted at its own meetings: its records in
versions/KEY/, the draft numbered against them, one resolution adopting several, the
gate, the constitution in force on a date, and the commands on a document's versions
(tests/roots/constitution)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from conftest import MODEL, copy_constitution, edit, run
from constitution import adoption
from constitution.documents import read_document
from constitution.project import Project
from constitution.tool_files import TEMPLATE

MAY = "2025-05-15"
RESOLUTION = "Council, 15 May 2025, minute 9: Articles and Council Procedure Rules adopted"
ARTICLES = "documents/articles/the-constitution.md"
# A new Article, inserted after Article 1.1.
ARTICLE = """
```{clause} ART-0005
:modality: informative

The Council may publish the constitution in any form that helps people read it.
```
"""
AFTER_1_1 = "\n```{clause} ART-0002"


def insert_article(project: Project) -> None:
    edit(project, ARTICLES, AFTER_1_1, ARTICLE + AFTER_1_1)


def adopting(
    project: Project, day: str, *keys: str, resolution: str = RESOLUTION, more: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    named = [arg for key in keys for arg in ("--document", key)]
    return run(project, "adopt", "--date", day, "--resolution", resolution, *named, *more)


def record(project: Project, key: str, day: str) -> dict[str, Any]:
    path = project.root / "versions" / key / f"{day}.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def numbers(project: Project, key: str) -> list[tuple[str, str]]:
    return [(c.id, c.number) for c in project.entry(key).document.clauses()]


def test_a_documents_versions_are_its_own_and_number_its_draft(constitution: Project) -> None:
    day = dt.date(2025, 5, 15)
    done = adoption.adopt(constitution, ["articles"], day, day, RESOLUTION)  # the core's own
    assert [a.record.path.name for a in done] == ["2025-05-15.json"]
    whole = constitution.constitution()
    articles = whole.entry("articles")
    assert [(v.key, v.path) for v in articles.versions] == [
        ("2025-05-15", "versions/articles/2025-05-15.json")
    ]
    assert whole.entry("procedure-rules").versions == ()
    assert whole.entry("protocol").versions == tuple(constitution.versions())
    # a paragraph inserted after Article 1.1 takes 1.1A: the adopted numbers stay
    insert_article(constitution)
    assert numbers(constitution, "articles") == [
        ("ART-0001", "1.1"),
        ("ART-0005", "1.1A"),
        ("ART-0002", "1.2"),
        ("ART-0003", "2.1"),
        ("ART-0004", "2.2"),
    ]
    alone = read_document(constitution.root, constitution.council(), "articles")
    assert alone.versions == articles.versions


def test_a_documents_folder_is_not_a_protocol_record(tmp_path: Path) -> None:
    project = copy_constitution(tmp_path / "project")
    shutil.copytree(MODEL / "versions", project.root / "versions")
    before = [v.key for v in project.versions()]
    assert adopting(project, "2026-06-01", "articles").returncode == 0
    assert (project.root / "versions" / "articles" / "2026-06-01.json").is_file()
    assert [v.key for v in Project(project.root).versions()] == before
    assert len(before) == 3


def test_one_resolution_adopts_several_documents(constitution: Project) -> None:
    result = adopting(constitution, MAY, "articles", "procedure-rules")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Recorded the version of the Articles of the Constitution adopted on 2025-05-15 in "
        "versions/articles/2025-05-15.json.\n"
        "Recorded the version of the Council Procedure Rules adopted on 2025-05-15 in "
        "versions/procedure-rules/2025-05-15.json.\n"
    )
    articles, rules = (
        record(constitution, "articles", MAY),
        record(constitution, "procedure-rules", MAY),
    )
    for made in (articles, rules):
        assert (made["adopted"], made["in_force"], made["resolution"]) == (MAY, MAY, RESOLUTION)
        assert made["previous_digest"] is None
    assert [c["id"] for s in rules["sections"] for c in s["clauses"]] == ["CPR-0001", "CPR-0002"]
    assert articles["title"] == "Articles of the Constitution"
    # the protocol is not among them: it has no record
    assert sorted(p.name for p in (constitution.root / "versions").iterdir()) == [
        "articles",
        "procedure-rules",
    ]


def test_a_document_whose_draft_is_unchanged_stops_the_whole_adoption(
    constitution: Project,
) -> None:
    assert adopting(constitution, MAY, "articles").returncode == 0
    refused = adopting(constitution, "2026-01-22", "procedure-rules", "articles")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "versions/articles/2026-01-22.json: adopt-unchanged: the draft of the Articles of the "
        "Constitution does not differ from its version adopted on 2025-05-15: the resolution "
        "changes nothing in it.\n"
        "    How to fix: Leave out --document articles, or first make in its draft the change "
        "the resolution adopts.\n"
        "\n1 problem(s) found; nothing was adopted.\n"
    )
    # nothing half-written: the Procedure Rules, which could be adopted, were not
    assert not (constitution.root / "versions" / "procedure-rules").exists()
    insert_article(constitution)
    done = adopting(constitution, "2026-01-22", "procedure-rules", "articles")
    assert done.returncode == 0, done.stderr
    later = record(constitution, "articles", "2026-01-22")
    assert later["previous_digest"] == record(constitution, "articles", MAY)["digest"]
    assert [c["number"] for s in later["sections"] for c in s["clauses"]][:3] == [
        "1.1",
        "1.1A",
        "1.2",
    ]


def test_the_protocol_is_named_among_the_documents(constitution: Project) -> None:
    done = adopting(constitution, MAY, "protocol", "articles")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        "Recorded the version of the Protocol on Member/Officer Relations adopted on "
        "2025-05-15 in versions/2025-05-15.json."
    )
    assert [v.key for v in constitution.versions()] == [MAY]
    again = adopting(constitution, "2026-01-22", "protocol", "articles")
    assert again.returncode == 2
    assert [line.split(": ")[:2] for line in again.stderr.splitlines()[:3:2]] == [
        ["versions/2026-01-22.json", "adopt-unchanged"],
        ["versions/articles/2026-01-22.json", "adopt-unchanged"],
    ]


def test_the_protocol_adopted_alone_is_named_in_a_constitution_of_several(
    constitution: Project,
) -> None:
    """Without --document the protocol is adopted: among other documents, the message
    says which document it recorded, as it does with --document."""
    done = adopting(constitution, MAY)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "Recorded the version of the Protocol on Member/Officer Relations adopted on "
        "2025-05-15 in versions/2025-05-15.json.\n"
    )


def test_a_record_that_cannot_be_written_takes_back_the_others(constitution: Project) -> None:
    (constitution.root / "versions").mkdir()
    (constitution.root / "versions" / "procedure-rules").write_text("not a folder\n")
    refused = adopting(constitution, MAY, "articles", "procedure-rules")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.startswith(
        f"versions/procedure-rules/{MAY}.json: adopt-unwritable: the record cannot be written "
        "(File exists); no other record of this adoption was kept.\n"
    )
    assert not (constitution.root / "versions" / "articles" / f"{MAY}.json").exists()


def test_an_unknown_document_adopts_nothing(constitution: Project) -> None:
    refused = adopting(constitution, MAY, "articles", "article")
    assert refused.returncode == 2
    assert refused.stderr.startswith(
        "conf/council.toml: unknown-document: the constitution has no document 'article'."
    )
    assert not (constitution.root / "versions").exists()


def test_each_document_keeps_its_own_chain_of_dates(constitution: Project) -> None:
    assert adopting(constitution, MAY, "procedure-rules").returncode == 0
    # the Articles were adopted earlier: their own first record, not after the Rules'
    assert adopting(constitution, "2024-01-10", "articles").returncode == 0
    early = adopting(constitution, "2024-01-01", "articles")
    assert early.returncode == 2
    assert early.stderr.startswith(
        "versions/articles/2024-01-01.json: adopt-date: 2024-01-01 is not after the last "
        "adopted version (2024-01-10).\n"
    )
    assert not (constitution.root / "versions" / "articles" / "2024-01-01.json").exists()


def test_another_documents_number_before_a_renumbering_is_read_in_that_document(
    constitution: Project,
) -> None:
    """A number an Article had before the Articles were renumbered: the command named to
    read it there names the Articles, or it would read the protocol's paragraph 1.2."""
    assert adopting(constitution, MAY, "articles").returncode == 0
    insert_article(constitution)
    assert adopting(constitution, "2026-01-22", "articles", more=("--renumber",)).returncode == 0
    read = run(constitution, "paragraph", "--document", "articles", "1.2")
    assert read.returncode == 0, read.stderr
    assert read.stdout.splitlines()[-1] == (
        f"In the version adopted on {MAY}, 1.2 is ART-0002 (now 1.3): "
        f"constitution paragraph --document articles 1.2 --version {MAY} reads it."
    )


def test_a_document_is_renumbered_or_keeps_its_revoked_numbers(constitution: Project) -> None:
    assert adopting(constitution, MAY, "articles").returncode == 0
    insert_article(constitution)
    remade = adopting(constitution, "2026-01-22", "articles", more=("--renumber",))
    assert remade.returncode == 0, remade.stderr
    assert remade.stdout.splitlines()[1] == (
        "Renumbered 1 paragraph(s); the record keeps each one's number before."
    )
    assert record(constitution, "articles", "2026-01-22")["renumbered"] == {
        "1.1": "1.1",
        "1.2": "1.3",
        "2.1": "2.1",
        "2.2": "2.2",
    }
    assert numbers(constitution, "articles")[:3] == [
        ("ART-0001", "1.1"),
        ("ART-0005", "1.2"),
        ("ART-0002", "1.3"),
    ]
    # a paragraph revoked keeps its number, with the resolution revoking it
    members = constitution.root / "documents" / "articles" / "members.md"
    text = members.read_text(encoding="utf-8")
    members.write_text(text[: text.index("```{clause} ART-0004")].rstrip() + "\n")
    edit(constitution, "documents/articles/members.md", "and in particular", "in particular")
    register = constitution.root / "documents" / "articles" / "retired.toml"
    register.write_text("[ART-0004]\nrevoked = 2026-09-17\n", encoding="utf-8")
    revoking = "Council, 17 September 2026, minute 4: Article 2.2 revoked"
    # the Rule citing the reworded Article, read again against its words (suspect till then)
    assert run(constitution, "confirm", "CPR-0002").returncode == 0
    assert adopting(constitution, "2026-09-17", "articles", resolution=revoking).returncode == 0
    members_section = record(constitution, "articles", "2026-09-17")["sections"][1]
    assert members_section["revoked"] == [
        {"number": "2.2", "id": "ART-0004", "resolution": revoking}
    ]


def git(project: Project, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=project.root,
        check=True,
        capture_output=True,
    )


def gate(project: Project, *args: str) -> tuple[int, list[tuple[str, str]]]:
    result = run(project, "check", "--format", "json", *args)
    found = json.loads(result.stdout)["problems"]
    return result.returncode, [(p["code"], p["file"]) for p in found]


def test_the_gate_checks_each_documents_records(constitution: Project) -> None:
    assert adopting(constitution, MAY, "articles", "procedure-rules").returncode == 0
    assert gate(constitution) == (0, [])
    path = constitution.root / "versions" / "articles" / f"{MAY}.json"
    path.write_text(path.read_text(encoding="utf-8").replace("Members must", "Members shall"))
    assert gate(constitution) == (1, [("version-tampered", f"versions/articles/{MAY}.json")])


def test_the_gate_keeps_each_documents_records_append_only(constitution: Project) -> None:
    assert adopting(constitution, MAY, "articles").returncode == 0
    git(constitution, "init", "-q")
    git(constitution, "add", "-A")
    git(constitution, "commit", "-qm", "base")
    shown = f"versions/articles/{MAY}.json"
    path = constitution.root / shown
    kept = path.read_bytes()
    # a new adoption, of another document too, is what a pull request may add
    insert_article(constitution)
    assert adopting(constitution, "2026-01-22", "articles", "procedure-rules").returncode == 0
    assert gate(constitution, "--base", "HEAD") == (0, [])
    path.unlink()
    status, found = gate(constitution, "--base", "HEAD")
    assert status == 1
    assert ("version-removed", shown) in found
    path.write_bytes(kept.replace(b'"title"', b'"title" ', 1))
    assert gate(constitution, "--base", "HEAD")[1] == [("version-rewritten", shown)]
    path.write_bytes(kept)
    early = constitution.root / "versions" / "procedure-rules" / "2024-01-01.json"
    early.write_bytes(b"{}")
    inserted = ("version-inserted", "versions/procedure-rules/2024-01-01.json")
    assert inserted not in gate(constitution, "--base", "HEAD")[1]  # none there at the base
    shutil.copy(path, constitution.root / "versions" / "articles" / "2024-01-01.json")
    found = gate(constitution, "--base", "HEAD")[1]
    assert ("version-inserted", "versions/articles/2024-01-01.json") in found


def in_force(project: Project, on: str, form: str = "text") -> str:
    result = run(project, "in-force", "--on", on, "--format", form)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout


def test_the_constitution_in_force_on_a_date(constitution: Project) -> None:
    assert in_force(constitution, "2025-01-01") == (
        "The constitution in force on 2025-01-01:\n"
        "Part 2, Articles of the Constitution: not yet adopted; only its draft.\n"
        "Part 4.1, Council Procedure Rules: not yet adopted; only its draft.\n"
        "Part 5.3, Protocol on Member/Officer Relations: not yet adopted; only its draft.\n"
    )
    both = adopting(
        constitution, MAY, "articles", "procedure-rules", more=("--in-force", "2025-06-01")
    )
    assert both.returncode == 0
    edit(constitution, "documents/procedure-rules/meetings.md", "three clear", "five clear")
    amended = "Council, 22 January 2026, minute 6: Council Procedure Rule 1 amended"
    assert run(constitution, "confirm", "ART-0004").returncode == 0  # it cites Rule 1
    assert (
        adopting(constitution, "2026-01-22", "procedure-rules", resolution=amended).returncode == 0
    )
    # adopted, and the version said with the day it comes into force, not hidden
    assert in_force(constitution, "2025-05-20").splitlines()[1:3] == [
        "Part 2, Articles of the Constitution: not yet in force; the version adopted on "
        "2025-05-15 comes into force on 2025-06-01; until then, only its draft.",
        "Part 4.1, Council Procedure Rules: not yet in force; the version adopted on "
        "2025-05-15 comes into force on 2025-06-01; until then, only its draft.",
    ]
    # before the meeting that adopted it, a document was not yet adopted, whatever came later
    assert in_force(constitution, "2025-05-01").splitlines()[1] == (
        "Part 2, Articles of the Constitution: not yet adopted; only its draft."
    )
    assert in_force(constitution, "2026-02-01").splitlines()[1:3] == [
        "Part 2, Articles of the Constitution: the version adopted on 2025-05-15, in force "
        f"from 2025-06-01; resolution: {RESOLUTION}",
        "Part 4.1, Council Procedure Rules: the version adopted on 2026-01-22, in force from "
        f"2026-01-22; resolution: {amended}",
    ]
    said = json.loads(in_force(constitution, "2025-12-31", "json"))
    assert said["on"] == "2025-12-31"
    assert [(d["key"], d["status"]) for d in said["documents"]] == [
        ("articles", "in force"),
        ("procedure-rules", "in force"),
        ("protocol", "not yet adopted"),
    ]
    rules = said["documents"][1]
    assert rules["version"]["adopted"] == MAY
    assert rules["version"]["digest"] == record(constitution, "procedure-rules", MAY)["digest"]
    assert said["documents"][2]["version"] is None


def test_a_paragraph_is_cited_in_a_documents_versions(constitution: Project) -> None:
    assert adopting(constitution, MAY, "articles").returncode == 0
    insert_article(constitution)
    result = run(constitution, "paragraph", "--document", "articles", "1.2")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == (
        "1.2 in the version of the Articles of the Constitution adopted on 2025-05-15: ART-0002"
    )
    assert result.stdout.splitlines()[-1] == "Its numbers: 1.2 (2025-05-15), 1.2 (draft)."
    drafted = run(constitution, "paragraph", "--document", "articles", "--version", "draft", "1.1A")
    assert drafted.stdout.startswith(
        "1.1A in the draft of the Articles of the Constitution: ART-0005"
    )
    before = run(constitution, "paragraph", "ART-0002", "--on", "2025-01-01")
    assert before.stdout.startswith("ART-0002 in the draft of the Articles of the Constitution:")
    named = run(constitution, "paragraph", "ART-0001", "--version", MAY)
    assert named.stdout.startswith(
        "ART-0001 in the version of the Articles of the Constitution adopted on 2025-05-15: "
        "paragraph 1.1"
    )
    # a version's paragraphs cite one another as the document's draft does
    cited = run(constitution, "paragraph", "--document", "articles", "--on", "2025-06-01", "2.2")
    assert "; see also Article 1.1." in cited.stdout
    missing = run(constitution, "paragraph", "ART-0001", "--version", "2020-01-01")
    assert missing.returncode == 2
    assert missing.stderr.startswith(
        "versions/articles: unknown-version: no version was adopted on 2020-01-01.\n"
        "    How to fix: Use 'draft' or an adoption date: 2025-05-15.\n"
    )


def test_a_documents_versions_are_compared(constitution: Project) -> None:
    assert adopting(constitution, MAY, "articles").returncode == 0
    insert_article(constitution)
    text = run(constitution, "redline", "--document", "articles", MAY, "draft")
    assert (text.returncode, text.stderr) == (0, "")
    # named as the constitution cites an Article, read apart from its pages
    assert text.stdout.startswith("ART-0005  - -> Article 1.1A  inserted\n")
    changes = json.loads(
        run(
            constitution, "redline", "--document", "articles", MAY, "draft", "--format", "json"
        ).stdout
    )
    # only the insertion: ART-0002 keeps its number under insert numbering
    assert [(c["kind"], c["id"], c["new_number"]) for c in changes["changes"]] == [
        ("inserted", "ART-0005", "1.1A")
    ]
    # a git ref: the document as it stood then
    git(constitution, "init", "-q")
    git(constitution, "add", "-A")
    git(constitution, "commit", "-qm", "base")
    edit(constitution, ARTICLES, "efficient, open", "efficient, transparent")
    since = run(constitution, "redline", "--document", "articles", "HEAD", "draft")
    assert since.returncode == 0, since.stderr
    assert since.stdout.startswith("ART-0001  Article 1.1 -> Article 1.1  reworded\n")
    assert "[-open-]{+transparent+}" in since.stdout
    unknown = run(constitution, "redline", "--document", "articles", "2020-01-01", "draft")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("versions/articles: unknown-version:")


def test_a_documents_version_is_exported_and_reported(
    constitution: Project, tmp_path: Path
) -> None:
    assert adopting(constitution, MAY, "articles").returncode == 0
    exported = run(
        constitution, "export", "--document", "articles", "--version", MAY, "--format", "json"
    )
    assert (exported.returncode, exported.stderr) == (0, "")
    data = json.loads(exported.stdout)
    assert data["document"]["title"] == "Articles of the Constitution"
    assert data["document"]["part"] == "Part 2"
    assert data["version"]["resolution"] == RESOLUTION
    assert data["version"]["digest"] == record(constitution, "articles", MAY)["digest"]
    assert [c["id"] for s in data["sections"] for c in s["clauses"]] == [
        "ART-0001",
        "ART-0002",
        "ART-0003",
        "ART-0004",
    ]
    rows = run(constitution, "export", "--document", "procedure-rules", "--format", "csv").stdout
    assert "CPR-0002" in rows and "MOP-" not in rows
    insert_article(constitution)
    out = tmp_path / "report"
    reported = run(
        constitution, "report", "--document", "articles", MAY, "draft", "--out", str(out)
    )
    assert reported.returncode == 0, reported.stderr
    page = (out / "changes.html").read_text(encoding="utf-8")
    assert "Articles of the Constitution: changes from 2025-05-15 to draft" in page
    assert "ART-0005" in page


def test_a_rules_change_is_reported_as_the_constitution_cites_the_rule(
    constitution: Project, tmp_path: Path
) -> None:
    """The committee report and the redline name a Rule as the constitution cites it
    ("Council Procedure Rule 1"), not as a bare number nor as the Rules' own "paragraph"."""
    from bs4 import BeautifulSoup

    assert adopting(constitution, MAY, "procedure-rules").returncode == 0
    rules = "documents/procedure-rules/meetings.md"
    edit(constitution, rules, "three clear working days", "five clear working days")
    text = run(constitution, "redline", "--document", "procedure-rules", MAY, "draft")
    assert (text.returncode, text.stderr) == (0, "")
    head = "CPR-0001  Council Procedure Rule 1 -> Council Procedure Rule 1  reworded"
    assert text.stdout.startswith(head + "\n")
    out = tmp_path / "report"
    done = run(
        constitution, "report", "--document", "procedure-rules", MAY, "draft", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    page = BeautifulSoup((out / "changes.html").read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text() for h in page.find_all("h2")] == [
        "CPR-0001: Council Procedure Rule 1 (reworded)"
    ]


def test_the_committee_report_of_the_whole_constitution(
    constitution: Project, tmp_path: Path
) -> None:
    """Each document in the constitution's order, under its Part and title: the Articles'
    changes since their adoption, the Rules' "no change", the protocol never adopted; in
    HTML and in Word, the change as a tracked insertion."""
    import docx
    from bs4 import BeautifulSoup

    day = dt.date(2025, 5, 15)
    adoption.adopt(constitution, ["articles", "procedure-rules"], day, day, RESOLUTION)
    insert_article(constitution)
    out = tmp_path / "report"
    done = run(constitution, "report", "--whole", "--out", str(out))
    assert done.returncode == 0, done.stderr
    page = BeautifulSoup((out / "changes.html").read_text(encoding="utf-8"), "html.parser")
    order = [f"{e.part}: {e.title}" for e in constitution.constitution()]
    assert [h.get_text() for h in page.find_all("h2")] == order
    notes = {h.get_text(): h.find_next_sibling("p").get_text() for h in page.find_all("h2")}
    since = f"the version adopted on 15 May 2025 ({RESOLUTION})."
    paragraphs = len(list(constitution.document().clauses()))
    assert notes == {
        "Part 2: Articles of the Constitution": f"Changes since {since}",
        "Part 4.1: Council Procedure Rules": f"No change since {since}",
        "Part 5.3: Protocol on Member/Officer Relations": (
            f"Not yet adopted: the whole of its draft, {paragraphs} paragraph(s), is new."
        ),
    }
    [table] = page.find_all("table")  # the Articles' alone
    assert [td.get_text() for td in table.find_all("td")] == ["ART-0005", "-", "1.1A", "inserted"]
    assert page.find("h3").get_text() == "ART-0005: - → Article 1.1A (inserted)"
    word = docx.Document(str(out / "changes.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert headings == order
    changed = [p.text for p in word.paragraphs if p.style.name == "Heading 3"]
    assert changed == ["ART-0005: - → Article 1.1A (inserted)"]
    assert "The Council may publish the constitution" in "".join(
        t.text for t in word.element.body.iter(docx.oxml.ns.qn("w:t"))
    )
    assert len(word.element.body.findall(".//" + docx.oxml.ns.qn("w:ins"))) == 1
    # two versions, or the whole: not both, nor neither
    for wrong in (["--whole", MAY, "draft"], [], ["--whole", "--document", "articles"]):
        refused = run(constitution, "report", *wrong, "--out", str(tmp_path / "no"))
        assert refused.returncode == 2 and "report-versions" in refused.stderr, wrong
        assert not (tmp_path / "no").exists()


def test_an_amendments_summary_names_each_documents_changes(constitution: Project) -> None:
    """A pull request's summary (redline --whole, as the workflows run it) lists what it
    changes in every document, each under its Part and title: an amendment to an Article
    was missing from the protocol's summary."""
    git(constitution, "init", "-q")
    git(constitution, "add", "-A")
    git(constitution, "commit", "-qm", "base")
    edit(constitution, ARTICLES, "efficient, open", "efficient, transparent")
    summary = run(constitution, "redline", "HEAD", "draft", "--format", "markdown", "--whole")
    assert (summary.returncode, summary.stderr) == (0, "")
    out = summary.stdout
    assert out.startswith("## Changes from HEAD to draft\n")
    # each document in the constitution's order, the changed one with its rewording
    headings = [line for line in out.splitlines() if line.startswith("### ")]
    assert headings == [
        "### Part 2: Articles of the Constitution",
        "### Part 4.1: Council Procedure Rules",
        "### Part 5.3: Protocol on Member/Officer Relations",
    ]
    articles = out.split("### Part 4.1")[0]
    assert "| ART-0001 | 1.1 | 1.1 | reworded |" in articles
    assert "~~open~~**transparent**" in articles
    # the rewording headed as the Articles are cited, as the text's and the report's are
    assert "\n#### ART-0001 (Article 1.1)\n" in articles, articles
    assert out.count("No clause is inserted, reworded, revoked or renumbered.") == 2
    text = run(constitution, "redline", "HEAD", "draft", "--whole")
    assert text.stdout.startswith("Part 2: Articles of the Constitution\n")
    assert "[-open-]{+transparent+}" in text.stdout
    both = run(constitution, "redline", "HEAD", "draft", "--whole", "--document", "articles")
    assert both.returncode == 2
    # a document the base does not hold yet (the pull request brings it in): all new
    git(constitution, "rm", "-rq", "--cached", "documents/procedure-rules")
    git(constitution, "commit", "-qm", "without the Rules")
    brought = run(constitution, "redline", "HEAD", "draft", "--whole", "--format", "json")
    assert (brought.returncode, brought.stderr) == (0, "")
    rules = json.loads(brought.stdout)["documents"][1]
    assert rules["document"] == "procedure-rules"
    assert {c["kind"] for c in rules["changes"]} == {"inserted"}
    assert len(rules["changes"]) == len(
        list(constitution.entry("procedure-rules").document.clauses())
    )
    # a council's pull requests summarise every document so
    steps = (TEMPLATE / "github" / "workflows" / "amendment.yml").read_text(encoding="utf-8")
    assert 'redline "origin/$BASE_REF" draft --format markdown --whole >>' in steps
