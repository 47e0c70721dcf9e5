"""What changed between two versions of the protocol, clause by clause.

Clauses are matched by permanent ID, so a redline survives renumbering: a clause whose
number alone changed is "renumbered", not deleted and inserted, and one now in another
section is "moved" (where a rule sits is part of what it says, so a move is never folded
away with the renumbering). Text changes are diffed word by word.
"""

from __future__ import annotations

import difflib
import functools
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from constitution.documents import Entry
from constitution.model import Clause, Document, Section
from constitution.project import Project
from constitution.text_plain import plain
from constitution.versions import git

KINDS = ("inserted", "revoked", "reworded", "moved", "renumbered")
WORD = re.compile(r"\s+|[^\s]+")


class Numbered(Protocol):
    @property
    def number(self) -> str: ...


class Sides:
    """A change's two sides, either absent (inserted, revoked), and their numbers."""

    old: Numbered | None
    new: Numbered | None

    @property
    def old_number(self) -> str:
        return self.old.number if self.old else ""

    @property
    def new_number(self) -> str:
        return self.new.number if self.new else ""


@dataclass(frozen=True)
class Change(Sides):
    kind: str
    id: str
    old: Clause | None
    new: Clause | None
    # the sections it was in and is in now, where they differ (moved, or reworded and moved)
    moved: tuple[Section, Section] | None = None

    @property
    def described(self) -> str:
        """The change in words: its kind, and for a move the sections from and to ("moved
        from section 4 (Meetings) to section 5 (Conduct)"; "reworded, moved from ...")."""
        if self.moved is None:
            return self.kind
        move = moved_words(*self.moved)
        return move if self.kind == "moved" else f"{self.kind}, {move}"


def moved_words(was: Section, now: Section) -> str:
    """A paragraph's move between sections, in words (as its history says it too)."""
    return f"moved from section {was.number} ({was.title}) to section {now.number} ({now.title})"


def compare(old: Document, new: Document) -> list[Change]:
    """Every clause inserted, revoked, reworded, moved or renumbered, in reading order."""
    changes = []
    for clause in new.clauses():
        before = old.clause(clause.id)
        if before is None:
            changes.append(Change("inserted", clause.id, None, clause))
            continue
        # sections are the same one from version to version by their slug (file name)
        moved = (
            (old.section_of(before), new.section_of(clause))
            if before.section != clause.section
            else None
        )
        if before.text != clause.text or before.modality != clause.modality:
            changes.append(Change("reworded", clause.id, before, clause, moved))
        elif moved:
            changes.append(Change("moved", clause.id, before, clause, moved))
        elif before.number != clause.number:
            changes.append(Change("renumbered", clause.id, before, clause))
    changes += [Change("revoked", c.id, c, None) for c in old.clauses() if new.clause(c.id) is None]
    return changes


@dataclass(frozen=True)
class WordsChange:
    """A section's unnumbered words between its paragraphs (model.Between) changed: some
    added, removed, reworded, or tied to another paragraph. Not a paragraph's change: they
    have no ID, so the redline shows the section's words between, before and after, each
    sub-heading or paragraph on a line after where it stands."""

    section: str  # its slug
    number: str  # its number in the newer version (the older's, if the newer lacks it)
    old: str
    new: str


def words_changes(old: Document, new: Document) -> list[WordsChange]:
    """Each section whose words between paragraphs differ, in the newer's order."""
    before = {s.slug: s for s in old.sections}
    found = []
    for section in new.sections:
        was = before.get(section.slug)
        then = between_words(was, old) if was else ""
        now = between_words(section, new)
        if then != now:
            found.append(WordsChange(section.slug, section.number, then, now))
    return found


def between_words(section: Section, document: Document) -> str:
    """A section's words between paragraphs as the redline compares them: a line each,
    after where it stands ("before 3.4:", or "at the end:"), a sub-heading as '## ...'."""
    lines = []
    for words in section.between:
        clause = document.clause(words.before)
        where = f"before {clause.number}" if clause else "at the end"
        text = " ".join(plain(words.tree, document).split())
        lines.append(f"{where}: {'#' * words.level + ' ' if words.level else ''}{text}")
    return "\n".join(lines)


