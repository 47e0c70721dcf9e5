"""Shared fixtures: the model project (tests/roots/model), copies of it, and a built site.

The tool's tests never read the repository's own protocol/, checks/, versions/ or docs/:
a council replaces those with its own, and the tool's tests must still pass. They run
on tests/roots/model, a frozen snapshot of the model council, always copied first so
that no test (nor a build, nor a command run in it) writes into the snapshot. The
snapshot is of the protocol alone: its conf/council.toml lists none of the model's other
documents; tests/roots/constitution adds two small ones of its own (`constitution`).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import hypothesis
import pytest
from bs4 import BeautifulSoup

from constitution.adoption import adopt
from constitution.build import build_site
from constitution.confirm_across import LOCK
from constitution.model import Document
from constitution.project import Project

# No property test is timed: Hypothesis's default deadline (200 ms an example) failed one
# as "flaky" on a loaded machine, its first example slow with an import. Speed is the
# benchmarks' to measure, not a test's to race.
hypothesis.settings.register_profile("untimed", deadline=None)
hypothesis.settings.load_profile("untimed")

# The repository: only for the tool's own files (noxfile.py, dev.py, the workflows...).
ROOT = Path(__file__).resolve().parent.parent
MODEL = Path(__file__).resolve().parent / "roots" / "model"
# Two more documents beside the model's protocol: a constitution of three.
CONSTITUTION = Path(__file__).resolve().parent / "roots" / "constitution"
# The snapshot's worked examples are fixture data, not the content's checks: pytest's
# plugin would otherwise collect them as scenario items.
collect_ignore = ["roots"]
# A build's "today" (which version is in force) is its commit's date; the copies here
# are not in git, and the model's history is frozen, so its date is too.
SNAPSHOT_DATE = dt.datetime(2026, 11, 28, tzinfo=dt.UTC)


# A revoked paragraph as an output shows it: (its ID, its resolution, what its place says).
REVOKED_AS = [
    ("MOP-9999", "Council, 1 May 2026, minute 4", "Revoked by Council, 1 May 2026, minute 4"),
    # a number the document imported printed as revoked (no ID): the words printed there
    ("", "Deleted", "Deleted"),
]


@pytest.fixture(scope="session", autouse=True)
def build_date() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(SNAPSHOT_DATE.timestamp())))
        yield


def copy_project(dest: Path, *, versions: bool = False) -> Project:
    """A copy of the model's content and configuration that a test may break freely."""
    for part in ("conf", "protocol", "docs", "checks", *(["versions"] if versions else [])):
        shutil.copytree(MODEL / part, dest / part, symlinks=True)
    return Project(dest)


def copy_constitution(dest: Path) -> Project:
    """The model with the fixture's two other documents ([[documents]] and documents/), and
    the record of what their references across documents were confirmed against."""
    project = copy_project(dest)
    shutil.copytree(CONSTITUTION / "documents", dest / "documents")
    shutil.copy(CONSTITUTION / "checks" / LOCK, dest / "checks" / LOCK)
    with (dest / "conf" / "council.toml").open("a", encoding="utf-8") as settings:
        settings.write((CONSTITUTION / "documents.toml").read_text(encoding="utf-8"))
    return project


@pytest.fixture
def constitution(tmp_path: Path) -> Project:
    """A constitution of three documents (the model's protocol, Articles and Council
    Procedure Rules), to break freely."""
    return copy_constitution(tmp_path / "project")


