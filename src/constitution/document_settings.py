"""The constitution's other documents, as conf/council.toml lists them ([[documents]]).

The project's own document (protocol/, [council]) is one document of the constitution;
each entry of ``[[documents]]`` is another, in the constitution's order, with its folder
documents/KEY/ (the same form as protocol/) and its pages at KEY/. ``[council] place``
says where the protocol stands among them (1 for first; after them all if not given).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from constitution.numbering import SCHEMES, STYLES
from constitution.problems import Problem

# A key names a folder and a web address: lower-case words joined by hyphens.
KEY = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
PREFIX = re.compile(r"[A-Z][A-Z0-9]{1,9}")
FOLDER = "documents"
FIELDS = frozenset(
    {"key", "title", "part", "id_prefix", "cite", "cite-within", "numbering", "number-style"}
)
# How a paragraph cites another of its own document, unless its entry says otherwise.
WITHIN = "paragraph {number}"
# Addresses the site's own pages hold, which no document's may take: at the top (Sphinx's
# and Pagefind's folders among them) and under versions/, where a document's versions
# sit beside the protocol's redlines, paragraph histories and the constitution's amendments.
RESERVED = frozenset(
    {"protocol", "draft", "versions", "ways-in", "examples", "data", "pagefind", "constitution"}
    | {"redline", "clauses", "_static", "_sources", "_images", "_downloads"}
    | {"in-force"}  # data/in-force/: the protocol's open data in force (open_data.py)
)


@dataclass(frozen=True)
class DocumentSettings:
    """One document of the constitution besides the protocol."""

    key: str  # its folder documents/KEY/ and its pages KEY/
    title: str
    part: str  # its place in the constitution as cited: "Part 2"
    id_prefix: str
    cite: str  # how another document cites its paragraph: "Article {number}"
    cite_within: str  # how its own paragraphs cite one another: "Article {number}"
    numbering: str
    number_style: str
    line: int  # where conf/council.toml lists it, for problems found later

    @property
    def folder(self) -> str:
        return f"{FOLDER}/{self.key}"


def entry_lines(text: str) -> list[int]:
    """The line of each [[documents]] header, in order (TOML keeps no lines of its own)."""
    return [n for n, raw in enumerate(text.splitlines(), start=1) if raw.strip() == "[[documents]]"]


def read_documents(
    entries: object,
    lines: list[int],
    protocol_prefix: str,
    numbering: str,
    style: str,
    problems: list[Problem],
    shown: str,
) -> tuple[DocumentSettings, ...]:
    """Each [[documents]] entry, checked: every field present and well formed, no two
    documents (nor a document and the protocol) sharing a key or an ID prefix. An entry's
    numbering and number style default to the protocol's."""
    if entries is None:
        return ()
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        problems.append(Problem.of(shown, 0, "documents-shape"))
        return ()
    out: list[DocumentSettings] = []
    keys: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for i, entry in enumerate(entries):
        line = lines[i] if i < len(lines) else 0

        def problem(code: str, **fields: object) -> None:
            problems.append(Problem.of(shown, line, code, "", **fields))  # noqa: B023

        if unknown := sorted(set(entry) - FIELDS):
            problem("document-field", unknown=", ".join(unknown), known=", ".join(sorted(FIELDS)))
        fields: dict[str, str] = {}
        for name in ("key", "title", "part", "id_prefix", "cite"):
            value = entry.get(name)
            if not isinstance(value, str) or not value.strip():
                problem("document-setting", key=name)
            else:
                fields[name] = value
        if len(fields) < 5:
            continue
        key, prefix, cite = fields["key"], fields["id_prefix"], fields["cite"]
        if not KEY.fullmatch(key) or key in RESERVED:
            problem("document-key", value=key, reserved=", ".join(sorted(RESERVED)))
        elif key in keys:
            problem("document-duplicate", what="key", value=key, first=keys[key])
        keys.setdefault(key, line)
        if not PREFIX.fullmatch(prefix):
            problem("council-id-prefix", prefix=prefix)
        elif prefix == protocol_prefix:
            problem("document-prefix-protocol", prefix=prefix)
        elif prefix in prefixes:
            problem("document-duplicate", what="id_prefix", value=prefix, first=prefixes[prefix])
        prefixes.setdefault(prefix, line)
        within = entry.get("cite-within", WITHIN)
        for form in (cite, within):
            if not isinstance(form, str) or not _citing(form):
                problem("document-cite", value=form)
        scheme = entry.get("numbering", numbering)
        if scheme not in SCHEMES:
            problem("document-numbering", value=scheme, schemes=", ".join(map(repr, SCHEMES)))
        number_style = entry.get("number-style", style)
        if number_style not in STYLES:
            problem(
                "document-number-style", value=number_style, styles=", ".join(map(repr, STYLES))
            )
        out.append(
            DocumentSettings(
                key,
                fields["title"],
                fields["part"],
                prefix,
                cite,
                str(within),
                str(scheme),
                str(number_style),
                line,
            )
        )
    return tuple(out)


def _citing(form: str) -> bool:
    """A citation form holds {number} and no other braces."""
    return "{number}" in form and not re.search(r"\{(?!number\})", form)


def setting_line(text: str, name: str) -> int:
    """The first line setting ``name`` (0 if none)."""
    pattern = re.compile(rf"\s*{re.escape(name)}\s*=")
    return next((n for n, raw in enumerate(text.splitlines(), 1) if pattern.match(raw)), 0)


def table_setting_line(text: str, header: str | int, name: str) -> int:
    """The line setting ``name`` within one table of a TOML file, the table starting at
    the line ``header`` ("[council]", or a [[documents]] entry's line, from 1) and
    ending at the next table's header; 0 if none. The same setting in another table
    (a document's own id_prefix above [council]) is not this one's."""
    lines = text.splitlines()
    if isinstance(header, str):
        header = next((n for n, raw in enumerate(lines, 1) if raw.strip() == header), 0)
        if not header:
            return 0
    end = next((n for n in range(header, len(lines)) if lines[n].lstrip().startswith("[")), None)
    found = setting_line("\n".join(lines[header:end]), name)
    return header + found if found else 0


def read_place(value: object, count: int, problems: list[Problem], shown: str, line: int) -> int:
    """[council] place: the protocol's position among the documents, from 1; after
    every other document when not given."""
    if value is None:
        return count + 1
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= count + 1:
        problems.append(Problem.of(shown, line, "council-place", value=value, last=count + 1))
        return count + 1
    return value
