"""One tree for a clause's words: the draft and an adopted version draw the same HTML from
it, and every output reads it back to the same words and references."""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.etree import ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Site, run
from constitution.export import AKN, Edition, from_json, render, to_json
from constitution.model import Document
from constitution.project import Project
from constitution.text_myst import write
from constitution.text_plain import plain, words
from constitution.text_tree import (
    BulletList,
    Code,
    Emphasis,
    HardBreak,
    Link,
    OrderedList,
    Paragraph,
    Ref,
    SoftBreak,
    Statute,
    Strong,
    Term,
    Text,
    Tree,
    cites,
    cites_of,
    inlines,
    parse,
)

# Every kind of mark-up a clause may hold, in one clause and in a section's introduction.
EVERY_KIND = """An *informative* note with **strong words**, `a code`, a [web page](https://www.gov.uk/),
a [page of the site](definitions.md#MOP-0021), {para}`MOP-0150`, a {defined}`member enquiry`,
{defined}`the days <working day>` and {statute}`lga1972-s100a`; a line\\
broken by hand, "quotes" -- dashes... and a {statute}`named act <lga1972-sch12a>`.

- one item, *emphasised*
- two, citing {para}`MOP-0143`

* (a) items with their own labels;
* (b) shown with them, not bullets

- (c) a label on one item
- but not on the other

3. third
4. fourth"""


def test_the_draft_and_an_adopted_version_draw_the_same_html(
    versioned: Project, build: Callable[[Project], Site]
) -> None:
    section = versioned.protocol / "member-enquiries.md"
    text = section.read_text(encoding="utf-8")
    intro = EVERY_KIND.split("\n\n3.")[0]  # an introduction holds no numbered list
    text = text.replace("# Members' enquiries\n", f"# Members' enquiries\n\n{intro}\n", 1)
    # Words between clauses: a sub-heading (its clauses inside it, as MyST reads it),
    # words of every kind, and closing words.
    first = text.index("\n```\n") + 5
    text = text[:first] + f"\n## Enquiries *by* {{para}}`MOP-0150`\n\n{intro}\n" + text[first:]
    section.write_text(
        text + f"\n```{{clause}} MOP-0210\n:modality: informative\n\n{EVERY_KIND}\n```\n"
        "\n### Closing words\n\nAny breach will be *reported*.\n",
        encoding="utf-8",
    )
    index = versioned.protocol / "index.md"
    title, rest = index.read_text(encoding="utf-8").split("\n", 1)
    index.write_text(f"{title}\n\nHow to *read* it, with {{para}}`MOP-0150`.\n{rest}")
    adopted = run(versioned, "adopt", "--date", "2027-05-13", "--resolution", "Minute 7")
    assert adopted.returncode == 0, adopted.stderr
    site = build(versioned)
    compared = 0
    for page in sorted((site.out / "draft").glob("*.html")):
        draft = site.page(f"draft/{page.name}")
        version = site.page(f"versions/2027-05-13/{page.name}")
        theirs = {d.parent["id"]: str(d) for d in version.select("div.clause-text")}
        for box in draft.select("div.clause-text"):
            assert str(box) == theirs[box.parent["id"]], box.parent["id"]
            compared += 1
        assert len(theirs) == len(draft.select("div.clause-text"))
    assert compared == 209
    new = str(site.page("draft/member-enquiries.html").select_one("#MOP-0210"))
    for shown in (
        "<em>informative</em>",
        "<strong>strong words</strong>",
        '<span class="pre">a</span> <span class="pre">code</span>',
        '<a class="reference external" href="https://www.gov.uk/">web page</a>',
        '<a class="reference internal" href="definitions.html#MOP-0021">page of the site</a>',
        'title="Paragraph 17.',
        '<span class="constitution-term">the days</span>',
        'class="reference external statute"',
        ">Local Government Act 1972, Part VA",
        ">named act</a>",
        "a line<br/>",
        "“quotes” – dashes…",
        '<ol class="arabic simple" start="3">',
        '<ul class="simple labelled" role="list">\n<li><p>(a) items with their own labels;',
        '<ul class="simple">\n<li><p>(c) a label on one item</p></li>',
    ):
        assert shown in new, shown
    draft, version = (
        site.page(f"{at}/member-enquiries.html") for at in ("draft", "versions/2027-05-13")
    )
    shown = [str(b) for b in draft.select(".between")]
    assert shown == [str(b) for b in version.select(".between")]
    assert [b.name for b in draft.select(".between")] == ["h2", *["div"] * 4, "h3", "div"]
    assert 'Enquiries <em>by</em> <a class="reference internal"' in shown[0]
    assert "Any breach will be <em>reported</em>." in shown[-1]
    order = str(version.select_one("article") or version)
    assert (
        order.index("Enquiries <em>by</em>")
        < order.index('id="MOP-0210"')
        < order.index("Closing words")
    )
    # The redline to the version shows the words between paragraphs it added.
    redline = site.page("versions/redline/2026-05-14--2027-05-13.html")
    added = [str(p) for p in redline.select("p.redline-between")]
    assert len(added) == 7 and all("<ins>" in p for p in added)
    assert any("Any breach will be reported." in p for p in added)
    for draft_page, version_page in (
        ("draft/member-enquiries.html", "versions/2027-05-13/member-enquiries.html"),
        ("draft/index.html", "versions/2027-05-13/index.html"),
    ):
        intro = site.page(version_page).select_one("div.intro")
        assert intro is not None and str(intro) == str(
            site.page(draft_page).select_one("div.intro")
        )
        assert "<em>read</em>" in str(intro) or "<strong>strong words</strong>" in str(intro)


