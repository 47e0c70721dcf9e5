"""The editor's loop: one Sphinx kept in memory gives the pages a new one would."""

from __future__ import annotations

import contextlib
import gc
import pickle
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.environment import BuildEnvironment

from conftest import copy_project
from constitution.build import NOT_PUBLISHED, sphinx_args
from constitution.kept_environment import STALE
from constitution.project import Project
from constitution.serve import PREVIEW, WarmBuild

# A server killed after a save, as by `kill -9` or a power cut: nothing runs at its end.
KILLED = """
import os, signal, sys
from pathlib import Path
from constitution.project import Project
from constitution.serve import WarmBuild

project, work, section = Project(Path(sys.argv[1])), Path(sys.argv[2]), Path(sys.argv[3])
build = WarmBuild(project, work)
assert build() == 0
text = section.read_text(encoding="utf-8")
section.write_text(text.replace("propose an amendment", "put forward a change", 1), "utf-8")
assert build([section]) == 0
os.kill(os.getpid(), signal.SIGKILL)
"""


def cold(project: Project, work: Path) -> None:
    """What `constitution serve` did before: a new Sphinx process for every save."""
    args = sphinx_args(project, work / "html", work / "doctrees")
    overrides = [a for name, on in PREVIEW.items() for a in ("-D", f"{name}={int(on)}")]
    subprocess.run([sys.executable, "-m", "sphinx", *args, *overrides], check=True)


def files(root: Path) -> dict[str, bytes]:
    """What would be published (not Sphinx's bookkeeping)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not set(p.relative_to(root).parts) & set(NOT_PUBLISHED)
    }


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_rebuilds_in_one_process_match_new_processes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = copy_project(tmp_path / "project")
    warm = WarmBuild(project, tmp_path / "warm")
    request.addfinalizer(warm.stop)
    assert warm() == 0
    warm.tidy()  # as the server does after each build: what the builds keep is frozen
    cold(project, tmp_path / "cold")
    section = project.protocol / "review.md"

    # A clause reworded; then a clause inserted (renumbering the rest) and a title changed.
    replace(section, "propose an amendment", "put forward a change")
    assert warm([section]) == 0
    warm.tidy()
    cold(project, tmp_path / "cold")
    replace(
        section,
        "```{clause}",
        "```{clause} MOP-0990\n:modality: may\n\nNew words.\n```\n\n```{clause}",
    )
    title = section.read_text(encoding="utf-8").splitlines()[0]
    replace(section, title, title + " and amendment")
    assert warm([section]) == 0

    # A mistake is reported and leaves the pages alone; put right, the next save builds.
    before = files(tmp_path / "warm" / "html")
    replace(section, ":modality: may", ":modality: perhaps")
    capsys.readouterr()
    assert warm([section]) == 1
    err = capsys.readouterr().err
    assert "clause-modality" in err and "MOP-0990" in err and "last good build" in err
    assert files(tmp_path / "warm" / "html") == before
    trace, review = (
        tmp_path / "warm" / "html" / name for name in ("traceability.html", "draft/review.html")
    )
    drawn, section_page = trace.stat(), review.stat()
    replace(section, ":modality: perhaps", ":modality: may")
    assert warm([section]) == 0
    # The section's page is written again; the table of every paragraph, unchanged, is not.
    assert review.stat().st_mtime_ns != section_page.st_mtime_ns
    assert (trace.stat().st_ino, trace.stat().st_mtime_ns) == (drawn.st_ino, drawn.st_mtime_ns)
    cold(project, tmp_path / "cold")

    warm_files, cold_files = files(tmp_path / "warm" / "html"), files(tmp_path / "cold" / "html")
    assert warm_files.keys() == cold_files.keys()
    assert [name for name in warm_files if warm_files[name] != cold_files[name]] == []
    page = warm_files["draft/review.html"].decode()
    assert "New words." in page and "put forward a change" in page
    gc.unfreeze()


def test_a_page_no_longer_built_is_taken_out_between_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """A paragraph added, then taken out again while the server runs: its history page
    goes at the save that took it out (the pages the last build made, not a walk of the
    output), and the site is the one a new process builds."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = copy_project(tmp_path / "project")
    warm = WarmBuild(project, tmp_path / "warm")
    request.addfinalizer(warm.stop)
    section = project.protocol / "review.md"
    added = "```{clause} MOP-0990\n:modality: may\n\nNew words.\n```\n\n```{clause}"
    replace(section, "```{clause}", added)
    assert warm() == 0
    history = tmp_path / "warm" / "html" / "versions" / "clauses" / "MOP-0990.html"
    assert history.is_file()
    replace(section, added, "```{clause}")
    assert warm([section]) == 0
    assert not history.exists()
    cold(project, tmp_path / "cold")
    assert files(tmp_path / "warm" / "html").keys() == files(tmp_path / "cold" / "html").keys()


