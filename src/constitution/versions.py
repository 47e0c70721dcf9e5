"""Adopted versions: frozen records of what Council adopted, when, and by which resolution.

Each record (versions/YYYY-MM-DD.json) holds every clause as adopted and a digest over
its canonical content and the previous record's digest, so the records form a chain:
changing any adopted word, or removing a version, breaks it. Records are written by
``constitution adopt`` only, never by hand, and verified on every build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from constitution import clause_fields, files
from constitution.model import (
    MODALITIES,
    Between,
    Clause,
    Document,
    Revoked,
    RevokedSection,
    Section,
)
from constitution.numbering import PART, PRINTED
from constitution.problems import Problem, ProtocolError
from constitution.text_tree import cites_of

FIELDS = ("id", "number", "text", *(f.name for f in clause_fields.FIELDS))


# A record is read only after every field has its shape: its fields become pages,
# file names and links, so one that could hold markup or a path is refused, not drawn.
Wrong = list[tuple[str, str]]  # (field, what is wrong with it)
LINE = re.compile(r"[^\x00-\x1f\x7f]*")  # one line of text: no control characters
LINES = re.compile(r"[^\x00-\x09\x0b-\x1f\x7f]*")  # text of several lines
HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Check:
    """A shape a value must have. ``ok`` answers quickly whether it has it; ``wrong`` says
    where and what is wrong, naming each field, and is asked only of a value not ok:
    naming every field of five records of 5,000 paragraphs cost a fresh gate 0.3 s."""

    ok: Callable[[Any], bool]
    wrong: Callable[[Any, str], Wrong]

    def __call__(self, value: object, where: str) -> Wrong:
        return [] if self.ok(value) else self.wrong(value, where)


def _rule(ok: Callable[[Any], bool], wrong: str) -> Check:
    return Check(ok, lambda value, where: [(where, wrong)])


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
    def ok(value: object) -> bool:
        return isinstance(value, list) and len(value) <= limit and all(map(item.ok, value))

    def wrong(value: object, where: str) -> Wrong:
        if not isinstance(value, list) or len(value) > limit:
            return [(where, f"must be a list of at most {limit:,} items")]
        return [w for i, v in enumerate(value) for w in item(v, f"{where}[{i}]")]

    return Check(ok, wrong)


def _object(fields: dict[str, Check], optional: tuple[str, ...] = ()) -> Check:
    """A JSON object of exactly these fields, those named ``optional`` possibly absent."""
    required = fields.keys() - set(optional)

    def ok(value: object) -> bool:
        return (
            isinstance(value, dict)
            and required <= value.keys() <= fields.keys()
            and all(fields[k].ok(v) for k, v in value.items())
        )

    def wrong(value: object, where: str) -> Wrong:
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

    return Check(ok, wrong)


RESOLUTION = _rule(
    lambda v: (
        isinstance(v, str) and len(v.strip()) > 0 and len(v) <= 1000 and bool(LINE.fullmatch(v))
    ),
    "must be the minuted resolution: one line of plain text, 1 to 1,000 characters",
)
DATE = _rule(_is_date, "must be a real date in the form YYYY-MM-DD")
KEY = _list(_text(100))  # register keys, tags and defined terms: escaped where drawn
NUMBERED = _shape(PRINTED.pattern, "must be a paragraph number such as 7.12 or 7.12A (7(12), 12A)")
SECTION_NUMBER = re.compile(PART)


def _seen(fields: dict[str, Check], key: str, optional: tuple[str, ...] = ()) -> Check:
    """An object of ``fields`` (a clause by its ID, a section by its slug) whose shape is
    checked once however many of the records checked with this Check hold it: most
    paragraphs and sections of a version are as the version before adopted them. An
    object equal to one found ok, its values of the same types, is ok: inside it, JSON's
    values here (text, lists and objects of text) equal only values of the same shape,
    and the types compared keep a section's number from being True or 1.0 (both == 1)."""
    shape = _object(fields, optional)
    found: dict[str, list[dict[str, Any]]] = {}  # objects found ok, by key

    def ok(value: object) -> bool:
        name = value.get(key) if isinstance(value, dict) else None
        if not isinstance(name, str):
            return shape.ok(value)
        for known in found.get(name, ()):
            if value == known and all(type(v) is type(known[k]) for k, v in value.items()):
                return True
        if not shape.ok(value):
            return False
        found.setdefault(name, []).append(value)  # type: ignore[arg-type]
        return True

    return Check(ok, shape.wrong)


