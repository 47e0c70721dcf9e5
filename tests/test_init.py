"""constitution init: a council's own repository, whose checks pass from the first commit,
and that says nothing of the model council."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import broken_links

PROTOCOL = """\
Protocol on Member and Officer Relations

1. Introduction

1.1 This protocol guides the relationship between councillors and officers.

1.2 Members and officers must treat one another with respect at all times.

2. Member enquiries

2.1 An officer should answer a member's enquiry within ten working days of receiving it.

2.2 A member may ask the Monitoring Officer for advice about this protocol.

Appendix A - Contacts

The Monitoring Officer is the Head of Legal Services.
"""


def constitution(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constitution", *args], cwd=cwd, capture_output=True, text=True
    )


def council_dev(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The council's own `python3 dev.py ...`, with this Python (which has the tool) in
    place of the .venv it would otherwise make (CONSTITUTION_PYTHON, as a CI image may)."""
    env = {**os.environ, "CONSTITUTION_PYTHON": sys.executable}
    return subprocess.run(
        ["python3", "dev.py", *args], cwd=repo, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("init")
    (where / "ours.txt").write_text(PROTOCOL, encoding="utf-8")
    made = constitution(
        "init", "repo", "--from", "ours.txt", "--council", "Testshire County Council",
        "--prefix", "TCC", "--part", "Part 5.2", "--base-url", "https://testshire.example/c/",
        cwd=where,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "4 paragraph(s), 3 of them rule-bearing" in made.stdout
    return where / "repo"


def test_the_council_repository_passes_its_own_test_command(repo: Path) -> None:
    result = council_dev(repo, "test")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "3 not yet covered, as listed in checks/uncovered.toml" in result.stdout
    assert "no worked examples yet" in result.stderr
    home = (repo / "_build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Testshire County Council" in home and "Part 5.2" in home
    # the appendix, left out of the protocol, is a page of the site's own
    appendix = (repo / "_build" / "site" / "appendix-a-contacts.html").read_text(encoding="utf-8")
    assert "The Monitoring Officer is the Head of Legal Services." in appendix


def test_every_link_of_the_councils_site_leads_to_a_page(repo: Path) -> None:
    """The site's own links (menus, footer, generated pages) need pages the council's
    repository has: none may lead to a page only the model's site holds."""
    site = repo / "_build" / "site"
    if not site.is_dir():  # built by the test command's test, when run alone
        assert council_dev(repo, "build").returncode == 0
    assert broken_links(site) == []


def test_it_holds_content_and_settings_not_the_tool(repo: Path) -> None:
    names = {p.relative_to(repo).as_posix() for p in repo.rglob("*") if "_build" not in p.parts}
    assert {"conf/council.toml", "conf/conf.py", "protocol/index.md", "checks/rules.yaml"} <= names
    assert {".github/workflows/amendment.yml", ".github/workflows/publish.yml"} <= names
    assert not [n for n in names if n.startswith(("src/", "tests/")) or n == "noxfile.py"]
    requirement = (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert requirement.startswith("council-constitution==")
    # Nothing of the model council: not its name, its prefix or its site.
    for name in names:
        path = repo / name
        if path.is_file() and not path.is_symlink():
            text = path.read_text(encoding="utf-8")
            assert "Kestrelford" not in text and "kestrelford" not in text, name
            assert "MOP-" not in text, name


def test_any_command_runs_through_the_councils_dev_py(repo: Path) -> None:
    assert council_dev(repo, "next-id").stdout.strip() == "TCC-0005"
    listed = council_dev(repo, "check", "--format", "json")
    assert listed.returncode == 0 and '"baselined": 3' in listed.stdout


def test_without_a_protocol_it_starts_one(tmp_path: Path) -> None:
    made = constitution("init", "repo", "--council", "Testshire County Council", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert council_dev(tmp_path / "repo", "check").returncode == 0


def test_it_writes_nothing_into_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "notes.txt").write_text("mine", encoding="utf-8")
    refused = constitution("init", "repo", "--council", "Testshire", cwd=tmp_path)
    assert refused.returncode == 2 and "init-not-empty" in refused.stderr  # used wrongly
    assert [p.name for p in (tmp_path / "repo").iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_from_nothing_but_python_the_council_repository_installs_and_passes(
    tmp_path: Path,
) -> None:
    """The council's dev.py as a newcomer runs it: it makes .venv, installs the pinned
    tool (here a wheel of this checkout, as no package index carries it yet; its
    dependencies from the index, pinned as ours are) and runs the checks."""
    root = Path(__file__).resolve().parent.parent
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(root)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (tmp_path / "ours.txt").write_text(PROTOCOL, encoding="utf-8")
    made = constitution("init", "repo", "--from", "ours.txt", "--council", "T", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    links = " ".join(filter(None, [str(wheels), os.environ.get("PIP_FIND_LINKS")]))
    env = {**os.environ, "PIP_FIND_LINKS": links, "PIP_CONSTRAINT": str(root / "constraints.txt")}
    env.pop("CONSTITUTION_PYTHON", None)
    result = subprocess.run(
        ["python3", "dev.py", "test"],
        cwd=tmp_path / "repo",
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "installing the constitution tool into .venv" in result.stderr
    assert (tmp_path / "repo" / ".venv" / "installed-requirements.txt").is_file()
    assert (tmp_path / "repo" / "_build" / "site" / "index.html").is_file()