def doctrees(work: Path) -> dict[Path, int]:
    """When each page was last read, by its doctree's time."""
    return {p: p.stat().st_mtime_ns for p in (work / "doctrees").rglob("*.doctree")}


def test_a_server_stopped_and_started_again_serves_every_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While it runs, the server leaves Sphinx's environment unwritten; stopped, it writes
    it, and the next start reads only what was saved since and gives a full build's site."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = copy_project(tmp_path / "project")
    section = project.protocol / "review.md"
    work = tmp_path / "warm"
    environment = work / "doctrees" / "environment.pickle"
    with WarmBuild(project, work) as warm:
        assert warm() == 0
        replace(section, "propose an amendment", "put forward a change")
        assert warm([section]) == 0
        with pytest.raises(ValueError, match=STALE):
            pickle.loads(environment.read_bytes())
    assert type(pickle.loads(environment.read_bytes())) is BuildEnvironment
    replace(section, "at any time", "whenever they wish")  # saved while the server was stopped
    read = doctrees(work)
    with WarmBuild(project, work) as warm:
        assert warm() == 0
    reread = [p for p, t in doctrees(work).items() if read.get(p) != t]
    assert 0 < len(reread) < len(read)
    cold(project, tmp_path / "cold")
    warm_files, cold_files = files(work / "html"), files(tmp_path / "cold" / "html")
    assert warm_files.keys() == cold_files.keys()
    assert [name for name in warm_files if warm_files[name] != cold_files[name]] == []
    page = warm_files["protocol/review.html"].decode()
    assert "put forward a change" in page and "whenever they wish" in page


def test_a_server_killed_after_a_save_is_built_afresh_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = copy_project(tmp_path / "project")
    section = project.protocol / "review.md"
    work = tmp_path / "warm"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, str(project.root), str(work), str(section)], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    with pytest.raises(ValueError, match=STALE):
        pickle.loads((work / "doctrees" / "environment.pickle").read_bytes())
    read = doctrees(work)
    with WarmBuild(project, work) as warm:
        assert warm() == 0
    assert [p for p, t in doctrees(work).items() if read.get(p) == t] == []  # all read again
    assert "put forward a change" in (work / "html" / "protocol" / "review.html").read_text()


