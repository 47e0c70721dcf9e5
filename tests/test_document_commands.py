"""The editors' commands for every document of the constitution: next-id, paragraph and
import with --document KEY (tests/roots/constitution); their versions in
test_document_versions.py."""

from __future__ import annotations

from pathlib import Path

from conftest import run
from constitution.project import Project

KEYS = "protocol, articles, procedure-rules"

# A council's procedure rules as a council publishes them: two rules of two paragraphs.
RULES = """Council Procedure Rules

1. Questions by members

1.1 A member may ask the Leader a question at an ordinary meeting of the Council
on notice given to the Monitoring Officer.

1.2 A question must be given in writing three clear working days before the meeting.

2. Motions on notice

2.1 A member may give notice of a motion to the Monitoring Officer.

2.2 The Mayor may refuse a motion that is not about a matter for which the Council
has a responsibility.
"""


def rules_file(tmp_path: Path) -> Path:
    source = tmp_path / "rules.txt"
    source.write_text(RULES, encoding="utf-8")
    return source


def folder(project: Project, key: str) -> dict[str, str]:
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted((project.root / "documents" / key).iterdir())
    }


def test_next_id_is_the_named_documents(constitution: Project) -> None:
    found = {key: run(constitution, "next-id", "--document", key) for key in KEYS.split(", ")}
    assert {k: (r.returncode, r.stdout) for k, r in found.items()} == {
        "protocol": (0, "MOP-0210\n"),
        "articles": (0, "ART-0005\n"),
        "procedure-rules": (0, "CPR-0003\n"),
    }
    assert run(constitution, "next-id").stdout == "MOP-0210\n"  # the protocol's, by default


def test_next_id_never_gives_a_documents_revoked_id(constitution: Project) -> None:
    register = constitution.root / "documents" / "articles" / "retired.toml"
    register.write_text('[ART-0009]\nrevoked = 2026-05-14\nnote = "Gone."\n', encoding="utf-8")
    assert run(constitution, "next-id", "--document", "articles").stdout == "ART-0010\n"


def test_an_unknown_document_is_refused_with_the_keys(constitution: Project) -> None:
    result = run(constitution, "next-id", "--document", "article")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "conf/council.toml: unknown-document: the constitution has no document 'article'.\n"
        f"    How to fix: Give the key of one of its documents: {KEYS} (the keys of "
        "[[documents]] in conf/council.toml, and protocol).\n"
    )
    assert run(constitution, "paragraph", "--document", "article", "2.1").returncode == 2


def test_a_paragraph_of_another_document_is_found_by_its_id(constitution: Project) -> None:
    result = run(constitution, "paragraph", "art-0003")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "art-0003 in the draft of the Articles of the Constitution: paragraph 2.1\n"
        "Members must follow the Member/Officer Protocol in their dealings with officers, "
        "and in particular paragraph 3.2 of the Member/Officer Protocol.\n"
        "Its numbers: 2.1 (draft).\n"
    )


def test_a_number_is_found_in_the_named_document(constitution: Project) -> None:
    result = run(constitution, "paragraph", "--document", "procedure-rules", "2")
    assert (result.returncode, result.stderr) == (0, "")
    assert (
        result.stdout.splitlines()[0] == "2 in the draft of the Council Procedure Rules: CPR-0002"
    )
    # the same number in the protocol, by default, is the protocol's paragraph
    protocol = run(constitution, "paragraph", "2.1")
    assert protocol.stdout.startswith("2.1 in the draft: MOP-")
    missing = run(constitution, "paragraph", "--document", "articles", "9.9")
    assert missing.returncode == 1
    said = "the draft of the Articles of the Constitution has no paragraph or section 9.9."
    assert said in missing.stderr


def test_another_documents_paragraph_before_its_adoption_is_its_drafts(
    constitution: Project,
) -> None:
    """As the protocol's: with no version in force on the day, the draft is read."""
    result = run(constitution, "paragraph", "ART-0003", "--on", "2026-01-01")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(
        "ART-0003 in the draft of the Articles of the Constitution: paragraph 2.1\n"
    )
    named = run(constitution, "paragraph", "ART-0003", "--version", "2026-01-01")
    assert named.returncode == 2
    assert named.stderr.startswith(
        "versions/articles: unknown-version: no version was adopted on 2026-01-01.\n"
        "    How to fix: Use 'draft' or an adoption date: none yet.\n"
    )


