"""The GitHub workflows: valid (actionlint), and each step a nox session a person can run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_actionlint_finds_nothing() -> None:
    # The console script sits beside this interpreter (the test extra installs it).
    actionlint = Path(sys.executable).with_name("actionlint")
    assert actionlint.exists(), "actionlint is missing: it comes with the test extra"
    result = subprocess.run([actionlint, *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_steps_call_nox_sessions_that_exist() -> None:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    sessions = set(re.findall(r"@nox\.session\ndef (\w+)", noxfile))
    called = set()
    for path in WORKFLOWS:
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                called.update(re.findall(r"dev\.py -s (\w+)", step.get("run", "")))
    assert called == {"check", "changes", "build"}
    assert called <= sessions


def test_pull_requests_run_the_gate_tests_and_build() -> None:
    pr = yaml.safe_load((WORKFLOWS[0].parent / "amendment.yml").read_text(encoding="utf-8"))
    assert True in pr and "pull_request" in pr[True]  # YAML 1.1 reads the key 'on' as true
    runs = [s.get("run", "") for j in pr["jobs"].values() for s in j["steps"]]
    assert any("-s check -- --format github --base" in r for r in runs)
    assert any("GITHUB_STEP_SUMMARY" in r and "-s changes" in r for r in runs)
    assert any(".ci/run" in r for r in runs)