def record_check(id_pattern: re.Pattern[str]) -> Check:
    """What a record must look like; clause IDs follow the council's own pattern."""
    # The council's prefix as council.id_pattern writes it (escaped), then -0042.
    example = re.sub(r"\\(.)", r"\1", id_pattern.pattern.split("-(?:", 1)[0]) + "-0042"
    clause_id = _shape(id_pattern.pattern, f"must be a clause ID such as {example}")
    clause = _seen(
        {
            "id": clause_id,
            "number": NUMBERED,
            "text": _text(100_000, LINES),
            "modality": _rule(lambda v: v in MODALITIES, f"must be one of {', '.join(MODALITIES)}"),
            "applies_to": KEY,
            "statutes": KEY,
            "tags": KEY,
            "defines": KEY,
            "source_number": _text(20),
        },
        "id",
    )
    # A section's slug names its pages' files: no dots, no separators.
    slug_pattern = r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}"
    slug = _shape(
        slug_pattern,
        "must be letters, digits, hyphens and underscores (it names a file)",
    )
    number = _rule(
        lambda v: (
            (type(v) is int and 0 < v < 1000)
            or (isinstance(v, str) and bool(SECTION_NUMBER.fullmatch(v)) and not v.isdigit())
        ),
        "must be a whole number from 1 to 999, or one with letters such as 3A",
    )
    # revoked paragraphs whose numbers stay in place (insert numbering); one printed as
    # revoked in the document imported never had an ID here
    revoked_id = _shape(
        f"(?:{id_pattern.pattern})?", f"must be a clause ID such as {example}, or empty"
    )
    revoked = _list(
        _object({"number": NUMBERED, "id": revoked_id, "resolution": RESOLUTION}), 10_000
    )
    # unnumbered words between paragraphs, where they stand (model.Between)
    between = _list(
        _object(
            {
                "before": _rule(
                    lambda v: v == "" or clause_id.ok(v),
                    'must be the ID of the paragraph it stands before, or "" after the last',
                ),
                "text": _text(100_000, LINES),
                "level": _rule(
                    lambda v: type(v) is int and (v == 0 or 2 <= v <= 6),
                    "must be 0 for words, or a sub-heading's level from 2 to 6",
                ),
            }
        ),
        10_000,
    )
    section = _seen(
        {
            "slug": slug,
            "number": number,
            "title": _text(300),
            "clauses": _list(clause, 10_000),
            "intro": _text(100_000, LINES),
            "revoked": revoked,
            "between": between,
        },
        "slug",
        optional=("intro", "revoked", "between"),
    )
    # a whole section revoked, its number and its paragraphs' kept (insert numbering)
    revoked_section = _object(
        {
            # empty for a section number printed as revoked in the document imported
            "slug": _shape(f"(?:{slug_pattern})?", "must be a section's file name, or empty"),
            "number": number,
            "title": _text(300),
            "resolution": RESOLUTION,
            "revoked": revoked,
        }
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
            "revoked_sections": _list(revoked_section, 1000),
            "intro": _text(100_000, LINES),
            # adopted with --renumber: each paragraph's number before -> its number now
            "renumbered": _rule(
                lambda v: (
                    isinstance(v, dict)
                    and len(v) <= 100_000
                    and all(PRINTED.fullmatch(k) and PRINTED.fullmatch(n) for k, n in v.items())
                ),
                'must map paragraph numbers to paragraph numbers, such as {"7.12A": "7.13"}',
            ),
            "digest": _shape(HEX.pattern, "must be 64 hex digits"),
        },
        optional=("intro", "renumbered", "revoked_sections"),
    )


@dataclass(frozen=True)
class Version:
    date: dt.date  # adopted on
    in_force: dt.date
    resolution: str
    source_commit: str
    previous: str | None
    digest: str
    # The record's bytes as verified (every field's shape, the digest, the chain). The
    # record and its model are read from them when first asked for: the gate needs only
    # the latest version's (for the draft's numbers), and building five versions of
    # 5,000 paragraphs cost a fresh gate a quarter of a second.
    source: bytes = field(repr=False, compare=False)
    path: str
    renumbered: dict[str, str] = field(default_factory=dict)  # old number -> new, if remade
    cites: str | None = None  # how its paragraphs cite one another, if not as the protocol's
    # its model as given, in place of the record's: the site's, knowing how its words
    # cite other documents' paragraphs (documents.citing)
    citing: Document | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        return self.date.isoformat()

    @cached_property
    def record(self) -> dict[str, Any]:
        return json.loads(self.source.decode("utf-8"))  # type: ignore[no-any-return]

    @cached_property
    def document(self) -> Document:
        if self.citing is not None:
            return self.citing
        document = document_of(self.record, self.path, self.cites)
        self.__dict__.pop("record")  # not kept beside its model (read again if asked for)
        return document

    def __getstate__(self) -> dict[str, Any]:
        # A build's kept model (model_cache.py) holds the record's bytes, not what is
        # read from them: smaller, and quicker to write and to read again.
        return {k: v for k, v in self.__dict__.items() if k not in ("record", "document")}


