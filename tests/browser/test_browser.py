"""The public site in a real Chromium: accessibility (axe-core, WCAG 2.2 AA), keyboard use,
search and the jump to a clause, citing, and arriving at a clause."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from constitution.project import Project

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {
    "home": "index.html",
    "section (in force, plain address)": "protocol/member-enquiries.html",
    "contents (in force, plain address)": "protocol/index.html",
    "section (draft)": "draft/member-enquiries.html",
    "contents (draft)": "draft/index.html",
    "ways in": "ways-in/index.html",
    "ways in (who you are)": "ways-in/resident.html",
    "ways in (topic)": "ways-in/topic-media.html",
    "section changed by its version": "versions/2025-05-15/member-enquiries.html",
    "section (adopted version)": "versions/2026-05-14/member-enquiries.html",
    "version contents": "versions/2025-05-15/index.html",
    "versions": "versions/index.html",
    "in force on a date": "versions/in-force.html",
    "clause history": "versions/clauses/MOP-0144.html",
    "redline": "versions/redline/2024-05-16--draft.html",
    "scenario": "checks/SC-ENQ-004.html",
    "scenario of two people": "checks/SC-TWO-001.html",
    "worked examples": "checks/index.html",
    "traceability": "traceability.html",
    "traceability graph": "traceability-graph.html",
    "search results": "search.html?q=working+days",
    "page not found": "404.html",
    "how to amend": "amend.html",
    "search": "search.html",
    "accessibility statement": "accessibility.html",
    "for editors": "editors.html",
    "redline (in force to draft)": "versions/redline/2026-05-14--draft.html",
    "open data files": "data/index.html",
}


@pytest.mark.parametrize("kind", PAGES)
def test_no_wcag_violations(page: Page, base_url: str, kind: str) -> None:
    response = page.goto(base_url + PAGES[kind])
    assert response is not None and response.status == 200
    if kind == "search results":
        page.wait_for_selector("#search-results li")
    assert violations(page) == [], kind


def violations(page: Page) -> list[tuple[str, list[object]]]:
    """What axe-core finds against WCAG 2.2 AA on the page: each rule and where."""
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]


def test_skip_link_and_visible_focus(page: Page, base_url: str) -> None:
    page.goto(base_url + "draft/member-enquiries.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    # the jump is the browser's to make after the key: waited for, not read at once
    page.wait_for_url("**#furo-main-content", timeout=5000)


def tab_to(page: Page, selector: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


@pytest.mark.parametrize(
    ("start", "typed", "arrive"),
    [
        ("draft/member-enquiries.html", "17.2", "draft/member-enquiries.html#MOP-0144"),
        ("draft/principles.html", "para 17.2", "draft/member-enquiries.html#MOP-0144"),
        # a number with a letter, as inserted (insert numbering), typed in either case
        ("draft/principles.html", "17.1a", "draft/member-enquiries.html#MOP-0209"),
        # The version in force, at the plain addresses, by default.
        ("protocol/principles.html", "17.3", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "MOP-0145", "protocol/member-enquiries.html#MOP-0145"),
        # as readers cite: with "section" or "s.", in the other style, an ID unpadded
        ("index.html", "section 17.3", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "s.17.3", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "17(3)", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "MOP-145", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "mop145", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "mop 145", "protocol/member-enquiries.html#MOP-0145"),
        # after "para" or "section", its two numbers parted by a space, not a point
        ("index.html", "para 17 3", "protocol/member-enquiries.html#MOP-0145"),
        ("draft/principles.html", "section 17 1a", "draft/member-enquiries.html#MOP-0209"),
        # a point of the paragraph cited by its letter or numeral: the paragraph opens
        ("index.html", "17.3(b)", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "para 17(3)(a)", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "s17.3 (iii)", "protocol/member-enquiries.html#MOP-0145"),
        (
            "versions/2024-05-16/index.html",
            "paragraph 17.2",
            "versions/2024-05-16/member-enquiries.html#MOP-0144",
        ),
        # Only the draft has it.
        ("index.html", "MOP-0209", "draft/member-enquiries.html#MOP-0209"),
        # after its Part's number (Part 5.3), as a council prints and cites it
        ("index.html", "5.3 – 17.3", "protocol/member-enquiries.html#MOP-0145"),
        ("index.html", "5.3-17.3", "protocol/member-enquiries.html#MOP-0145"),
    ],
)
def test_jump_to_a_clause_with_the_keyboard(
    page: Page, base_url: str, start: str, typed: str, arrive: str
) -> None:
    page.goto(base_url + start)
    tab_to(page, "input.sidebar-search")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + arrive)


@pytest.mark.parametrize("typed", ["17.2A", "para 17.10"])
def test_jump_to_a_number_printed_as_revoked_opens_its_place(
    page: Page, revoked_url: str, typed: str
) -> None:
    """A number the protocol printed as revoked (no ID here): the jump opens its place on
    the section's page, which says the words printed there, and passes axe."""
    page.goto(revoked_url + "draft/principles.html")
    tab_to(page, "input.sidebar-search")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    number = typed.removeprefix("para ")
    page.wait_for_url(revoked_url + f"draft/member-enquiries.html#para-{number}")
    place = page.locator(f"div.clause.revoked[data-number='{number}']")
    expect(place).to_contain_text("Deleted." if number == "17.2A" else "Not used.")
    assert violations(page) == []


