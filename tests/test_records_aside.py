"""The adopted records verified in a second process while the gate reads the draft
(records_aside.py): the gate finds and says the same as when it verifies them itself."""

from __future__ import annotations

import os
import threading
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
    assert records_aside.verify_aside(versioned)() is None
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
