"""A constitution of several documents in a real Chromium (tests/roots/constitution): the
other documents' pages, as drafted and with versions adopted, pass the same accessibility
checks as the protocol's, and the jump box opens a paragraph of any document by its
citation or its ID, in the version in force."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect
from test_browser import tab_to, violations

PAGES = {
    "the whole constitution": "constitution.html",
    "home, listing the documents": "index.html",
    "another document's contents": "articles/index.html",
    "another document's section": "articles/members.html",
    "a document numbered on through": "procedure-rules/meetings.html",
    "the protocol citing an Article": "draft/principles.html",
    "a way in across the documents": "ways-in/officer.html",
    "search, saying what it reaches": "search.html",
    "in force on a date, taking citations": "versions/in-force.html",
}


@pytest.mark.parametrize("kind", PAGES)
def test_no_wcag_violations(page: Page, constitution_url: str, kind: str) -> None:
    response = page.goto(constitution_url + PAGES[kind])
    assert response is not None and response.status == 200
    assert violations(page) == [], kind


# Each kind of page of a document with adopted versions (tests/conftest.py,
# adopted_constitution: the Articles adopted on ARTICLES_1 and BOTH_2's dates).
FIRST, SECOND = "2026-03-05", "2026-06-10"
RULES = "2026-01-10"  # the Rules' first version
ADOPTED = {
    "a document's version in force": "procedure-rules/meetings.html",
    "its contents, in force": "articles/index.html",
    "an adopted version of a document": f"versions/articles/{FIRST}/members.html",
    "its contents": f"versions/articles/{FIRST}/index.html",
    "a document's draft": "draft/procedure-rules/meetings.html",
    "its draft's contents": "draft/procedure-rules/index.html",
    "a document's versions": "versions/articles/index.html",
    "a document's redline": f"versions/articles/redline/{FIRST}--{SECOND}.html",
    "a paragraph's history in a document": "versions/articles/clauses/ART-0004.html",
    "the constitution, each document's version in force": "constitution.html",
    "the constitution's amendments": "constitution/amendments.html",
    "a redline, in force to draft": f"versions/procedure-rules/redline/{SECOND}--draft.html",
    "the open data files, every document's": "data/index.html",
    "search results, in another document": "search.html?q=ordinary+meeting",
}


@pytest.mark.parametrize("kind", ADOPTED)
def test_no_wcag_violations_on_a_documents_versions(
    page: Page, adopted_url: str, kind: str
) -> None:
    response = page.goto(adopted_url + ADOPTED[kind])
    assert response is not None and response.status == 200
    assert violations(page) == [], kind


@pytest.mark.parametrize(
    ("typed", "arrive"),
    [
        # another document named: as in force when the version read came into force
        # (1 April 2026), the Rules' first version, where Rule 2 is CPR-0002 (CPR-0001 in
        # the Rules in force, which it opened), as this version's own references link
        ("Council Procedure Rule 2", f"versions/procedure-rules/{RULES}/meetings.html#CPR-0002"),
        ("CPR-0001", f"versions/procedure-rules/{RULES}/meetings.html#CPR-0001"),
        ("Part 4.1", f"versions/procedure-rules/{RULES}/index.html"),
        # the document read, cited or by ID: in the version read, as on the protocol's
        ("Article 2.2", f"versions/articles/{FIRST}/members.html#ART-0004"),
        ("ART-0004", f"versions/articles/{FIRST}/members.html#ART-0004"),
        ("Part 2", f"versions/articles/{FIRST}/index.html"),
    ],
)
def test_jump_from_a_documents_adopted_version(
    page: Page, adopted_url: str, typed: str, arrive: str
) -> None:
    """A reader of the Articles adopted 5 March who types "Article 2.2" means that
    version's, as a reader of the protocol's version of 2025 who types "MOP-0003" opens
    it there: it opened the version in force. Another document's paragraph, or its Part,
    is as it stood when the version read came into force: it opened that document's
    version in force, numbered as it was months later."""
    page.goto(adopted_url + f"versions/articles/{FIRST}/members.html")
    tab_to(page, "input.sidebar-search")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_url(adopted_url + arrive)


@pytest.mark.parametrize(
    ("start", "typed", "arrive"),
    [
        # a Rules reader's number is a Rule's, in the version the page shows
        ("procedure-rules/meetings.html", "2", "procedure-rules/meetings.html#CPR-0001"),
        (
            f"versions/procedure-rules/{RULES}/meetings.html",
            "2",
            f"versions/procedure-rules/{RULES}/meetings.html#CPR-0002",
        ),
        (
            "draft/procedure-rules/meetings.html",
            "3",
            "draft/procedure-rules/meetings.html#CPR-0001",
        ),
        (
            "versions/procedure-rules/clauses/CPR-0001.html",
            "3",
            "procedure-rules/meetings.html#CPR-0002",
        ),
        # an Articles reader's, in the version read
        (
            f"versions/articles/{FIRST}/index.html",
            "2.2",
            f"versions/articles/{FIRST}/members.html#ART-0004",
        ),
    ],
)
def test_a_number_alone_is_the_paragraph_of_the_document_read(
    page: Page, adopted_url: str, start: str, typed: str, arrive: str
) -> None:
    """A reader of the Rules who types "2" in the jump box, as a reader of the protocol
    types "14.4", means Rule 2 of the version before them: it opened the protocol's."""
    page.goto(adopted_url + start)
    tab_to(page, "input.sidebar-search")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_url(adopted_url + arrive)


