"""A constitution of several documents: the settings that list them, the model that reads
them all, and the gate's references across them (tests/roots/constitution)."""

from __future__ import annotations

import pytest

from constitution.council import load_council
from constitution.problems import ProtocolError
from constitution.project import Project


def settings(project: Project) -> str:
    return (project.conf / "council.toml").read_text(encoding="utf-8")


def rewrite(project: Project, old: str, new: str) -> None:
    path = project.conf / "council.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in council.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Project, words: str, nth: int = 1) -> int:
    lines = settings(project).splitlines()
    found = [n for n, raw in enumerate(lines, start=1) if raw.strip() == words]
    return found[nth - 1]


def settings_problems(project: Project) -> list[tuple[str, int, str, str]]:
    with pytest.raises(ProtocolError) as caught:
        load_council(project.conf / "council.toml")
    return [(p.file, p.line, p.code, str(p)) for p in caught.value.problems]


# ------------------------------------------------------------------ settings


def test_settings_list_the_documents_in_order(constitution: Project) -> None:
    council = constitution.council()
    articles, rules = council.documents
    assert (articles.key, articles.title, articles.part) == (
        "articles",
        "Articles of the Constitution",
        "Part 2",
    )
    assert (articles.id_prefix, articles.cited("12.3")) == ("ART", "Article 12.3")
    # numbering and number style default to the protocol's; an entry may give its own
    assert (articles.numbering, articles.number_style) == ("insert", "section.paragraph")
    assert (rules.id_prefix, rules.number_style) == ("CPR", "continuous")
    assert rules.cited("4") == "Council Procedure Rule 4"
    assert articles.folder == "documents/articles"
    assert articles.line == line_of(constitution, "[[documents]]", 1)
    # with no [council] place, the protocol follows every other document
    assert council.place == 3


def test_a_project_of_one_document_lists_none(scratch: Project) -> None:
    assert scratch.council().documents == ()
    assert scratch.council().place == 1


@pytest.mark.parametrize(
    ("old", "new", "code", "entry", "says"),
    [
        ('id_prefix = "CPR"', 'id_prefix = "ART"', "document-duplicate", 2, "id_prefix 'ART'"),
        ('key = "procedure-rules"', 'key = "articles"', "document-duplicate", 2, "key 'articles'"),
        ('id_prefix = "ART"', 'id_prefix = "MOP"', "document-prefix-protocol", 1, "'MOP'"),
        ('cite = "Article {number}"', 'cite = "Article"', "document-cite", 1, "{number}"),
        ('cite = "Article {number}"', 'cite = "Art {n}.{number}"', "document-cite", 1, "{n}"),
        ('title = "Council Procedure Rules"', 'title = ""', "document-setting", 2, "'title'"),
        ('key = "articles"', 'key = "Articles!"', "document-key", 1, "'Articles!'"),
        ('key = "articles"', 'key = "versions"', "document-key", 1, "'versions'"),
        ('id_prefix = "ART"', 'id_prefix = "art"', "council-id-prefix", 1, "'art'"),
        ('part = "Part 2"', 'part = "Part 2"\nprefix = "X"', "document-field", 1, "prefix"),
        (
            'number-style = "continuous"',
            'number-style = "roman"',
            "document-number-style",
            2,
            "'roman'",
        ),
    ],
)
def test_bad_document_settings_are_refused_at_their_entry(
    constitution: Project, old: str, new: str, code: str, entry: int, says: str
) -> None:
    rewrite(constitution, old, new)
    found = settings_problems(constitution)
    line = line_of(constitution, "[[documents]]", entry)
    assert [(f, n, c) for f, n, c, _ in found] == [("conf/council.toml", line, code)]
    assert says in found[0][3] and "How to fix:" in found[0][3]


def test_the_protocols_place_must_be_among_the_documents(constitution: Project) -> None:
    rewrite(constitution, 'numbering = "insert"', 'numbering = "insert"\nplace = 5')
    [(file, line, code, said)] = settings_problems(constitution)
    assert (file, line, code) == ("conf/council.toml", line_of(constitution, "place = 5"), code)
    assert code == "council-place" and "from 1 to 3" in said
    rewrite(constitution, "place = 5", "place = 1")
    assert load_council(constitution.conf / "council.toml").place == 1


def test_documents_must_be_tables(scratch: Project) -> None:
    path = scratch.conf / "council.toml"
    path.write_text('documents = "articles"\n' + settings(scratch), encoding="utf-8")
    [(file, _, code, _)] = settings_problems(scratch)
    assert (file, code) == ("conf/council.toml", "documents-shape")
