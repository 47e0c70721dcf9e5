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
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from constitution import files
from constitution.model import MODALITIES, Clause, Document, Section
from constitution.problems import Problem, ProtocolError
from constitution.source import cited_ids

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


# A record is read only after every field has its shape: its fields become pages,
# file names and links, so one that could hold markup or a path is refused, not drawn.
Wrong = list[tuple[str, str]]  # (field, what is wrong with it)
Check = Callable[[object, str], Wrong]
LINE = re.compile(r"[^\x00-\x1f\x7f]*")  # one line of text: no control characters
LINES = re.compile(r"[^\x00-\x09\x0b-\x1f\x7f]*")  # text of several lines
HEX = re.compile(r"[0-9a-f]{64}")


def _rule(ok: Callable[[Any], bool], wrong: str) -> Check:
    return lambda value, where: [] if ok(value) else [(where, wrong)]


def _text(limit: int, shape: re.Pattern[str] = LINE) -> Check:
    return _rule(
        lambda v: isinstance(v, str) and len(v) <= limit and bool(shape.fullmatch(v)),
        f"must be plain text of at most {limit:,} characters, without control characters",
    )


def _shape(pattern: str, wrong: str) -> Check:
    compiled = re.compile(pattern)
    return _rule(lambda v: isinstance(v, str) and bool(compiled.fullmatch(v)), wrong)


def _is_date(value: object) -> bool:
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _list(item: Check, limit: int = 100) -> Check:
    def check(value: object, where: str) -> Wrong:
        if not isinstance(value, list) or len(value) > limit:
            return [(where, f"must be a list of at most {limit:,} items")]
        return [w for i, v in enumerate(value) for w in item(v, f"{where}[{i}]")]

    return check


def _object(fields: dict[str, Check], optional: tuple[str, ...] = ()) -> Check:
    """A JSON object of exactly these fields, those named ``optional`` possibly absent."""

    def check(value: object, where: str) -> Wrong:
        if not isinstance(value, dict):
            return [(where or "the record", "must be a JSON object")]
        wrong = [
            (f"{where}.{k}".lstrip("."), "is missing")
            for k in fields
            if k not in value and k not in optional
        ]
        wrong += [
            (f"{where}.{k}".lstrip("."), "is not a field of a record")
            for k in value
            if k not in fields
        ]
        for key, field_check in fields.items():
            if key in value:
                wrong += field_check(value[key], f"{where}.{key}".lstrip("."))
        return wrong

    return check


RESOLUTION = _rule(
    lambda v: (
        isinstance(v, str) and len(v.strip()) > 0 and len(v) <= 1000 and bool(LINE.fullmatch(v))
    ),
    "must be the minuted resolution: one line of plain text, 1 to 1,000 characters",
)
DATE = _rule(_is_date, "must be a real date in the form YYYY-MM-DD")
KEY = _list(_text(100))  # register keys, tags and defined terms: escaped where drawn


def record_check(id_pattern: re.Pattern[str]) -> Check:
    """What a record must look like; clause IDs follow the council's own pattern."""
    example = id_pattern.pattern.replace(r"\d{4}", "0042")
    clause = _object(
        {
            "id": _shape(id_pattern.pattern, f"must be a clause ID such as {example}"),
            "number": _shape(r"\d{1,4}\.\d{1,4}", "must be a paragraph number such as 7.12"),
            "text": _text(100_000, LINES),
            "modality": _rule(lambda v: v in MODALITIES, f"must be one of {', '.join(MODALITIES)}"),
            "applies_to": KEY,
            "statutes": KEY,
            "tags": KEY,
            "defines": KEY,
            "source_number": _text(20),
        }
    )
    section = _object(
        {
            # A section's slug names its pages' files: no dots, no separators.
            "slug": _shape(
                r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}",
                "must be letters, digits, hyphens and underscores (it names a file)",
            ),
            "number": _rule(
                lambda v: type(v) is int and 0 < v < 1000, "must be a whole number from 1 to 999"
            ),
            "title": _text(300),
            "clauses": _list(clause, 10_000),
            "intro": _text(100_000, LINES),
        },
        optional=("intro",),
    )
    return _object(
        {
            "format": _rule(lambda v: v == 1, "must be 1"),
            "adopted": DATE,
            "in_force": DATE,
            "resolution": RESOLUTION,
            "source_commit": _shape(
                r"[0-9a-f]{40}([0-9a-f]{24})?|not in git", "must be a git commit ID"
            ),
            "previous_digest": _rule(
                lambda v: v is None or (isinstance(v, str) and bool(HEX.fullmatch(v))),
                "must be null or 64 hex digits",
            ),
            "title": _text(300),
            "sections": _list(section, 1000),
            "intro": _text(100_000, LINES),
            "digest": _shape(HEX.pattern, "must be 64 hex digits"),
        },
        optional=("intro",),
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
                # only where there is one: records written before introductions existed
                # keep their digests
                **({"intro": s.intro} if s.intro else {}),
            }
            for s in document.sections
        ],
        **({"intro": document.intro} if document.intro else {}),
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
            Clause(**_fields(c), section=s["slug"], path=path, line=0, cites=cited_ids(c["text"]))
            for c in s["clauses"]
        )
        sections.append(
            Section(s["slug"], s["number"], s["title"], path, clauses, s.get("intro", ""))
        )
    return Document(record["title"], tuple(sections), record.get("intro", ""))