def test_search_goes_to_clauses_of_the_chosen_version(page: Page, base_url: str) -> None:
    # "acknowledge" first appears in the draft: the version in force has no such word, and
    # Pagefind's fallback to a shorter word ("a") must not pass for a match.
    page.goto(base_url + "search.html?q=acknowledge")
    expect(page.locator("#search-status")).to_have_text(
        "No paragraph found in the version in force (adopted 14 May 2026)."
    )
    in_force = page.locator("#search-results li a").all_inner_texts()
    page.select_option("#search-version", "draft")
    expect(page.locator("#search-status")).to_contain_text("found in the draft (not adopted)")
    draft = page.locator("#search-results li a")
    assert "Paragraph 17.1A Members' enquiries" in draft.all_inner_texts()
    assert "Paragraph 17.1A Members' enquiries" not in in_force  # inserted after 2026
    href = draft.first.get_attribute("href") or ""
    assert re.search(r"#MOP-\d{4}$", href)
    excerpt = page.locator("#search-results li p").first.inner_text()
    assert "acknowledge" in excerpt and ".html" not in excerpt  # the clause, not its metadata


def test_search_finds_the_protocols_word_for_the_readers(page: Page, base_url: str) -> None:
    # conf/council.toml: councillor = ["member"]. 2.16 ("Member enquiry" means...) says
    # only "member".
    page.goto(base_url + "search.html?q=councillor&v=draft")
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    links = page.locator("#search-results li li > a")
    assert "Paragraph 2.16 Definitions" in links.all_inner_texts()[:10]
    # Results are grouped by section, each under its heading.
    assert page.locator("#search-results > li > h2").count() > 1


@pytest.mark.parametrize(
    ("typed", "answers"),
    [
        ("rude", {"MOP-0029", "MOP-0050"}),  # "courtesy", "courteous"
        ("threatened", {"MOP-0051", "MOP-0061"}),  # "intimidate", "threats"
        ("dating", {"MOP-0023", "MOP-0055"}),  # "romantic relationship"
        ("leaflets", {"MOP-0128", "MOP-0170", "MOP-0142"}),  # "party political", "material"
        # Nearly every paragraph says "Council": its many paragraphs once came before the
        # one on gifts, which does not, and the one on bullying.
        ("council gifts", {"MOP-0057"}),
        ("bullying at the council", {"MOP-0051"}),
        # Forms and words readers use that the protocol does not.
        ("councillor swore at me", {"MOP-0029", "MOP-0187", "MOP-0051"}),  # "abuse", "respect"
        ("bottle of wine", {"MOP-0057"}),  # "gifts", "hospitality"
        ("council magazine", {"MOP-0127", "MOP-0128"}),  # "publicity"
        ("standing orders", {"MOP-0004"}),  # "procedure rules"
        ("headed paper", {"MOP-0142"}),  # "letterhead"
        # "criticise", "abuse", "respect"
        ("councillor had a go at me", {"MOP-0050", "MOP-0132", "MOP-0196", "MOP-0187"}),
        # A phrase parted by the reader's own words: "tell ... what to do", "boss ...
        # around" ("instruct"); the words between are searched too ("staff": "officer").
        ("can a councillor tell staff what to do", {"MOP-0038", "MOP-0044", "MOP-0092"}),
        ("bossing officers around", {"MOP-0038", "MOP-0044", "MOP-0092"}),
        # A phrasal verb inflected at its head: "leaning on" is "lean on" ("pressure").
        ("councillor leaning on me to decide", {"MOP-0060", "MOP-0061"}),
        # A past tense the endings miss ("speak"), and a reader's "permission".
        ("officer spoke to the press without permission", {"MOP-0131"}),
        # The news's name for the chief finance officer's report ("unlawful expenditure").
        ("section 114 notice", {"MOP-0048"}),
        ("council bankrupt", {"MOP-0048"}),
        # "how many ... can" asks a limit as well as a size: 14.7, "more than one member".
        ("how many councillors can a ward have", {"MOP-0124"}),
        # Officers' letters for the statutory officers, the senior team and an interest.
        ("HoPS responsible for staffing", {"MOP-0046"}),
        ("what must the CFO report", {"MOP-0048"}),
        ("SLT", {"MOP-0012", "MOP-0013"}),
        ("DPI", {"MOP-0157"}),
        # A judgement of an officer's work: "capability", "criticise".
        ("councillor called the officer incompetent", {"MOP-0050", "MOP-0132", "MOP-0196"}),
        # A resident's problem with a service, which a councillor takes up: "casework".
        ("can my councillor sort out my bin", {"MOP-0121", "MOP-0172"}),
    ],
)
def test_a_readers_words_find_the_protocols(
    page: Page, base_url: str, typed: str, answers: set[str]
) -> None:
    """constitution.plain_words: none of the single words is in the protocol, and each is
    found with its ending ("threatened" is "threaten"'s)."""
    page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
    assert answers & {h.rsplit("#", 1)[-1] for h in hrefs[:3]}


