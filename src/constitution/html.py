"""HTML for a clause, shared by the Sphinx pages (draft) and the frozen versions' pages,
so that a paragraph reads the same in every version."""

from __future__ import annotations

from html import escape

from constitution.council import Council
from constitution.model import Clause

MODALITY_WORDS = {
    "must": "A duty (must)",
    "must-not": "A prohibition (must not)",
    "should": "Expected practice (should)",
    "may": "A permission (may)",
    "informative": "Explanation (not a rule)",
}


def clause_open(clause_id: str, number: str, modality: str) -> str:
    """The clause's box, its number as a permalink, and an anchor by number too."""
    clause_id, number, modality = escape(clause_id), escape(number), escape(modality)
    return (
        f'<div class="clause clause-{modality}" id="{clause_id}" data-number="{number}">'
        f'<span id="para-{number}"></span>'
        f'<a class="clause-number" href="#{clause_id}" '
        f'aria-label="Paragraph {number}, link to this paragraph">{number}</a>'
    )


def about_html(
    clause_id: str,
    number: str,
    modality: str,
    applies_to: list[str],
    statutes: list[tuple[str, str]],
    tags: list[str],
    extra: list[tuple[str, str]],
) -> str:
    """The quiet 'About paragraph' panel; ``extra`` rows are trusted HTML."""
    rows = [("ID", f"<code>{escape(clause_id)}</code>"), ("Kind", escape(MODALITY_WORDS[modality]))]
    if applies_to:
        rows.append(("Applies to", escape(", ".join(applies_to))))
    if statutes:
        rows.append(
            (
                "Legal basis",
                ", ".join(
                    f'<a href="{escape(url)}">{escape(title)}</a>' for title, url in statutes
                ),
            )
        )
    if tags:
        rows.append(("Topics", escape(", ".join(tags))))
    rows += extra
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f'<details class="clause-about"><summary>About paragraph {number}</summary>'
        f"<dl>{items}</dl></details>"
    )


def clause_about(clause: Clause, council: Council, extra: list[tuple[str, str]]) -> str:
    """The 'About paragraph' panel of a clause, its roles and statutes named as the
    council's registers name them."""
    return about_html(
        clause.id,
        clause.number,
        clause.modality,
        [council.roles.get(r, r) for r in clause.applies_to],
        [(s.title, s.url) for k in clause.statutes if (s := council.statutes.get(k))],
        list(clause.tags),
        extra,
    )


def citation(document: str, number: str, version: str) -> str:
    """How to cite a paragraph: "Member/Officer Protocol, para 7.12 (version adopted 14 May
    2026)"; ``version`` is that parenthesis's words."""
    return f"{document}, para {number} ({version})"


def cite_row(text: str) -> tuple[str, str]:
    return ("Cite", f'<span class="citation">{escape(text)}</span>')
