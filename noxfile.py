"""Named sessions: what CI runs is what a person runs.

Each session installs what it needs into its own virtual environment, pinned by
constraints.txt (regenerate with `nox -s lock`).
"""

from __future__ import annotations

import nox

# A problem's fix names a command as whoever reads it types it here (problems.command).
AS_TYPED = {"CONSTITUTION_COMMAND": "python3 dev.py constitution"}

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests", "browser"]

PIN = ("-c", "constraints.txt")


def install(session: nox.Session, *extras: str) -> None:
    spec = f".[{','.join(extras)}]" if extras else "."
    session.install(*PIN, "-e", spec)


@nox.session
def serve(session: nox.Session) -> None:
    """Build the site, serve it on localhost and rebuild on every save."""
    install(session, "serve")
    session.run("constitution", "serve", *session.posargs)


@nox.session
def constitution(session: nox.Session) -> None:
    """Any command of the tool: `python3 dev.py constitution import protocol.docx --out ...`"""
    install(session, "serve")
    session.run("constitution", *session.posargs, env=AS_TYPED)


@nox.session
def build(session: nox.Session) -> None:
    """Build the public site into _build/site."""
    install(session)
    session.run("constitution", "build", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite: the tool, the site build, the editor's loop and the scenario checks."""
    install(session, "test", "serve")
    session.run("pytest", "--ignore=tests/browser", *session.posargs)


@nox.session
def browser(session: nox.Session) -> None:
    """The site in a real Chromium (Debian's): axe-core, keyboard, search, citing.

    Fails, never skips, when Chromium is missing: .ci/run installs it."""
    install(session, "test", "browser", "serve")
    session.run("pytest", "tests/browser", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """The traceability gate: is the constitution whole? (e.g. -- --format github)"""
    install(session)
    session.run("constitution", "check", *session.posargs, env=AS_TYPED)


@nox.session
def changes(session: nox.Session) -> None:
    """What the draft changes since a git ref, in every document, as Markdown (-- origin/main)."""
    install(session)
    base = session.posargs[0] if session.posargs else "origin/main"
    session.run("constitution", "redline", base, "draft", "--format", "markdown", "--whole")


@nox.session
def mutants(session: nox.Session) -> None:
    """Disable each rule of the rules model in turn; some scenario must then fail."""
    install(session)
    session.run("constitution", "mutants")


@nox.session
def bench(session: nox.Session) -> None:
    """Our build against plain Sphinx on the same clauses (500, 2,000, 5,000), one table.

    Takes a few minutes; pass sizes to narrow it, e.g. `-- 500:3`."""
    install(session, "serve")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session
def bench_gate(session: nox.Session) -> None:
    """Time the traceability gate on the model protocol and on 5,000 synthetic clauses
    (`-- --before OLD/src`: and the tool in OLD/src, in turn, with the ratio)."""
    install(session)
    session.run("python", "benchmarks/gate.py", *session.posargs)


@nox.session
def bench_documents(session: nox.Session) -> None:
    """The gate, a full build and peak memory of a constitution of 20 documents sharing
    5,000 paragraphs, against the same paragraphs as one document (`-- --documents 5`)."""
    install(session, "serve")
    session.run("python", "benchmarks/documents.py", *session.posargs)


@nox.session
def bench_clause_box(session: nox.Session) -> None:
    """The time a clause of drawing its box and About panel, on the model and on 5,000
    paragraphs (`-- --before ../old/src`: against the tool there too)."""
    install(session)
    session.run("python", "benchmarks/clause_box.py", *session.posargs)


@nox.session
def bench_versions(session: nox.Session) -> None:
    """Time the site build with 1, 5 and 20 adopted versions."""
    install(session)
    session.run("python", "benchmarks/versions.py")


@nox.session
def bench_import(session: nox.Session) -> None:
    """`constitution import` on the corpus made from the reference protocols, scored
    against the hand-written gold, one row a document (`-- c01 c05` narrows it)."""
    install(session, "test")  # ReportLab, which lays out the corpus's PDFs
    session.run("python", "benchmarks/importer.py", *session.posargs)


@nox.session
def bench_import_speed(session: nox.Session) -> None:
    """The import's time as a protocol grows (100, 400, 1,600 paragraphs), as text, a Word
    file and a PDF (`-- 200 800` for other sizes)."""
    install(session, "test")  # python-docx and ReportLab, which make the files
    session.run("python", "benchmarks/import_speed.py", *session.posargs)


@nox.session
def bench_revision(session: nox.Session) -> None:
    """A revision drafted in Word, made from each reference protocol, imported against it
    with --revision: precision and recall of the paragraphs matched to their IDs."""
    install(session, "test")  # ReportLab, which lays out the corpus's PDFs
    session.run("python", "benchmarks/revision.py", *session.posargs)


@nox.session
def bench_phone(session: nox.Session) -> None:
    """Bytes, requests and largest contentful paint per page kind on a throttled phone."""
    install(session, "browser")
    session.run("python", "benchmarks/phone.py")


@nox.session
def bench_search(session: nox.Session) -> None:
    """Share of benchmarks/search_questions.yaml answered first, in the first 3 and in the
    first 10 results of the site's own search (Pagefind, in Chromium); lists the misses.
    `-- --site DIR` uses a built site instead of building one."""
    install(session, "browser")
    session.run("python", "benchmarks/search.py", *session.posargs)


@nox.session
def bench_situations(session: nox.Session) -> None:
    """The new situations of checks/new-situations against the rules model: how many can
    be said, get the expected outcome, the full expectation; the vocabulary used once."""
    install(session)
    session.run("python", "benchmarks/situations.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format) and mypy on the package (with serve's libraries, whose
    types serve.py uses)."""
    install(session, "lint", "serve")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def lock(session: nox.Session) -> None:
    """Re-pin every dependency (direct and indirect) into constraints.txt."""
    session.install("-e", ".[serve,test,lint,browser]", "nox")
    frozen = session.run("pip", "freeze", "--exclude-editable", silent=True) or ""
    lines = sorted(line for line in frozen.splitlines() if "==" in line)
    with open("constraints.txt", "w", encoding="utf-8") as f:
        f.write("# Generated by `nox -s lock`: every dependency, pinned.\n")
        f.write("\n".join(lines) + "\n")
