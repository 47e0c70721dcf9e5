"""The files of a council's repository that the tool writes, and their refresh.

`init` writes the council's settings (conf/council.toml, requirements.txt, the rules
model) once: they are the council's. The rest of the template (dev.py, the workflows,
conf.py, the site's pages, the README) is the tool's, filled in with the council's
settings, and `tool-files.json` records what each was written as. A newer release's
`refresh` rewrites each that still is as it was written, and keeps each the council
has changed since (or deleted), so a raised pin brings the template's fixes without
touching the council's own words.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from constitution import __version__
from constitution.model import Document
from constitution.problems import Problem, ProtocolError
from constitution.project import Project

TEMPLATE = Path(__file__).with_name("council_template")
# Stored without their dot: packaging and tools pass over dot-files.
DOTTED = ("gitignore", "gitattributes", "github")
FILLED = (".md", ".toml", ".txt")  # files with $settings to fill in
# The council's own from the day init writes them: never refreshed.
SETTINGS = ("conf/council.toml", "requirements.txt", "checks/rules.yaml")
RECORD = "tool-files.json"
# Where refresh leaves a newer release's file that it did not write, to compare.
COMPARE = Path("_build") / "refresh"


def template_files() -> dict[str, Path]:
    """Each file of the template by its path in a council's repository."""
    named = {}
    for path in sorted(TEMPLATE.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        name = path.relative_to(TEMPLATE).as_posix()
        named["." + name if name.startswith(DOTTED) else name] = path
    return named


def fill(path: Path, values: dict[str, str]) -> bytes:
    if path.suffix not in FILLED:
        return path.read_bytes()
    text = string.Template(path.read_text(encoding="utf-8")).substitute(values)
    return text.encode("utf-8")


def examples(document: Document, prefix: str) -> dict[str, str]:
    """What the site's pages give as examples, the council's own: its first section's
    file, its first paragraph (ID, number as cited, details, words begun) and a worked
    example's ID named for that section."""
    first = next(document.clauses(), None)
    first_section = document.sections[0] if document.sections else None
    section = first_section.slug if first_section else "purpose"
    heading = f"{first_section.number}. {first_section.title}" if first_section else "1. Purpose"
    words = " ".join(first.text.split()) if first else ""
    begun = " ".join(words.split()[:14])
    letters = re.sub(r"[^A-Za-z]", "", section)[:3].upper() or "SEC"
    number = first.number if first else "1.1"
    return {
        "section": section,
        "heading": heading,
        "paragraph": number,
        "paragraph_typed": shlex.quote(number),  # 3(1) is '3(1)' in a shell
        "first_id": first.id if first else f"{prefix}-0001",
        "first_modality": first.modality if first else "informative",
        "first_words": begun + ("..." if begun != words else ""),
        "example_id": f"SC-{letters}-001",
    }


def values_of(project: Project) -> dict[str, str]:
    """The values the tool's files are filled in with, from the council's settings and
    its protocol as they are now."""
    council = project.council()
    return {
        "name": council.name,
        "document": council.document,
        "citation": council.citation,
        "part": council.part,
        "prefix": council.id_prefix,
        "base_url": council.base_url,
        "number_style": council.number_style,
        **examples(project.document(), council.id_prefix),
    }


def listing(index: str, pages: Iterable[str]) -> str:
    """The home page with ``pages`` (appendices published beside it) in its (hidden)
    toctree, after the template's pages."""
    listed = "".join(f"{Path(name).stem}\n" for name in pages)
    at = index.rindex("```")  # the end of the toctree, the page's last block
    return index[:at] + listed + index[at:]


def rendered(values: dict[str, str], appendices: list[str]) -> dict[str, bytes]:
    """The tool's files, as this release writes them for these values."""
    out = {n: fill(p, values) for n, p in template_files().items() if n not in SETTINGS}
    if appendices:
        index = out["docs/index.md"].decode("utf-8")
        out["docs/index.md"] = listing(index, appendices).encode("utf-8")
    return out


def write_settings(root: Path, values: dict[str, str]) -> None:
    """The council's own files, written once by init."""
    named = template_files()
    for name in SETTINGS:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fill(named[name], values))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Record:
    """tool-files.json: the release that last wrote the tool's files, the appendices the
    home page lists, and each file's digest as written."""

    release: str
    appendices: list[str]
    files: dict[str, str]

    @classmethod
    def read(cls, root: Path) -> Record:
        path = root / RECORD
        if not path.is_file():  # made by a release before the record
            return cls("", [], {})
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(str(data["release"]), list(data["appendices"]), dict(data["files"]))

    def write(self, root: Path) -> None:
        data = {"release": self.release, "appendices": self.appendices, "files": self.files}
        text = json.dumps(data, indent=2, sort_keys=True) + "\n"
        (root / RECORD).write_text(text, encoding="utf-8")


