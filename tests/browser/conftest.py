"""A built site served on loopback, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from constitution.build import build_site
from constitution.project import Project

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def served(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def built(factory: pytest.TempPathFactory, name: str, project: Project) -> Iterator[str]:
    """The project's site, built into a folder of its own, and served."""
    out = factory.mktemp(name) / "site"
    assert build_site(project, out) == 0
    yield from served(out)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Iterator[str]:
    yield from built(tmp_path_factory, "browser", project)


@pytest.fixture(scope="session")
def revoked_url(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Iterator[str]:
    """The model with numbers its members' enquiries section printed as revoked when it
    was imported (its front matter: 17.2A, and 17.10 after its last), built and served."""
    root = tmp_path_factory.mktemp("revoked") / "project"
    shutil.copytree(project.root, root, symlinks=True)
    path = root / "protocol" / "member-enquiries.md"
    front = "---\nrevoked 17.2A: Deleted\nrevoked 17.10: Not used\n---\n"
    path.write_text(front + path.read_text(encoding="utf-8"), encoding="utf-8")
    yield from built(tmp_path_factory, "browser-revoked", Project(root))


@pytest.fixture(scope="session")
def constitution_url(
    tmp_path_factory: pytest.TempPathFactory, whole_constitution: Project
) -> Iterator[str]:
    """The fixture constitution of three documents, built and served."""
    yield from built(tmp_path_factory, "browser-constitution", whole_constitution)


@pytest.fixture(scope="session")
def adopted_url(
    tmp_path_factory: pytest.TempPathFactory, adopted_constitution: Project
) -> Iterator[str]:
    """The fixture constitution with versions of each document adopted, built and served."""
    yield from built(tmp_path_factory, "browser-adopted", adopted_constitution)


@pytest.fixture(scope="session")
def decided_url(
    tmp_path_factory: pytest.TempPathFactory, decided_constitution: Project
) -> Iterator[str]:
    """The fixture constitution with a worked example an Article decides, built and served."""
    yield from built(tmp_path_factory, "browser-decided", decided_constitution)


@pytest.fixture(scope="session")
def preview(
    tmp_path_factory: pytest.TempPathFactory, project: Project
) -> Iterator[tuple[str, Project]]:
    """`constitution serve` running on a copy of the model project, as an editor uses it:
    the preview (no search index), rebuilt and reloaded on every save."""
    root = tmp_path_factory.mktemp("preview") / "project"
    shutil.copytree(project.root, root, symlinks=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "constitution", "--project", str(root), "serve"]
    log = root / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen([*command, "--port", str(port)], stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}/"
    while True:
        try:
            urllib.request.urlopen(url).close()
            break
        except OSError:
            assert server.poll() is None, f"constitution serve stopped:\n{log.read_text()}"
            time.sleep(0.2)
    yield url, Project(root)
    server.terminate()
    server.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), (
        f"Chromium is needed at {CHROMIUM} for the browser tests: install Debian's "
        "'chromium' package (.ci/run does), or set CHROMIUM to its path."
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Anything the Content-Security-Policy blocks is reported on the console.
    page.on(
        "console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None
    )
    yield page
    context.close()
    assert errors == [], f"JavaScript errors or policy violations: {errors}"