def test_not_my_ward_is_another_members(page: Page, base_url: str) -> None:
    """A ward the asker does not represent: 14.9 (an issue in another member's ward) first,
    not 14.3 (ward members told of a decision affecting their ward)."""
    typed = "resident of a ward which is not my ward"
    page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    first = page.locator("#search-results li li > a").first.get_attribute("href") or ""
    assert first.endswith("#MOP-0126")


def test_a_word_whose_ending_makes_a_noun_of_its_own_is_not_cut(page: Page, base_url: str) -> None:
    """ "housing" (the Local Government and Housing Act, a council's service) is not a
    "house" (plain words: a member's "home", 22.1); "house" still finds the home."""
    found = {}
    for typed in ("housing", "house"):
        page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
        expect(page.locator("#search-status")).to_contain_text("found in the draft")
        hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
        found[typed] = {h.rsplit("#", 1)[-1] for h in hrefs}
    assert "MOP-0177" in found["house"] and "MOP-0177" not in found["housing"]
    assert {"MOP-0014", "MOP-0015", "MOP-0018"} & found["housing"]  # the Act, defined


def test_an_american_spelling_finds_what_the_texts_spelling_does(page: Page, base_url: str) -> None:
    """ "organization" is a spelling, not a misspelling, of the text's "organisation"."""
    found = []
    for typed in ("organisation", "organization"):
        page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
        expect(page.locator("#search-status")).to_contain_text("found in the draft")
        links = page.locator("#search-results li li > a")
        found.append(links.evaluate_all("as => as.map(a => a.href)"))
    assert found[0] and found[1] == found[0]
    expect(page.locator("#search-suggestion")).to_have_count(0)


def test_a_misspelling_gets_a_suggestion_and_its_paragraphs(page: Page, base_url: str) -> None:
    page.goto(base_url + "search.html?q=inquery&v=draft")
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    expect(page.locator("#search-suggestion")).to_contain_text("Did you mean inquiry?")
    hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
    assert any(h.endswith("#MOP-0024") for h in hrefs[:3])  # "Member enquiry" means...
    page.locator("#search-suggestion a").click()
    expect(page.locator("#search-query")).to_have_value("inquiry")
    expect(page.locator("#search-suggestion")).to_have_count(0)


def test_a_misspelling_that_completes_a_phrase_is_read_in_it(page: Page, base_url: str) -> None:
    """ "infomation", corrected, makes "freedom of information request", read as one term
    (the Freedom of Information paragraph, 18.9), not "request" alone (a member enquiry's
    word, 2.16)."""
    typed = "freedom of infomation request councillor"
    page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    expect(page.locator("#search-suggestion")).to_contain_text(
        "Did you mean freedom of information request councillor?"
    )
    link = page.locator("#search-results li li > a").first
    assert (link.get_attribute("href") or "").endswith("#MOP-0160")


def test_a_misspelling_with_an_ending_is_corrected_without_it(page: Page, base_url: str) -> None:
    """ "harrased" is two letters from no word of the text; without its ending, "harras"
    is two from "harass" (6.2), and the suggestion puts the ending back."""
    page.goto(base_url + "search.html?q=councillor+harrased+me&v=draft")
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    expect(page.locator("#search-suggestion")).to_contain_text(
        "Did you mean councillor harassed me?"
    )
    hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
    assert any(h.endswith("#MOP-0051") for h in hrefs[:3])


@pytest.mark.parametrize("typed", ["officers dont reply to enquiries", "Hi, gifts? Thanks"])
def test_a_negation_and_an_emails_greeting_are_not_searched(
    page: Page, base_url: str, typed: str
) -> None:
    """ "dont" typed on a phone was once "corrected" to the text's "done", and "thanks"
    found every paragraph saying "than"."""
    page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    expect(page.locator("#search-suggestion")).to_have_count(0)
    marked = page.locator("#search-results li p").evaluate_all("ps => ps.map(p => p.innerHTML)")
    assert marked and not any(re.search(r"<mark>(than|done)</mark>", m, re.I) for m in marked)


@pytest.mark.parametrize("word", ["counsel", "talking", "police"])
def test_a_word_spelt_right_gets_no_suggestion(page: Page, base_url: str, word: str) -> None:
    """Each is one or two letters from a word of the text ("council", "taking",
    "policy"), which the search would otherwise offer as what was meant."""
    page.goto(base_url + f"search.html?q={word}&v=draft")
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    expect(page.locator("#search-suggestion")).to_have_count(0)


@pytest.mark.parametrize(
    ("typed", "first", "cited"),
    [
        # 6.2 says "bully, harass or intimidate": none of the question's other words
        ("complaint of a breach of para 6.2 of the protocol", "MOP-0051", None),
        ("is this contrary to paragraph 3.2", "MOP-0029", None),
        # a paragraph none of the other words finds is still listed first, as cited
        ("minutes say MOP-0144 applies", "MOP-0144", "Paragraph 17.2"),
    ],
)
def test_a_paragraph_cited_in_a_question_comes_first(
    page: Page, base_url: str, typed: str, first: str, cited: str | None
) -> None:
    page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    link = page.locator("#search-results li li > a").first
    assert (link.get_attribute("href") or "").endswith("#" + first)
    if cited:
        expect(link).to_contain_text(cited)