def test_another_document_none_of_whose_versions_was_then_in_force(
    page: Page, adopted_url: str
) -> None:
    """The protocol as adopted 15 May 2025 came into force before the Articles' first
    version: "Article 2.2" typed on it is said to be in the Articles in force, linked,
    not opened as if it had been in force then; and a paragraph the Rules then in force
    lacked is said to be missing from them, naming the versions that have it."""
    page.goto(adopted_url + "versions/2025-05-15/index.html")
    tab_to(page, "input.sidebar-search")
    page.keyboard.type("Article 2.2")
    page.keyboard.press("Enter")
    expect(page.locator("#search-status")).to_have_text(
        "No version of the Articles of the Constitution was in force on 15 May 2025, when "
        "the version adopted 15 May 2025 came into force: the first came into force on "
        f"1 April 2026. It is in {ARTICLES_IN_FORCE[0].lower()}{ARTICLES_IN_FORCE[1:]}:"
    )
    link = page.locator("#search-results > li a")
    expect(link).to_have_text("Article 2.2")
    assert link.evaluate("a => a.href") == adopted_url + "articles/members.html#ART-0004"
    assert violations(page) == []
    page.goto(adopted_url + f"versions/articles/{FIRST}/members.html")
    tab_to(page, "input.sidebar-search")
    page.keyboard.type("CPR-0003")  # a Rule inserted on 10 June 2026
    page.keyboard.press("Enter")
    expect(page.locator("#search-status")).to_have_text(
        "The version of the Council Procedure Rules adopted 10 January 2026 has no "
        "paragraph CPR-0003. Other versions have it:"
    )


ARTICLES_IN_FORCE = (
    "The version of the Articles of the Constitution in force (adopted 10 June 2026)"
)
# the versions searched besides, named
NOR = (
    "; nor has any other version: the version of the Articles of the Constitution adopted "
    "5 March 2026 or the draft of the Articles of the Constitution (not adopted)."
)


