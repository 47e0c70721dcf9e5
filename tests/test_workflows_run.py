"""The workflows run: each `run:` step executed as GitHub executes it, on a fixture
repository with a pull request, so that a broken step fails here rather than on every
pull request (actionlint, in test_workflows.py, checks only their syntax).

A step's `python3 dev.py ARGS` runs dev_in_place.py: the same dev.py and noxfile, run by
nox in this environment instead of fresh venvs. The tests of dev.py below show that this
is all that differs. Not run here: `uses:` steps (GitHub's actions: checkout is the
fixture repository, setup-python this Python, the Pages artifact's folder is checked)
and the tests job's `bash .ci/run`, which is the whole suite this test is part of.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from conftest import ROOT, copy_project

IN_PLACE = Path(__file__).with_name("dev_in_place.py")
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
WHOLE_SUITE = "bash .ci/run"
# The repository's own files that the workflows use, beside the model's content.
TOOL_FILES = (
    "dev.py",
    "noxfile.py",
    "constraints.txt",
    "pyproject.toml",
    ".ci",
    ".github",
    ".gitignore",
)

# Every way the README and the workflows call dev.py, and the commands it then runs.
FORMS = {
    "test": [
        "ruff check .",
        "ruff format --check .",
        "mypy",
        "constitution check",
        "pytest --ignore=tests/browser",
        "pytest tests/browser",
    ],
    "serve": ["constitution serve"],
    "-s build": ["constitution build"],
    "-s check -- --format json": ["constitution check --format json"],
    "-s check -- --format github --base origin/main": [
        "constitution check --format github --base origin/main"
    ],
    "-s changes -- origin/main": [
        "constitution redline origin/main draft --format markdown --whole"
    ],
    "-s tests -- checks": ["pytest --ignore=tests/browser checks"],
    "-s tests -- checks/scenarios/newcomer.yaml": [
        "pytest --ignore=tests/browser checks/scenarios/newcomer.yaml"
    ],
    "-s bench": ["python benchmarks/bench.py"],
    "-s bench -- 2000:1": ["python benchmarks/bench.py 2000:1"],
    "-s bench -- 2000:3": ["python benchmarks/bench.py 2000:3"],
    "-s bench -- 500:3 2000:3 5000:3": ["python benchmarks/bench.py 500:3 2000:3 5000:3"],
    "-s bench_gate": ["python benchmarks/gate.py"],
    "-s bench_gate -- --before ../old/src": ["python benchmarks/gate.py --before ../old/src"],
    "-s bench_documents": ["python benchmarks/documents.py"],
    "-s bench_clause_box": ["python benchmarks/clause_box.py"],
    "-s bench_clause_box -- --before ../old/src": [
        "python benchmarks/clause_box.py --before ../old/src"
    ],
    "-s bench_versions": ["python benchmarks/versions.py"],
    "-s bench_phone": ["python benchmarks/phone.py"],
    "-s bench_import": ["python benchmarks/importer.py"],
    "-s bench_import -- c01 c05": ["python benchmarks/importer.py c01 c05"],
    "-s bench_import_speed": ["python benchmarks/import_speed.py"],
    "-s bench_import_speed -- 200 800": ["python benchmarks/import_speed.py 200 800"],
    "-s bench_revision": ["python benchmarks/revision.py"],
    "-s bench_search": ["python benchmarks/search.py"],
    "-s bench_situations": ["python benchmarks/situations.py"],
    "constitution check": ["constitution check"],
    "constitution next-id": ["constitution next-id"],
}
SHORTCUTS = {
    "test": "-s lint check tests browser",
    "serve": "-s serve",
    "constitution check": "-s constitution -- check",
    "constitution next-id": "-s constitution -- next-id",
}


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def workflow(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def dev_calls(text: str) -> list[str]:
    """The arguments of each `python3 dev.py ...` in a README or a step, as a form."""
    text = text.replace("$BASE_REF", "main")
    return [shlex.join(shlex.split(m)) for m in re.findall(r"python3 dev\.py([^`#>)\n]*)", text)]


def test_every_form_the_readme_docs_and_workflows_use_is_tested() -> None:
    used = set()
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        used.update(dev_calls(page.read_text(encoding="utf-8")))
    for path in WORKFLOWS:
        for job in workflow(path)["jobs"].values():
            for step in job["steps"]:
                used.update(dev_calls(step.get("run", "")))
    assert used - FORMS.keys() == set()


@pytest.mark.parametrize("form", FORMS)
def test_dev_py_passes_each_form_to_nox(form: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """dev.py's main: its venv's nox, given the form's arguments once (not twice: the
    bug that failed every pull request's gate) and shortcuts spelled out."""
    dev = load_dev()
    calls: list[tuple[list[object], Path]] = []

    def run(command: list[object], cwd: Path) -> subprocess.CompletedProcess[str]:
        calls.append((command, cwd))
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(dev, "bootstrap", lambda: None)
    monkeypatch.setattr(dev.subprocess, "run", run)
    assert dev.main(shlex.split(form)) == 0
    nox = shlex.split(SHORTCUTS.get(form, form))
    assert calls == [([dev.BIN / "python", "-m", "nox", *nox], ROOT)]


