"""The sidebar's navigation (sphinxext/navigation.py, templates/sidebar/navigation.html):
drawn by a template of ours from the toctree Sphinx resolves, exactly as furo would draw
it on every page, with no hook into furo's private code and no editing of its HTML."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import posixpath
import re
from pathlib import Path
from typing import Any

import pytest

import constitution
from conftest import Site, copy_project
from constitution.project import Project
from constitution.sphinxext import not_found

SRC = Path(constitution.__file__).parent
TREE = re.compile(r'<nav class="sidebar-tree" aria-label="Menu">\n  (.*?)\n</nav>', re.S)
# Names with an underscore that are public all the same: NamedTuple's methods,
# python-docx's paragraph element, its documented way to XML its API lacks (revisions),
# and os._exit, the documented way a forked child ends (records_aside.py).
PUBLIC = {"_replace", "_asdict", "_fields", "_make", "_p", "_exit"}


def test_the_extension_patches_no_library() -> None:
    """Importing every module of the tool leaves furo's functions furo's own, and no
    module assigns to another module's attributes."""
    import furo
    import furo.navigation

    before = dict(vars(furo)), dict(vars(furo.navigation))
    for module in pkgutil.walk_packages([str(SRC)], "constitution."):
        if not module.name.startswith("constitution.council_template") and not (
            module.name.endswith("__main__")  # runs the command
        ):
            importlib.import_module(module.name)
    assert (dict(vars(furo)), dict(vars(furo.navigation))) == before
    assert furo._compute_navigation_tree.__module__ == "furo"
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            (alias.asname or alias.name).split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        patched = [
            f"{path.name}:{target.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id in modules
        ]
        assert patched == [], "a module's attribute replaced"


# The private modules the tool may import, each for what no public name gives, each
# guarded so that the tool still works (without that hint) where a release moves it.
ALLOWED = {
    "pypdf.generic._font",  # a font's glyph widths, a standard font's among them
}


def test_the_tool_reaches_into_no_private_name() -> None:
    """No ``thing._private`` but on the tool's own objects (self, cls), and no private
    name or module imported from a library (Sphinx's _warncount, furo's
    _compute_navigation_tree were)."""
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                name = node.attr
                owner = node.value.id if isinstance(node.value, ast.Name) else ""
                if owner in ("self", "cls") or name in PUBLIC:
                    continue
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                module = node.module or ""
                if module.startswith("constitution") or module == "__future__":
                    continue
                if module in ALLOWED:
                    continue
                names = [module, *(alias.name for alias in node.names)]
                name = next((n for n in names if private(n)), "")
            elif isinstance(node, ast.Import):
                name = next((a.name for a in node.names if private(a.name)), "")
            else:
                continue
            if private(name):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} {name}")
    assert found == []


def private(name: str) -> bool:
    return any(p.startswith("_") and not p.startswith("__") for p in name.split("."))


def probe(warm: Any) -> dict[str, str]:
    """Furo's own navigation of each page the warm build writes, drawn from Sphinx's
    toctree as furo draws it, with the version links this tool puts first."""
    from furo.navigation import get_navigation_tree

    toctrees: dict[str, Any] = {}
    drawn: dict[str, str] = {}

    def before(app: Any, pagename: str, template: str, context: dict[str, Any], _: Any) -> None:
        if "toctree" in context:
            toctrees[pagename] = context["toctree"]

    def after(app: Any, pagename: str, template: str, context: dict[str, Any], _: Any) -> None:
        if pagename in toctrees and "constitution_menu" not in context:
            html = get_navigation_tree(
                toctrees[pagename](
                    collapse=False, titles_only=True, maxdepth=-1, includehidden=True
                )
            )
            top = context.get("constitution_menu_top", "")
            first = re.compile(r'<ul( class="current")?>')
            drawn[pagename] = first.sub(lambda m: m[0] + top, html, count=1)

    app = warm.start()
    app.connect("html-page-context", before, priority=50)  # before the tool's (100)
    app.connect("html-page-context", after, priority=600)  # after furo's (500)
    return drawn