@dataclass(frozen=True)
class HeadingChange(Sides):
    """A section's heading changed: retitled, moved among the sections both versions hold,
    both, inserted or revoked. Not a paragraph's change: a heading has no ID, so a section
    is the same one from version to version by its file, as a paragraph's section is."""

    kind: str  # "inserted", "revoked", "retitled", "moved" or "retitled, moved"
    old: Section | None
    new: Section | None

    @property
    def slug(self) -> str:
        section = self.new or self.old
        assert section is not None
        return section.slug

    @property
    def old_title(self) -> str:
        return self.old.title if self.old else ""

    @property
    def new_title(self) -> str:
        return self.new.title if self.new else ""


def heading_changes(old: Document, new: Document) -> list[HeadingChange]:
    """Each section inserted, retitled or moved, in the newer's order, then each revoked.
    A section moved is one outside the longest run of the sections both hold that kept
    their order (a section inserted or revoked before another moves none)."""
    before, after = {s.slug: s for s in old.sections}, {s.slug: s for s in new.sections}
    was = [s.slug for s in old.sections if s.slug in after]
    now = [s.slug for s in new.sections if s.slug in before]
    blocks = difflib.SequenceMatcher(None, was, now, autojunk=False).get_matching_blocks()
    in_order = {now[k] for _, b, size in blocks for k in range(b, b + size)}
    found = []
    for section in new.sections:
        then = before.get(section.slug)
        if then is None:
            found.append(HeadingChange("inserted", None, section))
            continue
        kinds = [
            kind
            for kind, changed in (
                ("retitled", then.title != section.title),
                ("moved", section.slug not in in_order),
            )
            if changed
        ]
        if kinds:
            found.append(HeadingChange(", ".join(kinds), then, section))
    return found + [HeadingChange("revoked", s, None) for s in old.sections if s.slug not in after]


def heading_text(changes: list[HeadingChange]) -> list[str]:
    """The headings changed, as the redline's text shows a change: a retitled one's words
    compared."""
    blocks = []
    for c in changes:
        was = f"section {c.old_number} ({c.old_title})" if c.old else "-"
        now = f"section {c.new_number} ({c.new_title})" if c.new else "-"
        block = f"Heading  {was} -> {now}  {c.kind}"
        if c.old and c.new and c.old_title != c.new_title:
            block += f"\n  {_text_marked(word_diff(c.old_title, c.new_title))}"
        blocks.append(block)
    return blocks


HEADINGS_HEAD = ("Old number", "Old heading", "New number", "New heading", "Change")


def heading_rows(changes: list[HeadingChange]) -> list[tuple[str, str, str, str, str]]:
    """The headings changed as a table's rows (HEADINGS_HEAD): "-" where a side has none."""
    return [
        (c.old_number or "-", c.old_title or "-", c.new_number or "-", c.new_title or "-", c.kind)
        for c in changes
    ]


def words_text(changes: list[WordsChange]) -> list[str]:
    """The words between paragraphs changed, as the redline's text shows a change."""
    return [
        f"Words between the paragraphs of section {c.number} changed\n  "
        + _text_marked(word_diff(c.old, c.new)).replace("\n", "\n  ")
        for c in changes
    ]


def substantive(changes: list[Change]) -> tuple[list[Change], list[Change]]:
    """The changes to the words or to where a paragraph sits (moved to another section),
    apart from the paragraphs only renumbered: every comparison shows the second folded
    away, under either numbering scheme."""
    return (
        [c for c in changes if c.kind != "renumbered"],
        [c for c in changes if c.kind == "renumbered"],
    )


Runs = tuple[tuple[str, str], ...]


def readable_diff(change: Change, old: Document, new: Document) -> Runs:
    assert change.old is not None and change.new is not None
    return word_diff(plain(change.old.tree, old), plain(change.new.tree, new))


