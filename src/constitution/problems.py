"""Problems an editor can act on: where, what is wrong, and how to fix it; and the one
way each output format prints them (every command uses these)."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from constitution.codes import CATALOGUE, Kind


def command() -> str:
    """How whoever reads a fix runs the tool: `constitution`, or what the repository's
    dev.py sets (a council's repository runs `python3 dev.py confirm ...`)."""
    return os.environ.get("CONSTITUTION_COMMAND") or "constitution"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the sources, located precisely enough to fix. Made with
    ``Problem.of`` from the catalogue (codes.py), which holds its words and exit class."""

    file: str
    line: int
    code: str
    message: str
    fix: str
    clause: str = ""

    def __post_init__(self) -> None:
        kind(self.code)

    @classmethod
    def of(cls, file: str, line: int, code: str, clause: str = "", **fields: object) -> Problem:
        """The problem ``code`` at ``file``:``line``, its templates filled from ``fields``."""
        given = {"file": file, "line": line, "clause": clause, "command": command(), **fields}
        entry = kind(code)
        message, fix = entry.message.format(**given), entry.fix.format(**given)
        return cls(file, line, code, message, fix, clause)

    @property
    def exit(self) -> int:
        """1: for the editor to fix; 2: the input cannot be read, or the command was
        used wrongly."""
        return kind(self.code).exit

    def said(self, between: str = "\n    ") -> str:
        """Its code, clause, message and fix, as every output gives them."""
        about = f" [{self.clause}]" if self.clause else ""
        return f"{self.code}{about}: {self.message}{between}How to fix: {self.fix}"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.said()}" if where else self.said()

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def kind(code: str) -> Kind:
    """The catalogue's entry for ``code``; an unknown code cannot be made."""
    if code not in CATALOGUE:
        raise ValueError(f"problem code {code!r} is not in the catalogue (codes.py)")
    return CATALOGUE[code]


class ProtocolError(Exception):
    """The sources cannot be used as they are; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def status(problems: Iterable[Problem]) -> int:
    """The exit status problems give: 0 for none, else the gravest one's class."""
    return max((p.exit for p in problems), default=0)


# The output formats: each prints every problem of every command the same way.


def as_text(problems: Iterable[Problem]) -> str:
    return "\n".join(map(str, problems))


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def as_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands: an annotation on each problem's file and line
    (paths are relative to the project's root, which is the repository's)."""
    lines = []
    for p in problems:
        props = f"file={_escape(p.file, True)}"
        if p.line:
            props += f",line={p.line}"
        title = _escape(f"{p.code} {p.clause}".strip(), True)
        lines.append(
            f"::error {props},title={title}::{_escape(p.message + ' How to fix: ' + p.fix)}"
        )
    return "\n".join(lines)


def as_json(problems: Iterable[Problem]) -> list[dict[str, object]]:
    keys = ("code", "file", "line", "clause", "message", "fix")
    return [{k: getattr(p, k) for k in keys} for p in problems]


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
    return ProtocolError([Problem.of(shown, line, code, error=exc)])