@pytest.mark.parametrize(
    ("start", "typed", "said"),
    [
        # a number the Articles lack, alone: not the protocol's 17.3 (MOP-0145)
        ("articles/members.html", "17.3", f"{ARTICLES_IN_FORCE} has no Article 17.3{NOR}"),
        ("articles/members.html", "section 3", f"{ARTICLES_IN_FORCE} has no Article 3{NOR}"),
        # or cited, on a version of them
        (
            f"versions/articles/{FIRST}/members.html",
            "Article 9.1",
            "The version of the Articles of the Constitution adopted 5 March 2026 has no "
            "Article 9.1; nor has any other version: "
            f"{ARTICLES_IN_FORCE[0].lower()}{ARTICLES_IN_FORCE[1:]} or the draft of the "
            "Articles of the Constitution (not adopted).",
        ),
        # a number no version of the protocol has, on its pages: not searched as words
        (
            "protocol/index.html",
            "99.9",
            "The version in force (adopted 14 May 2026) has no paragraph 99.9; nor has any "
            "other version: the version adopted 16 May 2024, the version adopted 15 May 2025 "
            "or the draft (not adopted).",
        ),
        (
            "versions/2025-05-15/index.html",
            "para 99",
            "The version adopted 15 May 2025 has no paragraph 99; nor has any other version: "
            "the version adopted 16 May 2024, the version in force (adopted 14 May 2026) or "
            "the draft (not adopted).",
        ),
        # an ID of the constitution's own prefixes that no version has: said missing too
        (
            "protocol/index.html",
            "MOP-9999",
            "The version in force (adopted 14 May 2026) has no paragraph MOP-9999; nor has "
            "any other version: the version adopted 16 May 2024, the version adopted 15 May "
            "2025 or the draft (not adopted).",
        ),
        (
            "articles/members.html",
            "art-9999",
            f"{ARTICLES_IN_FORCE} has no paragraph ART-9999{NOR}",
        ),
        # one that another version has: Rule 4 only in the draft
        (
            "procedure-rules/meetings.html",
            "4",
            "The version of the Council Procedure Rules in force (adopted 10 June 2026) has "
            "no Council Procedure Rule 4. Another version has it:",
        ),
    ],
)
def test_a_number_the_document_read_lacks_is_said_to_be_missing(
    page: Page, adopted_url: str, start: str, typed: str, said: str
) -> None:
    """On any document's page a number, or a citation, that the version read lacks is
    said to be missing, naming the other versions searched: "17.3" on the Articles opened
    the protocol's paragraph 17.3, which the reader had not named, and "99.9" on the
    protocol's was searched as words."""
    page.goto(adopted_url + start)
    tab_to(page, "input.sidebar-search")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    expect(page.locator("#search-status")).to_have_text(said)
    assert page.url.startswith(adopted_url + "search.html?")
    assert violations(page) == []


def test_a_word_shaped_as_an_id_of_no_prefix_of_the_constitution_is_searched(
    page: Page, adopted_url: str
) -> None:
    """ "COVID-19" has an ID's shape, but none of the constitution's prefixes (the
    council's and each document's): it is searched as words, not said to be missing."""
    page.goto(adopted_url + "search.html?q=COVID-19")
    expect(page.locator("#search-status")).to_have_text(
        "No paragraph found in the version in force (adopted 14 May 2026)."
    )


def test_the_version_menu_says_what_is_searched_from_another_documents_version(
    page: Page, adopted_url: str
) -> None:
    """Reached from the Articles as adopted 5 March, the words are searched in that
    version: the menu lists the Articles' versions, that one chosen, and says so, and
    that a citation of another document opens it as it stood then. It listed the
    protocol's versions, saying the other documents were searched as in force."""
    page.goto(adopted_url + f"versions/articles/{FIRST}/members.html")
    tab_to(page, "input.sidebar-search")
    page.keyboard.type("question")
    page.keyboard.press("Enter")
    march = "the version of the Articles of the Constitution adopted 5 March 2026"
    expect(page.locator("#search-status")).to_have_text(f"1 paragraph found in {march}.")
    label = page.locator('label[for="search-version"]')
    expect(label).to_have_text("Version of the Articles of the Constitution")
    menu = page.locator("#search-version")
    assert menu.locator("option").all_inner_texts() == [
        "Adopted 5 March 2026",
        "In force (adopted 10 June 2026)",
        "Draft (not adopted)",
    ]
    expect(menu).to_have_value(f"articles/{FIRST}")
    note = page.locator("#search-version-note")
    expect(note).to_have_text(
        "Words are searched in this version of the Articles of the Constitution only; a "
        "citation of another document opens it as it stood on 1 April 2026, when this "
        "version came into force."
    )
    assert menu.get_attribute("aria-describedby") == "search-version-note"
    assert violations(page) == []
    menu.select_option("articles")
    expect(note).to_have_text("Every document is searched as in force.")
    expect(page.locator("#search-status")).to_contain_text("found in the version in force")
    menu.select_option(label="Draft (not adopted)")
    expect(note).to_have_text(
        "Words are searched in the draft of the Articles of the Constitution only; a "
        "citation of another document opens it as in force."
    )