def extend(project: Project) -> None:
    """Toctrees the model has not: a caption, a second toctree, a page with its own
    toctree two deep, a title with markup and an ampersand, numbered entries, a web
    address and the home page itself."""
    docs = project.root / "docs"
    home = docs / "index.md"
    home.write_text(
        home.read_text(encoding="utf-8")
        + "\n```{toctree}\n:caption: Further reading & notes\n:numbered:\n\n"
        "further\nLegislation <https://www.legislation.gov.uk/>\nself\n```\n",
        encoding="utf-8",
    )
    (docs / "further.md").write_text(
        "# Further *reading* & notes\n\nWords.\n\n```{toctree}\ndeeper\n```\n", "utf-8"
    )
    (docs / "deeper.md").write_text(
        "# Deeper\n\nWords.\n\n```{toctree}\ndeepest\n```\n", encoding="utf-8"
    )
    (docs / "deepest.md").write_text("# Deepest\n\nWords.\n", encoding="utf-8")


def test_every_page_shows_what_furo_would_draw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Byte for byte, every page drawn through the theme: its links, the current page
    and the branches holding it marked, every branch's switch numbered and set."""
    from constitution.serve import WarmBuild
    from constitution.sphinxext import page_cache

    monkeypatch.setattr(page_cache, "SHELLS", False)  # every page through the theme
    project = copy_project(tmp_path / "project", versions=True)
    extend(project)
    with WarmBuild(project, tmp_path / "work") as warm:
        expected = probe(warm)
        assert warm() == 0
    out = tmp_path / "work" / "html"
    kinds = {name.split("/")[0] for name in expected}
    assert {"draft", "checks", "ways-in", "versions", "further", "deepest"} <= kinds
    for name, furo in expected.items():
        found = TREE.search((out / f"{name}.html").read_text(encoding="utf-8"))
        if name == not_found.PAGE:  # sent at any depth, its links start from the root
            furo = not_found.from_the_root(furo, "/")
        assert found is not None and found[1] == furo, name
    # The extension's cases appear, so the comparison covered them.
    deepest = expected["deepest"]
    assert 'class="toctree-l3 current current-page"' in deepest
    assert '<p class="caption" role="heading">' in deepest
    assert "<em>reading</em> &amp; notes" in deepest
    assert 'href="https://www.legislation.gov.uk/"' in deepest
    assert deepest.count(' checked=""') == 2


def test_each_kind_of_page_marks_its_own_entry(site: Site) -> None:
    """The draft's pages mark their entry in the site's tree, the version in force's and
    an adopted version's in their own menu; a generated page marks none; every link in
    every page's navigation leads to a page of the site."""

    def marked(name: str) -> list[tuple[str, str]]:
        page = site.page(name)
        return [
            (a.get_text(), a["href"])
            for a in page.select(".sidebar-tree .current-page > a, .sidebar-tree [aria-current]")
        ]

    assert marked("draft/member-enquiries.html") == [("17. Members’ enquiries", "#")]
    assert marked("accessibility.html") == [("Accessibility statement", "#")]
    assert marked("protocol/member-enquiries.html") == [
        ("17. Members’ enquiries", "member-enquiries.html")
    ]
    assert marked("versions/2024-05-16/review.html") == [
        ("25. Review of this protocol", "review.html")
    ]
    assert marked("checks/SC-ENQ-002.html") == []
    branch = site.page("draft/member-enquiries.html").select_one(".sidebar-tree li.current input")
    assert branch is not None and branch.has_attr("checked")
    pages = sorted(site.out.rglob("*.html"))
    assert len(pages) > 600
    for path in pages:
        name = path.relative_to(site.out).as_posix()
        for a in site.page(name).select(".sidebar-tree a"):
            href = a["href"].partition("#")[0]
            # (404.html's start from the root: it is sent at any depth)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), href)).lstrip("/")
            assert not href or (site.out / target).is_file(), (name, a["href"])
