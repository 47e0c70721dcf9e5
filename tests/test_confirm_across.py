"""Suspect links across documents (tests/roots/constitution): a paragraph citing another
document's is confirmed against its words; when they change the gate names it, in each of
its formats, until `constitution confirm` records the new words."""

from __future__ import annotations

import json
from typing import Any

from conftest import run
from constitution.confirm_across import LOCK
from constitution.project import Project

MEMBERS = "documents/articles/members.md"


def edit(project: Project, name: str, old: str, new: str) -> None:
    path = project.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Project, name: str, words: str) -> int:
    lines = (project.root / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, raw in enumerate(lines, start=1) if words in raw)


def check(project: Project, fmt: str = "json") -> tuple[int, str]:
    result = run(project, "check", "--format", fmt)
    return result.returncode, result.stdout


def reword_mop_0029(project: Project) -> None:
    """ART-0003 cites MOP-0029: its words change under it."""
    edit(project, "protocol/principles.md", "courtesy and respect,", "courtesy and regard,")


def test_the_fixture_records_what_each_citing_paragraph_was_read_against(
    constitution: Project,
) -> None:
    lock = json.loads((constitution.checks / LOCK).read_text(encoding="utf-8"))
    whole = constitution.constitution()
    digest = {c.id: c.digest for e in whole for c in e.document.clauses()}
    # the citing paragraphs, each with the other documents' paragraphs it cites (ART-0004's
    # own-document ART-0001 is not recorded: the two are amended together)
    assert lock == {
        "ART-0002": {"CPR-0002": digest["CPR-0002"]},
        "ART-0003": {"MOP-0029": digest["MOP-0029"]},
        "ART-0004": {"CPR-0001": digest["CPR-0001"]},
        "CPR-0002": {"ART-0003": digest["ART-0003"]},
    }
    assert check(constitution)[0] == 0


def test_changed_words_make_the_citing_paragraph_suspect(constitution: Project) -> None:
    reword_mop_0029(constitution)
    status, out = check(constitution)
    report = json.loads(out)
    assert status == 1 and report["suspect_references"] == ["ART-0003"]
    # (the worked examples citing MOP-0029 are suspect too, as ever)
    [problem] = [p for p in report["problems"] if p["code"] == "suspect-reference"]
    number = constitution.constitution().find("MOP-0029")[1].number  # type: ignore[index]
    assert (problem["file"], problem["line"], problem["code"], problem["clause"]) == (
        MEMBERS,
        line_of(constitution, MEMBERS, "{para}`MOP-0029`"),
        "suspect-reference",
        "ART-0003",
    )
    assert problem["message"] == (
        f"ART-0003 cites MOP-0029 (paragraph {number} of the Member/Officer Protocol) and "
        "was confirmed against earlier words, which have since changed."
    )
    assert problem["fix"].endswith("then run: constitution confirm ART-0003")
    # the same problem in the other formats: a line to read, an annotation on the file
    status, text = check(constitution, "text")
    assert status == 1 and f"{MEMBERS}:{problem['line']}: suspect-reference [ART-0003]" in text
    assert "1 paragraph(s) citing another document not confirmed" in text
    status, github = check(constitution, "github")
    assert status == 1
    assert any(
        line.startswith(
            f"::error file={MEMBERS},line={problem['line']},title=suspect-reference ART-0003::"
        )
        for line in github.splitlines()
    )


def test_confirm_records_the_new_words_and_only_the_paragraph_named(
    constitution: Project,
) -> None:
    reword_mop_0029(constitution)
    edit(constitution, "documents/procedure-rules/meetings.md", "full Council", "whole Council")
    assert json.loads(check(constitution)[1])["suspect_references"] == ["ART-0002", "ART-0003"]
    scenarios = (constitution.checks / "confirmed.json").read_bytes()
    done = run(constitution, "confirm", "ART-0003")
    assert done.returncode == 0, done.stderr
    assert "Confirmed 1 paragraph(s)" in done.stdout and "scenario" not in done.stdout
    assert json.loads(check(constitution)[1])["suspect_references"] == ["ART-0002"]
    assert (constitution.checks / "confirmed.json").read_bytes() == scenarios
    assert run(constitution, "confirm", "--all").returncode == 0
    assert check(constitution)[0] == 0


