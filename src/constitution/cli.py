"""The ``constitution`` command."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import re
import sys
from pathlib import Path

from constitution import collect_less
from constitution.model import Document
from constitution.problems import Problem, ProtocolError
from constitution.project import Project
from constitution.scenarios import Scenario


def _report(exc: ProtocolError, status: int = 1, outcome: str = "nothing was changed") -> int:
    """Every problem, located and with its fix, on standard error; then the exit status."""
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(f"\n{len(exc.problems)} problem(s) found; {outcome}.", file=sys.stderr)
    return status


def _with_scenarios(project: Project) -> tuple[Document, list[Scenario]]:
    document = project.document()
    return document, project.scenarios(document)


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    from constitution.build import build_site

    out = Path(args.out)
    try:  # the scenarios too: a problem found inside Sphinx ends in sphinx-needs' traceback
        _with_scenarios(project)
        status = build_site(project, out)
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was built")
    if status == 0:
        print(f"Built the site into {out}")
    return status


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    from constitution.serve import serve

    try:
        project.document()
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was built")
    return serve(project, args.host, args.port)


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    from constitution.check import FORMATS, Base, run_check

    base = None
    if args.base:
        from constitution.redline import document_at
        from constitution.versions import records_at

        try:
            base = Base(
                args.base, document_at(project, args.base), records_at(project.root, args.base)
            )
        except ProtocolError as exc:
            return _report(exc, status=2)
    report = run_check(project, base)
    print(FORMATS[args.format](report))
    return report.status


def cmd_baseline(project: Project, args: argparse.Namespace) -> int:
    from constitution import baseline

    try:
        document, scenarios = _with_scenarios(project)
        listed = baseline.load(project.checks)
    except ProtocolError as exc:
        return _report(exc)
    ids = baseline.open_rules(document, set().union(*(s.expect.clauses for s in scenarios)))
    if (project.checks / baseline.NAME).is_file():  # it only shrinks
        ids = [i for i in ids if i in listed]
    baseline.write(project.checks, ids)
    gone = len(set(listed) - set(ids))
    print(
        f"{baseline.SHOWN}: {len(ids)} rule-bearing paragraph(s) not yet covered by a worked "
        f"example" + (f"; {gone} taken off." if gone else ".")
    )
    return 0


def cmd_confirm(project: Project, args: argparse.Namespace) -> int:
    from constitution.confirm import LOCK, confirm

    try:
        document, scenarios = _with_scenarios(project)
    except ProtocolError as exc:
        return _report(exc)
    known = {s.id for s in scenarios}
    ids = sorted(known) if args.all else args.scenarios
    if unknown := [i for i in ids if i not in known]:
        print(
            f"constitution confirm: no scenario {', '.join(unknown)}; nothing was changed.\n"
            "    How to fix: use IDs from checks/scenarios/ (such as SC-ENQ-001), or --all.",
            file=sys.stderr,
        )
        return 2
    if not ids:
        print(
            "constitution confirm: no scenario was named.\n"
            "    How to fix: name the scenarios to confirm, or give --all.",
            file=sys.stderr,
        )
        return 2
    confirm(project.checks / LOCK, scenarios, document, ids)
    print(f"Confirmed {len(ids)} scenario(s) against the current text of their clauses.")
    return 0


def cmd_next_id(project: Project, args: argparse.Namespace) -> int:
    try:
        document = project.document()
    except ProtocolError as exc:
        return _report(exc)
    prefix = project.council().id_prefix
    # Revoked IDs count as used: an ID is never issued twice.
    ids = [c.id for c in document.clauses()] + list(project.retired())
    used = [int(i.rsplit("-", 1)[1]) for i in ids]
    print(f"{prefix}-{max(used, default=0) + 1:04d}")
    return 0


def cmd_mutants(project: Project, args: argparse.Namespace) -> int:
    from constitution.scenarios import surviving_rules

    try:
        _, scenarios = _with_scenarios(project)
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


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a real date in the form YYYY-MM-DD"
        ) from None


def cmd_adopt(project: Project, args: argparse.Namespace) -> int:
    from constitution.check import run_check
    from constitution.versions import adopt

    report = run_check(project)
    if not report.ok:
        print(
            f"constitution adopt: the draft is not whole ({len(report.problems)} problem(s)); "
            "nothing was adopted.\n    How to fix: run 'constitution check' and fix what it "
            "lists, then adopt again.",
            file=sys.stderr,
        )
        return 1
    try:
        path = adopt(
            project.versions_dir,
            project.root,
            project.document(),
            args.date,
            args.in_force or args.date,
            args.resolution,
            project.council().id_pattern,
        )
    except ProtocolError as exc:
        for problem in exc.problems:
            print(
                f"constitution adopt: {problem.message}\n    How to fix: {problem.fix}",
                file=sys.stderr,
            )
        return 1
    print(f"Recorded the version adopted on {args.date} in {path.relative_to(project.root)}.")
    return 0


def _version(project: Project, name: str) -> Document:
    """'draft', an adoption date, or a git ref, as a Document."""
    from constitution.redline import document_at

    if name == "draft":
        return project.document()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", name):
        versions = {v.key: v for v in project.versions()}
        if name not in versions:
            known = ", ".join(versions) or "none yet"
            raise ProtocolError(
                [
                    Problem(
                        "versions",
                        0,
                        "unknown-version",
                        f"no version was adopted on {name}.",
                        f"Use 'draft' or an adoption date: {known}.",
                    )
                ]
            )
        return versions[name].document
    return document_at(project, name)


def cmd_redline(project: Project, args: argparse.Namespace) -> int:
    import json

    from constitution import redline

    try:
        old, new = _version(project, args.old), _version(project, args.new)
    except ProtocolError as exc:
        return _report(exc, status=2)
    changes = redline.compare(old, new)
    if args.format == "json":
        print(json.dumps(redline.as_json(changes, args.old, args.new), indent=1))
    elif args.format == "markdown":
        print(redline.markdown_summary(changes, f"Changes from {args.old} to {args.new}", old, new))
    else:
        print(redline.as_text(changes, old, new))
    return 0


def cmd_report(project: Project, args: argparse.Namespace) -> int:
    from constitution import redline
    from constitution.report import write_report
    from constitution.sphinxext.versions_site import today

    try:
        old, new = _version(project, args.old), _version(project, args.new)
        when = (
            dt.date.fromisoformat(args.new)
            if args.new != "draft" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.new)
            else today()
        )
    except ProtocolError as exc:
        return _report(exc, status=2)
    title = f"{project.council().document}: changes from {args.old} to {args.new}"
    paths = write_report(
        Path(args.out), title, redline.compare(old, new), old, new, args.author, when
    )
    print("Wrote " + " and ".join(str(p) for p in paths))
    return 0


def cmd_import(project: Project | None, args: argparse.Namespace) -> int:
    from constitution import importer

    source = Path(args.file)
    try:
        doc = importer.import_protocol(source)
        prefix = args.prefix or (project.council().id_prefix if project else "MOP")
        files = importer.render(doc, prefix)
        importer.write(files, Path(args.out), args.force)
    except ProtocolError as exc:
        named = [dataclasses.replace(p, file=p.file or source.name) for p in exc.problems]
        return _report(ProtocolError(named), outcome="nothing was written")
    if args.report_json:
        importer.dump_report(doc, source, Path(args.report_json))
    print(importer.report_text(doc, source))
    return 0


def cmd_init(project: Project | None, args: argparse.Namespace) -> int:
    from constitution import baseline
    from constitution.init import Settings, init

    given = {k: v for k, v in vars(args).items() if k in Settings.__dataclass_fields__ and v}
    settings, dest = Settings(**given), Path(args.folder)
    try:
        made = init(dest, settings, Path(args.source) if args.source else None)
        listed = baseline.load(made.checks)
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was written")
    print(
        f"Wrote {dest}: the repository of {settings.name}'s {settings.document}, with "
        f"{len(list(made.document().clauses()))} paragraph(s), {len(listed)} of them "
        "rule-bearing and listed as not yet covered (checks/uncovered.toml).\n"
        f"Next: cd {dest}, read README.md, then python3 dev.py test."
    )
    return 0


def cmd_export(project: Project, args: argparse.Namespace) -> int:
    from constitution import graph
    from constitution.export import Edition, render
    from constitution.scenarios import RESULTS

    try:
        document = _version(project, args.version)
        examples: tuple[graph.Example, ...] = ()
        if args.version == "draft":
            edition = Edition("draft")
            try:
                results = graph.read_results(project.root / RESULTS)
            except ValueError as exc:  # refused, as the site's build refuses it
                print(exc, file=sys.stderr)
                return 1
            examples = graph.examples(project.scenarios(document), results)
        else:
            v = next(v for v in project.versions() if v.key == args.version)
            edition = Edition(v.key, v.key, v.in_force.isoformat(), v.resolution, v.digest)
    except ProtocolError as exc:
        return _report(exc, status=2)
    text = render(args.format, document, edition, project.council(), examples)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="constitution", description=__doc__)
    top.add_argument("--project", default=".", help="a folder inside the project")
    sub = top.add_subparsers(dest="command", required=True)
    base = sub.add_parser(
        "baseline",
        help="record the rule-bearing paragraphs not yet covered (a list that only shrinks)",
    )
    base.set_defaults(run=cmd_baseline)
    build = sub.add_parser("build", help="build the public site")
    build.add_argument("--out", default="_build/site", help="where the site goes")
    build.set_defaults(run=cmd_build)
    serve = sub.add_parser("serve", help="build, serve and rebuild on every save")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    check = sub.add_parser("check", help="the traceability gate: is the constitution whole?")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.add_argument(
        "--base",
        metavar="REF",
        help="also check against the protocol at this git ref (e.g. origin/main)",
    )
    check.set_defaults(run=cmd_check)
    confirm = sub.add_parser("confirm", help="confirm scenarios against their clauses' text")
    confirm.add_argument("scenarios", nargs="*", metavar="SCENARIO-ID")
    confirm.add_argument("--all", action="store_true", help="confirm every scenario")
    confirm.set_defaults(run=cmd_confirm)
    adopt = sub.add_parser("adopt", help="record the draft as adopted by Council")
    adopt.add_argument("--date", type=_date, required=True, help="the day Council adopted it")
    adopt.add_argument("--resolution", required=True, help="the minuted resolution")
    adopt.add_argument(
        "--in-force", type=_date, help="the day it comes into force (default: --date)"
    )
    adopt.set_defaults(run=cmd_adopt)
    red = sub.add_parser("redline", help="what changed between two versions, clause by clause")
    red.add_argument("old", help="'draft', an adoption date, or a git ref (branch, tag, commit)")
    red.add_argument("new", help="'draft', an adoption date, or a git ref")
    red.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    red.set_defaults(run=cmd_redline)
    imp = sub.add_parser("import", help="bring in a protocol from .docx, .pdf or .txt")
    imp.add_argument("file")
    imp.add_argument("--out", required=True, help="the protocol folder to write")
    imp.add_argument("--force", action="store_true", help="replace what --out holds")
    imp.add_argument("--report-json", metavar="FILE", help="also write the report as JSON")
    imp.add_argument("--prefix", help="clause ID prefix (default: the project's, else MOP)")
    imp.set_defaults(run=cmd_import, needs_project=False)
    ini = sub.add_parser("init", help="start a council's own repository (its checks pass)")
    ini.add_argument("folder", help="a new or empty folder")
    ini.add_argument("--from", dest="source", metavar="FILE", help="import this protocol")
    ini.add_argument("--council", dest="name", required=True, help="the council's name")
    ini.add_argument("--prefix", help="clause ID prefix (default MOP)")
    ini.add_argument("--document", help="the document's title")
    ini.add_argument("--citation", help="its short title in citations")
    ini.add_argument("--part", help="its Part of the constitution, e.g. 'Part 5.3'")
    ini.add_argument("--base-url", help="the site's address (https://.../)")
    ini.set_defaults(run=cmd_init, needs_project=False)
    rep = sub.add_parser("report", help="the committee report of a change: HTML and Word")
    rep.add_argument("old", help="'draft', an adoption date, or a git ref")
    rep.add_argument("new", help="'draft', an adoption date, or a git ref")
    rep.add_argument("--out", required=True, help="folder for changes.html and changes.docx")
    rep.add_argument("--author", default="Monitoring Officer", help="author of the revisions")
    rep.set_defaults(run=cmd_report)
    exp = sub.add_parser("export", help="a version as needs.json, JSON, Akoma Ntoso or CSV")
    exp.add_argument("--version", default="draft", help="'draft' or an adoption date")
    exp.add_argument("--format", choices=("needs", "json", "akn", "csv"), required=True)
    exp.add_argument("--out", help="write to this file instead of standard output")
    exp.set_defaults(run=cmd_export)
    mutants = sub.add_parser("mutants", help="show that every rule changes some scenario")
    mutants.set_defaults(run=cmd_mutants)
    next_id = sub.add_parser("next-id", help="print the ID to give a new clause")
    next_id.set_defaults(run=cmd_next_id)
    return top


def entry() -> int:
    """The command itself (`constitution`, `python -m constitution`): a process of its own."""
    collect_less()
    return main()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.find(Path(args.project))
    except FileNotFoundError as exc:
        if getattr(args, "needs_project", True):
            print(f"constitution: {exc}", file=sys.stderr)
            return 2
        project = None
    try:
        status: int = args.run(project, args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`constitution redline ... | head`): not an error of
        # ours. Point stdout at nothing so that Python's exit flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return status