def write_new(root: Path, appendices: list[str]) -> None:
    """init's: every tool file, as this release writes it, and their record."""
    files = rendered(values_of(Project(root)), appendices)
    for name, data in files.items():
        put(root / name, data)
    Record(__version__, appendices, {n: digest(d) for n, d in files.items()}).write(root)


def put(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if path.name == "dev.py":
        os.chmod(path, 0o755)


@dataclass(frozen=True)
class Refreshed:
    """What refresh did: files written anew, added, left as they were, and kept (the
    council's changes, or a file it deleted), each kept one with why."""

    before: str
    updated: list[str]
    added: list[str]
    same: list[str]
    kept: list[tuple[str, str]]


def refresh(root: Path, replace: Iterable[str] = ()) -> Refreshed:
    """Rewrite each of the tool's files that is as the tool last wrote it (or that the
    council names in ``replace``) as this release writes it; keep every other, leaving
    this release's beside it in _build/refresh/ to compare."""
    record = Record.read(root)
    files = rendered(values_of(Project(root)), record.appendices)
    unknown = sorted(set(replace) - set(files))
    if unknown:
        listed = ", ".join(sorted(files))
        raise ProtocolError([Problem.of(unknown[0], 0, "refresh-not-tool-file", files=listed)])
    updated: list[str] = []
    added: list[str] = []
    same: list[str] = []
    kept: list[tuple[str, str]] = []
    digests = dict(record.files)
    for name, data in files.items():
        path = root / name
        now = path.read_bytes() if path.is_file() else None
        if now == data:
            same.append(name)
        elif name in replace or (now is None and name not in record.files):
            put(path, data)
            (added if now is None else updated).append(name)
        elif now is not None and digest(now) == record.files.get(name):
            put(path, data)
            updated.append(name)
        else:
            why = (
                "deleted here since the tool wrote it"
                if now is None
                else "changed here since the tool wrote it"
                if name in record.files
                else f"not known to be as the tool wrote it ({RECORD} does not list it)"
            )
            kept.append((name, why))
            put(root / COMPARE / name, data)
            continue
        digests[name] = digest(data)
    Record(__version__, record.appendices, digests).write(root)
    return Refreshed(record.release, updated, added, same, kept)


def said(done: Refreshed, command: str) -> str:
    """What refresh says it did, a line a file changed or kept."""
    was = f"release {done.before}" if done.before else f"a release before {RECORD}"
    lines = [f"The tool's files here were written by {was}; this is release {__version__}:"]
    lines += [f"  updated  {n}" for n in done.updated]
    lines += [f"  added    {n}" for n in done.added]
    lines += [f"  kept     {n}: {why}" for n, why in done.kept]
    lines.append(
        f"{len(done.same)} other file(s) already as this release writes them. The council's "
        "own files are never refreshed: its documents, checks and settings "
        f"({', '.join(SETTINGS)})."
    )
    if done.kept:
        first = done.kept[0][0]
        lines.append(
            f"This release's copy of each file kept is in {COMPARE.as_posix()}/: compare "
            f"them (diff {first} {COMPARE.as_posix()}/{first}), carry over what you want, "
            f"or take this release's whole, one --replace a file: {command} refresh "
            f"--replace {first}"
        )
    if done.updated or done.added:
        lines.append("Review the changes (git diff), run the test, and commit them.")
    return "\n".join(lines)
