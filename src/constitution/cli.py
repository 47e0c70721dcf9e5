"""The ``constitution`` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from constitution.problems import ProtocolError
from constitution.project import Project


def _report(exc: ProtocolError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(f"\n{len(exc.problems)} problem(s) found; nothing was built.", file=sys.stderr)
    return 1


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    from constitution.build import build_site

    try:
        project.document()
    except ProtocolError as exc:
        return _report(exc)
    out = Path(args.out)
    status = build_site(project, out)
    if status == 0:
        print(f"Built the site into {out}")
    return status


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    from constitution.serve import serve

    try:
        project.document()
    except ProtocolError as exc:
        return _report(exc)
    return serve(project, args.host, args.port)


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    try:
        document = project.document()
    except ProtocolError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"\n{len(exc.problems)} problem(s) found.")
        return 1
    clauses = list(document.clauses())
    print(f"OK: {len(document.sections)} sections, {len(clauses)} clauses.")
    return 0


def cmd_next_id(project: Project, args: argparse.Namespace) -> int:
    try:
        document = project.document()
    except ProtocolError as exc:
        return _report(exc)
    prefix = project.council().id_prefix
    used = [int(c.id.rsplit("-", 1)[1]) for c in document.clauses()]
    print(f"{prefix}-{max(used, default=0) + 1:04d}")
    return 0


def cmd_mutants(project: Project, args: argparse.Namespace) -> int:
    from constitution.scenarios import surviving_rules

    try:
        document = project.document()
        scenarios = project.scenarios(document)
    except ProtocolError as exc:
        return _report(exc)
    book = project.rulebook()
    survivors = surviving_rules(book, scenarios)
    print(f"Disabled each of {len(book.rules)} rules in turn against {len(scenarios)} scenarios.")
    for rule in survivors:
        print(f"  no scenario notices: {rule}")
    if survivors:
        print(f"{len(survivors)} rule(s) carry no weight: add a scenario that needs each.")
        return 1
    print("Every rule is needed by at least one scenario.")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="constitution", description=__doc__)
    top.add_argument("--project", default=".", help="a folder inside the project")
    sub = top.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the public site")
    build.add_argument("--out", default="_build/site", help="where the site goes")
    build.set_defaults(run=cmd_build)
    serve = sub.add_parser("serve", help="build, serve and rebuild on every save")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    check = sub.add_parser("check", help="check the protocol sources without building")
    check.set_defaults(run=cmd_check)
    mutants = sub.add_parser("mutants", help="show that every rule changes some scenario")
    mutants.set_defaults(run=cmd_mutants)
    next_id = sub.add_parser("next-id", help="print the ID to give a new clause")
    next_id.set_defaults(run=cmd_next_id)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.find(Path(args.project))
    except FileNotFoundError as exc:
        print(f"constitution: {exc}", file=sys.stderr)
        return 2
    status: int = args.run(project, args)
    return status
