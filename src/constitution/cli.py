"""The ``constitution`` command."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import os
import re
import shlex
import sys
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from constitution import __version__, collect_less, collecting_nothing
from constitution.council import Council, set_number_style
from constitution.documents import PROTOCOL, Constitution, Entry, own_council, settings_of
from constitution.model import Document, Revoked, RevokedSection, Section
from constitution.problems import Problem, ProtocolError, as_text, command, status
from constitution.project import Project
from constitution.retired import NAME as RETIRED
from constitution.retired import last_used
from constitution.scenarios import Example, Scenario, only_scenarios
from constitution.versions import Version

if TYPE_CHECKING:
    from constitution.references import Forms
    from constitution.report import Part


def _report(exc: ProtocolError, outcome: str = "nothing was changed") -> int:
    """Every problem, located and with its fix, on standard error, as every command
    prints them; then the exit status their codes give (1 to fix, 2 unusable)."""
    print(as_text(exc.problems), file=sys.stderr)
    print(f"\n{len(exc.problems)} problem(s) found; {outcome}.", file=sys.stderr)
    return status(exc.problems)


def _with_scenarios(project: Project) -> tuple[Document, list[Scenario]]:
    document = project.document()
    return document, project.scenarios(document)


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    from constitution.build import build_site

    out = Path(args.out)
    try:  # the scenarios too: a problem found inside Sphinx ends in sphinx-needs' traceback
        project.check_layout()
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
        project.check_layout()
        project.document()
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was built")
    return serve(project, args.host, args.port)


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    from constitution.check import FORMATS, Base, run_check

    base = None
    if args.base:
        from constitution.redline import document_at
        from constitution.versions import documents_at, records_at

        try:
            base = Base(
                args.base,
                document_at(project, args.base),
                records_at(project.root, args.base),
                documents_at(project.root, args.base),
            )
        except ProtocolError as exc:
            return _report(exc)
    from constitution.check_cache import kept

    with collecting_nothing(), kept(project.root):
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
    ids = baseline.open_rules(document, set().union(*(s.clauses for s in scenarios)))
    left_off = []
    if (project.checks / baseline.NAME).is_file():  # it only shrinks
        left_off = [i for i in ids if i not in listed]
        ids = [i for i in ids if i in listed]
    baseline.write(project.checks, ids)
    gone = len(set(listed) - set(ids))
    print(
        f"{baseline.SHOWN}: {len(ids)} rule-bearing paragraph(s) not yet covered by a worked "
        f"example" + (f"; {gone} taken off." if gone else ".")
    )
    if left_off:  # said, not left for the gate to find: the command was asked to list them
        print(
            f"Not listed, as the list only shrinks: {', '.join(left_off)}. Each needs a worked "
            "example (or, if it only explains, ':modality: informative')."
        )
    return 0


def cmd_confirm(project: Project, args: argparse.Namespace) -> int:
    """Confirm what is named against the words it cites. A document that cannot be read
    stops only what it holds or is cited by (its problems are the gate's to report); the
    worked examples need the protocol and can be read only if it can. Named, what is
    stopped stops the command; with --all, the rest is confirmed (confirm_all.py)."""
    from constitution import confirm_across
    from constitution.confirm import LOCK, confirm
    from constitution.confirm_all import Unreadable

    try:
        council = project.council()
    except ProtocolError as exc:
        return _report(exc)
    constitution, broken = project.readable()
    unreadable = Unreadable(council, broken)
    examples: list[Example] = []
    unread: list[Problem] = []  # why the worked examples could not be read
    try:
        if PROTOCOL in broken:
            raise ProtocolError(broken[PROTOCOL])
        document = constitution.entry(PROTOCOL).document
        examples = project.examples(document, constitution=constitution)
    except ProtocolError as exc:
        unread = exc.problems
    if args.all:
        return _confirm_all(project, council, constitution, broken, examples, unread)
    scenarios: list[Scenario] = []
    try:
        scenarios = only_scenarios(examples)
    except ProtocolError as exc:
        unread = exc.problems
    known, citing = {s.id for s in scenarios}, confirm_across.citing(constitution)
    named = [i for i in args.scenarios if i in known]
    paragraphs = [i for i in args.scenarios if i in citing]

    # a paragraph of a document that cannot be read, or a paragraph or worked example
    # citing one, waits for it
    cited = [r.target for key in paragraphs for r in citing[key]]
    cited += [c for s in scenarios if s.id in named for c in sorted(s.clauses)]
    unknown = [i for i in args.scenarios if i not in known and i not in citing]
    if stopped := [*chain(*map(unreadable.blocked, dict.fromkeys([*unknown, *cited])))]:
        return _report(ProtocolError(list(dict.fromkeys(stopped))))
    if unknown and unread and not any(unreadable.of(i) for i in unknown):
        # they may be worked examples, waiting for a document that cannot be read
        return _report(ProtocolError([unreadable.restated(p) for p in unread]))
    if unknown:
        # an ID of a document's paragraph: it cites nothing elsewhere, or is no paragraph
        paragraph = constitution.holder(unknown[0]) is not None
        shown = Problem.of(
            "checks/scenarios",
            0,
            "confirm-not-citing" if paragraph else "unknown-scenario",
            ids=", ".join(unknown),
            # one of this council's own, not the model's SC-ENQ-001, which it may not have
            such=f" (such as {scenarios[0].id})" if scenarios else " (it holds none yet)",
        )
        return _report(ProtocolError([shown]))
    if not named and not paragraphs:
        return _report(ProtocolError([Problem.of("checks/scenarios", 0, "confirm-nothing")]))
    if named:
        confirm(project.checks / LOCK, scenarios, constitution, named)
    if paragraphs:
        confirm_across.confirm(project.checks / confirm_across.LOCK, constitution, paragraphs)
    _confirmed(named, paragraphs)
    return 0


def _confirmed(scenarios: list[str], paragraphs: list[str]) -> None:
    if scenarios:
        print(f"Confirmed {len(scenarios)} scenario(s) against the current text of their clauses.")
    if paragraphs:
        print(
            f"Confirmed {len(paragraphs)} paragraph(s) against the current words of the other"
            " documents' paragraphs they cite."
        )


def _confirm_all(
    project: Project,
    council: Council,
    constitution: Constitution,
    broken: dict[str, list[Problem]],
    examples: list[Example],
    unread: list[Problem],
) -> int:
    """Every worked example and citing paragraph that can be confirmed, and a problem for
    each of the rest: exit 0 only if nothing was left."""
    from constitution.confirm_all import confirm_all

    try:
        done = confirm_all(project.checks, council, constitution, broken, examples, unread)
    except ProtocolError as exc:  # a record that cannot be read: nothing is written
        return _report(exc)
    if not (done.scenarios or done.paragraphs or done.problems):
        return _report(ProtocolError([Problem.of("checks/scenarios", 0, "confirm-nothing")]))
    _confirmed(done.scenarios, done.paragraphs)
    if not done.problems:
        return 0
    some = done.scenarios or done.paragraphs
    return _report(
        ProtocolError(done.problems),
        outcome="the rest was confirmed" if some else "nothing was confirmed",
    )


def cmd_next_id(project: Project, args: argparse.Namespace) -> int:
    try:
        entry = project.entry(args.document)
    except ProtocolError as exc:
        return _report(exc)
    # Revoked IDs count as used: an ID is never issued twice.
    last = last_used([*(c.id for c in entry.document.clauses()), *entry.retired])
    print(f"{entry.id_prefix}-{last + 1:04d}")
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
    from constitution import adoption
    from constitution.check import run_check

    report = run_check(project)
    if not report.ok:  # the gate's own problems: the draft is not whole
        return _report(ProtocolError(report.problems), outcome="nothing was adopted")
    try:
        done = adoption.adopt(
            project,
            args.document or [PROTOCOL],
            args.date,
            args.in_force or args.date,
            args.resolution,
            args.renumber,
            refuse_unchanged=bool(args.document),  # the protocol alone: as it always was
        )
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was adopted")
    # the document named where the constitution has several, asked for by key or not
    several = bool(args.document or project.council().documents)
    for adopted in done:
        path = adopted.record.path.relative_to(project.root)
        of = f" of the {adopted.entry.title}" if several else ""
        print(f"Recorded the version{of} adopted on {args.date} in {path}.")
        if adopted.renumbered:
            moved = sum(old != new for old, new in adopted.renumbered.items())
            print(f"Renumbered {moved} paragraph(s); the record keeps each one's number before.")
    return 0


def cmd_paragraph(project: Project, args: argparse.Namespace) -> int:
    """A paragraph by the number it had in a version of its document (named by
    --document, or by its ID's prefix or its Part; else the protocol): in force today (or on --on),
    or a named one; then every number it has had."""
    from constitution import numbering
    from constitution.text_plain import plain

    asked = args.number.strip().upper()
    key = args.document or _holder(project, asked)
    try:
        entry = _named(project, key)
        where, document, every = _paragraph_in(project, args, entry)
    except ProtocolError as exc:
        return _report(exc)
    # A clause ID (MOP-0038) finds the paragraph itself, as the site's jump does.
    by_id = re.fullmatch(r"[A-Z][A-Z0-9]*-\d{4,}", asked)
    # a number printed after its document's Part, as its council cites it: "5.5 – 3.4"
    part, number = numbering.part_before(args.number)
    own = entry.part if entry else project.council().part
    number = number if part and _is_part(own, part) else args.number
    found = document.clause(asked) if by_id else numbering.find(document, number)
    section = None if by_id or found else numbering.find_section(document, number)
    if section is not None:
        print(section_said(args.number, where, section, document))
        return 0
    if found is None:
        unknown = Problem.of("", 0, "unknown-paragraph", where=where, number=args.number)
        exit_status = _report(ProtocolError([unknown]), outcome="nothing was found")
        # a citation made against another version, before a renumbering: where it was
        for line in [] if by_id else _given_elsewhere(every, args.number, "", key):
            print(line, file=sys.stderr)
        # and the number the version asked gives that paragraph, to cite it there
        for line in [] if by_id else _numbered_here(every, args.number, document, where, key):
            print(line, file=sys.stderr)
        return exit_status
    if isinstance(found, Revoked):
        print(f"{args.number} in {where}: {_revoked_said(found)}")
        if not found.id:  # printed as revoked where imported: it has no other numbers
            return 0
    else:
        said = f"paragraph {found.number}" if by_id else found.id
        print(f"{args.number} in {where}: {said}\n{plain(found.tree, document)}")
    numbers = [f"{c.number} ({name})" for name, d in every if (c := d.clause(found.id))]
    print(f"Its numbers: {', '.join(numbers)}.")
    # a citation of this number made before a renumbering meant another paragraph
    for line in [] if by_id else _given_elsewhere(every, args.number, found.id, key):
        print(line)
    return 0


def _revoked_said(place: Revoked) -> str:
    """A revoked paragraph's place: by which resolution, or the words printed in it."""
    if place.id:
        return f"{place.id}, revoked by {place.resolution}."
    return f"revoked; printed in its place: {place.said}."


def section_said(
    number: str, where: str, section: Section | RevokedSection, document: Document
) -> str:
    """A section a number cites: its title, then each paragraph's number, ID and words in
    number order, a revoked number in its place; or, revoked, what is said in its place."""
    from constitution.numbering import in_number_order
    from constitution.text_plain import plain

    head = f"{number} in {where}: section {section.number}"
    if isinstance(section, RevokedSection):
        if not section.slug:  # printed as revoked where imported: no title here
            return f"{head}, revoked; printed in its place: {section.said}."
        kept = ", ".join(p.number for p in section.revoked)
        numbers = f" Its paragraphs' numbers, kept: {kept}." if kept else ""
        return f"{head}, {section.title}, revoked by {section.resolution}.{numbers}"
    lines = [f"{head}, {section.title}"]
    for p in in_number_order(section):
        if isinstance(p, Revoked) and p.id:
            lines.append(f"{p.number} ({p.id}): revoked by {p.resolution}.")
        elif isinstance(p, Revoked):
            lines.append(f"{p.number}: {_revoked_said(p)}")
        else:
            lines.append(f"{p.number} ({p.id}): {plain(p.tree, document)}")
    return "\n".join(lines)


def _given_elsewhere(
    every: list[tuple[str, Document]], number: str, but: str, document: str
) -> list[str]:
    """Each version (or the draft) giving ``number`` to a paragraph other than ``but``,
    and the command that reads it there, as it is typed where it is read (another
    document's named, or the protocol's paragraph would be read)."""
    from constitution import numbering
    from constitution.model import Clause

    which = "" if document == PROTOCOL else f" --document {document}"
    asked = f"{command()} paragraph{which} {shlex.quote(number)}"
    lines = []
    for key, other in every:
        if isinstance(was := numbering.find(other, number), Clause) and was.id != but:
            now = numbers_now(every, was.id)
            lines.append(
                f"In {'the draft' if key == 'draft' else f'the version adopted on {key}'}, "
                f"{number} is {was.id}{now}: {asked} --version {key} reads it."
            )
    return lines


def _numbered_here(
    every: list[tuple[str, Document]], number: str, read: Document, where: str, document: str
) -> list[str]:
    """For each paragraph another version gave ``number``, the number the version read
    (``where``) gives it, and the command that reads it there."""
    from constitution import numbering
    from constitution.model import Clause

    which = "" if document == PROTOCOL else f" --document {document}"
    version = next((k for k, d in every if d is read), "draft")
    ids = dict.fromkeys(
        was.id for _, other in every if isinstance(was := numbering.find(other, number), Clause)
    )
    return [
        f"{where[0].upper()}{where[1:]} numbers {i} {here.number}: "
        f"{command()} paragraph{which} {shlex.quote(here.number)} --version {version} reads it."
        for i in ids
        if (here := read.clause(i)) is not None
    ]


def numbers_now(every: list[tuple[str, Document]], clause_id: str) -> str:
    """What the paragraph is now, in the newest of ``every`` (the draft): " (now 3.4)", or
    " (since revoked)" where the draft has it no more, not an older version's number."""
    now = every[-1][1].clause(clause_id)
    return f" (now {now.number})" if now else " (since revoked)"


def _holder(project: Project, asked: str) -> str:
    """The key of the document whose ID prefix ``asked`` has, or whose Part is printed
    before its number ("4.1 – 8.2" of Part 4.1); the protocol's for any other number."""
    from constitution import numbering

    prefix = asked.rpartition("-")[0]
    part = numbering.part_before(asked)[0]
    documents = project.council().documents
    return next(
        (d.key for d in documents if d.id_prefix == prefix or (part and _is_part(d.part, part))),
        PROTOCOL,
    )


def _is_part(named: str, part: str) -> bool:
    """Whether a document's Part ("Part 5.5") is the one a number prints ("5.5")."""
    return named.strip().lower().removeprefix("part").strip() == part.lower()


def _named(project: Project, key: str | None) -> Entry | None:
    """The document --document names, read with the constitution around it (how its words
    cite other documents' paragraphs); None for the protocol, read as it always was."""
    if key in (None, PROTOCOL):
        return None
    known = settings_of(project.council(), key).key  # else the keys, listed
    return project.constitution().entry(known)


def _paragraph_in(
    project: Project, args: argparse.Namespace, entry: Entry | None
) -> tuple[str, Document, list[tuple[str, Document]]]:
    """The version of the document a citation is read in (named, in force on a day, or
    the draft), where that is in words, and every version with the draft, oldest first."""
    from constitution.versions import in_force_on

    versions = project.versions() if entry is None else list(entry.versions)
    draft = project.document() if entry is None else entry.document
    of = "" if entry is None else f" of the {entry.title}"
    if args.version:
        key, document = args.version, _version(project, args.version, entry)
    else:
        force = in_force_on(versions, args.on or dt.date.today())
        key, document = (force.key, force.document) if force else ("draft", draft)
        day = force.in_force if force else None
        document = project.cited(document, entry.key if entry else PROTOCOL, day)
    where = f"the draft{of}" if key == "draft" else f"the version{of} adopted on {key}"
    return where, document, [(v.key, v.document) for v in versions] + [("draft", draft)]


def _version(project: Project, name: str, entry: Entry | None = None) -> Document:
    """'draft', an adoption date, or a git ref, as a Document: of the protocol, or of
    the document ``entry``."""
    from constitution.redline import document_at

    key = PROTOCOL if entry is None else entry.key
    if name == "draft":
        return project.cited(project.document() if entry is None else entry.document, key)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", name):
        adopted = _adopted(project, name, entry)
        return project.cited(adopted.document, key, adopted.in_force)
    return project.cited(document_at(project, name, entry), key)


def _adopted(project: Project, name: str, entry: Entry | None) -> Version:
    """The version of the protocol, or of ``entry``, adopted on the date ``name``."""
    versions = {v.key: v for v in (project.versions() if entry is None else entry.versions)}
    if name not in versions:
        known = ", ".join(versions) or "none yet"
        folder = "versions" if entry is None else entry.records
        raise ProtocolError([Problem.of(folder, 0, "unknown-version", name=name, known=known)])
    return versions[name]


def cmd_in_force(project: Project, args: argparse.Namespace) -> int:
    from constitution.in_force import FORMATS, in_force
    from constitution.versions import today

    day = args.on or today()
    try:
        documents = in_force(project.constitution(), day)
    except ProtocolError as exc:
        return _report(exc)
    print(FORMATS[args.format](documents, day))
    return 0


def cmd_redline(project: Project, args: argparse.Namespace) -> int:
    import json

    from constitution import redline

    try:
        named = (
            [None if e.key == PROTOCOL else e for e in project.constitution()]
            if args.whole
            else [_named(project, args.document)]
        )
        compared = []
        for entry in named:
            # a document the old ref does not hold yet (a pull request bringing it in):
            # every paragraph of it is new
            absent = args.whole and entry and not redline.holds(project, args.old, entry.folder)
            old = None if absent else _version(project, args.old, entry)
            new = _version(project, args.new, entry)
            compared.append((entry, Document(new.title, ()) if old is None else old, new))
    except ProtocolError as exc:
        return _report(exc)
    title = f"Changes from {args.old} to {args.new}"
    parts: list[str] = []
    found: list[dict[str, object]] = []
    for entry, old, new in compared:
        changes = redline.compare(old, new)
        # with --whole, each document under its Part and title
        heading = _heading(project, entry) if args.whole else ""
        if args.format == "json":
            key = entry.key if entry else PROTOCOL
            words, headings = redline.words_changes(old, new), redline.heading_changes(old, new)
            found.append(
                {"document": key, **redline.as_json(changes, args.old, args.new, words, headings)}
            )
        elif args.format == "markdown":
            form = _cite_form(entry, new)
            parts.append(
                redline.markdown_summary(changes, heading or title, old, new, form, heading)
            )
        else:
            said = redline.as_text(changes, old, new, _cite_form(entry, new))
            parts.append(f"{heading}\n{said or 'No change.'}\n" if heading else said)
    if args.format == "json":
        print(json.dumps({"documents": found} if args.whole else found[0], indent=1))
    elif args.format == "markdown" and args.whole:
        print(f"## {title}\n\n" + "\n".join(parts), end="")
    else:
        print("\n".join(parts))
    return 0


def _heading(project: Project, entry: Entry | None) -> str:
    """A document's Part and title, as the constitution's contents page lists it."""
    if entry is None:
        council = project.council()
        return f"{council.part}: {council.document}"
    return f"{entry.part}: {entry.title}"


def cmd_report(project: Project, args: argparse.Namespace) -> int:
    from constitution import redline
    from constitution.report import Part, write_report
    from constitution.versions import today

    try:
        if args.whole == bool(args.old and args.new) or (args.whole and args.document):
            raise ProtocolError([Problem.of("", 0, "report-versions")])
        if args.whole:
            when, parts = today(), _whole(project)
            council = project.council().name
            title = f"The constitution of {council}: changes since each document's last adoption"
        else:
            entry = _named(project, args.document)
            old, new = _version(project, args.old, entry), _version(project, args.new, entry)
            when = (
                dt.date.fromisoformat(args.new)
                if args.new != "draft" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.new)
                else today()
            )
            named = project.council().document if entry is None else entry.title
            title = f"{named}: changes from {args.old} to {args.new}"
            parts = [Part(redline.compare(old, new), old, new, named=_cite_form(entry, new))]
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was written")
    paths = write_report(Path(args.out), title, parts, args.author, when)
    print("Wrote " + " and ".join(str(p) for p in paths))
    return 0


def _cite_form(entry: Entry | None, document: Document) -> str:
    """How a report names a document's paragraph: the protocol's as it cites its own
    ("paragraph 7.12"); another document's as the constitution cites it ("Council
    Procedure Rule 8.4"), read outside its pages."""
    return document.cites if entry is None or entry.key == PROTOCOL else entry.cite


def _whole(project: Project) -> list[Part]:
    """Each document of the constitution, in its order: its draft against its last
    adopted version, each citing the others as the site does (documents.cited_clause)."""
    from constitution import redline
    from constitution.report import Part

    parts = []
    for entry in project.constitution():
        heading, named = f"{entry.part}: {entry.title}", _cite_form(entry, entry.document)
        if not entry.versions:
            count = len(list(entry.document.clauses()))
            note = f"Not yet adopted: the whole of its draft, {count} paragraph(s), is new."
            parts.append(Part([], None, entry.document, heading, note, named))
            continue
        last = entry.versions[-1]
        old = project.cited(last.document, entry.key, last.in_force)
        changes = redline.compare(old, entry.document)
        since = f"the version adopted on {last.date:%-d %B %Y} ({last.resolution})"
        note = f"Changes since {since}." if changes else f"No change since {since}."
        parts.append(Part(changes, old, entry.document, heading, note, named))
    return parts


def cmd_import(project: Project | None, args: argparse.Namespace) -> int:
    from constitution import (
        import_cited,
        import_defects,
        import_myst,
        import_report,
        import_revision,
        importer,
    )
    from constitution.adoption import settings
    from constitution.init import own_title

    source = Path(args.file)
    try:
        doc = importer.import_protocol(source, args.take)
        out, prefix = _import_target(project, args)
        # the project, where the import writes one of its own documents
        own = project if project is not None and _importing_ours(project, args, out) else None
        current = None
        if args.revision:
            if project is None:
                raise ProtocolError([import_revision.no_project(source)])
            entry = project.entry(args.document or PROTOCOL)
            register = project.root / entry.folder / RETIRED
            current = import_revision.Revised(
                project.cited(entry.document, entry.key),  # as Word shows other documents
                dict(entry.retired),
                register.read_text(encoding="utf-8") if register.is_file() else "",
                dt.date.today(),
            )
        # into the project's own folder: titled less the council's name, as init titles it
        # ("Protocol on ...", not "Saltmere District Council – Protocol on ...")
        shown = doc
        if own is not None:
            title = own_title(own.council().name, doc.title, import_myst.acronyms(doc))
            shown = dataclasses.replace(doc, title=title)
        # headings as init writes them (a revision's kept ones as the draft has them)
        retitled = own is not None
        forms = _citation_forms(own, args.document) if own is not None else None
        files = import_myst.render(shown, prefix, current, titled=retitled, forms=forms)
        # replacing the project's draft afresh: refused if an ID would come to mean other words
        if not current and own is not None:
            draft, given = _draft(own, args.document), []
            if not draft.sections:  # its folder deleted: no draft to compare the IDs with
                ids = [c.id for c in doc.clauses()]
                root, into = own.root.resolve(), out.resolve()
                folder_named = (
                    into.relative_to(root) if into.is_relative_to(root) else out
                ).as_posix()
                given = import_cited.afresh(own.root, own.checks, ids, f"{folder_named}/")
            elif args.force:
                given = import_revision.reused(doc.clauses(), draft, own.root, own.checks)
            if given:
                raise ProtocolError(given)
        if current:
            files.update(import_revision.revoked(doc, current))
        pages = import_myst.appendix_pages(doc, titled=retitled) if args.appendices else {}
        if pages:  # refused before anything is written if its folder holds other files
            if Path(args.appendices).resolve() == out.resolve():  # the protocol's own
                raise ProtocolError([Problem.of(args.appendices, 0, "import-would-overwrite")])
            importer.claimed(Path(args.appendices), args.force)
        importer.write(files, out, args.force)
        if pages:
            importer.write(pages, Path(args.appendices), args.force)
    except ProtocolError as exc:
        named = [dataclasses.replace(p, file=p.file or str(source)) for p in exc.problems]
        return _report(ProtocolError(named), outcome="nothing was written")
    if args.report_json:
        import_report.dump_report(doc, source, Path(args.report_json))
    print(import_report.report_text(doc, source))
    for name in pages:
        print(
            f"Wrote {Path(args.appendices) / name}, left out of the protocol: move it into "
            "docs/ and list it in the toctree of docs/index.md to publish it."
        )
    style = import_defects.number_style(doc)
    # the project now publishes these numbers: in the style they are printed (as init)
    key = None if args.document == PROTOCOL else args.document
    if current and own and style == settings(own, args.document or PROTOCOL).number_style:
        own = None  # a revision printed as the draft is numbered: its settings stand as written
    if own is not None and set_number_style(own.conf / "council.toml", style, key):
        where = "" if key is None else f' (the entry of "{key}")'
        print(f'Set number-style = "{style}" in conf/council.toml{where}.')
    return 0


def _citation_forms(project: Project, key: str | None) -> Forms:
    """The words the document imported cites its own paragraphs by (its cite-within and
    cite; the protocol's, "paragraph", is every document's), and each other's cite."""
    from constitution.references import Forms

    documents = project.council().documents
    mine = [form for d in documents if d.key == key for form in (d.cite, d.cite_within)]
    others = [(d.cite, d.title, d.key) for d in documents if d.key != key]
    return Forms.of(mine, others)


def _importing_ours(project: Project, args: argparse.Namespace, out: Path) -> bool:
    """Whether an import writes one of the project's own documents: another document's
    folder (--document), or the protocol's."""
    mine = args.document not in (None, PROTOCOL)
    return mine or out.resolve() == project.protocol.resolve()


def _draft(project: Project, key: str | None) -> Document:
    """The draft an import into the project's own folder replaces: none where that folder
    is missing or unreadable (nothing then names its IDs as the draft's)."""
    try:
        return project.entry(key or PROTOCOL).document
    except ProtocolError:
        return Document("", ())


def _import_target(project: Project | None, args: argparse.Namespace) -> tuple[Path, str]:
    """Where an import writes (--out, or the folder of the document --document names) and
    the ID prefix its clauses take (that document's own)."""
    if args.document is None:
        return Path(args.out), args.prefix or (project.council().id_prefix if project else "MOP")
    if project is None:
        raise ProtocolError([Problem.of(args.project, 0, "not-a-project")])
    council = project.council()
    if args.document == PROTOCOL:
        folder, prefix = project.protocol, council.id_prefix
    else:
        settings = settings_of(council, args.document)
        folder, prefix = project.root / settings.folder, settings.id_prefix
    if args.prefix:
        raise ProtocolError([Problem.of("", 0, "import-document-prefix", prefix=prefix)])
    return folder, prefix


def cmd_init(project: Project | None, args: argparse.Namespace) -> int:
    from constitution import baseline
    from constitution.import_report import report_text
    from constitution.init import Settings, init
    from constitution.tool_requirement import of_running_tool

    given = {k: v for k, v in vars(args).items() if k in Settings.__dataclass_fields__ and v}
    warning = None
    if "requirement" not in given:
        given["requirement"], warning = of_running_tool()
    settings, dest = Settings(**given), Path(args.folder)
    source = Path(args.source) if args.source else None
    try:
        made, doc = init(dest, settings, source, args.take)
        listed = baseline.load(made.checks)
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was written")
    if doc is not None and source is not None:  # what import would say of it
        print(report_text(doc, source, {c.id: c.number for c in made.document().clauses()}))
    print(
        f"Wrote {dest}: the repository of {settings.name}'s {made.council().document}, with "
        f"{len(list(made.document().clauses()))} paragraph(s), {len(listed)} of them "
        "rule-bearing and listed as not yet covered (checks/uncovered.toml).\n"
        f"requirements.txt installs the tool as: {settings.requirement}"
    )
    if doc is not None and "document" not in given:
        council = made.council()
        print(
            f"The document's title, as printed in it: {council.document!r}, cited as "
            f"{council.citation!r} (conf/council.toml; init's --document and --citation "
            "give others)."
        )
    if warning:
        print(f"Note: {warning}")
    print(f"Next: cd {dest}, read README.md, then python3 dev.py test.")
    return 0


def cmd_refresh(project: Project, args: argparse.Namespace) -> int:
    from constitution import tool_files
    from constitution.problems import command

    try:
        done = tool_files.refresh(project.root, args.replace)
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was written")
    print(tool_files.said(done, command()))
    return 0


def cmd_export(project: Project, args: argparse.Namespace) -> int:
    from constitution import files, graph
    from constitution.export import Edition, render
    from constitution.scenarios import RESULTS

    try:
        entry = _named(project, args.document)
        council = project.council()
        if entry is not None:  # its own title, Part and IDs
            council = own_council(council, settings_of(council, entry.key))
        document = _version(project, args.version, entry)
        examples: tuple[graph.Example, ...] = ()
        if args.version != "draft":
            v = _adopted(project, args.version, entry)
            edition = Edition(v.key, v.key, v.in_force.isoformat(), v.resolution, v.digest)
        else:
            edition = Edition("draft")
        if args.version == "draft" and entry is None:  # the worked examples are the protocol's
            # an unreadable file is refused, as the site's build refuses it
            results = graph.read_results(project.root / RESULTS, RESULTS.as_posix())
            examples = graph.examples(project.scenarios(document), results, council.id_prefix)
    except ProtocolError as exc:
        return _report(exc, outcome="nothing was written")
    drawn = render(args.format, document, edition, council, examples)
    if args.out:
        files.replace(args.out, drawn)
    elif isinstance(drawn, bytes):  # a Word file, piped as it is
        sys.stdout.buffer.write(drawn)
    else:
        sys.stdout.write(drawn)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="constitution", description=__doc__)
    top.add_argument("--project", default=".", help="a folder inside the project")
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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
    confirm = sub.add_parser(
        "confirm",
        help="confirm scenarios, and references across documents, against the words they cite",
    )
    confirm.add_argument(
        "scenarios",
        nargs="*",
        metavar="ID",
        help="a scenario, or a paragraph citing another document's (its ID)",
    )
    confirm.add_argument(
        "--all", action="store_true", help="confirm every scenario and every such paragraph"
    )
    confirm.set_defaults(run=cmd_confirm)
    adopt = sub.add_parser("adopt", help="record the draft as adopted by Council")
    adopt.add_argument("--date", type=_date, required=True, help="the day Council adopted it")
    adopt.add_argument("--resolution", required=True, help="the minuted resolution")
    adopt.add_argument(
        "--in-force", type=_date, help="the day it comes into force (default: --date)"
    )
    adopt.add_argument(
        "--document",
        action="append",
        metavar="KEY",
        help="a document the resolution changes (repeat for each; default: the protocol)",
    )
    adopt.add_argument(
        "--renumber",
        action="store_true",
        help="adopt a fully renumbered text (numbers by position); the record maps old to new",
    )
    adopt.set_defaults(run=cmd_adopt)
    para = sub.add_parser(
        "paragraph", help="the paragraph (or section) a number cites, in a version"
    )
    para.add_argument(
        "number", help="a number as cited, e.g. 14.4 or 7.12A, a section's (6), or an ID"
    )
    para.add_argument(
        "--document",
        metavar="KEY",
        help="in this document (default: by the ID's prefix, or protocol)",
    )
    when = para.add_mutually_exclusive_group()
    when.add_argument("--version", help="'draft' or an adoption date (default: in force)")
    when.add_argument("--on", type=_date, help="the version in force on this date")
    para.set_defaults(run=cmd_paragraph)
    force = sub.add_parser(
        "in-force", help="the constitution in force on a date: each document's version"
    )
    force.add_argument("--on", type=_date, help="this date (default: today)")
    force.add_argument("--format", choices=("text", "json"), default="text")
    force.set_defaults(run=cmd_in_force)
    red = sub.add_parser("redline", help="what changed between two versions, clause by clause")
    red.add_argument("old", help="'draft', an adoption date, or a git ref (branch, tag, commit)")
    red.add_argument("new", help="'draft', an adoption date, or a git ref")
    red.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    which = red.add_mutually_exclusive_group()
    which.add_argument(
        "--document",
        metavar="KEY",
        help="of this document's versions (default: protocol)",
    )
    which.add_argument(
        "--whole",
        action="store_true",
        help="every document of the constitution, each under its Part and title",
    )
    red.set_defaults(run=cmd_redline)
    imp = sub.add_parser("import", help="bring in a protocol from .docx, .pdf or .txt")
    imp.add_argument("file")
    into = imp.add_mutually_exclusive_group(required=True)
    into.add_argument("--out", help="the protocol folder to write")
    into.add_argument(
        "--document",
        metavar="KEY",
        help="into this document's folder (documents/KEY/; protocol/ for protocol)",
    )
    imp.add_argument("--force", action="store_true", help="replace what the folder holds")
    imp.add_argument("--report-json", metavar="FILE", help="also write the report as JSON")
    imp.add_argument(
        "--appendices",
        metavar="FOLDER",
        help="write each appendix left out of the protocol there, as a page of its own",
    )
    imp.add_argument(
        "--prefix",
        help="clause ID prefix (default: the project's, else MOP); not with --document",
    )
    imp.add_argument(
        "--take", type=int, metavar="N", help="of a file holding several documents, the Nth"
    )
    imp.add_argument(
        "--revision",
        action="store_true",
        help="the file revises the protocol (or --document): its paragraphs keep their IDs",
    )
    imp.set_defaults(run=cmd_import, needs_project=False)
    ini = sub.add_parser("init", help="start a council's own repository (its checks pass)")
    ini.add_argument("folder", help="a new or empty folder")
    ini.add_argument("--from", dest="source", metavar="FILE", help="import this protocol")
    ini.add_argument(
        "--take", type=int, metavar="N", help="of a --from file holding several documents, the Nth"
    )
    ini.add_argument("--council", dest="name", required=True, help="the council's name")
    ini.add_argument("--prefix", help="clause ID prefix (default MOP)")
    ini.add_argument("--document", help="the document's title")
    ini.add_argument("--citation", help="its short title in citations")
    ini.add_argument("--part", help="its Part of the constitution, e.g. 'Part 5.3'")
    ini.add_argument("--base-url", help="the site's address (https://.../)")
    ini.add_argument(
        "--tool",
        dest="requirement",
        metavar="REQUIREMENT",
        help="requirements.txt's line for the tool (default: where this tool was installed from)",
    )
    ini.set_defaults(run=cmd_init, needs_project=False)
    fresh = sub.add_parser(
        "refresh",
        help="rewrite the files init wrote (dev.py, workflows, pages) as this release writes "
        "them, where the council has not changed them",
    )
    fresh.add_argument(
        "--replace",
        action="append",
        default=[],
        metavar="FILE",
        help="take this release's FILE though the council changed it (as refresh names it)",
    )
    fresh.set_defaults(run=cmd_refresh)
    rep = sub.add_parser("report", help="the committee report of a change: HTML and Word")
    rep.add_argument("old", nargs="?", help="'draft', an adoption date, or a git ref")
    rep.add_argument("new", nargs="?", help="'draft', an adoption date, or a git ref")
    rep.add_argument(
        "--whole",
        action="store_true",
        help="the whole constitution: each document's draft against its last adopted version",
    )
    rep.add_argument("--out", required=True, help="folder for changes.html and changes.docx")
    rep.add_argument("--author", default="Monitoring Officer", help="author of the revisions")
    rep.add_argument(
        "--document",
        metavar="KEY",
        help="of this document's versions (default: protocol)",
    )
    rep.set_defaults(run=cmd_report)
    exp = sub.add_parser(
        "export", help="a version as needs.json, JSON, Akoma Ntoso, CSV or Word (to redraft)"
    )
    exp.add_argument("--version", default="draft", help="'draft' or an adoption date")
    exp.add_argument(
        "--format", choices=("needs", "json", "akn", "csv", "csvw", "docx"), required=True
    )
    exp.add_argument("--out", help="write to this file instead of standard output")
    exp.add_argument(
        "--document",
        metavar="KEY",
        help="a version of this document (default: protocol)",
    )
    exp.set_defaults(run=cmd_export)
    mutants = sub.add_parser("mutants", help="show that every rule changes some scenario")
    mutants.set_defaults(run=cmd_mutants)
    next_id = sub.add_parser("next-id", help="print the ID to give a new clause")
    next_id.add_argument(
        "--document", default=PROTOCOL, metavar="KEY", help="of this document (default: protocol)"
    )
    next_id.set_defaults(run=cmd_next_id)
    return top


def entry() -> int:
    """The command itself (`constitution`, `python -m constitution`): a process of its own."""
    collect_less()
    status = main()
    # Python's last collection, as it exits, would go over every object still held (the
    # model a module keeps): 0.08 s after the gate at 5,000 clauses, for nothing.
    gc.freeze()
    return status


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.find(Path(args.project))
    except FileNotFoundError:
        if getattr(args, "needs_project", True):
            return _report(ProtocolError([Problem.of(args.project, 0, "not-a-project")]))
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
