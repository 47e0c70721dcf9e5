"""Properties of the model, for any protocol Hypothesis can think of."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from constitution.council import Council
from constitution.model import Clause, Document, Section
from constitution.redline import apply, compare
from constitution.source import read_protocol, write_protocol

COUNCIL = Council(
    "Test Council",
    "Protocol",
    "Protocol",
    "",
    "MOP",
    "",
    {"member": "Members", "officer": "Officers"},
    {},
)
WORDS = st.text(alphabet=st.sampled_from("abcdefghij klm"), min_size=3, max_size=40).map(
    lambda s: " ".join(s.split()) or "words"
)
MODALITY = st.sampled_from(["must", "must-not", "should", "may", "informative"])


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A protocol: 1-5 sections of 1-8 clauses, IDs unique but in any order."""
    shape = draw(st.lists(st.integers(1, 8), min_size=1, max_size=5))
    ids = draw(st.permutations(range(1, sum(shape) + 1)))
    sections, n = [], 0
    for s_index, size in enumerate(shape, start=1):
        clauses = []
        for c_index in range(1, size + 1):
            clauses.append(
                Clause(
                    id=f"MOP-{ids[n]:04d}",
                    number=f"{s_index}.{c_index}",
                    text=draw(WORDS),
                    modality=draw(MODALITY),
                    section=f"s{s_index}",
                    path=f"protocol/s{s_index}.md",
                    line=0,
                    applies_to=tuple(
                        draw(
                            st.lists(
                                st.sampled_from(["member", "officer"]), unique=True, max_size=2
                            )
                        )
                    ),
                )
            )
            n += 1
        sections.append(
            Section(
                f"s{s_index}",
                s_index,
                f"Section {s_index}",
                f"protocol/s{s_index}.md",
                tuple(clauses),
            )
        )
    return Document("Protocol", tuple(sections))


def facts(document: Document) -> list[tuple[object, ...]]:
    return [
        (c.id, c.number, c.text, c.modality, c.applies_to, c.section) for c in document.clauses()
    ]


def parse(files: dict[str, str]) -> Document:
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            Path(tmp, name).write_text(text, encoding="utf-8")
        return read_protocol(Path(tmp), COUNCIL)


@settings(max_examples=40, deadline=None)
@given(documents())
def test_parse_and_write_back_is_the_identity(document: Document) -> None:
    files = write_protocol(document)
    again = parse(files)
    assert facts(again) == facts(document)
    assert write_protocol(again) == files


@settings(max_examples=40, deadline=None)
@given(documents(), st.data())
def test_numbering_is_gap_free_and_stable_under_insertion(
    document: Document, data: st.DataObject
) -> None:
    section = data.draw(st.sampled_from(document.sections))
    at = data.draw(st.integers(0, len(section.clauses)))
    new = Clause("MOP-9999", "", "an inserted clause", "informative", section.slug, "", 0)
    inserted = Section(
        section.slug,
        section.number,
        section.title,
        section.path,
        (*section.clauses[:at], new, *section.clauses[at:]),
    )
    after = parse(
        write_protocol(
            Document(
                document.title, tuple(inserted if s is section else s for s in document.sections)
            )
        )
    )
    for s in after.sections:
        assert [c.number for c in s.clauses] == [
            f"{s.number}.{i}" for i in range(1, len(s.clauses) + 1)
        ]
    before = {c.id: c.number for c in document.clauses()}
    for c in after.clauses():
        if c.id == new.id:
            continue
        major, minor = before[c.id].split(".")
        moved = c.section == section.slug and int(minor) > at
        assert c.number == (f"{major}.{int(minor) + 1}" if moved else before[c.id])


@settings(max_examples=40, deadline=None)
@given(documents(), documents())
def test_redline_of_a_version_with_itself_is_empty_and_applying_it_gives_the_other(
    a: Document, b: Document
) -> None:
    assert compare(a, a) == []
    assert apply(a, compare(a, b)) == sorted((c.id, c.number, c.text) for c in b.clauses())


@settings(max_examples=40, deadline=None)
@given(documents(), st.data())
def test_ids_survive_any_reordering_of_sections(document: Document, data: st.DataObject) -> None:
    order = data.draw(st.permutations(document.sections))
    reordered = parse(write_protocol(Document(document.title, tuple(order))))
    assert sorted(c.id for c in reordered.clauses()) == sorted(c.id for c in document.clauses())
    texts = {c.id: c.text for c in document.clauses()}
    assert all(texts[c.id] == c.text for c in reordered.clauses())


