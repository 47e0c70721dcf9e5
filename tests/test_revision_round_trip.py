"""A revision drafted in Word, round trip: the draft out as Word, edited as a person edits
it in Word, brought back with `constitution import FILE --revision`.

Each revision's gold was written before the import was run or its code read: for every
paragraph of the revised file, the ID it must keep (or "new"), and the exact rows the
redline must show (kind, ID, old number, new number), and nothing else.

`exported` lays the draft out as a council's Word copy of its protocol is laid out, not
as the tool's own Word export (test_export_docx.py) does, so that the import is held to
a file the tool did not write: the title, each section a Heading 1 ("7. Undue
pressure"), each paragraph its number typed by hand, a tab, and its words as a reader
sees them (the `csv` export's words).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import run
from constitution.project import Project
from constitution.report import tracked
from constitution.revision import kept_marks
from constitution.text_myst import write as write_myst
from constitution.text_plain import plain
from constitution.text_tree import parse

AUTHOR, WHEN = "Monitoring Officer", "2026-11-20T10:00:00Z"
ROOTS = Path(__file__).parent / "roots"
Row = tuple[str, str, str, str]  # a redline's row: kind, ID, old number, new number


@dataclass
class Para:
    """A paragraph of the Word file: its number as typed, its words, and its gold ID."""

    number: str
    text: str
    gold: str  # the ID it must keep, or "new"
    word_numbered: bool = False  # numbered by Word's numbering, not typed
    tracked: list[tuple[str, str]] = field(default_factory=list)  # ("=", "+", "-", words)
    mark: str = ""  # "+" or "-": the paragraph's mark inserted or deleted, tracked


@dataclass
class Section:
    number: str
    title: str
    paras: list[Para]
    tracked_title: tuple[str, str] | None = None  # (deleted, inserted) words, tracked


def draft_rows(project: Project) -> list[dict[str, str]]:
    result = run(project, "export", "--version", "draft", "--format", "csv")
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def draft_myst(project: Project) -> dict[str, str]:
    """Each paragraph's words as written (MyST), read afresh: not exported, since the
    export refuses a draft whose worked examples cite a paragraph the revision revoked,
    until an editor retires them."""
    return {c.id: c.text for c in Project(project.root).document().clauses()}


def exported(project: Project) -> list[Section]:
    sections: list[Section] = []
    for row in draft_rows(project):
        if not sections or sections[-1].number != row["section"]:
            sections.append(Section(row["section"], row["section_title"], []))
        sections[-1].paras.append(Para(row["number"], row["text"], row["id"]))
    return sections


def _word_numbering(document: docx.document.Document, section: int, start: int) -> int:
    """A two-level list, "%1.%2", set by Word's "Set numbering value" to SECTION.START."""
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for level, (begin, text) in enumerate(((section, "%1."), (start, "%1.%2"))):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", str(begin)), ("w:numFmt", "decimal"),
                           ("w:lvlText", text)):  # fmt: skip
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(nums, default=0) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def write_docx(sections: list[Section], path: Path) -> None:
    document = docx.Document()
    document.add_heading("Protocol on Member/Officer Relations", 0)
    rid = 100
    for section in sections:
        heading = document.add_heading(f"{section.number}. ", 1)
        if section.tracked_title:
            gone, come = section.tracked_title
            heading._p.append(tracked("-", gone, rid, AUTHOR, WHEN))
            heading._p.append(tracked("+", come, rid + 1, AUTHOR, WHEN))
            rid += 2
        else:
            heading.add_run(section.title)
        for para in section.paras:
            p = document.add_paragraph()
            if para.word_numbered:
                major, minor = (int(n) for n in para.number.split("."))
                p_pr = p._p.get_or_add_pPr()
                num_pr = OxmlElement("w:numPr")
                num_id = _word_numbering(document, major, minor)
                for tag, value in (("w:ilvl", "1"), ("w:numId", str(num_id))):
                    el = OxmlElement(tag)
                    el.set(qn("w:val"), value)
                    num_pr.append(el)
                p_pr.append(num_pr)
                lead = ""
            else:
                lead = f"{para.number}\t"
            if para.mark:
                r_pr = OxmlElement("w:rPr")
                mark = OxmlElement("w:ins" if para.mark == "+" else "w:del")
                for name, value in (("w:id", str(rid)), ("w:author", AUTHOR), ("w:date", WHEN)):
                    mark.set(qn(name), value)
                rid += 1
                r_pr.append(mark)
                p._p.get_or_add_pPr().append(r_pr)
            if para.tracked:
                for kind, words in [("=", lead), *para.tracked] if lead else para.tracked:
                    if kind == "=":
                        p.add_run(words)
                    else:
                        p._p.append(tracked(kind, words, rid, AUTHOR, WHEN))
                        rid += 1
            elif para.mark:
                p._p.append(tracked(para.mark, lead + para.text, rid, AUTHOR, WHEN))
                rid += 1
            else:
                p.add_run(lead + para.text)
    document.save(str(path))