def test_a_new_reference_is_suspect_until_confirmed(constitution: Project) -> None:
    edit(
        constitution,
        "protocol/principles.md",
        "complementary;",
        "complementary ({para}`ART-0003`);",
    )
    status, out = check(constitution)
    [problem] = json.loads(out)["problems"]
    assert status == 1 and (problem["code"], problem["clause"]) == ("suspect-reference", "MOP-0030")
    assert "has not been confirmed against its words" in problem["message"]
    assert run(constitution, "confirm", "MOP-0030").returncode == 0
    lock = json.loads((constitution.checks / LOCK).read_text(encoding="utf-8"))
    assert list(lock["MOP-0030"]) == ["ART-0003"]
    assert check(constitution)[0] == 0


def test_confirm_refuses_a_paragraph_that_cites_no_other_document(constitution: Project) -> None:
    before = (constitution.checks / LOCK).read_bytes()
    result = run(constitution, "confirm", "ART-0001")
    assert result.returncode == 2
    assert "confirm-not-citing: ART-0001: no scenario, and no paragraph citing" in result.stderr
    assert (constitution.checks / LOCK).read_bytes() == before


def break_rules(project: Project) -> None:
    """The Council Procedure Rules cannot be read: CPR-0001 twice."""
    edit(project, "documents/procedure-rules/meetings.md", "{clause} CPR-0002", "{clause} CPR-0001")


def test_one_broken_document_does_not_stop_confirming_the_others(constitution: Project) -> None:
    """ART-0003 cites the protocol, SC-CON-001 is the protocol's: both are confirmed while
    the Rules have a problem, which the gate still reports; ART-0002, citing the Rules,
    waits for them, told why."""
    reword_mop_0029(constitution)
    break_rules(constitution)
    status, out = check(constitution)
    report = json.loads(out)
    assert status == 1 and "clause-duplicate-id" in {p["code"] for p in report["problems"]}
    assert report["suspect_references"] == ["ART-0003"]  # the documents read are checked still
    done = run(constitution, "confirm", "ART-0003", "SC-CON-001")
    assert done.returncode == 0, done.stderr
    assert "Confirmed 1 scenario(s)" in done.stdout and "Confirmed 1 paragraph(s)" in done.stdout
    lock = json.loads((constitution.checks / LOCK).read_text(encoding="utf-8"))
    cited = constitution.document().clause("MOP-0029")
    assert cited is not None and lock["ART-0003"] == {"MOP-0029": cited.digest}
    before = (constitution.checks / LOCK).read_bytes()
    for named in (["ART-0002"], ["CPR-0002"]):
        refused = run(constitution, "confirm", *named)
        assert refused.returncode == 1, (named, refused.stderr)
        assert "procedure-rules/meetings.md" in refused.stderr, named
        assert "clause-duplicate-id [CPR-0001]" in refused.stderr, named
    assert (constitution.checks / LOCK).read_bytes() == before
    # mended, the Rules hold what they did: what was confirmed meanwhile stands
    second = "{clause} CPR-0001\n:modality: must"
    edit(constitution, "documents/procedure-rules/meetings.md", second, second.replace("1", "2"))
    report = json.loads(check(constitution)[1])
    assert report["suspect_references"] == [] and "SC-CON-001" not in report["suspect"]
    assert "SC-CON-002" in report["suspect"]  # it too cites MOP-0029, and was not named


