"""Generate a synthetic constitution project of a given size, for benchmarks.

    python benchmarks/generate.py 5000 OUT_DIR [VERSIONS [DOCUMENTS]]

The project has the model's conf/ and docs/ (so it builds like the model protocol), N
clauses in sections of 20 to 40, realistic text lengths, cross-references to other
clauses, a rules model with one rule per normative clause, a scenario for each, and the
scenarios confirmed; then VERSIONS adopted versions, each after an amendment (1% of the
clauses reworded and one clause inserted), and one more amendment in the draft.
With DOCUMENTS above one, the N clauses are shared out among that many documents of one
constitution: the protocol (its share, with its worked examples and versions as above)
and DOCUMENTS - 1 others listed in conf/council.toml ([[documents]], as drafted, no
versions), whose paragraphs cite their own document's one in ten times and another
document's (the protocol's among them) one in ten times.
``baseline`` writes the same clauses as a plain Sphinx + myst-parser + sphinx-needs +
furo project: one need a clause, one needtable page, no versions and no extras.
Deterministic: the same arguments give the same files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import random
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from constitution.project import Project
from constitution.source import read_protocol
from constitution.versions import adopt

ROOT = Path(__file__).resolve().parent.parent
# The benchmarks measure the tool on the model council, frozen in the tests' fixtures:
# a council's own content (another ID prefix, other roles) must not change them.
MODEL = ROOT / "tests" / "roots" / "model"
WORDS = (
    "member",
    "officer",
    "council",
    "committee",
    "report",
    "decision",
    "information",
    "meeting",
    "advice",
    "ward",
    "cabinet",
    "scrutiny",
    "monitoring",
    "chief",
    "executive",
    "protocol",
    "resources",
    "confidential",
    "group",
    "public",
    "statutory",
    "delegated",
    "enquiry",
    "working",
    "day",
    "reply",
    "within",
    "notice",
    "consult",
    "record",
    "publish",
    "review",
    "relationship",
    "declare",
    "interest",
    "pressure",
    "appointment",
    "media",
    "correspondence",
)
MODALITIES = ("must", "must", "must-not", "should", "may", "informative", "informative")


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(n: int, out: Path, versions: int = 0, seed: int = 1, documents: int = 1) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for part in ("conf", "docs"):
        shutil.copytree(MODEL / part, out / part, symlinks=True)
    protocol, scenarios = out / "protocol", out / "checks" / "scenarios"
    scenarios.mkdir(parents=True)
    share = n // documents
    ids = [f"MOP-{i:04d}" for i in range(1, n - share * (documents - 1) + 1)]
    normative = write_document(rng, protocol, "Protocol", ids)
    others = {
        f"D{k:02d}": [f"D{k:02d}-{i:04d}" for i in range(1, share + 1)] for k in range(1, documents)
    }
    with (out / "conf" / "council.toml").open("a", encoding="utf-8") as conf:
        for prefix, own in others.items():
            key, title = f"document-{prefix[1:]}", f"Document {prefix[1:]}"
            conf.write(
                f'\n[[documents]]\nkey = "{key}"\ntitle = "{title}"\npart = "Part {prefix[1:]}"\n'
                f'id_prefix = "{prefix}"\ncite = "Rule {{number}} of {title}"\n'
                'cite-within = "Rule {number}"\n'
            )
            elsewhere = [i for p, o in others.items() if p != prefix for i in o] + ids
            write_document(rng, out / "documents" / key, title, own, elsewhere)
    (out / "checks" / "rules.yaml").write_text(
        "roles: {member: , officer: }\nacts:\n"
        + "".join(f"  situation-{cid[-4:]}:\n" for cid in normative)
        + "rules:\n"
        + "".join(
            f"  - {{clause: {cid}, act: situation-{cid[-4:]}, permitted: false}}\n"
            for cid in normative
        ),
        encoding="utf-8",
    )
    for k, first in enumerate(range(0, len(normative), 200)):
        prefix = f"SC-S{chr(65 + k // 26)}{chr(65 + k % 26)}"  # 999 IDs at most a prefix
        (scenarios / f"batch-{k:03d}.yaml").write_text(
            "".join(
                f"- id: {prefix}-{i:03d}\n  title: {sentence(rng, 6)}\n"
                f"  facts: {{act: situation-{cid[-4:]}, actor: member}}\n"
                f"  expect:\n    permitted: false\n    clauses: [{cid}]\n"
                for i, cid in enumerate(normative[first : first + 200])
            ),
            encoding="utf-8",
        )
    project = Project(out)
    confirm(project)
    for k in range(versions):
        if k:
            amend(project, rng, f"MOP-{n + k:04d}")
        day = dt.date(2020 + k, 5, 14)
        document = read_protocol(project.protocol, project.council(), retired=project.retired())
        adopt(
            project.versions_dir,
            out,
            document,
            day,
            day,
            f"Minute {k + 1}",
            project.council().id_pattern,
        )
    if versions:  # and one amendment still in the draft
        amend(project, rng, f"MOP-{n + versions:04d}")
    return out


def write_document(
    rng: random.Random, folder: Path, title: str, ids: list[str], elsewhere: Sequence[str] = ()
) -> list[str]:
    """One document's index and sections of 20 to 40 clauses with IDs ``ids``: one clause
    in ten cites another of its own, and, given ``elsewhere`` (other documents' IDs), one
    in ten cites one of those. Returns the normative clauses' IDs."""
    folder.mkdir(parents=True)
    sizes: list[int] = []
    while sum(sizes) < len(ids):
        sizes.append(min(rng.randint(20, 40), len(ids) - sum(sizes)))
    normative, slugs, start = [], [], 0
    for number, size in enumerate(sizes, start=1):
        slug = f"section-{number:03d}"
        slugs.append(slug)
        blocks = [f"# Section {number}: {sentence(rng, 3)[:-1]}\n"]
        for cid in ids[start : start + size]:
            modality = rng.choice(MODALITIES)
            body = " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 4)))
            if rng.random() < 0.1:
                body += f" See {{para}}`{rng.choice([i for i in ids if i != cid])}`."
            if elsewhere and rng.random() < 0.1:
                body += f" See also {{para}}`{rng.choice(elsewhere)}`."
            blocks.append(
                f"```{{clause}} {cid}\n:modality: {modality}\n:applies-to: member, "
                f"officer\n:tags: synthetic\n\n{body}\n```\n"
            )
            if modality != "informative":
                normative.append(cid)
        (folder / f"{slug}.md").write_text("\n".join(blocks), encoding="utf-8")
        start += size
    (folder / "index.md").write_text(
        f"# {title}\n\n```{{toctree}}\n:numbered: 1\n:maxdepth: 1\n\n"
        + "\n".join(slugs)
        + "\n```\n",
        encoding="utf-8",
    )
    return normative


def confirm(project: Project) -> None:
    from constitution.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--project", str(project.root), "confirm", "--all"]) == 0


def amend(project: Project, rng: random.Random, new_id: str) -> None:
    """Reword 1% of the clauses and insert one (informative, so no rule needs it); confirm
    the scenarios of the reworded clauses, as the editor of a real amendment would."""
    files = sorted(project.protocol.glob("section-*.md"))
    for _ in range(max(1, len(files) * 30 // 100)):
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8")
        bodies = list(re.finditer(r"\n\n([A-Z][^\n]*)\n```", text))
        body = rng.choice(bodies)
        path.write_text(
            text[: body.start(1)] + sentence(rng, 12) + " " + text[body.start(1) :],
            encoding="utf-8",
        )
    path = rng.choice(files)
    text = path.read_text(encoding="utf-8")
    first = text.index("```{clause}")
    clause = f"```{{clause}} {new_id}\n:modality: informative\n\n{sentence(rng, 15)}\n```\n\n"
    path.write_text(text[:first] + clause + text[first:], encoding="utf-8")
    confirm(project)


def baseline(project: Project, out: Path) -> Path:
    """The project's draft as a plain Sphinx + myst-parser + sphinx-needs + furo project."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "conf.py").write_text(
        'project = "Baseline"\n'
        'extensions = ["myst_parser", "sphinx_needs"]\n'
        'html_theme = "furo"\n'
        'needs_types = [{"directive": "clause", "title": "Clause", "prefix": "MOP-",'
        ' "color": "#ffffff", "style": "node"}]\n'
        'needs_id_regex = "^MOP-[0-9]{4}$"\n',
        encoding="utf-8",
    )
    document = project.document()
    slugs = [section.slug for section in document.sections]
    for section in document.sections:
        blocks = [f"# {section.title}\n"]
        for c in section.clauses:
            text = re.sub(r"\{para\}`([^`]+)`", r"{need}`\1`", c.text)
            blocks.append(f"```{{clause}} {c.number}\n:id: {c.id}\n\n{text}\n```\n")
        (out / f"{section.slug}.md").write_text("\n".join(blocks), encoding="utf-8")
    (out / "clauses.md").write_text("# All clauses\n\n```{needtable}\n```\n", encoding="utf-8")
    (out / "index.md").write_text(
        "# Protocol\n\n```{toctree}\n:maxdepth: 1\n\n" + "\n".join([*slugs, "clauses"]) + "\n```\n",
        encoding="utf-8",
    )
    return out


if __name__ == "__main__":
    counts = [int(a) for a in sys.argv[3:5]]
    generate(int(sys.argv[1]), Path(sys.argv[2]), *counts[:1], documents=(counts[1:] or [1])[0])
