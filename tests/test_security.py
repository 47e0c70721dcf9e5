"""The security review's probes (issue 24) that do not fit the bad-inputs table: a hostile
site build, caches another user could plant, formulas in the open data, and the
workflows. Adopted records' probes are in test_bad_inputs.py's catalogue."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Site, copy_project
from constitution import model_cache
from constitution.build import build_site
from constitution.council import Statute
from constitution.export import FORMULA, _cell, to_csv
from constitution.files import private_folder
from constitution.model import Document
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.sphinxext import csp
from constitution.text_html import Links, html
from constitution.text_tree import parse

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
STYLE = "body{display:none}"
# Each text setting, holding markup that would act if drawn raw.
HOSTILE = {
    'name = "Kestrelford Borough Council"': 'name = "Kestrelford <script>x()</script>Council"',
    'document = "Protocol on Member/Officer Relations"': (
        f'document = "Protocol<style>{STYLE}</style><meta http-equiv=refresh content=0>"'
    ),
    'citation = "Member/Officer Protocol"': 'citation = "<b>Cite</b> Protocol"',
    'part = "Part 5.3"': 'part = "<i>Part</i> 5.3"',
    'member = "Members (councillors)"': 'member = "<u>Members</u>"',
    'title = "Localism Act 2011, section 27 (duty to promote and maintain high standards)"': (
        'title = "<s>Localism</s> [x](https://evil.example/) Act"'
    ),
}
RAW = ("<script>x()", f"<style>{STYLE}", "<meta http-equiv=refresh", "<b>Cite", "<i>Part", "<u>Mem",
       "<s>Local")  # fmt: skip


class Planted:
    """A pickle that, when loaded, leaves a file behind: the proof that it ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, project: Project) -> tuple[Site, Path]:
    """A site built from hostile settings, with a pickle planted in a work area that any
    user could write to. Returns the site and the file the pickle would write."""
    tmp = tmp_path_factory.mktemp("hostile")
    scratch = copy_project(tmp / "project")
    shutil.copytree(project.versions_dir, scratch.versions_dir)
    conf = scratch.conf / "council.toml"
    text = conf.read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    conf.write_text(text, encoding="utf-8")
    out, marker = tmp / "out", tmp / "pickle-ran"
    work = tmp / ".out.work"
    doctrees = work / "doctrees"
    for where in (doctrees / "environment.pickle", doctrees / "constitution" / "model.pickle"):
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_bytes(pickle.dumps(Planted(marker)))
    for folder in (work, doctrees, doctrees / "constitution"):
        folder.chmod(0o777)
    assert build_site(scratch, out) == 0
    return Site(out), marker


