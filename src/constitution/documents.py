"""The constitution as a whole: the protocol and every other document conf/council.toml
lists ([[documents]]), each read as the protocol is, with its own settings; which
document holds a clause; and how a clause of one is cited from another.

A {defined} term may be one another document defines: the constitution's definitions are
shared (a document's own first), and the term links to the defining paragraph.

Within its own document a paragraph is cited as now ("paragraph 14.4"); from another
document, as its document's ``cite`` says ("Article 12.3", "Council Procedure Rule 4"),
and the protocol's as "paragraph 14.4 of the Member/Officer Protocol" (its [council]
citation).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path

from constitution import numbering
from constitution.council import Council
from constitution.document_settings import DocumentSettings
from constitution.model import DRAFT_PAGES, Clause, Document
from constitution.numbering import reference
from constitution.problems import Problem, ProtocolError
from constitution.retired import NAME as RETIRED
from constitution.retired import load_retired
from constitution.source import INDEX, read_protocol
from constitution.text_tree import cites
from constitution.versions import Version, in_force_on, load_versions

PROTOCOL = "protocol"  # the protocol's key among the documents: its folder
VERSIONS = "versions"  # the protocol's adopted records; another document's in versions/KEY


def records_folder(key: str) -> str:
    """Where a document's adopted records are: versions/, or versions/KEY/."""
    return VERSIONS if key == PROTOCOL else f"{VERSIONS}/{key}"


@dataclass(frozen=True)
class Entry:
    """One document of the constitution, read."""

    key: str  # PROTOCOL, or the [[documents]] key: its folder documents/KEY/, pages KEY/
    title: str
    part: str  # "Part 2", as the constitution numbers its Parts
    id_prefix: str
    folder: str  # where its sources are: protocol, or documents/KEY
    pages: str  # where the site publishes it: the draft's pages, or KEY/
    document: Document
    retired: Mapping[str, dt.date]
    cite: str  # how another document cites its paragraph, {number} for the number
    versions: tuple[Version, ...] = ()  # as adopted, oldest first

    @property
    def records(self) -> str:
        """Its adopted records' folder: versions, or versions/KEY."""
        return records_folder(self.key)

    def cited(self, number: str) -> str:
        return self.cite.format(number=number)

    def read_as(self, number: str, words: str | None) -> str:
        """How another document's reference to its paragraph numbered ``number`` reads:
        as this document is cited ("Article 12.3"); with words of its own (the number
        alone, as numbering.reference gives it), the number as the words ask."""
        return (
            self.cited(number) if words is None else reference(number, words, self.document.cites)
        )

    def page(self, clause: Clause) -> str:
        """The page of the site that shows ``clause`` in the draft (its anchor is its ID):
        the protocol's draft/; another document's KEY/, or, once a version of it is
        adopted (KEY/ then shows the version in force), draft/KEY/."""
        own = self.key == PROTOCOL or not self.versions
        folder = self.pages if own else f"{DRAFT_PAGES}/{self.key}"
        return f"{folder}/{self.document.section_of(clause).slug}"


@dataclass(frozen=True)
class Constitution:
    """Every document, in the constitution's order (the protocol at its [council] place)."""

    entries: tuple[Entry, ...]
    # Each document by key, by ID prefix and by the folder of its pages: every reference
    # and every page looks its document up, which a walk of the entries would make
    # grow with the number of documents times the number of references.
    _by_key: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _by_prefix: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _by_pages: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {e.key: e for e in self.entries})
        object.__setattr__(self, "_by_prefix", {e.id_prefix: e for e in self.entries})
        object.__setattr__(self, "_by_pages", {e.pages: e for e in self.entries})

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def entry(self, key: str) -> Entry:
        return self._by_key[key]

    def published_at(self, folder: str) -> Entry | None:
        """The document whose pages are in ``folder`` (the protocol's draft, or KEY)."""
        return self._by_pages.get(folder)

    def holder(self, clause_id: str) -> Entry | None:
        """The document whose ID prefix ``clause_id`` has, if any."""
        return self._by_prefix.get(clause_id.rpartition("-")[0])

    def find(self, clause_id: str) -> tuple[Entry, Clause] | None:
        """The clause with this ID, in whichever document holds it, and that document."""
        entry = self.holder(clause_id)
        clause = entry.document.clause(clause_id) if entry else None
        return (entry, clause) if entry and clause else None

    def defined_elsewhere(self, term: str, from_key: str) -> tuple[Entry, Clause] | None:
        """The clause of another document than ``from_key`` that defines ``term``, the
        first in the constitution's order, and its document: the constitution's
        definitions are shared, and a document's own definition comes first."""
        for entry in self.entries:
            if entry.key != from_key and (clause := entry.document.definition(term)):
                return entry, clause
        return None

    def citation(self, clause_id: str, from_key: str, words: str | None = None) -> str | None:
        """How a {para} reference in document ``from_key`` reads: "paragraph 14.4" within
        its own document, "Article 12.3" from another; with words of its own (the number
        alone, as numbering.reference gives it), the number as the words ask."""
        found = self.find(clause_id)
        if found is None:
            return None
        entry, clause = found
        if entry.key == from_key:
            return reference(clause.number, words, entry.document.cites)
        return entry.read_as(clause.number, words)

    def reference(
        self, clause_id: str, from_key: str, words: str | None = None
    ) -> tuple[str, str, str] | None:
        """A reference from document ``from_key`` to a clause of another: the page showing
        it, its title ("Article 2.1 (ART-0003)") and how it reads; None if no document
        holds it."""
        found = self.find(clause_id)
        label = self.citation(clause_id, from_key, words)
        if found is None or label is None:
            return None
        entry, clause = found
        return entry.page(clause), f"{entry.cited(clause.number)} ({clause.id})", label


