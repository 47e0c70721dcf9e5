"""Where each document's pages are on the site.

The protocol's at the site's own addresses: protocol/ (the plain addresses: the version
in force, or the draft while none is), draft/ (its draft, drawn from its sources) and
versions/ (each adopted version's permanent pages at versions/DATE/, the redlines at
versions/redline/, each paragraph's history at versions/clauses/, the list of versions).
Another document's (KEY) after the same pattern, in its own folders: KEY/, draft/KEY/
and versions/KEY/.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass

from constitution.documents import PROTOCOL
from constitution.model import DRAFT_PAGES
from constitution.typography import long_date

DRAFT = "draft"
# The pages at the site's plain addresses, protocol/: the version in force, or the draft
# while none is (a council just imported). Each adopted version also keeps its own,
# permanent pages at versions/KEY/, and the draft its own at draft/.
PLAIN = "plain"
PLAIN_PAGES = "protocol"


def version_label(key: str, in_force: str) -> str:
    """A version as the lists of a document's versions name it (the search's, the open
    data's): the draft, the version in force, or another by the day Council adopted it."""
    if key == DRAFT:
        return "Draft (not adopted)"
    day = long_date(dt.date.fromisoformat(key))
    return f"In force (adopted {day})" if key == in_force else f"Adopted {day}"


@dataclass(frozen=True)
class Layout:
    """Where one document's pages are: the protocol's at the site's own addresses
    (protocol/, draft/, versions/), another document's at KEY/, draft/KEY/ and
    versions/KEY/ (its versions, redlines, clause histories and list of versions)."""

    plain: str
    draft: str
    versions: str

    def folder(self, key: str) -> str:
        return {DRAFT: self.draft, PLAIN: self.plain}.get(key, f"{self.versions}/{key}")

    def page(self, key: str, slug: str) -> str:
        return f"{self.folder(key)}/{slug}"

    def history(self, clause_id: str) -> str:
        return f"{self.versions}/clauses/{clause_id}"

    def redline(self, old: str, new: str) -> str:
        return f"{self.versions}/redline/{old}--{new}"

    @property
    def index(self) -> str:
        return f"{self.versions}/index"

    def holds(self, pagename: str) -> str | None:
        """The version whose pages hold ``pagename``: PLAIN, DRAFT or an adoption date."""
        folder = posixpath.dirname(pagename)
        if folder in (self.plain, self.draft):
            return PLAIN if folder == self.plain else DRAFT
        own = folder.removeprefix(f"{self.versions}/")
        return own if own != folder and own[:1].isdigit() and "/" not in own else None


PROTOCOL_LAYOUT = Layout(PLAIN_PAGES, DRAFT_PAGES, "versions")


def layout_of(key: str) -> Layout:
    """The addresses of document ``key``'s pages."""
    if key == PROTOCOL:
        return PROTOCOL_LAYOUT
    return Layout(key, f"{DRAFT_PAGES}/{key}", f"versions/{key}")


def section_page(key: str, slug: str) -> str:
    """The page of a protocol's section in version ``key`` (the draft, or the plain
    addresses')."""
    return PROTOCOL_LAYOUT.page(key, slug)
