"""Benchmark: `constitution import` on the corpus, scored against the hand-written gold.

    python benchmarks/importer.py [NAME ...] [--keep DIR]   (or: nox -s bench_import)

Makes the corpus (benchmarks/corpus_files.py) from the reference protocols, imports each
document with the tool's command, and prints one row a document: section and paragraph
number recall and precision, paragraphs word for word, words lost and invented, published
numbers equal to the printed ones, and the planted faults found, missed, and reported
where none was planted. NAME narrows it to documents whose names start so; --keep DIR
keeps the documents and what the import made of them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

from corpus import WORD, documents, load, words
from corpus_files import write

from constitution import numbering
from constitution.council import Council
from constitution.problems import ProtocolError
from constitution.source import read_protocol

# Which of the importer's defect kinds name which planted fault, matched by number too.
FAMILIES = {
    "duplicate": {"duplicate-number"},
    "skip": {"skipped-number", "numbering-jump"},
    "jump": {"numbering-jump", "skipped-number"},
    "malformed": {"malformed-number"},
}
FAULT_KINDS = set().union(*FAMILIES.values())
CLAUSE = re.compile(r"(?ms)^```\{clause\} (\S+)\n(.*?)^```$")
OPTION = re.compile(r"(?m)^:[a-z-]+:.*\n")
ROLE = re.compile(r"\{(\w+)\}`([^`<]*?)\s*(?:<([^>]*)>)?`")
LABEL = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=[^\W\d_])")
FRONT_MATTER = re.compile(r"\A---\n.*?^---\n", re.M | re.S)  # settings, not words
TOCTREE = re.compile(r"(?ms)^```\{toctree\}.*?^```$")
GOALS = "numbers >= 99% recall and precision; word-exact >= 98%; 0 words lost or invented; "
GOALS += "published = printed; every fault found; at most 1 spurious report in 10"


@dataclass
class Clause:
    key: object  # what the gold calls it: "2.3", or (heading, "3") under a plain heading
    published: str
    words: list[str]


@dataclass
class Imported:
    """What one import made: its exit, its words, and its sections and paragraphs."""

    code: int
    output: str
    sections: list[tuple[str, str]] = field(default_factory=list)  # gold key, title
    clauses: list[Clause] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)
    reports: list[tuple[str, str]] = field(default_factory=list)  # defects: kind, number
    unreadable: str = ""  # why the tool's own reader refuses what the import wrote
    stopped: bool = False  # the first import stopped (a report: then --take the protocol)


def dotted(label: str) -> str:
    """A printed number in dotted form: '(1)' 1, '5.5 – 3.8.' 3.8 (a Part's prefix
    dropped), '12 – 1' 12.1, '3.' 3."""
    parts = re.split(r"\s[–-]\s", label, maxsplit=1)
    return ".".join(re.findall(r"\d+", parts[-1]))


def title_key(title: str) -> str:
    return " ".join(words(title.lower()))


def published_numbers(out: Path, order: list[str], style: str) -> tuple[dict[str, str], str]:
    """Each clause's number as the site publishes it, from the tool's own reader; if the
    import wrote what the reader refuses, by position (the reader's rule) and why."""
    # as a council made by `constitution init` reads it: numbers as printed (insert), in
    # the number style the import found
    council = Council("", "", "", "", "MOP", "https://example.org", {}, {}, numbering="insert")
    try:
        # numbered as the council's draft is, with no version adopted yet
        document = numbering.apply(read_protocol(out, council, out.name), "insert", None, style)
    except ProtocolError as error:
        numbers = {}
        for index, slug in enumerate(order, 1):
            text = (out / f"{slug}.md").read_text(encoding="utf-8")
            for place, match in enumerate(CLAUSE.finditer(text), 1):
                numbers[match.group(1)] = f"{index}.{place}"
        return numbers, str(error).splitlines()[0]
    return {c.id: c.number for s in document.sections for c in s.clauses}, ""


def site_text(text: str, numbers: dict[str, str]) -> str:
    """Written MyST as a reader sees it: references read as the site reads them
    ('paragraph 10.4', or with words of their own the number alone)."""
    text = ROLE.sub(
        lambda m: (
            numbering.reference(
                numbers.get(m.group(3) or m.group(2), "?"), m.group(3) and m.group(2)
            )
            if m.group(1) == "para"
            else m.group(2)
        ),
        text,
    )
    return re.sub(r"(?m)^#+ |^```.*$|\\", "", OPTION.sub("", FRONT_MATTER.sub("", text)))


def read_import(out: Path, report: dict[str, object], numbered: bool) -> Imported:
    imported = Imported(0, "")
    sections = report["sections"]
    assert isinstance(sections, list)
    style = str(report["number_style"])
    numbers, imported.unreadable = published_numbers(out, [s["slug"] for s in sections], style)
    index = (out / "index.md").read_text(encoding="utf-8")
    imported.words.update(words(site_text(TOCTREE.sub("", index), numbers)))
    for section in sections:
        number = dotted(section["number"])
        key = number if numbered else title_key(section["title"])
        imported.sections.append((key, title_key(section["title"])))
        text = (out / f"{section['slug']}.md").read_text(encoding="utf-8")
        imported.words.update(words(site_text(CLAUSE.sub(" ", text), numbers)))
        sources = {c["id"]: c["source_number"] for c in section["clauses"]}
        for match in CLAUSE.finditer(text):
            body = words(site_text(match.group(2), numbers))
            imported.words.update(body)
            printed = dotted(sources.get(match.group(1), ""))  # 3(1) is 3.1
            if numbered and number and printed and "." not in printed:
                printed = f"{number}.{printed}"  # "(1)" in section 2 is 2.1
            clause_key = printed if numbered else (key, printed)
            imported.clauses.append(Clause(clause_key, numbers.get(match.group(1), ""), body))
    # a revoked number's line, kept in its section's front matter (read as settings above)
    kept = [item for section in sections for item in section.get("revoked", [])]
    for item in [*report["left_out"], *kept]:
        # counted as the gold counts a document not imported: a paragraph's number ("3.2
        # The Group Leaders...") is a label, not a word; a heading's ("3. Background") is
        imported.words.update(
            WORD.findall(LABEL.sub("", item["text"]).replace("\u2018", "'").replace("\u2019", "'"))
        )
    imported.reports = [(d["kind"], dotted(d["number"])) for d in report["defects"]]
    return imported


def run_import(path: Path, folder: Path, numbered: bool, take: int = 0) -> Imported:
    out, report = folder / f"{path.stem}-out", folder / f"{path.stem}-report.json"
    command = [sys.executable, "-m", "constitution", "import", str(path), "--out", str(out)]
    result = subprocess.run(
        [*command, "--force", "--report-json", str(report), *(["--take", str(take)] * bool(take))],
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    if result.returncode:
        return Imported(result.returncode, output)
    imported = read_import(out, json.loads(report.read_text(encoding="utf-8")), numbered)
    imported.code, imported.output = 0, output
    return imported


def protocol_part(imported: Imported, facts: dict[str, object]) -> int:
    """Of an import stopped for holding several documents, the one listed as beginning on
    the protocol's page; 0 if it did not stop so, or lists none there."""
    page = facts.get("protocol_page")
    listed = re.search(rf"(?m)^\s*(\d+): from page {page}, ", imported.output)
    return int(listed[1]) if imported.code and page and listed else 0


def ratio(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def matched(gold: list[object], found: list[object]) -> int:
    return sum((Counter(gold) & Counter(found)).values())


@dataclass
class Score:
    name: str
    code: int
    figures: dict[str, str]
    found: list[str]
    missed: list[str]
    spurious: list[str]
    unreadable: str = ""
    inexact: list[str] = field(default_factory=list)  # paragraphs not word for word
    lost: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    renumbered: list[str] = field(default_factory=list)  # "6.4 as 4.3A"


def residue_lines(path: Path, residue: list[str]) -> dict[str, int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {text: next(n for n, line in enumerate(lines, 1) if text in line) for text in residue}


def faults(
    facts: dict[str, object], path: Path, imported: Imported
) -> tuple[list[str], list[str], list[str]]:
    """Planted faults found and missed, and reports of a fault where none was planted."""
    found, missed = [], []
    reports = [r for r in imported.reports if r[0] in FAULT_KINDS]
    unused = list(reports)
    residue = iter(residue_lines(path, facts["residue"]).values()) if facts["residue"] else iter(())
    mentioned = {int(n) for n in re.findall(r"\bline (\d+)", imported.output)}
    for fault in facts["faults"]:
        kind, _, number = fault.partition("@")
        if kind == "residue":  # the import stops and names the line
            hit = (imported.stopped or bool(imported.code)) and next(residue) in mentioned
        elif kind == "report":  # the import stops and says where the protocol starts
            hit = imported.stopped and f"page {facts['protocol_page']}" in imported.output
        else:
            match = next((r for r in unused if r[0] in FAMILIES[kind] and r[1] == number), None)
            hit = match is not None
            if match:
                unused.remove(match)
        (found if hit else missed).append(fault)
    return found, missed, [f"{kind}@{number}" for kind, number in unused]


def cited(number: str, place: int, style: str) -> str:
    """A printed number (dotted: "3.1", or "3" under a plain heading) as the document
    cites it in its style: "(1)" of section 3 is 3(1), "3." under the second plain
    heading 2(3); numbered on through the document, 12 is 12."""
    if style == "paragraph-in-section":
        section, _, own = number.rpartition(".")
        return f"{section or place}({own})"
    return number


def score(path: Path, facts: dict[str, object], imported: Imported) -> Score:
    numbered = all(s["number"] for s in facts["sections"])
    style = load()[path.stem].get("number-style", "section.paragraph")
    gold_sections = [s["number"] if numbered else title_key(s["title"]) for s in facts["sections"]]
    gold: list[tuple[object, list[str], str]] = []
    for clause in facts["clauses"]:
        section = clause["section"] if numbered else title_key(clause["section"])
        key = clause["number"] if numbered else (section, clause["number"])
        place = gold_sections.index(section) + 1
        gold.append((key, clause["words"], cited(clause["number"], place, style)))
    found, missed, spurious = faults(facts, path, imported)
    fault_reports = len([r for r in imported.reports if r[0] in FAULT_KINDS])
    figures = {"faults": f"{len(found)}/{len(found) + len(missed)}"}
    figures["spurious"] = f"{len(spurious)}/{fault_reports}"
    if imported.code:
        return Score(path.stem, imported.code, figures, found, missed, spurious)
    by_key: dict[object, deque[Clause]] = defaultdict(deque)
    for c in imported.clauses:
        by_key[c.key].append(c)
    exact = same_number = 0
    inexact, renumbered = [], []
    for key, gold_words, printed in gold:
        if by_key[key]:
            clause = by_key[key].popleft()
            exact += clause.words == gold_words
            same_number += clause.published == printed
            if clause.published != printed:
                renumbered.append(f"{printed} as {clause.published}")
            if clause.words != gold_words:
                inexact.append(printed)
    into = Counter(facts["words"]) + Counter(words("\n".join(facts["furniture"])))
    # A plain heading the importer made a section of is a heading still: not counted.
    headings = {title_key(title) for title in facts["headings"]}
    sections = [
        key
        for key, title in imported.sections
        if not (title in headings and key not in gold_sections)
    ]
    sections_found = matched(gold_sections, sections)
    clauses_found = matched([g[0] for g in gold], [c.key for c in imported.clauses])
    figures |= {
        "sections R": f"{ratio(sections_found, len(gold_sections)):.1f}",
        "sections P": f"{ratio(sections_found, len(sections)):.1f}",
        "numbers R": f"{ratio(clauses_found, len(gold)):.1f}",
        "numbers P": f"{ratio(clauses_found, len(imported.clauses)):.1f}",
        "word-exact": f"{ratio(exact, len(gold)):.1f}",
        "words in": str(into.total()),
        "lost": str((into - imported.words).total()),
        "invented": str((imported.words - into).total()),
        "published": f"{ratio(same_number, len(gold)):.1f}",
    }
    lost, invented = into - imported.words, imported.words - into
    return Score(
        path.stem,
        0,
        figures,
        found,
        missed,
        spurious,
        imported.unreadable,
        inexact,
        sorted(lost.elements()),
        sorted(invented.elements()),
        renumbered,
    )


COLUMNS = (
    ("document", 27),
    ("exit", 4),
    ("sections R", 10),
    ("sections P", 10),
    ("numbers R", 9),
    ("numbers P", 9),
    ("word-exact", 10),
    ("words in", 8),
    ("lost", 5),
    ("invented", 8),
    ("published", 9),
    ("faults", 6),
    ("spurious", 8),
)


def table(scores: list[Score]) -> str:
    """One row a document; percentages, except words (counts) and faults (found of
    planted; spurious reports of all reports of a fault)."""
    rows = [
        " ".join(
            name.rjust(width) if i else name.ljust(width) for i, (name, width) in enumerate(COLUMNS)
        )
    ]
    for s in scores:
        cells = [s.name, str(s.code)] + [s.figures.get(name, "-") for name, _ in COLUMNS[2:]]
        rows.append(
            " ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, (_, w)) in enumerate(zip(cells, COLUMNS, strict=True))
            )
        )
    return "\n".join(rows)


def sample(items: list[str], most: int = 12) -> str:
    shown = ", ".join(items[:most]) + (
        f" and {len(items) - most} more" if len(items) > most else ""
    )
    return shown or "none"


def details(scores: list[Score]) -> str:
    """What lies behind each row's shortfalls, for whoever improves the importer."""
    lines = []
    for s in scores:
        lines.append(f"{s.name}:")
        for label, items in (
            ("faults missed", s.missed),
            ("reported where none was planted", s.spurious),
            ("paragraphs not word for word", s.inexact),
            ("published with another number", s.renumbered),
            ("words lost", s.lost),
            ("words invented", s.invented),
        ):
            if items:
                lines.append(f"    {label}: {sample(items)}")
        if s.unreadable:
            lines.append(f"    the imported protocol does not read: {s.unreadable}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    names = [a for a in argv if a != "--keep" and a != keep]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(keep or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        scores = []
        for document in documents():
            if names and not any(document.name.startswith(n) for n in names):
                continue
            path, facts = write(document, folder)
            numbered = all(s["number"] for s in facts["sections"])
            imported = run_import(path, folder, numbered)
            if take := protocol_part(imported, facts):
                # as a person would: import the document the list says begins on the page
                # where the protocol begins, keeping what the first import said
                first, imported = imported, run_import(path, folder, numbered, take)
                imported.stopped, imported.output = True, first.output + imported.output
            scores.append(score(path, facts, imported))
    print(table(scores))
    print(details(scores))
    print(f"Goals on every document: {GOALS}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
