"""A constitution of several documents: the settings that list them, the model that reads
them all, and the gate's references across them (tests/roots/constitution)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import edit, run
from constitution.council import load_council
from constitution.model import Document
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.text_plain import plain


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
    assert (articles.id_prefix, articles.cite) == ("ART", "Article {number}")
    # numbering and number style default to the protocol's; an entry may give its own
    assert (articles.numbering, articles.number_style) == ("insert", "section.paragraph")
    assert (rules.id_prefix, rules.number_style) == ("CPR", "continuous")
    assert rules.cite == "Council Procedure Rule {number}"
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
        ('cite-within = "Article {number}"', 'cite-within = "Art"', "document-cite", 1, "'Art'"),
        ('title = "Council Procedure Rules"', 'title = ""', "document-setting", 2, "'title'"),
        ('key = "articles"', 'key = "Articles!"', "document-key", 1, "'Articles!'"),
        ('key = "articles"', 'key = "versions"', "document-key", 1, "'versions'"),
        ('key = "articles"', 'key = "redline"', "document-key", 1, "'redline'"),
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


# ------------------------------------------------------------------ the model


def test_every_document_is_read_in_the_constitutions_order(constitution: Project) -> None:
    whole = constitution.constitution()
    assert [e.key for e in whole] == ["articles", "procedure-rules", "protocol"]
    articles = whole.entry("articles")
    assert articles.title == "Articles of the Constitution"
    assert [s.title for s in articles.document.sections] == [
        "The constitution",
        "Members of the Council",
    ]
    assert [(c.id, c.number) for c in articles.document.clauses()] == [
        ("ART-0001", "1.1"),
        ("ART-0002", "1.2"),
        ("ART-0003", "2.1"),
        ("ART-0004", "2.2"),
    ]
    # a continuous number style numbers on through the document
    rules = whole.entry("procedure-rules").document
    assert [(c.id, c.number, c.path) for c in rules.clauses()] == [
        ("CPR-0001", "1", "documents/procedure-rules/meetings.md"),
        ("CPR-0002", "2", "documents/procedure-rules/meetings.md"),
    ]
    assert whole.entry("protocol").document.clause("MOP-0029") is not None


def test_a_clause_is_found_by_its_prefix_in_any_document(constitution: Project) -> None:
    whole = constitution.constitution()
    assert whole.holder("CPR-0009") is whole.entry("procedure-rules")  # by prefix alone
    assert whole.holder("XYZ-0001") is None
    found = whole.find("ART-0003")
    assert found is not None and found[0].key == "articles" and found[1].number == "2.1"
    assert whole.find("ART-0099") is None
    # The pages' folders name their documents too (the protocol's, its draft's).
    assert whole.published_at("procedure-rules") is whole.entry("procedure-rules")
    assert whole.published_at("draft") is whole.entry("protocol")
    assert whole.published_at("versions") is None


def test_a_clause_is_cited_as_its_document_cites_it(constitution: Project) -> None:
    whole = constitution.constitution()
    number = whole.entry("protocol").document.clause("MOP-0029")
    assert number is not None
    # within its own document as its cite-within says, or "paragraph"; from another, in
    # that document's form
    assert whole.citation("ART-0003", "articles") == "Article 2.1"
    assert whole.citation("CPR-0001", "procedure-rules") == "paragraph 1"
    assert whole.citation("ART-0003", "protocol") == "Article 2.1"
    assert whole.citation("CPR-0002", "articles") == "Council Procedure Rule 2"
    assert (
        whole.citation("MOP-0029", "articles")
        == f"paragraph {number.number} of the Member/Officer Protocol"
    )
    # with words of its own, the number alone, as within a document
    assert whole.citation("ART-0003", "protocol", "2.1") == "2.1"
    assert whole.citation("ART-0099", "protocol") is None


def test_references_across_documents_are_kept_for_the_constitution(
    constitution: Project,
) -> None:
    whole = constitution.constitution()
    [ref] = [r for r in whole.entry("articles").document.across if r.clause == "ART-0003"]
    assert (ref.path, ref.target) == ("documents/articles/members.md", "MOP-0029")
    assert ref.line == 7  # the line of the words, not of the clause
    assert whole.entry("protocol").document.across == ()


def test_a_document_without_its_folder_is_refused(constitution: Project) -> None:
    (constitution.root / "documents" / "procedure-rules" / "index.md").unlink()
    with pytest.raises(ProtocolError) as caught:
        constitution.constitution()
    problems = [(p.file, p.line, p.code) for p in caught.value.problems]
    line = line_of(constitution, "[[documents]]", 2)
    assert ("conf/council.toml", line, "document-folder-missing") in problems
    assert "documents/procedure-rules/" in str(caught.value)


# ------------------------------------------------------------------ the gate


def clauses_in(project: Project, key: str) -> int:
    folder = project.root / "documents" / key
    return sum(
        len(re.findall(r"^```[{]clause[}]", page.read_text(encoding="utf-8"), re.M))
        for page in folder.glob("*.md")
    )


def gate(project: Project) -> tuple[int, str]:
    result = run(project, "check")
    return result.returncode, result.stdout + result.stderr


def test_the_gate_passes_a_whole_constitution(constitution: Project) -> None:
    status, said = gate(constitution)
    assert (status, said.splitlines()[-1]) == (0, "The constitution is whole."), said
    # the summary names each other document it read, with its paragraphs counted
    counted = [
        f"{title}, {clauses_in(constitution, key)} paragraphs"
        for title, key in [
            ("Articles of the Constitution", "articles"),
            ("Council Procedure Rules", "procedure-rules"),
        ]
    ]
    assert f" Also checked: {'; '.join(counted)}." in said, said
    listed = json.loads(run(constitution, "check", "--format", "json").stdout)["documents"]
    assert [d["paragraphs"] for d in listed] == [
        clauses_in(constitution, "articles"),
        clauses_in(constitution, "procedure-rules"),
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "code", "says"),
    [
        (
            "documents/procedure-rules/meetings.md",
            "{para}`ART-0003`",
            "{para}`ART-0099`",
            "unknown-document-ref",
            "ART-0099, which is not a clause of the Articles of the Constitution",
        ),
        (
            "documents/articles/members.md",
            "{para}`MOP-0029`",
            "{para}`MOP-9999`",
            "unknown-document-ref",
            "not a clause of the Protocol on Member/Officer Relations (protocol/)",
        ),
        (
            "documents/articles/members.md",
            "{para}`CPR-0001`",
            "{para}`XYZ-0001`",
            "unknown-prefix-ref",
            "no document of the constitution has the ID prefix XYZ (the prefixes are ART, "
            "CPR, MOP)",
        ),
        (
            "documents/articles/members.md",
            "{clause} ART-0004",
            "{clause} MOP-0004",
            "clause-id-malformed",
            "'MOP-0004' is not a clause ID",
        ),
    ],
)
def test_the_gate_refuses_a_reference_or_clause_another_document_cannot_hold(
    constitution: Project, file: str, old: str, new: str, code: str, says: str
) -> None:
    edit(constitution, file, old, new)
    line = next(
        n
        for n, raw in enumerate((constitution.root / file).read_text().splitlines(), 1)
        if new in raw
    )
    status, said = gate(constitution)
    assert status == 1
    assert f"{file}:{line}: {code}" in said and says in said, said


def test_the_protocol_may_cite_another_documents_paragraph(constitution: Project) -> None:
    whole = constitution.constitution()
    clause = whole.entry("protocol").document.clause("MOP-0030")
    assert clause is not None
    edit(
        constitution,
        "protocol/principles.md",
        "complementary;",
        "complementary ({para}`ART-0003`);",
    )
    document = constitution.document()
    assert [r.target for r in document.across] == ["ART-0003"]
    assert constitution.constitution(document).citation("ART-0003", "protocol") == "Article 2.1"
    edit(constitution, "protocol/principles.md", "ART-0003", "ART-0098")
    with pytest.raises(ProtocolError) as caught:
        constitution.constitution()
    [problem] = caught.value.problems
    assert (problem.file, problem.code, problem.clause) == (
        "protocol/principles.md",
        "unknown-document-ref",
        "MOP-0030",
    )


def test_a_revoked_clause_of_another_document_is_refused(constitution: Project) -> None:
    (constitution.root / "documents" / "articles" / "retired.toml").write_text(
        "[ART-0005]\nrevoked = 2026-05-14\n", encoding="utf-8"
    )
    edit(constitution, "documents/procedure-rules/meetings.md", "ART-0003", "ART-0005")
    with pytest.raises(ProtocolError) as caught:
        constitution.constitution()
    [problem] = caught.value.problems
    assert (problem.code, problem.clause) == ("cites-revoked-elsewhere", "CPR-0002")
    assert "revoked on 14 May 2026" in problem.message


def test_one_document_projects_refuse_an_unknown_prefix_by_name(scratch: Project) -> None:
    edit(scratch, "protocol/principles.md", "complementary;", "complementary ({para}`ART-0003`);")
    with pytest.raises(ProtocolError) as caught:
        scratch.document()
    [problem] = caught.value.problems
    assert problem.code == "unknown-prefix-ref" and "(the prefixes are MOP)" in problem.message


def test_the_editors_page_gives_good_settings(scratch: Project) -> None:
    """docs/editors.md's example entry, as written there, is one the tool accepts."""
    page = (scratch.docs / "editors.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```toml\n(.*?)```", page, re.S)
    with (scratch.conf / "council.toml").open("a", encoding="utf-8") as f:
        f.write("\n" + example)
    [entry] = scratch.council().documents
    assert (entry.key, entry.id_prefix, entry.cite) == ("articles", "ART", "Article {number}")