@pytest.mark.parametrize("form", FORMS)
def test_dev_in_place_runs_the_sessions_commands(form: str, tmp_path: Path) -> None:
    """What dev_in_place.py runs for each form, seen through stand-ins for the commands
    that record their arguments: the noxfile's sessions, as nox runs them."""
    fakes, record = tmp_path / "bin", tmp_path / "record"
    fakes.mkdir()
    for name in ("constitution", "pytest", "python", "ruff", "mypy"):
        fake = fakes / name
        fake.write_text(
            f"#!{sys.executable}\nimport os, shlex, sys\n"
            "with open(os.environ['RECORD'], 'a') as f:\n"
            "    f.write(shlex.join([os.path.basename(sys.argv[0]), *sys.argv[1:]]) + '\\n')\n",
            encoding="utf-8",
        )
        fake.chmod(0o755)
    for name in ("dev.py", "noxfile.py", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path)
    env = {**os.environ, "RECORD": str(record), "PATH": f"{fakes}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, IN_PLACE, *shlex.split(form)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert record.read_text(encoding="utf-8").splitlines() == FORMS[form]


# --- the fixture repository, and its workflows run on it ------------------------------


def git(where: Path, *args: str) -> None:
    settings = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    settings += ("-c", "commit.gpgsign=false")
    subprocess.run(["git", *settings, *args], cwd=where, check=True, capture_output=True)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def repository(tmp: Path, amend: Callable[[Path], None]) -> Path:
    """The model and the tool's files committed on main and pushed to a bare origin, and
    a pull request's branch with `amend` committed, checked out with origin/main fetched
    (as actions/checkout with fetch-depth 0 leaves it)."""
    repo = tmp / "repo"
    copy_project(repo, versions=True)
    for name in TOOL_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, repo / name)
        else:
            shutil.copy(ROOT / name, repo / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "The model council")
    git(tmp, "clone", "-q", "--bare", "repo", "origin.git")
    git(repo, "remote", "add", "origin", "../origin.git")
    git(repo, "fetch", "-q", "origin")
    git(repo, "checkout", "-q", "-b", "amendment")
    amend(repo)
    git(repo, "commit", "-qam", "An amendment")
    return repo


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An amendment that rewords one (informative) clause: 25.2, MOP-0205."""
    return repository(
        tmp_path_factory.mktemp("good"),
        lambda repo: replace(repo / "protocol/review.md", "only when", "only once"),
    )


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An amendment that cites a clause that does not exist, on line 17 of principles.md."""
    return repository(
        tmp_path_factory.mktemp("bad"),
        lambda repo: replace(
            repo / "protocol/principles.md", "courtesy and respect,", "courtesy ({para}`MOP-0999`),"
        ),
    )


# The github context of each workflow's event: a pull request into main, or a push to
# it (the publish workflow runs on the same checkout, as if the amendment were merged).
EVENTS = {
    "pull_request": {
        "event_name": "pull_request",
        "base_ref": "main",
        "head_ref": "amendment",
        "ref": "refs/pull/1/merge",
    },
    "push": {"event_name": "push", "base_ref": "", "head_ref": "", "ref": "refs/heads/main"},
}
# In a step, `python3 dev.py ARGS` is dev_in_place.py; any other python3 is itself.
PRELUDE = f"""python3() {{
  if [ "$1" = dev.py ]; then shift; {shlex.quote(sys.executable)} {shlex.quote(str(IN_PLACE))} "$@"
  else command python3 "$@"; fi
}}
"""


@dataclass(frozen=True)
class Step:
    status: int
    output: str  # stdout then stderr


@dataclass(frozen=True)
class Job:
    steps: dict[str, Step]  # by name: the steps that ran
    summary: str  # what the steps wrote to GITHUB_STEP_SUMMARY