def test_the_version_menu_says_how_an_earlier_version_of_the_protocol_cites(
    page: Page, adopted_url: str
) -> None:
    """From the protocol as adopted 15 May 2025, a citation of another document opens it
    as it stood when that version came into force: the menu's note says so, and that the
    other documents' words are searched as in force."""
    page.goto(adopted_url + "search.html?v=2025-05-15")
    expect(page.locator('label[for="search-version"]')).to_have_text(
        "Version of the Protocol on Member/Officer Relations"
    )
    note = page.locator("#search-version-note")
    expect(note).to_have_text(
        "The other documents' words are searched as in force; a citation of one opens it "
        "as it stood on 15 May 2025, when this version came into force."
    )
    page.select_option("#search-version", "draft")
    expect(note).to_have_text("The other documents are searched as in force.")
    assert violations(page) == []


@pytest.mark.parametrize(
    ("typed", "arrive"),
    [
        ("Article 2.1", "articles/members.html#ART-0003"),
        ("article 1.2", "articles/the-constitution.html#ART-0002"),
        ("ART 2.2", "articles/members.html#ART-0004"),
        ("Council Procedure Rule 2", "procedure-rules/meetings.html#CPR-0002"),
        ("CPR 1", "procedure-rules/meetings.html#CPR-0001"),
        # the Rules by the name readers give them (constitution.plain_words)
        ("Standing Order 2", "procedure-rules/meetings.html#CPR-0002"),
        ("standing orders 1", "procedure-rules/meetings.html#CPR-0001"),
        ("ART-0001", "articles/the-constitution.html#ART-0001"),
        ("Art. 2.2", "articles/members.html#ART-0004"),
        ("paragraph 2.1 of the Articles of the Constitution", "articles/members.html#ART-0003"),
        # a whole Article, and a document by its Part
        ("Article 2", "articles/members.html"),
        ("Part 4.1", "procedure-rules/index.html"),
        # the protocol's paragraph by its name, as another document cites it
        ("paragraph 3.2 of the Member/Officer Protocol", "draft/principles.html#MOP-0029"),
        ("Member/Officer Protocol, para 3.2", "draft/principles.html#MOP-0029"),
        ("MOP 3.2", "draft/principles.html#MOP-0029"),
        # each document by its name in a word, with or without "the"
        ("protocol 3.2", "draft/principles.html#MOP-0029"),
        ("the articles 2.2", "articles/members.html#ART-0004"),
        ("paragraph 2.2 of the articles", "articles/members.html#ART-0004"),
        ("Part 5.3", "draft/index.html"),
        # a number after its Part's, as a council prints it ("5.3 – 3.2")
        ("5.3 – 3.2", "draft/principles.html#MOP-0029"),
        ("4.1 - 2", "procedure-rules/meetings.html#CPR-0002"),
    ],
)
def test_jump_to_another_documents_paragraph(
    page: Page, constitution_url: str, typed: str, arrive: str
) -> None:
    page.goto(constitution_url + "articles/members.html")
    tab_to(page, "input.sidebar-search")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_url(constitution_url + arrive)


