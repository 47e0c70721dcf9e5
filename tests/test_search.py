"""Search: the council's synonyms and the words for suggestions reach the built site.

What the search page does with them (a synonym found, a misspelling corrected) is tested
in a real browser in tests/browser/test_browser.py, and measured by bench_search."""

from __future__ import annotations

import json

import pytest

from conftest import Site
from constitution.council import load_council
from constitution.plain_words import PLAIN_WORDS
from constitution.problems import ProtocolError
from constitution.project import Project


def test_the_councils_synonyms_are_published_for_the_search_page(site: Site) -> None:
    terms = json.loads((site.out / "search-terms.json").read_text(encoding="utf-8"))
    groups = {group[0]: group[1:] for group in terms["synonyms"]}
    assert "member" in groups["councillor"]
    assert "enquiry" in groups["inquiry"]


def test_readers_plain_words_are_published_one_way(site: Site) -> None:
    terms = json.loads((site.out / "search-terms.json").read_text(encoding="utf-8"))
    plain = {row[0]: row[1:] for row in terms["plain"]}
    assert "courtesy" in plain["rude"] and "dismissal" in plain["sack"]
    # One way: the protocol's word is not searched as the reader's.
    assert "courtesy" not in plain and all("rude" not in g for g in terms["synonyms"])


def test_plain_words_are_lower_case_and_lead_elsewhere() -> None:
    for word, protocols in PLAIN_WORDS.items():
        assert word == word.lower() and protocols, word
        assert all(p == p.lower() and p != word for p in protocols), word


def test_a_member_of_staff_is_an_officer_not_a_councillor() -> None:
    """Read as one phrase: else its "member", the protocol's word for a councillor, is
    searched ("scrutiny wants to question a junior member of staff")."""
    for phrase in ("member of staff", "staff member"):
        assert "officer" in PLAIN_WORDS[phrase] and "member" not in PLAIN_WORDS[phrase]


def test_each_version_has_the_words_of_its_text_for_suggestions(site: Site) -> None:
    bundles = [p for p in (site.out / "pagefind").iterdir() if p.is_dir()]
    assert bundles
    for bundle in bundles:
        words = json.loads((bundle / "words.json").read_text(encoding="utf-8"))
        assert words == sorted(set(words)) and all(w == w.lower() for w in words)
        assert "member" in words and "purdah" not in words
    draft = json.loads((site.out / "pagefind" / "draft" / "words.json").read_text("utf-8"))
    # The protocol says "enquiry": a reader's "inquiry" is a synonym, "inquery" a misspelling.
    assert "enquiry" in draft and "inquiry" not in draft and "acknowledge" in draft


def test_each_bundle_publishes_the_index_and_not_pagefinds_own_interfaces(site: Site) -> None:
    """The search page loads pagefind.js (which loads its worker and WebAssembly); the
    interfaces Pagefind writes beside it, some 420 KB a bundle, are never loaded."""
    bundles = [entry.parent for entry in (site.out / "pagefind").rglob("pagefind-entry.json")]
    assert len(bundles) > 1
    for bundle in bundles:
        names = {p.name for p in bundle.iterdir()}
        assert {"pagefind.js", "pagefind-worker.js", "words.json"} <= names, bundle
        assert not [n for n in names if n.endswith(("ui.js", "ui.css", "highlight.js"))], bundle


def test_synonyms_are_read_in_lower_case(scratch: Project) -> None:
    path = scratch.conf / "council.toml"
    path.write_text(
        path.read_text(encoding="utf-8") + '\n"Town Hall" = ["Council Offices"]\n',
        encoding="utf-8",
    )
    council = load_council(path)
    assert council.synonyms["town hall"] == ("council offices",)


@pytest.mark.parametrize(
    "entry",
    [
        'councillor = "<script>"',
        "councillor = []",
        'councillor = ["member", 3]',
        '"a b c d e f g" = ["member"]',
    ],
)
def test_a_synonym_that_is_not_words_is_refused(scratch: Project, entry: str) -> None:
    path = scratch.conf / "council.toml"
    text = path.read_text(encoding="utf-8").split("[search.synonyms]")[0]
    path.write_text(text + "[search.synonyms]\n" + entry + "\n", encoding="utf-8")
    with pytest.raises(ProtocolError) as raised:
        load_council(path)
    problems = raised.value.problems
    assert any(p.code == "council-synonyms" and "synonyms" in p.message for p in problems)
