"""constitution init: a council's own repository, whose checks pass from its first commit.

The repository holds the council's content and settings only. The machinery (Sphinx's
settings, the site, the gate, the worked examples' runner) comes with the tool, pinned in
requirements.txt, so a council takes the tool's improvements by raising that pin rather
than by merging a template: the few files written here (dev.py, the workflows, the
starting pages) are its own to change.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
import shutil
import string
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from constitution import __version__, baseline, importer
from constitution.capitals import out_of_capitals
from constitution.model import DRAFT_PAGES
from constitution.problems import Problem, ProtocolError
from constitution.project import Project

TEMPLATE = Path(__file__).with_name("council_template")
# Stored without their dot: packaging and tools pass over dot-files.
DOTTED = ("gitignore", "gitattributes", "github")
FILLED = (".md", ".toml", ".txt")  # files with $settings to fill in
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


@dataclass(frozen=True)
class Settings:
    """What init writes into the council's settings; the document's title and citation,
    not given, are the imported document's own title (else the model's)."""

    name: str
    prefix: str = "MOP"
    document: str = ""
    citation: str = ""
    part: str = "Part 5"
    base_url: str = "https://www.example.org/constitution/"
    requirement: str = f"council-constitution[serve]=={__version__}"


def init(
    dest: Path, settings: Settings, source: Path | None = None, take: int | None = None
) -> tuple[Project, importer.Imported | None]:
    """Write the repository into ``dest`` (new or empty) as one step: all or nothing;
    ``take`` chooses one document of a source holding several. Returns it, with the
    document imported (for its report), if any."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ProtocolError([Problem.of(str(dest), 0, "init-not-empty")])
    doc = importer.import_protocol(source, take) if source else None
    shouted = importer.acronyms(doc) if doc else frozenset()
    settings = titled(settings, doc.title if doc else "", shouted)
    values = asdict(settings)
    # the council publishes its paragraphs' numbers as its document prints them
    values["number_style"] = importer.number_style(doc) if doc else "section.paragraph"
    if doc is None:
        starter = string.Template(STARTER).substitute(values)
        files = {"index.md": index(settings.document), "purpose.md": starter}
    else:  # index.md's title is the document's, as the settings name it
        shown = dataclasses.replace(doc, title=settings.document)
        files = importer.render(shown, settings.prefix, titled=True)
    # the section the site's pages give as an example: the protocol's first
    values["section"] = Path(next(n for n in files if n != "index.md")).stem
    values["paragraph"] = first_number(files)
    values["paragraph_typed"] = shlex.quote(values["paragraph"])  # 3(1) is '3(1)' in a shell
    dest.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", dir=dest.parent))
    try:
        copy_template(staged, values)
        (staged / "docs" / DRAFT_PAGES).symlink_to(Path("..") / "protocol")
        importer.write(files, staged / "protocol", force=False)
        if source is not None and doc is not None:
            publish_appendices(staged / "docs", importer.appendix_pages(doc, titled=True))
            importer.dump_report(doc, source, staged / "import-report.json")
        project = Project(staged)
        document = project.document()
        baseline.write(project.checks, baseline.open_rules(document, covered=set()))
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    staged.chmod(0o755)  # made by mkdtemp, private; a repository is not
    staged.rename(dest)
    return Project(dest), doc


def first_number(files: dict[str, str]) -> str:
    """The number the protocol's first paragraph is cited by, which its pages give as an
    example of a citation: as printed where it was imported (its `:source-number:`,
    written as the document cites it), else the first by position, 1.1."""
    sections = (text for name, text in files.items() if name != "index.md")
    printed = (re.search(r"^:source-number: (\S+)$", text, re.MULTILINE) for text in sections)
    return next((found[1] for found in printed if found), "1.1")


def titled(settings: Settings, printed: str, kept: frozenset[str] = frozenset()) -> Settings:
    """``settings`` with the document's title and citation filled in where not given: the
    title ``printed`` on the imported document, less the council's name over it and out of
    capitals, cited by that title; without one, the model's title and citation."""
    title = own_title(settings.name, printed, kept)
    document = settings.document or title or DOCUMENT
    cited = settings.citation or (document if document != DOCUMENT else CITATION)
    return dataclasses.replace(settings, document=document, citation=cited)


def own_title(council: str, printed: str, kept: frozenset[str] = frozenset()) -> str:
    """A document's title as printed, less the council's name over it (``council``) and
    out of capitals, its acronyms (``kept``) as printed: the title its own repository
    gives it."""
    title = re.sub(rf"^{re.escape(council)}\s*[-–—:,]?\s*", "", printed.strip(), flags=re.I)
    return out_of_capitals(title, kept)


def publish_appendices(docs: Path, pages: dict[str, str]) -> None:
    """The appendices the import left out of the protocol, each a page of the site's
    own, listed in the home page's (hidden) toctree after the template's pages."""
    if not pages:
        return
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    home = docs / "index.md"
    text = home.read_text(encoding="utf-8")
    listed = "".join(f"{Path(name).stem}\n" for name in pages)
    at = text.rindex("```")  # the end of the toctree, the page's last block
    home.write_text(text[:at] + listed + text[at:], encoding="utf-8")


def copy_template(into: Path, values: dict[str, str]) -> None:
    for path in sorted(TEMPLATE.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        name = path.relative_to(TEMPLATE).as_posix()
        if name.startswith(DOTTED):
            name = "." + name
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in FILLED:
            text = string.Template(path.read_text(encoding="utf-8")).substitute(values)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, target)
    os.chmod(into / "dev.py", 0o755)


def index(title: str) -> str:
    return f"# {title}\n\n```{{toctree}}\n:numbered: 1\n:maxdepth: 1\n\npurpose\n```\n"
