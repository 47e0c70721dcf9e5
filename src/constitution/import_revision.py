"""A draft revision imported over the current protocol: its paragraphs matched
to the current ones (unchanged, reworded, moved, renumbered or new), their permanent IDs
kept, and the paragraphs it drops written as revoked.

Apart because only ``import --revision`` uses it, and it needs the project's current
document, which a first import has not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from constitution import import_cited, revision
from constitution.import_model import Imported, ImportedClause
from constitution.model import Clause, Document
from constitution.problems import Problem
from constitution.retired import NAME as RETIRED
from constitution.retired import appended, last_used
from constitution.text_myst import write as write_myst
from constitution.text_plain import plain
from constitution.text_tree import Tree, parse


def revised_words(clause: ImportedClause, words: str, was: Clause, document: Document) -> str:
    """A revised paragraph's MyST: the current paragraph's own, its roles, references and
    emphasis as the editors wrote them, where a reader sees the same words in both (Word
    shows a reference as its words only); else the words as revised, with the current
    paragraph's marks kept over the words left as they were. Its change is
    "unchanged" only then: the matcher compares words, not punctuation."""
    tree = parse(words)
    same = same_words(tree, was.tree, document)
    clause.change = ", ".join(["unchanged" if same else "reworded", *clause.change.split(", ")[1:]])
    return was.text if same else write_myst(revision.kept_marks(was.tree, tree, document))


def same_words(tree: Tree, was: Tree, document: Document) -> bool:
    """Whether a reader sees the same words in both, spacing apart."""
    return " ".join(plain(tree, document).split()) == " ".join(plain(was, document).split())


def kept_words(intro: str, was: str, current: Revised | None) -> str:
    """An introduction, or words between paragraphs, brought back in a revision: as the
    editors wrote them (their roles and references; Word shows a reference as its words)
    where their words are the same."""
    if (
        current is None
        or not was.strip()
        or not same_words(parse(intro), parse(was), current.document)
    ):
        return intro
    return was.strip("\n") + "\n"


@dataclass(frozen=True)
class Revised:
    """The draft a revision revises, and the IDs revoked from it (never given again)."""

    document: Document
    revoked: dict[str, dt.date]
    register: str  # the retired register's text, kept as written
    today: dt.date


def match_revision(clauses: list[ImportedClause], current: Revised, prefix: str) -> None:
    """Give each revised paragraph the ID of the current one it revises, and each new one
    an ID after every ID used or revoked."""
    old = list(current.document.clauses())
    found = revision.match(
        [revision.Paragraph(c.number, plain(c.tree, current.document)) for c in old],
        [revision.Paragraph(c.key, c.text) for c in clauses],
    )
    moved = revision.moved(found)
    for m in found:
        clause, was = clauses[m.new], old[m.old]
        clause.id, clause.revises = was.id, was
        changes = [m.kind] + ["moved"] * (m.new in moved)
        changes += [f"renumbered from {was.number}"] * bool(clause.key and clause.key != was.number)
        clause.change = ", ".join(changes)
    last = last_used([*(c.id for c in old), *current.revoked])
    for clause in clauses:
        if not clause.id:
            last += 1
            clause.id, clause.change = f"{prefix}-{last:04d}", "new"


def reused(
    clauses: list[ImportedClause], draft: Document, root: Path, checks: Path
) -> list[Problem]:
    """Imported afresh over the draft (no --revision), the IDs its paragraphs are given that
    the draft holds for other words: refused, since whatever names one (checks/uncovered.toml,
    a worked example, another document's reference) would silently mean another paragraph.
    Reported where an editor reads the first such ID: in checks/ where it is cited there,
    else at its paragraph in the draft."""
    was = {c.id: c for c in draft.clauses()}
    given = [
        (old, new, words)
        for new in clauses
        if (old := was.get(new.id))
        and revision.words(words := plain(old.tree, draft)) != revision.words(new.text)
    ]
    if not given:
        return []
    named = "; ".join(
        f"{old.id} ({old.number}, '{was}') to {new.key} '{now}'"
        for old, new, words in given[:3]
        for was, now in [apart(words, new.text)]
    ) + (f"; and {len(given) - 3} more" if len(given) > 3 else "")
    cited = import_cited.citations(root, checks, [old.id for old, _, _ in given])
    first = given[0][0]
    path, line = min(w for ws in cited.values() for w in ws) if cited else (first.path, first.line)
    return [Problem.of(path, line, "import-ids-reused", count=len(given), named=named)]


def apart(old: str, new: str, size: int = 6) -> tuple[str, str]:
    """Two paragraphs' words from a word before the first that differs, enough to tell
    them apart: a paragraph reworded in place shows its change, not its same opening."""
    a, b = old.split(), new.split()
    same = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, same - 1)

    def shown(said: list[str]) -> str:
        cut = said[start : start + size]
        return " ".join(["..."] * bool(start) + cut + ["..."] * (start + size < len(said)))

    return shown(a), shown(b)


def no_project(source: Path) -> Problem:
    return Problem.of(source.name, 0, "import-revision-no-project")


def revoked(doc: Imported, current: Revised) -> dict[str, str]:
    """The retired register with the paragraphs the revision has no match for added,
    proposed as revoked today (the date to correct to the day Council adopts)."""
    kept = {c.id for c in doc.clauses()}
    gone = [c for c in current.document.clauses() if c.id not in kept]
    doc.extracted.notes += [
        f"{c.id} ({c.number}) has no match in the revision: proposed for revocation in "
        f"{RETIRED}, dated today; correct the date to the day Council adopts."
        for c in gone
    ]
    if not gone and not current.register:
        return {}
    return {RETIRED: appended(current.register, {c.id: current.today for c in gone})}