def test_a_documents_short_citation_is_read_beside_its_longer_words(
    page: Page, constitution_url: str
) -> None:
    """A document citing itself "R{number}" (its cite-within) has "R" among the words
    the jump box reads before a number, beside "Rule" and "Rules" (its readers' names):
    "R14.2" is its paragraph 14.2, and "Rule 2" its Rule 2, not "ule 2" after an "R";
    "Report 2" cites none of it."""
    page.goto(constitution_url + "search.html")
    rules = {
        "part": "Part 4.1",
        "leads": ["Council Procedure Rule", "R", "CPR", "Council Procedure Rules", "Rule", "Rules"],
        "tails": ["of the Council Procedure Rules"],
    }
    typed = {
        "R14.2": "14.2",
        "R 14.2": "14.2",
        "Rule 2": "2",
        "the rules 2": "2",
        "Rule 2 of the Council Procedure Rules": "2",
        "CPR 4": "4",
        "Report 2": None,
        "Part 4.1": "",
    }
    read = {
        t: page.evaluate("([d, t]) => window.constitutionCitedIn(d, t)", [rules, t]) for t in typed
    }
    assert read == typed


def test_words_are_searched_in_the_version_of_another_document_read(
    page: Page, adopted_url: str
) -> None:
    """Article 2.2 as adopted 5 March asks "a question at" a meeting, reworded "a question
    in writing at" on 10 June: on the March version's pages, words are searched in its
    text and a result opens it there. They were searched in the Articles in force."""
    page.goto(adopted_url + f"versions/articles/{FIRST}/members.html")
    tab_to(page, "input.sidebar-search")
    page.keyboard.type("writing")
    page.keyboard.press("Enter")
    march = "the version of the Articles of the Constitution adopted 5 March 2026"
    status = page.locator("#search-status")
    expect(status).to_have_text(f"No paragraph found in {march}.")
    page.fill("#search-query", "question")
    page.press("#search-query", "Enter")
    expect(status).to_have_text(f"1 paragraph found in {march}.")
    found = page.locator("#search-results li li > a")
    assert found.evaluate_all("as => as.map(a => a.href)") == [
        adopted_url + f"versions/articles/{FIRST}/members.html#ART-0004"
    ]
    assert violations(page) == []


def test_search_finds_another_documents_paragraphs(page: Page, constitution_url: str) -> None:
    page.goto(constitution_url + "search.html?q=motion")
    expect(page.locator("#search-results li a").first).to_be_visible()
    found = page.locator("#search-results li")
    assert "Council Procedure Rules: Meetings of the Council" in found.first.inner_text()
    first = page.locator("#search-results li a").first
    assert (first.get_attribute("href") or "").endswith("procedure-rules/meetings.html#CPR-0002")
    # named as the Rules are cited, not "Paragraph 2"
    expect(first).to_have_text(
        "Council Procedure Rule 2 Council Procedure Rules: Meetings of the Council"
    )