def test_no_setting_is_drawn_as_markup(hostile: tuple[Site, Path]) -> None:
    site, _ = hostile
    pages = sorted(site.out.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = [raw for raw in RAW if raw in html]
        assert not found, f"{page.relative_to(site.out)} draws {found} raw"
    home = site.page("index.html")
    assert "Kestrelford <script>x()</script>Council" in home.get_text()  # shown as text
    assert "<b>Cite</b> Protocol" in site.page("draft/principles.html").get_text()


def test_the_policy_blesses_no_style_from_settings(hostile: tuple[Site, Path]) -> None:
    site, _ = hostile
    for name in ("index.html", "draft/principles.html", "versions/index.html", "404.html"):
        policy = site.page(name).select_one('meta[http-equiv="Content-Security-Policy"]')
        assert policy is not None
        assert csp.digest(STYLE) not in policy["content"], name


def test_a_style_outside_the_theme_is_never_hashed() -> None:
    theme = "\n  body {\n    --color: #fff;\n  }\n"
    styles = f'<link rel="stylesheet" href="furo.css">\n<style>{theme}</style>'
    policy = csp.policy(styles, {"display: none;"})
    assert csp.digest(theme) in policy and csp.digest("display: none;") in policy
    assert policy.count("'sha256-") == 2 and "'unsafe-hashes'" in policy
    assert "'unsafe-hashes'" not in csp.policy(styles, ())


def test_a_page_s_policy_hashes_the_style_attributes_of_its_own_templates(site: Site) -> None:
    """Only those its templates write (csp.Templates.style_attributes): furo's icons on
    every page, the index's table widths on the index alone."""

    def policy(name: str) -> str:
        found = site.page(name).select_one('meta[http-equiv="Content-Security-Policy"]')
        assert found is not None, name
        return str(found["content"])

    home, index = policy("index.html"), policy("genindex.html")
    for style in ("display: none;", "opacity: 50%"):
        assert csp.digest(style) in home and csp.digest(style) in index
    for style in ("width: 100%", "width: 33%; vertical-align: top;"):
        assert csp.digest(style) in index and csp.digest(style) not in home
    assert "unsafe-inline" not in home + index


def test_a_pickle_planted_in_the_work_area_never_runs(hostile: tuple[Site, Path]) -> None:
    _, marker = hostile
    assert not marker.exists()


@pytest.mark.parametrize("mode", [0o777, 0o755])  # others may write; came with a clone
def test_a_cache_folder_not_made_private_is_emptied_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    keep, marker = tmp_path / "cache", tmp_path / "ran"
    keep.mkdir()
    key = model_cache.digest([])
    (keep / "model.pickle").write_bytes(pickle.dumps((key, Planted(marker))))
    keep.chmod(mode)
    monkeypatch.setattr(model_cache, "_KEPT", {})  # as a new process finds it
    assert model_cache.cached(keep, "model", [], lambda: "fresh") == "fresh"
    assert not marker.exists()
    assert keep.stat().st_mode & 0o777 == 0o700


def test_a_work_area_that_is_a_link_is_refused(scratch: Project, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / ".site.work").symlink_to(elsewhere)
    with pytest.raises(ProtocolError, match="work-area-unsafe"):
        build_site(scratch, tmp_path / "site")
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "build", "--out", str(tmp_path / "site")],
        cwd=scratch.root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "How to fix: Remove it" in result.stderr  # cannot run


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a folder to another user")
def test_a_work_area_another_user_owns_is_refused(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    os.chown(theirs, 65534, 65534)
    with pytest.raises(ProtocolError, match="belongs to another user"):
        private_folder(theirs)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_begin_a_formula_begins_with_a_quote(start: str) -> None:
    assert _cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"
    assert _cell("A member may ask") == "A member may ask" and _cell(3) == 3


def test_clauses_csv_runs_no_formula(scratch: Project) -> None:
    path = scratch.protocol / "principles.md"
    text = path.read_text(encoding="utf-8")
    formula = '=HYPERLINK("https://evil.example/","Principles")'
    path.write_text(text.replace("# Principles", f"# {formula}", 1), encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(to_csv(scratch.document()))))
    assert f"'{formula}" in {r["section_title"] for r in rows}
    assert not any(v.startswith(FORMULA) for r in rows for v in r.values())


def test_the_open_data_page_says_how_cells_are_written() -> None:
    page = (ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")
    assert "begins\nwith a single quote (`'`) instead" in page


def test_a_statute_title_is_text_on_version_pages(document: Document) -> None:
    title = "<s>Act</s> [x](https://evil.example/)"
    statutes = {"act": Statute("act", title, "https://a.b/")}
    links = Links(document, statutes, lambda clause: "", iter(range(1, 9)))
    drawn = html(parse("Under {statute}`act`."), links)
    assert "<s>" not in drawn and 'evil.example/"' not in drawn and "&lt;s&gt;Act" in drawn


def test_actions_are_pinned_by_commit_and_keep_no_credentials() -> None:
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for line in re.findall(r"uses: (.*)", text):
            assert re.fullmatch(r"[\w/-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line
        for job in yaml.safe_load(text)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_a_new_adoption_passes_the_base_check(scratch: Project, project: Project) -> None:
    shutil.copytree(project.versions_dir, scratch.versions_dir)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args]
        subprocess.run(git, cwd=scratch.root, check=True, capture_output=True)

    def constitution(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "constitution", *args]
        return subprocess.run(command, cwd=scratch.root, capture_output=True, text=True)

    adopted = constitution("adopt", "--date", "2027-05-13", "--resolution", "Minute 7")
    assert adopted.returncode == 0, adopted.stderr
    checked = constitution("check", "--format", "json", "--base", "HEAD")
    assert checked.returncode == 0, checked.stdout
    assert json.loads(checked.stdout)["ok"] is True
