"""The adopted records verified in a second process while the gate reads the draft
(records_aside.py): used where it verified them whole, and the gate's own problems, in
the same order and with the same exit status, wherever it did not or could not."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from constitution import cli, records_aside, scenarios, source, versions
from constitution.project import Project


def gate(project: Project, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`constitution check` as a fresh clone's process runs it (the readers' memories
    empty, no store), its status and what it prints."""
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    monkeypatch.setattr(versions, "VERIFIED_RECORDS", {})
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {})
    monkeypatch.setattr(scenarios, "READ_EXAMPLES", {})
    shutil.rmtree(project.root / "_build", ignore_errors=True)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["--project", str(project.root), "check"])
    return status, out.getvalue()


def verifying_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders of records this process verifies (not the child), as it does."""
    here: list[str] = []
    real = versions._verified

    def counted(data: Any, id_pattern: Any, folder: str) -> Any:
        here.append(folder)
        return real(data, id_pattern, folder)

    monkeypatch.setattr(versions, "_verified", counted)
    return here


def alone(project: Project, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[int, str], list[str]]:
    """The gate with no second process (its records fewer bytes than are worth one), and
    the folders of records it verifies before it stops."""
    with monkeypatch.context() as m:
        m.setattr(records_aside, "WORTH", 10**12)
        here = verifying_here(m)
        return gate(project, monkeypatch), here


FOLDERS = ["versions", "versions/articles", "versions/procedure-rules"]


@pytest.fixture
def adopted(adopted_constitution: Project, tmp_path: Path) -> Project:
    """A copy of the constitution of three documents with adopted versions of each."""
    return Project(shutil.copytree(adopted_constitution.root, tmp_path / "project"))


def test_the_records_are_verified_by_the_child_and_the_gate_says_the_same(
    adopted: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records_aside, "WORTH", 0)
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {})  # a fresh process's
    assert [job[2] for job in records_aside.jobs(adopted.root, adopted.council())] == FOLDERS
    expected, verified = alone(adopted, monkeypatch)  # its one problem a reference not confirmed
    assert "clauses" in expected[1] and "version-" not in expected[1], expected
    assert verified == FOLDERS
    here = verifying_here(monkeypatch)
    assert gate(adopted, monkeypatch) == expected
    assert here == []  # every folder verified whole by the child, none here
    assert list(versions.VERIFIED_BYTES) == FOLDERS


def test_few_records_start_no_child(adopted: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model's records (0.3 MB, and the other documents' fewer) cost less to verify
    than a child to start."""
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {})  # a fresh process's
    assert sum(p.stat().st_size for p in versions.records(adopted.versions_dir)) < 400_000
    assert records_aside.jobs(adopted.root, adopted.council()) == []


def test_a_store_that_knows_a_folder_leaves_it_out(
    adopted: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records_aside, "WORTH", 0)
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {"versions/articles": (("", ""), [])})
    todo = records_aside.jobs(adopted.root, adopted.council())
    assert [job[2] for job in todo] == ["versions", "versions/procedure-rules"]


def damage(project: Project, record: str, old: str, new: str) -> None:
    path = project.root / record
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {record}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Records a child verifies with a problem: the gate verifies them again itself.
DAMAGE = {
    "tampered": [("versions/2025-05-15.json", "Members", "Membrs")],
    "a field and a tampered record of another document": [
        ("versions/2024-05-16.json", '"in_force": "2024-', '"in_force": "1999-'),
        ("versions/articles/2026-03-05.json", "Members", "Membrs"),
    ],
    "not JSON": [("versions/procedure-rules/2026-06-10.json", "{", "[")],
    "two records of one folder": [
        ("versions/articles/2026-03-05.json", "Members", "Membrs"),
        ("versions/articles/2026-06-10.json", '"previous_digest": "', '"previous_digest": "0'),
    ],
}
# Children that fail: the gate verifies every folder itself.
CHILDREN = {
    "sound": records_aside.CHILD,
    "ends in an error": "import sys; sys.exit(3)",
    "writes what is not its answer": "import sys; sys.stdout.write('half')",
    "cannot be started": None,
}


@pytest.mark.parametrize("child", CHILDREN)
@pytest.mark.parametrize("case", DAMAGE)
def test_problems_are_the_gates_own_whatever_the_child_does(
    adopted: Project, monkeypatch: pytest.MonkeyPatch, case: str, child: str
) -> None:
    for record, old, new, *_ in DAMAGE[case]:
        damage(adopted, record, old, new)
    expected, verified = alone(adopted, monkeypatch)
    assert expected[0] != 0 and ": version-" in expected[1], expected
    monkeypatch.setattr(records_aside, "WORTH", 0)
    if CHILDREN[child] is None:
        monkeypatch.setattr(sys, "executable", str(adopted.root / "no-python-here"))
    else:
        monkeypatch.setattr(records_aside, "CHILD", CHILDREN[child])
    here = verifying_here(monkeypatch)
    assert gate(adopted, monkeypatch) == expected
    if child == "sound":  # what the child verified whole is taken, the rest verified here
        damaged = {str(Path(record).parent) for record, *_ in DAMAGE[case]}
        assert here == [folder for folder in verified if folder in damaged]
    else:
        assert here == verified


def test_a_gate_that_stops_early_ends_its_child(
    adopted: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gate stopped before it asks for the records (a problem of the settings, an
    interrupt) does not leave the child running, nor wait for it."""
    monkeypatch.setattr(records_aside, "WORTH", 0)
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {})  # a fresh process's
    monkeypatch.setattr(records_aside, "CHILD", "import time; time.sleep(60)")
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", popen)
    begun = time.monotonic()
    with pytest.raises(KeyboardInterrupt), records_aside.verified_aside(adopted):
        assert versions.ASIDE
        raise KeyboardInterrupt
    assert time.monotonic() - begun < 30
    assert len(started) == 1 and started[0].returncode is not None
    assert versions.ASIDE == {}
