"""Bring a council's own protocol in: find its sections and clauses, report its defects,
and write it as MyST with fresh permanent IDs.

Numbering styles seen in real protocols are recognised: "7.12", "7.12.", "5.5 – 7.12"
(a Part prefix), "(12)", and sections as "7. Title", "7 Title", "5.5 – 7 Title" or an
unnumbered heading. Lettered and roman items ("a.", "(a)", "i)") and bullets stay inside
their clause unless a section has no other clauses. The source's own numbers are kept
on each clause (``:source-number:``) so the first redline can show old against new.

This module ties the steps together; each is a module of its own: the lines read by
extract.py, their shapes (import_shapes), the structure found (import_structure), the
defects (import_defects), the MyST written (import_myst) and the report (import_report).
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from constitution import import_parts, output_folder
from constitution.dropped_marks import unmarked_items
from constitution.extract import extract
from constitution.extract_lines import Line
from constitution.import_defects import find_defects
from constitution.import_model import Imported, ImportedSection, Text
from constitution.import_numbered_part import one_numbered_part, part_sections
from constitution.import_shapes import heading_like
from constitution.import_structure import Structurer
from constitution.problems import Problem, ProtocolError
from constitution.retired import NAME as RETIRED


def import_protocol(source: Path, take: int | None = None) -> Imported:
    """The protocol in ``source``; ``take`` chooses one document of a file holding more
    than one (import_parts)."""
    structurer = Structurer(unmarked_items(extract(source)), source.name, take)
    doc = structurer.run()
    if structurer.took_language:  # --take chose the language, not a document
        take = None
    parts = titled_parts(doc, import_parts.split(doc.sections))
    chosen = import_parts.choose(parts, take, source)
    if take is not None and len(parts) > 1:
        take_part(doc, parts, chosen, take)
    if not doc.clauses():
        raise ProtocolError([Problem.of(str(source), 0, "import-not-protocol")])
    one_numbered_part(doc)
    part_sections(doc)
    find_defects(doc)
    return doc


def next_front(part: import_parts.Part[ImportedSection]) -> tuple[Text, int]:
    """Where the next document's title and introduction stand at the end of ``part``: the
    words closing its last paragraph (or section), and the place among them of the last
    heading there (a report's "Appendix A: Protocol on ...", a code's title over its
    introduction), -1 where there is none. A paragraph's own first words are never it."""
    last_section = part.sections[-1]
    last = last_section.clauses[-1] if last_section.clauses else None
    holder = last_section.intro if last is None else last.after if last.after.paragraphs else last
    own = 1 if holder is last else 0
    at = next(
        (
            i
            for i in range(len(holder.paragraphs) - 1, own - 1, -1)
            if heading_like(holder.paragraphs[i])
        ),
        -1,
    )
    return holder, at


def titled_parts(
    doc: Imported, parts: list[import_parts.Part[ImportedSection]]
) -> list[import_parts.Part[ImportedSection]]:
    """The documents of the file, each with the title printed over it (for the first, the
    last heading of the file's introduction, or the file's title), so that a refusal
    names them as their readers do."""
    if len(parts) < 2:
        return parts
    intro = doc.intro.paragraphs
    titles = [next((p for p in reversed(intro) if heading_like(p)), doc.title)]
    for before in parts[:-1]:
        holder, at = next_front(before)
        titles.append(holder.paragraphs[at] if at >= 0 else "")
    return [replace(part, title=title) for part, title in zip(parts, titles, strict=True)]


def take_part(
    doc: Imported,
    parts: list[import_parts.Part[ImportedSection]],
    chosen: import_parts.Part[ImportedSection],
    take: int,
) -> None:
    """Keep only the document ``take`` of the file; every word of the others is listed as
    left out. A later document's title is the last heading before its first section (a
    report's "Appendix A: Protocol on ..."), found at the end of the one before, and the
    words between it and the first section are its introduction: so the document taken
    begins at its own title, and ends before the next's."""
    why = f"document 1 of the file, not imported (--take {take})"
    if chosen is not parts[0]:
        holder, at = next_front(parts[take - 2])
        if at >= 0 and doc.title_at:  # the whole title, which may be two lines joined
            doc.left_out.append((replace(doc.title_at, text=doc.title), why))
        doc.left_out += [
            (Line(p, line.line, line.page), why)
            for p, line in zip(doc.intro.paragraphs, doc.intro.lines, strict=True)
        ]
        doc.intro = Text()
        if at >= 0:
            doc.title, doc.title_at = holder.paragraphs[at], holder.lines[at]
            doc.intro = Text(paragraphs=holder.paragraphs[at + 1 :], lines=holder.lines[at + 1 :])
            del holder.paragraphs[at:], holder.lines[at:]
    if chosen is not parts[-1]:
        holder, at = next_front(chosen)
        if at >= 0:
            after = f"document {take + 1} of the file, not imported (--take {take})"
            doc.left_out += [
                (Line(p, line.line, line.page), after)
                for p, line in zip(holder.paragraphs[at:], holder.lines[at:], strict=True)
            ]
            del holder.paragraphs[at:], holder.lines[at:]
    doc.left_out += import_parts.left_out(parts, chosen, take)
    doc.sections = chosen.sections
    doc.extracted.notes.append(
        f"The file holds {len(parts)} documents; document {take} was imported "
        f"({chosen.describe(take).partition(': ')[2]})."
    )


def claimed(out: Path, force: bool) -> Path:
    """``out`` resolved, if the import may write it: new or empty, or (with ``force``) a
    folder of pages it wrote before, never one holding anything else."""
    if out.exists() and any(out.iterdir()) and not force:
        raise ProtocolError([Problem.of(str(out), 0, "import-would-overwrite")])
    return output_folder.claim(out, Path.cwd(), may_hold=("*.md", RETIRED))


def write(files: dict[str, str], out: Path, force: bool) -> None:
    """Write the files into ``out`` as one step: all of them, or none. With ``force`` an
    existing protocol folder is replaced, but never a folder holding anything else."""
    out = claimed(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    for name, text in files.items():
        (staged / name).write_text(text, encoding="utf-8")
    output_folder.replace(staged, out, mark=False)