def load_versions(folder: Path, id_pattern: re.Pattern[str]) -> list[Version]:
    """Every adopted version, oldest first, each record's fields, digest and the chain
    verified. The one check of the records: the build, the gate and every command use it."""
    versions: list[Version] = []
    problems: list[Problem] = []
    check = record_check(id_pattern)
    for path in sorted(folder.glob("*.json")):
        shown = f"versions/{path.name}"
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            problems.append(
                _problem(shown, "version-unreadable", f"the record cannot be read: {exc}.")
            )
            continue
        if wrong := check(record, "") or _dates_wrong(record, path.stem):
            problems += [
                _problem(shown, "version-field", f"'{field}' {what}.") for field, what in wrong
            ]
            continue
        digest = hashlib.sha256(canonical(record)).hexdigest()
        if digest != record["digest"]:
            problems.append(
                _problem(
                    shown,
                    "version-tampered",
                    "the record's digest does not match its content: it was changed after "
                    "adoption.",
                    "adopted text is changed only by adopting a new version.",
                )
            )
            continue
        previous = versions[-1].digest if versions else None
        if record["previous_digest"] != previous:
            problems.append(
                _problem(
                    shown,
                    "version-chain",
                    "the record does not follow the previous adopted version (a version is "
                    "missing or out of order).",
                    "a missing record is restored with the others.",
                )
            )
        versions.append(
            Version(
                dt.date.fromisoformat(record["adopted"]),
                dt.date.fromisoformat(record["in_force"]),
                record["resolution"],
                record["source_commit"],
                record["previous_digest"],
                digest,
                document_of(record, shown),
                shown,
            )
        )
    if problems:
        raise ProtocolError(problems)
    return versions


def _problem(shown: str, code: str, message: str, why: str = "") -> Problem:
    """A record is written by `constitution adopt` only: the fix is always git's copy."""
    fix = f"Restore the file from git history (git checkout origin/main -- {shown})"
    return Problem(shown, 0, code, message, f"{fix}; {why}" if why else f"{fix}.")


def _dates_wrong(record: dict[str, Any], stem: str) -> Wrong:
    if record["adopted"] != stem:
        return [("adopted", f"is {record['adopted']} but the file is named {stem}.json")]
    if record["in_force"] < record["adopted"]:
        return [("in_force", "is before the date the version was adopted")]
    names = [s["slug"] for s in record["sections"]]
    ids = [c["id"] for s in record["sections"] for c in s["clauses"]]
    if len(set(names)) < len(names) or len(set(ids)) < len(ids):
        return [("sections", "name a section or a clause ID twice")]
    return []


def in_force_on(versions: list[Version], day: dt.date) -> Version | None:
    """The version in force on ``day``: the latest whose in-force date has come."""
    current = [v for v in versions if v.in_force <= day]
    return max(current, key=lambda v: v.in_force) if current else None


def git(root: Path, ref: str, *args: str) -> bytes:
    """What a git command prints about ``ref``; a located problem if git cannot say."""
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"").decode(errors="replace").strip()
        raise ProtocolError(
            [
                Problem(
                    "git",
                    0,
                    "unknown-version",
                    f"cannot read the protocol at '{ref}': {detail}",
                    "Name a branch, tag or commit that exists, e.g. origin/main.",
                )
            ]
        ) from None


def records_at(root: Path, ref: str) -> dict[str, bytes]:
    """The adopted records as they stand at a git ref: file name -> bytes."""
    listed = git(root, ref, "ls-tree", "--name-only", ref, "./versions/").decode()
    names = [Path(line).name for line in listed.splitlines() if line.endswith(".json")]
    return {n: git(root, ref, "show", f"{ref}:./versions/{n}") for n in names}


def appended_only(folder: Path, base: dict[str, bytes], ref: str) -> list[Problem]:
    """Adopted records are never changed nor removed: each one at ``ref`` is here byte for
    byte (a recomputed digest proves nothing), and a new one is dated after them all."""
    problems = []
    for name, data in sorted(base.items()):
        path, shown = folder / name, f"versions/{name}"
        restore = f"Restore it: git checkout {ref} -- {shown}"
        if not path.is_file():
            problems.append(
                Problem(
                    shown,
                    0,
                    "version-removed",
                    f"the record of a version adopted before this change (in {ref}) is "
                    "missing; an adopted record is never removed.",
                    f"{restore}.",
                )
            )
        elif path.read_bytes() != data:
            problems.append(
                Problem(
                    shown,
                    0,
                    "version-rewritten",
                    f"the record differs from the one adopted before this change (in {ref}); "
                    "an adopted record never changes, even with its digest recomputed.",
                    f"{restore}; adopted text is changed only by adopting a new version.",
                )
            )
    newest = max(base, default="")
    for path in sorted(folder.glob("*.json")):
        if path.name not in base and path.name < newest:
            problems.append(
                Problem(
                    f"versions/{path.name}",
                    0,
                    "version-inserted",
                    f"a new record dated before {newest.removesuffix('.json')}, the newest "
                    f"version adopted in {ref}; versions are only ever added after it.",
                    "Record a new adoption with constitution adopt, or remove this file.",
                )
            )
    return problems


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
    id_pattern: re.Pattern[str],
) -> Path:
    """Write the record of a newly adopted version; refuse anything out of order, and
    any record that would not load again."""
    versions = load_versions(folder, id_pattern)
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
    if RESOLUTION(resolution.strip(), "resolution"):
        raise ProtocolError(
            [
                Problem(
                    path.name,
                    0,
                    "adopt-resolution",
                    "the resolution is empty, longer than 1,000 characters, or not one line.",
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
    if wrong := record_check(id_pattern)(record, ""):
        field, what = wrong[0]
        raise ProtocolError(
            [
                Problem(
                    path.name,
                    0,
                    "adopt-record",
                    f"the draft cannot be recorded: its '{field}' {what}.",
                    "Correct that in the draft (a section's file name, a clause's option), "
                    "then adopt again.",
                )
            ]
        )
    folder.mkdir(exist_ok=True)
    files.replace(path, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return path
