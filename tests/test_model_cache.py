"""The model kept between builds: reused only while every input is unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from constitution import model_cache
from constitution.model_cache import cached
from constitution.problems import Problem, ProtocolError


def test_reused_until_an_input_changes(tmp_path: Path) -> None:
    source = tmp_path / "section.md"
    source.write_text("one", encoding="utf-8")
    calls: list[str] = []

    def read() -> str:
        calls.append("read")
        return source.read_text(encoding="utf-8")

    keep = tmp_path / "cache"
    assert cached(keep, "model", [source], read) == "one"
    assert cached(keep, "model", [source], read) == "one"
    assert calls == ["read"]
    source.write_text("two", encoding="utf-8")
    assert cached(keep, "model", [source], read) == "two"
    assert cached(keep, "model", [source], read, extra="other IDs") == "two"
    assert calls == ["read"] * 3


def test_a_damaged_cache_is_read_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keep = tmp_path / "cache"
    assert cached(keep, "model", [], lambda: 1) == 1
    (keep / "model.pickle").write_bytes(b"not a pickle")
    monkeypatch.setattr(model_cache, "_KEPT", {})  # as a new process finds it
    assert cached(keep, "model", [], lambda: 2) == 2


def test_a_file_changed_within_a_clock_tick_is_known_by_its_digest(tmp_path: Path) -> None:
    # Two saves so close that the file's time and size are the same: the part kept in
    # memory must not be served for the second.
    source = tmp_path / "section.md"
    source.write_text("one", encoding="utf-8")
    times = source.stat().st_atime_ns, source.stat().st_mtime_ns
    keep = tmp_path / "cache"
    assert cached(keep, "model", [source], lambda: source.read_text(encoding="utf-8")) == "one"
    source.write_text("two", encoding="utf-8")
    os.utime(source, ns=times)
    assert cached(keep, "model", [source], lambda: source.read_text(encoding="utf-8")) == "two"


def test_a_settled_file_is_known_in_memory_by_its_time_and_size(tmp_path: Path) -> None:
    source = tmp_path / "section.md"
    source.write_text("one", encoding="utf-8")
    os.utime(source, ns=(0, 1_000_000_000))  # long settled
    keep = tmp_path / "cache"

    def read() -> str:
        return source.read_text(encoding="utf-8")

    assert cached(keep, "model", [source], read) == "one"
    (keep / "model.pickle").unlink()  # not needed: the copy in memory serves
    assert cached(keep, "model", [source], read) == "one"
    source.write_text("two", encoding="utf-8")
    os.utime(source, ns=(0, 2_000_000_000))
    assert cached(keep, "model", [source], read) == "two"


def test_bad_input_is_never_kept(tmp_path: Path) -> None:
    keep = tmp_path / "cache"
    assert cached(keep, "model", [], lambda: "good") == "good"

    def bad() -> str:
        raise ProtocolError([Problem("protocol/x.md", 3, "clause-empty", "empty", "fill it")])

    with pytest.raises(ProtocolError):
        cached(keep, "model", [], bad, extra="changed")
    with pytest.raises(ProtocolError):  # reported again, not served from the cache
        cached(keep, "model", [], bad, extra="changed")
