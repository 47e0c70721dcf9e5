"""A clause's box and its "About" panel, drawn from the macros of clause-box.html for the
draft's pages and the adopted versions' alike, so that a paragraph reads the same in
every version."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from markupsafe import Markup

from constitution.clause_fields import REVIEW_TAG
from constitution.council import Council
from constitution.document_settings import WITHIN
from constitution.model import Clause, Revoked
from constitution.sphinxext.page_templates import ENV

MODALITY_WORDS = {
    "must": "A duty (must)",
    "must-not": "A prohibition (must not)",
    "should": "Expected practice (should)",
    "may": "A permission (may)",
    "informative": "Explanation (not a rule)",
}
# The template's macros, made once a process: each call costs a fraction of a render.
MACROS: dict[str, Callable[..., str]] = vars(ENV.get_template("clause-box.html").module)


def capitalised(words: str) -> str:
    """Words that begin a label: "paragraph 7.12" as "Paragraph 7.12"."""
    return words[:1].upper() + words[1:]


@functools.lru_cache(maxsize=65536)
def clause_open(clause_id: str, number: str, modality: str, cites: str = WITHIN) -> str:
    """The clause's box, opened: the caller closes it after its words and panel; its
    number's link named as its document cites its own paragraphs (``cites``: "Article
    {number}"). Remembered: a paragraph opens the same in the draft and in most versions."""
    named = capitalised(cites.format(number=number))
    return str(MACROS["open"](clause_id, number, modality, named))


def revoked_place(revoked: Revoked, history: str) -> tuple[str, str, str, str]:
    """What the macro ``revoked`` draws of a revoked paragraph's place: its ID, number,
    what it says, and where its words in every version are (none for a number printed as
    revoked in the document imported, which had no ID here)."""
    return (revoked.id, revoked.number, revoked.said, history if revoked.id else "")


def revoked_html(revoked: Revoked, history: str) -> str:
    return str(MACROS["revoked"](*revoked_place(revoked, history)))


def citation(document: str, number: str, version: str) -> str:
    """How to cite a paragraph: "Member/Officer Protocol, para 7.12 (version adopted 14 May
    2026)"; ``version`` is that parenthesis's words."""
    return f"{document}, para {number} ({version})"


class Example(NamedTuple):
    """A worked example listed under the paragraph it checks (a tuple: the template takes
    its fields apart as it loops, without a lookup each)."""

    href: str
    title: str
    outcome: str
    result: Markup  # its dated result (check-result.html), or empty


@dataclass(frozen=True)
class About:
    """What a paragraph's panel says, as words: the template escapes every one."""

    id: str
    number: str
    modality: str
    citation: str
    history: str = ""  # the address of the paragraph's page in every version, if it has one
    applies_to: Sequence[str] = ()
    statutes: Sequence[tuple[str, str]] = ()  # title, address
    tags: Sequence[str] = ()
    changes: str = ""  # when an adopted version's paragraph's words last changed
    changed: str = ""  # the address of the comparison that last changed its words, if any
    changes_after: str = ""  # its move, renumbering or later version's change, if any
    source_number: str = ""
    examples: Sequence[Example] = ()
    cites: str = WITHIN  # how its document cites its own paragraphs: "Article {number}"


def about_of(clause: Clause, council: Council, cited: str, **more: Any) -> About:
    """A clause's panel, its roles and statutes named as the council's registers name them."""
    return About(
        id=clause.id,
        number=clause.number,
        modality=clause.modality,
        citation=cited,
        applies_to=[council.roles.get(r, r) for r in clause.applies_to],
        statutes=[(s.title, s.url) for k in clause.statutes if (s := council.statutes.get(k))],
        tags=clause.tags,
        **more,
    )


@functools.lru_cache(maxsize=65536)
def about_facts(
    named: str,
    clause_id: str,
    modality: str,
    applies_to: tuple[str, ...],
    statutes: tuple[tuple[str, str], ...],
    tags: tuple[str, ...],
) -> str:
    """The panel, opened, with what a paragraph says of itself. Remembered: it reads the
    same in the draft and in each version that left these alone, as most do."""
    kind = MODALITY_WORDS[modality]
    return MACROS["facts"](named, clause_id, kind, ", ".join(applies_to), statutes, ", ".join(tags))


def about_html(a: About) -> str:
    facts = about_facts(
        a.cites.format(number=a.number),
        a.id,
        a.modality,
        tuple(a.applies_to),
        tuple(a.statutes),
        tuple(t for t in a.tags if t != REVIEW_TAG),
    )
    return str(
        MACROS["about"](
            facts,
            a.citation,
            (a.changes, a.changed, a.changes_after),
            a.history,
            a.source_number,
            a.examples,
        )
    )