def test_a_settings_change_starts_sphinx_afresh(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    project = copy_project(tmp_path / "project")
    warm = WarmBuild(project, tmp_path / "warm")
    request.addfinalizer(warm.stop)
    assert warm() == 0
    first = warm.app
    conf = project.conf / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nhtml_title = "Renamed site"\n')
    assert warm([conf]) == 0
    assert warm.app is not first
    assert "Renamed site" in (tmp_path / "warm" / "html" / "index.html").read_text()


def test_every_save_is_rebuilt_even_one_made_as_the_server_starts(tmp_path: Path) -> None:
    """The watcher runs before the first build: a save made during it, or the instant
    "Serving" is printed, is rebuilt and served."""
    import http.client
    import socket
    import time
    import urllib.request

    project = copy_project(tmp_path / "project")
    section = project.protocol / "review.md"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = ["-m", "constitution", "--project", str(project.root), "serve", "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, *command],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        replace(section, "propose an amendment", "put forward a change")  # during the build
        assert server.stderr is not None
        for line in server.stderr:
            if line.startswith("Serving"):
                break
        replace(section, "at any time", "whenever they wish")  # the instant it serves
        url = f"http://127.0.0.1:{port}/protocol/review.html"
        page = ""
        for _ in range(240):
            # A read begun just before a rebuild can still be cut short: read it again.
            with contextlib.suppress(OSError, http.client.HTTPException):
                page = urllib.request.urlopen(url, timeout=5).read().decode()
            if "put forward a change" in page and "whenever they wish" in page:
                break
            time.sleep(0.25)
        assert "put forward a change" in page and "whenever they wish" in page
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_page_asked_for_during_a_rebuild_is_served_when_the_rebuild_ends(tmp_path: Path) -> None:
    """Sphinx writes pages in place: a page asked for mid-build waits for the build, and
    is then whole and up to date (not the old page, nor one cut short)."""
    import socket
    import time
    import urllib.error
    import urllib.request

    project = copy_project(tmp_path / "project")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = ["-m", "constitution", "--project", str(project.root), "serve", "--port", str(port)]
    server = subprocess.Popen([sys.executable, *command], stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        lines = iter(server.stderr)
        assert any(line.startswith("Serving") for line in lines)
        replace(project.protocol / "review.md", "at any time", "whenever they wish")
        assert any(line.startswith("Changed:") for line in lines)  # the rebuild has begun
        url = f"http://127.0.0.1:{port}/protocol/review.html"
        page = ""
        for _ in range(600):  # the socket opens just after the watcher starts
            try:
                page = urllib.request.urlopen(url, timeout=600).read().decode()
                break
            except urllib.error.URLError as refused:
                assert isinstance(refused.reason, ConnectionRefusedError), refused
                time.sleep(0.1)
        assert "whenever they wish" in page and "</html>" in page
    finally:
        server.terminate()
        server.wait(timeout=30)
    # Stopped as Ctrl+C or a service manager stops it, it wrote its environment whole.
    written = project.root / "_build" / "serve" / "doctrees" / "environment.pickle"
    assert type(pickle.loads(written.read_bytes())) is BuildEnvironment


def test_a_mistake_before_the_first_build_is_said_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dev.py serve` started on sources with a problem (a document listed in
    conf/council.toml and not yet imported) printed the problem, then a traceback: the
    end of a build that never began looked for its state (council9). The problem is said,
    and the next save, put right, builds."""
    project = copy_project(tmp_path / "project")
    settings = project.conf / "council.toml"
    good = settings.read_text(encoding="utf-8")
    listed = (
        '\n[[documents]]\nkey = "code"\ntitle = "Code"\npart = "Part 5.1"\n'
        'id_prefix = "COC"\ncite = "paragraph {number} of the Code"\n'
    )
    settings.write_text(good + listed, encoding="utf-8")
    with WarmBuild(project, tmp_path / "warm") as warm:
        assert warm() == 1
        err = capsys.readouterr().err
        assert "document-folder-missing" in err and "Traceback" not in err
        settings.write_text(good, encoding="utf-8")
        assert warm([settings]) == 0


def test_a_mistake_in_the_settings_is_said_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A [[documents]] entry missing its `cite`, as `serve` starts: `build` and `check`
    say the problem at its line, `serve` printed it inside a traceback of conf.py
    (council9). Said as they say it; put right, the next save builds."""
    project = copy_project(tmp_path / "project")
    settings = project.conf / "council.toml"
    good = settings.read_text(encoding="utf-8")
    listed = '\n[[documents]]\nkey = "code"\ntitle = "Code"\npart = "Part 5.1"\nid_prefix = "COC"\n'
    settings.write_text(good + listed, encoding="utf-8")
    with WarmBuild(project, tmp_path / "warm") as warm:
        assert warm() == 1
        err = capsys.readouterr().err
        assert "document-setting" in err and "cite" in err and "Traceback" not in err
        settings.write_text(good, encoding="utf-8")
        assert warm([settings]) == 0
