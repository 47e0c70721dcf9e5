"""The command line, black-box: exact output and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from constitution.project import Project


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constitution", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_passes_on_the_model_protocol(project: Project) -> None:
    result = run("check", cwd=project.root)
    assert (result.returncode, result.stdout) == (
        0,
        "208 clauses (158 normative); 158 covered by 519 scenarios; 0 suspect.\n"
        "The constitution is whole.\n",
    )


def test_check_reports_each_problem_and_fails(scratch: Project) -> None:
    path = scratch.protocol / "review.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("MOP-0207", "MOP-0206"), encoding="utf-8"
    )
    result = run("check", cwd=scratch.protocol)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "protocol/review.md:29: clause-duplicate-id [MOP-0206]: MOP-0206 is already used "
        "at protocol/review.md:20.",
        "    How to fix: Give this clause the next unused ID (constitution next-id prints "
        "it); never reuse an ID.",
    ]
    assert result.stdout.endswith("\n1 problem(s) to fix before this can be adopted.\n")


def test_next_id(project: Project) -> None:
    assert run("next-id", cwd=project.root).stdout == "MOP-0210\n"


def test_next_id_skips_revoked_ids(scratch: Project) -> None:
    (scratch.protocol / "retired.toml").write_text("[MOP-0250]\nrevoked = 2026-01-05\n")
    assert run("next-id", cwd=scratch.root).stdout == "MOP-0251\n"


def test_outside_a_project(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no conf/council.toml" in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback(project: Project) -> None:
    """`constitution redline ... | head`: here the reader is gone before the first line."""
    command = [sys.executable, "-m", "constitution", "--project", str(project.root)]
    proc = subprocess.Popen(
        [*command, "redline", "2024-05-16", "draft"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 0
    assert "Traceback" not in err and "BrokenPipe" not in err, err
