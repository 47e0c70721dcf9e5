"""The editor's loop: build, serve on localhost, rebuild and reload on every save.

Sphinx stays in memory between builds. sphinx-autobuild starts a new Sphinx for each
save, which at thousands of clauses costs more than the rebuild itself; here a save costs
only reading what changed and writing the pages that show it. sphinx-autobuild still
provides the watcher and the page-reload socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import logging
import os
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from constitution import kept_environment
from constitution.build import colour, source_date_epoch
from constitution.document_settings import FOLDER
from constitution.problems import Problem, ProtocolError, as_text
from constitution.project import Project

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from starlette.applications import Starlette

# What only the published site needs: the search index, open data files and PDFs.
PREVIEW = {"constitution_search": False, "constitution_open_data": False, "needs_build_json": False}
NOT_SOURCES = r"__pycache__|\.pytest_cache|~$|\.sw[px]$"  # written by tools and editors
RELOAD = "/_constitution/reload.js"  # a file, as the pages' policy forbids inline script
RELOAD_JS = (
    "new WebSocket(`ws://${location.host}/websocket-reload`).onmessage = () => location.reload();\n"
)


class Warnings(io.TextIOBase):
    """Standard error, as Sphinx's warning stream, counting what it writes: a warning a
    write. (Sphinx counts them too, but for its whole life, and a warm Sphinx builds
    again and again.)"""

    count = 0

    def write(self, text: str) -> int:
        self.count += 1
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()

    def isatty(self) -> bool:
        return sys.stderr.isatty()


def settings_problems(exc: BaseException) -> list[Problem]:
    """The problems of the council's settings that stopped Sphinx reading conf.py (it
    wraps them in its ConfigError), or none."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ProtocolError):
        cause = cause.__cause__
    return list(cause.problems) if cause is not None else []