@pytest.mark.parametrize(
    ("typed", "said", "words", "links"),
    [
        # Rule 4 only in the draft, where a Rule was inserted before Rule 1: its paragraph is
        # Rule 3 in force
        (
            "Council Procedure Rule 4",
            "Council Procedure Rule 4",
            "Council Procedure Rule 4 (CPR-0002) in the draft of the Council Procedure Rules "
            "(not adopted); the same paragraph is Council Procedure Rule 3 in the version of "
            "the Council Procedure Rules in force (adopted 10 June 2026).",
            [
                "draft/procedure-rules/meetings.html#CPR-0002",
                "procedure-rules/meetings.html#CPR-0002",
            ],
        ),
        # the ID of the Rule the draft inserted
        (
            "CPR-0004",
            "paragraph CPR-0004",
            "Council Procedure Rule 1 (CPR-0004) in the draft of the Council Procedure Rules "
            "(not adopted)",
            ["draft/procedure-rules/meetings.html#CPR-0004"],
        ),
    ],
)
def test_search_says_which_of_a_documents_versions_have_a_number_in_force_lacks(
    page: Page, adopted_url: str, typed: str, said: str, words: str, links: list[str]
) -> None:
    page.goto(adopted_url + "search.html?" + urlencode({"q": typed}))
    expect(page.locator("#search-status")).to_have_text(
        "The version of the Council Procedure Rules in force (adopted 10 June 2026) has no "
        f"{said}. Another version has it:"
    )
    found = page.locator("#search-results > li")
    expect(found).to_have_text([words])
    hrefs = found.locator("a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs == [adopted_url + link for link in links]
    assert violations(page) == []


def test_search_says_which_versions_have_a_protocol_id_among_other_documents(
    page: Page, adopted_url: str
) -> None:
    """Among other documents the protocol is cited by its short name ("MOP 14.4"), and its
    ID typed whole ("MOP-0208") begins the same way: it is still read as an ID, here one
    since revoked that an older version has, not searched as words."""
    page.goto(adopted_url + "search.html?" + urlencode({"q": "MOP-0208"}))
    expect(page.locator("#search-status")).to_contain_text(
        "has no paragraph MOP-0208: it was revoked."
    )
    first = page.locator("#search-results > li a").first
    expect(first).to_have_attribute("href", re.compile(r"/2025-05-15/[a-z-]+\.html#MOP-0208$"))


def test_an_articles_about_panel_lists_the_worked_examples_it_decides(
    page: Page, decided_url: str
) -> None:
    """SC-CON-001 is decided by ART-0003 (tests/conftest.py, decided_constitution): the
    Article's About panel lists it, opened by keyboard, and its link leads to it; an
    Article deciding none lists none."""
    page.goto(decided_url + "articles/members.html")
    about = page.locator("#ART-0003 .clause-about")
    examples = about.locator(".worked-examples a")
    expect(examples.first).to_be_hidden()  # the panel is closed
    about.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(examples).to_have_count(1)
    expect(examples.first).to_be_visible()
    expect(examples.first).to_have_text(
        "A member shouts at an officer in the corridor after a committee meeting"
    )
    expect(examples.first).to_have_attribute("href", "../checks/SC-CON-001.html")
    assert violations(page) == []
    expect(page.locator("#ART-0004 .clause-about .worked-examples")).to_have_count(0)
    examples.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(decided_url + "checks/SC-CON-001.html")
    back = page.get_by_role("link", name="Article 2.1")
    expect(back).to_have_attribute("href", "../articles/members.html#ART-0003")


RULES_FIRST, BOTH = "2026-01-10", "2026-06-10"  # tests/conftest.py: RULES_1, BOTH_2


@pytest.mark.parametrize(
    ("day", "cited", "opens"),
    [
        # Rule 2 was CPR-0002 in the Rules' first version, CPR-0001 from BOTH's (renumbered)
        ("2026-03-01", "Council Procedure Rule 2", f"procedure-rules/{RULES_FIRST}/meetings"),
        ("2026-07-15", "CPR 2", f"procedure-rules/{BOTH}/meetings"),
        ("2026-05-01", "Article 2.2", f"articles/{FIRST}/members"),
    ],
)
def test_another_documents_paragraph_as_at_a_date(
    page: Page, adopted_url: str, day: str, cited: str, opens: str
) -> None:
    """ "In force on a date" opens a citation of another document in that document's
    version in force on the day, by its own versions' dates, not the protocol's."""
    page.goto(adopted_url + "versions/in-force.html")
    page.fill("#in-force-date", day)
    tab_to(page, "#in-force-number")
    page.keyboard.type(cited)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(adopted_url + f"versions/{opens}.html#")))
    clause = page.locator(".clause:target")
    expect(clause).to_have_attribute("data-number", cited.split()[-1])


def test_another_document_before_its_first_version_or_without_the_paragraph(
    page: Page, adopted_url: str
) -> None:
    result = page.locator("#in-force-result")
    page.goto(adopted_url + "versions/in-force.html?date=2026-03-01&paragraph=Article+2.1")
    expect(result).to_have_text(
        "No version of the Articles of the Constitution was in force on 1 March 2026: "
        "the first came into force on 1 April 2026."
    )
    expect(page.locator("#in-force-date")).to_be_focused()
    page.goto(adopted_url + "versions/in-force.html?date=2026-05-01&paragraph=Article+9.1")
    expect(result).to_have_text(
        "The version of the Articles of the Constitution in force on 1 May 2026 (adopted "
        "5 March 2026) has no Article 9.1."
    )
    expect(page.locator("#in-force-number")).to_be_focused()
    # the page says it takes such citations
    expect(page.locator("#in-force-number-hint")).to_contain_text("or Article 1.1")
