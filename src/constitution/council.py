"""The council's own settings (conf/council.toml): names, ID prefix, registers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from constitution.document_settings import (
    DocumentSettings,
    entry_lines,
    read_documents,
    read_place,
    setting_line,
)
from constitution.numbering import SCHEMES, STYLES
from constitution.problems import Problem, ProtocolError, read_toml
from constitution.scenarios import DEFAULT_NATION, NATIONS

# Addresses are drawn into links and pages: each must have its shape, with nothing that
# could end the attribute it is written into (quotes, spaces, angle brackets).
STATUTE_URL = re.compile(r"https://www\.legislation\.gov\.uk/[A-Za-z0-9/._-]*")
BASE_URL = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/([A-Za-z0-9._~%-]+/)*")
# A search synonym: a word or a few, of letters, digits, hyphens and apostrophes.
SEARCH_WORDS = re.compile(r"[^\W_]+(?:['-][^\W_]+)*(?: [^\W_]+(?:['-][^\W_]+)*){0,4}")
MAX_SYNONYMS = 500
# The licence the open data is published under: UK councils publish under the Open
# Government Licence unless they say otherwise. Its address is drawn into a link.
OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
LICENCE_URL = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/+=&?#-]*)?")


@dataclass(frozen=True)
class Statute:
    key: str
    title: str
    url: str


@dataclass(frozen=True)
class Audience:
    """A way in by who the reader is ([audiences] in council.toml): the paragraphs that
    apply to any of its roles or carry any of its tags."""

    key: str
    title: str
    about: str
    roles: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Council:
    name: str
    document: str
    citation: str
    part: str
    id_prefix: str
    base_url: str
    roles: dict[str, str]
    statutes: dict[str, Statute]
    # [search.synonyms]: a word readers type -> the protocol's words for it. Each entry is
    # one group of interchangeable words: searching any of them searches them all.
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Ways in: [audiences] (who the reader is) and [topics] (a tag -> its plain title).
    audiences: tuple[Audience, ...] = ()
    topics: dict[str, str] = field(default_factory=dict)
    # How the draft numbers paragraphs (numbering.py): "insert" or "renumber". A council
    # whose settings predate the choice keeps numbering by position.
    numbering: str = "renumber"
    # How its documents print and cite a paragraph's number (numbering.py): 3.1, 3(1), 12.
    number_style: str = "section.paragraph"
    # The constitution's other documents ([[documents]], document_settings.py), in order,
    # and the protocol's place among them (from 1).
    documents: tuple[DocumentSettings, ...] = ()
    place: int = 1
    # Whose bank holidays a working day skips (scenarios.NATIONS): the UK's nations differ.
    bank_holidays: str = DEFAULT_NATION
    # The licence the open data is published under, and its address.
    licence: str = OGL
    licence_url: str = OGL_URL

    @cached_property  # read for every clause and example
    def id_pattern(self) -> re.Pattern[str]:
        return ids_with(self.id_prefix)

    @cached_property
    def any_id_pattern(self) -> re.Pattern[str]:
        """An ID of any document of the constitution."""
        return ids_with(self.id_prefix, *(d.id_prefix for d in self.documents))


def ids_with(*prefixes: str) -> re.Pattern[str]:
    # Four digits (MOP-0042), and past 9,999 more, with no leading zero (MOP-10000):
    # as the importer and next-id write them, so each ID has one spelling.
    # One prefix bare: versions.py shows it as an example ("such as MOP-0042").
    either = (
        re.escape(prefixes[0])
        if len(prefixes) == 1
        else f"(?:{'|'.join(map(re.escape, prefixes))})"
    )
    return re.compile(rf"{either}-(?:\d{{4}}|[1-9]\d{{4,}})")


def load_council(path: Path) -> Council:
    """Read council.toml, refusing missing or malformed settings with a fix."""
    shown = f"{path.parent.name}/{path.name}"  # conf/council.toml: GitHub annotates it
    try:
        data = read_toml(path, shown, "council-syntax")
    except FileNotFoundError:
        raise ProtocolError([Problem.of(shown, 0, "council-missing", path=path)]) from None
    problems: list[Problem] = []

    def text(table: dict[str, object], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem.of(shown, 0, "council-setting", table=where, key=key))
            return ""
        return value

    council = data.get("council", {})
    prefix = text(council, "id_prefix", "council")
    if prefix and not re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", prefix):
        problems.append(Problem.of(shown, 0, "council-id-prefix", prefix=prefix))
    roles = data.get("roles", {})
    if not isinstance(roles, dict) or not roles:
        problems.append(Problem.of(shown, 0, "council-roles"))
        roles = {}
    statutes: dict[str, Statute] = {}
    for key, entry in (data.get("statutes") or {}).items():
        where = f"statutes.{key}"
        if not isinstance(entry, dict):
            entry = {}
        url = text(entry, "url", where)
        if url and not STATUTE_URL.fullmatch(url):
            problems.append(Problem.of(shown, 0, "council-statute-url", table=where))
        statutes[key] = Statute(key, text(entry, "title", where), url)
    base_url = str(council.get("base_url", ""))
    if base_url and not BASE_URL.fullmatch(base_url):
        problems.append(Problem.of(shown, 0, "council-base-url", url=base_url))
    synonyms = search_synonyms(data.get("search"), problems, shown)
    audiences = read_audiences(data.get("audiences"), set(roles), problems, shown)
    topics = data.get("topics", {})
    if not isinstance(topics, dict) or not all(
        isinstance(v, str) and v.strip() for v in topics.values()
    ):
        problems.append(Problem.of(shown, 0, "council-topics"))
        topics = {}
    numbering = council.get("numbering", "renumber")
    if numbering not in SCHEMES:
        schemes = ", ".join(repr(s) for s in SCHEMES)
        problems.append(Problem.of(shown, 0, "council-numbering", value=numbering, schemes=schemes))
    style = council.get("number-style", "section.paragraph")
    if style not in STYLES:
        styles = ", ".join(repr(s) for s in STYLES)
        problems.append(Problem.of(shown, 0, "council-number-style", value=style, styles=styles))
    nation = council.get("bank_holidays", DEFAULT_NATION)
    if nation not in NATIONS:
        nations = ", ".join(repr(n) for n in NATIONS)
        problems.append(
            Problem.of(shown, 0, "council-bank-holidays", value=nation, nations=nations)
        )
    text_of_file = path.read_text(encoding="utf-8")
    documents = read_documents(
        data.get("documents"),
        entry_lines(text_of_file),
        prefix,
        str(numbering),
        str(style),
        problems,
        shown,
    )
    place_line = setting_line(text_of_file, "place")
    place = read_place(council.get("place"), len(documents), problems, shown, place_line)
    licence, licence_url = read_licence(council, text_of_file, problems, shown)
    result = Council(
        name=text(council, "name", "council"),
        document=text(council, "document", "council"),
        citation=text(council, "citation", "council"),
        part=str(council.get("part", "")),
        id_prefix=prefix,
        base_url=base_url,
        roles={str(k): str(v) for k, v in roles.items()},
        statutes=statutes,
        synonyms=synonyms,
        audiences=audiences,
        topics={str(k): str(v) for k, v in topics.items()},
        numbering=str(numbering),
        number_style=str(style),
        documents=documents,
        place=place,
        bank_holidays=str(nation),
        licence=licence,
        licence_url=licence_url,
    )
    if problems:
        raise ProtocolError(problems)
    return result


def read_licence(
    council: dict[str, object], text: str, problems: list[Problem], shown: str
) -> tuple[str, str]:
    """[council] licence and licence_url: both, or neither for the Open Government
    Licence v3.0."""
    name, url = council.get("licence"), council.get("licence_url")
    if name is None and url is None:
        return OGL, OGL_URL

    def bad(key: str, what: str) -> None:
        line = setting_line(text, key)
        problems.append(Problem.of(shown, line, "council-licence", what=what))

    if name is None:
        bad("licence_url", "licence_url needs the licence's name beside it, as licence")
    elif not isinstance(name, str) or not name.strip() or not name.isprintable() or len(name) > 200:
        bad("licence", f"licence must be the licence's name on one line, not {name!r}")
    if url is None:
        bad("licence", f"licence {name!r} needs its address beside it, as licence_url")
    elif not isinstance(url, str) or not LICENCE_URL.fullmatch(url):
        shape = "an https address (no spaces, quotes or angle brackets)"
        bad("licence_url", f"licence_url must be {shape}, not {url!r}")
    return str(name or OGL), str(url or OGL_URL)


def search_synonyms(
    search: object, problems: list[Problem], shown: str
) -> dict[str, tuple[str, ...]]:
    """[search.synonyms]: "councillor" = ["member"]. Words are kept in lower case."""

    def bad(what: str) -> None:
        problems.append(Problem.of(shown, 0, "council-synonyms", what=what))

    if search is None:
        return {}
    table = search.get("synonyms", {}) if isinstance(search, dict) else None
    if not isinstance(table, dict):
        bad("must be a table of words, under a table [search]")
        return {}
    if len(table) > MAX_SYNONYMS:
        bad(f"has {len(table)} entries; at most {MAX_SYNONYMS} are allowed")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        words = [value] if isinstance(value, str) else value
        if not isinstance(words, list) or not words or len(words) > 20:
            bad(f"{key!r} needs a list of one to twenty words")
            continue
        phrases = [key, *words]
        if not all(isinstance(w, str) and SEARCH_WORDS.fullmatch(w) for w in phrases):
            bad(f"{key!r} = {value!r} holds something that is not words")
            continue
        out[key.lower()] = tuple(dict.fromkeys(w.lower() for w in words))
    return out


def read_audiences(
    table: object, roles: set[str], problems: list[Problem], shown: str
) -> tuple[Audience, ...]:
    """[audiences.KEY]: title, about, and the roles (keys of [roles]) and tags whose
    paragraphs matter to that reader."""

    def problem(code: str, **fields: object) -> None:
        problems.append(Problem.of(shown, 0, code, "", **fields))

    if table is None:
        return ()
    if not isinstance(table, dict):
        problem("council-audiences")
        return ()
    out = []
    for key, entry in table.items():
        entry = entry if isinstance(entry, dict) else {}
        title, about = entry.get("title"), entry.get("about", "")
        lists = [entry.get("roles", []), entry.get("tags", [])]
        if not isinstance(title, str) or not title.strip() or not isinstance(about, str):
            problem("council-audience-title", key=key)
            continue
        if not all(isinstance(x, list) and all(isinstance(w, str) for w in x) for x in lists):
            problem("council-audience-lists", key=key)
            continue
        if unknown := sorted(set(lists[0]) - roles):
            problem("council-audience-roles", key=key, unknown=", ".join(unknown))
            continue
        if not lists[0] and not lists[1]:
            problem("council-audience-empty", key=key)
            continue
        out.append(Audience(str(key), title, about, tuple(lists[0]), tuple(lists[1])))
    return tuple(out)


def set_number_style(path: Path, style: str, document: str | None = None) -> bool:
    """Write ``number-style = "style"`` into the [council] table of council.toml (or the
    [[documents]] entry whose key is ``document``), the rest of the file as it was;
    whether it changed."""
    text = path.read_text(encoding="utf-8")
    setting = f'number-style = "{style}"'
    header = r"\[council\]" if document is None else r"\[\[documents\]\]"
    tables = re.finditer(rf"(?ms)^{header}\s*$(.*?)(?=^\[|\Z)", text)
    keyed = re.compile(rf"(?m)^key\s*=\s*[\"']{re.escape(document or '')}[\"']\s*(?:#.*)?$")
    table = next((t for t in tables if document is None or keyed.search(t.group(1))), None)
    if table is None:  # the loader says what is wrong with a file that has no [council]
        return False
    body = table.group(1)
    if (line := re.search(r"(?m)^number-style\s*=.*$", body)) is not None:
        new = body[: line.start()] + setting + body[line.end() :]
    else:  # after the table's last setting, before any comment or blank lines that follow
        last = list(re.finditer(r"(?m)^[A-Za-z_-]+\s*=.*$", body))
        at = last[-1].end() if last else 0
        new = body[:at] + ("\n" if at else "") + setting + ("" if at else "\n") + body[at:]
    if new == body:
        return False
    path.write_text(text[: table.start(1)] + new + text[table.end(1) :], encoding="utf-8")
    return True
