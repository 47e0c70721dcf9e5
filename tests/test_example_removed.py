"""A pull request that deletes a worked example file: each paragraph it leaves with no
example is named with the examples deleted, not called a new paragraph."""

from __future__ import annotations

import json

from conftest import run
from constitution.project import Project


def test_a_deleted_example_file_names_the_examples_it_held(versioned: Project) -> None:
    """Every file of examples deciding 17.2 (MOP-0144, the reply's ten working days) is
    deleted: the paragraphs left with none are named with the examples they lost. (Any
    file alone may be deleted with every paragraph still decided by another's.)"""
    gone = [
        path
        for path in sorted((versioned.checks / "scenarios").glob("*.yaml"))
        if "MOP-0144" in path.read_text(encoding="utf-8")
    ]
    held = {
        line.split(":", 1)[1].strip()
        for path in gone
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("- id:")
    }
    for path in gone:
        path.unlink()
    result = run(versioned, "check", "--format", "json")
    found = json.loads(result.stdout)["problems"]
    left = [p for p in found if p["code"] in ("uncovered", "uncovered-example-removed")]
    assert "MOP-0144" in {p["clause"] for p in left}, left
    for problem in left:
        assert problem["code"] == "uncovered-example-removed", problem
        assert any(example in problem["message"] for example in held), problem
        assert "new paragraph" not in problem["fix"]
