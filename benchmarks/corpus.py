"""The importer's corpus: realistic documents made from the reference protocols.

The reference protocols are real councils' texts, not ours to publish, so the corpus is
made from them when it is needed and never kept: benchmarks/corpus/references.toml says
(by hand) where each part of each reference starts, documents.toml how each corpus
document lays it out, with its gold. Each document comes with the generator's record of
what it printed (numbers, titles, planted faults, the words of every clause), which a
test holds to the hand-written gold.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "corpus"
REFERENCE = Path(os.environ.get("CONSTITUTION_REFERENCES") or ROOT.parent / "shared" / "reference")

# A list item's own label ("(a)", "b.", "c)", "1."), kept apart from its words.
ITEM_LABEL = re.compile(r"^(\((?:[a-z]{1,4}|\d{1,2})\)|(?:[a-z]|\d{1,2})[.)])\s+")
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
LINE_LABEL = re.compile(
    r"^[\s*>•\x7f-]*(?:\((?:[a-z]{1,4}|\d{1,2})\)|(?:[a-z]{1,4}|\d{1,2})[.)])?\s"
)
MARKUP = re.compile(r"\*+|</?[ibu]>|^#+\s*")
ENDS_SENTENCE = re.compile(r"[.:;!?]['\"”’)\]]*$")


@dataclass
class Para:
    """One paragraph of a part: plain, a list item (with its label, if printed) or a
    table row (tab-separated cells)."""

    text: str
    kind: str = "p"  # p | item | row
    label: str = ""


@dataclass
class Part:
    """A part of a protocol in reading order: title, heading, text, contents, section or
    clause. number is the printed number in dotted form ("2.1"; "" if unnumbered),
    label the number as it is printed ("(1)", "5.5 – 2.1", "3.")."""

    kind: str
    number: str = ""
    label: str = ""
    title: str = ""
    paras: list[Para] = field(default_factory=list)


@dataclass
class Document:
    """A corpus document as the generator made it, and what it printed."""

    name: str
    source: str
    form: str
    parts: list[Part]
    faults: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # running headers and footers
    extra: list[Para] = field(default_factory=list)  # not the protocol (a report's own)
    revisions: list[tuple[str, str, str]] = field(default_factory=list)
    residue: list[tuple[str, str]] = field(default_factory=list)
    protocol_page: int = 1  # in a PDF, the page the protocol starts on
    refused: bool = False


def clean(line: str) -> str:
    return " ".join(MARKUP.sub("", line).split())


def words(text: str) -> list[str]:
    """The words of a text as the benchmark counts them: runs of letters and digits
    (with an apostrophe inside: "Council's"), in order and case as written; a list's
    label or bullet at the start of a line ("(a)", "b.", "1)", "•") is not a word."""
    text = text.replace("\u2018", "'").replace("\u2019", "'")
    return [word for line in text.splitlines() for word in WORD.findall(LINE_LABEL.sub("", line))]


def paragraphs(lines: list[str]) -> list[Para]:
    """A part's body lines as paragraphs: '- ' starts a list item, a tab a table row;
    a paragraph that stops mid-sentence (a page break in the source) is mended."""
    paras: list[Para] = []
    for raw in lines:
        if not raw.strip():
            continue
        stripped = raw.strip()
        if stripped.startswith("- ") or re.match(r"^\d{1,2}\. ", stripped):
            text = clean(stripped.removeprefix("- "))
            label = ITEM_LABEL.match(text)
            paras.append(
                Para(
                    text[label.end() :] if label else text, "item", label.group(1) if label else ""
                )
            )
        elif "\t" in raw:
            cells = [clean(cell) for cell in raw.split("\t")]
            paras.append(Para("\t".join(cells), "row"))
        elif paras and paras[-1].kind != "row" and not ENDS_SENTENCE.search(paras[-1].text):
            paras[-1].text += " " + clean(stripped)
        else:
            paras.append(Para(clean(stripped)))
    return paras


def reference_spec(name: str) -> dict[str, str | list[str]]:
    spec: dict[str, str | list[str]]
    spec = tomllib.loads((HERE / "references.toml").read_text(encoding="utf-8"))[name]
    return spec


def read_reference(name: str) -> list[Part]:
    """A reference protocol as parts, where references.toml says they start; each
    number, title and label checked against the line it names."""
    spec = reference_spec(name)
    lines = (REFERENCE / name).read_text(encoding="utf-8").splitlines()
    entries = [entry.split(" | ") for entry in str(spec["parts"]).strip().splitlines()]
    starts = [int(entry[0].split()[1]) for entry in entries] + [len(lines) + 1]
    parts = []
    for (head, *rest), start, end in zip(entries, starts, starts[1:], strict=False):
        kind, _, *number = head.split()
        first, body = clean(lines[start - 1]), lines[start : end - 1]
        part = Part(kind, number[0] if number else "")
        if kind in ("title", "heading"):
            part.title = rest[0]
            expected = part.title
        elif kind == "section":
            part.label, part.title = rest
            expected = f"{part.label} {part.title}"
        elif kind == "clause":
            part.label = rest[0]
            first = clean(first.removeprefix("- "))
            assert first.startswith(part.label + " "), f"{name}:{start}: no {part.label}"
            body, expected = [first[len(part.label) :], *body], ""
        else:  # text, contents: the lines themselves
            expected, body = first, lines[start - 1 : end - 1]
        assert first.endswith(expected), f"{name}:{start}: expected {expected!r}"
        if kind not in ("title", "heading", "section"):
            part.paras = paragraphs(body)
        parts.append(part)
    return parts


# The changes the corpus makes, as documents.toml names them.


def renumber(parts: list[Part], first_section: int) -> None:
    """Sections numbered from first_section, their clauses with them."""
    shift = first_section - 1
    for part in parts:
        if part.number:
            head, *tail = part.number.split(".")
            part.number = ".".join([str(int(head) + shift), *tail])


def plant(parts: list[Part], spec: str) -> str:
    """One numbering fault as councils make them; returns it as KIND@NUMBER."""
    kind, _, what = (piece.strip() for piece in spec.partition(":"))
    clauses = [part for part in parts if part.kind == "clause"]
    if kind == "jump":  # one number typed wrong
        old, new = (piece.strip() for piece in what.split("->"))
        next(part for part in clauses if part.number == old).number = new
        return f"jump@{new}"
    if kind == "skip-section":  # a section left out, the later ones not renumbered
        for part in parts:
            if part.number and int(part.number.split(".")[0]) >= int(what):
                head, *tail = part.number.split(".")
                part.number = ".".join([str(int(head) + 1), *tail])
        return f"skip@{int(what) + 1}"
    section, _, index = what.partition(".")
    later = [
        part
        for part in clauses
        if part.number.split(".")[0] == section and int(part.number.split(".")[1]) >= int(index)
    ]
    step = {"duplicate": -1, "skip": 1}[kind]
    for part in later:
        part.number = f"{section}.{int(part.number.split('.')[1]) + step}"
    return f"{kind}@{later[0].number}"


def revise(text: str, old: str, new: str) -> str:
    assert old in text, f"{old!r} is not in the clause"
    return " ".join(text.replace(old, new).split())


def apply_revisions(document: Document, changes: list[str]) -> None:
    """Word's tracked revisions, accepted in the document's own record. "<last
    sentence>" stands for a clause's last sentence (kept out of the gold: the text is
    not ours)."""
    for change in changes:
        number, _, edit = change.partition(": ")
        old, _, new = (piece.strip() for piece in edit.partition("->"))
        if old == "<last sentence>":
            text = clause_of(document.parts, number).paras[-1].text
            old = re.findall(r"[^.]+\.", text)[-1].strip()
        document.revisions.append((number, old, new))


def clause_of(parts: list[Part], number: str) -> Part:
    return next(part for part in parts if part.kind == "clause" and part.number == number)


def make(name: str, spec: dict[str, object]) -> Document:
    source = str(spec["source"])
    parts = read_reference(source)
    document = Document(name, source, str(spec["form"]), parts)
    if "first-section" in spec:
        renumber(parts, int(spec["first-section"]))
    for fault in spec.get("plant", []):
        document.faults.append(plant(parts, fault))
    apply_revisions(document, spec.get("revisions", []))
    for residue in spec.get("residue", []):
        number, _, what = residue.partition(": ")
        document.residue.append((number, what))
        document.faults.append(f"residue@{number}")
    document.refused = bool(spec.get("refused", False))
    if document.form.startswith("text"):  # a contents table is kept in Word and PDF
        document.parts = [part for part in parts if part.kind != "contents"]
    if document.form in ("docx-tracked", "pdf-report"):  # the printed labels kept
        document.faults += list(reference_spec(source).get("faults", []))
    if document.form == "pdf-report":
        document.faults.append("report@appendix")
    if document.form in ("text-numbered-on", "text-numbered-afresh"):
        unnumber(document)
    elif document.form in ("text", "text-residue"):  # printed as published: "3." and "3.1"
        for part in document.parts:
            if part.number:
                part.label = part.number + ("." if part.kind == "section" else "")
    return document


def unnumber(document: Document) -> None:
    """Plain headings for sections; paragraphs numbered on through them, or afresh."""
    count = 0
    for part in document.parts:
        if part.kind == "section":
            part.number = part.label = ""
            if document.form == "text-numbered-afresh":
                count = 0
        elif part.kind == "clause":
            count += 1
            part.number, part.label = str(count), f"{count}."


def accepted(document: Document, part: Part) -> list[Para]:
    """A clause's paragraphs with the document's revisions accepted."""
    paras = [replace(para) for para in part.paras]
    for number, old, new in document.revisions:
        if number == part.number:
            para = next(para for para in paras if old in para.text)
            para.text = revise(para.text, old, new)
    return paras


# What the document printed, for the benchmark and the tests.


def record(document: Document) -> dict[str, object]:
    sections, clauses, headings, all_words = [], [], [], []
    section = ""
    for part in document.parts:
        if part.kind == "section":
            section = part.number or part.title
            sections.append({"number": part.number, "title": part.title})
            all_words += words(part.title)
        elif part.kind == "clause":
            text = " ".join(para.text for para in accepted(document, part))
            clauses.append({"section": section, "number": part.number, "words": words(text)})
            all_words += words(text)
        else:
            all_words += words(" ".join([part.title, *(para.text for para in part.paras)]))
            if part.kind == "heading":
                headings.append(part.title)
    all_words += words(" ".join(para.text for para in document.extra))
    return {
        "name": document.name,
        "source": document.source,
        "sections": sections,
        "headings": headings,
        "clauses": clauses,
        "faults": document.faults,
        "furniture": document.furniture,
        "residue": [what.replace(" -> ", " ") for _, what in document.residue],
        "protocol_page": document.protocol_page,
        "words": all_words,
        "refused": document.refused,
    }


def expand(numbers: str) -> list[list[str]]:
    """documents.toml's numbers ("2.1-5 2.7 | 1-3") as lists, one per '|' part."""
    groups = []
    for group in numbers.split("|"):
        found = []
        for token in group.split():
            head, _, last = token.rpartition(".") if "." in token else ("", "", token)
            low, _, high = last.partition("-")
            prefix = f"{head}." if head else ""
            found += [f"{prefix}{n}" for n in range(int(low), int(high or low) + 1)]
        groups.append(found)
    return groups


def load() -> dict[str, dict[str, object]]:
    return tomllib.loads((HERE / "documents.toml").read_text(encoding="utf-8"))


def documents() -> Iterator[Document]:
    for name, spec in load().items():
        yield make(name, spec)
