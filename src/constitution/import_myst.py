"""An imported protocol written as MyST pages: each section's page with its
paragraphs' permanent IDs, cross-references linked, words between paragraphs kept where
they stand, and appendices on request.

Apart from reading the protocol so that writing can be tested on a document built by
hand, and reused when a revision is imported over the current text (import_revision).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from constitution import capitals
from constitution.capitals import out_of_capitals
from constitution.clause_fields import REVIEW_TAG, clause_options
from constitution.extract_lines import Line
from constitution.import_defects import cited, number_style, says_number
from constitution.import_markup import inlines
from constitution.import_model import Defect, Imported, ImportedClause, ImportedSection, Text
from constitution.import_numbered_part import part_number, titled_part
from constitution.import_revision import (
    Revised,
    kept_words,
    match_revision,
    revised_words,
    same_words,
)
from constitution.import_shapes import NUMBERED, heading_level
from constitution.import_slugs import slugify
from constitution.modality import guess_lead_in, guess_modality
from constitution.model import MAX_CLAUSE, Between
from constitution.numbering import split
from constitution.problems import Problem, ProtocolError
from constitution.references import Forms, Targets, Unresolved, forms_elsewhere, link
from constitution.source import revoked_line
from constitution.text_myst import escape
from constitution.text_myst import write as write_myst
from constitution.text_tree import (
    ITEM_LABEL,
    Block,
    BulletList,
    Inline,
    Paragraph,
    Ref,
    Strong,
    parse,
    role_target,
)

# ---------------------------------------------------------------- writing MyST


# A reference link() found: {para}`3.1 <ID>`. No other backtick is left in the words (clean()).
FOUND = re.compile(r"\{para\}`([^`]+)`")


def words_tree(text: str) -> tuple[Inline, ...]:
    """The words, with the references link() found as references by ID."""
    parts = FOUND.split(text)
    return tuple(
        node
        for odd, part in ((i % 2 == 1, part) for i, part in enumerate(parts))
        if part
        for node in ((Ref(*role_target(part)),) if odd else inlines(part))
    )


def body(
    words: Text,
    targets: Targets,
    local: dict[str, str],
    itself: str = "",
    items: dict[str, ImportedClause] | None = None,
) -> tuple[str, list[Defect]]:
    """A clause's (or an introduction's) words as MyST, written from their tree by the one
    writer, and the references in them left as text; ``local`` maps its section's "(4)"
    and "(b)" to IDs; ``itself`` is the clause's own ID; ``items``, the paragraphs above
    it holding each lettered item it does not (ItemsAbove)."""

    def within(letter: str) -> bool:  # "(b)" names an item of these very words
        return any(re.match(rf"- \(?{re.escape(letter)}[.)]", p) for p in words.paragraphs)

    defects: list[Defect] = []

    def linked(text: str, line: Line) -> str:
        found, unresolved = link(text, targets, local.get, within, itself)
        defects.extend(item_reference(u, items or {}, line) for u in unresolved)
        return found

    return as_myst(words, linked), defects


ITEM_LETTER = re.compile(r"- \(?([a-z]{1,4})[.)]")


class ItemsAbove:
    """The lettered items of a section's paragraphs so far, each letter the latest
    paragraph's that holds it: "(b) above" in a paragraph holding no item (b), in a
    section whose paragraphs are not lettered, is that paragraph's item (b). An item has
    no ID, and linking its paragraph would print that paragraph's number for "(b)", so
    the reference is kept as text and listed, naming the paragraph."""

    def __init__(self, paragraphs: dict[str, str]) -> None:
        self.paragraphs = paragraphs  # the section's own "(4)", "(b)": those first
        self.held: dict[str, ImportedClause] = {}

    def add(self, clause: ImportedClause) -> None:
        self.held.update(dict.fromkeys(letters(clause), clause))

    def above(self, clause: ImportedClause) -> dict[str, ImportedClause]:
        own = letters(clause)
        return {k: v for k, v in self.held.items() if k not in own and k not in self.paragraphs}


def item_reference(found: Unresolved, items: dict[str, ImportedClause], line: Line) -> Defect:
    """The report of a reference left as text: one naming no paragraph but a lettered
    item of one above ("(b) above") names that paragraph."""
    held = items.get(found.number.strip("()")) if found.kind == "missing-reference" else None
    if held is None:
        return Defect(found.kind, found.number, line, found.message)
    return Defect(
        "item-reference",
        found.number,
        line,
        f"'{found.text}' names the item {found.number} of paragraph {held.number} at "
        f"{held.where.where}, which has no ID of its own; kept as text (linked, it would "
        f"print {held.number}): write {{para}}`{held.id}` beside it if it should follow "
        "that paragraph.",
    )


def letters(clause: ImportedClause) -> set[str]:
    return {m[1] for p in clause.paragraphs if (m := ITEM_LETTER.match(p))}


def as_myst(words: Text, linked: Callable[[str, Line], str]) -> str:
    """Paragraphs as MyST, a run of "- " items one list, each paragraph's words as
    ``linked`` gives them (with the references it found)."""
    blocks: list[Block] = []
    levels: list[str] = []  # the label kind of each list the last item is in, outermost first
    for n, (paragraph, line) in enumerate(zip(words.paragraphs, words.lines, strict=True)):
        if n in words.titles:
            # A heading over the words: in bold, since an introduction holds paragraphs
            # and lists only, and every output (site, PDF, data) shows bold.
            blocks.append(Paragraph((Strong(inlines(paragraph)),)))
            continue
        item = paragraph.startswith("- ")
        block = Paragraph(words_tree(linked(paragraph[2:] if item else paragraph, line)))
        if not item:
            blocks.append(block)
            levels = []
        elif blocks and isinstance(blocks[-1], BulletList):
            before = words.paragraphs[n - 1][2:]  # the item before, at whatever depth
            kind = label_kind(paragraph[2:], before)
            if kind != levels[-1] and kind in levels:  # back out to the list of its kind
                del levels[levels.index(kind) + 1 :]
            elif kind != levels[-1] and before.rstrip().endswith(":"):
                levels.append(kind)  # items the item before leads in to: its own list
            blocks[-1] = nested(blocks[-1], block, len(levels) - 1)
        else:
            blocks.append(BulletList(((block,),)))
            levels = [label_kind(paragraph[2:])]
    return write_myst(tuple(blocks))


def label_kind(item: str, before: str = "") -> str:
    """What labels an item: "letter" ("(a)", "b."), "roman" ("(ii)"), "number" ("(3)"), or
    "" (a bullet, or none); in capitals ("(A)", "(II)"), a kind of its own ("capital
    letter"), as a list lettered in capitals holds one lettered in small ones. "(i)" is a
    letter after "(h)", as "(v)" after "(u)" and "(x)" after "(w)" (``before``: the words
    of the item before it)."""
    label = ITEM_LABEL.match(item)
    if not label:
        return ""
    text = label.group(1)
    if text.isdigit():
        return "number"
    previous = ITEM_LABEL.match(before)
    follows = previous and len(text) == 1 and ord(text) == ord(previous.group(1)[-1]) + 1
    kind = "roman" if re.fullmatch("[ivx]+", text.lower()) and not follows else "letter"
    return f"capital {kind}" if text.isupper() else kind


def nested(lists: BulletList, block: Paragraph, depth: int) -> BulletList:
    """The list with ``block`` added as an item ``depth`` lists down its last items."""
    if depth == 0:
        return BulletList((*lists.items, (block,)))
    *before, last = lists.items
    inner = last[-1]
    if isinstance(inner, BulletList):
        return BulletList((*before, (*last[:-1], nested(inner, block, depth - 1))))
    return BulletList((*before, (*last, BulletList(((block,),)))))


def acronyms(doc: Imported) -> frozenset[str]:
    """The words the document prints in capitals among words that are not ("ICT")."""
    texts = [*doc.intro.paragraphs, *(p for s in doc.sections for p in s.intro.paragraphs)]
    return capitals.acronyms(texts + [p for c in doc.clauses() for p in c.paragraphs])


def appendix_pages(doc: Imported, *, titled: bool = False) -> dict[str, str]:
    """Each appendix left out of the protocol as a page of its own (name -> MyST): its
    heading (with ``titled``, out of capitals, as render writes a section's) and its
    words as printed, for the site's other pages (docs/)."""
    shouted = acronyms(doc)
    return {
        f"{s.slug}.md": "# "
        + escape(out_of_capitals(s.title, shouted) if titled else s.title, False)
        + "\n\n"
        + as_myst(s.intro, lambda text, _: text)
        + "\n"
        for s in doc.appendices
    }


def targets(doc: Imported, forms: Forms) -> Targets:
    """What the document's references can resolve to; ``forms``, the words it and the
    constitution's other documents are cited by."""
    clauses = doc.clauses()
    whole = Counter(c.key for c in clauses if c.style == "int")
    # "3(4)": a paragraph printed so, or printed "(4)" under the section numbered 3
    subsections = [
        (c.number if c.number[0] != "(" else f"{s.number}({c.key})", c.id)
        for s in doc.sections
        for c in s.clauses
        if c.style == "paren" and (c.number[0] != "(" or s.number.isdigit())
    ]
    printed: dict[str, tuple[str, ...]] = {}
    for number, ident in [
        *((c.key, c.id) for c in clauses if c.style in ("dotted", "lettered")),
        *subsections,
    ]:
        printed[number] = (*printed.get(number, ()), ident)
    return Targets(
        dotted={c.key: c.id for c in clauses if c.style == "dotted"},
        # numbered on through the document only: "(4)" restarts in each section
        whole={c.key: c.id for c in clauses if c.style == "int" and whole[c.key] == 1}
        | {c.key: c.id for c in clauses if c.style == "lettered"},
        parts={
            c.number.split("–")[0].strip() for c in clauses if c.number != c.key and "–" in c.number
        },
        sections={
            s.number: (position, s.title)
            for position, s in enumerate(doc.sections, start=1)
            if s.number
        },
        headings={
            sub["num"]: sub["rest"]
            for c in clauses
            for heading in c.headings
            if (sub := NUMBERED.match(heading))
        },
        subsections=dict(subsections),
        twice={number: ids for number, ids in printed.items() if len(ids) > 1},
        part=own_part(doc),
        elsewhere=forms_elsewhere(
            [p for c in clauses for p in (*c.paragraphs, *c.after.paragraphs)],
            own_part(doc),
            forms,
        ),
        afresh={
            section_name(s, n): {c.key: c.id for c in s.clauses if c.style == "int"}
            for n, s in enumerate(doc.sections, start=1)
            if any(c.style == "int" and whole[c.key] > 1 for c in s.clauses)
        },
        forms=forms,
    )


def section_name(section: ImportedSection, position: int) -> str:
    """How a reference names a section: the Part its title names ("PART II – ..." is
    "II"), else its number, else its place."""
    part = re.match(r"(?i)part\s+([IVXLC]{1,6}|[A-Z]|\d{1,2})\b", section.title)
    return part[1].upper() if part else section.number or str(position)


def own_part(doc: Imported) -> str:
    """The Part of the constitution the document is: its title's ("Part 5.3 – Member and
    Officer Relations Protocol"), or the number all its paragraphs' begin with."""
    return titled_part(doc.title) or part_number(doc)


def too_long(number: str, where: Line, size: int) -> Problem:
    return Problem.of(
        "",
        where.line,
        "import-clause-too-long",
        number=number or "unnumbered",
        where=where.where,
        size=size,
        limit=MAX_CLAUSE,
    )


class SubHeadings:
    """A section's sub-headings as MyST, in order: each a level under the section's title
    ('##') for each level its heading stands under the section's in the source (Word's
    Heading 3 under a section's Heading 1: '###'), never more than one below the one
    before it."""

    def __init__(
        self,
        section: ImportedSection,
        standing: tuple[Between, ...] = (),
        current: Revised | None = None,
    ) -> None:
        self.top = depth(section.where)
        self.last = 1
        # in a revision, the draft's sub-headings in its order, and the document they cite
        self.drafted = [b.text for b in standing if b.level]
        self.current = current

    def write(self, text: str, line: Line) -> str:
        here = depth(line)
        below = here - self.top if here and self.top else 1
        self.last = max(2, min(self.last + 1, 1 + below, 6))
        return f"{'#' * self.last} {self.kept(escape(text, False))}\n"

    def kept(self, words: str) -> str:
        """A sub-heading's words as the draft wrote them (its roles and references: Word
        shows them as words), where the next of the draft's sub-headings a reader sees
        the same words in is one; else as Word has them. Those passed over are not
        matched again, so that one written twice keeps each in its order."""
        if self.current is None:
            return words
        document = self.current.document
        for at, was in enumerate(self.drafted):
            if same_words(parse(words), parse(was), document):
                del self.drafted[: at + 1]
                return was
        return words


def depth(line: Line) -> int:
    """A heading's level in the source: Word's outline level, or Markdown's "#"s."""
    return line.level or heading_level(line.text)


def opened(section: ImportedSection) -> tuple[Text, Text]:
    """A section's introduction, and its words from its first sub-heading on, which stand
    before its first paragraph as words between paragraphs (none, if it has no paragraph)."""
    intro = section.intro
    if not (section.clauses and section.heads):
        return intro, Text()
    cut = min(section.heads)
    return (
        Text(paragraphs=intro.paragraphs[:cut], lines=intro.lines[:cut]),
        Text(
            paragraphs=intro.paragraphs[cut:],
            lines=intro.lines[cut:],
            titles={n - cut for n in section.heads},
        ),
    )


def runs_before(standing: tuple[Between, ...], before: str) -> list[str]:
    """The words a draft has between paragraphs before the paragraph ``before`` ("" for
    the section's end), as written, each run of them between two sub-headings one."""
    runs: list[list[str]] = [[]]
    for words in standing:
        if words.before == before:
            if words.level:
                runs.append([])
            else:
                runs[-1].append(words.text)
    return ["\n\n".join(run) for run in runs if run]


def between(
    words: Text,
    targets: Targets,
    local: dict[str, str],
    doc: Imported,
    titles: SubHeadings,
    stood: tuple[list[str], Revised | None] = ([], None),
) -> list[str]:
    """Unnumbered words after a paragraph as MyST, where they stand: each sub-heading as
    one ('## ...'), the words between as an introduction's; in a revision, each run of
    words as the draft wrote the one in its place (``stood``), if their words are the same."""
    parts: list[str] = []
    was, current = stood
    runs = iter(was)
    run = Text()
    for n, (paragraph, line) in enumerate(zip(words.paragraphs, words.lines, strict=True)):
        if n not in words.titles:
            run.paragraphs.append(paragraph)
            run.lines.append(line)
            continue
        if run.paragraphs:
            written = unnumbered(run, targets, local, doc, "words between paragraphs")
            parts.append(kept_words(written, next(runs, ""), current))
            run = Text()
        parts.append(titles.write(paragraph, line))
    if run.paragraphs:
        written = unnumbered(run, targets, local, doc, "words between paragraphs")
        parts.append(kept_words(written, next(runs, ""), current))
    return parts


def unnumbered(
    words: Text,
    targets: Targets,
    local: dict[str, str],
    doc: Imported,
    kept: str = "the introduction",
) -> str:
    """An introduction (or other unnumbered words, ``kept`` as) as MyST, each paragraph
    within the reader's limit."""
    text, unresolved = body(words, targets, local)
    doc.defects += unresolved
    for paragraph, line in zip(words.paragraphs, words.lines, strict=True):
        guess = guess_modality(paragraph)
        if guess.modality != "informative" and guess.confidence != "low":
            doc.defects.append(
                Defect(
                    "rule-in-introduction",
                    "",
                    line,
                    f"the unnumbered paragraph '{paragraph[:50]}' says '{guess.phrases[0]}' "
                    f"but has no number, so it was kept as {kept}; if it states "
                    "a rule, number it in the source, or make it a clause after import.",
                )
            )
    long = [
        too_long("", line, len(p))
        for p, line in zip(words.paragraphs, words.lines, strict=True)
        if len(p) > MAX_CLAUSE
    ]
    if long:
        raise ProtocolError(long)
    return f"{text}\n" if text else ""


def render(
    doc: Imported,
    prefix: str,
    current: Revised | None = None,
    *,
    titled: bool = False,
    forms: Forms | None = None,
) -> dict[str, str]:
    """The MyST files (name -> text) of the imported protocol; with ``current``, a
    revision of the current draft, whose paragraphs keep their IDs (revision.py). With
    ``titled``, a heading printed in capitals is written as a title, as the document's
    own title is written into a council's repository (init, or an import into the
    project's own folder); elsewhere every heading stays as printed. ``forms``: the words
    the document, and the constitution's others, are cited by (references.Forms)."""
    clauses = doc.clauses()
    if current is None:
        for n, clause in enumerate(clauses, start=1):
            clause.id = f"{prefix}-{n:04d}"
    else:
        match_revision(clauses, current, prefix)
    found = targets(doc, forms or Forms())
    shouted = acronyms(doc)
    style = number_style(doc)
    kept = kept_slugs(doc.sections) if current else {}
    before = {s.slug: s for s in current.document.sections} if current else {}
    taken = set(kept.values())
    files = {}
    long: list[Problem] = []
    for n, section in enumerate(doc.sections):
        section.slug = kept.get(n) or slugify(section.title, taken)
        heading = out_of_capitals(section.title, shouted) if titled else section.title
        if n in kept and before[section.slug].title.casefold() == heading.casefold():
            heading = before[section.slug].title  # the draft's, as its council cased it
        parts = [f"# {escape(heading, False)}\n"]
        settings = [
            # nothing else would say the number printed on it: numbering would invent one
            *(
                [f"section-number: {section.number}"]
                if section.number and not says_number(section, style)
                else []
            ),
            *revoked_lines(section, style),
        ]
        if settings:  # directly over the title, as docs/editors.md writes it
            parts[0] = "---\n" + "\n".join(settings) + "\n---\n" + parts[0]
        # Once a section, not once a clause: 1,000 clauses in a section cost a million.
        paren = {c.key: c.id for c in section.clauses if c.style in ("paren", "letter")}
        held = ItemsAbove(paren)
        here = replace(found, current=section_name(section, n + 1))  # a bare number's Part
        former = before[section.slug].intro if n in kept else ""
        standing = before[section.slug].between if n in kept else ()
        titles = SubHeadings(section, standing, current)
        opening, heads = opened(section)
        if intro := kept_words(unnumbered(opening, here, paren, doc), former, current):
            parts.append(intro)  # between the title and the first clause, unnumbered
        if heads.paragraphs:
            stood = (runs_before(standing, section.clauses[0].id), current)
            parts += between(heads, here, paren, doc, titles, stood)
        for k, clause in enumerate(section.clauses):
            clause.guess = guess_lead_in(*clause.own_and_items())
            number = cited(clause, section, style) if clause.number else ""
            was = clause.revises
            if was:  # what the council said of the paragraph stays
                # its number as printed, if the draft numbers it so (never adopted)
                printed = number if was.source_number else ""
                options = clause_options(replace(was, source_number=printed))
            else:
                options = [f":modality: {clause.guess.modality}", f":tags: {REVIEW_TAG}"]
                if number:
                    options.append(f":source-number: {number}")
            words, unresolved = body(clause, here, paren, clause.id, held.above(clause))
            held.add(clause)
            doc.defects += unresolved
            if was and current:
                words = revised_words(clause, words, was, current.document)
            content = "\n".join(options) + f"\n\n{words}\n"
            if len(content) > MAX_CLAUSE:  # the gate would refuse it: write nothing
                long.append(too_long(clause.number, clause.where, len(content)))
            lines = clause.heading_lines or [clause.where] * len(clause.headings)
            parts += map(titles.write, clause.headings, lines)
            parts.append(f"```{{clause}} {clause.id}\n{content}```\n")
            after = section.clauses[k + 1].id if k + 1 < len(section.clauses) else ""
            stood = (runs_before(standing, after), current)
            parts += between(clause.after, here, paren, doc, titles, stood)
        files[f"{section.slug}.md"] = "\n".join(parts)
    if long:
        raise ProtocolError(long)
    toc = "\n".join(s.slug for s in doc.sections)
    title = escape(doc.title or "Protocol on Member/Officer Relations", False)
    intro = unnumbered(doc.intro, found, {}, doc)
    intro = kept_words(intro, current.document.intro, current) if current and intro else intro
    # whole sections printed as revoked, each kept in its place with the words printed
    gone = [revoked_line(n, said, whole=True) or "" for _, n, said in doc.revoked_sections]
    files["index.md"] = (
        ("---\n" + "\n".join(gone) + "\n---\n" if gone else "")
        + f"# {title}\n\n{intro and intro + chr(10)}"
        f"```{{toctree}}\n:numbered: 1\n:maxdepth: 1\n\n{toc}\n```\n"
    )
    return files


def revoked_lines(section: ImportedSection, style: str) -> list[str]:
    """The section's front matter's lines for its numbers printed as revoked, each with
    the words printed in its place, cited in the document's style ("3.3", or 3(3))."""
    lines = []
    for _, numbers, said in section.revoked:
        for number in numbers:
            head, part = split(number, "section.paragraph") or ("", number)
            shown = f"{head}({part})" if style == "paragraph-in-section" else number
            lines.append(revoked_line(shown, said) or "")
    return lines


def kept_slugs(sections: list[ImportedSection]) -> dict[int, str]:
    """With --revision, each section keeps the file, and so the address and the place in
    the numbering, of the current section most of its paragraphs come from (the first
    section to claim it, if several do); the others are named from their titles."""
    kept: dict[int, str] = {}
    for n, section in enumerate(sections):
        came = Counter(c.revises.section for c in section.clauses if c.revises)
        free = [slug for slug, _ in came.most_common() if slug not in kept.values()]
        if free:
            kept[n] = free[0]
    return kept