@pytest.fixture(scope="session")
def whole_constitution(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The constitution of three documents, its protocol citing an Article (MOP-0030 cites
    ART-0003), shared by the session: read only."""
    project = copy_constitution(tmp_path_factory.mktemp("constitution") / "project")
    principles = project.protocol / "principles.md"
    text = principles.read_text(encoding="utf-8")
    cited = text.replace("complementary;", "complementary ({para}`ART-0003`);", 1)
    assert cited != text, "test setup: MOP-0030's words have changed"
    principles.write_text(cited, encoding="utf-8")
    return project


CONDUCT = "checks/scenarios/conduct.yaml"
CLAUSES = "clauses: [MOP-0029, MOP-0050, MOP-0051]"
# ART-0003: members must follow the protocol in their dealings with officers.
RULE = """  - clause: ART-0003
    act: behave-towards
    permitted: false
    when: {behaviour: shouting, actor: member, towards: officer}
"""
BEFORE = "  - clause: MOP-0029\n    act: behave-towards\n    permitted: false\n"


def cite_article(project: Project, cited: str = "ART-0003") -> None:
    """SC-CON-001, a member shouting at an officer, is decided by an Article too (a
    constitution's copy: tests/test_examples_across.py)."""
    edit(project, CONDUCT, CLAUSES, CLAUSES.replace("[", f"[{cited}, "))
    edit(project, "checks/rules.yaml", BEFORE, RULE.replace("ART-0003", cited) + BEFORE)


@pytest.fixture(scope="session")
def decided_constitution(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The constitution of three documents, a worked example (SC-CON-001) decided by an
    Article (ART-0003) as well as by the protocol: read only."""
    project = copy_constitution(tmp_path_factory.mktemp("decided") / "project")
    cite_article(project)
    return project


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The model project, adopted versions included, shared by the session: read only."""
    return copy_project(tmp_path_factory.mktemp("model") / "project", versions=True)


@pytest.fixture(scope="session")
def document(project: Project) -> Document:
    return project.document()


@pytest.fixture
def scratch(tmp_path: Path) -> Project:
    """A copy without versions/, to break freely."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def versioned(tmp_path: Path) -> Project:
    """A copy with the model's adopted versions, to break freely."""
    return copy_project(tmp_path / "project", versions=True)


class Site:
    """A built site, read back as parsed pages."""

    def __init__(self, out: Path) -> None:
        self.out = out

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.out / name).read_text(encoding="utf-8"), "html.parser")

    def needs(self) -> dict[str, dict[str, object]]:
        data = json.loads((self.out / "needs.json").read_text(encoding="utf-8"))
        needs: dict[str, dict[str, object]] = data["versions"][""]["needs"]
        return needs


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Site:
    out = tmp_path_factory.mktemp("site") / "html"
    assert build_site(project, out) == 0
    return Site(out)


@pytest.fixture
def build(tmp_path: Path) -> Callable[[Project], Site]:
    def run(project: Project) -> Site:
        out = tmp_path / "out"
        assert build_site(project, out) == 0
        return Site(out)

    return run


def edit(project: Project, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` in the project's file ``name`` (which must hold it)."""
    path = project.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# The fixture constitution's meetings (adopted_constitution): adopted, in force from, and
# the resolution; each document adopted at its own meetings, and one adopting both.
RULES_1 = ("2026-01-10", "2026-02-01", "Council, 10 January 2026, minute 4")
ARTICLES_1 = ("2026-03-05", "2026-04-01", "Council, 5 March 2026, minute 9")
BOTH_2 = ("2026-06-10", "2026-07-01", "Council, 10 June 2026, minute 12")


@pytest.fixture(scope="session")
def adopted_constitution(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The constitution of three documents, each amended at its own meetings: the
    protocol's three versions (tests/roots/model), the Council Procedure Rules (numbered
    by position) adopted on RULES_1, the Articles on ARTICLES_1, both again on BOTH_2 (a
    Rule inserted before CPR-0001, which becomes Rule 2; ART-0004 reworded), and a Rule
    inserted since, in the draft alone (CPR-0001 is Rule 3 there). The protocol's draft
    cites ART-0003. Recorded by the core's own adoption (adoption.adopt). Read only."""
    project = copy_constitution(tmp_path_factory.mktemp("adopted-constitution") / "project")
    shutil.copytree(MODEL / "versions", project.root / "versions")
    # the last [[documents]] table is the Council Procedure Rules'
    with (project.root / "conf" / "council.toml").open("a", encoding="utf-8") as settings:
        settings.write('numbering = "renumber"\n')
    edit(project, "protocol/principles.md", "complementary;", "complementary ({para}`ART-0003`);")

    def adopted(meeting: tuple[str, str, str], *keys: str) -> None:
        date, in_force, resolution = meeting
        day, start = dt.date.fromisoformat(date), dt.date.fromisoformat(in_force)
        adopt(project, keys, day, start, resolution)

    def insert_rule(clause_id: str, before: str) -> None:
        rule = f"```{{clause}} {clause_id}\n:modality: informative\n\nThe Council meets.\n```\n\n"
        place = f"```{{clause}} {before}"
        edit(project, "documents/procedure-rules/meetings.md", place, rule + place)

    adopted(RULES_1, "procedure-rules")
    adopted(ARTICLES_1, "articles")
    insert_rule("CPR-0003", "CPR-0001")
    edit(project, "documents/articles/members.md", "a question at", "a question in writing at")
    adopted(BOTH_2, "articles", "procedure-rules")
    insert_rule("CPR-0004", "CPR-0003")
    return project


def run(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    """`constitution ARGS` run as a person runs it, in the project's folder."""
    return subprocess.run(
        [sys.executable, "-m", "constitution", *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )


def broken_links(site: Path, root: str = "/") -> list[str]:
    """Every link of a built site's pages to a page of the site that does not exist; one
    from the host's root (404.html's) starts with the site's ``root`` on its host."""
    broken = set()
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = urldefrag(str(a["href"])).url
            if not href or urlsplit(href).scheme or href.startswith("//"):
                continue
            if href.startswith("/"):
                target = site / href.removeprefix(root) if href.startswith(root) else site / href
            else:
                target = page.parent / href
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.add(f"{page.relative_to(site)} -> {href}")
    return sorted(broken)
