"""Benchmark: the site on a phone. Chromium with a phone's screen and a throttled network.

    python benchmarks/phone.py        (or: nox -s bench_phone; needs Debian's chromium)

For each kind of page: bytes transferred, requests and largest contentful paint, beside
a plain furo page (Sphinx + furo, nothing else) holding the same section's text. The
local server does not compress, so the bytes are uncompressed: an upper bound. Budget: a
section page under 150 KB before search is used.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from local_site import serve
from playwright.sync_api import sync_playwright
from sphinx.cmd.build import build_main

from constitution.build import build_site
from constitution.project import Project
from constitution.redline import plain

MODEL = Path(__file__).resolve().parent.parent / "tests" / "roots" / "model"
PAGES = {
    "home": "index.html",
    "section (draft)": "draft/member-enquiries.html",
    "section (in force)": "protocol/member-enquiries.html",
    "clause history": "versions/clauses/MOP-0144.html",
    "redline": "versions/redline/2025-05-15--2026-05-14.html",
    "worked example": "checks/SC-ENQ-001.html",
    "traceability": "traceability.html",
    "search (before use)": "search.html",
}
FAST_3G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
RUNS = 3


def plain_furo(folder: Path) -> Path:
    """A plain Sphinx + furo page with the same section's words, for comparison."""
    document = Project(MODEL).document()
    section = next(s for s in document.sections if s.slug == "member-enquiries")
    text = "\n\n".join(f"**{c.number}** {plain(c.text, document)}" for c in section.clauses)
    src = folder / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text("extensions = ['myst_parser']\nhtml_theme = 'furo'\n")
    (src / "index.md").write_text(f"# {section.number}. {section.title}\n\n{text}\n")
    assert build_main(["-q", "-b", "html", str(src), str(folder / "out")]) == 0
    return folder / "out"


def measure(browser: object, url: str) -> tuple[int, int, float]:
    context = browser.new_context(**browser_devices["Pixel 5"])  # type: ignore[attr-defined]
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", FAST_3G)
    sizes: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: sizes.append(int(e["encodedDataLength"])))
    # to network idle, not load: what a page's script fetches as it opens is its weight too
    # (at load the search page's clause index, 204 KB, was still coming and not counted)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    lcp = page.evaluate("""() => new Promise(done => new PerformanceObserver(list => {
        const entries = list.getEntries(); done(entries[entries.length - 1].startTime);
    }).observe({type: 'largest-contentful-paint', buffered: true}))""")
    context.close()
    return sum(sizes), len(sizes), float(lcp)


browser_devices: dict[str, dict[str, object]] = {}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        assert build_site(Project(MODEL), site) == 0
        baseline = plain_furo(Path(tmp) / "plain")
        ours, our_url = serve(site)
        theirs, their_url = serve(baseline)
        with sync_playwright() as p:
            browser_devices.update(p.devices)
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                ],
            )
            print(f"Phone (Pixel 5 screen, Fast 3G), median of {RUNS} loads; bytes uncompressed")
            print(f"{'page':<24}{'KB':>8}{'requests':>10}{'LCP ms':>9}")
            rows = [("plain furo, same text", their_url + "index.html")]
            rows += [(kind, our_url + path) for kind, path in PAGES.items()]
            for kind, url in rows:
                runs = [measure(browser, url) for _ in range(RUNS)]
                kb = statistics.median(r[0] for r in runs) / 1024
                requests = statistics.median(r[1] for r in runs)
                lcp = statistics.median(r[2] for r in runs)
                print(f"{kind:<24}{kb:>8.0f}{requests:>10.0f}{lcp:>9.0f}", flush=True)
            browser.close()
        ours.shutdown()
        theirs.shutdown()


if __name__ == "__main__":
    main()