def test_every_clause_of_the_model_reads_back_from_its_own_writing(document: Document) -> None:
    for clause in document.clauses():
        assert parse(write(clause.tree)) == clause.tree, clause.id
    assert any(isinstance(n, Term) for c in document.clauses() for n in inlines(c.tree))


def test_json_keeps_every_tree_and_reference(project: Project, document: Document) -> None:
    council = project.council()
    data = json.loads(render("json", document, Edition("draft"), council, {}))
    again = from_json(data)
    assert [c.tree for c in again.clauses()] == [c.tree for c in document.clauses()]
    assert [c.cites for c in again.clauses()] == [c.cites for c in document.clauses()]
    assert [s.intro_tree for s in again.sections] == [s.intro_tree for s in document.sections]
    assert sum(len(c.cites) for c in again.clauses()) > 0
    assert from_json(to_json(again, Edition("draft"), council, {})) == again


def test_akoma_ntoso_holds_each_paragraphs_words_and_references(
    project: Project, document: Document
) -> None:
    council = project.council()
    root = ET.fromstring(render("akn", document, Edition("draft"), council, {}))
    assert sum(1 for _ in root.iter(f"{{{AKN}}}ref")) > 10
    for clause in document.clauses():
        found = root.find(f".//{{{AKN}}}paragraph[@eId='para_{clause.id}']")
        assert found is not None
        shown = ["".join(p.itertext()) for p in found.iter(f"{{{AKN}}}p")]
        expected = [
            " ".join(words(b.children, document).split())
            for b in clause.tree
            if isinstance(b, Paragraph)
        ]
        assert [" ".join(s.split()) for s in shown] == expected, clause.id
        expected_refs = []
        for node in inlines(clause.tree):
            if isinstance(node, Ref):
                expected_refs.append(f"#para_{node.target}")
            elif isinstance(node, Term) and (defining := document.definition(node.target)):
                expected_refs.append(f"#para_{defining.id}")
            elif isinstance(node, Statute):
                expected_refs.append(council.statutes[node.target].url)
        assert [r.get("href") for r in found.iter(f"{{{AKN}}}ref")] == expected_refs


# Words that MyST could read as mark-up when they start a line or stand beside markers.
WORD = st.text(alphabet=st.sampled_from("abc xyz*_[]<>`\\&#;-+=|%:~(){}.1!\"'"), min_size=1)


def _word(text: str) -> str:
    return " ".join(text.split()) or "w"


