"""A council that changes its ID prefix in conf/council.toml after it has adopted: its
paragraphs' IDs are permanent, so the gate says so once, where the prefix is set."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run
from constitution.document_settings import table_setting_line
from constitution.prefix_change import _adopted
from constitution.project import Project


def _set_prefix(project: Project, prefix: str) -> int:
    settings = project.conf / "council.toml"
    lines = settings.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, raw in enumerate(lines) if raw.startswith("id_prefix"))
    lines[line] = f'id_prefix = "{prefix}"\n'
    settings.write_text("".join(lines), encoding="utf-8")
    return line + 1


def test_a_prefix_changed_after_adoption_is_one_problem_with_its_fix(
    versioned: Project,
) -> None:
    """The model adopted MOP-0001...; a council renaming its prefix to KBC was told that
    every paragraph's ID, and every adopted record's, was malformed (rename them all to
    KBC-, restore the unchanged records from git): advice that breaks every citation."""
    line = _set_prefix(versioned, "KBC")
    result = run(versioned, "check")
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert f"conf/council.toml:{line}: id-prefix-changed" in out
    assert "MOP" in out and 'id_prefix = "MOP"' in out
    assert "clause-id-malformed" not in out and "version-field" not in out
    assert "1 problem(s)" in out
    built = run(versioned, "build", "--out", "_site")
    assert built.returncode != 0 and "id-prefix-changed" in built.stderr
    assert "clause-id-malformed" not in built.stdout + built.stderr


def test_a_prefix_unchanged_is_no_problem(versioned: Project) -> None:
    _set_prefix(versioned, "MOP")
    result = run(versioned, "check")
    assert "id-prefix-changed" not in result.stdout + result.stderr


def test_the_prefix_is_found_in_its_own_table() -> None:
    """A document's entry set above [council] has an id_prefix of its own: the protocol's
    is the one under [council], a document's the one under its own header."""
    text = (
        "[[documents]]\nkey = 'articles'\nid_prefix = 'ART'\n\n"
        "[council]\nname = 'Testshire'\nid_prefix = 'MOP'\n\n"
        "[[documents]]\nkey = 'rules'\n\n[roles]\nid_prefix = 'not a document'\n"
    )
    assert table_setting_line(text, "[council]", "id_prefix") == 7
    assert table_setting_line(text, 1, "id_prefix") == 3
    assert table_setting_line(text, 9, "id_prefix") == 0  # none in its own table


def test_the_prefixes_are_those_of_ids_under_an_id_key(tmp_path: Path) -> None:
    """Read from the newest record's bytes: an ID under an "id" key at any depth counts,
    however the JSON is spaced; one quoted inside a paragraph's words, or ending another
    key, does not."""
    quoted = json.dumps({"text": 'He wrote "id": "OLD-0001" in his note', "id": "MOP-0002"})
    quoted += "," + json.dumps({'his "id': "OLD-0002"})  # a key ending in a quoted id
    (tmp_path / "2020-01-01.json").write_text('{"id": "ZZZ-0001"}', encoding="utf-8")
    (tmp_path / "2021-01-01.json").write_text(
        f'{{"sections":[{{"clauses":[{quoted},{{"id":"MOP-0003"}}]}}],"revoked":[{{"id": ""}}]}}',
        encoding="utf-8",
    )
    assert _adopted(tmp_path) == ("2021-01-01.json", {"MOP"})
    assert _adopted(tmp_path / "none") is None