def test_a_word_most_paragraphs_hold_counts_for_less(page: Page, base_url: str) -> None:
    """ "Member" (for "councillor") is in most paragraphs: those holding it with one other
    word of the question must not come before 7.2 (undue pressure: "repeated demands",
    "an officer work outside their working hours") and 6.3 ("working hours")."""
    typed = "councillor demanding answers at the weekend"
    page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
    assert {"MOP-0061", "MOP-0052"} & {h.rsplit("#", 1)[-1] for h in hrefs[:3]}


def test_a_sections_weaker_paragraphs_do_not_come_before_another_sections_stronger(
    page: Page, base_url: str
) -> None:
    """13.10 (a political assistant serves its group, and no other duties of the Council)
    holds "political" and "assistant", as the definition 2.10 does; the Definitions' 2.11
    (political group) and 2.13 (working day) hold one word each, and once came before it
    with their section."""
    typed = "political assistant asked to do work for the council"
    page.goto(base_url + "search.html?" + urlencode({"q": typed, "v": "draft"}))
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
    ids = [h.rsplit("#", 1)[-1] for h in hrefs]
    assert "MOP-0115" in ids[:3]
    assert ids.index("MOP-0115") < ids.index("MOP-0021")


def test_a_number_alone_in_a_question_is_searched_not_cited(page: Page, base_url: str) -> None:
    """ "10 working days": 10 is no citation (nor would section 10 be a paragraph)."""
    page.goto(
        base_url + "search.html?" + urlencode({"q": "reply in 10 working days", "v": "draft"})
    )
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    expect(page.locator("#search-results > li > h2").first).not_to_have_text("The paragraph cited")


def test_the_editors_preview_says_it_has_no_search_index(
    page: Page, preview: tuple[str, Project]
) -> None:
    page.goto(preview[0] + "search.html?q=acknowledge")
    expect(page.locator("#search-status")).to_contain_text("has no search index")
    page.fill("#search-query", "MOP-0144")
    page.press("#search-query", "Enter")
    page.wait_for_url(re.compile(r"member-enquiries\.html#MOP-0144$"))


def test_a_missing_address_however_deep_gets_the_whole_page_not_found(
    page: Page, preview: tuple[str, Project]
) -> None:
    """The server sends 404.html for any address it does not have: an old link into a
    version's folder gets it styled, whole and accessible, its links leading home."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    response = page.goto(preview[0] + "versions/2025-05-15/no-such-section.html")
    assert response is not None and response.status == 404
    page.wait_for_load_state("load")
    assert failed == [response.url]  # the page, and none of its styles, scripts or icon
    # furo's styles apply: its header for a phone is hidden at this width
    shown = "getComputedStyle(document.querySelector('.mobile-header')).display"
    assert page.evaluate(shown) == "none"
    assert violations(page) == []
    page.get_by_role("link", name=re.compile("^Home")).first.click()
    page.wait_for_url(preview[0] + "index.html")
    assert page.locator("h1").first.is_visible()


def test_the_editors_preview_reloads_on_save(page: Page, preview: tuple[str, Project]) -> None:
    url, project = preview
    page.goto(url + "draft/review.html")
    section = project.protocol / "review.md"
    text = section.read_text(encoding="utf-8")
    assert "propose an amendment" in text
    section.write_text(text.replace("propose an amendment", "put forward a change"), "utf-8")
    # No reload here: the served page is told to reload once the rebuild is done.
    expect(page.locator("#MOP-0207")).to_contain_text("put forward a change", timeout=60_000)


def test_arriving_at_a_clause_highlights_it(page: Page, base_url: str) -> None:
    page.goto(base_url + "draft/member-enquiries.html#MOP-0144")
    style = "e => getComputedStyle(e).backgroundColor"
    assert page.eval_on_selector("#MOP-0144", style) != page.eval_on_selector("#MOP-0145", style)


def test_copy_link_and_citation(page: Page, base_url: str) -> None:
    page.goto(base_url + "versions/2026-05-14/member-enquiries.html")
    about = page.locator("#MOP-0144 .clause-about")
    about.locator("summary").click()
    expect(about.locator(".citation")).to_have_text(
        "Member/Officer Protocol, para 17.2 (version adopted 14 May 2026)"
    )
    about.get_by_role("button", name="Copy link").click()
    expect(about.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == (
        base_url + "versions/2026-05-14/member-enquiries.html#MOP-0144"
    )
    about.get_by_role("button", name="Copy citation").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith("(version adopted 14 May 2026)")


def test_a_link_to_a_paragraph_that_moved_section_still_lands_on_it(
    page: Page, base_url: str
) -> None:
    """A copied link names the paragraph by ID on its section's page; after a later
    adoption moves it to another section, the link still opens it, where the version the
    page shows now has it (here 18.2, MOP-0153, asked of section 4's pages)."""
    for version in ("protocol", "draft", "versions/2025-05-15"):
        page.goto(f"{base_url}{version}/roles-of-members.html#MOP-0153")
        page.wait_for_url(f"{base_url}{version}/access-to-information.html#MOP-0153")
        expect(page.locator("#MOP-0153")).to_be_in_viewport()
    # an ID the page holds is left alone
    page.goto(base_url + "protocol/roles-of-members.html#MOP-0036")
    page.wait_for_timeout(500)
    assert page.url == base_url + "protocol/roles-of-members.html#MOP-0036"


def test_the_plain_address_copies_and_cites_the_version_in_force(page: Page, base_url: str) -> None:
    page.goto(base_url + "protocol/member-enquiries.html")
    about = page.locator("#MOP-0145 .clause-about")
    about.locator("summary").click()
    expect(about.locator(".citation")).to_have_text(
        "Member/Officer Protocol, para 17.3 (version adopted 14 May 2026)"
    )
    about.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        base_url + "protocol/member-enquiries.html#MOP-0145"
    )