class WarmBuild:
    """Sphinx's incremental build into ``work``, one Sphinx kept for every build.

    Used in a ``with`` block, which ends its Sphinx's hold on docutils' registries: left
    to the garbage collector, they would be given back in the middle of a later build;
    and writes Sphinx's environment for the next start (kept_environment).
    """

    def __init__(self, project: Project, work: Path) -> None:
        self.project = project
        self.work = work
        self.app: Sphinx | None = None
        self.warnings = Warnings()
        self.scope = contextlib.ExitStack()  # docutils' registries, for one Sphinx's life
        self.ended = False  # whether the last build ran to its end: its environment is whole

    def __call__(self, changed: Sequence[Path] = ()) -> int:
        """Build; 0 if the pages are up to date, else the problems are on stderr."""
        from constitution.sphinxext import ProtocolInvalid

        if any(self.project.conf in path.parents for path in changed):
            self.stop()  # conf.py is read once a Sphinx
        self.ended = False
        try:
            app = self.app or self.start()
            before = self.warnings.count
            app.build()
            self.ended = True
        except ProtocolInvalid:
            # Found before any page is read: this Sphinx is still good for the next save.
            print("The pages shown are from the last good build.", file=sys.stderr)
            return 1
        except Exception as exc:  # shown to the editor, who fixes it and saves again
            self.stop()
            if said := settings_problems(exc):  # conf.py's, as the other commands say them
                print(as_text(said), file=sys.stderr)
                return 1
            traceback.print_exc()
            return 2
        return 1 if self.warnings.count > before else 0

    def __enter__(self) -> WarmBuild:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def tidy(self) -> None:
        """Between builds: collect the last build's garbage, then set what is left aside
        from the collector (gc.freeze). The next build's collections then pass over only
        what it makes, not the whole kept Sphinx: 13% off a rebuild at 5,000 clauses."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def start(self) -> Sphinx:
        from sphinx.application import Sphinx
        from sphinx.util.console import nocolor
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        if not colour():
            nocolor()

        self.scope.enter_context(patch_docutils(self.project.conf))
        self.scope.enter_context(docutils_namespace())
        self.app = Sphinx(
            str(self.project.docs),
            str(self.project.conf),
            str(self.work / "html"),
            str(self.work / "doctrees"),
            "html",
            confoverrides=PREVIEW,
            status=None,  # Sphinx's progress (and MyST's settings dump) are noise here
            warning=cast("IO[str]", self.warnings),  # Sphinx's logging writes and flushes
            warningiserror=True,
            keep_going=True,
        )
        kept_environment.keep(self.app.env)
        return self.app

    def stop(self) -> None:
        if self.app and self.ended:
            kept_environment.write(self.app.env, self.work / "doctrees")
        self.app = None
        self.scope.close()


class Saves:
    """Every save from before the first build on. A thread watches the folders and is
    running before the first build starts, so that nothing saved while the site is first
    built, or while the server starts, is missed (a watcher started with the server missed
    a save made a second after "Serving" was printed)."""

    def __init__(self, folders: list[Path], work: Path) -> None:
        from sphinx_autobuild.filter import IgnoreFilter
        from watchfiles import watch

        ignore = IgnoreFilter([work], [NOT_SOURCES])
        self.queue: queue.SimpleQueue[set[Path]] = queue.SimpleQueue()
        self.stopping = threading.Event()
        ready = threading.Event()

        def run() -> None:
            for changes in watch(
                *folders,
                watch_filter=lambda change, path: not ignore(path),
                stop_event=self.stopping,
                yield_on_timeout=True,  # the first (empty) yield: the watcher is running
                rust_timeout=100,
            ):
                ready.set()
                if changes:
                    self.queue.put({Path(p).resolve() for _, p in changes})

        threading.Thread(target=run, name="saves", daemon=True).start()
        ready.wait()

    def take(self, wait: float) -> set[Path]:
        """The files saved since the last call (waiting up to ``wait`` s for the first)."""
        try:
            saved = self.queue.get(timeout=wait)
        except queue.Empty:
            return set()
        with contextlib.suppress(queue.Empty):
            while True:
                saved |= self.queue.get_nowait()
        return saved

    def stop(self) -> None:
        self.stopping.set()


def site(project: Project, build: WarmBuild, saves: Saves, host: str, port: int) -> Starlette:
    """The served site: pages, the reload script, and the socket that tells pages to
    reload after each build."""
    from sphinx_autobuild.filter import IgnoreFilter
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import Response
    from starlette.routing import Mount, Route, WebSocketRoute
    from starlette.staticfiles import StaticFiles
    from starlette.types import ASGIApp, Receive, Scope, Send

    # Sphinx writes pages in place: a page read while it is rewritten comes out cut short,
    # so a request made during a build waits for the build to end.
    built = asyncio.Event()
    built.set()

    class Watcher(RebuildServer):  # type: ignore[misc]
        """Builds in this process (sphinx-autobuild's runs each in a new one), one at a time."""

        async def watch(self) -> None:
            loop = asyncio.get_running_loop()
            with ThreadPoolExecutor(max_workers=1) as one:
                while True:
                    # A short wait, so that the server can stop between waits.
                    paths = sorted(await loop.run_in_executor(None, saves.take, 0.5))
                    if not paths:
                        continue
                    built.clear()
                    print(f"Changed: {', '.join(map(str, paths[:5]))}", file=sys.stderr)
                    start = time.perf_counter()
                    try:
                        status = await loop.run_in_executor(one, build, paths)
                    finally:
                        built.set()
                    took = f"{time.perf_counter() - start:.2f} s"
                    print(
                        f"Rebuilt in {took}" if status == 0 else f"Failed ({took})", file=sys.stderr
                    )
                    self.flag.set()  # the pages reload; then, while they are read:
                    await loop.run_in_executor(one, build.tidy)

    class Reload(JavascriptInjectorMiddleware):  # type: ignore[misc]
        def __init__(self, app: object, ws_url: str) -> None:
            super().__init__(app, ws_url)
            self.script = f'<script src="{RELOAD}"></script>\n'.encode()

    class WhenBuilt:
        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            await built.wait()
            await self.app(scope, receive, send)

    watcher = Watcher([], IgnoreFilter([], []), change_callback=build)

    async def reload_js(request: object) -> Response:
        return Response(RELOAD_JS, media_type="text/javascript")

    return Starlette(
        routes=[
            Route(RELOAD, reload_js),
            WebSocketRoute("/websocket-reload", watcher),
            Mount("/", app=WhenBuilt(StaticFiles(directory=build.work / "html", html=True))),
        ],
        middleware=[Middleware(Reload, ws_url=f"{host}:{port}")],
        lifespan=watcher.lifespan,
    )


def serve(project: Project, host: str, port: int) -> int:
    import uvicorn

    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # each change is printed below
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(project.root)
    folders = [project.docs, project.protocol, project.conf, project.checks, project.versions_dir]
    folders.append(project.root / FOLDER)  # the constitution's other documents, if any
    with WarmBuild(project, project.root / "_build" / "serve") as build:
        saves = Saves([f for f in folders if f.is_dir()], build.work)
        try:
            print("Building the site (a minute or so the first time)...", file=sys.stderr)
            build()
            build.tidy()
            (build.work / "html").mkdir(parents=True, exist_ok=True)  # served if it failed
            app = site(project, build, saves, host, port)
            print(f"Serving the site on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
            # uvicorn stops on SIGTERM, then sends it again to this process, whose default
            # ends it at once: as an exit instead, the build is stopped as after Ctrl+C,
            # writing Sphinx's environment (kept_environment).
            signal.signal(signal.SIGTERM, _exit)
            uvicorn.run(app, host=host, port=port, log_level="warning")
        finally:
            saves.stop()
    return 0


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # the status a shell gives a process the signal ended