def test_import_writes_a_document_into_its_folder(constitution: Project, tmp_path: Path) -> None:
    result = run(constitution, "import", str(rules_file(tmp_path)), "--document", "procedure-rules")
    # an existing folder is kept: refused, named, nothing written
    assert result.returncode == 2
    assert "procedure-rules already holds files; nothing was written." in result.stderr
    assert set(folder(constitution, "procedure-rules")) == {"index.md", "meetings.md"}
    command = ("import", str(rules_file(tmp_path)), "--document", "procedure-rules", "--force")
    # imported afresh, the rules' IDs would name other words than the Articles cite them for
    refused = run(constitution, *command)
    assert refused.returncode == 2
    assert "import-ids-reused: imported afresh, 2 of the draft's paragraphs' IDs" in refused.stderr
    # another document in place of the rules: its folder emptied first, it is written there
    for page in folder(constitution, "procedure-rules"):
        (constitution.root / "documents" / "procedure-rules" / page).unlink()
    forced = run(constitution, *command)
    assert (forced.returncode, forced.stderr) == (0, "")
    assert forced.stdout.startswith("Imported rules.txt: 2 sections, 4 clauses; no defects;")
    assert forced.stdout.endswith(
        'Set number-style = "section.paragraph" in conf/council.toml (the entry of '
        '"procedure-rules").\n'
    )
    written = folder(constitution, "procedure-rules")
    assert list(written) == ["index.md", "motions-on-notice.md", "questions-by-members.md"]
    assert written["index.md"].startswith("# Council Procedure Rules\n")
    ids = [line for text in written.values() for line in text.splitlines() if "{clause}" in line]
    assert sorted(ids) == [f"```{{clause}} CPR-000{n}" for n in range(1, 5)]
    # its numbers are published as the rules print them; the Articles citing the rules'
    # old words are suspect until read against the new, and then the constitution is whole
    cited = run(constitution, "paragraph", "--document", "procedure-rules", "1.2")
    assert cited.stdout.startswith("1.2 in the draft of the Council Procedure Rules: CPR-0002\n")
    checked = run(constitution, "check")
    assert checked.returncode == 1
    assert checked.stdout.count("suspect-reference") == 2, checked.stdout
    assert run(constitution, "confirm", "ART-0002", "ART-0004").returncode == 0
    assert run(constitution, "check").returncode == 0
    assert run(constitution, "next-id", "--document", "procedure-rules").stdout == "CPR-0005\n"


def test_import_makes_a_documents_folder(constitution: Project, tmp_path: Path) -> None:
    for page in (constitution.root / "documents" / "procedure-rules").iterdir():
        page.unlink()
    (constitution.root / "documents" / "procedure-rules").rmdir()
    result = run(constitution, "import", str(rules_file(tmp_path)), "--document", "procedure-rules")
    assert result.returncode == 0, result.stderr
    assert "questions-by-members.md" in folder(constitution, "procedure-rules")


def test_import_into_a_document_refuses_what_it_cannot_do(
    constitution: Project, tmp_path: Path
) -> None:
    source = str(rules_file(tmp_path))
    before = folder(constitution, "articles")
    unknown = run(constitution, "import", source, "--document", "rules", "--force")
    assert unknown.returncode == 2
    assert "unknown-document: the constitution has no document 'rules'." in unknown.stderr
    prefixed = run(constitution, "import", source, "--document", "articles", "--prefix", "RUL")
    assert prefixed.returncode == 2
    assert (
        f"{source}: import-document-prefix: --prefix cannot be given with --document: the "
        "document's clauses take its own prefix (ART)." in prefixed.stderr
    )
    protocol = run(constitution, "import", source, "--document", "protocol", "--prefix", "RUL")
    assert "take its own prefix (MOP)." in protocol.stderr
    # the folder a link: never written through, even with --force
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = constitution.root / "documents" / "linked"
    link.symlink_to(elsewhere)
    settings = constitution.conf / "council.toml"
    entry = '\n[[documents]]\nkey = "linked"\ntitle = "Linked"\npart = "Part 9"\n'
    settings.write_text(
        settings.read_text(encoding="utf-8") + entry + 'id_prefix = "LNK"\ncite = "L {number}"\n',
        encoding="utf-8",
    )
    linked = run(constitution, "import", source, "--document", "linked", "--force")
    assert linked.returncode == 2
    assert "unsafe-output-link" in linked.stderr
    assert list(elsewhere.iterdir()) == []
    assert folder(constitution, "articles") == before