def canonical(record: dict[str, Any], sections: Encoded | None = None) -> bytes:
    """The bytes the digest covers: everything but the digest, in one fixed form.

    With ``sections``, for records whose every field has its shape (record_check), read
    in turn: a section equal to one met before (by its slug) is not encoded again, its
    form kept from then; most of a version's sections are as the version before adopted
    them, and encoding five records of 5,000 paragraphs was a tenth of a fresh gate.
    Values of those shapes equal only values encoded the same (text, lists and objects
    of it, a whole number); the form is JSON's own, keys sorted, one part at a time."""
    body = {k: v for k, v in record.items() if k != "digest"}
    if sections is None:
        return _json(body).encode()
    parts = []
    for key in sorted(body):
        if key == "sections":
            value = "[" + ",".join(sections.form(s) for s in body[key]) + "]"
        else:
            value = _json(body[key])
        parts.append(f"{_json(key)}:{value}")
    return ("{" + ",".join(parts) + "}").encode()


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Encoded:
    """Each section's canonical form, by its slug, as records are read in turn."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[dict[str, Any], str]] = {}

    def form(self, section: dict[str, Any]) -> str:
        kept = self.kept.get(section["slug"])
        if kept is not None and kept[0] == section:
            return kept[1]
        form = _json(section)
        self.kept[section["slug"]] = (section, form)
        return form


class Parsed:
    """Records read in turn, each as ``json.loads`` reads it, a section whose text was met
    before (in an earlier record) taken from then, not parsed again.

    ``constitution adopt`` writes a record with one-space indents, each section from a line
    "  {" to a line "  }", and most of a version's sections as the version before adopted
    them: parsing five records of 5,000 paragraphs whole was a third of checking them.
    Each section's text, so found, is put aside (``NaN`` in its place) and the rest
    parsed. A line break, which JSON's text never holds, is outside any string, so each
    section's text is whole values and punctuation; where it parses alone as a value,
    and the rest with a ``NaN`` in its place, the record as read whole has that value
    there. Any other layout, or text these parts do not fit (a ``NaN`` of the record's
    own, a second "sections"), is parsed whole, as before."""

    START, ITEM, END = '\n "sections": [\n', "\n  {\n", "\n ]"

    def __init__(self) -> None:
        self.seen: dict[str, Any] = {}  # each section's text -> its value

    def record(self, text: str) -> Any:
        spans = self.sections(text)
        if not spans:
            return json.loads(text)
        rest = [text[: spans[0][0]]]
        for (_, end), (start, _) in zip(spans, [*spans[1:], (len(text), 0)], strict=True):
            rest += ["NaN", text[end:start]]
        held: list[object] = []  # every NaN read: the sections' places, and any other

        def place(_: str) -> object:
            held.append(HELD)
            return HELD

        try:
            record = json.loads("".join(rest), parse_constant=place)
            parts = [self.section(text[start:end]) for start, end in spans]
        except ValueError:
            return json.loads(text)
        if (
            not isinstance(record, dict)
            or record.get("sections") != held
            or len(held) != len(spans)
        ):
            return json.loads(text)
        record["sections"] = parts
        return record

    def sections(self, text: str) -> list[tuple[int, int]]:
        """Where each section's text starts and ends, in a record laid out as ``adopt``
        writes one; none in any other."""
        start = text.find(self.START)
        if start < 0:
            return []
        at = start + len(self.START) - 1  # the line break before the first section
        spans = []
        while text.startswith(self.ITEM, at):
            end = text.find("\n  }", at + len(self.ITEM))
            if end < 0:
                return []
            spans.append((at + 1, end + 4))
            at = end + 4 + text.startswith(",", end + 4)
        return spans if text.startswith(self.END, at) else []

    def section(self, text: str) -> Any:
        if text not in self.seen:
            self.seen[text] = json.loads(text)
        return self.seen[text]


HELD = object()  # a section's place in a record parsed without it


def record_of(
    document: Document,
    adopted: dt.date,
    in_force: dt.date,
    resolution: str,
    commit: str,
    previous: str | None,
    renumbered: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The record of an adoption. Keys that old records lack are written only when they
    hold something, so that every record written before them keeps its digest."""
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
                "number": stored_number(s.number),
                "title": s.title,
                "clauses": [{f: _plain(getattr(c, f)) for f in FIELDS} for c in s.clauses],
                **({"intro": s.intro} if s.intro else {}),
                **({"revoked": [revoked_record(r) for r in s.revoked]} if s.revoked else {}),
                **({"between": [between_record(b) for b in s.between]} if s.between else {}),
            }
            for s in document.sections
        ],
        **({"intro": document.intro} if document.intro else {}),
        **({"renumbered": renumbered} if renumbered else {}),
        **(
            {"revoked_sections": [revoked_section_record(s) for s in document.revoked_sections]}
            if document.revoked_sections
            else {}
        ),
    }
    record["digest"] = hashlib.sha256(canonical(record)).hexdigest()
    return record


