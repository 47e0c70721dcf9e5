"""Council adopts: one resolution recorded against each document it changes.

The protocol's records are versions/DATE.json; another document's, versions/KEY/DATE.json,
each document with its own digest chain. A resolution naming several documents writes a
record for each, all with the same dates and resolution, or none of them: a document
refused (its draft unchanged since its last adopted version, a date out of order) stops
them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from constitution import numbering
from constitution.council import Council
from constitution.documents import PROTOCOL, Entry, own_council, settings_of
from constitution.model import Document
from constitution.problems import Problem, ProtocolError
from constitution.project import Project
from constitution.versions import Record, prepare, unchanged, write


@dataclass(frozen=True)
class Adopted:
    """One document's record, written."""

    entry: Entry
    record: Record
    renumbered: dict[str, str] | None  # each paragraph's number before -> after (--renumber)


def settings(project: Project, key: str) -> Council:
    """The settings a document is numbered and its records checked with."""
    council = project.council()
    return council if key == PROTOCOL else own_council(council, settings_of(council, key))


def as_adopted(
    entry: Entry, own: Council, resolution: str, renumber: bool
) -> tuple[Document, dict[str, str] | None]:
    """The draft as Council adopts it: renumbered by position (with the map from the old
    numbers) if it remakes the text, else under insert numbering with its revoked
    paragraphs kept in place."""
    latest = entry.versions[-1].document if entry.versions else None
    if renumber:
        document = numbering.renumber(entry.document, own.number_style)
        return document, numbering.renumbered(latest, document)
    if own.numbering == "insert":
        return numbering.with_revoked(entry.document, latest, resolution.strip()), None
    return entry.document, None


def adopt(
    project: Project,
    keys: Sequence[str],
    adopted: dt.date,
    in_force: dt.date,
    resolution: str,
    renumber: bool = False,
    refuse_unchanged: bool = True,
) -> list[Adopted]:
    """Record the adoption of each document ``keys`` names, all or none; a ProtocolError
    with every document's problems."""
    problems: list[Problem] = []
    ready: list[Adopted] = []
    for key in dict.fromkeys(keys):
        try:
            own = settings(project, key)
            entry = project.entry(key)
            document, renumbered = as_adopted(entry, own, resolution, renumber)
            record = prepare(
                project.root / entry.records,
                project.root,
                document,
                adopted,
                in_force,
                resolution,
                own.id_pattern,
                renumbered,
                entry.records,
            )
        except ProtocolError as exc:
            problems.extend(exc.problems)
            continue
        if refuse_unchanged and unchanged(record):
            shown = f"{entry.records}/{record.path.name}"
            last = entry.versions[-1].key
            problems.append(
                Problem.of(shown, 0, "adopt-unchanged", title=entry.title, last=last, key=key)
            )
        ready.append(Adopted(entry, record, renumbered))
    if problems:
        raise ProtocolError(problems)
    write([a.record for a in ready])
    return ready
