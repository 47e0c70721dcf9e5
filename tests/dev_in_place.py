"""`python3 dev.py ARGS` run in place: the same nox sessions, run by nox in this Python.

dev.py would make .venv and nox a venv a session, installing everything (minutes). This
runs the repository's own dev.py mapping and noxfile with nox's --no-venv --no-install,
so a session's commands are the ones this test environment already has. Run it in the
repository's folder, as dev.py is: `python tests/dev_in_place.py -s check -- --format json`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path.cwd()))  # the dev.py under test: the repository's own
    import dev

    command = [sys.executable, "-m", "nox", "--no-venv", "--no-install", *dev.nox_args(argv)]
    return subprocess.run(command).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