def shown(para: Para) -> str:
    """The words Word shows with every tracked change accepted."""
    if para.mark == "-":
        return ""
    if para.tracked:
        return "".join(words for kind, words in para.tracked if kind != "-")
    return para.text


def find(sections: list[Section], number: str) -> tuple[Section, int]:
    for section in sections:
        for i, para in enumerate(section.paras):
            if para.number == number:
                return section, i
    raise AssertionError(f"test setup: no paragraph {number}")


def section(sections: list[Section], number: str) -> Section:
    return next(s for s in sections if s.number == number)


# ---- The three revisions, each with its gold: the redline's rows (kind, ID, old
# number, new number), written before the import was run. Every paragraph not named
# keeps its ID; a paragraph added is "new". A paragraph added at a section's end takes
# the number typed on it when no paragraph has had it (insert numbering's rule for a
# paragraph never adopted: the number printed in the document it came from, if free);
# the blind gold had lettered it (17.9A, 3.6A), which is the rule only for a number
# taken or none.


def revision_a(sections: list[Section]) -> tuple[set[tuple[str, str, str, str]], dict[str, str]]:
    """Retype a sentence, move a paragraph to another section, insert one numbered by
    hand, delete one, change a heading."""
    s, i = find(sections, "3.2")  # retyped
    s.paras[i].text = (
        "Members and officers must treat one another with courtesy and respect at all "
        "times, whether they meet in public, in private, in writing or online."
    )
    s, i = find(sections, "7.5")  # moved to the end of section 10, its number retyped
    moved = s.paras.pop(i)
    moved.number = "10.6"
    section(sections, "10").paras.append(moved)
    section(sections, "7").paras.append(
        Para(
            "7.7A",
            "A member must not ask an officer to act on a matter in which the member has "
            "a personal interest without first declaring that interest to the officer.",
            "new",
        )
    )
    s, i = find(sections, "16.6")  # deleted
    del s.paras[i]
    section(sections, "22").title = "Legal proceedings involving the Council"
    rows = {
        ("reworded", "MOP-0029", "3.2", "3.2"),
        ("moved", "MOP-0064", "7.5", "10.5A"),  # to section 10: moved, not only renumbered
        ("inserted", "NEW", "", "7.7A"),
        ("revoked", "MOP-0142", "16.6", ""),
    }
    return rows, {"22": "Legal proceedings involving the Council"}


def revision_b(sections: list[Section]) -> tuple[set[tuple[str, str, str, str]], dict[str, str]]:
    """Split a paragraph into two, merge two, delete one and renumber its section by
    hand, insert one numbered by Word's numbering and renumber that section by hand."""
    s, i = find(sections, "17.9")
    s.paras[i].text = (
        "Where a member's enquiries would need a disproportionate amount of officer time, "
        "the Chief Officer may discuss with the member how to prioritise them."
    )
    s.paras.insert(
        i + 1,
        Para(
            "17.10",
            "The Chief Officer may refer the matter to the member's group leader.",
            "new",
        ),
    )
    s, i = find(sections, "22.3")  # 22.4 merged into 22.3
    s.paras[i].text = (
        "Such a member must not discuss the proceedings with the officers conducting "
        "them, except through the Council's legal representatives, and must withdraw "
        "from any meeting while the proceedings are discussed."
    )
    del s.paras[i + 1]
    s, i = find(sections, "10.3")  # deleted; 10.4 and 10.5 renumbered by hand
    del s.paras[i]
    for para in s.paras[i:]:
        para.number = f"10.{int(para.number.split('.')[1]) - 1}"
    s, i = find(sections, "25.2")  # inserted with Word's numbering; 25.3, 25.4 retyped
    s.paras.insert(
        i + 1,
        Para(
            "25.3",
            "The Monitoring Officer must keep a register of the amendments proposed under "
            "this protocol and report it to the Standards Committee once a year.",
            "new",
            word_numbered=True,
        ),
    )
    for para in s.paras[i + 2 :]:
        para.number = f"25.{int(para.number.split('.')[1]) + 1}"
    rows = {
        ("reworded", "MOP-0151", "17.9", "17.9"),
        ("inserted", "NEW", "", "17.10"),  # as typed: free
        ("reworded", "MOP-0185", "22.3", "22.3"),
        ("revoked", "MOP-0186", "22.4", ""),
        ("revoked", "MOP-0087", "10.3", ""),
        ("inserted", "NEW", "", "25.2A"),
    }
    return rows, {}


