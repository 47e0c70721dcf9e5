"""The model parser: numbering, references, and each bad input's message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from constitution import source
from constitution.model import MODALITIES, Document, Revoked, RevokedSection
from constitution.problems import ProtocolError
from constitution.project import Project


def test_model_protocol_is_complete(document: Document) -> None:
    clauses = list(document.clauses())
    assert len(document.sections) >= 18
    assert len(clauses) >= 150
    titles = {s.title for s in document.sections}
    assert {"Purpose and status", "Definitions", "Review of this protocol"} <= titles
    assert {c.modality for c in clauses} == set(MODALITIES)


def test_numbers_follow_position(project: Project) -> None:
    """The reader numbers by position; the council's scheme (numbering.py) may then keep
    adopted numbers instead."""
    document = source.read_protocol(project.protocol, project.council())
    for s_index, section in enumerate(document.sections, start=1):
        assert section.number == str(s_index)
        for c_index, clause in enumerate(section.clauses, start=1):
            assert clause.number == f"{s_index}.{c_index}"


def test_ids_are_unique_and_well_formed(document: Document) -> None:
    ids = [c.id for c in document.clauses()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"MOP-\d{4}", i) for i in ids)


def test_every_citation_and_term_resolves(document: Document) -> None:
    for clause in document.clauses():
        for target in clause.cites:
            assert document.clause(target) is not None
    assert document.definition("Monitoring Officer") is not None
    assert document.definition("monitoring officer") is not None


def edit(project: Project, name: str, old: str, new: str) -> Path:
    path = project.protocol / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems_of(project: Project) -> list[str]:
    with pytest.raises(ProtocolError) as caught:
        project.document()
    return [f"{p.file}:{p.line}:{p.code}:{p.clause}:{p.fix}" for p in caught.value.problems]


# fmt: off
BAD_INPUTS = [
    # (case, file, text replaced, replacement, code, clause, words of the fix, line)
    ("duplicate id", "principles.md", "{clause} MOP-0029", "{clause} MOP-0028",
     "clause-duplicate-id", "MOP-0028", "next unused ID", 12),
    ("missing id", "principles.md", "{clause} MOP-0029", "{clause}",
     "clause-syntax", "", "Write the ID", 12),
    ("malformed id", "principles.md", "{clause} MOP-0029", "{clause} MOP-29",
     "clause-id-malformed", "MOP-29", "four digits", 12),
    ("unknown clause", "principles.md", "courtesy and respect,",
     "courtesy and respect ({para}`MOP-9999`),", "unknown-clause-ref", "MOP-0029",
     "Correct the ID", 17),
    ("unknown role", "principles.md",
     "must\n:applies-to: member, officer\n:tags: principles, r",
     "must\n:applies-to: member, alderman\n:tags: principles, r", "unknown-role",
     "MOP-0029", "[roles]", 14),
    ("unknown statute", "principles.md", ":statutes: equality2010-s149",
     ":statutes: magna-carta", "unknown-statute", "MOP-0032", "[statutes]", 38),
    ("unknown term", "principles.md", "courtesy and respect,",
     "courtesy and {defined}`gravitas`,", "unknown-term", "MOP-0029", "':defines:'", 17),
    ("bad modality", "principles.md", "MOP-0029\n:modality: must",
     "MOP-0029\n:modality: shall",
     "clause-modality", "MOP-0029", "must, must-not", 13),
    ("unknown option", "principles.md", "MOP-0029\n:modality: must",
     "MOP-0029\n:colour: red\n:modality: must", "clause-option", "MOP-0029",
     "source-number", 13),
    ("numbered list between clauses", "principles.md", "online.\n```\n",
     "online.\n```\n\n1. Stray words.\n", "text-outside-clause", "", "informative", 20),
    ("second title in a section", "principles.md", "online.\n```\n",
     "online.\n```\n\n# Another\n", "section-second-title", "", "sub-heading", 20),
    # words between clauses are held to an introduction's rules
    ("raw role between clauses", "principles.md", "online.\n```\n",
     "online.\n```\n\nSome {raw}`<b>` words.\n", "clause-role", "", "{para}", 20),
    ("unsafe link in a sub-heading", "principles.md", "online.\n```\n",
     "online.\n```\n\n## [Words](ftp://example.org/x)\n", "unsafe-link", "", "web pages", 20),
    ("block before the first clause", "principles.md", "# Principles\n",
     "# Principles\n\n> Quoted words.\n", "text-outside-clause", "", "informative", 3),
    # a section's introduction is held to a clause's rules
    ("raw role in an introduction", "principles.md", "# Principles\n",
     "# Principles\n\nSome {raw}`<b>` words.\n", "clause-role", "", "{para}", 3),
    ("image in an introduction", "principles.md", "# Principles\n",
     "# Principles\n\nWords.\n\n- ![crest](../.git/config)\n", "clause-image", "", "Describe", 5),
    ("unsafe link in an introduction", "principles.md", "# Principles\n",
     "# Principles\n\n[Words](ftp://example.org/x).\n", "unsafe-link", "", "web pages", 3),
    ("unknown reference in an introduction", "principles.md", "# Principles\n",
     "# Principles\n\nSee {para}`MOP-0999`.\n", "unknown-clause-ref", "", "Correct", 3),
    ("unclosed clause", "review.md", "at any time.\n```", "at any time.\n",
     "clause-unclosed", "", "alone", 29),
    ("nested directive", "principles.md", "courtesy and respect, whether",
     "courtesy and respect,\n\n~~~{eval-rst}\n.. raw:: html\n\n   <script>x()</script>\n"
     "~~~\n\nwhether",
     "clause-directive", "MOP-0029", "not allowed", 19),
    ("raw role", "principles.md", "courtesy and respect,", "courtesy and {raw}`<b>`,",
     "clause-role", "MOP-0029", "{para}, {defined} and {statute}", 17),
    ("unsafe link", "principles.md", "courtesy and respect,",
     "courtesy and [respect](ftp://example.org/x),", "unsafe-link", "MOP-0029",
     "web pages", 17),
    ("front matter not a section number", "review.md", "# Review", "---\nauthor: me\n---\n# Review",
     "section-front-matter", "", "section-number: 17", 2),
    ("revoked number without its words", "review.md", "# Review",
     "---\nsection-number: 9\nrevoked 9.5 [Deleted]\n---\n# Review",
     "section-front-matter", "", "revoked 17.3: Deleted", 3),
    ("revoked words YAML would misread", "review.md", "# Review",
     "---\nrevoked 9.5: [Deleted]\n---\n# Review", "section-front-matter", "", "double quotes", 2),
    ("revoked number twice", "review.md", "# Review",
     "---\nrevoked 9.5: Deleted\nrevoked 9.5: Not used\n---\n# Review",
     "revoked-number-twice", "", "Keep one", 3),
    ("index front matter not a revoked section", "index.md", "# Protocol",
     "---\nrevoked section 6: Revoked\nrevoked 6.1: Deleted\n---\n# Protocol",
     "index-front-matter", "", "revoked section 6: Revoked", 3),
    ("revoked section twice", "index.md", "# Protocol",
     "---\nrevoked section 6: Revoked\nrevoked section 6: Not used\n---\n# Protocol",
     "revoked-number-twice", "", "Keep one 'revoked section 6", 3),
    ("empty clause", "review.md", "Any member or officer may propose an amendment to this "
     "protocol to the Monitoring Officer at any time.", "", "clause-empty", "MOP-0207",
     "Write the clause", 29),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "name", "old", "new", "code", "clause", "fix", "line"),
    BAD_INPUTS,
    ids=[b[0] for b in BAD_INPUTS],
)
def test_bad_input_is_located_and_explained(
    scratch: Project,
    case: str,
    name: str,
    old: str,
    new: str,
    code: str,
    clause: str,
    fix: str,
    line: int,
) -> None:
    edit(scratch, name, old, new)
    found = problems_of(scratch)
    assert [
        p for p in found if p.startswith(f"protocol/{name}:{line}:{code}:{clause}:") and fix in p
    ], f"{case}: expected {code} at line {line}, got {found}"


def test_numbers_printed_as_revoked_are_read_from_the_front_matter(scratch: Project) -> None:
    edit(
        scratch,
        "review.md",
        "# Review",
        '---\nsection-number: 9\nrevoked 9.5: Not used\nrevoked 9.2A: "Deleted: see 9.2"\n'
        "revoked 9.10: Revoked by Council, 12 May 2021\n---\n# Review",
    )
    document = source.read_protocol(scratch.protocol, scratch.council())
    review = next(s for s in document.sections if s.slug == "review")
    assert review.printed == "9"
    assert review.revoked == (
        Revoked("9.2A", "", "Deleted: see 9.2"),
        Revoked("9.5", "", "Not used"),
        Revoked("9.10", "", "Revoked by Council, 12 May 2021"),
    )
    assert [r.said for r in review.revoked][1:] == ["Not used", "Revoked by Council, 12 May 2021"]


def test_a_number_printed_as_revoked_and_on_a_paragraph_is_refused(scratch: Project) -> None:
    edit(scratch, "review.md", "# Review", "---\nrevoked 9.4: Deleted\n---\n# Review")
    edit(scratch, "review.md", "MOP-0207\n", "MOP-0207\n:source-number: 9.4\n")
    (problem,) = problems_of(scratch)
    assert problem.startswith("protocol/review.md:32:revoked-number-given:MOP-0207:")
    assert "Correct the clause's :source-number:" in problem


def test_non_utf8_file(scratch: Project) -> None:
    path = scratch.protocol / "review.md"
    path.write_bytes(path.read_bytes() + b"\n\xff\xfe broken\n")
    (problem,) = problems_of(scratch)
    assert problem.startswith("protocol/review.md:") and ":not-utf8:" in problem


def test_unlisted_and_missing_sections(scratch: Project) -> None:
    (scratch.protocol / "orphan.md").write_text("# Orphan\n", encoding="utf-8")
    index = scratch.protocol / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("review\n", "review\nghost\n"),
        encoding="utf-8",
    )
    found = problems_of(scratch)
    assert any("protocol/orphan.md:1:section-unlisted" in p for p in found)
    assert any(":section-missing:" in p and p.startswith("protocol/index.md:") for p in found)


def clause_blocks(project: Project) -> list[tuple[str, str, int]]:
    from constitution.source import markdown_tokens

    blocks = []
    for path in sorted(project.protocol.glob("*.md")):
        for token in markdown_tokens(path.read_text(encoding="utf-8")):
            if token.type == "fence" and token.info.startswith("{clause}"):
                first = token.info[len("{clause}") :].strip()
                blocks.append((first, token.content, (token.map or [0])[0] + 1))
    return blocks


EDGE_CASES = [
    ("MOP-0001", ":modality: must\n\nText.\n", 1),
    ("MOP-0001", ":modality: must\nText straight after.\n", 1),
    ("MOP-0001", ":modality: 'must'\n\nQuoted.\n", 1),
    ("MOP-0001", ":tags: a, b # comment\n\nText.\n", 1),
    ("MOP-0001", ":modality: must\n:modality: may\n\nTwice.\n", 1),
    ("MOP-0001", ":colour: red\n\nUnknown.\n", 1),
    ("MOP-0001 extra", ":modality: must\n\nTwo arguments.\n", 1),
    ("MOP-0001", "\n:modality: must\n\nBlank first.\n", 1),
]


def test_fast_option_path_agrees_with_myst(project: Project) -> None:
    from docutils.parsers.rst.states import MarkupError
    from myst_parser.parsers.directives import parse_directive_text

    from constitution.clause_syntax import ClauseSyntax
    from constitution.source import ClauseSyntaxError, parse_clause_text

    blocks = clause_blocks(project) + EDGE_CASES
    assert len(blocks) > 200
    for first, content, line in blocks:
        try:
            myst = parse_directive_text(ClauseSyntax, first, content, line=line)
        except MarkupError:
            with pytest.raises(ClauseSyntaxError):
                parse_clause_text(first, content, line)
            continue
        ours = parse_clause_text(first, content, line)
        assert (ours.arguments, ours.options, ours.body, ours.body_offset) == (
            myst.arguments,
            myst.options,
            myst.body,
            myst.body_offset,
        ), (first, content)
        assert [w.msg for w in ours.warnings] == [w.msg for w in myst.warnings]


def test_reading_again_in_one_process_finds_what_a_fresh_read_finds(
    scratch: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The editor's loop reads the protocol again on every save, reusing unchanged files;
    # their citations must still be checked against the clauses as they are now.
    document = scratch.document()
    citing, cited = next(
        (c, d)
        for c in document.clauses()
        for t in c.cites
        if (d := document.clause(t)) and d.section != c.section
    )
    edit(scratch, f"{cited.section}.md", f"{{clause}} {cited.id}", "{clause} MOP-9876")
    warm = problems_of(scratch)
    assert any(p.startswith(citing.path) and f":{citing.id}:" in p for p in warm), warm
    assert problems_of(scratch) == warm  # reported on every read, never kept
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    assert problems_of(scratch) == warm


def test_a_section_and_the_protocol_may_have_an_unnumbered_introduction(
    scratch: Project,
) -> None:
    """Plain paragraphs and lists between a title and the first clause are the section's
    (or, in the index, the protocol's) introduction: read, kept, and not numbered."""
    edit(
        scratch,
        "principles.md",
        "# Principles\n",
        "# Principles\n\nWhy these matter.\n\n- one\n- two\n",
    )
    index = scratch.protocol / "index.md"
    title, rest = index.read_text(encoding="utf-8").split("\n", 1)
    index.write_text(f"{title}\n\nHow to read this protocol.\n{rest}", encoding="utf-8")
    document = scratch.document()
    section = next(s for s in document.sections if s.slug == "principles")
    assert section.intro == "Why these matter.\n\n- one\n- two"
    assert document.intro == "How to read this protocol."
    assert [c.number for c in section.clauses][:2] == [f"{section.number}.1", f"{section.number}.2"]
    files = source.write_protocol(document)
    assert files["principles.md"].startswith(
        "# Principles\n\nWhy these matter.\n\n- one\n- two\n\n```{clause}"
    )
    assert "How to read this protocol.\n\n```{toctree}" in files["index.md"]


def test_sub_headings_and_words_between_paragraphs_are_read_in_place_and_written_back(
    scratch: Project,
) -> None:
    """A sub-heading and unnumbered paragraphs between clauses, and closing words after
    the last, are kept where they stand, tied to the clause they stand before (or to the
    section's end), and the one writer gives back what it read."""
    path = edit(
        scratch,
        "principles.md",
        "online.\n```\n",
        "online.\n```\n\n## 1. Conduct *in* meetings\n\n"
        "Words between, citing {para}`MOP-0150`.\n\n- a\n- b\n",
    )
    path.write_text(path.read_text(encoding="utf-8") + "\nAny breach will be reported.\n")
    document = scratch.document()
    section = next(s for s in document.sections if s.slug == "principles")
    third = section.clauses[2].id
    assert [(b.before, b.level, b.text) for b in section.between] == [
        (third, 2, "1\\. Conduct *in* meetings"),
        (third, 0, "Words between, citing {para}`MOP-0150`."),
        (third, 0, "- a\n- b"),
        ("", 0, "Any breach will be reported."),
    ]
    assert [c.number for c in section.clauses][:3] == [f"{section.number}.{n}" for n in (1, 2, 3)]
    files = source.write_protocol(document)
    assert "```\n\n## 1\\. Conduct *in* meetings\n\nWords between" in files["principles.md"]
    assert files["principles.md"].endswith("```\n\nAny breach will be reported.\n")
    for name, written in files.items():
        (scratch.protocol / name).write_text(written, encoding="utf-8")
    again = next(s for s in scratch.document().sections if s.slug == "principles")
    assert again.between == section.between and again.clauses == section.clauses


def test_a_sub_heading_ends_a_sections_introduction(scratch: Project) -> None:
    edit(
        scratch, "principles.md", "# Principles\n", "# Principles\n\nWhy.\n\n## General\n\nWords.\n"
    )
    section = next(s for s in scratch.document().sections if s.slug == "principles")
    first = section.clauses[0].id
    assert section.intro == "Why."
    assert [(b.before, b.level, b.text) for b in section.between] == [
        (first, 2, "General"),
        (first, 0, "Words."),
    ]


def test_a_section_number_printed_on_the_section_is_kept_under_insert_numbering(
    scratch: Project,
) -> None:
    from constitution import numbering

    edit(scratch, "review.md", "# Review", "---\nsection-number: 30\n---\n# Review")
    document = source.read_protocol(scratch.protocol, scratch.council())
    numbered = numbering.apply(document, "insert", None)
    review = next(s for s in numbered.sections if s.slug == "review")
    assert review.number == "30" and review.clauses[0].number == "30.1"


def test_sections_printed_as_revoked_are_read_from_the_index_front_matter(
    scratch: Project,
) -> None:
    edit(
        scratch,
        "index.md",
        "# Protocol",
        '---\nrevoked section 12: Not used\nrevoked section 3A: "Revoked: minute 7"\n---\n'
        "# Protocol",
    )
    document = source.read_protocol(scratch.protocol, scratch.council())
    # no page and no title here: only the number and the words printed in its place
    assert document.revoked_sections == (
        RevokedSection("3A", "", "", "Revoked: minute 7"),
        RevokedSection("12", "", "", "Not used"),
    )
    assert [s.said for s in document.revoked_sections] == ["Revoked: minute 7", "Not used"]
