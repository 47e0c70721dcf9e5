"""Shared fixtures: the real project, throwaway copies of it, and a built site."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from constitution.build import build_site
from constitution.model import Document
from constitution.project import Project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def document(project: Project) -> Document:
    return project.document()


def copy_project(dest: Path) -> Project:
    """A copy of the content and configuration that a test may break freely."""
    for part in ("conf", "protocol", "docs", "checks"):
        shutil.copytree(ROOT / part, dest / part, symlinks=True)
    return Project(dest)


@pytest.fixture
def scratch(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project")


class Site:
    """A built site, read back as parsed pages."""

    def __init__(self, out: Path) -> None:
        self.out = out

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / name).read_text(encoding="utf-8"), "html.parser")

    def needs(self) -> dict[str, dict[str, object]]:
        data = json.loads((self.out / "needs.json").read_text(encoding="utf-8"))
        needs: dict[str, dict[str, object]] = data["versions"][""]["needs"]
        return needs


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Site:
    out = tmp_path_factory.mktemp("site") / "html"
    assert build_site(project, out) == 0
    return Site(out)


@pytest.fixture
def build(tmp_path: Path) -> Callable[[Project], Site]:
    def run(project: Project) -> Site:
        out = tmp_path / "out"
        assert build_site(project, out) == 0
        return Site(out)

    return run