def read_constitution(
    root: Path,
    council: Council,
    protocol: Document,
    retired: Mapping[str, dt.date],
    versions: tuple[Version, ...] = (),
) -> Constitution:
    """Every document of the constitution, the protocol (already read) among them; a
    ProtocolError with every problem of every document, and every reference across
    documents that names no clause of the document its prefix names."""
    entry = protocol_entry(council, protocol, retired, versions)
    constitution, broken = read_each(root, council, entry)
    problems = [*chain(*broken.values()), *across(constitution)]
    if problems:
        raise ProtocolError(problems)
    return Constitution(tuple(map(partial(cited_elsewhere, constitution), constitution)))


def read_each(
    root: Path, council: Council, protocol: Entry | ProtocolError | None
) -> tuple[Constitution, dict[str, list[Problem]]]:
    """Each document of the constitution that can be read (the protocol's entry, the
    problems reading it gave, or None: the others alone), and the problems of each that
    cannot, by key: a command about one document (confirm) is not stopped by another's
    problems. References across documents are not checked here (read_constitution, the
    gate, check them)."""
    broken: dict[str, list[Problem]] = {}
    prefixes = frozenset(d.id_prefix for d in council.documents) | {council.id_prefix}
    entries: list[Entry] = []
    for settings in council.documents:
        try:
            entries.append(_read(root, council, settings, prefixes))
        except ProtocolError as exc:
            broken[settings.key] = exc.problems
    if isinstance(protocol, ProtocolError):
        broken[PROTOCOL] = protocol.problems
    elif protocol is not None:
        entries.insert(council.place - 1, protocol)
    return Constitution(tuple(entries)), broken


def protocol_entry(
    council: Council,
    protocol: Document,
    retired: Mapping[str, dt.date],
    versions: tuple[Version, ...] = (),
) -> Entry:
    """The protocol (already read, its versions too) as one document of the constitution."""
    return Entry(
        PROTOCOL,
        council.document,
        council.part,
        council.id_prefix,
        PROTOCOL,
        DRAFT_PAGES,
        protocol,
        retired,
        f"paragraph {{number}} of the {council.citation}",
        versions,
    )


def settings_of(council: Council, key: str) -> DocumentSettings:
    """The [[documents]] entry ``key``; a ProtocolError listing every key if none has it."""
    found = next((d for d in council.documents if d.key == key), None)
    if found is None:
        known = ", ".join([PROTOCOL, *(d.key for d in council.documents)])
        raise ProtocolError(
            [Problem.of("conf/council.toml", 0, "unknown-document", key=key, known=known)]
        )
    return found


def read_document(root: Path, council: Council, key: str) -> Entry:
    """One other document alone, as the constitution reads it (for a command about that
    document, which another document's problems should not stop)."""
    prefixes = frozenset(d.id_prefix for d in council.documents) | {council.id_prefix}
    return _read(root, council, settings_of(council, key), prefixes)


def cited_elsewhere(constitution: Constitution, entry: Entry) -> Entry:
    """The document, knowing how its words cite each other document's paragraph they
    refer to (Document.elsewhere: what the outputs in plain words print)."""
    document = citing(constitution, entry.key, entry.document)
    return entry if document is entry.document else dataclasses.replace(entry, document=document)


