"""The editor's loop: build, serve on localhost, rebuild and reload on every save."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from constitution.build import source_date_epoch, sphinx_args
from constitution.project import Project


def serve_args(project: Project, work: Path) -> list[str]:
    """The editor's loop: Sphinx's incremental build in ``work``, without what only the
    published site needs (the search index, the open data files and PDFs, needs.json)."""
    args = sphinx_args(project, work / "html", work / "doctrees")
    off = ("constitution_search", "constitution_open_data", "needs_build_json")
    return [*args, *(a for name in off for a in ("-D", f"{name}=0"))]


def serve(project: Project, host: str, port: int) -> int:
    from sphinx_autobuild.__main__ import main as autobuild

    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(project.root)
    args = [a for a in serve_args(project, project.root / "_build" / "serve") if a != "-q"]
    # docs/protocol is a link to protocol/: watch the real folders too.
    watch = ["--watch", str(project.protocol), "--watch", str(project.conf)]
    print(f"Serving the site on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    autobuild([*args, *watch, "--host", host, "--port", str(port)])
    return 0
