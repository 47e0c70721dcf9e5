"""The model kept between builds: reused only while every input is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_a_damaged_cache_is_read_afresh(tmp_path: Path) -> None:
    keep = tmp_path / "cache"
    assert cached(keep, "model", [], lambda: 1) == 1
    (keep / "model.pickle").write_bytes(b"not a pickle")
    assert cached(keep, "model", [], lambda: 2) == 2


def test_bad_input_is_never_kept(tmp_path: Path) -> None:
    keep = tmp_path / "cache"
    assert cached(keep, "model", [], lambda: "good") == "good"

    def bad() -> str:
        raise ProtocolError([Problem("protocol/x.md", 3, "clause-empty", "empty", "fill it")])

    with pytest.raises(ProtocolError):
        cached(keep, "model", [], bad, extra="changed")
    with pytest.raises(ProtocolError):  # reported again, not served from the cache
        cached(keep, "model", [], bad, extra="changed")
