"""Dependencies declared exactly as imported: every package the tool imports is declared
in pyproject.toml, and every package declared is imported (or named below with why)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import constitution

SRC = Path(constitution.__file__).parent
PYPROJECT = SRC.parents[1] / "pyproject.toml"
# Declared for what they do without being imported by the tool, each with where.
NOT_IMPORTED = {
    "furo": ("sphinxconf.py", '"html_theme": "furo"'),  # the theme, named by the settings
    "pagefind": ("sphinxext/search.py", '"-m", "pagefind"'),  # run as a program
    "websockets": ("serve.py", "websocket"),  # uvicorn's WebSocket protocol: the reload socket
}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(*extras: str) -> set[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    specs = [
        *project["dependencies"],
        *(s for e in extras for s in project["optional-dependencies"][e]),
    ]
    return {normal(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in specs}


def imported(paths: list[Path]) -> dict[str, str]:
    """Each top-level module the code imports from outside the standard library and
    itself, with a place it is imported (imports inside functions count too)."""
    found: dict[str, str] = {}
    for path in sorted(paths):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "constitution":
                    found.setdefault(top, f"{path.name}:{node.lineno}")
    return found


def distributions(modules: dict[str, str]) -> dict[str, str]:
    """The distribution (as pyproject.toml names it) that provides each module."""
    provides = packages_distributions()
    missing = sorted(m for m in modules if m not in provides)
    assert missing == [], f"imported but installed by no distribution: {missing}"
    return {normal(provides[m][0]): where for m, where in modules.items()}


def test_the_tool_declares_exactly_what_it_imports() -> None:
    uses = distributions(imported(list(SRC.rglob("*.py"))))
    wanted = declared("serve")  # `constitution serve` is the tool's, with its extra
    undeclared = {d: where for d, where in uses.items() if d not in wanted}
    assert undeclared == {}, "imported but not declared in pyproject.toml"
    unused = sorted(wanted - uses.keys() - NOT_IMPORTED.keys())
    assert unused == [], "declared in pyproject.toml but never imported"


def test_what_is_declared_but_not_imported_is_used_where_it_says() -> None:
    for name, (module, usage) in NOT_IMPORTED.items():
        assert name in declared("serve"), name
        assert usage in (SRC / module).read_text(encoding="utf-8"), (name, module)


def test_the_tests_import_only_what_is_declared() -> None:
    """The tests here (the browser tests run in an environment of their own)."""
    tests = list(Path(__file__).parent.glob("*.py"))
    benchmarks = Path(__file__).parents[1] / "benchmarks"  # which some tests run and read
    local = {p.stem for p in [*tests, *benchmarks.glob("*.py")]} | {"dev"}  # and dev.py
    uses = distributions({m: w for m, w in imported(tests).items() if m not in local})
    everything = declared("serve", "test", "browser")
    assert {d: w for d, w in uses.items() if d not in everything} == {}
