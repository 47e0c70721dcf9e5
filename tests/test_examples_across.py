"""Worked examples citing another document's paragraphs (tests/roots/constitution): the
gate refuses an ID no document has, names the example suspect when the cited words
change, `constitution confirm` records them, the example runs, and its page links the
paragraph as the protocol cites it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from conftest import CONDUCT, RULE, Site, cite_article, edit, run
from constitution.confirm import LOCK
from constitution.project import Project


def check(project: Project) -> tuple[int, dict[str, Any]]:
    result = run(project, "check", "--format", "json")
    return result.returncode, json.loads(result.stdout)


def test_an_example_cites_an_article_and_is_confirmed_against_its_words(
    constitution: Project,
) -> None:
    cite_article(constitution)
    status, report = check(constitution)
    assert status == 1 and report["suspect"] == ["SC-CON-001"]  # its clauses are new
    done = run(constitution, "confirm", "SC-CON-001")
    assert done.returncode == 0, done.stderr
    lock = json.loads((constitution.checks / LOCK).read_text(encoding="utf-8"))
    article = constitution.constitution().find("ART-0003")
    assert article is not None and lock["SC-CON-001"]["ART-0003"] == article[1].digest
    assert check(constitution)[0] == 0
    # the Article's words change: the example is suspect, named with the Article's number
    edit(constitution, "documents/articles/members.md", "in particular", "in every case")
    status, report = check(constitution)
    assert status == 1 and report["suspect"] == ["SC-CON-001"]
    [problem] = [p for p in report["problems"] if p["code"] == "suspect"]
    number = article[1].number
    assert problem["message"] == (
        f"SC-CON-001 was confirmed against earlier words of ART-0003 (Article {number}), "
        "which have since changed."
    )
    # (ART-0003 is the Articles', amended with its own citing paragraphs: CPR-0002 cites it)
    assert run(constitution, "confirm", "SC-CON-001", "CPR-0002").returncode == 0
    assert check(constitution)[0] == 0


def test_an_example_or_rule_citing_no_paragraph_of_any_document_is_refused(
    constitution: Project,
) -> None:
    cite_article(constitution, "ART-0999")
    status, report = check(constitution)
    codes = {(p["code"], p["clause"]) for p in report["problems"]}
    assert status == 1 and ("scenario-unknown-clause", "ART-0999") in codes, codes
    edit(constitution, CONDUCT, "[ART-0999, ", "[")  # the rule alone
    status, report = check(constitution)
    codes = {(p["code"], p["clause"]) for p in report["problems"]}
    assert status == 1 and codes == {("rules-unknown-clause", "ART-0999")}, codes


def run_examples(project: Project) -> subprocess.CompletedProcess[str]:
    """The worked examples of CONDUCT, run by pytest as a council's tests run them."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", CONDUCT],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_example_runs_with_its_article(constitution: Project) -> None:
    cite_article(constitution)
    result = run_examples(constitution)
    assert result.returncode == 0, result.stdout
    # without the rule, the example expects a paragraph no rule applies
    edit(constitution, "checks/rules.yaml", RULE, "")
    failed = run_examples(constitution)
    assert failed.returncode == 1 and "clauses expected but not applied: ART-0003" in failed.stdout


def test_the_examples_page_links_the_article(
    constitution: Project, build: Callable[[Project], Site]
) -> None:
    cite_article(constitution)
    assert run(constitution, "confirm", "SC-CON-001").returncode == 0
    site = build(constitution)
    links = site.page("checks/SC-CON-001.html").select("li a")
    article = constitution.constitution().find("ART-0003")
    assert article is not None
    shown = [(a.get_text(), str(a["href"])) for a in links]
    assert (f"Article {article[1].number}", "../articles/members.html#ART-0003") in shown
    row = site.page("checks/index.html").find("a", href="SC-CON-001.html").find_parent("tr")
    assert (
        row.find("td", attrs={"data-label": "Paragraphs"})
        .get_text()
        .endswith(f", Article {article[1].number}")
    )
    # in the graph, the example verifies the protocol's paragraphs: its own document's
    assert site.needs()["SC-CON-001"]["verifies"] == ["MOP-0029", "MOP-0050", "MOP-0051"]
    # the Article's About panel lists the example, as a paragraph of the protocol's does
    assert listed(site, "articles/members.html", "ART-0003") == ["../checks/SC-CON-001.html"]
    assert listed(site, "articles/members.html", "ART-0004") == []


def listed(site: Site, page: str, clause: str) -> list[str]:
    """The worked examples the About panel of ``clause`` on ``page`` links."""
    box = site.page(page).select_one(f"#{clause}")
    assert box is not None, (page, clause)
    return [str(a["href"]) for a in box.select(".worked-examples a")]


def test_an_adopted_documents_draft_lists_its_examples(
    constitution: Project, build: Callable[[Project], Site]
) -> None:
    """Once a version of the Articles is adopted, its draft's pages (draft/articles/) list
    the examples, whose answers are the drafts'; its version in force does not, as the
    protocol's does not."""
    cite_article(constitution)
    assert run(constitution, "confirm", "SC-CON-001").returncode == 0
    adopted = run(
        constitution,
        *("adopt", "--date", "2026-01-10", "--resolution", "Minute 4", "--document", "articles"),
    )
    assert adopted.returncode == 0, adopted.stderr
    site = build(constitution)
    draft = listed(site, "draft/articles/members.html", "ART-0003")
    assert draft == ["../../checks/SC-CON-001.html"]
    assert listed(site, "articles/members.html", "ART-0003") == []
    assert listed(site, "procedure-rules/meetings.html", "CPR-0002") == []