@pytest.mark.parametrize(
    ("typed", "said", "places"),
    [
        # inserted by the draft since the version in force
        (
            "17.1A",
            "The version in force (adopted 14 May 2026) has no paragraph 17.1A. "
            "Another version has it:",
            [
                (
                    "Paragraph 17.1A (MOP-0209) in the draft (not adopted)",
                    ["draft/member-enquiries.html#MOP-0209"],
                )
            ],
        ),
        # an ID since revoked (protocol/retired.toml)
        (
            "MOP-0208",
            "The version in force (adopted 14 May 2026) has no paragraph MOP-0208: it was "
            "revoked. Another version has it:",
            [
                (
                    "Paragraph 15.6 (MOP-0208) in the version adopted 15 May 2025",
                    ["versions/2025-05-15/media-and-publicity.html#MOP-0208"],
                ),
                (
                    "Its history: the versions that had it, and the one that revoked it.",
                    ["versions/clauses/MOP-0208.html"],
                ),
            ],
        ),
        # a number renumbered away: its paragraph is here under another number
        (
            "para 15.11",
            "The version in force (adopted 14 May 2026) has no paragraph 15.11. "
            "Another version has it:",
            [
                (
                    "Paragraph 15.11 (MOP-0136) in the version adopted 15 May 2025; the same "
                    "paragraph is paragraph 15.10 in the version in force (adopted 14 May 2026).",
                    [
                        "versions/2025-05-15/media-and-publicity.html#MOP-0136",
                        "protocol/media-and-publicity.html#MOP-0136",
                    ],
                )
            ],
        ),
    ],
)
def test_search_says_which_versions_have_a_number_the_version_read_lacks(
    page: Page, base_url: str, typed: str, said: str, places: list[tuple[str, list[str]]]
) -> None:
    page.goto(base_url + "search.html?" + urlencode({"q": typed}))
    expect(page.locator("#search-status")).to_have_text(said)
    found = page.locator("#search-results > li")
    expect(found).to_have_count(len(places))
    for item, (words, links) in zip(found.all(), places, strict=True):
        expect(item).to_have_text(words)
        hrefs = item.locator("a").evaluate_all("as => as.map(a => a.href)")
        assert hrefs == [base_url + link for link in links]
    assert violations(page) == []
    # each link opens the paragraph it names
    found.first.locator("a").first.click()
    page.wait_for_url(base_url + places[0][1][0])


def test_an_id_is_read_as_a_reader_types_it_whatever_its_prefix(page: Page, base_url: str) -> None:
    """conf/council.toml allows a prefix ending in a digit ("CC2"): its IDs are IDs where
    a reader types them, the hyphen then telling where the prefix ends ("CC2 42" is not
    one); the forms a prefix of letters is typed in are unchanged."""
    page.goto(base_url + "search.html")
    typed = {
        "CC2-0042": "CC2-0042",
        "cc2-42": "CC2-0042",
        "CC2 42": None,
        "MOP-0042": "MOP-0042",
        "mop 42": "MOP-0042",
        "MOP42": "MOP-0042",
        "council": None,
    }
    read = {t: page.evaluate("t => window.constitutionId(t)", t) for t in typed}
    assert read == typed