def test_a_broken_protocol_stops_only_the_worked_examples_and_what_cites_it(
    constitution: Project,
) -> None:
    edit(constitution, "documents/procedure-rules/meetings.md", "full Council", "whole Council")
    edit(constitution, "protocol/principles.md", "{clause} MOP-0030", "{clause} MOP-0029")
    done = run(constitution, "confirm", "ART-0002")
    assert done.returncode == 0, done.stderr
    for named in ("SC-CON-001", "ART-0003"):
        refused = run(constitution, "confirm", named)
        assert refused.returncode == 1 and "clause-duplicate-id [MOP-0029]" in refused.stderr


def test_the_gate_says_an_example_cites_a_document_that_cannot_be_read(
    constitution: Project,
) -> None:
    """A worked example citing a paragraph of the Rules, while they cannot be read, is told
    so: not that the paragraph is not a clause of the protocol."""
    conduct = "checks/scenarios/conduct.yaml"
    edit(constitution, conduct, "[MOP-0029, MOP-0050, MOP-0051]", "[MOP-0029, CPR-0001, MOP-0050]")
    break_rules(constitution)
    status, out = check(constitution)
    found = {(p["file"], p["code"], p["clause"]): p for p in json.loads(out)["problems"]}
    assert status == 1 and (conduct, "scenario-unknown-clause", "CPR-0001") not in found
    told = found[(conduct, "scenario-cites-unread", "CPR-0001")]
    assert told["line"] == line_of(constitution, conduct, "CPR-0001")
    assert "paragraph of the Council Procedure Rules, which cannot be read" in told["message"]
    named = run(constitution, "confirm", "SC-CON-001")  # and confirming it by name
    assert named.returncode == 1 and "scenario-cites-unread [CPR-0001]" in named.stderr


def locks(project: Project) -> tuple[dict[str, Any], dict[str, Any]]:
    """The two records: worked examples', and citing paragraphs'."""
    read = (project.checks / name for name in ("confirmed.json", LOCK))
    scenarios, paragraphs = (json.loads(path.read_text(encoding="utf-8")) for path in read)
    return scenarios, paragraphs


def test_confirm_all_confirms_what_it_can_and_names_the_rest(constitution: Project) -> None:
    """While the Rules cannot be read, --all confirms every worked example and citing
    paragraph that rests on none of their paragraphs, and names each of the rest where it
    is written, with the Rules' own problem and what to do; then exits 1."""
    reword_mop_0029(constitution)  # ART-0003 and the worked examples citing it are suspect
    conduct = "checks/scenarios/conduct.yaml"
    edit(constitution, conduct, "[MOP-0029, MOP-0050, MOP-0051]", "[MOP-0029, CPR-0001, MOP-0050]")
    examples = len(constitution.scenarios(constitution.document()))
    break_rules(constitution)
    scenarios, paragraphs = locks(constitution)
    done = run(constitution, "confirm", "--all")
    assert done.returncode == 1, done.stderr
    said = done.stderr
    rules = "documents/procedure-rules/meetings.md"
    assert f"{rules}:{line_of(constitution, rules, '{clause} CPR-0001')}" in said
    assert "clause-duplicate-id [CPR-0001]" in said
    waits = [
        (MEMBERS, "ART-0004", "CPR-0001", "{para}`CPR-0001`"),
        ("documents/articles/the-constitution.md", "ART-0002", "CPR-0002", "{para}`CPR-0002`"),
        (conduct, "SC-CON-001", "CPR-0001", "CPR-0001"),
    ]
    for file, item, target, words in waits:
        assert (
            f"{file}:{line_of(constitution, file, words)}: confirm-waits [{item}]: {item} was not"
            f" confirmed: it cites {target}, a paragraph of the Council Procedure Rules, which"
            " cannot be read.\n    How to fix: Fix the problems of the Council Procedure Rules"
            " listed here (constitution check lists them too), then run: constitution confirm"
            f" {item}" in said
        ), item
    assert "documents/procedure-rules: confirm-document-unread: the Council Procedure" in said
    assert said.endswith("problem(s) found; the rest was confirmed.\n")
    assert "Confirmed 1 paragraph(s)" in done.stdout  # ART-0003: it cites the protocol
    assert f"Confirmed {examples - 1} scenario(s)" in done.stdout  # all but SC-CON-001
    # what was confirmed is recorded; what waits is as it was
    now_scenarios, now_paragraphs = locks(constitution)
    cited = constitution.document().clause("MOP-0029")
    assert cited is not None and now_paragraphs["ART-0003"] == {"MOP-0029": cited.digest}
    for waiting in ("ART-0002", "ART-0004", "CPR-0002"):
        assert now_paragraphs[waiting] == paragraphs[waiting], waiting
    assert now_scenarios["SC-CON-001"] == scenarios["SC-CON-001"]
    assert now_scenarios["SC-CON-002"] != scenarios["SC-CON-002"]  # it cites MOP-0029
    # mended, the Rules let the rest be confirmed: nothing is left
    second = "{clause} CPR-0001\n:modality: must"
    edit(constitution, "documents/procedure-rules/meetings.md", second, second.replace("1", "2"))
    assert run(constitution, "confirm", "--all").returncode == 0
    assert locks(constitution)[0]["SC-CON-001"] != scenarios["SC-CON-001"]