LEAF = st.one_of(
    st.builds(Text, WORD.map(_word)),
    st.builds(Code, st.text(alphabet="abc xy*_[]", min_size=1).map(_word)),
    st.builds(lambda t: Ref(t, t), st.sampled_from(["MOP-0001", "MOP-0150"])),
    st.builds(lambda t: Term(t, t), st.sampled_from(["member", "working day"])),
    st.builds(lambda s, t: Term(s, t), st.sampled_from(["days", "a b"]), st.just("working day")),
    st.builds(lambda t: Statute(t, t), st.just("lga1972-s100a")),
)
MARKED = st.one_of(
    LEAF,
    st.builds(lambda c: Emphasis((c,)), LEAF),
    st.builds(lambda c: Strong((c,)), LEAF),
    st.builds(lambda c: Link("https://example.org/a", (c,)), LEAF),
)


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    """Inlines parted by words and spaces, as real text parts them; breaks between them."""
    parts = draw(st.lists(MARKED, min_size=1, max_size=6))
    children: list[object] = []
    for n, part in enumerate(parts):
        if n:
            gap = draw(st.sampled_from([Text(" and "), SoftBreak(), HardBreak()]))
            children.append(gap)
        children.append(part)
    merged: list[object] = []
    for child in children:  # words beside words are one run of text, as the parser reads
        if isinstance(child, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + child.text)
        else:
            merged.append(child)
    return Paragraph(tuple(merged))  # type: ignore[arg-type]


TREES = st.lists(
    st.one_of(
        paragraphs(),
        st.builds(BulletList, st.lists(paragraphs().map(lambda p: (p,)), min_size=1).map(tuple)),
        st.builds(
            OrderedList,
            st.integers(1, 20),
            st.lists(paragraphs().map(lambda p: (p,)), min_size=1).map(tuple),
        ),
    ),
    min_size=1,
    max_size=4,
).map(tuple)


@settings(max_examples=300, deadline=None)
@given(TREES)
def test_the_writer_and_the_parser_are_inverse(tree: Tree) -> None:
    assert parse(write(tree)) == tree
    assert cites(parse(write(tree))) == cites(tree)


@settings(max_examples=300, deadline=None)
@given(TREES)
def test_the_ids_words_cite_are_found_without_parsing_words_that_cite_none(tree: Tree) -> None:
    text = write(tree)
    assert cites_of(text) == cites(parse(text))


def test_the_ids_a_clause_cites_are_found_with_or_without_a_parse(document: Document) -> None:
    texts = [EVERY_KIND, "No reference, only {defined}`member` and `{para}`.", "{para}`MOP-0001`"]
    texts += [c.text for c in document.clauses()]
    assert [cites_of(t) for t in texts] == [cites(parse(t)) for t in texts]
    assert cites_of(EVERY_KIND) == ("MOP-0150", "MOP-0143")


def test_a_list_whose_every_item_begins_with_its_label_is_labelled() -> None:
    def labelled(text: str) -> bool:
        lists = [b for b in parse(text) if isinstance(b, BulletList)]
        assert len(lists) == 1, text
        return lists[0].labelled

    for text in (
        "- (a) pass it on;\n- (b) reply",
        "- a. one\n- b. two",
        "- (iv) one\n- v) two",
        "- 1\\. one\n- 2\\) two",  # escaped, as the importer writes them: not a list of numbers
        "- (a) *pass* it on\n\n  and more\n- (b) reply",
        "- (A) one\n- (B) two",  # capitals, as a council's own lists may letter them
        "- (IV) one\n- V. two",
        "- **(a)** pass it on;\n- **b)** reply",  # the label in bold: still the label
    ):
        assert labelled(text), text
    for text in (
        "- (a) pass it on;\n- reply",  # one item without its label: bullets for all
        "- one\n- two",
        "- (a)pass it on\n- (b)reply",  # no space after the label: a word
        "- *(a)* pass it on\n- *(b)* reply",  # the label emphasised: not the items' words
        "- **(a) pass** it on\n- **(b) reply**",  # more than the label in bold: words
        "- **(a)**pass it on\n- **(b)**reply",  # no space after the label: a word
    ):
        assert not labelled(text), text


def test_plain_words_show_an_items_own_label_without_a_bullet(document: Document) -> None:
    text = "It must:\n\n- (a) pass it on,\\\n  at once;\n- (b) reply\n\n* (c) one\n* two"
    assert plain(parse(text), document) == (
        "It must:\n\n(a) pass it on,\n    at once;\n(b) reply\n\n- (c) one\n- two"
    )
    bold = "- **(A)** pass it on,\\\n  at once;\n- **(B)** reply"
    assert plain(parse(bold), document) == "(A) pass it on,\n    at once;\n(B) reply"
