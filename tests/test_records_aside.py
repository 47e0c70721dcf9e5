"""The adopted records verified, and the worked examples read, in a second process while
the gate reads the draft (records_aside.py): the gate finds and says the same as when it
reads them itself."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from constitution import records_aside, scenarios, source, versions
from constitution.check import Report, run_check
from constitution.project import Project


@pytest.fixture
def verified_here(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The folders of records this process verifies itself (a forked child's count is its
    own), each gate below starting with empty memories, as a fresh clone's does."""
    counted: Counter[str] = Counter()
    real = versions._verified

    def counting(data: Any, id_pattern: Any, folder: str) -> Any:
        counted[folder] += 1
        return real(data, id_pattern, folder)

    monkeypatch.setattr(versions, "_verified", counting)
    return counted


def fresh_gate(project: Project, monkeypatch: pytest.MonkeyPatch, *, aside: bool) -> Report:
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    monkeypatch.setattr(versions, "VERIFIED_RECORDS", {})
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {})
    monkeypatch.setattr(scenarios, "READ_EXAMPLES", {})
    monkeypatch.setattr(records_aside, "_can_fork", lambda: aside)
    return run_check(project)


def said(report: Report) -> list[tuple[str, int, str, str]]:
    return [(p.file, p.line, p.code, p.message) for p in report.problems]


def test_every_folder_of_records_is_verified_in_the_child(
    adopted_constitution: Project, monkeypatch: pytest.MonkeyPatch, verified_here: Counter[str]
) -> None:
    report = fresh_gate(adopted_constitution, monkeypatch, aside=True)
    assert report.clauses and not report.stopped, said(report)
    assert sorted(versions.VERIFIED_BYTES) == [
        "versions",
        "versions/articles",
        "versions/procedure-rules",
    ]
    assert verified_here == Counter(), "the parent verified records the child had verified"
    alone = fresh_gate(adopted_constitution, monkeypatch, aside=False)
    assert said(alone) == said(report)
    assert (alone.clauses, alone.scenarios, alone.others) == (
        report.clauses,
        report.scenarios,
        report.others,
    )
    assert verified_here == Counter(["versions", "versions/articles", "versions/procedure-rules"])


def tamper(project: Project) -> Path:
    record = sorted((project.root / "versions").glob("*.json"))[0]
    text = record.read_text(encoding="utf-8")
    changed = text.replace("Members", "Councillors", 1)
    assert changed != text, "test setup: the record has no word to change"
    record.write_text(changed, encoding="utf-8")
    return record


def test_a_record_with_a_problem_is_verified_and_said_by_the_parent(
    versioned: Project, monkeypatch: pytest.MonkeyPatch, verified_here: Counter[str]
) -> None:
    record = tamper(versioned)
    aside = fresh_gate(versioned, monkeypatch, aside=True)
    here = verified_here.copy()
    verified_here.clear()
    alone = fresh_gate(versioned, monkeypatch, aside=False)
    assert here == verified_here > Counter(), "the child sent records with a problem"
    assert "version-tampered" in [p.code for p in aside.problems]
    assert any(p.file == f"versions/{record.name}" for p in aside.problems)
    assert said(aside) == said(alone)


def test_a_child_that_dies_leaves_the_parent_to_verify(
    versioned: Project, monkeypatch: pytest.MonkeyPatch, verified_here: Counter[str]
) -> None:
    monkeypatch.setattr(records_aside, "_verified", lambda folders: os._exit(3))
    report = fresh_gate(versioned, monkeypatch, aside=True)
    assert report.ok, said(report)
    assert verified_here == Counter(["versions"])


def refuses_to_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    def fork() -> int:
        raise AssertionError("forked where it should not")

    monkeypatch.setattr(os, "fork", fork)


@pytest.mark.parametrize(
    "setting",
    [
        pytest.param(lambda m: m.setattr(os, "sched_getaffinity", lambda pid: {0}), id="one-core"),
        pytest.param(lambda m: m.delattr(os, "fork"), id="no-fork"),
    ],
)
def test_no_child_where_it_cannot_help(
    versioned: Project,
    monkeypatch: pytest.MonkeyPatch,
    verified_here: Counter[str],
    setting: Callable[[pytest.MonkeyPatch], None],
) -> None:
    setting(monkeypatch)
    if hasattr(os, "fork"):
        refuses_to_fork(monkeypatch)
    assert not records_aside._can_fork()
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {})
    monkeypatch.setattr(versions, "VERIFIED_RECORDS", {})
    assert run_check(versioned).ok
    assert verified_here == Counter(["versions"])


