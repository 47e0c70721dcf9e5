"""pytest collects each scenario file in checks/scenarios/ as one test item a scenario.

Registered through the ``pytest11`` entry point, so installing the package is enough.
A failure says, in plain words, what was expected, what the protocol gave, and which
clauses differ. A malformed example (or an unreadable file) is one failing item saying
where and what is wrong, not a collection error: the session, and the file's other
examples, still run. The results of the run are written for the site to show.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from constitution import files
from constitution.documents import Constitution
from constitution.model import Document
from constitution.problems import Problem, ProtocolError, as_text
from constitution.project import Project
from constitution.scenarios import RESULTS, Malformed, RuleBook, Scenario

PLUGIN = "constitution-scenarios"


class MalformedExample(Exception):
    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(as_text(problems))


class ScenarioMismatch(Exception):
    def __init__(self, diffs: list[str]) -> None:
        super().__init__("\n".join(diffs))
        self.diffs = diffs


# What a run reads of a project once: see ScenarioSession.project.
Loaded = tuple[Project, Document, RuleBook, Constitution, frozenset[str]]


class ScenarioSession:
    """What one pytest run shares: the parsed project, and each scenario's result."""

    def __init__(self) -> None:
        self.loaded: dict[Path, Loaded] = {}
        self.results: dict[str, str] = {}

    def project(self, path: Path) -> Loaded:
        """The project, its draft, its rules model, the documents of its constitution
        that can be read (whose paragraphs a worked example may cite) and the IDs of
        their informative paragraphs (which decide nothing), read once."""
        project = Project.find(path.parent)
        if project.root not in self.loaded:
            document = project.document()
            constitution = project.readable(document)[0]
            informative = frozenset(
                c.id for e in constitution for c in e.document.clauses() if not c.normative
            )
            book = project.rulebook()
            self.loaded[project.root] = (project, document, book, constitution, informative)
        return self.loaded[project.root]

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # The call phase decides a scenario's result.
        if report.when == "call" and "::SC-" in report.nodeid:
            self.results[report.nodeid.rsplit("::", 1)[1]] = report.outcome

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Write the results for the site; atomically, so a reader never sees half."""
        if not self.results or len(self.loaded) != 1:
            return
        path = next(iter(self.loaded)) / RESULTS
        path.parent.mkdir(parents=True, exist_ok=True)
        run = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        data = {"run": run, "results": dict(sorted(self.results.items()))}
        files.replace(path, json.dumps(data, indent=1) + "\n")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(ScenarioSession(), PLUGIN)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.File | None:
    if (
        file_path.suffix == ".yaml"
        and file_path.parent.name == "scenarios"
        and file_path.parent.parent.name == "checks"
    ):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[ScenarioItem | MalformedItem]:
        shared = self.config.pluginmanager.get_plugin(PLUGIN)
        assert isinstance(shared, ScenarioSession)
        try:  # the project itself (settings, protocol, rules model) must be readable
            project, document, book, constitution, informative = shared.project(self.path)
        except ProtocolError as exc:
            raise self.CollectError(str(exc)) from None
        for example in project.examples(document, [self.path], constitution):
            if isinstance(example, Scenario):
                yield ScenarioItem.from_parent(
                    self, name=example.id, scenario=example, book=book, informative=informative
                )
            else:  # named by its ID where it has one (a duplicate's is taken): else its line
                name = example.id or (f"line {example.line}" if example.line else "file")
                yield MalformedItem.from_parent(self, name=name, example=example)


class MalformedItem(pytest.Item):
    """An example that cannot be checked: it fails, saying where and what to fix."""

    def __init__(self, *, example: Malformed, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.example = example

    def runtest(self) -> None:
        raise MalformedExample(self.example.problems)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        e = self.example
        return f"{e.path}:{e.line}: {e.id or 'this'} cannot be checked:\n{excinfo.value}"

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, max(self.example.line - 1, 0), f"malformed example {self.name}"


class ScenarioItem(pytest.Item):
    def __init__(
        self, *, scenario: Scenario, book: RuleBook, informative: frozenset[str], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.scenario, self.book, self.informative = scenario, book, informative

    def runtest(self) -> None:
        if diffs := self.scenario.differences(self.book, informative=self.informative):
            raise ScenarioMismatch(diffs)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if not isinstance(excinfo.value, ScenarioMismatch):
            return str(super().repr_failure(excinfo))
        s = self.scenario
        lines = [
            f"{s.id} ({s.path}:{s.line}): {s.title}",
            "The protocol's answer differs from what the scenario expects:",
        ]
        lines += [f"  - {d}" for d in excinfo.value.diffs]
        lines.append(
            "Either the scenario's expectation or the rules model "
            "(checks/rules.yaml) is wrong: decide which, and correct it."
        )
        return "\n".join(lines)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.scenario.line - 1, f"scenario {self.scenario.id}"
