"""Problems an editor can act on: where, what is wrong, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass


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