def test_no_child_beside_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert records_aside._can_fork()
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert not records_aside._can_fork()
    finally:
        stop.set()
        waiting.join()


def test_no_child_for_records_known_already(
    versioned: Project, monkeypatch: pytest.MonkeyPatch, verified_here: Counter[str]
) -> None:
    fresh_gate(versioned, monkeypatch, aside=False)  # verified here, and kept in memory
    refuses_to_fork(monkeypatch)
    records_aside.start(versioned).close()  # its worked examples are held too
    assert run_check(versioned).ok
    assert verified_here == Counter(["versions"])


def test_no_child_beside_a_thread_started_outside_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """A library's own thread (not one of Python's) is seen too: the system lists it."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    listdir = os.listdir
    task = "/proc/self/task"
    monkeypatch.setattr(os, "listdir", lambda p: ["1", "2"] if p == task else listdir(p))
    assert threading.active_count() == 1
    assert not records_aside._can_fork()


@pytest.fixture
def read_here(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The files of worked examples this process reads itself (a forked child's count is
    its own)."""
    counted: Counter[str] = Counter()
    real = scenarios._ScenarioReader.read

    def counting(reader: Any) -> Any:
        counted[reader.shown] += 1
        return real(reader)

    monkeypatch.setattr(scenarios._ScenarioReader, "read", counting)
    return counted


def child_reads_every_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate takes no file of worked examples the child may read: it waits for the
    child's reading of each (where they meet, either may take a file first)."""
    monkeypatch.setattr(
        records_aside.Claims, "parent_takes", lambda claims, path: str(path) not in claims.index
    )


def every_file(project: Project) -> Counter[str]:
    return Counter(f.relative_to(project.root).as_posix() for f in project.scenario_files())


@pytest.mark.parametrize("name", ["versioned", "decided_constitution", "adopted_constitution"])
def test_the_worked_examples_are_read_in_the_child(
    name: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    read_here: Counter[str],
) -> None:
    """Each file as the gate reads it: the same examples, kept the same for the store,
    citing the protocol's paragraphs and other documents' (decided_constitution)."""
    project: Project = request.getfixturevalue(name)
    child_reads_every_file(monkeypatch)
    report = fresh_gate(project, monkeypatch, aside=True)
    assert report.scenarios and not report.stopped, said(report)
    assert read_here == Counter(), "the gate read files of worked examples the child had read"
    kept = scenarios.READ_EXAMPLES
    alone = fresh_gate(project, monkeypatch, aside=False)
    assert read_here == every_file(project)
    assert said(alone) == said(report)
    assert (alone.scenarios, alone.covered, alone.suspect) == (
        report.scenarios,
        report.covered,
        report.suspect,
    )
    assert kept == scenarios.READ_EXAMPLES


CONDUCT = "checks/scenarios/conduct.yaml"
GENERAL = "checks/scenarios/general.yaml"
# Each a file, its words changed, and the files the gate then reads itself: each with a
# problem of its own (an ID given in two files is a problem of neither file alone).
BAD_EXAMPLES = {
    "a paragraph not in the draft": (CONDUCT, "MOP-0029, MOP-0050", "MOP-0029, MOP-9999"),
    "a revoked paragraph": (CONDUCT, "MOP-0029, MOP-0050", "MOP-0029, MOP-0208"),
    "a fact no rule reads": (CONDUCT, "behaviour: shouting}", "behaviour: shouting, mood: 1}"),
    "YAML that cannot be read": (CONDUCT, "- id: SC-CON-002", "- id: [SC-CON-002"),
    "a duplicate ID across files": (GENERAL, "- id: SC-GEN-001", "- id: SC-CON-001", ()),
}


@pytest.mark.parametrize("edit", BAD_EXAMPLES.values(), ids=BAD_EXAMPLES.keys())
def test_a_bad_file_of_worked_examples_is_said_the_same_with_the_child(
    versioned: Project,
    monkeypatch: pytest.MonkeyPatch,
    read_here: Counter[str],
    edit: tuple[Any, ...],
) -> None:
    """The child sends no file with a problem: the gate reads it itself and says it, with
    its file and line, as when it reads every file."""
    name, old, new, *rest = edit
    read_itself = rest[0] if rest else (name,)
    path = versioned.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    child_reads_every_file(monkeypatch)
    aside = fresh_gate(versioned, monkeypatch, aside=True)
    here = read_here.copy()
    alone = fresh_gate(versioned, monkeypatch, aside=False)
    assert aside.problems and any(p.file == name for p in aside.problems)
    assert said(aside) == said(alone)
    assert aside.status == alone.status
    assert here == Counter(read_itself)


