"""The constitution in force on a date: for each document, in the constitution's order,
the version in force that day, if any (each document is adopted at its own meetings)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from constitution.documents import Constitution, Entry
from constitution.versions import Version, in_force_on


@dataclass(frozen=True)
class InForce:
    """One document on the day: its version in force, or None (only its draft)."""

    entry: Entry
    version: Version | None
    day: dt.date

    @property
    def status(self) -> str:
        """In force; adopted by that day, but not yet in force; or not yet adopted then."""
        if self.version is not None:
            return "in force"
        adopted = any(v.date <= self.day for v in self.entry.versions)
        return "not yet in force" if adopted else "not yet adopted"


def in_force(constitution: Constitution, day: dt.date) -> list[InForce]:
    """Each document's version in force on ``day``, in the constitution's order."""
    return [InForce(e, in_force_on(list(e.versions), day), day) for e in constitution]


def as_text(documents: list[InForce], day: dt.date) -> str:
    lines = [f"The constitution in force on {day.isoformat()}:"]
    for d in documents:
        head = f"{d.entry.part}, {d.entry.title}:"
        if d.version is None:
            lines.append(f"{head} {d.status}; {coming(d)}only its draft.")
            continue
        v = d.version
        lines.append(
            f"{head} the version adopted on {v.key}, in force from {v.in_force.isoformat()}; "
            f"resolution: {v.resolution}"
        )
    return "\n".join(lines)


def coming(d: InForce) -> str:
    """The version adopted by the day that comes into force later, said with its day."""
    adopted = [v for v in d.entry.versions if v.date <= d.day]
    if not adopted:
        return ""
    v = adopted[-1]
    return (
        f"the version adopted on {v.key} comes into force on {v.in_force.isoformat()}; until then, "
    )


def as_json(documents: list[InForce], day: dt.date) -> str:
    return json.dumps(
        {
            "on": day.isoformat(),
            "documents": [
                {
                    "key": d.entry.key,
                    "title": d.entry.title,
                    "part": d.entry.part,
                    "status": d.status,
                    "version": d.version
                    and {
                        "adopted": d.version.key,
                        "in_force": d.version.in_force.isoformat(),
                        "resolution": d.version.resolution,
                        "digest": d.version.digest,
                    },
                }
                for d in documents
            ],
        },
        indent=1,
    )


FORMATS = {"text": as_text, "json": as_json}