# The editor's loop draws every redline to the draft again on each save; most of its
# paragraphs' diffs are the same as last time.
@functools.lru_cache(maxsize=65536)
def word_diff(old: str, new: str) -> Runs:
    """(op, text) runs, op one of '=', '-', '+': a word-level diff keeping white space."""
    a, b = WORD.findall(old), WORD.findall(new)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                runs.append(("-", "".join(a[i1:i2])))
            if j2 > j1:
                runs.append(("+", "".join(b[j1:j2])))
    return tuple(runs)


def markdown_summary(
    changes: list[Change], title: str, old: Document, new: Document, form: str, under: str = ""
) -> str:
    """A GitHub job summary: a table of changes, then each rewording word by word, its
    paragraph named as its document is cited (``form``), then the section's words
    between paragraphs that changed; one heading down where it is one document's
    ``under`` the whole summary's title."""
    level = "###" if under else "##"
    words = [
        f"\n{level}# Words between the paragraphs of section {c.number}\n\n"
        + "".join(_mark(op, text) for op, text in word_diff(c.old, c.new)).strip()
        for c in words_changes(old, new)
    ]
    headings = _table(HEADINGS_HEAD, heading_rows(heading_changes(old, new)))
    if not changes:
        none = "No clause is inserted, reworded, revoked or renumbered."
        shown = "".join(f"\n{line}" for line in headings)
        return f"{level} {title}\n\n{none}\n{shown}" + "".join(f"{w}\n" for w in words)
    worded, renumbered = substantive(changes)
    head = ["| Clause | Old number | New number | Change |", "|---|---|---|---|"]
    lines = [f"{level} {title}", ""]
    if worded:
        lines += [*head, *_rows(worded)]
    if headings:
        lines += ["", *headings]
    if renumbered:
        lines += [
            "",
            f"<details><summary>{len(renumbered)} paragraph(s) renumbered only, their words "
            "unchanged</summary>",
            "",
            *head,
            *_rows(renumbered),
            "",
            "</details>",
        ]
    for c in worded:
        if c.kind == "reworded" and c.old and c.new:
            marked = "".join(_mark(op, text) for op, text in readable_diff(c, old, new))
            named = cited(form, c.new.number)
            lines += ["", f"{level}# {c.id} ({named})", "", marked.strip()]
        elif c.kind == "inserted" and c.new:
            named = cited(form, c.new.number)
            lines += ["", f"{level}# {c.id} (new {named})", "", c.new.text]
    return "\n".join(lines + words) + "\n"


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """A Markdown table, or nothing where it has no rows."""
    if not rows:
        return []
    return [f"| {' | '.join(head)} |", "|" + "---|" * len(head)] + [
        f"| {' | '.join(row)} |" for row in rows
    ]


def _rows(changes: list[Change]) -> list[str]:
    return [
        f"| {c.id} | {c.old_number or '-'} | {c.new_number or '-'} | {c.described} |"
        for c in changes
    ]


def _text_marked(runs: Runs) -> str:
    """Words compared, as the text redline marks them: [-deleted-] and {+inserted+}."""
    return "".join(t if op == "=" else f"[-{t}-]" if op == "-" else f"{{+{t}+}}" for op, t in runs)


def _mark(op: str, text: str) -> str:
    """Markdown for one diff run: struck through if deleted, bold if inserted."""
    if op == "=" or not text.strip():
        return text if op != "-" else ""
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{'~~' if op == '-' else '**'}{core}{'~~' if op == '-' else '**'}{trail}"


def document_at(project: Project, ref: str, entry: Entry | None = None) -> Document:
    """The protocol, or the document ``entry``, as it stood at a git ref (a branch, tag
    or commit)."""
    # the adopted records too: insert numbering keeps the latest one's numbers
    parts = ["conf", "protocol" if entry is None else entry.folder]
    if git(project.root, ref, "ls-tree", "--name-only", ref, "versions").strip():
        parts.append("versions")
    with tempfile.TemporaryDirectory(prefix="constitution-") as tmp:
        archive = git(project.root, ref, "archive", ref, *parts)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        then = Project(Path(tmp))
        return then.document() if entry is None else then.entry(entry.key).document


