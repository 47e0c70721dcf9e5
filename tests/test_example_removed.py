"""A pull request that deletes a worked example file: each paragraph it leaves with no
example is named with the examples deleted, not called a new paragraph."""

from __future__ import annotations

import json

from conftest import run
from constitution.project import Project


def test_a_deleted_example_file_names_the_examples_it_held(versioned: Project) -> None:
    path = versioned.checks / "scenarios" / "enquiries.yaml"
    held = {
        line.split(":", 1)[1].strip()
        for line in path.read_text().splitlines()
        if line.startswith("- id:")
    }
    path.unlink()
    result = run(versioned, "check", "--format", "json")
    found = json.loads(result.stdout)["problems"]
    left = [p for p in found if p["code"] in ("uncovered", "uncovered-example-removed")]
    assert left, "deleting enquiries.yaml leaves some paragraph with no example"
    for problem in left:
        assert problem["code"] == "uncovered-example-removed", problem
        assert any(example in problem["message"] for example in held), problem
        assert "new paragraph" not in problem["fix"]