def revoked_record(r: Revoked) -> dict[str, str]:
    return {"number": r.number, "id": r.id, "resolution": r.resolution}


def between_record(b: Between) -> dict[str, Any]:
    return {"before": b.before, "text": b.text, "level": b.level}


def revoked_section_record(s: RevokedSection) -> dict[str, Any]:
    return {
        "slug": s.slug,
        "number": stored_number(s.number),
        "title": s.title,
        "resolution": s.resolution,
        "revoked": [revoked_record(r) for r in s.revoked],
    }


def stored_number(number: str) -> int | str:
    """A section's number as records (and open data) hold it: a whole number as one."""
    return int(number) if number.isdigit() else number


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _fields(clause: dict[str, Any]) -> dict[str, Any]:
    return {f: tuple(clause[f]) if isinstance(clause[f], list) else clause[f] for f in FIELDS}


def revoked_of(section: dict[str, Any]) -> tuple[Revoked, ...]:
    """A section's revoked paragraphs, from a record or the JSON export (which adds to
    each what it is and the words printed, both said by the rest); none in an older one."""
    return tuple(Revoked(r["number"], r["id"], r["resolution"]) for r in section.get("revoked", ()))


def revoked_sections_of(data: dict[str, Any]) -> tuple[RevokedSection, ...]:
    """A document's revoked sections, from a record or the JSON export."""
    return tuple(
        RevokedSection(str(s["number"]), s["slug"], s["title"], s["resolution"], revoked_of(s))
        for s in data.get("revoked_sections", ())
    )


def document_of(record: dict[str, Any], path: str, cites: str | None = None) -> Document:
    sections = []
    for s in record["sections"]:
        clauses = tuple(
            Clause(**_fields(c), section=s["slug"], path=path, line=0, cites=cites_of(c["text"]))
            for c in s["clauses"]
        )
        revoked = revoked_of(s)
        between = tuple(Between(**b) for b in s.get("between", ()))
        sections.append(
            Section(
                s["slug"],
                str(s["number"]),
                s["title"],
                path,
                clauses,
                s.get("intro", ""),
                revoked,
                between=between,
            )
        )
    removed = revoked_sections_of(record)
    document = Document(record["title"], tuple(sections), record.get("intro", ""), removed)
    return dataclasses.replace(document, cites=cites) if cites else document


# The records as last verified, by their bytes: the gate reads them for itself and again
# for the draft's numbers (insert numbering keeps the latest version's). One set of
# records a folder as problems name it: the protocol's, and each other document's.
VERIFIED_RECORDS: dict[str, tuple[tuple[str, str], list[Version]]] = {}
# The same key, for each folder whose records were last verified whole, with what each
# record says of its adoption (Head): what the gate's store keeps between commands
# (check_cache.py). Records of those very bytes are not checked again, and only the one
# whose text is asked for is parsed. The verified versions themselves, their records and
# models, took longer to store, and to load again, than to read afresh.
Head = tuple[dt.date, dt.date, str, str, str | None, str, dict[str, str]]
Verified = tuple[tuple[str, str], list[Head]]  # the records' key, and each one's Head
VERIFIED_BYTES: dict[str, Verified] = {}