def test_a_revision_of_a_document_keeps_its_ids(constitution: Project, tmp_path: Path) -> None:
    source = tmp_path / "articles.txt"
    source.write_text(
        "Articles of the Constitution\n\n1. The constitution\n\n"
        "1.1 This constitution sets out how the Council works, how decisions are made and the "
        "procedures followed to make sure that they are efficient, open and accountable to "
        "local people.\n\n"
        "1.2 The Monitoring Officer must keep the constitution under review, and report any "
        "change it needs to the Council.\n\n"
        "1.3 The Council must publish the constitution on its website.\n\n"
        "2. Members of the Council\n\n"
        "2.1 Members must follow the Member/Officer Protocol in their dealings with officers.\n\n"
        "2.2 A member may ask a question at a meeting of the Council.\n",
        encoding="utf-8",
    )
    result = run(
        constitution, "import", str(source), "--document", "articles", "--revision", "--force"
    )
    assert result.returncode == 0, result.stderr
    written = folder(constitution, "articles")
    # in the contents' order; a section keeps the file of the one it revises
    toctree = written["index.md"].split("```{toctree}")[1].split("```")[0]
    pages = [line for line in toctree.splitlines() if line and not line.startswith(":")]
    order = [
        line.removeprefix("```{clause} ")
        for page in pages
        for line in written[f"{page}.md"].splitlines()
        if line.startswith("```{clause}")
    ]
    assert order == ["ART-0001", "ART-0002", "ART-0005", "ART-0003", "ART-0004"]


# Rules citing one another in their own word, and an Article (the Articles' word) whose
# number the rules also have.
CITING_RULES = """Council Procedure Rules

1. Questions by members

1.1 A member may ask the Leader a question at an ordinary meeting of the Council.

1.2 A question under Rule 1.1 must be given in writing, and the Mayor decides on it as
Article 2.1 provides.

2. Motions on notice

2.1 A member may give notice of a motion, as Procedure Rules 1.1 and 1.2 provide for
questions.

2.2 The Mayor may refuse a motion that Rule 4.7 does not allow.
"""


def test_import_links_a_documents_own_citations(constitution: Project, tmp_path: Path) -> None:
    """A document's paragraphs cited by its own word ("Rule 1.1", as its cite-within says,
    "Procedure Rule", a part of its cite) link as "paragraph 1.1" does; one naming no
    paragraph is reported with its line; another document's word ("Article 2.1") never
    links, though the rules have a 2.1, and is reported as another document's."""
    conf = constitution.root / "conf" / "council.toml"
    settings = conf.read_text(encoding="utf-8")
    assert settings.rstrip().endswith('number-style = "continuous"'), "test setup: the rules last"
    conf.write_text(settings + 'cite-within = "Rule {number}"\n', encoding="utf-8")
    for page in (constitution.root / "documents" / "procedure-rules").iterdir():
        page.unlink()
    source = tmp_path / "rules.txt"
    source.write_text(CITING_RULES, encoding="utf-8")
    result = run(constitution, "import", str(source), "--document", "procedure-rules")
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    written = folder(constitution, "procedure-rules")
    questions, motions = written["questions-by-members.md"], written["motions-on-notice.md"]
    assert "A question under Rule {para}`1.1 <CPR-0001>` must be given" in questions
    assert "as Article 2.1 provides" in questions  # the Articles' 2.1: not the rules' CPR-0003
    assert "Procedure Rules {para}`1.1 <CPR-0001>` and {para}`1.2 <CPR-0002>`" in motions
    assert "that Rule 4.7 does not allow" in motions
    assert "2 defect(s) in the source:\n" in result.stdout
    assert (
        "  line 7: external-reference 2.1: 'Article 2.1' cites the Articles of the "
        "Constitution, not this document, and was kept as text: to link it, write {para}`ID` "
        "with the ID of that paragraph (constitution paragraph --document articles 2.1 "
        "prints it).\n"
        "  line 15: missing-reference 4.7: 'Rule 4.7' refers to a paragraph the document "
        "does not have; kept as text.\n"
    ) in result.stdout


def test_a_number_printed_after_a_part_is_that_documents(constitution: Project) -> None:
    """A number as a council prints it after its Part ("4.1 – 2", the Council Procedure
    Rules' Part 4.1) is that document's paragraph, not the protocol's; after a Part no
    document is, it is refused, not read as the protocol's number."""
    parts = {d.key: d.part for d in constitution.council().documents}
    rules = parts["procedure-rules"].removeprefix("Part ")
    result = run(constitution, "paragraph", f"{rules} – 2")
    assert (result.returncode, result.stderr) == (0, "")
    assert " of the Council Procedure Rules: CPR-0002" in result.stdout.splitlines()[0]
    protocol = run(constitution, "paragraph", "2.1")
    assert protocol.stdout.startswith("2.1 in the draft: MOP-")
    elsewhere = run(constitution, "paragraph", "9.9 – 2.1")
    assert elsewhere.returncode == 1 and "no paragraph or section 9.9 – 2.1" in elsewhere.stderr
