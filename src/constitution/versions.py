"""Adopted versions: frozen records of what Council adopted, when, and by which resolution.

Each record (versions/YYYY-MM-DD.json) holds every clause as adopted and a digest over
its canonical content and the previous record's digest, so the records form a chain:
changing any adopted word, or removing a version, breaks it. Records are written by
``constitution adopt`` only, never by hand, and verified on every build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from constitution import files
from constitution.model import Clause, Document, Section
from constitution.problems import Problem, ProtocolError

FIELDS = (
    "id",
    "number",
    "text",
    "modality",
    "applies_to",
    "statutes",
    "tags",
    "defines",
    "source_number",
)


@dataclass(frozen=True)
class Version:
    date: dt.date  # adopted on
    in_force: dt.date
    resolution: str
    source_commit: str
    previous: str | None
    digest: str
    document: Document
    path: str

    @property
    def key(self) -> str:
        return self.date.isoformat()


def canonical(record: dict[str, Any]) -> bytes:
    """The bytes the digest covers: everything but the digest, in one fixed form."""
    body = {k: v for k, v in record.items() if k != "digest"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def record_of(
    document: Document,
    adopted: dt.date,
    in_force: dt.date,
    resolution: str,
    commit: str,
    previous: str | None,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "format": 1,
        "adopted": adopted.isoformat(),
        "in_force": in_force.isoformat(),
        "resolution": resolution,
        "source_commit": commit,
        "previous_digest": previous,
        "title": document.title,
        "sections": [
            {
                "slug": s.slug,
                "number": s.number,
                "title": s.title,
                "clauses": [{f: _plain(getattr(c, f)) for f in FIELDS} for c in s.clauses],
            }
            for s in document.sections
        ],
    }
    record["digest"] = hashlib.sha256(canonical(record)).hexdigest()
    return record


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _fields(clause: dict[str, Any]) -> dict[str, Any]:
    return {f: tuple(clause[f]) if isinstance(clause[f], list) else clause[f] for f in FIELDS}


def document_of(record: dict[str, Any], path: str) -> Document:
    sections = []
    for s in record["sections"]:
        clauses = tuple(
            Clause(**_fields(c), section=s["slug"], path=path, line=0) for c in s["clauses"]
        )
        sections.append(Section(s["slug"], s["number"], s["title"], path, clauses))
    return Document(record["title"], tuple(sections))


def load_versions(folder: Path) -> list[Version]:
    """Every adopted version, oldest first, each digest and the chain verified."""
    versions: list[Version] = []
    problems: list[Problem] = []
    previous = None
    for path in sorted(folder.glob("*.json")):
        shown = f"versions/{path.name}"
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            digest = hashlib.sha256(canonical(record)).hexdigest()
            date = dt.date.fromisoformat(record["adopted"])
            if path.stem != record["adopted"]:
                raise ValueError(
                    f"the file name says {path.stem} but the record says {record['adopted']}"
                )
            if digest != record["digest"]:
                problems.append(
                    Problem(
                        shown,
                        0,
                        "version-tampered",
                        "the record's digest does not match its content: it was "
                        "changed after adoption.",
                        "Restore the file from git history; adopted text is "
                        "changed only by adopting a new version.",
                    )
                )
                continue
            if record["previous_digest"] != previous:
                problems.append(
                    Problem(
                        shown,
                        0,
                        "version-chain",
                        "the record does not follow the previous adopted version "
                        "(a version is missing or out of order).",
                        "Restore the missing record from git history.",
                    )
                )
            versions.append(
                Version(
                    date,
                    dt.date.fromisoformat(record["in_force"]),
                    record["resolution"],
                    record["source_commit"],
                    record["previous_digest"],
                    digest,
                    document_of(record, shown),
                    shown,
                )
            )
            previous = digest
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            problems.append(
                Problem(
                    shown,
                    0,
                    "version-unreadable",
                    f"the record cannot be read: {exc}.",
                    "Restore the file from git history.",
                )
            )
    if problems:
        raise ProtocolError(problems)
    return versions


def in_force_on(versions: list[Version], day: dt.date) -> Version | None:
    """The version in force on ``day``: the latest whose in-force date has come."""
    current = [v for v in versions if v.in_force <= day]
    return max(current, key=lambda v: v.in_force) if current else None


def head_commit(root: Path) -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, check=True, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not in git"


def adopt(
    folder: Path,
    root: Path,
    document: Document,
    adopted: dt.date,
    in_force: dt.date,
    resolution: str,
) -> Path:
    """Write the record of a newly adopted version; refuse anything out of order."""
    versions = load_versions(folder)
    path = folder / f"{adopted.isoformat()}.json"
    fix_date = "Give the date Council adopted it, after the last adopted version."
    if versions and adopted <= versions[-1].date:
        raise ProtocolError(
            [
                Problem(
                    path.name,
                    0,
                    "adopt-date",
                    f"{adopted} is not after the last adopted version ({versions[-1].date}).",
                    fix_date,
                )
            ]
        )
    if path.exists():
        raise ProtocolError(
            [
                Problem(
                    path.name,
                    0,
                    "adopt-exists",
                    "a version adopted on that day is already recorded.",
                    fix_date,
                )
            ]
        )
    if in_force < adopted:
        raise ProtocolError(
            [
                Problem(
                    path.name,
                    0,
                    "adopt-date",
                    "it cannot come into force before it is adopted.",
                    "Give an --in-force date on or after --date.",
                )
            ]
        )
    if not resolution.strip():
        raise ProtocolError(
            [
                Problem(
                    path.name,
                    0,
                    "adopt-resolution",
                    "the resolution is empty.",
                    'Quote the minuted resolution, e.g. "Minute 42(b)".',
                )
            ]
        )
    record = record_of(
        document,
        adopted,
        in_force,
        resolution.strip(),
        head_commit(root),
        versions[-1].digest if versions else None,
    )
    folder.mkdir(exist_ok=True)
    files.replace(path, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return path
