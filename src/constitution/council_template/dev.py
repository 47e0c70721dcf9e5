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
    requirements = (ROOT / "requirements.txt").read_bytes()
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
        # the tool afresh (pip keeps an installed one of the same version, and a raised
        # pin to a newer commit names the same version), then what it now needs
        tool = [*pip, "--force-reinstall", "--no-deps", *pinned]
        if subprocess.run(tool).returncode or subprocess.run([*pip, *pinned]).returncode:
            sys.exit(
                "dev.py: pip could not install the tool as requirements.txt pins it (its "
                "message is above). If your package index does not carry that version, pin "
                "the tool's repository instead, as the comment in requirements.txt shows, "
                "and run this again."
            )
        installed.write_bytes(requirements)
    return str(bin_dir / "python")


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
