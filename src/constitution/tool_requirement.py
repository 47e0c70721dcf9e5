"""The line of a council's requirements.txt that installs this tool: where the running
tool itself was installed from, as pip records it (PEP 610's direct_url.json), so that a
council started from a clone of the tool's repository pins that repository, not a
version no package index carries."""

from __future__ import annotations

import json
import re
import subprocess
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

from constitution import __version__

NAME = "council-constitution"
# what a council installs: the tool with its editor's loop, or `dev.py serve` cannot start
PINNED = f"{NAME}[serve]"
SCP = re.compile(r"(?P<user>[\w.-]+)@(?P<host>[\w.-]+):(?P<path>.+)")  # git@host:owner/repo


def requirement(
    version: str, direct_url: dict[str, object] | None, origin: str | None, commit: str | None
) -> tuple[str, str | None]:
    """The requirement, and a warning when it names a folder on this machine."""
    if direct_url is None:  # installed from a package index
        return f"{PINNED}=={version}", None
    url = str(direct_url["url"])
    vcs = direct_url.get("vcs_info")
    if isinstance(vcs, dict):
        return f"{PINNED} @ {vcs['vcs']}+{url}@{vcs['commit_id']}", None
    if origin and commit and (remote := _remote(origin)):
        return f"{PINNED} @ git+{remote}@{commit}", None
    where = unquote(urlparse(url).path)
    return f"{PINNED} @ {url}", (
        f"requirements.txt installs the tool from {where}, on this machine, which the "
        "council's CI cannot reach: before you push, pin a version your package index "
        "carries, or the tool's repository (requirements.txt says how), or give init --tool."
    )


def _remote(origin: str) -> str | None:
    """A git remote as pip can fetch it, or None for one on this machine."""
    if scp := SCP.fullmatch(origin):
        return f"ssh://{scp['user']}@{scp['host']}/{scp['path']}"
    scheme = urlparse(origin).scheme
    return origin if scheme in {"https", "http", "ssh", "git"} else None


def of_running_tool() -> tuple[str, str | None]:
    """The requirement for the tool now running (see ``requirement``)."""
    try:
        recorded = metadata.distribution(NAME).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        recorded = None
    direct_url = json.loads(recorded) if recorded else None
    origin = commit = None
    if direct_url and str(direct_url["url"]).startswith("file://"):
        folder = Path(unquote(urlparse(str(direct_url["url"])).path))
        origin, commit = (
            _git(folder, "remote", "get-url", "origin"),
            _git(folder, "rev-parse", "HEAD"),
        )
    return requirement(__version__, direct_url, origin, commit)


def _git(folder: Path, *args: str) -> str | None:
    if not folder.is_dir():
        return None
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None