def expand(text: str, github: dict[str, str]) -> str:
    """GitHub's ${{ github.X }} expressions, from the fake event."""

    def value(match: re.Match[str]) -> str:
        expression = match.group(1).strip()
        key = expression.removeprefix("github.")
        assert key in github, f"no value for ${{{{ {expression} }}}}: add it to EVENTS"
        return github[key]

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


@functools.cache
def run_job(repo: Path, name: str, job_id: str, prelude: str = PRELUDE) -> Job:
    """Run a job's `run:` steps in `repo` as GitHub does: in order, each with
    `bash --noprofile --norc -eo pipefail`, the workflow's, job's and step's env, and a
    failed step skipping the rest but those marked `if: always()`; each step's script
    after ``prelude`` (a council's repository runs its own dev.py). Cached: the tests
    share each run."""
    spec = workflow(repo / ".github" / "workflows" / name)
    (event,) = (e for e in EVENTS if e in spec[True])  # YAML 1.1 reads the key 'on' as true
    github = EVENTS[event]
    job = spec["jobs"][job_id]
    temp = repo.parent / f"runner-{name}-{job_id}"
    temp.mkdir()
    summary = temp / "summary.md"
    summary.touch()
    env = {
        **{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},  # tests' date
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_STEP_SUMMARY": str(summary),
        **{f"GITHUB_{k.upper()}": v for k, v in github.items()},
    }
    ran: dict[str, Step] = {}
    failed = False
    for number, step in enumerate(job["steps"]):
        if "run" not in step or step["run"].strip() == WHOLE_SUITE:
            continue
        condition = step.get("if", "success()")
        assert condition in ("success()", "always()"), f"teach run_job `if: {condition}`"
        assert step.get("shell", "bash") == "bash" and "working-directory" not in step
        if failed and condition != "always()":
            continue
        variables = {**spec.get("env", {}), **job.get("env", {}), **step.get("env", {})}
        script = temp / f"step-{number}.sh"
        script.write_text(prelude + expand(step["run"], github), encoding="utf-8")
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=repo,
            env={**env, **{k: expand(str(v), github) for k, v in variables.items()}},
            capture_output=True,
            text=True,
        )
        failed |= result.returncode != 0
        ran[step.get("name", step["run"])] = Step(result.returncode, result.stdout + result.stderr)
    return Job(ran, summary.read_text(encoding="utf-8"))


def jobs_with_steps_to_run() -> list[tuple[str, str]]:
    return [
        (path.name, job_id)
        for path in WORKFLOWS
        for job_id, job in workflow(path)["jobs"].items()
        if any(s.get("run", WHOLE_SUITE).strip() != WHOLE_SUITE for s in job["steps"])
    ]


@pytest.mark.parametrize(("name", "job_id"), jobs_with_steps_to_run())
def test_every_step_passes_on_a_good_amendment(good: Path, name: str, job_id: str) -> None:
    job = run_job(good, name, job_id)
    assert job.steps, "no step ran"
    for step, result in job.steps.items():
        assert result.status == 0, f"{step}:\n{result.output[-3000:]}"


def test_the_gate_passes_and_the_summary_shows_the_rewording(good: Path) -> None:
    job = run_job(good, "amendment.yml", "gate")
    gate = job.steps["Is the constitution whole?"]
    assert gate.status == 0 and "::error" not in gate.output, gate.output[-3000:]
    assert "| MOP-0205 | 25.2 | 25.2 | reworded |" in job.summary
    assert "~~when~~**once**" in job.summary
    assert "nox >" not in job.summary  # only the Markdown, not nox's log


def test_the_gate_fails_on_a_bad_amendment_with_an_annotation(bad: Path) -> None:
    job = run_job(bad, "amendment.yml", "gate")
    gate = job.steps["Is the constitution whole?"]
    assert gate.status != 0
    annotation = re.search(r"^::error file=([^,]+),line=(\d+),title=([^:]+)::", gate.output, re.M)
    assert annotation is not None, gate.output[-3000:]
    assert annotation.groups() == ("protocol/principles.md", "17", "unknown-clause-ref MOP-0029")
    # `if: always()`: the summary still runs, and says why there are no changes to list.
    assert "protocol/principles.md:17: unknown-clause-ref" in job.summary


def test_the_site_is_built_where_pages_takes_it_from(good: Path) -> None:
    job = run_job(good, "publish.yml", "build")
    assert [s.status for s in job.steps.values()] == [0]
    steps = workflow(good / ".github" / "workflows" / "publish.yml")["jobs"]["build"]["steps"]
    (upload,) = (s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    page = good / upload["with"]["path"] / "draft" / "review.html"
    assert "only once" in page.read_text(encoding="utf-8")