def test_the_outputs_in_plain_words_cite_another_documents_paragraph(
    constitution: Project,
) -> None:
    whole = constitution.constitution()
    articles = whole.entry("articles").document
    members = articles.clause("ART-0003")
    assert members is not None
    number = whole.entry("protocol").document.clause("MOP-0029")
    assert number is not None
    said = plain(members.tree, articles)
    assert f"in particular paragraph {number.number} of the Member/Officer Protocol." in said
    rules = whole.entry("procedure-rules").document
    decided = rules.clause("CPR-0002")
    assert decided is not None and "any of Article 2.1." in plain(decided.tree, rules)
    # a document read alone, without the constitution, knows no other's numbers
    alone = Document(articles.title, articles.sections)
    assert "in particular MOP-0029." in plain(members.tree, alone)


# ------------------------------------------------------------------ outputs and terms


def cite_article(project: Project) -> None:
    """MOP-0030 cites ART-0003 (Article 2.1)."""
    edit(project, "protocol/principles.md", "complementary;", "complementary ({para}`ART-0003`);")


def test_the_protocols_outputs_print_another_documents_paragraph_as_cited(
    constitution: Project,
) -> None:
    cite_article(constitution)
    for fmt in ("csv", "akn"):
        result = run(constitution, "export", "--format", fmt)
        assert result.returncode == 0, result.stderr
        said = next(line for line in result.stdout.splitlines() if "complementary" in line)
        assert "(Article 2.1)" in said and "ART-0003" not in said, (fmt, said)
    found = run(constitution, "paragraph", "MOP-0030")
    assert found.returncode == 0 and "complementary (Article 2.1);" in found.stdout


