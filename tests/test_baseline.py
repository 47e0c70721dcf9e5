"""The coverage baseline: a council may start with paragraphs not yet covered, and the
list only shrinks."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import run
from constitution.project import Project

NEW = (
    "\n```{clause} MOP-0990\n:modality: must\n:applies-to: officer\n\n"
    "An officer must acknowledge a proposed amendment within five working days.\n```\n"
)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_a_recorded_baseline_lets_the_gate_pass_and_only_shrinks(scratch: Project) -> None:
    review = scratch.protocol / "review.md"
    review.write_text(review.read_text(encoding="utf-8") + NEW, encoding="utf-8")
    failed = run(scratch, "check")
    assert failed.returncode == 1 and "uncovered [MOP-0990]" in failed.stdout
    shrunk = run(scratch, "baseline")  # the model's empty list only shrinks
    assert shrunk.returncode == 0
    assert "Not listed, as the list only shrinks: MOP-0990. Each needs a worked" in shrunk.stdout
    assert run(scratch, "check").returncode == 1

    # A council starting out has no list.
    (scratch.checks / "uncovered.toml").unlink(missing_ok=True)
    assert run(scratch, "baseline").returncode == 0
    listed = (scratch.checks / "uncovered.toml").read_text(encoding="utf-8")
    assert '"MOP-0990"' in listed
    passed = run(scratch, "check")
    assert passed.returncode == 0, passed.stdout
    assert "1 not yet covered, as listed in checks/uncovered.toml" in passed.stdout

    # The paragraph no longer states a rule: it must come off the list, by hand or so.
    review.write_text(
        review.read_text(encoding="utf-8").replace(
            "MOP-0990\n:modality: must", "MOP-0990\n:modality: informative"
        ),
        encoding="utf-8",
    )
    stale = run(scratch, "check")
    line = listed.splitlines().index('    "MOP-0990",') + 1
    assert stale.returncode == 1
    assert f"checks/uncovered.toml:{line}: baseline-stale [MOP-0990]" in stale.stdout
    assert "Take MOP-0990 off checks/uncovered.toml" in stale.stdout
    assert run(scratch, "baseline").returncode == 0
    assert '"MOP-0990"' not in (scratch.checks / "uncovered.toml").read_text(encoding="utf-8")
    assert run(scratch, "check").returncode == 0


def test_a_pull_request_cannot_grow_the_baseline(scratch: Project) -> None:
    git(scratch.root, "init", "-q", "-b", "main")
    git(scratch.root, "add", "-A")
    git(scratch.root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base")
    review = scratch.protocol / "review.md"
    review.write_text(review.read_text(encoding="utf-8") + NEW, encoding="utf-8")
    (scratch.checks / "uncovered.toml").write_text('clauses = ["MOP-0990"]\n', encoding="utf-8")
    assert run(scratch, "check").returncode == 0  # alone, the file cannot tell it grew
    grown = run(scratch, "check", "--base", "main", "--format", "github")
    assert grown.returncode == 1
    assert "::error file=checks/uncovered.toml,line=1,title=baseline-grown MOP-0990::" in (
        grown.stdout
    )
    # Nor does re-running the command add what the base did not list.
    assert run(scratch, "baseline").returncode == 0
    assert '"MOP-0990"' in (scratch.checks / "uncovered.toml").read_text(encoding="utf-8")
    (scratch.checks / "uncovered.toml").unlink(missing_ok=True)
    assert run(scratch, "baseline").returncode == 0  # no file: it starts the list
    assert run(scratch, "check", "--base", "main").returncode == 1


def test_the_traceability_page_lists_paragraphs_not_yet_covered(scratch: Project, build) -> None:  # type: ignore[no-untyped-def]
    review = scratch.protocol / "review.md"
    review.write_text(review.read_text(encoding="utf-8") + NEW, encoding="utf-8")
    (scratch.checks / "uncovered.toml").unlink(missing_ok=True)
    assert run(scratch, "baseline").returncode == 0
    site = build(scratch)
    row = site.page("traceability.html").find("tr", attrs={"data-status": "not-yet-covered"})
    assert row is not None and "MOP-0990" in row.get_text()
