"""Problems an editor can act on: where, what is wrong, and how to fix it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the sources, located precisely enough to fix."""

    file: str
    line: int
    code: str
    message: str
    fix: str
    clause: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        about = f" [{self.clause}]" if self.clause else ""
        return f"{where}: {self.code}{about}: {self.message}\n    How to fix: {self.fix}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class ProtocolError(Exception):
    """The sources cannot be used as they are; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def read_toml(path: Path, shown: str, code: str) -> dict[str, Any]:
    """A TOML file's tables; FileNotFoundError if absent; a located ProtocolError if not
    valid TOML (or not UTF-8)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise not_toml(shown, code, exc) from None
    return parse_toml(text, shown, code)


def parse_toml(text: str, shown: str, code: str) -> dict[str, Any]:
    """TOML text's tables (from a file or from git), or a located ProtocolError."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise not_toml(shown, code, exc) from None


def not_toml(shown: str, code: str, exc: Exception) -> ProtocolError:
    line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 0
    return ProtocolError(
        [
            Problem(
                shown, line, code, f"not valid TOML: {exc}", "Correct the TOML syntax at that line."
            )
        ]
    )
