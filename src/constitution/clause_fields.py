"""The fields a clause carries besides its ID, number and words: one table that the
reader (the ``clause`` directive's options), the writer, the site's needs, the adopted
version records and the exports all go by.

A new clause option is one entry here and its attribute on ``model.Clause`` (a test
holds every consumer to this table).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from constitution.model import Clause

# The tag import gives each paragraph whose modality it guessed, for an editor to review
# and take off: the editors' mark, not a topic, so the site lists no topic by it.
REVIEW_TAG = "imported"


def keys(value: str) -> list[str]:
    """An option holding several keys: separated by commas."""
    return [part.strip() for part in value.split(",") if part.strip()]


# docutils' unchanged_required and unchanged, written out: importing docutils' directives
# is a fifth of the gate's start-up, and the gate reads plain options without them.
def required(value: str | None) -> str:
    """An option's value, which must be given."""
    if value is None:
        raise ValueError("argument required but none supplied")
    return value


def unchanged(value: str | None) -> str:
    """An option's value, empty if not given."""
    return "" if value is None else value


@dataclass(frozen=True)
class ClauseField:
    name: str  # the attribute of model.Clause, and the field in needs and exports
    about: str  # what it holds, as needs.json's schema describes it
    many: bool = False  # several keys, written separated by commas
    needs: bool = True  # a sphinx-needs field of its own (tags are sphinx-needs' own)
    required: bool = False  # written on every clause, even when empty

    @property
    def option(self) -> str:
        """Its option in the ``clause`` directive: ``applies-to`` for ``applies_to``."""
        return self.name.replace("_", "-")

    @property
    def read(self) -> Callable[[str], Any]:
        """How docutils reads the option's value."""
        if self.many:
            return keys
        return required if self.required else unchanged

    def of(self, clause: Clause) -> str | tuple[str, ...]:
        value: str | tuple[str, ...] = getattr(clause, self.name)
        return value


FIELDS = (
    ClauseField("modality", "must, must-not, should, may or informative", required=True),
    ClauseField("applies_to", "Keys of the council's role register", many=True),
    ClauseField("statutes", "Keys of the council's statute register", many=True),
    ClauseField("tags", "Topics the clause is about", many=True, needs=False),
    ClauseField("defines", "The terms the clause defines", many=True, needs=False),
    ClauseField("source_number", "The clause's number in the document it was imported from"),
)
NEEDS = tuple(f for f in FIELDS if f.needs)


def option_spec() -> dict[str, Callable[[str], Any]]:
    return {f.option: f.read for f in FIELDS}


# (attribute, option, several keys) of each field: read for every clause of a protocol
READ = tuple((f.name, f.option, f.many) for f in FIELDS)


def from_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The clause's fields from its directive's options, as model.Clause takes them."""
    return {
        name: tuple(options.get(option, ())) if many else str(options.get(option, ""))
        for name, option, many in READ
    }


def clause_options(clause: Clause) -> list[str]:
    """A clause's option lines, as written: every field it has, in the table's order."""
    lines = []
    for f in FIELDS:
        value = f.of(clause)
        if value or f.required:
            lines.append(f":{f.option}: {', '.join(value) if f.many else value}")
    return lines


def values(clause: Clause, fields: tuple[ClauseField, ...] = FIELDS) -> dict[str, Any]:
    """The clause's fields as JSON holds them (lists as lists), in the table's order."""
    return {f.name: list(f.of(clause)) if f.many else f.of(clause) for f in fields}


def needs_values(clause: Clause) -> dict[str, Any]:
    """The clause's own fields as sphinx-needs holds them."""
    return values(clause, NEEDS)


def from_values(record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields back from ``values``, as model.Clause takes them."""
    return {f.name: tuple(record[f.name]) if f.many else record[f.name] for f in FIELDS}
