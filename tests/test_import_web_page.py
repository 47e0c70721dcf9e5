"""A protocol saved from a council's web page: its main content imported, the site's
navigation, banners, forms and footer listed as left out, lists numbered as the browser
draws them."""

from __future__ import annotations

from pathlib import Path

from constitution.extract import extract
from constitution.importer import import_protocol


def page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "protocol.html"
    path.write_text(
        f"<!DOCTYPE html><html><head><title>Tab</title></head><body>{body}</body></html>"
    )
    return path


def test_numbered_lists_are_numbered_as_the_browser_draws_them(tmp_path: Path) -> None:
    """A protocol whose paragraphs are an <ol> has the numbers the reader sees: the list's
    start, and its items' letters, as printed; a script's code is no words."""
    source = page(
        tmp_path,
        "<script>var banner = 1;</script><h1>Member Officer Protocol</h1>"
        "<h2>1. Roles</h2><ol><li>Members decide policy.</li>"
        "<li><p>Officers must:</p><ol type='a'><li>advise;</li><li>act.</li></ol></li>"
        "<li><p>Members may:</p><ol type='i' start='3'><li>ask;</li><li>attend.</li></ol>"
        "</li></ol><h2>2. Contact</h2><ol start='4'><li>Members ask officers.</li>"
        "<li>Officers <b>must</b> reply.</li></ol>",
    )
    doc = import_protocol(source)
    assert doc.title == "Member Officer Protocol"
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        ("1.", ["Members decide policy."]),
        ("2.", ["Officers must:", "- a. advise;", "- b. act."]),
        ("3.", ["Members may:", "- iii. ask;", "- iv. attend."]),
        ("4.", ["Members ask officers."]),
        ("5.", ["Officers **must** reply."]),
    ]
    assert [line.text for line, _ in doc.left_out] == ["Tab"]


def test_without_main_the_sites_own_parts_are_left_out(tmp_path: Path) -> None:
    """With no <main>, the body is the page's, but its navigation, header, footer, forms,
    landmarks (role="search") and a block named as a cookie banner are the site's; a
    table's row keeps its cells apart."""
    source = page(
        tmp_path,
        "<nav><a href='/'>Home</a></nav><div class='cookie-notice'>We use cookies.</div>"
        "<div role='search'><p>Search this site</p></div>"
        "<h1>Protocol</h1><h2>1. Contacts</h2><p>1.1 Ask the officers below.</p>"
        "<table><tr><th>Role</th><th>Email</th></tr>"
        "<tr><td>Monitoring Officer</td><td>mo@example.gov.uk</td></tr></table>"
        "<p>1.2 Officers reply in ten days.</p><p>1.3 Members are told.</p>"
        "<footer><form><button>Yes</button></form><p>© Council</p></footer>",
    )
    extracted = extract(source)
    assert [line.text for line in extracted.site] == [
        "Tab",
        "Home",
        "We use cookies.",
        "Search this site",
        "Yes",
        "© Council",
    ]
    assert "Role\tEmail" in [line.text for line in extracted.lines]
    assert [c.number for c in import_protocol(source).clauses()] == ["1.1", "1.2", "1.3"]
