"""Which version of another document a page's reference cites.

A reference reads the cited paragraph's number in the version the reader is reading,
where that is defined: an adopted version (or the plain pages showing it) came into
force on a day, and cites each other document's paragraph as numbered in that
document's version in force on that day, linked to that version's page ("Council
Procedure Rule 4" in the Articles in force from 1 June 2026 is Rule 4 as in force then,
even if a later version renumbered it). A draft has no such day, and neither has a
version citing a document none of whose versions was in force on it, or a paragraph
that version lacks: they cite the other document's draft as before (text_html.Elsewhere),
linked to the pages showing its draft (Entry.page). The rule is documents.cited_clause,
by which the commands' outputs cite too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from constitution.documents import Constitution, cited_version
from constitution.sphinxext.addresses import PLAIN, layout_of
from constitution.text_html import Elsewhere
from constitution.versions import in_force_on, today


@dataclass(frozen=True)
class InForceThen(Elsewhere):
    """How a page of a version of document ``key`` in force from ``day`` (None for a
    draft) links another's clause: its address (``uri`` makes it relative to the page
    drawn), its title ("Article 2.1 (ART-0003)") and its words."""

    day: dt.date | None = None

    def __call__(self, target: str, words: str | None) -> tuple[str, str, str] | None:
        entry = self.constitution.holder(target)
        version = cited_version(entry, self.day) if entry and entry.key != self.key else None
        clause = version.document.clause(target) if version else None
        if entry is None or version is None or clause is None:
            return super().__call__(target, words)
        # the plain addresses for the version in force today, where a reader would link
        key = PLAIN if version is in_force_on(list(entry.versions), today()) else version.key
        page = layout_of(entry.key).page(key, version.document.section_of(clause).slug)
        title = f"{entry.cited(clause.number)} ({clause.id})"
        return f"{self.uri(page)}#{target}", title, entry.read_as(clause.number, words)


def across_on(
    constitution: Constitution, from_key: str, day: dt.date | None, uri: Callable[[str], str]
) -> Elsewhere:
    """How a page of document ``from_key``, of a version in force from ``day``, links
    what another document holds."""
    return InForceThen(constitution, from_key, uri, day)