def records(folder: Path) -> list[Path]:
    """The record files of one folder: its documents' folders (versions/KEY/) are not."""
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def load_versions(
    folder: Path, id_pattern: re.Pattern[str], shown: str = "versions"
) -> list[Version]:
    """Every adopted version, oldest first, each record's fields, digest and the chain
    verified. The one check of the records: the build, the gate and every command use it.
    ``shown`` is the folder as problems name it: versions, or versions/KEY."""
    data = {path: path.read_bytes() for path in records(folder)}
    seen = hashlib.sha256()
    for path, content in data.items():
        seen.update(f"{path.name}\0{len(content)}\0".encode() + content)
    key = (id_pattern.pattern, seen.hexdigest())
    known, versions = VERIFIED_RECORDS.get(shown, (None, []))
    if known != key:
        stored, heads = VERIFIED_BYTES.get(shown, (None, []))
        if stored == key:  # the same names and bytes: the heads are in the same order
            versions = [
                Version(*head[:6], content, f"{shown}/{path.name}", head[6])
                for head, (path, content) in zip(heads, data.items(), strict=True)
            ]
        else:
            versions = _verified(data, id_pattern, shown)
            VERIFIED_BYTES[shown] = (key, [_head(v) for v in versions])
        VERIFIED_RECORDS[shown] = (key, versions)
    return list(versions)


def _head(v: Version) -> Head:
    return (v.date, v.in_force, v.resolution, v.source_commit, v.previous, v.digest, v.renumbered)


def _verified(data: dict[Path, bytes], id_pattern: re.Pattern[str], folder: str) -> list[Version]:
    versions: list[Version] = []
    problems: list[Problem] = []
    check, sections, texts = record_check(id_pattern), Encoded(), Parsed()
    previous: str | None = None  # the digest the next record must follow
    for path, content in data.items():
        shown = f"{folder}/{path.name}"
        try:
            record = texts.record(content.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            problems.append(Problem.of(shown, 0, "version-unreadable", error=exc))
            continue
        if wrong := check(record, "") or _dates_wrong(record, path.stem):
            problems += [
                Problem.of(shown, 0, "version-field", field=field, what=what)
                for field, what in wrong
            ]
            continue
        follows, previous = record["previous_digest"] == previous, record["digest"]
        if hashlib.sha256(canonical(record, sections)).hexdigest() != record["digest"]:
            # the next record follows the digest this one states: one record changed is
            # one problem, not also a break in the chain after it
            problems.append(Problem.of(shown, 0, "version-tampered"))
            continue
        if not follows:
            problems.append(Problem.of(shown, 0, "version-chain"))
        version = Version(
            dt.date.fromisoformat(record["adopted"]),
            dt.date.fromisoformat(record["in_force"]),
            record["resolution"],
            record["source_commit"],
            record["previous_digest"],
            record["digest"],
            content,
            shown,
            record.get("renumbered", {}),
        )
        version.__dict__["record"] = record  # read already (the cached property's place)
        versions.append(version)
    if problems:
        raise ProtocolError(problems)
    return versions


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


def today() -> dt.date:
    """The build's date: from the commit (SOURCE_DATE_EPOCH), so builds reproduce."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def in_force_on(versions: list[Version], day: dt.date) -> Version | None:
    """The version in force on ``day``: the latest whose in-force date has come."""
    current = [v for v in versions if v.in_force <= day]
    return max(current, key=lambda v: v.in_force) if current else None


def git(root: Path, ref: str, *args: str) -> bytes:
    """What a git command prints about ``ref``; a located problem if git cannot say."""
    import subprocess  # here: the gate runs git only when given --base

    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"").decode(errors="replace").strip()
        raise ProtocolError([Problem.of("git", 0, "unknown-ref", ref=ref, detail=detail)]) from None


def _listed(root: Path, ref: str, folder: str, kind: str) -> list[str]:
    """The names in ``folder`` at a git ref of one kind: files (blob) or folders (tree)."""
    listed = git(root, ref, "ls-tree", ref, f"./{folder}/").decode()
    rows = [line.partition("\t") for line in listed.splitlines()]
    return [Path(path).name for head, _, path in rows if head.split()[1] == kind]


def records_at(root: Path, ref: str, shown: str = "versions") -> dict[str, bytes]:
    """The adopted records of one folder (versions, or versions/KEY) as they stand at a
    git ref: file name -> bytes. Only the folder's own files: not its documents' folders."""
    names = [n for n in _listed(root, ref, shown, "blob") if n.endswith(".json")]
    return {n: git(root, ref, "show", f"{ref}:./{shown}/{n}") for n in names}


def documents_at(root: Path, ref: str) -> dict[str, dict[str, bytes]]:
    """Every other document's adopted records at a git ref, by folder (versions/KEY): a
    document's records stay even if the settings no longer list it."""
    folders = [f"versions/{name}" for name in _listed(root, ref, "versions", "tree")]
    return {folder: records_at(root, ref, folder) for folder in folders}


def appended_only(
    folder: Path, base: dict[str, bytes], ref: str, shown: str = "versions"
) -> list[Problem]:
    """Adopted records are never changed nor removed: each one at ``ref`` is here byte for
    byte (a recomputed digest proves nothing), and a new one is dated after them all.
    ``shown`` is the folder as problems name it: versions, or versions/KEY."""
    problems = []
    for name, data in sorted(base.items()):
        path, shown_path = folder / name, f"{shown}/{name}"
        if not path.is_file():
            problems.append(Problem.of(shown_path, 0, "version-removed", ref=ref))
        elif path.read_bytes() != data:
            problems.append(Problem.of(shown_path, 0, "version-rewritten", ref=ref))
    newest = max(base, default="")
    for path in records(folder):
        if path.name not in base and path.name < newest:
            problems.append(
                Problem.of(
                    f"{shown}/{path.name}",
                    0,
                    "version-inserted",
                    newest=newest.removesuffix(".json"),
                    ref=ref,
                )
            )
    return problems


def head_commit(root: Path) -> str:
    import subprocess  # here: only adopting a version asks git

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
    renumbered: dict[str, str] | None = None,
) -> Path:
    """Write the record of a newly adopted version of the protocol (see ``prepare``)."""
    record = prepare(folder, root, document, adopted, in_force, resolution, id_pattern, renumbered)
    write([record])
    return record.path


