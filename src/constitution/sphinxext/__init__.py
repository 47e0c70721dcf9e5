"""The Sphinx extension: reads the model once a build and renders clauses from it."""

from __future__ import annotations

import dataclasses
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import SphinxError
from sphinx.util import logging

from constitution import __version__, baseline, graph
from constitution.confirm import LOCK, load_lock, suspect
from constitution.documents import PROTOCOL
from constitution.documents import citing as cite_elsewhere
from constitution.model_cache import cached, files_in
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.retired import NAME as RETIRED
from constitution.scenarios import RESULTS, Scenario
from constitution.sphinxext import (
    clauses,
    csp,
    documents_site,
    examples,
    navigation,
    needs_graph,
    not_found,
    offload,
    open_data,
    page_assets,
    page_cache,
    page_kinds,
    problem_log,
    published_files,
    quiet_events,
    revoked_contents,
    search,
    traceability,
    unbuilt_pages,
    versions_site,
    ways_in,
)
from constitution.sphinxext.domain import domain
from constitution.sphinxext.html_builder import html_builder
from constitution.sphinxext.state import BuildState

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


class ProtocolInvalid(SphinxError):
    category = "The protocol has problems"


def load_model(app: Sphinx) -> None:
    """Parse settings, protocol and scenarios once a build, before any page is read."""
    project = Project((Path(app.confdir) / app.config.constitution_project).resolve())
    store = domain(app.env)
    try:
        project.check_layout()
        council = project.council()
        # Kept between builds (see model_cache): each part with the files it is read from.
        keep = Path(app.doctreedir) / "constitution"
        # The insert numbering scheme keeps the numbers of the latest adopted version.
        protocol = [
            *files_in(project.protocol),
            project.conf / "council.toml",
            *files_in(project.versions_dir),
        ]
        model = cached(keep, "model", protocol, project.document)
        # Scenarios are checked against the clause IDs, not the clauses' words.
        checks = [
            *files_in(project.checks / "scenarios"),
            project.checks / "rules.yaml",
            project.checks / "rules.py",
            project.conf / "council.toml",
            project.protocol / RETIRED,
        ]
        # The draft as the constitution read it: knowing how it cites other documents.
        constitution = project.constitution(model)
        model = constitution.entry(PROTOCOL).document
        # a worked example may cite any document's paragraph (Project.citable)
        every = [*(c.id for e in constitution for c in e.document.clauses())]
        every += [f"-{cid}" for e in constitution if e.key != PROTOCOL for cid in e.retired]
        scenarios = cached(
            keep,
            "scenarios",
            checks,
            lambda: project.scenarios(model, constitution=constitution),
            extra=" ".join(sorted(every)),
        )
        checking: dict[str, list[Scenario]] = {}
        for scenario in scenarios:
            for cid in sorted(scenario.clauses):
                checking.setdefault(cid, []).append(scenario)
        results = examples.load_results(project.root / RESULTS)
        versions = cached(keep, "versions", files_in(project.versions_dir), project.versions)
        # Each version's files print its references to other documents as its pages do:
        # as numbered in their versions in force on its day in force (cited_clause).
        # (documents.citing, aliased: the submodule sphinxext.citing takes that name here.)
        versions = [
            dataclasses.replace(
                v, citing=cite_elsewhere(constitution, PROTOCOL, v.document, v.in_force)
            )
            for v in versions
        ]
        lock = load_lock(project.checks / LOCK)
        store.build = BuildState(
            project=project,
            model=model,
            constitution=constitution,
            council=council,
            scenarios=scenarios,
            results=dict(results.outcomes),
            results_run=f"{results.run:%-d %B %Y}" if results.run else None,
            examples=graph.examples(scenarios, results, council.id_prefix),
            suspect={sid for sid, _ in suspect(scenarios, constitution, lock)},
            checking=checking,
            baseline=set(baseline.load(project.checks)),
            versions=versions,
            kept=store.kept,
        )
    except ProtocolError as exc:
        for problem in exc.problems:
            problem_log.log(problem)
        raise ProtocolInvalid(f"{len(exc.problems)} problem(s); see the messages above.") from None


def start_build(app: Sphinx, env: object, *changes: object) -> list[str]:
    """What every build does first, before any page is read: load the model (a fresh
    state, forgetting the last build's pages) and start the second process."""
    load_model(app)
    offload.start(app)
    return []


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_needs")
    quiet_events.setup(app)
    # The project's root folder (holding conf/, protocol/, checks/), relative to conf.py.
    app.add_config_value("constitution_project", "..", "env", types=(str,))
    clauses.setup(app)
    needs_graph.setup(app)
    published_files.setup(app)
    search.setup(app)
    # Per build, not per application: a warm server (serve.py) builds again and again.
    app.connect("env-get-outdated", start_build, priority=100)  # before clauses' own
    app.add_css_file("constitution.css")
    app.add_js_file("constitution-cite.js", loading_method="defer")
    app.add_js_file("constitution-terms.js", loading_method="defer")
    app.connect("builder-inited", _add_static)
    page_kinds.setup(app)
    app.connect("html-collect-pages", traceability.collect_pages)
    not_found.setup(app)
    versions_site.setup(app)
    revoked_contents.setup(app)
    ways_in.setup(app)
    documents_site.setup(app)
    app.connect("html-collect-pages", open_data.collect_pages)
    offload.setup(app)
    page_cache.setup(app)
    unbuilt_pages.setup(app)
    csp.setup(app)
    app.connect("config-inited", _templates)
    app.connect("html-page-context", page_assets.filter_script)
    app.connect("html-page-context", navigation.page_context, priority=100)  # before furo's
    app.connect("html-page-context", page_assets.drop_unused, priority=900)
    app.connect("html-page-context", _new_file, priority=999)  # just before the write
    return {
        "version": __version__,
        "env_version": 4,  # bump when a node or domain data changes shape
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _new_file(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Sphinx rewrites a page's file in place; without the old file it writes a new one,
    leaving the published site's link to the old file (build.py) as it was."""
    Path(html_builder(app).get_outfilename(pagename)).unlink(missing_ok=True)


def _templates(app: Sphinx, config: Any) -> None:
    """Our page template (the version banner, in the content) and the title as text."""
    # A new list: the default one is Sphinx's, shared by every Sphinx of the process (a
    # warm server starts another when conf.py changes), which would list ours twice and
    # so find its settings changed, and write every page again.
    config.templates_path = [*config.templates_path, str(Path(__file__).parent / "templates")]
    # Furo draws the title into every page as HTML (its brand); the setting is text. (Its
    # <title> strips tags and unescapes before it escapes, so that shows the text once.)
    config.html_title = escape(config.html_title)


def _add_static(app: Sphinx) -> None:
    static = str(Path(__file__).parent / "static")
    if static not in app.config.html_static_path:
        app.config.html_static_path.append(static)