def test_search_opens_the_version_in_force_by_default(page: Page, base_url: str) -> None:
    page.goto(base_url + "search.html?q=working+days")
    expect(page.locator("#search-status")).to_contain_text("found in the version in force")
    hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(base_url + "protocol/") for h in hrefs)
    page.select_option("#search-version", "draft")
    expect(page.locator("#search-status")).to_contain_text("found in the draft")
    hrefs = page.locator("#search-results li li > a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(base_url + "draft/") for h in hrefs)


def test_the_search_page_loads_the_clause_index_only_once_asked(page: Page, base_url: str) -> None:
    """The index of every version's numbers and IDs (clause-index.json, some 200 KB for the
    model) is what the search needs to answer, not to be shown: a phone opening the page
    fetched it before a word was typed, more than the page itself. The versions are in
    the page, the one in force chosen; the index comes with the first search."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base_url + "search.html")
    page.wait_for_load_state("networkidle")
    options = page.locator("#search-version option")
    assert options.all_inner_texts()[-2:] == [
        "In force (adopted 14 May 2026)",
        "Draft (not adopted)",
    ]
    expect(page.locator("#search-version")).to_have_value("2026-05-14")
    assert not [u for u in fetched if u.endswith("clause-index.json")]
    page.fill("#search-query", "17.3")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "protocol/member-enquiries.html#MOP-0145")
    assert [u for u in fetched if u.endswith("clause-index.json")]
    page.goto(base_url + "search.html?v=2024-05-16")
    expect(page.locator("#search-version")).to_have_value("2024-05-16")


def test_in_force_on_a_date(page: Page, base_url: str) -> None:
    page.goto(base_url + "versions/in-force.html?date=2025-07-01")
    page.wait_for_url(base_url + "versions/2025-05-15/index.html")
    page.goto(base_url + "versions/in-force.html")
    page.fill("#in-force-date", "2023-01-01")
    page.keyboard.press("Enter")
    expect(page.locator("#in-force-result")).to_contain_text("No version")


@pytest.mark.parametrize(
    ("day", "opens"),
    [
        ("2024-06-01", "versions/2024-05-16/media-and-publicity.html#MOP-0132"),
        ("2025-06-01", "versions/2025-05-15/media-and-publicity.html#MOP-0208"),
        ("2026-07-01", "protocol/media-and-publicity.html#MOP-0132"),  # in force
    ],
)
def test_a_paragraph_number_as_at_a_date(page: Page, base_url: str, day: str, opens: str) -> None:
    """Paragraph 15.6 was one paragraph in 2024, another (inserted) in 2025, the first
    again since 2026: typed with a date, by keyboard only, it opens the one of that date."""
    page.goto(base_url + "versions/in-force.html")
    tab_to(page, "#in-force-date")
    # A date field takes its day, month and year in the order of the browser's language.
    order = page.evaluate(
        "new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 0, 2))"
        ".map(p => p.type).filter(t => ['day', 'month', 'year'].includes(t))"
    )
    year, month, date = day.split("-")
    page.keyboard.type("".join({"year": year, "month": month, "day": date}[t] for t in order))
    tab_to(page, "#in-force-number")
    page.keyboard.type("para 15.6")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + opens)
    expect(page.locator(f"#{opens.split('#')[1]}")).to_be_visible()


def test_a_paragraph_number_before_the_first_version_or_not_in_it(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "versions/in-force.html?date=2023-01-01&paragraph=15.6")
    date, result = page.locator("#in-force-date"), page.locator("#in-force-result")
    expect(result).to_have_text(
        "No version of the protocol was in force on 1 January 2023: "
        "the first came into force on 16 May 2024."
    )
    # the message describes the field at fault, which is marked and has the focus
    expect(date).to_have_attribute("aria-invalid", "true")
    expect(date).to_be_focused()
    assert "in-force-result" in (date.get_attribute("aria-describedby") or "").split()
    page.goto(base_url + "versions/in-force.html?date=2024-06-01&paragraph=15.11")
    number = page.locator("#in-force-number")
    expect(result).to_have_text(
        "The version in force on 1 June 2024 (adopted 16 May 2024) has no paragraph 15.11."
    )
    expect(number).to_have_attribute("aria-invalid", "true")
    expect(number).to_be_focused()
    described = (number.get_attribute("aria-describedby") or "").split()
    assert described == ["in-force-number-hint", "in-force-result"]
    axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert axe.response["violations"] == []
    page.fill("#in-force-number", "fourteen")
    page.keyboard.press("Enter")
    expect(result).to_contain_text("is not a paragraph number")


def test_traceability_filters(page: Page, base_url: str, project: Project) -> None:
    clauses = list(project.document().clauses())
    informative = sum(c.modality == "informative" for c in clauses)
    assert 0 < informative < len(clauses)
    page.goto(base_url + "traceability.html")
    count = page.locator("#trace-count")
    expect(count).to_have_text(f"{len(clauses)} of {len(clauses)} paragraphs shown.")
    page.select_option("#filter-modality", "informative")
    expect(count).to_have_text(f"{informative} of {len(clauses)} paragraphs shown.")


def test_defined_terms_explain_themselves_to_keyboard_and_screen_reader(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "draft/member-enquiries.html")
    term = page.locator("#MOP-0143 .defined-term a").first
    definition = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(definition).to_be_hidden()
    assert (definition.text_content() or "").startswith("Member enquiry means")
    term.focus()
    expect(definition).to_be_visible()
    assert term.evaluate("e => e.getAttribute('href')") == "definitions.html#MOP-0024"


def test_print_is_a_clean_document(page: Page, base_url: str) -> None:
    page.goto(base_url + "versions/2026-05-14/member-enquiries.html")
    page.emulate_media(media="print")
    expect(page.locator(".sidebar-drawer")).to_be_hidden()
    expect(page.locator("#MOP-0144 .clause-about")).to_be_hidden()
    expect(page.locator(".version-note")).to_be_visible()  # which version it is, on paper too
    expect(page.locator("#MOP-0144 .clause-number")).to_be_visible()


def test_an_earlier_version_s_banner_opens_the_same_paragraph_in_force(
    page: Page, base_url: str
) -> None:
    """The resident read paragraph 20.1 as it was in force in 2024: the banner's link opens
    that paragraph in the version in force, not its contents; the banner is the first
    thing of the main content (the skip link passes over nothing that says which version
    it is), and no unnamed landmark."""
    page.goto(base_url + "versions/2024-05-16/confidentiality.html#MOP-0164")
    banner = page.locator("#furo-main-content > .version-note .version-banner")
    expect(banner).to_contain_text("A later version exists")
    assert page.locator(".announcement-content").count() == 0  # furo's unnamed <aside>
    banner.get_by_role("link", name="read the version in force").click()
    page.wait_for_url(base_url + "protocol/confidentiality.html#MOP-0164")
    assert violations(page) == []


@pytest.mark.parametrize("width", [390, 700])
def test_a_section_printed_names_its_document_and_has_no_search_box_or_scroll_bar(
    page: Page, base_url: str, width: int
) -> None:
    """A councillor's assistant prints one section for a meeting: the paper says which
    document it is from, and carries no search box and no scroll bar (an element wider
    than the printed column)."""
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(base_url + "protocol/member-enquiries.html")
    page.emulate_media(media="print")
    expect(page.locator(".mobile-header .brand")).to_have_text(
        "Protocol on Member/Officer Relations"
    )
    expect(page.locator(".phone-search")).to_be_hidden()
    wider = page.evaluate(
        "() => [...document.querySelectorAll('.content, .content *')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1"
        " && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).length"
    )
    assert wider == 0


def test_pages_carry_a_strict_policy_and_no_inline_script(page: Page, base_url: str) -> None:
    for path in ("index.html", "search.html", "versions/2026-05-14/index.html"):
        page.goto(base_url + path)
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert policy and "unsafe-inline" not in policy and "script-src 'self'" in policy
        assert page.evaluate("[...document.scripts].filter(s => !s.src).length") == 0
    assert page.evaluate("document.body.dataset.theme") == "auto"  # the moved script ran


def test_a_versions_sections_are_numbered_once(page: Page, base_url: str) -> None:
    """The home page lists the version in force by section, each link with its number:
    the list draws no number of its own beside it ("1. 1. Purpose")."""
    page.goto(f"{base_url}/index.html")
    first = page.locator("ol.version-contents li").first
    assert first.inner_text().startswith("1. ")
    marker = first.evaluate("li => getComputedStyle(li).listStyleType")
    assert marker == "none"


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("section", ["purpose-and-status", "member-enquiries"])
def test_a_definition_stays_on_the_screen(
    page: Page, base_url: str, width: int, section: str
) -> None:
    """Every defined term's pop-up, reached by keyboard and by pointer, is wholly on screen."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(base_url + f"draft/{section}.html")
    terms = page.locator(".clause-text .defined-term")
    assert terms.count() >= 2
    for i in range(terms.count()):
        term = terms.nth(i)
        term.scroll_into_view_if_needed()
        for reach in ("focus", "hover"):
            page.mouse.move(0, 0)
            page.evaluate("document.activeElement && document.activeElement.blur()")
            if reach == "focus":
                term.locator("a").focus()
            else:
                term.locator("a").hover()
            box = term.locator(".term-definition")
            expect(box).to_be_visible()
            rect = box.evaluate(
                "e => { const r = e.getBoundingClientRect(); "
                "return [r.left, r.right, r.top, r.bottom, innerWidth, innerHeight]; }"
            )
            left, right, top, bottom, across, down = rect
            assert left >= 0 and right <= across, (i, reach, rect)
            assert top >= 0 and bottom <= down, (i, reach, rect)


def test_tables_become_lists_on_a_phone(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base_url + "versions/index.html")
    cell = page.locator("table.versions td").last
    assert cell.evaluate("e => getComputedStyle(e).display") == "block"
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Resolution: "'
    width = cell.evaluate("e => e.getBoundingClientRect().width")
    assert width > 250  # the page's width, not a column's
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("kind", ["index.html", "versions/2026-05-14/member-enquiries.html"])
def test_a_phone_shows_a_search_box_without_opening_the_menu(
    page: Page, base_url: str, kind: str
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + kind)
    box = page.locator("form.phone-search input[name=q]")
    expect(box).to_be_visible()
    expect(page.locator(".sidebar-drawer input.sidebar-search")).not_to_be_in_viewport()
    box.fill("enquiry")
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=enquiry"))
    expect(page.locator("#search-results li li > a").first).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + kind)
    expect(page.locator("form.phone-search")).to_be_hidden()  # the sidebar's box is there


