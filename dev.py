#!/usr/bin/env python3
"""Bootstrap for a fresh machine: needs only Python 3.11+ (with pip or venv).

    python3 dev.py serve     build the site and serve it on http://127.0.0.1:8000/
    python3 dev.py test      run the whole test suite (lint, the gate, tests, browser tests)
    python3 dev.py constitution ARGS...
                             any command of the tool, e.g. `constitution check`
    python3 dev.py ARGS...   any nox arguments, e.g. `python3 dev.py -s build`

It makes .venv (once), installs the pinned nox into it, and runs nox, which gives
each session its own environment. Nothing is installed outside the project folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
SHORTCUTS = {"serve": ["-s", "serve"], "test": ["-s", "lint", "check", "tests", "browser"]}


def pinned(name: str) -> str:
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    match = re.search(rf"^{name}==\S+$", text, re.M | re.I)
    return match.group(0) if match else name


def bootstrap() -> None:
    python = BIN / "python"
    if not python.exists():
        say(
            "First run: making .venv with nox (under a minute). Each nox session then "
            "installs what it needs into .nox/ the first time it runs (a few minutes)."
        )
        try:
            venv.create(VENV, with_pip=True)
        except (subprocess.CalledProcessError, OSError):
            # Debian without python3-venv: make the venv bare and let pip fill it.
            venv.create(VENV, with_pip=False, clear=True)
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "--python",
                    str(python),
                    "install",
                    "--quiet",
                    "pip",
                ],
                check=True,
            )
    if subprocess.run([python, "-c", "import nox"], capture_output=True).returncode:
        subprocess.run([python, "-m", "pip", "install", "--quiet", pinned("nox")], check=True)


def say(text: str) -> None:
    print(f"dev.py: {text}", file=sys.stderr, flush=True)


def nox_args(argv: list[str]) -> list[str]:
    """The nox arguments for dev.py's: a shortcut, `constitution ...`, or nox's own."""
    if argv and argv[0] == "constitution":
        return ["-s", "constitution", "--", *argv[1:]]
    # A shortcut stands for its nox arguments; anything else is passed to nox as it is.
    return [*SHORTCUTS[argv[0]], *argv[1:]] if argv and argv[0] in SHORTCUTS else list(argv)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        sys.exit("council-constitution needs Python 3.11 or newer.")
    bootstrap()
    return subprocess.run([BIN / "python", "-m", "nox", *nox_args(argv)], cwd=ROOT).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
