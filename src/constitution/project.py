"""Where a project's parts live, found from any directory inside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from constitution.council import Council, load_council
from constitution.model import Document
from constitution.source import read_protocol


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest directory at or above ``start`` holding conf/council.toml."""
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / "conf" / "council.toml").is_file():
                return cls(candidate)
        raise FileNotFoundError(
            f"no conf/council.toml in {here} or any folder above it: run this inside "
            "a council-constitution project"
        )

    @property
    def conf(self) -> Path:
        return self.root / "conf"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def protocol(self) -> Path:
        return self.root / "protocol"

    def council(self) -> Council:
        return load_council(self.conf / "council.toml")

    def document(self) -> Document:
        return read_protocol(self.protocol, self.council())