def test_the_sidebar_search_box_shows_focus(page: Page, base_url: str) -> None:
    page.goto(base_url + "index.html")
    tab_to(page, "input.sidebar-search")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_the_menu_is_a_navigation_landmark(page: Page, base_url: str) -> None:
    """A screen reader's list of landmarks leads to the site's menu, named, beside the
    pager's: on a section page, on an adopted version's and on the home page."""
    for name in ("protocol/confidentiality.html", "versions/2025-05-15/index.html", "index.html"):
        page.goto(base_url + name)
        menu = page.get_by_role("navigation", name="Menu", exact=True)
        expect(menu).to_have_count(1)
        expect(menu.get_by_role("link").first).to_be_attached()


def test_the_navigation_opens_and_closes_its_branches(page: Page, base_url: str) -> None:
    """The draft's branch of the sidebar is open on its own pages and closed elsewhere,
    and its switch opens and closes it (furo's styles on the tool's navigation)."""
    draft = ".sidebar-tree li.has-children:has(> a[href$='index.html'])"
    page.goto(base_url + "draft/member-enquiries.html")
    expect(page.locator(f"{draft} > ul")).to_be_visible()
    current = page.locator(".sidebar-tree li.current-page > a")
    expect(current).to_have_text("17. Members’ enquiries")
    page.goto(base_url + "accessibility.html")
    sections = page.locator(f"{draft} > ul")
    expect(sections).to_be_hidden()
    page.locator(f"{draft} > label").click()
    expect(sections).to_be_visible()
    sections.locator("a", has_text="17. Members").click()
    page.wait_for_url(base_url + "draft/member-enquiries.html")
    page.locator(f"{draft} > label").click()
    expect(page.locator(f"{draft} > ul")).to_be_hidden()


