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


def test_words_between_paragraphs_that_change_are_shown_where_they_stand(
    scratch: Project,
) -> None:
    """A sub-heading added, closing words reworded, and words that stay in place when a
    paragraph is inserted before them or the paragraph before them is revoked: only what
    changed is shown, after where it stands, and no paragraph's change is invented."""
    from constitution.redline import as_text, between_words, words_changes

    path = scratch.protocol / "review.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("```{clause} MOP-0206")
    path.write_text(
        text[:start] + "Words over 25.3.\n\n" + text[start:] + "\nAny breach is reported.\n",
        encoding="utf-8",
    )
    before = scratch.document()
    review = next(s for s in before.sections if s.slug == "review")
    assert between_words(review, before) == (
        "before 25.3: Words over 25.3.\nat the end: Any breach is reported."
    )
    # a paragraph inserted before the words, the one before them revoked: they stay put
    text = path.read_text(encoding="utf-8")
    start, end = text.index("```{clause} MOP-0205"), text.index("Words over")
    inserted = "```{clause} MOP-0300\n:modality: informative\n\nNew words.\n```\n\n"
    text = text[:start] + inserted + text[end:]
    text = text.replace("Any breach is reported.", "## Breaches\n\nAny breach is reported soon.")
    path.write_text(text, encoding="utf-8")
    after = scratch.document()
    assert [w.before for w in next(s for s in after.sections if s.slug == "review").between] == [
        "MOP-0206",
        "",
        "",
    ]
    (change,) = words_changes(before, after)
    assert (change.section, change.number) == ("review", "25")
    shown = as_text(compare(before, after), before, after, "paragraph {number}")
    assert "Words between the paragraphs of section 25 changed" in shown
    assert "before 25.3: Words over 25.3." in shown  # unchanged: the same place
    assert "{+## Breaches" in shown and "[-reported.-]{+reported soon.+}" in shown
    assert words_changes(after, after) == []
