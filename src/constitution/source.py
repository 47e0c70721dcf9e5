"""Read protocol/ into the model, without running Sphinx.

The text is tokenised by MyST's own markdown-it configuration and each clause's
options by MyST's own directive parser, so this reads exactly what the Sphinx build
reads. Every problem found is collected and raised together, located by file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from constitution import clause_fields
from constitution.council import Council
from constitution.merge_conflict import conflict_line
from constitution.model import (
    MAX_CLAUSE,
    MODALITIES,
    Across,
    Between,
    Clause,
    Document,
    Revoked,
    RevokedSection,
    Section,
)
from constitution.numbering import PRINTED, in_place, number_key
from constitution.problems import Problem, ProtocolError
from constitution.section_scan import Block, section_tokens
from constitution.text_direct import read
from constitution.text_myst import at_line_start, write
from constitution.text_tree import (
    BLOCKS,
    INLINES,
    ROLES,
    Tree,
    known_cites,
    markdown,
    myst,
    role_target,
    tree_of,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from myst_parser.parsers.directives import ParseWarnings

    Tokens = Sequence[Token | Block]

INDEX = "index.md"
MAX_BYTES = 5_000_000  # far beyond any section; stops a stray 50 MB file being parsed
# The Markdown parser's time grows faster than the count of these (a file of 200,000 '['
# held the gate for 6 s of CPU, and more grows worse); the model's sections hold 19 at
# most, a real protocol's a few dozen.
MARKUP_OPENERS = "[{<"
MAX_OPENERS = 5_000
MAX_OPTION_LINE = 1_000  # a line of keys, such as ':statutes: a, b, c'; the model's longest is 54
# A link goes to a web page, an e-mail address, a place on this page, or another page of
# the site (a MyST file, .md): a relative link to any other file would have Sphinx copy
# that file into the published site as a download.
SAFE_LINK = re.compile(r"^(https?://|mailto:|#|[^:#?]*\.md(#[^:]*)?$)", re.I)
# What a clause ID looks like, whatever its document: a prefix, a hyphen and digits.
ID_SHAPE = re.compile(r"[A-Z][A-Z0-9]{1,9}-\d+")
# A role in MyST: {name}`target` or {name}`shown text <target>`.
ROLE = re.compile(r"\{(?P<name>[a-z][a-z-]*)\}`(?P<body>[^`]+)`")


# The ``clause`` directive's options and how each value is read (clause_fields.py): the
# directive class itself (clause_syntax.py) is docutils', imported only where needed, as
# the gate reads plain options without it.
OPTIONS: dict[str, Callable[[str], Any]] = clause_fields.option_spec()


class ClauseSyntaxError(ValueError):
    """A clause block MyST cannot read (docutils' MarkupError, in its words)."""


# A plain option line: no quotes, brackets, comments or other YAML syntax in the value.
# Key and value are matched apart: one pattern with spaces allowed around and inside the
# value backtracked cubically on a line of spaces (3,200 spaces then '<' took 62 s).
OPTION_KEY = re.compile(r":([a-z-]+):")
PLAIN_VALUE = re.compile(r"[\w ,.()/–-]*")


def plain_option(raw: str) -> tuple[str, str] | None:
    """(key, value) of a plain ':key: value' line, or None; linear in the line's length."""
    m = OPTION_KEY.match(raw)
    if m is None:
        return None
    rest = raw[m.end() :]
    if rest[:1] not in ("", " ") or not PLAIN_VALUE.fullmatch(rest):
        return None
    return m.group(1), rest.strip(" ")


@dataclass(frozen=True)
class ParsedClause:
    """What MyST's directive parser returns, for the parts this module reads."""

    arguments: list[str]
    options: dict[str, Any]
    body: list[str]
    body_offset: int
    warnings: list[ParseWarnings]  # MyST's


def parse_clause_text(first_line: str, content: str, line: int) -> ParsedClause:
    """Parse a clause block as MyST does, quickly when its options are plain.

    MyST's option parser is a general YAML-like tokenizer and dominates the time of
    reading a large protocol. Blocks whose options are all plain ':key: value' lines with
    known keys are read directly; anything else goes to MyST's own parser (imported only
    then: with docutils' directives it was a fifth of the gate's start-up). A test holds
    the two to the same result on every clause of the model protocol.
    """
    lines = content.splitlines()
    options: dict[str, Any] = {}
    count = 0
    for raw in lines:
        option = plain_option(raw)
        if option is None:
            break
        key, value = option
        if key not in OPTIONS or key in options:
            count = -1
            break
        options[key] = OPTIONS[key](value)
        count += 1
    args = first_line.split()
    rest = lines[count:] if count > 0 else []
    if count > 0 and len(args) == 1 and rest and not rest[0].strip():
        return ParsedClause(args, options, rest[1:], count + 1, [])
    from docutils.parsers.rst.states import MarkupError
    from myst_parser.parsers.directives import parse_directive_text

    from constitution.clause_syntax import ClauseSyntax

    try:
        result = parse_directive_text(ClauseSyntax, first_line, content, line=line)
    except MarkupError as exc:
        raise ClauseSyntaxError(str(exc)) from exc
    return ParsedClause(
        result.arguments, result.options, result.body, result.body_offset, result.warnings
    )


@cache
def _markdown() -> MarkdownIt:
    return myst()


# What a section (or the protocol's index) may hold before its first clause, unnumbered:
# paragraphs and bulleted lists. Not a numbered list, which would look like clauses.
INTRO = {"paragraph_open", "bullet_list_open"}
# Mark-up beyond paragraphs, lists and emphasis (a directive, a role, a link, a heading, a
# quote, a table, code, a rule, a target) needs one of these characters, or a line that
# starts so: text without any is words. Two patterns, each found by a fast search (for a
# character of a set; for a line break): one, with '^', tried each of its alternatives at
# every character of every clause, a tenth of the time reading 5,000 of them took.
MARKUP_CHARS = re.compile(r"[`~\[<{#>|]")
MARKUP_LINE = re.compile(r"\n(?: {4}| *(?:[-=*_+] *){3,}$|\(.*\)=)", re.M)


def has_markup(text: str) -> bool:
    return bool(MARKUP_CHARS.search(text) or MARKUP_LINE.search("\n" + text))


def markdown_tokens(text: str) -> list[Token]:
    return _markdown().parse(text)


def toctree_entries(tokens: Tokens) -> list[tuple[str, int]]:
    """The (docname, line) entries of the first toctree, in order."""
    for token in tokens:
        if token.type == "fence" and token.info.strip().startswith("{toctree}"):
            first = (token.map[0] if token.map else 0) + 2
            entries = []
            for offset, raw in enumerate(token.content.splitlines()):
                line = raw.strip()
                if line and not line.startswith(":"):
                    entries.append((role_target(line)[1], first + offset))
            return entries
    return []


Check = tuple[str, int, str, str]  # file, line, clause, target
# a reference's check, and whether it is written "(2)": a paragraph of its own section
RefCheck = tuple[str, int, str, str, bool]
# Sections as last read, by file, with the reference checks they leave for the end: the
# editor's loop (serve.py) reads the protocol again on every save, and most files have not
# changed. Only a section read without a problem is kept, so problems are always reported.
READ_SECTIONS: dict[str, tuple[object, Section, list[RefCheck], list[Check]]] = {}


@dataclass
class _Reader:
    """Parses one protocol directory; accumulates problems as it goes."""

    root: Path
    council: Council
    shown_root: str
    retired: Mapping[str, dt.date]
    # The ID prefixes of the constitution's other documents: a reference to one of their
    # clauses is left for the constitution to check (documents.py).
    others: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.problems: list[Problem] = []
        self.across: list[Across] = []
        self.borrowed: list[Across] = []
        # References are checked once every clause is known: (file, line, clause, target).
        self._pending: list[RefCheck] = []
        self._terms: list[Check] = []

    def problem(self, path: str, line: int, code: str, clause: str = "", **fields: object) -> None:
        self.problems.append(Problem.of(path, line, code, clause, **fields))

    def read_text(self, path: Path, shown: str) -> str | None:
        """The file's text, or None after recording why it cannot be used as it is."""
        try:
            if path.stat().st_size > MAX_BYTES:
                size, limit = path.stat().st_size // 1_000_000, MAX_BYTES // 1_000_000
                self.problem(shown, 0, "file-too-large", size=size, limit=limit)
                return None
            data = path.read_bytes()
        except OSError as exc:
            self.problem(shown, 0, "file-unreadable", error=exc.strerror)
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.problem(shown, line, "not-utf8", offset=exc.start)
            return None
        return text if self.plain_text(text, shown) else None

    def plain_text(self, text: str, shown: str) -> bool:
        """Refuse what editors cannot see but that changes how text is read."""
        faults = []
        if not text.strip():
            faults.append(Problem.of(shown, 1, "file-empty"))
        if text.startswith("\ufeff"):
            faults.append(Problem.of(shown, 1, "byte-order-mark"))
        if "\r" in text:
            faults.append(Problem.of(shown, text[: text.index("\r")].count("\n") + 1, "crlf"))
        if "\t" in text:
            faults.append(Problem.of(shown, text[: text.index("\t")].count("\n") + 1, "tab"))
        if (conflict := conflict_line(text)) is not None:
            faults.append(Problem.of(shown, conflict, "merge-conflict"))
        openers = sum(map(text.count, MARKUP_OPENERS))
        if openers > MAX_OPENERS:
            faults.append(
                Problem.of(
                    shown,
                    0,
                    "file-markup-too-dense",
                    count=openers,
                    openers=MARKUP_OPENERS,
                    limit=MAX_OPENERS,
                )
            )
        self.problems += faults
        return not faults

    def read(self) -> Document:
        index_shown = f"{self.shown_root}/{INDEX}"
        text = self.read_text(self.root / INDEX, index_shown)
        if text is None:
            raise ProtocolError(self.problems)
        scanned = section_tokens(text)  # the usual index: a heading and its toctree
        tokens: Tokens = markdown_tokens(text) if scanned is None else scanned
        title = _first_heading(tokens) or self.council.document
        entries = toctree_entries(tokens)
        gone: tuple[RevokedSection, ...] = ()
        if tokens and tokens[0].type == "front_matter":
            gone = self.index_front_matter(tokens[0].content, index_shown)
        lines = text.splitlines()
        intro = [
            self.intro_block(lines, token.map, index_shown)
            for token in tokens
            if token.level == 0 and token.type in INTRO and token.map
        ]
        if not entries:
            self.problem(index_shown, 1, "no-sections")
        sections = []
        seen: dict[str, int] = {}
        for number, (slug, line) in enumerate(entries, start=1):
            if slug in seen:
                self.problem(index_shown, line, "section-duplicate", slug=slug, first=seen[slug])
                continue
            seen[slug] = line
            path = self.root / f"{slug}.md"
            if not path.is_file():
                self.problem(
                    index_shown, line, "section-missing", slug=slug, folder=self.shown_root
                )
                continue
            section = self.read_section(path, slug, str(number))
            if section:
                sections.append(section)
        self.check_unlisted(seen)
        document = Document(
            title=title,
            sections=tuple(sections),
            intro="\n\n".join(intro),
            revoked_sections=gone,
        )
        self.check_ids(document)
        self.check_references(document)
        if self.problems:
            raise ProtocolError(self.problems)
        if not (self.across or self.borrowed):
            return document
        return replace(document, across=tuple(self.across), borrowed=tuple(self.borrowed))

    def check_unlisted(self, listed: dict[str, int]) -> None:
        for path in sorted(self.root.iterdir()):
            if path.is_file() and path.suffix != ".md" and path.name != "retired.toml":
                self.problem(f"{self.shown_root}/{path.name}", 0, "stray-file")
        for path in sorted(self.root.glob("*.md")):
            if path.name != INDEX and path.stem not in listed:
                index = f"{self.shown_root}/{INDEX}"
                shown = f"{self.shown_root}/{path.name}"
                self.problem(shown, 1, "section-unlisted", slug=path.stem, index=index)

    def read_section(self, path: Path, slug: str, number: str) -> Section | None:
        shown = f"{self.shown_root}/{path.name}"
        text = self.read_text(path, shown)
        if text is None:
            return None
        key = (text, shown, slug, number, self.council)
        kept = READ_SECTIONS.get(str(path))
        if not (kept and kept[0] == key):
            problems, outer = len(self.problems), (self._pending, self._terms)
            self._pending, self._terms = [], []
            section = self.parse_section(text, shown, slug, number)
            kept = (key, section, self._pending, self._terms)
            self._pending, self._terms = outer
            if len(self.problems) == problems:
                READ_SECTIONS[str(path)] = kept
        _, section, pending, terms = kept
        self._pending += pending
        self._terms += terms
        return section

    def parse_section(self, text: str, shown: str, slug: str, number: str) -> Section:
        scanned = section_tokens(text)  # the usual shape, read without markdown-it
        tokens: Tokens = markdown_tokens(text) if scanned is None else scanned
        lines = text.splitlines()
        title = _first_heading(tokens)
        if not title:
            self.problem(shown, 1, "section-title")
        clauses: list[Clause] = []
        intro: list[str] = []
        # Unnumbered words after the introduction, (level, text), each tied to the clause
        # read next (model.Between): a sub-heading ends the introduction.
        waiting: list[tuple[int, str]] = []
        between: list[Between] = []
        printed = ""
        title_at = _first_heading_at(tokens)
        revoked: tuple[Revoked, ...] = ()
        for i, token in enumerate(tokens):
            line = (token.map[0] + 1) if token.map else 0
            if token.level != 0 or token.type in {"heading_close", "inline"}:
                continue
            if token.type == "front_matter" and i == 0:
                printed, revoked = self.front_matter(token.content, shown)
                continue
            if token.type == "heading_open":
                if i != title_at:
                    waiting.append(self.sub_heading(token, tokens[i + 1], shown, line))
                continue
            if token.type in INTRO and token.map:
                # Plain words: the introduction before the first clause or sub-heading,
                # words between paragraphs after it.
                words = self.intro_block(lines, token.map, shown)
                (waiting.append((0, words)) if clauses or waiting else intro.append(words))
                continue
            if token.type == "fence" and token.info.strip().startswith("{clause}"):
                if not _closed(token, lines):
                    self.problem(shown, line, "clause-unclosed", fence=token.markup)
                    continue
                clause = self.read_clause(token, shown, slug, f"{number}.{len(clauses) + 1}")
                if clause:
                    clauses.append(clause)
                    between += [Between(clause.id, text, level) for level, text in waiting]
                    waiting = []
                continue
            if token.type.endswith("_close") or _is_comment(tokens, i):
                continue
            self.problem(shown, line, "text-outside-clause")
        between += [Between("", text, level) for level, text in waiting]
        intro_text = "\n\n".join(intro)
        given = {r.number for r in revoked}
        for c in clauses:
            if c.source_number.upper() in given:
                number = c.source_number.upper()
                self.problem(shown, c.line, "revoked-number-given", c.id, number=number)
        return Section(
            slug,
            number,
            title or slug,
            shown,
            tuple(clauses),
            intro_text,
            revoked=revoked,
            printed=printed,
            between=tuple(between),
        )

    def sub_heading(
        self, opened: Token | Block, words: Token | Block, shown: str, line: int
    ) -> tuple[int, str]:
        """A sub-heading's level and words, held to an introduction's rules; a second
        title ('#') is refused: the page would have two."""
        level = int(opened.tag[1:])
        if level == 1:
            self.problem(shown, line, "section-second-title")
        text = at_line_start(words.content.strip())
        return level, self.unnumbered(text, line, shown)

    def front_matter(self, text: str, shown: str) -> tuple[str, tuple[Revoked, ...]]:
        """The number printed on the section, and the numbers printed as revoked in its
        place in the document it was imported from, each with the words printed there
        (kept in place by insert numbering, never given again): a setting a line."""
        printed = ""

        def section_number(said: str) -> bool:
            nonlocal printed
            if (found := SECTION_NUMBER.fullmatch(said)) and not printed:
                printed = found[1]
                return True
            return False

        places, refused = self.revoked_places(text, shown, REVOKED_LINE, section_number)
        for line, said in refused:
            self.problem(shown, line, "section-front-matter", said=said)
        return printed, tuple(Revoked(number, "", words) for number, words in places)

    def index_front_matter(self, text: str, shown: str) -> tuple[RevokedSection, ...]:
        """The section numbers the document imported printed as revoked, each with the
        words printed in its place (kept in place by insert numbering, never given again):
        a line each. Such a section never had a page here: no slug, no title."""
        places, refused = self.revoked_places(
            text, shown, REVOKED_SECTION_LINE, lambda said: False, "section "
        )
        for line, said in refused:
            self.problem(shown, line, "index-front-matter", said=said)
        return tuple(RevokedSection(number, "", "", words) for number, words in places)

    def revoked_places(
        self,
        text: str,
        shown: str,
        pattern: re.Pattern[str],
        other: Callable[[str], bool],
        named: str = "",
    ) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
        """Front matter's numbers printed as revoked, (number, the words printed), in
        number order, each once; and the lines that ``other`` does not take either, (line,
        what it says), for the caller to refuse."""
        found: dict[str, tuple[str, int]] = {}
        refused: list[tuple[int, str]] = [] if text.strip() else [(1, "nothing")]
        for offset, raw in enumerate(text.splitlines()):
            line, said = offset + 2, raw.strip()  # after the opening '---'
            if not said or other(said):
                continue
            if place := pattern.fullmatch(said):
                number = place["number"].upper()  # 7.12a is 7.12A
                if number in found:
                    first = found[number][1]
                    self.problem(
                        shown, line, "revoked-number-twice", number=named + number, first=first
                    )
                found.setdefault(number, (place["plain"] or place["quoted"], line))
            else:
                refused.append((line, said[:80]))
        places = [
            (n, words) for n, (words, _) in sorted(found.items(), key=lambda f: number_key(f[0]))
        ]
        return places, refused

    def intro_block(self, lines: list[str], span: list[int], shown: str) -> str:
        """An introduction's paragraph or list as written, held to a clause's rules: no
        directives, raw HTML, images, unsafe links or roles other than ours."""
        text = "\n".join(lines[span[0] : span[1]]).strip("\n")
        return self.unnumbered(text, span[0] + 1, shown)

    def unnumbered(self, text: str, first: int, shown: str) -> str:
        """Unnumbered words (an introduction's, or between paragraphs) beginning at line
        ``first``, held to a clause's rules; "" if they cannot be used."""
        if len(text) > MAX_CLAUSE:
            self.problem(shown, first, "intro-too-long", size=len(text), limit=MAX_CLAUSE)
            return ""
        for offset, raw in enumerate(text.splitlines()):
            for m in ROLE.finditer(raw):
                self.check_role(m, shown, first + offset, "")
        self.check_safe(text, shown, first, "")
        return text

    def too_large(self, content: str, shown: str, line: int, clause_id: str) -> bool:
        """Refuse a clause, or an option line, beyond any real one before parsing it."""
        if len(content) > MAX_CLAUSE:
            size = len(content)
            self.problem(shown, line, "clause-too-long", clause_id, size=size, limit=MAX_CLAUSE)
            return True
        for offset, raw in enumerate(content.split("\n")):
            if not raw.strip():
                break  # the options end at the first blank line
            if len(raw) > MAX_OPTION_LINE and raw.startswith(":"):
                self.problem(
                    shown,
                    line + 1 + offset,
                    "clause-option-too-long",
                    clause_id,
                    size=len(raw),
                    limit=MAX_OPTION_LINE,
                )
                return True
        return False

    def read_clause(
        self, token: Token | Block, shown: str, slug: str, number: str
    ) -> Clause | None:
        line = (token.map[0] + 1) if token.map else 0
        first_line = token.info.strip()[len("{clause}") :].strip()
        if self.too_large(token.content, shown, line, first_line.split(" ")[0]):
            return None
        try:
            parsed = parse_clause_text(first_line, token.content, line)
        except ClauseSyntaxError as exc:
            clause_id = first_line.split()[0] if first_line else ""
            self.problem(shown, line, "clause-syntax", clause_id, error=exc)
            return None
        clause_id = parsed.arguments[0]
        for warning in parsed.warnings:
            where = warning.lineno or line
            allowed = ", ".join(OPTIONS)
            self.problem(
                shown, where, "clause-option", clause_id, error=warning.msg, options=allowed
            )
        if not self.council.id_pattern.fullmatch(clause_id):
            prefix = self.council.id_prefix
            self.problem(shown, line, "clause-id-malformed", clause_id, prefix=prefix)
        options = parsed.options

        def option_line(option: str) -> int:  # found only for a problem's line
            return _option_lines(token.content, line).get(option, line)

        modality = options.get("modality", "")
        if modality not in MODALITIES:
            self.problem(
                shown,
                option_line("modality"),
                "clause-modality" if modality else "clause-modality-missing",
                clause_id,
                modality=modality,
                modalities=", ".join(MODALITIES),
            )
        for role in options.get("applies-to", []):
            if role not in self.council.roles:
                where = option_line("applies-to")
                self.problem(shown, where, "unknown-role", clause_id, role=role)
        for key in options.get("statutes", []):
            if key not in self.council.statutes:
                where = option_line("statutes")
                self.problem(shown, where, "unknown-statute", clause_id, key=key)
        text = "\n".join(parsed.body).strip("\n")
        if not text.strip():
            self.problem(shown, line, "clause-empty", clause_id)
        body_line = line + 1 + parsed.body_offset
        for offset, body_text in enumerate(parsed.body):
            for m in ROLE.finditer(body_text):
                self.check_role(m, shown, body_line + offset, clause_id)
        tree = self.check_safe(text, shown, body_line, clause_id)
        return Clause(
            id=clause_id,
            number=number,
            text=text,
            section=slug,
            path=shown,
            line=line,
            cites=known_cites(text, tree),
            **clause_fields.from_options(options),
        )

    def check_role(self, m: re.Match[str], shown: str, line: int, clause_id: str) -> None:
        name, (words, target) = m.group("name"), role_target(m.group("body"))
        if name == "para":
            # written "(2)", it reads as a paragraph of the citing one's own section
            local = words != target and words.startswith("(")
            self._pending.append((shown, line, clause_id, target, local))
        elif name == "statute" and target not in self.council.statutes:
            self.problem(shown, line, "unknown-statute", clause_id, key=target)
        elif name == "defined":
            self._terms.append((shown, line, clause_id, target))

    def check_safe(self, text: str, shown: str, first: int, clause_id: str) -> Tree:
        """A clause holds words, lists, emphasis, links and our roles; nothing that could run
        script or pull in other files (no nested directives, other roles or unsafe links), nor
        mark-up the tree cannot hold. The tree of the words, read from the same tokens."""
        if not has_markup(text):
            return ()  # words alone: no role, so no reference
        direct = read(text)
        if direct is not None:
            return direct  # paragraphs of words and our roles: nothing to refuse
        refused = False  # one problem for the first mark-up refused, not one a token
        tokens = markdown().parse(text)
        for token in tokens:
            line = first + (token.map[0] if token.map else 0)
            kind = token.type.removesuffix("_open").removesuffix("_close")
            if token.type == "fence" and token.info.strip().startswith("{"):
                directive = token.info.split()[0]
                self.problem(shown, line, "clause-directive", clause_id, directive=directive)
            elif kind not in BLOCKS and not refused:
                refused = True
                self.markup(kind, shown, line, clause_id)
            for child in token.children or []:
                inline = child.type.removesuffix("_open").removesuffix("_close")
                if inline not in INLINES and inline != "image" and not refused:
                    refused = True
                    self.markup(inline, shown, line, clause_id)
                if child.type == "myst_role" and child.meta.get("name") not in ROLES:
                    role = child.meta.get("name")
                    self.problem(shown, line, "clause-role", clause_id, role=role)
                if child.type == "image":
                    src = str(child.attrs.get("src", ""))[:60]
                    self.problem(shown, line, "clause-image", clause_id, src=src)
                href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
                if href and not SAFE_LINK.match(href):
                    self.problem(shown, line, "unsafe-link", clause_id, href=href[:60])
        return tree_of(tokens)

    def markup(self, kind: str, shown: str, line: int, clause_id: str) -> None:
        what = MARKUP_NAMES.get(kind, kind)
        self.problem(shown, line, "clause-markup", clause_id, what=what)

    def check_ids(self, document: Document) -> None:
        first: dict[str, Clause] = {}
        for clause in document.clauses():
            if clause.id in self.retired:
                revoked = self.retired[clause.id]
                self.problem(clause.path, clause.line, "id-reused", clause.id, revoked=revoked)
            if clause.id in first:
                other = first[clause.id]
                first_at = f"{other.path}:{other.line}"
                self.problem(
                    clause.path, clause.line, "clause-duplicate-id", clause.id, first=first_at
                )
            else:
                first[clause.id] = clause

    def check_references(self, document: Document) -> None:
        for shown, line, clause_id, target, local in self._pending:
            prefix = target.rpartition("-")[0]
            if prefix in self.others:
                self.across.append(Across(shown, line, clause_id, target))
                continue
            citing, cited = document.clause(clause_id), document.clause(target)
            if local and cited and (not citing or citing.section != cited.section):
                self.problem(shown, line, "para-local-elsewhere", clause_id, target=target)
            if target == clause_id:
                self.problem(shown, line, "cites-itself", clause_id)
            elif target in self.retired and document.clause(target) is None:
                revoked = self.retired[target]
                self.problem(
                    shown, line, "cites-revoked", clause_id, target=target, revoked=revoked
                )
            elif (
                document.clause(target) is None
                and ID_SHAPE.fullmatch(target)
                and (prefix != self.council.id_prefix)
            ):
                known = ", ".join([self.council.id_prefix, *sorted(self.others)])
                self.problem(
                    shown,
                    line,
                    "unknown-prefix-ref",
                    clause_id,
                    target=target,
                    prefix=prefix,
                    known=known,
                )
            elif document.clause(target) is None:
                self.problem(shown, line, "unknown-clause-ref", clause_id, target=target)
        for shown, line, clause_id, term in self._terms:
            if document.definition(term) is not None:
                continue
            if self.others:  # the constitution's definitions are shared: left for it
                self.borrowed.append(Across(shown, line, clause_id, term))
            else:
                self.problem(shown, line, "unknown-term", clause_id, term=term)


# What the reader calls the mark-up the gate refuses, by markdown-it's name.
MARKUP_NAMES = {
    "heading": "a heading",
    "blockquote": "a quotation block",
    "code_block": "a block of code",
    "fence": "a block of code",
    "hr": "a horizontal rule",
    "table": "a table",
    "myst_target": "a target",
    "myst_block_break": "a block break",
    "footnote_ref": "a footnote",
    "footnote_block": "a footnote",
    "front_matter": "front matter",
}


SECTION_NUMBER = re.compile(r"section-number:\s*[\"']?([0-9A-Za-z]{1,8})[\"']?")
# A number printed as revoked and the words printed in its place: plain words as YAML
# reads them as words (MyST reads the front matter as YAML too), else in double quotes.
REVOKED_WORDS = r"(?:(?P<plain>[A-Za-z0-9(][^:#\[\]{}\"]{0,199})|\"(?P<quoted>[^\"\\]{1,200})\")"
REVOKED_LINE = re.compile(rf"revoked\s+(?P<number>{PRINTED.pattern}):\s*" + REVOKED_WORDS)

# A section number printed as revoked ("6 [Revoked]") and the words printed in its place
REVOKED_SECTION_LINE = re.compile(
    r"revoked\s+section\s+(?P<number>[0-9]{1,3}[A-Za-z]{0,4}):\s*" + REVOKED_WORDS
)


def revoked_line(number: str, words: str, whole: bool = False) -> str | None:
    """A section's front matter's line for a number printed as revoked and the words
    printed in its place (``whole``: the index's, for a section's number), as the reader
    reads them back (in double quotes if YAML would misread them bare); None if no line
    can hold the words."""
    said, pattern = (
        (f"revoked section {number}", REVOKED_SECTION_LINE)
        if whole
        else (f"revoked {number}", REVOKED_LINE)
    )
    for line in (f"{said}: {words}", f'{said}: "{words}"'):
        found = pattern.fullmatch(line)
        if found and (found["plain"] or found["quoted"]) == words:
            return line
    return None


def _first_heading(tokens: Tokens) -> str:
    at = _first_heading_at(tokens)
    return "" if at < 0 else tokens[at + 1].content.strip()


def _first_heading_at(tokens: Tokens) -> int:
    """Where the title's heading opens (the first '#'), or -1."""
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            return i
    return -1


def _closed(token: Token | Block, lines: list[str]) -> bool:
    """Whether a fence ends with its closing line (an unclosed one runs to the end)."""
    last = token.map[1] - 1 if token.map else -1
    return 0 < last < len(lines) and lines[last].strip().startswith(token.markup)


def _is_comment(tokens: Tokens, i: int) -> bool:
    return tokens[i].type == "myst_line_comment"


def _option_lines(content: str, first: int) -> dict[str, int]:
    """Where each ':option:' line of a directive sits in the file."""
    lines = {}
    for offset, raw in enumerate(content.splitlines()):
        if m := re.match(r"^:([a-z-]+):", raw):
            lines[m.group(1)] = first + 1 + offset
        elif raw.strip():
            break
    return lines


def read_protocol(
    root: Path,
    council: Council,
    shown_root: str = "protocol",
    retired: Mapping[str, dt.date] | None = None,
    others: frozenset[str] = frozenset(),
) -> Document:
    """Parse the protocol directory (or another document's, with that document's settings)
    into a Document, or raise ProtocolError. A reference to a clause whose prefix is one
    of ``others`` (the constitution's other documents) is kept in ``Document.across``, and,
    when there are others, a {defined} term none of its clauses defines in
    ``Document.borrowed``."""
    return _Reader(root, council, shown_root, retired or {}, others).read()


def write_protocol(document: Document) -> dict[str, str]:
    """The protocol folder's files (name -> text) for a Document: read_protocol's inverse."""
    files = {}
    for section in document.sections:
        blocks = [f"# {section.title}\n"]
        if section.intro:
            blocks.append(f"{write(section.intro_tree)}\n")
        for p in in_place(section, section.clauses):  # as written, not by number
            if isinstance(p, Between):
                blocks.append(
                    f"{'#' * p.level} {write(p.tree)}\n" if p.level else f"{write(p.tree)}\n"
                )
            elif isinstance(p, Clause):
                options = clause_fields.clause_options(p)
                text = write(p.tree)
                blocks.append(f"```{{clause}} {p.id}\n" + "\n".join(options) + f"\n\n{text}\n```\n")
        files[f"{section.slug}.md"] = "\n".join(blocks)
    toc = "\n".join(s.slug for s in document.sections)
    intro = f"{write(document.intro_tree)}\n\n" if document.intro else ""
    files[INDEX] = (
        f"# {document.title}\n\n{intro}```{{toctree}}\n:numbered: 1\n:maxdepth: 1\n\n{toc}\n```\n"
    )
    return files