def test_an_in_force_section_leads_on_within_its_version(page: Page, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.locator("ol.version-contents a", has_text="17. Members").click()
    page.wait_for_url(base_url + "protocol/member-enquiries.html")
    expect(page).to_have_title(re.compile(r"^17\. Members’ enquiries — in force"))
    page.locator("nav.pager a[rel=next]").click()
    page.wait_for_url(base_url + "protocol/access-to-information.html")


def test_escape_hides_a_definition_until_the_term_is_left(page: Page, base_url: str) -> None:
    page.goto(base_url + "draft/member-enquiries.html")
    term = page.locator("#MOP-0143 .defined-term a").first
    definition = page.locator(f"#{term.get_attribute('aria-describedby')}")
    term.focus()
    expect(definition).to_be_visible()
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()
    assert page.evaluate("document.activeElement.closest('.defined-term') !== null")
    page.keyboard.press("Shift+Tab")
    term.focus()
    expect(definition).to_be_visible()


@pytest.mark.parametrize("kind", PAGES)
def test_no_page_scrolls_sideways_on_a_small_phone(page: Page, base_url: str, kind: str) -> None:
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(base_url + PAGES[kind])
    wide = page.evaluate(
        "[...document.querySelectorAll('article *')]"
        ".filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, (kind, wide)


def test_forced_colours_frame_the_version_note_and_bar_only_the_paragraph_linked_to(
    page: Page, base_url: str
) -> None:
    """A reader in Windows high contrast (forced colours), where backgrounds go and every
    border is drawn in the text's colour: the note of which version this is keeps its
    frame, and only the paragraph a link opened is barred, not every paragraph alike."""
    page.emulate_media(forced_colors="active")
    page.goto(base_url + "versions/2024-05-16/member-enquiries.html#MOP-0144")
    assert page.eval_on_selector(".version-note", "e => getComputedStyle(e).borderTopStyle") != (
        "none"
    )
    bar = "e => getComputedStyle(e).borderLeftColor"
    canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page.eval_on_selector("#MOP-0145", bar) == canvas
    assert page.eval_on_selector("#MOP-0144", bar) != canvas


def test_a_paragraphs_last_change_opens_the_comparison_that_made_it(
    page: Page, base_url: str
) -> None:
    """A councillor told "that changed last year", reading the version in force: the
    paragraph's panel says when its words last changed and opens that change, word by
    word; a paragraph unchanged since first adopted offers no such link."""
    page.goto(base_url + "protocol/member-enquiries.html")
    page.locator("#MOP-0144 summary").click()
    page.locator("#MOP-0144 .clause-about").get_by_role("link", name="See what changed").click()
    page.wait_for_url(base_url + "versions/redline/2024-05-16--2025-05-15.html#MOP-0144")
    expect(page.locator("#MOP-0144 del")).to_contain_text("fifteen")
    page.go_back()
    page.locator("#MOP-0143 summary").click()
    unchanged = page.locator("#MOP-0143 .clause-about")
    expect(unchanged).to_contain_text("Unchanged since first adopted")
    expect(unchanged.get_by_role("link", name="See what changed")).to_have_count(0)


@pytest.mark.parametrize(
    ("address", "permanent"),
    [
        ("protocol/member-enquiries.html", "versions/2026-05-14/member-enquiries.html"),
        ("versions/2024-05-16/member-enquiries.html", "versions/2024-05-16/member-enquiries.html"),
    ],
)
def test_a_section_printed_gives_its_permanent_address(
    page: Page, base_url: str, project: Project, address: str, permanent: str
) -> None:
    """An officer prints a section for a meeting: the paper gives the address of those
    words in that version, which later versions do not change (the plain address will
    show another version once one comes into force); the screen, which links to it, does
    not spell it out."""
    page.goto(base_url + address)
    printed = page.locator(".version-note .print-address")
    expect(printed).to_be_hidden()
    page.emulate_media(media="print")
    expect(printed).to_be_visible()
    expect(printed).to_have_text(f"Permanent address: {project.council().base_url}{permanent}")