def test_confirm_all_while_the_protocol_is_broken(constitution: Project) -> None:
    """The worked examples are read against the protocol: while it cannot be read, none is
    confirmed (said once), nor a paragraph citing it; the Articles' and Rules' citing one
    another are."""
    edit(constitution, "documents/procedure-rules/meetings.md", "full Council", "whole Council")
    edit(constitution, "protocol/principles.md", "{clause} MOP-0030", "{clause} MOP-0029")
    scenarios, paragraphs = locks(constitution)
    done = run(constitution, "confirm", "--all")
    assert done.returncode == 1, done.stderr
    assert "clause-duplicate-id [MOP-0029]" in done.stderr
    assert "checks/scenarios: confirm-examples-unread: no worked example was confirmed" in (
        done.stderr
    )
    assert "confirm-waits [ART-0003]: ART-0003 was not confirmed: it cites MOP-0029" in (
        done.stderr
    )
    assert "protocol: confirm-document-unread: the Protocol on Member/Officer Relations" in (
        done.stderr
    )
    assert "Confirmed 3 paragraph(s)" in done.stdout and "scenario" not in done.stdout
    now_scenarios, now_paragraphs = locks(constitution)
    assert now_scenarios == scenarios and now_paragraphs["ART-0003"] == paragraphs["ART-0003"]
    assert now_paragraphs["ART-0002"] != paragraphs["ART-0002"]  # CPR-0002's new words


def test_confirm_all_confirms_the_sound_examples_beside_a_malformed_one(scratch: Project) -> None:
    """In a protocol alone, a worked example that cannot be read stops only itself: the
    others are confirmed, and it is named with its own problem where it is written."""
    edit(scratch, "protocol/review.md", "propose an amendment", "put forward an amendment")
    edit(scratch, "checks/scenarios/conduct.yaml", "[MOP-0029, MOP-0050, MOP-0051]", "[MOP-0999]")
    before = locks_of(scratch)
    done = run(scratch, "confirm", "--all")
    assert done.returncode == 1, done.stderr
    line = line_of(scratch, "checks/scenarios/conduct.yaml", "[MOP-0999]")
    assert done.stderr.startswith(
        f"checks/scenarios/conduct.yaml:{line}: scenario-unknown-clause [MOP-0999]: "
    )
    assert done.stderr.endswith("1 problem(s) found; the rest was confirmed.\n")
    after = locks_of(scratch)
    assert after["SC-CON-001"] == before["SC-CON-001"]
    assert after["SC-REV-003"] != before["SC-REV-003"]  # its paragraph was reworded


def locks_of(project: Project) -> dict[str, Any]:
    return dict(json.loads((project.checks / "confirmed.json").read_text(encoding="utf-8")))