@dataclass(frozen=True)
class Record:
    """A record ready to write: where, as problems name it, and its text."""

    path: Path
    shown: str
    text: str
    previous: dict[str, Any] | None  # the latest adopted record before it, as read


def prepare(
    folder: Path,
    root: Path,
    document: Document,
    adopted: dt.date,
    in_force: dt.date,
    resolution: str,
    id_pattern: re.Pattern[str],
    renumbered: dict[str, str] | None = None,
    shown: str = "versions",
) -> Record:
    """The record of a newly adopted version, not yet written; refuse anything out of
    order, and any record that would not load again."""
    versions = load_versions(folder, id_pattern, shown)
    path = folder / f"{adopted.isoformat()}.json"
    shown = f"{shown}/{path.name}"
    if versions and adopted <= versions[-1].date:
        last = versions[-1].date
        raise ProtocolError([Problem.of(shown, 0, "adopt-date", date=adopted, last=last)])
    if path.exists():
        raise ProtocolError([Problem.of(shown, 0, "adopt-exists")])
    if in_force < adopted:
        raise ProtocolError([Problem.of(shown, 0, "adopt-in-force")])
    if RESOLUTION(resolution.strip(), "resolution"):
        raise ProtocolError([Problem.of(shown, 0, "adopt-resolution")])
    record = record_of(
        document,
        adopted,
        in_force,
        resolution.strip(),
        head_commit(root),
        versions[-1].digest if versions else None,
        renumbered,
    )
    if wrong := record_check(id_pattern)(record, ""):
        field, what = wrong[0]
        raise ProtocolError([Problem.of(shown, 0, "adopt-record", field=field, what=what)])
    latest = folder / f"{versions[-1].key}.json" if versions else None
    previous = json.loads(latest.read_text(encoding="utf-8")) if latest else None
    text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
    return Record(path, shown, text, previous)


# What a record says of the text itself, apart from the adoption (its dates, resolution,
# source commit and place in the chain).
TEXT = ("title", "intro", "sections", "revoked_sections")


def unchanged(record: Record) -> bool:
    """The record adopts the very text of the latest version before it (numbers too)."""
    if record.previous is None:
        return False
    new = json.loads(record.text)
    return all(new.get(k) == record.previous.get(k) for k in TEXT)


def write(prepared: list[Record]) -> None:
    """Write every record, or none: one that cannot be written takes back the others."""
    written: list[Path] = []
    for record in prepared:
        try:
            record.path.parent.mkdir(parents=True, exist_ok=True)
            files.replace(record.path, record.text)
        except OSError as exc:
            for path in written:
                path.unlink()
            error = exc.strerror or exc
            problem = Problem.of(record.shown, 0, "adopt-unwritable", error=error)
            raise ProtocolError([problem]) from None
        written.append(record.path)
