"""What `constitution check` read, kept between commands (check_cache.py): served again only
for the same input, never in place of a check, and a damaged store is read afresh."""

from __future__ import annotations

import contextlib
import io
import json
import os
import pickle
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import run
from constitution import (
    check_cache,
    cli,
    files,
    model_cache,
    records_aside,
    scenarios,
    source,
    versions,
)
from constitution.project import Project

PARTS = ("sections", "versions", "examples")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each part is read afresh (a section parsed, a folder of records verified, a
    file of worked examples read) by the check below."""
    counted: Counter[str] = Counter()

    def counting(owner: Any, name: str, part: str) -> None:
        real = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counted[part] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    # Counted in this process: records verified in a second one (records_aside.py, tested
    # apart) would count none.
    monkeypatch.setattr(records_aside, "_can_fork", lambda: False)
    counting(source._Reader, "parse_section", "sections")
    counting(versions, "_verified", "versions")
    counting(scenarios._ScenarioReader, "read", "examples")
    return counted


@pytest.fixture(autouse=True)
def gated_before(versioned: Project) -> None:
    """A clone where a gate has run: its first makes only the store's folder (below), and
    the tests here are of the stores every later gate writes and reads."""
    files.private_folder(versioned.root / check_cache.FOLDER)


def check(project: Project, monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, Any]]:
    """`constitution check --format json` as a fresh process runs it: the readers' memories
    empty, so that all it does not read afresh comes from the store."""
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    monkeypatch.setattr(versions, "VERIFIED_RECORDS", {})
    monkeypatch.setattr(versions, "VERIFIED_BYTES", {})
    monkeypatch.setattr(scenarios, "READ_EXAMPLES", {})
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["--project", str(project.root), "check", "--format", "json"])
    return status, json.loads(out.getvalue())


def stored(project: Project, part: str) -> Path:
    return project.root / check_cache.FOLDER / f"{part}.pickle"


def codes(report: dict[str, Any]) -> list[str]:
    return [p["code"] for p in report["problems"]]


def edit(path: Path, old: str, new: str) -> None:
    """Change a file's words keeping its size and times: only its bytes tell."""
    assert len(old) == len(new), "test setup: the edit must keep the file's size"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_second_check_reads_nothing_again(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = check(versioned, monkeypatch)
    assert first[0] == 0 and first[1]["ok"], first
    assert all(reads[part] > 0 for part in PARTS), reads
    assert all(stored(versioned, part).is_file() for part in PARTS)
    reads.clear()
    assert check(versioned, monkeypatch) == first
    assert reads == Counter()


def test_a_clones_first_gate_writes_no_store_and_its_second_does(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI runs one gate a clone: its store would never be read, so the first gate of a
    clone writes none. The next gate writes it, and the one after reads nothing again."""
    (versioned.root / check_cache.FOLDER).rmdir()  # a fresh clone: no _build/.check
    first = check(versioned, monkeypatch)
    assert first[0] == 0 and first[1]["ok"], first
    assert (versioned.root / check_cache.FOLDER).is_dir()
    assert not any(stored(versioned, part).exists() for part in PARTS)
    reads.clear()
    assert check(versioned, monkeypatch) == first
    assert all(reads[part] > 0 for part in PARTS), reads  # nothing stored to read
    assert all(stored(versioned, part).is_file() for part in PARTS)
    reads.clear()
    assert check(versioned, monkeypatch) == first
    assert reads == Counter()


def test_the_command_says_the_same_from_its_store(versioned: Project) -> None:
    first = run(versioned, "check")
    assert first.returncode == 0 and "The constitution is whole." in first.stdout
    written = {part: stored(versioned, part).read_bytes() for part in PARTS}
    second = run(versioned, "check")
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)
    # nothing read afresh, so nothing written again
    assert {part: stored(versioned, part).read_bytes() for part in PARTS} == written


def test_the_store_keeps_which_records_were_verified_not_the_records(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(versioned, monkeypatch)
    verified = [(v.digest, v.path, v.document) for v in versions.VERIFIED_RECORDS["versions"][1]]
    memory = check_cache.load(stored(versioned, "versions"), check_cache._header())
    (pattern, digest), heads = memory["versions"]  # the folder's bytes, verified whole
    assert list(memory) == ["versions"] and pattern == versioned.council().id_pattern.pattern
    assert len(digest) == 64 and [h[5] for h in heads] == [d for d, _, _ in verified]
    assert stored(versioned, "versions").stat().st_size < 2000  # no record, no model
    reads.clear()
    assert check(versioned, monkeypatch)[1]["ok"]
    assert reads["versions"] == 0  # not checked again, and only the latest record read
    served = versions.VERIFIED_RECORDS["versions"][1]
    assert ["document" in v.__dict__ for v in served] == [False, False, True]
    assert [(v.digest, v.path, v.document) for v in served] == verified


def test_an_edit_is_read_afresh_though_its_time_and_size_are_the_same(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(versioned, monkeypatch)
    edit(versioned.protocol / "principles.md", ":applies-to: member", ":applies-to: memzer")
    reads.clear()
    status, report = check(versioned, monkeypatch)
    assert reads == Counter(sections=1)  # the edited section alone
    assert status == 1 and codes(report) == ["unknown-role"]
    assert report["problems"][0]["file"] == "protocol/principles.md"


def test_a_changed_adopted_record_is_verified_again(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(versioned, monkeypatch)
    record = versioned.versions_dir / "2025-05-15.json"
    edit(record, "Members", "Membrs ")
    reads.clear()
    status, report = check(versioned, monkeypatch)
    assert reads["versions"] > 0
    assert status != 0 and "version-tampered" in codes(report)


def test_examples_are_read_afresh_when_what_they_are_checked_against_changes(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files_of_examples = len(versioned.scenario_files())
    check(versioned, monkeypatch)
    changes: list[Callable[[], None]] = [
        # the rules they run (a helper's comment changes nothing else)
        lambda: (versioned.checks / "rules.py").write_text(
            (versioned.checks / "rules.py").read_text(encoding="utf-8") + "# edited\n",
            encoding="utf-8",
        ),
        # the clause IDs they may cite: a paragraph added
        lambda: versioned.protocol.joinpath("principles.md").write_text(
            versioned.protocol.joinpath("principles.md").read_text(encoding="utf-8")
            + "\n```{clause} MOP-0999\n:modality: informative\n\nAdded.\n```\n",
            encoding="utf-8",
        ),
    ]
    for change in changes:
        change()
        reads.clear()
        check(versioned, monkeypatch)
        assert reads["examples"] == files_of_examples


def test_an_edited_example_is_checked_again(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(versioned, monkeypatch)
    path = versioned.scenario_files()[0]
    text = path.read_text(encoding="utf-8")
    edit(path, "\n  facts:", "\n  fakts:")
    assert path.read_text(encoding="utf-8") != text
    reads.clear()
    status, report = check(versioned, monkeypatch)
    assert reads["examples"] == 1
    assert status != 0 and "scenario-field" in codes(report)


def test_problems_are_found_on_every_run(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(versioned.protocol / "principles.md", ":applies-to: member", ":applies-to: memzer")
    first = check(versioned, monkeypatch)
    assert first[0] == 1 and codes(first[1]) == ["unknown-role"]
    reads.clear()
    assert check(versioned, monkeypatch) == first
    assert reads["sections"] == 1  # a section with a problem is never kept


def test_new_settings_read_every_section_afresh(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = check(versioned, monkeypatch)
    sections = reads["sections"]
    edit(versioned.conf / "council.toml", 'name = "Kestrelford', 'name = "Kestrelfort')
    reads.clear()
    assert check(versioned, monkeypatch) == first
    assert reads["sections"] == sections


HEAD = len(check_cache.MAGIC) + check_cache.SUM  # the magic words and the header
ONE = pickle.dumps(1)
DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "cut short": lambda data: data[: len(data) // 2],
    "a byte changed": lambda data: data[:-100] + bytes([data[-100] ^ 1]) + data[-99:],
    "not ours": lambda data: b"garbage" * 100,
    # a good digest of a pickle that is not a reader's memory
    "not a memory": lambda data: data[:HEAD] + check_cache._checksum(ONE) + ONE,
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_store_is_read_afresh_and_written_again(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    first = check(versioned, monkeypatch)
    header = check_cache._header()
    for part in PARTS:
        path = stored(versioned, part)
        path.write_bytes(DAMAGE[damage](path.read_bytes()))
        assert check_cache.load(path, header) == {}
    reads.clear()
    assert check(versioned, monkeypatch) == first
    assert all(reads[part] > 0 for part in PARTS), reads
    assert all(check_cache.load(stored(versioned, part), header) for part in PARTS)


def test_a_store_of_other_code_is_not_read(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = check(versioned, monkeypatch)
    monkeypatch.setattr(model_cache, "code", lambda: b"the tool, changed")
    reads.clear()
    assert check(versioned, monkeypatch) == first
    assert all(reads[part] > 0 for part in PARTS), reads


def test_the_store_is_written_whole_or_not_at_all(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check stopped while it writes its store leaves the store as it was (files.replace
    writes beside it, then renames): the next check reads it, and what changed afresh."""
    check(versioned, monkeypatch)
    before = {part: stored(versioned, part).read_bytes() for part in PARTS}
    section = versioned.protocol / "principles.md"
    section.write_text(section.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    def stopped(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(files.os, "replace", stopped)
        with pytest.raises(KeyboardInterrupt):
            check(versioned, monkeypatch)
    assert {part: stored(versioned, part).read_bytes() for part in PARTS} == before
    reads.clear()
    status, report = check(versioned, monkeypatch)
    assert status == 0 and report["ok"]
    assert reads == Counter(sections=1)  # the store as it was: only the edit read afresh


def test_without_a_place_for_the_store_the_gate_reads_everything(
    versioned: Project, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (versioned.root / check_cache.FOLDER).rmdir()
    (versioned.root / "_build").rmdir()
    (versioned.root / "_build").write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        reads.clear()
        status, report = check(versioned, monkeypatch)
        assert status == 0 and report["ok"]
        assert all(reads[part] > 0 for part in PARTS), reads