def cited_version(entry: Entry, day: dt.date | None) -> Version | None:
    """The version of ``entry`` that a version of another document in force from ``day``
    cites: the one in force that day; None for a draft (no day), or before any was."""
    return in_force_on(list(entry.versions), day) if day is not None else None


def cited_clause(entry: Entry, target: str, day: dt.date | None) -> Clause | None:
    """Paragraph ``target`` of ``entry`` as a version in force from ``day`` cites it: in
    ``entry``'s version in force that day, or, for a draft, before any version was in
    force, or a paragraph that version lacks, in its draft. The site and every command
    cite by this one rule."""
    version = cited_version(entry, day)
    return (version and version.document.clause(target)) or entry.document.clause(target)


def citing(
    constitution: Constitution, key: str, document: Document, day: dt.date | None = None
) -> Document:
    """``document`` (the draft of document ``key``, or a version of it in force from
    ``day``) knowing how its words cite each other document's paragraph (cited_clause):
    ID -> (its number, "Article 2.1"), in Document.elsewhere, for every output to print."""
    trees = [document.intro_tree, *(s.intro_tree for s in document.sections)]
    targets = [*(t for c in document.clauses() for t in c.cites), *chain(*map(cites, trees))]
    elsewhere = {}
    for target in targets:
        other = constitution.holder(target)
        clause = cited_clause(other, target, day) if other and other.key != key else None
        if other and clause:
            elsewhere[target] = (clause.number, other.cited(clause.number))
    if not elsewhere:
        return document
    return dataclasses.replace(document, elsewhere=elsewhere)


def own_council(council: Council, settings: DocumentSettings) -> Council:
    """The settings another document is read with, as the protocol is with its own: its
    title, Part, ID prefix (and so the pattern of its IDs) and numbering."""
    return dataclasses.replace(
        council,
        document=settings.title,
        citation=settings.title,
        part=settings.part,
        id_prefix=settings.id_prefix,
        numbering=settings.numbering,
        number_style=settings.number_style,
    )


def _read(
    root: Path, council: Council, settings: DocumentSettings, prefixes: frozenset[str]
) -> Entry:
    folder = root / settings.folder
    if not (folder / INDEX).is_file():
        raise ProtocolError(
            [
                Problem.of(
                    "conf/council.toml",
                    settings.line,
                    "document-folder-missing",
                    key=settings.key,
                    folder=settings.folder,
                )
            ]
        )
    own = own_council(council, settings)
    retired = load_retired(folder / RETIRED, own.id_pattern)
    others = prefixes - {settings.id_prefix}
    document = read_protocol(folder, own, settings.folder, retired, others)
    shown = records_folder(settings.key)
    # each version's paragraphs cite one another as the draft's do ("Rule 4.2")
    versions = tuple(
        dataclasses.replace(v, cites=settings.cite_within)
        for v in load_versions(root / shown, own.id_pattern, shown)
    )
    # Numbered as the protocol's draft is: insert keeps its last adopted version's numbers.
    latest = versions[-1].document if versions else None
    document = numbering.apply(document, settings.numbering, latest, settings.number_style)
    document = dataclasses.replace(document, cites=settings.cite_within)
    return Entry(
        settings.key,
        settings.title,
        settings.part,
        settings.id_prefix,
        settings.folder,
        settings.key,
        document,
        retired,
        settings.cite,
        versions,
    )


def across(constitution: Constitution) -> list[Problem]:
    """Each reference across documents that names no clause of the document it points to,
    and each term used that no document defines."""
    problems = [
        Problem.of(term.path, term.line, "unknown-term", term.clause, term=term.target)
        for entry in constitution
        for term in entry.document.borrowed
        if constitution.defined_elsewhere(term.target, entry.key) is None
    ]
    for entry in constitution:
        for ref in entry.document.across:
            holder = constitution.holder(ref.target)
            if holder is None or holder.document.clause(ref.target) is not None:
                continue  # a prefix no document has is refused as the document is read
            named = {"target": ref.target, "document": holder.title, "folder": holder.folder}
            fields: dict[str, object] = {**named, "revoked": holder.retired.get(ref.target)}
            revoked = ref.target in holder.retired
            problems.append(
                Problem.of(
                    ref.path,
                    ref.line,
                    "cites-revoked-elsewhere" if revoked else "unknown-document-ref",
                    ref.clause,
                    **fields,
                )
            )
    return problems
