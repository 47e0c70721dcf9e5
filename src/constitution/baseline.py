"""The coverage baseline: an honest start for a council that brings in its own protocol.

A newly imported protocol has many rule-bearing paragraphs and no worked examples yet.
Rather than mark them informative (untrue) or write every example at once, a council
records which paragraphs are not yet covered in checks/uncovered.toml. The list may only
shrink: the gate fails if a paragraph on it is covered (or no longer states a rule) and
has not been taken off, and, against the base of a pull request, if anything was added.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from constitution.model import Document
from constitution.problems import Problem, ProtocolError, parse_toml, read_toml

NAME = "uncovered.toml"
SHOWN = f"checks/{NAME}"
HEADER = """\
# Rule-bearing paragraphs not yet covered by a worked example: an honest start for a
# protocol brought in from elsewhere. This list may only shrink. When a worked example
# covers a paragraph, take its ID off the list; `constitution check` fails until you do,
# and fails a pull request that adds an ID. Written by `constitution baseline`.
"""


def ids_of(data: dict[str, object]) -> list[str]:
    """The IDs of a baseline file's tables, in order; a ProtocolError if malformed."""
    ids = data.get("clauses", [])
    if set(data) - {"clauses"} or not isinstance(ids, list):
        raise malformed("it holds something other than 'clauses = [...]'")
    if not all(isinstance(i, str) for i in ids):
        raise malformed("'clauses' lists something other than clause IDs in quotes")
    return list(ids)


def malformed(what: str) -> ProtocolError:
    return ProtocolError([Problem.of(SHOWN, 0, "baseline-shape", what=what)])


def load(checks: Path) -> list[str]:
    """The baseline's IDs; none if there is no baseline file."""
    try:
        return ids_of(read_toml(checks / NAME, SHOWN, "baseline-syntax"))
    except FileNotFoundError:
        return []


def at_ref(root: Path, ref: str) -> list[str]:
    """The baseline as it was at a git ref (none if it had none)."""
    from constitution.versions import git

    where = f"./checks/{NAME}"
    if not git(root, ref, "ls-tree", "--name-only", ref, where).strip():
        return []
    text = git(root, ref, "show", f"{ref}:{where}").decode("utf-8")
    return ids_of(parse_toml(text, SHOWN, "baseline-syntax"))


def open_rules(document: Document, covered: set[str]) -> list[str]:
    """The rule-bearing clauses no worked example covers, in the document's order."""
    return [c.id for c in document.clauses() if c.normative and c.id not in covered]


def problems(
    checks: Path,
    document: Document,
    covered: set[str],
    listed: list[str],
    before: list[str] | None,
) -> list[Problem]:
    """What is wrong with the baseline: entries that should have been taken off, entries
    listed twice, and (against a pull request's base, ``before``) entries added."""
    found = []
    path = checks / NAME
    lines = path.read_text(encoding="utf-8").splitlines() if listed else []

    def problem(clause_id: str, code: str, **fields: object) -> None:
        line = next((n for n, text in enumerate(lines, 1) if f'"{clause_id}"' in text), 0)
        found.append(Problem.of(SHOWN, line, code, clause_id, **fields))

    seen: set[str] = set()
    for clause_id in listed:
        clause = document.clause(clause_id)
        if clause_id in seen:
            problem(clause_id, "baseline-duplicate")
        elif clause is None or not clause.normative or clause_id in covered:
            why = (
                "is not a paragraph of the protocol"
                if clause is None
                else "is covered by a worked example"
                if clause_id in covered
                else "no longer states a rule (its modality is informative)"
            )
            problem(clause_id, "baseline-stale", why=why)
        seen.add(clause_id)
    for clause_id in sorted(set(listed) - set(before if before is not None else listed)):
        problem(clause_id, "baseline-grown")
    return found


def write(checks: Path, ids: Iterable[str]) -> None:
    from constitution import files

    body = "".join(f'    "{i}",\n' for i in ids)
    files.replace(checks / NAME, f"{HEADER}clauses = [\n{body}]\n")
