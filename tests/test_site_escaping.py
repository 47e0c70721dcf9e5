"""The same words give the same bytes: what the site's templates print is escaped as the
pages were before they were templates (Python's html.escape: an apostrophe ``&#x27;``, a
quotation mark ``&quot;``), not as markupsafe escapes (``&#39;``, ``&#34;``)."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from conftest import Site
from constitution.sphinxext.page_templates import ENV
from constitution.templating import escape

WORDS = """The officers' "advice" <in full> & more"""
CONTENT = re.compile(r'<article role="main"[^>]*>(.*?)</article>', re.S)


def test_words_are_escaped_as_python_escapes_them_and_markup_is_let_through() -> None:
    assert escape(WORDS) == html.escape(WORDS)
    assert escape(WORDS) == "The officers&#x27; &quot;advice&quot; &lt;in full&gt; &amp; more"
    assert escape(7) == "7"
    drawn = Markup("<em>drawn</em>")
    assert escape(drawn) == drawn


def test_a_template_prints_words_with_that_escape_whatever_the_filter() -> None:
    page = ENV.from_string("<p title='{{ w }}'>{{ w }} {{ ws|join(', ') }} {{ m }}</p>")
    drawn = page.render(w=WORDS, ws=[WORDS, "it's"], m=Markup("<b>it's</b>"))
    escaped = html.escape(WORDS)
    assert drawn == f"<p title='{escaped}'>{escaped} {escaped}, it&#x27;s <b>it's</b></p>"


def test_a_worked_example_s_title_holds_the_bytes_it_had_before_templates(site: Site) -> None:
    """The heading as the site drew it before templates (commit 89b2989), byte for byte."""
    page = (site.out / "checks" / "SC-CNC-001.html").read_bytes()
    heading = (
        b"<h1>A member unhappy with a housing officer&#x27;s handling of a case, "
        b"after talking it through</h1>"
    )
    assert heading in page


def test_a_resolution_holds_the_bytes_it_had_before_templates(site: Site) -> None:
    page = (site.out / "versions" / "clauses" / "MOP-0001.html").read_bytes()
    resolution = (
        b">Council, 15 May 2025, minute 9(c): annual review; reply times for members&#x27; "
        b"enquiries shortened; paragraph on media interviews added<"
    )
    assert resolution in page


def test_no_page_s_content_is_escaped_by_markupsafe(site: Site) -> None:
    """Sphinx's own templates escape the page's <title> their way, outside its content."""
    pages = sorted(site.out.rglob("*.html"))
    assert len(pages) > 100
    found = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        content = CONTENT.search(text)
        for entity in ("&#39;", "&#34;"):
            if entity in (content.group(1) if content else text):
                found.append(f"{path.relative_to(site.out)}: {entity}")
    assert found == []
