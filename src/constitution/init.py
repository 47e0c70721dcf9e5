"""constitution init: a council's own repository, whose checks pass from its first commit.

The repository holds the council's content and settings only. The machinery (Sphinx's
settings, the site, the gate, the worked examples' runner) comes with the tool, pinned in
requirements.txt, so a council takes the tool's improvements by raising that pin rather
than by merging a template: the few files written here (dev.py, the workflows, the
starting pages) are its own to change, and `refresh` brings a newer release's of those
it has not changed (tool_files.py).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import string
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from constitution import (
    __version__,
    baseline,
    import_defects,
    import_model,
    import_myst,
    import_numbered_part,
    import_report,
    importer,
    tool_files,
)
from constitution.capitals import out_of_capitals
from constitution.model import DRAFT_PAGES
from constitution.problems import Problem, ProtocolError
from constitution.project import Project

STARTER = """\
# Purpose and status

```{clause} $prefix-0001
:modality: informative

This protocol guides the working relationship between the members and the officers of
$name.
```
"""


DOCUMENT = "Protocol on Member/Officer Relations"
CITATION = "Member/Officer Protocol"
# The Part of the constitution a title begins with, and its dash: "Part 5.5 — "
PART_BEFORE_TITLE = r"Part\s+\d{1,2}(?:\.\d{1,2})?[A-Z]?\s*[-–—:,]\s*"


@dataclass(frozen=True)
class Settings:
    """What init writes into the council's settings; the document's title and citation,
    not given, are the imported document's own title (else the model's)."""

    name: str
    prefix: str = "MOP"
    document: str = ""
    citation: str = ""
    part: str = ""  # not given: the one the title names, else "Part 5"
    base_url: str = "https://www.example.org/constitution/"
    requirement: str = f"council-constitution[serve]=={__version__}"


def init(
    dest: Path, settings: Settings, source: Path | None = None, take: int | None = None
) -> tuple[Project, import_model.Imported | None]:
    """Write the repository into ``dest`` (new or empty) as one step: all or nothing;
    ``take`` chooses one document of a source holding several. Returns it, with the
    document imported (for its report), if any."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ProtocolError([Problem.of(str(dest), 0, "init-not-empty")])
    doc = importer.import_protocol(source, take) if source else None
    shouted = import_myst.acronyms(doc) if doc else frozenset()
    settings = titled(settings, doc.title if doc else "", shouted)
    values = asdict(settings)
    # the council publishes its paragraphs' numbers as its document prints them
    values["number_style"] = import_defects.number_style(doc) if doc else "section.paragraph"
    if doc is None:
        starter = string.Template(STARTER).substitute(values)
        files = {"index.md": index(settings.document), "purpose.md": starter}
    else:  # index.md's title is the document's, as the settings name it
        shown = dataclasses.replace(doc, title=settings.document)
        files = import_myst.render(shown, settings.prefix, titled=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        tool_files.write_settings(staged, values)
        (staged / "docs").mkdir()
        (staged / "docs" / DRAFT_PAGES).symlink_to(Path("..") / "protocol")
        importer.write(files, staged / "protocol", force=False)
        appendices: dict[str, str] = {}
        if source is not None and doc is not None:
            appendices = import_myst.appendix_pages(doc, titled=True)
            for name, text in appendices.items():  # published, listed on the home page
                (staged / "docs" / name).write_text(text, encoding="utf-8")
            import_report.dump_report(doc, source, staged / "import-report.json")
        tool_files.write_new(staged, list(appendices))
        project = Project(staged)
        document = project.document()
        baseline.write(project.checks, baseline.open_rules(document, covered=set()))
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    staged.chmod(0o755)  # made by mkdtemp, private; a repository is not
    staged.rename(dest)
    return Project(dest), doc


def titled(settings: Settings, printed: str, kept: frozenset[str] = frozenset()) -> Settings:
    """``settings`` with the document's title, citation and Part filled in where not
    given: the title ``printed`` on the imported document, less the council's name over
    it and the Part before it, out of capitals, cited by that title; the Part it names
    (else Part 5); without a title, the model's title and citation."""
    title = own_title(settings.name, printed, kept)
    document = settings.document or title or DOCUMENT
    cited = settings.citation or (document if document != DOCUMENT else CITATION)
    named = import_numbered_part.titled_part(without_council(settings.name, printed))
    part = settings.part or (f"Part {named}" if named else "Part 5")
    return dataclasses.replace(settings, document=document, citation=cited, part=part)


def own_title(council: str, printed: str, kept: frozenset[str] = frozenset()) -> str:
    """A document's title as printed, less the council's name over it (``council``) and
    the Part of the constitution before it ("Part 5.5 — ", kept as the Part), and out of
    capitals, its acronyms (``kept``) as printed: the title its own repository gives it."""
    title = re.sub(
        rf"^{PART_BEFORE_TITLE}(?=\S)", "", without_council(council, printed), flags=re.I
    )
    return out_of_capitals(title, kept)


def without_council(council: str, printed: str) -> str:
    """A title as printed, less the council's name over it."""
    return re.sub(rf"^{re.escape(council)}\s*[-–—:,]?\s*", "", printed.strip(), flags=re.I)


def index(title: str) -> str:
    return f"# {title}\n\n```{{toctree}}\n:numbered: 1\n:maxdepth: 1\n\npurpose\n```\n"
