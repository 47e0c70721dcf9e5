"""A paragraph moved to another section (its ID kept) is shown as moved, from one section
to the other, in every output of the comparison: never folded away with the paragraphs
only renumbered, and a paragraph moved and reworded shows both."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable

from bs4 import Tag

from conftest import Site, edit
from constitution.adoption import adopt
from constitution.documents import PROTOCOL
from constitution.model import Document
from constitution.project import Project
from constitution.redline import as_json, as_text, compare, markdown_summary, words_changes
from constitution.report import Part, html_report

FROM_REVIEW = "moved from section 25 (Review of this protocol) to section 24 (When things go wrong)"
TO_REVIEW = "moved from section 24 (When things go wrong) to section 25 (Review of this protocol)"


def cut(text: str, clause_id: str) -> tuple[str, str]:
    """The text without the clause's block, and the block."""
    start = text.index(f"```{{clause}} {clause_id}")
    end = text.index("```\n", text.index("\n\n", start)) + 4
    return text[:start] + text[end:].lstrip("\n"), text[start:end]


def move(project: Project) -> None:
    """MOP-0205 (25.2) moved, its words kept, to the end of section 24; MOP-0203 (24.12)
    moved to the start of section 25 and reworded. MOP-0204 is then only renumbered."""
    review, concerns = project.protocol / "review.md", project.protocol / "concerns.md"
    kept, moved = cut(review.read_text(encoding="utf-8"), "MOP-0205")
    left, reworded = cut(concerns.read_text(encoding="utf-8"), "MOP-0203")
    reworded = reworded.replace("whistleblowing policy", "policy on whistleblowing")
    concerns.write_text(left.rstrip("\n") + "\n\n" + moved, encoding="utf-8")
    title, rest = kept.split("\n\n", 1)
    review.write_text(f"{title}\n\n{reworded}\n{rest}", encoding="utf-8")


def moved_pair(scratch: Project) -> tuple[Document, Document]:
    before = scratch.document()
    move(scratch)
    return before, scratch.document()


def test_a_paragraph_moved_to_another_section_is_a_change_of_its_own(scratch: Project) -> None:
    old, new = moved_pair(scratch)
    changes = compare(old, new)
    assert {(c.kind, c.id, c.old_number, c.new_number) for c in changes} == {
        ("moved", "MOP-0205", "25.2", "24.12"),
        ("reworded", "MOP-0203", "24.12", "25.1"),
        ("renumbered", "MOP-0204", "25.1", "25.2"),
    }
    shown = {c.id: c.described for c in changes}
    assert shown["MOP-0205"] == FROM_REVIEW
    assert shown["MOP-0203"] == f"reworded, {TO_REVIEW}"
    assert shown["MOP-0204"] == "renumbered"


def test_the_text_redline_lists_a_move_with_the_changes_not_the_renumbering(
    scratch: Project,
) -> None:
    old, new = moved_pair(scratch)
    text = as_text(compare(old, new), old, new, "paragraph {number}")
    assert f"MOP-0205  paragraph 25.2 -> paragraph 24.12  {FROM_REVIEW}" in text
    assert f"MOP-0203  paragraph 24.12 -> paragraph 25.1  reworded, {TO_REVIEW}" in text
    assert "{+policy on +}whistleblowing[- policy-]" in text
    assert "Renumbered only, words unchanged (1): paragraph 25.1 -> 25.2" in text


def test_the_markdown_summary_keeps_a_move_out_of_the_folded_renumbering(
    scratch: Project,
) -> None:
    old, new = moved_pair(scratch)
    md = markdown_summary(compare(old, new), "Changes", old, new, old.cites)
    shown, folded = md.split("<details>")
    assert f"| MOP-0205 | 25.2 | 24.12 | {FROM_REVIEW} |" in shown
    assert f"| MOP-0203 | 24.12 | 25.1 | reworded, {TO_REVIEW} |" in shown
    assert "1 paragraph(s) renumbered only" in folded and "MOP-0205" not in folded
    assert "| MOP-0204 | 25.1 | 25.2 | renumbered |" in folded


def test_the_json_names_a_moves_sections_its_schema_kept(scratch: Project) -> None:
    old, new = moved_pair(scratch)
    data = as_json(compare(old, new), "a", "b", words_changes(old, new))
    found = {c["id"]: c for c in data["changes"]}  # type: ignore[attr-defined]
    review = {"section": "review", "number": "25", "title": "Review of this protocol"}
    concerns = {"section": "concerns", "number": "24", "title": "When things go wrong"}
    assert found["MOP-0205"]["kind"] == "moved"
    assert found["MOP-0205"]["moved"] == {"from": review, "to": concerns}
    assert found["MOP-0205"]["diff"] == []
    assert found["MOP-0203"]["kind"] == "reworded"
    assert found["MOP-0203"]["moved"] == {"from": concerns, "to": review}
    assert "moved" not in found["MOP-0204"]  # as every change was before: the key is new
    assert set(found["MOP-0204"]) == {
        "kind",
        "id",
        "old_number",
        "new_number",
        "old_text",
        "new_text",
        "diff",
    }


