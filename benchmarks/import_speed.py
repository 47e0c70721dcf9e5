"""Benchmark: how the import's time grows with the protocol, in each form it reads.

    python benchmarks/import_speed.py [SIZE ...]   (or: nox -s bench_import_speed)

Makes a protocol of SIZE numbered paragraphs (default 100, 400 and 1600: ten a section,
some with items, a table or a reference) as plain text, a Word file with automatic
numbering and a PDF with running heads (benchmarks/corpus_files.py's writers), imports
each in this process three times, and prints the median seconds, and, from one size to
the next, how many times longer the import took: about the size's own ratio (4 for
sizes four apart) is linear, its square quadratic. It times the reading alone, in a
warm process: not Python's start, the word list read once a process, nor writing the
pages, which `constitution import` adds. The words are made up here, so it needs no
reference protocol.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from corpus import Document, Para, Part
from corpus_files import write_pdf, write_text, write_word

from constitution.importer import import_protocol

# each form: its file's suffix, its writer, and the corpus's name for it
FORMS = {
    "text": (".txt", write_text, "text"),
    "word": (".docx", write_word, "docx-numbering"),
    "pdf": (".pdf", write_pdf, "pdf"),
}
RUNS = 3
SENTENCES = (
    "Members and officers work together in the interests of the whole Council",
    "An officer gives advice that is impartial and free of party politics",
    "A member may ask for information the member needs to carry out the duties of office",
    "Officers reply to enquiries within ten working days, or say when they will",
    "A concern about conduct is raised in private with the officer's manager",
)


def protocol(size: int) -> Document:
    """A protocol of ``size`` numbered paragraphs, ten a section."""
    parts = [Part("title", title="Protocol on Member and Officer Relations")]
    for n in range(1, size + 1):
        section, own = divmod(n - 1, 10)
        if own == 0:
            parts.append(
                Part(
                    "section",
                    str(section + 1),
                    f"{section + 1}.",
                    f"Part of the Protocol {section + 1}",
                )
            )
        number = f"{section + 1}.{own + 1}"
        text = f"{SENTENCES[n % len(SENTENCES)]}, as set out in this paragraph {number}."
        paras = [Para(text)]
        if own == 3:  # a lead-in and its items
            paras = [Para(f"{SENTENCES[0]}, and so members must:")] + [
                Para(f"{words.lower()};", "item", f"({letter})")
                for letter, words in zip("abc", SENTENCES[1:4], strict=True)
            ]
        elif own == 6 and section:  # a reference to a paragraph of the section before
            paras = [Para(f"Subject to paragraph {section}.2 above, {SENTENCES[2].lower()}.")]
        elif own == 8:  # a table of two columns
            paras += [Para("Matter\tOfficer", "row"), Para("Planning\tHead of Planning", "row")]
        parts.append(Part("clause", number, number, paras=paras))
    return Document(f"speed-{size}", "made up", "text", parts)


def seconds(path: Path, size: int) -> float:
    """The median of RUNS imports of ``path``, in this process (each read as made: a
    time for a misread protocol would measure the wrong thing)."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        doc = import_protocol(path)
        times.append(time.perf_counter() - start)
        if len(doc.clauses()) != size:
            raise SystemExit(f"{path.name}: {len(doc.clauses())} paragraphs read, not {size}")
    return statistics.median(times)


def main(argv: list[str]) -> int:
    sizes = [int(size) for size in argv] or [100, 400, 1600]
    print(f"import, median of {RUNS} runs in one process (seconds); growth from the size before")
    print(f"{'paragraphs':>10}  " + "  ".join(f"{form:>16}" for form in FORMS))
    before: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            document = protocol(size)
            row = []
            for form, (suffix, writer, kind) in FORMS.items():
                path = Path(folder) / f"{document.name}{suffix}"
                writer(replace(document, form=kind), path)
                took = seconds(path, size)
                grew = f"x{took / before[form]:.1f}" if form in before else ""
                row.append(f"{took:9.3f} {grew:>6}")
                before[form] = took
            print(f"{size:>10}  " + "  ".join(f"{cell:>16}" for cell in row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
