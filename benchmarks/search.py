"""Benchmark: does the site's search find what people type?

    python benchmarks/search.py [--site DIR] [--version KEY] [--verbose] [--questions FILE]
    (or: nox -s bench_search; needs Debian's chromium)

Asks the built site's own search page, in Chromium, each of the questions in
benchmarks/search_questions.yaml (written from the protocol before the search code was
read), and prints the share with an expected paragraph first, among the first three
results and among the first ten, then the misses. This is the real search: the site's search
script and the Pagefind bundle the build wrote, nothing reimplemented. Without --site it
builds the site into a temporary folder first. The draft is searched by default, since
the questions were written from protocol/.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import yaml
from local_site import serve
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "benchmarks" / "search_questions.yaml"
CHROMIUM = "/usr/bin/chromium"


def ask(page: Page, base: str, version: str, question: str) -> tuple[list[str], str]:
    """The clause IDs the search page lists for a question, in order, and any suggestion
    it makes ("Did you mean ...")."""
    page.goto(base + "search.html?" + urlencode({"q": question, "v": version}))
    # A number or an ID opens its paragraph: the page left is the one result.
    page.wait_for_function(
        "() => !location.pathname.endsWith('/search.html') ||"
        " / found in /.test(document.getElementById('search-status').textContent)"
    )
    if not page.url.split("?")[0].endswith("/search.html"):
        page.wait_for_load_state()
        jumped = re.search(r"#([A-Z][A-Z0-9]*-\d{4})$", page.url)
        if jumped:
            return [jumped.group(1)], ""
        # A section ("Rule 4", "Article 12") opens its page: its paragraphs, in order.
        return page.locator("div.clause[id]").evaluate_all("ds => ds.map(d => d.id)"), ""
    hrefs = page.locator("#search-results li > a").evaluate_all("as => as.map(a => a.href)")
    ids = [m.group(1) for h in hrefs if (m := re.search(r"#([A-Z][A-Z0-9]*-\d{4})$", h))]
    suggestion = page.locator("#search-suggestion")
    said = suggestion.inner_text().strip() if suggestion.count() else ""
    return ids, said


def run(site: Path, version: str, verbose: bool, asked: Path = QUESTIONS) -> None:
    questions = yaml.safe_load(asked.read_text(encoding="utf-8"))
    server, base = serve(site)
    top1 = top3 = top10 = 0
    misses = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        for q in questions:
            ids, said = ask(page, base, version, q["question"])
            expected = set(q["expected"])
            rank = next((i for i, found in enumerate(ids, 1) if found in expected), None)
            top1 += rank == 1
            top3 += rank is not None and rank <= 3
            top10 += rank is not None and rank <= 10
            if rank is None or rank > 3 or verbose:
                misses.append((q["question"], rank, len(ids), ids[:3], said))
        browser.close()
    server.shutdown()
    n = len(questions)
    print(f"Search benchmark: {n} questions, version {version!r}, {site}")
    print(f"  an expected paragraph first:                   {top1}/{n} ({top1 / n:.0%})")
    print(f"  an expected paragraph in the first 3 results:  {top3}/{n} ({top3 / n:.0%})")
    print(f"  an expected paragraph in the first 10 results: {top10}/{n} ({top10 / n:.0%})")
    print("Questions without an expected paragraph in the first 3:" if not verbose else "All:")
    for question, rank, count, first, said in misses:
        where = f"rank {rank}" if rank else "not listed"
        note = f"; suggests {said!r}" if said else ""
        print(f"  {question!r}: {where} of {count}; first {', '.join(first) or '-'}{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--version", default="draft", help="the version to search")
    parser.add_argument("--verbose", action="store_true", help="list every question")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="another set")
    args = parser.parse_args()
    if args.site:
        run(args.site, args.version, args.verbose, args.questions)
        return
    from constitution.build import build_site
    from constitution.project import Project

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        out = Path(tmp) / "site"
        assert build_site(Project(ROOT), out) == 0
        run(out, args.version, args.verbose, args.questions)


if __name__ == "__main__":
    main()
