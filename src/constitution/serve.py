"""The editor's loop: build, serve on localhost, rebuild and reload on every save."""

from __future__ import annotations

import os
import sys

from constitution.build import source_date_epoch, sphinx_args
from constitution.project import Project


def serve(project: Project, host: str, port: int) -> int:
    from sphinx_autobuild.__main__ import main as autobuild

    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(project.root)
    work = project.root / "_build" / "serve"
    args = [a for a in sphinx_args(project, work / "html", work / "doctrees") if a != "-q"]
    args += ["-D", "constitution_search=0"]  # the editor's loop skips the search index
    # docs/protocol is a link to protocol/: watch the real folders too.
    watch = ["--watch", str(project.protocol), "--watch", str(project.conf)]
    print(f"Serving the site on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    autobuild([*args, *watch, "--host", host, "--port", str(port)])
    return 0
