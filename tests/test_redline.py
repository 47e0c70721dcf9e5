"""Redlines: clauses matched by ID, word-level diffs, renumbering; git refs as versions."""

from __future__ import annotations

import json
import subprocess
import sys

from constitution.project import Project
from constitution.redline import compare, word_diff


def test_word_diff_keeps_every_word() -> None:
    runs = word_diff("may suggest a change now", "may propose an amendment now")
    assert "".join(t for op, t in runs if op != "+") == "may suggest a change now"
    assert "".join(t for op, t in runs if op != "-") == "may propose an amendment now"
    assert ("-", "suggest") in runs and ("+", "propose") in runs


def test_a_version_against_itself_is_empty(document: object) -> None:
    assert compare(document, document) == []  # type: ignore[arg-type]


def test_insertion_rewording_and_revocation(scratch: Project) -> None:
    before = scratch.document()
    path = scratch.protocol / "review.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("propose an amendment", "put forward a change")
    text = text.replace(
        "```{clause} MOP-0205",
        "```{clause} MOP-0300\n:modality: informative\n\nNew words.\n```\n\n```{clause} MOP-0205",
    )
    start = text.index("```{clause} MOP-0206")
    end = text.index("```{clause} MOP-0207")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    changes = {
        (c.kind, c.id, c.old_number, c.new_number) for c in compare(before, scratch.document())
    }
    assert changes == {
        ("inserted", "MOP-0300", "", "25.2"),
        ("renumbered", "MOP-0205", "25.2", "25.3"),
        ("revoked", "MOP-0206", "25.3", ""),
        ("reworded", "MOP-0207", "25.4", "25.4"),
    }


def git(project: Project, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project.root, check=True, capture_output=True)


def test_redline_from_a_git_ref_as_json_and_markdown(scratch: Project) -> None:
    git(scratch, "init", "-q")
    git(scratch, "add", "-A")
    git(scratch, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    path = scratch.protocol / "review.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "propose an amendment", "put forward an amendment"
        ),
        encoding="utf-8",
    )
    run = [sys.executable, "-m", "constitution", "redline", "HEAD", "draft", "--format"]
    out = subprocess.run([*run, "json"], cwd=scratch.root, capture_output=True, text=True)
    (change,) = json.loads(out.stdout)["changes"]
    assert (change["kind"], change["id"], change["old_number"]) == ("reworded", "MOP-0207", "25.4")
    assert ["-", "propose"] in change["diff"] and ["+", "put forward"] in change["diff"]
    md = subprocess.run([*run, "markdown"], cwd=scratch.root, capture_output=True, text=True)
    assert "| MOP-0207 | 25.4 | 25.4 | reworded |" in md.stdout
    assert "~~propose~~**put forward**" in md.stdout


def test_unknown_ref_is_a_clear_error(project: Project) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "constitution", "redline", "no-such-ref", "draft"],
        cwd=project.root,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "cannot read the protocol at 'no-such-ref'" in out.stderr