def holds(project: Project, ref: str, folder: str) -> bool:
    """Whether ``ref`` ('draft', an adoption date or a git ref) holds the folder: a git
    ref from before a document was brought in does not."""
    if ref == "draft" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref):
        return True
    return bool(git(project.root, ref, "ls-tree", "--name-only", ref, folder).strip())


def cited(form: str, number: str) -> str:
    """A paragraph's number as its document is cited (``form``: "Article {number}" gives
    "Article 1.1A"); "-" where it has none (not yet inserted, or revoked)."""
    return form.format(number=number) if number else "-"


def as_text(changes: list[Change], old: Document, new: Document, form: str) -> str:
    """One block a change, its paragraph named as its document is cited (``form``);
    deletions [-like this-] and insertions {+like this+}."""
    words = heading_text(heading_changes(old, new)) + words_text(words_changes(old, new))
    if not changes:
        return "\n".join(["No clause is inserted, reworded, revoked or renumbered.", *words])
    worded, renumbered = substantive(changes)
    blocks = []
    for c in worded:
        head = f"{c.id}  {cited(form, c.old_number)} -> {cited(form, c.new_number)}  {c.described}"
        if c.kind == "reworded" and c.old and c.new:
            blocks.append(f"{head}\n  {_text_marked(readable_diff(c, old, new))}")
        else:
            blocks.append(head)
    if renumbered:  # one line, apart: a renumbering is not a change to the words
        listed = ", ".join(f"{cited(form, c.old_number)} -> {c.new_number}" for c in renumbered)
        blocks.append(f"Renumbered only, words unchanged ({len(renumbered)}): {listed}")
    return "\n".join(blocks + words)


def as_json(
    changes: list[Change],
    old: str,
    new: str,
    words: list[WordsChange] | None = None,
    headings: list[HeadingChange] | None = None,
) -> dict[str, object]:
    """The changes as data; ``words``, a section's words between paragraphs changed, and
    ``headings``, the sections' headings changed, only where there are any, and a
    paragraph's ``moved`` (the sections from and to) only where it moved (the keys are
    new: files without them are as they were)."""
    between = [
        {"section": w.section, "number": w.number, "old": w.old, "new": w.new} for w in words or ()
    ]
    heads = [
        {
            "kind": h.kind,
            "section": h.slug,
            "old_number": h.old_number or None,
            "new_number": h.new_number or None,
            "old_title": h.old_title or None,
            "new_title": h.new_title or None,
        }
        for h in headings or ()
    ]
    return {
        "from": old,
        "to": new,
        "changes": [
            {
                "kind": c.kind,
                "id": c.id,
                "old_number": c.old_number or None,
                "new_number": c.new_number or None,
                "old_text": c.old.text if c.old else None,
                "new_text": c.new.text if c.new else None,
                "diff": [list(run) for run in word_diff(c.old.text, c.new.text)]
                if c.kind == "reworded" and c.old and c.new
                else [],
                **({"moved": _moved_json(c.moved)} if c.moved else {}),
            }
            for c in changes
        ],
        **({"words_between": between} if between else {}),
        **({"headings": heads} if heads else {}),
    }


def _moved_json(moved: tuple[Section, Section]) -> dict[str, dict[str, str]]:
    was, now = moved
    return {
        "from": {"section": was.slug, "number": was.number, "title": was.title},
        "to": {"section": now.slug, "number": now.number, "title": now.title},
    }


def apply(old: Document, changes: list[Change]) -> list[tuple[str, str, str]]:
    """The (ID, number, text) of every clause once ``changes`` are applied to ``old``:
    equal to the new version's exactly when the change list is complete."""
    changed = {c.id: c for c in changes}
    result = [(c.id, c.number, c.text) for c in old.clauses() if c.id not in changed]
    result += [(c.new.id, c.new.number, c.new.text) for c in changes if c.new is not None]
    return sorted(result)
