"""The import report: what was imported, what was left out and why, and every
fault found, as JSON (``--report-json``) and as the text printed after an import.

Apart because it only reads the imported document; nothing else in the import needs it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from constitution.import_defects import STYLE_EXAMPLES, cited, number_style
from constitution.import_model import Imported, Text
from constitution.modality import LEVELS


def placed(words: Text) -> list[dict[str, object]]:
    return [
        {
            "text": p,
            "line": line.line,
            "page": line.page,
            **({"heading": True} if n in words.titles else {}),
        }
        for n, (p, line) in enumerate(zip(words.paragraphs, words.lines, strict=True))
    ]


def report(doc: Imported, source: Path) -> dict[str, object]:
    style = number_style(doc)
    return {
        "source": source.name,
        "title": doc.title,
        "number_style": style,  # conf/council.toml's number-style for these numbers
        "revisions": doc.extracted.revisions,
        "notes": doc.extracted.notes,
        # unnumbered words, kept in their place: before the first section (in index.md),
        # and each section's before its first clause
        "intro": placed(doc.intro),
        # whole sections printed as revoked, kept in their place (the index's front matter)
        "revoked_sections": [
            {"number": n, "said": said, "line": line.line, "page": line.page, "text": line.text}
            for line, n, said in doc.revoked_sections
        ],
        "sections": [
            {
                "number": s.number,
                # the number printed on its heading, where the site numbers it otherwise
                **({"printed": s.printed} if s.printed else {}),
                "title": s.title,
                "slug": s.slug,
                "intro": placed(s.intro),
                # each line printing numbers as revoked, kept in their place, revoked, with
                # the words printed there (the section's front matter)
                "revoked": [
                    {
                        "numbers": numbers,
                        "said": said,
                        "line": line.line,
                        "page": line.page,
                        "text": line.text.strip(),
                    }
                    for line, numbers, said in s.revoked
                ],
                "clauses": [
                    {
                        "id": c.id,
                        "source_number": cited(c, s, style),
                        # with --revision: what it was, and how it changed
                        **({"revises": c.revises.number} if c.revises else {}),
                        **({"change": c.change} if c.change else {}),
                        "line": c.where.line,
                        "page": c.where.page,
                        "headings": c.headings,
                        # unnumbered words after it, kept there (sub-headings among them)
                        **({"after": placed(c.after)} if c.after.paragraphs else {}),
                        # for review: the guessed modality, how sure, and from which words
                        **(c.guess.as_dict() if c.guess else {}),
                    }
                    for c in s.clauses
                ],
            }
            for s in doc.sections
        ],
        "defects": [d.as_dict() for d in doc.in_order()],
        # left out, and written as pages of their own with --appendices
        "appendices": [
            {"title": s.title, "line": s.where.line, "page": s.where.page, "file": f"{s.slug}.md"}
            for s in doc.appendices
        ],
        "left_out": [
            {"line": line.line, "page": line.page, "text": line.text.strip(), "reason": why}
            for line, why in doc.left_out
        ],
    }


def report_text(doc: Imported, source: Path, numbers: Mapping[str, str] | None = None) -> str:
    """What the import says of the document; ``numbers``, each clause's number as the
    project now publishes it (init's), cite the guesses to review as the site does (a
    number printed twice is published as inserted), else as printed."""
    clauses = doc.clauses()
    kinds = Counter(d.kind for d in doc.defects)
    found = "; ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "no defects"
    lines = [
        f"Imported {source.name}: {len(doc.sections)} sections, {len(clauses)} clauses; "
        f"{found}; {len(doc.left_out)} line(s) left out."
    ]
    if changes := Counter(c.change.split(",")[0] for c in clauses if c.change):
        moved = sum("moved" in c.change for c in clauses)
        renumbered = sum("renumbered" in c.change for c in clauses)
        lines.append(
            f"Revision: {changes['unchanged']} unchanged, {changes['reworded']} reworded, "
            f"{moved} moved, {renumbered} renumbered, {changes['new']} new "
            "(each paragraph's change is in the JSON report)."
        )
    style = number_style(doc)
    if reprinted := printed_afresh(doc, style):
        lines.append(
            f"{len(reprinted)} paragraph(s) are printed here with another number than the "
            f"one recorded as printed when they were imported ({', '.join(reprinted[:8])}"
            f"{', ...' if len(reprinted) > 8 else ''}): each :source-number: is written as "
            "printed in this document. A number Council adopted stays the one published, "
            "so the redline shows no change for them."
        )
    lines += [f"Note: {note}" for note in doc.extracted.notes]
    lines.append(
        f"Paragraph numbers are printed in the style {style!r} ({STYLE_EXAMPLES[style]}): "
        f'number-style = "{style}" in conf/council.toml publishes them so.'
    )
    intros = len(doc.intro.paragraphs) + sum(len(s.intro.paragraphs) for s in doc.sections)
    if intros:
        lines.append(
            f"{intros} unnumbered paragraph(s) before a section's first clause (or before the "
            "first section) were kept there, as an introduction with no number."
        )
    between = sum(len(c.after.paragraphs) for c in doc.clauses())
    if between:
        lines.append(
            f"{between} unnumbered paragraph(s) or sub-heading(s) after a numbered paragraph "
            "were kept where they stand, between paragraphs, with no number."
        )
    if gone := [n for _, n, _ in doc.revoked_sections]:
        lines.append(
            f"{len(gone)} section number(s) printed as revoked were kept as revoked, each in "
            f"its place with the words printed there (the index's front matter): "
            f"{', '.join(gone)}. No new section is given one."
        )
    if kept := [n for s in doc.sections for _, numbers, _ in s.revoked for n in numbers]:
        lines.append(
            f"{len(kept)} number(s) printed as revoked were kept as revoked, each in its place "
            f"with the words printed there (the section's front matter): {', '.join(kept)}. "
            "No new paragraph is given one."
        )
    if doc.left_out:
        lines.append(f"{len(doc.left_out)} line(s) left out:")
        lines += [f"  {line.where}: {shortened(line.text)} ({why})" for line, why in doc.left_out]
    if doc.defects:
        lines.append(f"{len(doc.defects)} defect(s) in the source:")
        for d in doc.in_order():
            lines.append(f"  {d.where.where if d.where else '-'}: {d.kind} {d.number}: {d.message}")
            lines += [f"      {consequence}" for consequence in d.consequences]
    else:
        lines.append("No defects found in the source's numbering.")
    # a revised paragraph keeps the modality the editors gave it: only a new one is guessed
    guessed = [
        (c.guess, c, s) for s in doc.sections for c in s.clauses if c.guess and not c.revises
    ]
    revision = any(c.revises for c in doc.clauses())
    if guessed:
        lines.append(
            f"{'Each new' if revision else 'Every'} clause's modality is a first guess, tagged "
            "'imported': review them, the least certain first, then run 'constitution check' "
            "for the clauses that need worked examples."
        )
    # the least certain first, in the document's order within each confidence
    for guess, c, s in sorted(guessed, key=lambda found: LEVELS.index(found[0].confidence)):
        said = ", ".join(f"'{p}'" for p in guess.phrases) or "no modal verb"
        shown = (numbers or {}).get(c.id) or (cited(c, s, style) if c.number else "unnumbered")
        lines.append(
            f"  {c.id} ({shown}): {guess.modality}, {guess.confidence} confidence, from {said}"
        )
    return "\n".join(lines)


def printed_afresh(doc: Imported, style: str) -> list[str]:
    """The revised paragraphs whose number printed in the revision is not the one their
    :source-number: recorded ("2.3 as 3.1", after a renumbering Council adopted)."""
    return [
        f"{was} as {now}"
        for s in doc.sections
        for c in s.clauses
        if c.revises
        and (was := c.revises.source_number)
        and c.number
        and (now := cited(c, s, style)) != was
    ]


def shortened(text: str, size: int = 80) -> str:
    """A line as the report lists it: whole (a running head, a footer), or where longer
    than ``size`` (a paragraph of a document not imported), its whole words up to it and
    "...", never a word cut in two."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    return text[: size + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + " ..."


def dump_report(doc: Imported, source: Path, path: Path) -> None:
    path.write_text(
        json.dumps(report(doc, source), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
