"""Where a project's parts live, found from any directory inside it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from constitution import numbering
from constitution.council import Council, load_council
from constitution.documents import (
    PROTOCOL,
    Constitution,
    Entry,
    citing,
    protocol_entry,
    read_constitution,
    read_document,
    read_each,
)
from constitution.model import DRAFT_PAGES, Document
from constitution.prefix_change import prefix_changes
from constitution.problems import Problem, ProtocolError
from constitution.retired import NAME as RETIRED
from constitution.retired import load_retired
from constitution.rulefile import read_rules, rule_clauses
from constitution.scenarios import (
    Aside,
    Example,
    RuleBook,
    Scenario,
    only_scenarios,
    read_examples,
)
from constitution.source import read_protocol
from constitution.versions import Version, load_versions

# The rules model, as problems name it.
RULES = "checks/rules.yaml"


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

    def check_layout(self) -> None:
        """The plain addresses, protocol/, are the version in force's (versions_site): the
        draft's pages come from docs/draft, a link to protocol/. An ID prefix changed
        since adoption is said once here, before every ID is read as malformed."""
        if (self.docs / "protocol").exists():
            raise ProtocolError(
                [Problem.of("docs/protocol", 0, "draft-pages-folder", draft=DRAFT_PAGES)]
            )
        if changed := prefix_changes(self.root, self.council()):
            raise ProtocolError(changed)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def protocol(self) -> Path:
        return self.root / "protocol"

    def council(self) -> Council:
        return self._council

    @cached_property
    def _council(self) -> Council:
        # Read once a Project: a command or a build reads the settings many times over.
        return load_council(self.conf / "council.toml")

    def retired(self) -> dict[str, dt.date]:
        return load_retired(self.protocol / RETIRED, self.council().id_pattern)

    def draft(self) -> Document:
        """The draft as written, before it is numbered."""
        council = self.council()
        others = frozenset(d.id_prefix for d in council.documents)
        return read_protocol(self.protocol, council, retired=self.retired(), others=others)

    def document(
        self, versions: list[Version] | None = None, draft: Document | None = None
    ) -> Document:
        """The draft, numbered by the council's scheme (against the latest adopted
        version, whose numbers the insert scheme keeps); ``versions`` and ``draft``, if
        read already (the gate reads them first: each reading hashes every record's bytes
        again)."""
        council = self.council()
        document = self.draft() if draft is None else draft
        if council.numbering != "insert":
            return numbering.apply(document, council.numbering, None, council.number_style)
        versions = self.versions() if versions is None else versions
        return numbering.apply(
            document,
            council.numbering,
            versions[-1].document if versions else None,
            council.number_style,
        )

    def constitution(
        self, document: Document | None = None, versions: list[Version] | None = None
    ) -> Constitution:
        """Every document of the constitution (the draft protocol, and its versions, read
        already or now, among them), references across them checked; ProtocolError with
        every problem."""
        versions = self.versions() if versions is None else versions
        protocol = self.document(versions) if document is None else document
        return read_constitution(
            self.root, self.council(), protocol, self.retired(), tuple(versions)
        )

    def readable(
        self, document: Document | None = None, versions: list[Version] | None = None
    ) -> tuple[Constitution, dict[str, list[Problem]]]:
        """Each document that can be read (the protocol's draft, read already or now), and
        each one's problems that cannot, by key (documents.read_each): for a command
        about one document alone, and for what the gate checks of those that can."""
        try:
            versions = self.versions() if versions is None else versions
            protocol: Entry | ProtocolError = protocol_entry(
                self.council(), document or self.document(versions), self.retired(), tuple(versions)
            )
        except ProtocolError as exc:
            protocol = exc
        return read_each(self.root, self.council(), protocol)

    def cited(
        self, document: Document, key: str = PROTOCOL, day: dt.date | None = None
    ) -> Document:
        """A version of document ``key`` (the draft, one at a git ref, or an adopted one in
        force from ``day``) knowing how its words cite the other documents' paragraphs, as
        the site prints them (documents.cited_clause: in the versions in force on ``day``,
        else the drafts); ProtocolError if the constitution cannot be read."""
        if not self.council().documents:
            return document  # a protocol alone: nothing else to cite
        return citing(self._as_drafted, key, document, day)

    @cached_property
    def _as_drafted(self) -> Constitution:
        # Read once for every version a command prints (a redline's two, say): reading the
        # whole constitution is most of such a command's time.
        return self.constitution()

    def entry(self, key: str) -> Entry:
        """One document of the constitution by its key (``protocol``, or a [[documents]]
        key), read alone; ProtocolError for an unknown key, listing the keys."""
        if key == PROTOCOL:
            versions = tuple(self.versions())
            return protocol_entry(self.council(), self.document(), self.retired(), versions)
        return read_document(self.root, self.council(), key)

    @property
    def versions_dir(self) -> Path:
        return self.root / "versions"

    def versions(self) -> list[Version]:
        return load_versions(self.versions_dir, self.council().id_pattern)

    @property
    def checks(self) -> Path:
        return self.root / "checks"

    def rulebook(self) -> RuleBook:
        return _rulebook(self.checks, self.council().bank_holidays)

    def rule_problems(
        self, document: Document, constitution: Constitution | None = None
    ) -> list[Problem]:
        """The rules that name a clause the draft does not have."""
        ids, retired, _ = self.citable(document, constitution)
        return rule_clauses(self.rulebook(), RULES, ids, retired)

    def citable(
        self, document: Document, constitution: Constitution | None = None
    ) -> tuple[set[str], dict[str, dt.date], re.Pattern[str]]:
        """What a worked example or a rule may cite: a paragraph of the protocol's draft
        (``document``) or of another document of the constitution (each one that can be
        read, from ``constitution`` if it was read already: the gate reports the others'
        problems); the IDs revoked; and the pattern of every document's IDs, which a fact
        may not name."""
        council = self.council()
        ids, retired = {c.id for c in document.clauses()}, dict(self.retired())
        if not council.documents:
            return ids, retired, self.cited_pattern()
        if constitution is None:
            constitution = read_each(self.root, council, None)[0]
        for entry in constitution:
            if entry.key != PROTOCOL:
                ids.update(c.id for c in entry.document.clauses())
                retired.update(entry.retired)
        return ids, retired, self.cited_pattern()

    def cited_pattern(self) -> re.Pattern[str]:
        """The pattern of every ID a worked example or a rule may cite, which a fact may
        not name: the protocol's, or any document's of the constitution."""
        council = self.council()
        return council.any_id_pattern if council.documents else council.id_pattern

    def scenario_files(self) -> list[Path]:
        return sorted((self.checks / "scenarios").glob("*.yaml"))

    def scenarios(
        self,
        document: Document,
        files: list[Path] | None = None,
        constitution: Constitution | None = None,
        aside: Aside | None = None,
    ) -> list[Scenario]:
        """The worked examples; ProtocolError with every problem if any is malformed."""
        return only_scenarios(self.examples(document, files, constitution, aside))

    def examples(
        self,
        document: Document,
        files: list[Path] | None = None,
        constitution: Constitution | None = None,
        aside: Aside | None = None,
    ) -> list[Example]:
        """The worked examples, each a Scenario or Malformed with its problems; they may
        cite any document's paragraphs (citable); ``aside``: some read by a second
        process (records_aside.py)."""
        ids, retired, pattern = self.citable(document, constitution)
        return read_examples(
            self.scenario_files() if files is None else files,
            self.root,
            self.rulebook(),
            ids,
            pattern,
            retired,
            aside,
        )


def _rulebook(checks: Path, nation: str) -> RuleBook:
    """checks/rules.yaml (the protocol's rules model, with checks/rules.py for what data
    cannot say), read once for each state of the two files and the council's nation."""
    files = [checks / "rules.yaml", checks / "rules.py"]
    stamp = tuple((f.stat().st_mtime_ns, f.stat().st_size) if f.is_file() else None for f in files)
    return _read_rules(checks, stamp, nation)


@cache
def _read_rules(checks: Path, stamp: object, nation: str) -> RuleBook:
    return read_rules(checks / "rules.yaml", RULES, checks / "rules.py", nation)
