"""The changelog a council reads before raising its pin: the version installed is one of
its headings, the same in pyproject.toml as the tool says, and newer versions first."""

from __future__ import annotations

import re
import tomllib

from packaging.version import Version

from conftest import ROOT
from constitution import __version__


def headings() -> list[str]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## (\S+)", text, re.MULTILINE)


def test_the_version_is_one_and_the_changelog_names_it() -> None:
    """A release raises the version in pyproject.toml and the package together, and
    gives it the changelog's entries: a version no heading names tells a council nothing."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    listed = headings()
    assert listed[0] == "Unreleased" and __version__ in listed
    versions = [Version(v) for v in listed[1:]]
    assert versions == sorted(versions, reverse=True) and listed[1] == __version__