leaves = st.one_of(st.integers(), st.text(max_size=5), st.booleans())
nested = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3),
        st.dictionaries(st.text(min_size=1, max_size=4), inner, min_size=1, max_size=3),
    ),
    max_leaves=30,
)


@given(nested, st.sampled_from([None, False, True]), st.integers(1, 25))
def test_the_quick_nesting_bound_is_never_below_the_depth(
    data: object, flow: bool | None, limit: int
) -> None:
    """The scenario reader skips the exact token scan when the quick bound is within the
    limit: it must never be below the real depth, whatever the YAML's style and the
    limit (the bound within it is the limit, found without counting every line)."""
    import yaml

    from constitution.scenarios import CLOSES, OPENS, nesting_bound

    text = yaml.safe_dump(data, default_flow_style=flow, width=20)
    depth = deepest = 0
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        depth += isinstance(token, OPENS) - isinstance(token, CLOSES)
        deepest = max(deepest, depth)
    assert nesting_bound(text, limit) >= deepest
    # the same answer as the bound counted line by line (which a limit of 0 always gives)
    assert (nesting_bound(text, limit) <= limit) == (nesting_bound(text, 0) <= limit)


@given(st.text(alphabet=st.sampled_from(" \n[]{}'\"#!:,-ab"), max_size=40), st.integers(1, 8))
def test_the_quick_nesting_bound_holds_for_any_text(text: str, limit: int) -> None:
    """Brackets in quotes, comments and tags, or closing nothing, never bring the quick
    bound below the depth the YAML really reaches (written by hand or by an attacker)."""
    import yaml

    from constitution.scenarios import CLOSES, OPENS, nesting_bound

    depth = deepest = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            depth += isinstance(token, OPENS) - isinstance(token, CLOSES)
            deepest = max(deepest, depth)
    except yaml.YAMLError:
        pass  # the depth reached before the error is what a reader would have met
    assert nesting_bound(text, limit) >= deepest
    # the same answer as the bound counted line by line (which a limit of 0 always gives)
    assert (nesting_bound(text, limit) <= limit) == (nesting_bound(text, 0) <= limit)


@given(st.text(alphabet=st.sampled_from(" \n-=*_+()=ab`"), max_size=30))
def test_mark_up_is_found_as_by_one_pattern_over_lines(text: str) -> None:
    """The gate's quick test for mark-up in a clause, by two patterns that search fast,
    finds what the one pattern it replaced, with '^' over lines, found."""
    import re

    from constitution.source import has_markup

    one = re.compile(r"[`~\[<{#>|]|^ {4}|^ *([-=*_+] *){3,}$|^\(.*\)=", re.M)
    assert has_markup(text) == bool(one.search(text))


@given(st.text(alphabet=st.sampled_from("&*ab_-\n\t \u00a0[]{},:?.x"), max_size=30))
def test_anchors_are_found_as_by_the_pattern_over_lines(text: str) -> None:
    """The quick search for a YAML anchor or alias finds one wherever the pattern it
    replaced (what stands before it first, '^' over lines) found one, and where it
    starts: at the '&' or '*', one character after that pattern's match but for a
    match at the text's start."""
    import re

    from constitution.scenarios import ANCHOR

    one = re.compile(r"(?:^|[\s\[{,:-])[&*][\w-]+", re.M)
    ours, old = ANCHOR.search(text), one.search(text)
    assert (ours is None) == (old is None)
    if ours and old:
        assert ours.start() == old.start() + (text[old.start()] not in "&*")


@given(st.text(alphabet=st.sampled_from("a \r\n\0"), max_size=30))
def test_the_tool_s_newline_normalising_is_markdown_it_s(text: str) -> None:
    """The tool's parsers normalise line breaks and NULs only where there are any to
    replace; the result is markdown-it's own rule's."""
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_core.normalize import normalize as stock

    from constitution.text_tree import markdown, normalize

    ours, theirs = StateCore(text, markdown(), {}), StateCore(text, markdown(), {})
    normalize(ours)
    stock(theirs)
    assert ours.src == theirs.src