def revision_c(sections: list[Section]) -> tuple[set[tuple[str, str, str, str]], dict[str, str]]:
    """Changes left tracked (a word replaced, a paragraph inserted, one deleted, a
    heading retitled) beside one made with tracking off."""
    s, i = find(sections, "1.3")  # tracking off
    s.paras[i].text += " Officers must draw it to the attention of the staff they manage."
    s, i = find(sections, "16.2")
    s.paras[i].tracked = [
        ("=", "A letter or email that creates an obligation for the Council, or gives a "
         "decision on its behalf, must "),
        ("-", "never"),
        ("+", "not"),
        ("=", " be sent in the name of a member. It must be sent by an officer, in the "
         "officer's name."),
    ]  # fmt: skip
    s, i = find(sections, "3.6")
    s.paras.insert(
        i + 1,
        Para(
            "3.7",
            "A member or officer who sees another act against this protocol should tell "
            "the Monitoring Officer.",
            "new",
            mark="+",
        ),
    )
    s, i = find(sections, "25.3")
    s.paras[i].mark = "-"
    section(sections, "16").tracked_title = ("Correspondence", "Letters and emails")
    rows = {
        ("reworded", "MOP-0003", "1.3", "1.3"),
        ("reworded", "MOP-0138", "16.2", "16.2"),
        ("inserted", "NEW", "", "3.7"),  # as typed: free
        ("revoked", "MOP-0206", "25.3", ""),
    }
    return rows, {"16": "Letters and emails"}


def git(project: Project, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=project.root, check=True, capture_output=True)
    return done.stdout.decode()


