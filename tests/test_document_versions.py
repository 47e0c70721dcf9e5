"""Each document of the constitution adopted at its own meetings: its records in
versions/KEY/ and the draft numbered against them (tests/roots/constitution)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from conftest import MODEL, copy_constitution, edit
from constitution.documents import own_council, read_document, settings_of
from constitution.project import Project
from constitution.versions import adopt

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


def adopt_articles(project: Project) -> None:
    """The Articles' draft recorded as adopted, by the core's own adoption."""
    council = project.council()
    adopt(
        project.root / "versions" / "articles",
        project.root,
        project.entry("articles").document,
        dt.date(2025, 5, 15),
        dt.date(2025, 5, 15),
        RESOLUTION,
        own_council(council, settings_of(council, "articles")).id_pattern,
    )


def numbers(project: Project, key: str) -> list[tuple[str, str]]:
    return [(c.id, c.number) for c in project.entry(key).document.clauses()]


def test_a_documents_versions_are_its_own_and_number_its_draft(constitution: Project) -> None:
    adopt_articles(constitution)
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
    adopt_articles(project)
    assert (project.root / "versions" / "articles" / "2025-05-15.json").is_file()
    assert [v.key for v in Project(project.root).versions()] == before
    assert len(before) == 3
