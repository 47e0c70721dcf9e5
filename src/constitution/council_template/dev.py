#!/usr/bin/env python3
"""Set-up and commands for this council's constitution; needs only Python 3.11+.

    python3 dev.py serve         build the site, serve it on http://127.0.0.1:8000/
    python3 dev.py test          the gate, the worked examples and the site build
    python3 dev.py examples [FILE ...]
                                 run the worked examples (of checks/, or these files)
    python3 dev.py COMMAND ...   any command of the constitution tool, e.g. `check`

The first run makes .venv and installs the tool there, as requirements.txt pins it;
nothing is installed anywhere else. CONSTITUTION_PYTHON names another Python that
already has the tool (a CI image, say) to use instead of .venv.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# What `test` runs, in order: each must pass.
TEST = (("constitution", "check"), ("examples",), ("constitution", "build"))


def say(text: str) -> None:
    print(f"dev.py: {text}", file=sys.stderr, flush=True)


def python() -> str:
    """The Python that runs the tool: CONSTITUTION_PYTHON, or .venv made as needed."""
    if given := os.environ.get("CONSTITUTION_PYTHON"):
        return given
    bin_dir = VENV / ("Scripts" if os.name == "nt" else "bin")
    requirements = pinned_state()
    installed = VENV / "installed-requirements.txt"
    if not installed.is_file() or installed.read_bytes() != requirements:
        say("installing the constitution tool into .venv (a few minutes the first time)")
        venv.create(VENV, with_pip=True)
        pip = [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ]
        pinned = ["-r", str(ROOT / "requirements.txt")]
        # a pip that reads a pin to a git repository on this machine (git+file://...@commit):
        # the one Python 3.11 brings refuses it as an invalid URL
        newer_pip = [*pip, "pip>=24.1"]
        # the tool afresh (pip keeps an installed one of the same version, and a raised
        # pin to a newer commit names the same version), then what it now needs
        tool = [*pip, "--force-reinstall", "--no-deps", *pinned]
        steps = (newer_pip, tool, [*pip, *pinned])
        if any(subprocess.run(step).returncode for step in steps):
            sys.exit(
                "dev.py: pip could not install the tool as requirements.txt pins it (its "
                "message is above). If your package index does not carry that version, pin "
                "the tool's repository instead, as the comment in requirements.txt shows, "
                "and run this again."
            )
        installed.write_bytes(requirements)
    return str(bin_dir / "python")


def pinned_state() -> bytes:
    """requirements.txt, and the commit of each folder on this machine it pins the tool
    to: a folder moved on to a newer commit is installed again, its pin's words the same."""
    text = (ROOT / "requirements.txt").read_bytes()
    state = [text]
    for line in text.decode("utf-8").splitlines():
        pin = line.partition("#")[0].strip()
        where = pin.rpartition(" @ ")[2]  # a name @ its address, or an address alone
        if where.startswith("file:"):
            where = unquote(urlparse(where).path)
        if not where.startswith(("/", ".")) or not (ROOT / where).is_dir():
            continue
        try:
            head = subprocess.run(
                ["git", "-C", str(ROOT / where), "rev-parse", "HEAD"], capture_output=True
            ).stdout.strip()
        except OSError:  # no git here: the folder is installed once, as a version is
            head = b""
        state.append(b"\n# " + where.encode("utf-8") + b" at " + head)
    return b"".join(state)


def run(exe: str, *args: str) -> int:
    module = "constitution" if args[0] == "constitution" else args[0]
    # A problem's fix names a command as it is typed here: `python3 dev.py confirm ...`.
    env = {**os.environ, "CONSTITUTION_COMMAND": "python3 dev.py"}
    return subprocess.run([exe, "-m", module, *args[1:]], cwd=ROOT, env=env).returncode


def examples(exe: str, *files: str) -> int:
    """The worked examples, run before they are confirmed (the gate's `check` only says
    whether they were confirmed against their paragraphs' words)."""
    status = run(exe, "pytest", "-q", *(files or ("checks",)))
    if status == 5 and not files:  # pytest collected nothing
        say("no worked examples yet: checks/scenarios/ holds none")
        return 0
    return status


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        sys.exit("This needs Python 3.11 or newer.")
    exe = python()
    if argv[:1] == ["examples"]:
        return examples(exe, *argv[1:])
    if argv[:1] == ["test"]:
        for step in TEST:
            say(" ".join(step))
            status = examples(exe) if step == ("examples",) else run(exe, *step)
            if status:
                return status
        return 0
    return run(exe, "constitution", *(argv or ["--help"]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
