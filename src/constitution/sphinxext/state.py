"""What one build of the site knows: its parsed sources and what its pages share.

One typed object, made afresh as each build starts (``__init__.load_model``), in place
of attributes set on the domain from a dozen modules. Only what must outlive a build in
a warm server (serve.py) is kept apart, in ``Kept``. No Sphinx here: the modules that
draw pages take this object, not the environment.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Template

from constitution.council import Council
from constitution.documents import Constitution
from constitution.graph import Example
from constitution.model import Document
from constitution.project import Project
from constitution.scenarios import Scenario
from constitution.versions import Version


@dataclass
class Kept:
    """Kept from one build to the next in the same process (the editor's loop)."""

    clause_index: dict[str, Any] | None = None  # as last written (see search.py)
    # Each folder's shell as drawn, and compiled (shells.py): compiling one costs tens of
    # milliseconds, and a save seldom changes what is around a page's body.
    shells: dict[str, tuple[str, Template]] = field(default_factory=dict)
    pages: set[str] | None = None  # the pages the last build made (unbuilt_pages.py)


@dataclass
class BuildState:
    """This build's parsed sources, read once before any page, and its shared work."""

    project: Project
    model: Document
    # Every document of the constitution, the draft protocol (model) among them.
    constitution: Constitution
    council: Council
    scenarios: list[Scenario]
    results: dict[str, str]  # scenario ID -> its last result
    results_run: str | None  # when the results were run, as the pages say it
    examples: tuple[Example, ...]  # the worked examples as needs (see graph.py)
    suspect: set[str]
    checking: dict[str, list[Scenario]]  # clause ID -> the scenarios that check it
    baseline: set[str]  # normative clause IDs listed as not yet covered
    versions: list[Version]
    kept: Kept
    moved: frozenset[str] = frozenset()  # clause IDs whose number changed (clauses.py)
    # page -> its defined terms, for unique element IDs
    term_counts: dict[str, Iterator[int]] = field(default_factory=dict)
    generated: dict[str, str] | None = None  # generated page -> what it shows (a digest)
    written: set[str] = field(default_factory=set)  # pages Sphinx wrote (unbuilt_pages.py)
    site_key: str | None = None  # this build's, once known (see page_keys.py)
    offloaded: Any = None  # the second process's work (see offload.py)
    shells: dict[str, Template] = field(default_factory=dict)  # by folder (shells.py)
    navigation: Any = None  # the sidebar's entries, read once a build (navigation.tree)
