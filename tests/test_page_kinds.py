"""Page kinds declare what their pages are drawn from (sphinxext/page_kinds.py): a page is
written again when a declared input changes, and reading an undeclared one is an error."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import copy_project
from constitution.build import build_site
from constitution.sphinxext import page_kinds
from constitution.sphinxext.page_kinds import INPUTS, KINDS, PageKind, UndeclaredInput, seen_by
from constitution.sphinxext.state import BuildState, Kept


def a_build() -> BuildState:
    """A state whose every input is a value of its own name, to see which is read."""
    return BuildState(**{name: f"the {name}" for name in INPUTS}, kept=Kept())


def test_a_kind_sees_only_the_inputs_it_declares() -> None:
    kind = PageKind("notices", frozenset({"model"}), lambda app, build: [])
    view = seen_by(a_build(), kind)
    assert view.model == "the model"
    with pytest.raises(UndeclaredInput) as raised:
        _ = view.scenarios
    said = str(raised.value)
    assert "'notices'" in said and "'scenarios'" in said and "page_kinds.KINDS" in said


def test_a_kind_declares_only_inputs_of_a_build() -> None:
    assert {"model", "scenarios", "results", "versions", "council"} <= INPUTS
    assert not INPUTS & {"kept", "generated", "site_key", "drawn"}  # bookkeeping, not inputs
    with pytest.raises(ValueError, match="'notices' depends on weather"):
        PageKind("notices", frozenset({"model", "weather"}), lambda app, build: [])


def test_a_page_is_written_again_when_a_declared_input_changes(tmp_path: Path) -> None:
    """A worked example's title is its kind's input ("scenarios"): changing it rewrites
    that example's page, and a page of another kind that does not read it stays."""
    project = copy_project(tmp_path / "project", versions=True)
    out = tmp_path / "site"
    assert build_site(project, out) == 0
    example, version = out / "checks" / "SC-CAB-001.html", out / "versions" / "index.html"
    before = example.stat().st_ino, version.stat().st_ino
    scenarios = project.checks / "scenarios" / "cabinet.yaml"
    text = scenarios.read_text(encoding="utf-8")
    old = "title: The cabinet member for housing asks the director for a briefing on"
    assert old in text
    scenarios.write_text(text.replace(old, old.replace("housing", "homes"), 1), "utf-8")
    assert build_site(project, out) == 0
    page = (out / "checks" / "SC-CAB-001.html").read_text(encoding="utf-8")
    assert "The cabinet member for homes asks" in page
    after = (out / "checks" / "SC-CAB-001.html").stat().st_ino, version.stat().st_ino
    assert after[0] != before[0] and after[1] == before[1]


def test_a_kind_that_reads_an_undeclared_input_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Each kind's declaration is exact: leave out one input its pages read, and the build
    fails naming the kind and the input instead of leaving stale pages."""
    examples = next(k for k in KINDS if k.name == "worked examples")
    narrower = dataclasses.replace(examples, depends=examples.depends - {"results_run"})
    monkeypatch.setattr(page_kinds, "KINDS", tuple(narrower if k is examples else k for k in KINDS))
    project = copy_project(tmp_path / "project")
    assert build_site(project, tmp_path / "site") != 0
    err = capfd.readouterr().err
    assert "pages of the kind 'worked examples' read 'results_run'" in err
