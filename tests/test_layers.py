"""One-way layers (issue 22): the core (the model and its tree, reading and writing it,
problems, versions, scenarios, redline; no Sphinx), the outputs (pure functions from the
model to bytes), the site (the Sphinx extension and what runs Sphinx) and the commands.

A module imports only from its own layer or one below, and no chain of imports leads
back to where it started. Imports placed inside functions count: one there hides a
cycle from Python without removing it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import constitution

SRC = Path(constitution.__file__).parent
LAYERS = ("core", "outputs", "site", "commands")  # from the bottom up
OUTPUTS = {
    "export",
    "export_docx",
    "pdf",
    "pdf_layout",
    "report",
    "templating",
    "text_html",
    "typography",
    "word_file",
}
SITE = {"build", "kept_environment", "serve", "sphinxconf"}  # and constitution.sphinxext.*
COMMANDS = {"__main__", "check", "cli", "init", "pytest_plugin"}  # and council_template.*

Edges = dict[str, dict[str, int]]  # module -> the modules it imports, each at a line


def modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = ["constitution", *path.relative_to(SRC).with_suffix("").parts]
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def layer(module: str) -> str:
    name = module.removeprefix("constitution.")
    if name.startswith("sphinxext") or name in SITE:
        return "site"
    if name.startswith("council_template") or name in COMMANDS:
        return "commands"
    return "outputs" if name in OUTPUTS else "core"


def imports(module: str, path: Path, known: set[str]) -> dict[str, int]:
    """The package's modules that ``module`` imports anywhere, each with its first line:
    ``from a import b`` is an import of a.b where that is a module, else of a."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([node.module] if node.module else [])])
            subs = [f"{base}.{alias.name}" for alias in node.names]
            targets = [s for s in subs if s in known] or [base]
        else:
            continue
        for target in targets:
            if target in known and target != module:
                found.setdefault(target, node.lineno)
    return found


def graph() -> Edges:
    known = modules()
    return {name: imports(name, path, set(known)) for name, path in known.items()}


def cycles(edges: Edges) -> list[list[str]]:
    """Each set of modules that import one another round in a circle (Tarjan's strongly
    connected components of more than one module), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in edges.get(module, {}):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while (top := stack.pop()) != module:
                component.append(top)
            if component:
                found.append(sorted([module, *component]))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return sorted(found)


def upward(edges: Edges) -> list[str]:
    """Every import from a layer to one above it, as ``module:line (layer) imports
    module (layer)``."""
    rank = {name: n for n, name in enumerate(LAYERS)}
    return [
        f"{module}:{line} ({layer(module)}) imports {target} ({layer(target)})"
        for module, targets in sorted(edges.items())
        for target, line in sorted(targets.items())
        if rank[layer(target)] > rank[layer(module)]
    ]


def test_no_import_cycle_between_modules() -> None:
    assert cycles(graph()) == []


def test_imports_go_one_way_down_the_layers() -> None:
    assert upward(graph()) == []


def test_the_layers_name_modules_that_exist() -> None:
    """A renamed module must not drop out of its layer unnoticed."""
    names = {m.removeprefix("constitution.") for m in modules()}
    assert sorted((OUTPUTS | SITE | COMMANDS) - names) == []
    assert {layer(m) for m in modules()} == set(LAYERS)


def test_the_checks_name_a_cycle_and_an_upward_import() -> None:
    """The two checks above fail, naming the modules, on a graph that breaks them."""
    edges: Edges = {
        "constitution.model": {"constitution.text_html": 3},
        "constitution.text_html": {"constitution.sphinxext.state": 7},
        "constitution.sphinxext.state": {"constitution.model": 9},
        "constitution.versions": {"constitution.model": 1},
    }
    assert cycles(edges) == [
        ["constitution.model", "constitution.sphinxext.state", "constitution.text_html"]
    ]
    assert upward(edges) == [
        "constitution.model:3 (core) imports constitution.text_html (outputs)",
        "constitution.text_html:7 (outputs) imports constitution.sphinxext.state (site)",
    ]


def test_imports_inside_functions_count() -> None:
    known = modules()
    edges = graph()
    # open_data lays out the PDF only where one is written: imported inside a function.
    assert "constitution.pdf" in edges["constitution.sphinxext.open_data"]
    assert "constitution.sphinxext.domain" in edges["constitution.sphinxext.clauses"]
    assert set(edges) == set(known)


def test_core_and_outputs_load_without_sphinx() -> None:
    """The core and the outputs run where Sphinx is not installed: importing every one
    of their modules imports nothing of Sphinx or sphinx-needs."""
    names = sorted(m for m in modules() if layer(m) in ("core", "outputs"))
    probe = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sphinx', 'sphinx_needs'}))\n"
    )
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"
    assert len(names) > 30


def test_the_extensions_imports_inside_functions_say_why() -> None:
    """In sphinxext an import inside a function is deliberate (start-up time, a library
    loaded only where it is used), never a hidden cycle, and its line says so."""
    silent = []
    for path in sorted((SRC / "sphinxext").glob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for function in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Import | ast.ImportFrom)
                    and "#" not in (lines[node.lineno - 1])
                ):
                    silent.append(f"{path.name}:{node.lineno}")
    assert silent == []