def test_the_committee_report_tables_a_move_with_the_changes(scratch: Project) -> None:
    from bs4 import BeautifulSoup

    old, new = moved_pair(scratch)
    page = BeautifulSoup(html_report("Changes", [Part(compare(old, new), old, new)]), "html.parser")
    table = [[td.get_text() for td in tr.select("td")] for tr in page.select("body > table tr")]
    assert ["MOP-0205", "25.2", "24.12", FROM_REVIEW] in table
    assert ["MOP-0203", "24.12", "25.1", f"reworded, {TO_REVIEW}"] in table
    folded = page.select_one("details")
    assert folded is not None and "MOP-0205" not in folded.get_text()
    headings = [h.get_text() for h in page.select("h2")]
    assert f"MOP-0205: paragraph 25.2 → paragraph 24.12 ({FROM_REVIEW})" in headings


def test_the_whole_constitutions_summary_shows_a_move(scratch: Project) -> None:
    """The form the council's workflows run on a pull request."""

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=scratch.root, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    move(scratch)
    run = [sys.executable, "-m", "constitution", "redline", "HEAD", "draft", "--whole"]
    md = subprocess.run([*run, "--format", "markdown"], cwd=scratch.root, capture_output=True)
    shown = md.stdout.decode().split("<details>")[0]
    assert f"| MOP-0205 | 25.2 | 24.12 | {FROM_REVIEW} |" in shown
    out = subprocess.run([*run, "--format", "json"], cwd=scratch.root, capture_output=True)
    (document,) = json.loads(out.stdout)["documents"]
    kinds = {c["id"]: c["kind"] for c in document["changes"]}
    assert kinds["MOP-0205"] == "moved"


def words(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


MEETING = "Council, 1 November 2026, minute 7"
SOURCE_NUMBER = "```{clause} MOP-0205\n:source-number: 25.2\n"


def test_the_site_shows_a_move_in_the_comparison_the_history_and_about(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    """The model's versions, then one adopting the moves: its comparison lists them with
    the changes (not folded), each paragraph's history says the move, and its About box
    says where it was."""
    last = versioned.versions()[-1]
    was = {i: last.document.clause(i) for i in ("MOP-0205", "MOP-0203")}
    move(versioned)
    day = dt.date(2026, 11, 1)
    adopt(versioned, [PROTOCOL], day, day, MEETING)
    now = versioned.versions()[-1].document
    site = build(versioned)
    page = site.page(f"versions/redline/{last.key}--2026-11-01.html")
    summary = page.select_one(".redline-summary")
    assert summary is not None and "Paragraphs moved to another section: 2." in words(summary)
    folded = page.select_one("details.renumbered")
    assert folded is None or "MOP-0205" not in str(folded)
    for clause_id, said in (("MOP-0205", FROM_REVIEW), ("MOP-0203", f"reworded, {TO_REVIEW}")):
        shown = page.select_one(f"section#{clause_id} h3")
        assert shown is not None and words(shown).endswith(f": {said}"), shown
        rows = site.page(f"versions/clauses/{clause_id}.html").select("tbody tr")
        cells = [[words(c) for c in row.select("th, td")] for row in rows]
        assert [r[2] for r in cells if r[0] == "1 November 2026"] == [said]
    plain = site.page(f"protocol/{now.clause('MOP-0205').section}.html")  # type: ignore[union-attr]
    about = plain.select_one("#MOP-0205 .clause-about dl")
    assert about is not None
    moved_from = was["MOP-0205"].number  # type: ignore[union-attr]
    assert (
        f"Moved from section 25 (Review of this protocol) to section 24 (When things go wrong), "
        f"where it was {moved_from}, on 1 November 2026 ({MEETING})."
    ) in words(about)
    assert "Renumbered from" not in words(about)
    # the version before, where it stood, says a later version moved it
    before = site.page(f"versions/{last.key}/{was['MOP-0205'].section}.html")  # type: ignore[union-attr]
    about = before.select_one("#MOP-0205 .clause-about dl")
    assert about is not None and (
        f"Moved to another section by a later version, adopted on 1 November 2026 ({MEETING})."
    ) in words(about)


def test_the_imported_documents_number_is_shown_only_till_a_version_is_adopted(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    """Once Council adopts a version its numbers are the ones cited (and renumbering may
    give others): the number a paragraph had in the document imported is not shown beside
    them on any page, the draft's or a version's. (Before any adoption it is shown: the
    import's own test, tests/test_import.py.)"""
    edit(versioned, "protocol/review.md", "```{clause} MOP-0205\n", SOURCE_NUMBER)
    day = dt.date(2026, 11, 1)
    adopt(versioned, [PROTOCOL], day, day, MEETING)
    assert versioned.document().clause("MOP-0205").source_number == "25.2"  # type: ignore[union-attr]
    site = build(versioned)
    for page in ("draft/review.html", "protocol/review.html", "versions/2026-11-01/review.html"):
        about = site.page(page).select_one("#MOP-0205 .clause-about")
        assert about is not None, page
        assert "Number in the imported document" not in words(about), page