def test_a_bad_rules_file_is_said_the_same_with_the_child(
    versioned: Project, monkeypatch: pytest.MonkeyPatch, read_here: Counter[str]
) -> None:
    rules = versioned.checks / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\nrulez: []\n", encoding="utf-8")
    aside = fresh_gate(versioned, monkeypatch, aside=True)
    alone = fresh_gate(versioned, monkeypatch, aside=False)
    assert aside.stopped == "the worked examples and rules"
    assert said(aside) == said(alone)


def test_a_child_that_dies_reading_the_examples_leaves_the_parent_to_read_them(
    versioned: Project, monkeypatch: pytest.MonkeyPatch, read_here: Counter[str]
) -> None:
    child_reads_every_file(monkeypatch)
    monkeypatch.setattr(records_aside, "_examples", lambda *given: os._exit(3))
    report = fresh_gate(versioned, monkeypatch, aside=True)
    assert report.ok, said(report)
    assert read_here == every_file(versioned)


def test_the_child_and_the_parent_meet_in_the_files(tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.yaml" for n in "abcde"]
    claims = records_aside.Claims(files)
    assert claims.parent_takes(files[4]) and claims.child_takes(0)
    assert claims.parent_takes(files[3]) and claims.child_takes(1)
    assert claims.child_takes(2)
    assert not claims.parent_takes(files[2]), "the parent took a file the child had taken"
    assert not claims.child_takes(3), "the child took a file the parent had taken"
    assert claims.parent_takes(tmp_path / "other.yaml"), "a file the child does not read"
    claims = records_aside.Claims(files)
    claims.stop()
    assert not claims.child_takes(0)


def test_a_reading_against_other_rules_is_not_taken(
    versioned: Project, monkeypatch: pytest.MonkeyPatch, read_here: Counter[str]
) -> None:
    """The gate takes the second process's reading of a file only where it was read
    against the rules the gate reads the examples against."""
    monkeypatch.setattr(scenarios, "READ_EXAMPLES", {})
    book, pattern = versioned.rulebook(), versioned.cited_pattern()
    files = versioned.scenario_files()
    readings = {str(f): scenarios.read_aside(f, versioned.root, book, pattern) for f in files}
    read_here.clear()  # the readings just made stand for the second process's

    class Sent:
        def claim(self, path: Path) -> bool:
            return False

        def sent(self) -> dict[str, Any]:
            return readings

    document = versioned.document()
    examples = versioned.examples(document, aside=Sent())
    assert read_here == Counter()
    rules = versioned.checks / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(scenarios, "READ_EXAMPLES", {})
    assert versioned.examples(document, aside=Sent()) == examples
    assert read_here == every_file(versioned)


def test_exploring_an_acts_rules_is_left_to_the_child(
    versioned: Project, monkeypatch: pytest.MonkeyPatch, read_here: Counter[str]
) -> None:
    """What an act's rules read is worked out once, however many files' examples need it
    (the model's examples share their acts): the gate gives a file back to the child rather
    than work it out too, and the child, here started late, reads every such file."""
    verified = records_aside._verified

    def late(folders: Any) -> Any:
        time.sleep(1)  # the gate is at the files of worked examples first
        return verified(folders)

    monkeypatch.setattr(records_aside, "_verified", late)
    explored: Counter[str] = Counter()
    facts_read = scenarios.facts_read

    def counting(*given: Any) -> Any:
        explored["here"] += 1
        return facts_read(*given)

    monkeypatch.setattr(scenarios, "facts_read", counting)
    aside = fresh_gate(versioned, monkeypatch, aside=True)
    assert aside.scenarios and not aside.stopped, said(aside)
    assert explored == Counter(), "the gate worked out what an act's rules read"
    assert read_here.total() < every_file(versioned).total(), "the gate read every file"
    alone = fresh_gate(versioned, monkeypatch, aside=False)
    assert explored["here"] > 0
    assert said(alone) == said(aside)
    assert (alone.scenarios, alone.covered) == (aside.scenarios, aside.covered)