@pytest.fixture
def committed(versioned: Project) -> Project:
    """The model project with its adopted versions, its draft committed: the redline's base."""
    git(versioned, "init", "-q")
    git(versioned, "add", "-A")
    git(versioned, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return versioned


def round_trip(project: Project, sections: list[Section]) -> list[dict[str, str]]:
    """Write the Word file, import it as a revision; the report's paragraphs, in order."""
    path = project.root / "revised.docx"
    write_docx(sections, path)
    result = run(
        project, "import", "revised.docx", "--out", "protocol", "--force", "--revision",
        "--report-json", "revised.json",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((project.root / "revised.json").read_text(encoding="utf-8"))
    (project.root / "revised.json").unlink()
    path.unlink()
    return [c for s in report["sections"] for c in s["clauses"]]


def redline(project: Project, form: str) -> str:
    result = run(project, "redline", "HEAD", "draft", "--format", form)
    assert result.returncode == 0, result.stderr
    return result.stdout


def redline_rows(project: Project, base: set[str]) -> dict[str, set[tuple[str, str, str, str]]]:
    """The redline's rows in each format, a new paragraph's ID written "NEW"."""

    def named(key: str) -> str:
        return key if key in base else "NEW"

    data = json.loads(redline(project, "json"))
    rows = {"json": {(c["kind"], named(c["id"]), c["old_number"] or "", c["new_number"] or "")
                     for c in data["changes"]}}  # fmt: skip
    table, head = [], ""
    for line in redline(project, "markdown").splitlines():
        if line.startswith("| ") and line.split("|")[1].strip() in ("Clause", "Old number"):
            head = line.split("|")[1].strip()  # the paragraphs' table, or the headings'
        elif line.startswith("| ") and head == "Clause":
            table.append(line.strip("|").split("|"))
    rows["markdown"] = {(kind_of(kind), named(key.strip()), old.strip().strip("-"),
                         new.strip().strip("-")) for key, old, new, kind in table}  # fmt: skip
    rows["text"] = set()
    for line in redline(project, "text").splitlines():
        if line.startswith("Renumbered only"):  # "...: paragraph 7.5 -> 10.5A, ...", no IDs
            for pair in line.partition(": ")[2].split(", "):
                old, new = pair.removeprefix("paragraph ").split(" -> ")
                rows["text"].add(("renumbered", "", old, new))
        elif line[:1].isalnum() and "->" in line and not line.startswith("Heading "):
            words = line.split()
            arrow = words.index("->")
            after = words[arrow + 1 :]  # "paragraph 10.5A moved from ...", or "- revoked"
            after = after[1:] if after[0] == "paragraph" else after
            old, new = words[arrow - 1].strip("-"), after[0].strip("-")
            rows["text"].add((kind_of(" ".join(after[1:])), named(words[0]), old, new))
    return rows


def kind_of(said: str) -> str:
    """A change's kind from the words a table gives it ("moved from section 7 (...) to
    section 10 (...)" is a move)."""
    return said.strip().partition(" from ")[0]


def report_rows(project: Project, base: set[str]) -> set[tuple[str, str, str, str]]:
    """The rows of the committee report's tables (its Word file), as the redline's."""
    result = run(project, "report", "HEAD", "draft", "--out", "report")
    assert result.returncode == 0, result.stderr
    word = docx.Document(str(project.root / "report" / "changes.docx"))
    rows = [
        [cell.text for cell in row.cells]
        for table in word.tables
        if table.rows[0].cells[0].text == "Paragraph"  # not the headings' table
        for row in table.rows
    ]
    return {
        (kind_of(kind), key if key in base else "NEW", old.strip("-"), new.strip("-"))
        for key, old, new, kind in rows
        if key != "Paragraph"
    }


def scores(got: list[str], gold: list[str]) -> tuple[float, float]:
    """Precision: the share of IDs kept that are right; recall: the share of the
    paragraphs that should keep their ID that did."""
    kept = [(g, w) for g, w in zip(got, gold, strict=True) if g != "new"]
    should = [(g, w) for g, w in zip(got, gold, strict=True) if w != "new"]
    precision = sum(g == w for g, w in kept) / len(kept) if kept else 1.0
    recall = sum(g == w for g, w in should) / len(should) if should else 1.0
    return precision, recall


def test_an_export_imported_with_no_edit_changes_nothing(committed: Project) -> None:
    before = draft_myst(committed)
    paras = round_trip(committed, exported(committed))
    assert [c["id"] for c in paras] == list(before)
    assert json.loads(redline(committed, "json"))["changes"] == []
    assert "No clause is inserted, reworded, revoked or renumbered." in redline(committed, "text")
    assert draft_myst(committed) == before  # the roles and emphasis of every paragraph kept
    assert git(committed, "status", "--porcelain") == ""


@pytest.mark.parametrize("revise", [revision_a, revision_b, revision_c])
def test_a_revision_drafted_in_word_shows_exactly_its_changes(
    committed: Project, revise: Callable[[list[Section]], tuple[set[Row], dict[str, str]]]
) -> None:
    base = draft_myst(committed)
    sections = exported(committed)
    gold_rows, titles = revise(sections)
    paras = round_trip(committed, sections)
    shown_paras = [p for s in sections for p in s.paras if p.mark != "-"]
    gold = [p.gold for p in shown_paras]
    got = [c["id"] if c["id"] in base else "new" for c in paras]
    precision, recall = scores(got, gold) if len(got) == len(gold) else (0.0, 0.0)
    print(f"{revise.__name__}: precision {precision:.1%}, recall {recall:.1%}")
    assert got == gold
    for form, rows in redline_rows(committed, set(base)).items():
        # the text's list of paragraphs only renumbered names them by number alone
        anonymous = form == "text"
        assert rows == {(k, "" if anonymous and k == "renumbered" else key, old, new)
                        for k, key, old, new in gold_rows}, form  # fmt: skip
    assert report_rows(committed, set(base)) == gold_rows  # the committee's Word report
    after = draft_myst(committed)
    edited = {key for kind, key, _, _ in gold_rows if kind == "reworded"}
    # the paragraphs not edited in Word keep their words as written, roles and all
    for key, words in after.items():
        assert key not in base or key in edited or words == base[key], key
    draft = Project(committed.root).document()
    assert [plain(c.tree, draft) for c in draft.clauses()] == [shown(p) for p in shown_paras]
    now = {s.number: s.title for s in draft.sections}
    for number, title in titles.items():
        assert now[number] == title
    retitled = json.loads(redline(committed, "json")).get("headings", [])
    assert {(h["kind"], h["new_number"], h["new_title"]) for h in retitled} == {
        ("retitled", number, title) for number, title in titles.items()
    }


def test_a_paragraph_reworded_in_word_keeps_its_marks_over_words_kept(
    committed: Project,
) -> None:
    """Word shows a defined term as its words only: rewording a paragraph must not
    unlink the terms the revision left as they were."""
    sections = exported(committed)
    s, i = find(sections, "1.1")
    s.paras[i].text = s.paras[i].text.replace("Good government", "Sound government")
    s, i = find(sections, "1.4")
    s.paras[i].text = s.paras[i].text.replace("is to be told", "must be told")
    round_trip(committed, sections)
    assert redline_rows(committed, set(draft_myst(committed)))["json"] == {
        ("reworded", "MOP-0001", "1.1", "1.1"),
        ("reworded", "MOP-0004", "1.4", "1.4"),
    }
    after = draft_myst(committed)
    assert after["MOP-0001"].startswith(
        "Sound government in Kestrelford depends on {defined}`members <member>` and "
        "{defined}`officers <officer>` trusting one another"
    )
    assert "the {defined}`Monitoring Officer` must be told" in after["MOP-0004"]


def test_a_mark_over_words_the_revision_changed_is_not_kept() -> None:
    old = parse("A {defined}`member enquiry` goes to *the officer* named.")
    new = parse("A member question goes to the officer named.")
    kept = kept_marks(old, new, Project(ROOTS / "model").document())
    assert write_myst(kept) == "A member question goes to *the officer* named."