def test_an_adopted_versions_outputs_print_another_documents_paragraph_as_cited(
    constitution: Project,
) -> None:
    cite_article(constitution)
    # the gate adopt runs refuses the reference until an editor has read it (and says so)
    refused = run(constitution, "adopt", "--date", "2026-01-05", "--resolution", "Minute 9")
    assert refused.returncode == 1 and "suspect-reference [MOP-0030]" in refused.stderr
    assert run(constitution, "confirm", "MOP-0030").returncode == 0
    adopted = run(constitution, "adopt", "--date", "2026-01-05", "--resolution", "Minute 9")
    assert adopted.returncode == 0, adopted.stderr
    # the record keeps the words as written: the ID, which no renumbering makes stale
    record = (constitution.versions_dir / "2026-01-05.json").read_text(encoding="utf-8")
    assert "{para}`ART-0003`" in record
    akn = run(constitution, "export", "--version", "2026-01-05", "--format", "akn")
    assert akn.returncode == 0 and "complementary (Article 2.1);" in akn.stdout
    edit(constitution, "protocol/principles.md", "serving the public", "serving the people")
    redline = run(constitution, "redline", "2026-01-05", "draft")
    assert redline.returncode == 0 and "MOP-0030" in redline.stdout
    assert "Article 2.1" in redline.stdout and "ART-0003" not in redline.stdout


def test_a_term_another_document_defines_is_the_constitutions(constitution: Project) -> None:
    whole = constitution.constitution()
    [borrowed] = whole.entry("procedure-rules").document.borrowed
    assert (borrowed.clause, borrowed.target) == ("CPR-0001", "Monitoring Officer")
    found = whole.defined_elsewhere("Monitoring Officer", "procedure-rules")
    assert found is not None and (found[0].key, found[1].id) == ("protocol", "MOP-0015")


def test_a_documents_own_definition_comes_before_anothers(constitution: Project) -> None:
    edit(
        constitution,
        "documents/articles/the-constitution.md",
        ":tags: constitution",
        ":tags: constitution\n:defines: Monitoring Officer",
    )
    whole = constitution.constitution()
    articles = whole.entry("articles").document
    assert articles.definition("Monitoring Officer").id == "ART-0001"  # type: ignore[union-attr]
    # the Rules take the first definition in the constitution's order: the Articles', Part 2
    found = whole.defined_elsewhere("Monitoring Officer", "procedure-rules")
    assert found is not None and found[1].id == "ART-0001"
    # and the protocol its own
    protocol = whole.entry("protocol").document
    assert protocol.definition("Monitoring Officer").id == "MOP-0015"  # type: ignore[union-attr]


def test_a_term_no_document_defines_is_refused_where_it_is_used(constitution: Project) -> None:
    rules = "documents/procedure-rules/meetings.md"
    edit(constitution, rules, "{defined}`Monitoring Officer`", "{defined}`Returning Officer`")
    with pytest.raises(ProtocolError) as caught:
        constitution.constitution()
    [problem] = caught.value.problems
    lines = (constitution.root / rules).read_text(encoding="utf-8").splitlines()
    line = next(n for n, raw in enumerate(lines, 1) if "Returning Officer" in raw)
    assert (problem.file, problem.line, problem.code, problem.clause) == (
        rules,
        line,
        "unknown-term",
        "CPR-0001",
    )
    assert "'Returning Officer'" in problem.message
