"""The council's own settings (conf/council.toml): names, ID prefix, registers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from constitution.numbering import SCHEMES
from constitution.problems import Problem, ProtocolError, read_toml

# Addresses are drawn into links and pages: each must have its shape, with nothing that
# could end the attribute it is written into (quotes, spaces, angle brackets).
STATUTE_URL = re.compile(r"https://www\.legislation\.gov\.uk/[A-Za-z0-9/._-]*")
BASE_URL = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/([A-Za-z0-9._~%-]+/)*")
# A search synonym: a word or a few, of letters, digits, hyphens and apostrophes.
SEARCH_WORDS = re.compile(r"[^\W_]+(?:['-][^\W_]+)*(?: [^\W_]+(?:['-][^\W_]+)*){0,4}")
MAX_SYNONYMS = 500


@dataclass(frozen=True)
class Statute:
    key: str
    title: str
    url: str


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
    # How the draft numbers paragraphs (numbering.py): "insert" or "renumber". A council
    # whose settings predate the choice keeps numbering by position.
    numbering: str = "renumber"

    @property
    def id_pattern(self) -> re.Pattern[str]:
        # Four digits (MOP-0042), and past 9,999 more, with no leading zero (MOP-10000):
        # as the importer and next-id write them, so each ID has one spelling.
        return re.compile(rf"{re.escape(self.id_prefix)}-(?:\d{{4}}|[1-9]\d{{4,}})")


def load_council(path: Path) -> Council:
    """Read council.toml, refusing missing or malformed settings with a fix."""
    shown = f"{path.parent.name}/{path.name}"  # conf/council.toml: GitHub annotates it
    try:
        data = read_toml(path, shown, "council-syntax")
    except FileNotFoundError:
        raise ProtocolError(
            [
                Problem(
                    shown,
                    0,
                    "council-missing",
                    f"{path} does not exist.",
                    "Create conf/council.toml (copy the one shipped with the project).",
                )
            ]
        ) from None
    problems: list[Problem] = []

    def text(table: dict[str, object], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(
                    shown,
                    0,
                    "council-setting",
                    f"[{where}] needs a non-empty text value for '{key}'.",
                    f'Add {key} = "..." under [{where}].',
                )
            )
            return ""
        return value

    council = data.get("council", {})
    prefix = text(council, "id_prefix", "council")
    if prefix and not re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", prefix):
        problems.append(
            Problem(
                shown,
                0,
                "council-setting",
                f"id_prefix '{prefix}' must be 2-10 capital letters or digits.",
                'Use a short prefix such as "MOP".',
            )
        )
    roles = data.get("roles", {})
    if not isinstance(roles, dict) or not roles:
        problems.append(
            Problem(
                shown,
                0,
                "council-setting",
                "[roles] is missing or empty.",
                'Add a [roles] table: member = "Members (councillors)".',
            )
        )
        roles = {}
    statutes: dict[str, Statute] = {}
    for key, entry in (data.get("statutes") or {}).items():
        where = f"statutes.{key}"
        if not isinstance(entry, dict):
            entry = {}
        url = text(entry, "url", where)
        if url and not STATUTE_URL.fullmatch(url):
            problems.append(
                Problem(
                    shown,
                    0,
                    "council-setting",
                    f"[{where}] url must be a legislation.gov.uk address (letters, digits "
                    "and / . _ - only).",
                    "Link the statute's page on https://www.legislation.gov.uk/.",
                )
            )
        statutes[key] = Statute(key, text(entry, "title", where), url)
    base_url = str(council.get("base_url", ""))
    if base_url and not BASE_URL.fullmatch(base_url):
        problems.append(
            Problem(
                shown,
                0,
                "council-setting",
                f"[council] base_url must be an https address ending in '/' (letters, "
                f"digits and . _ ~ % - only), not {base_url!r}.",
                'Give the site\'s address, e.g. base_url = "https://constitution.example.gov.uk/".',
            )
        )
    synonyms = search_synonyms(data.get("search"), problems, shown)
    numbering = council.get("numbering", "renumber")
    if numbering not in SCHEMES:
        problems.append(
            Problem(
                shown,
                0,
                "council-setting",
                f"[council] numbering is {numbering!r}; it must be one of "
                f"{', '.join(repr(s) for s in SCHEMES)}.",
                'Write numbering = "insert" (legislation\'s way: numbers never change) or '
                'numbering = "renumber" (numbers follow position, from adoption).',
            )
        )
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
        numbering=str(numbering),
    )
    if problems:
        raise ProtocolError(problems)
    return result


def search_synonyms(
    search: object, problems: list[Problem], shown: str
) -> dict[str, tuple[str, ...]]:
    """[search.synonyms]: "councillor" = ["member"]. Words are kept in lower case."""

    def bad(message: str) -> None:
        problems.append(
            Problem(
                shown,
                0,
                "council-setting",
                message,
                'Write each as "a word readers use" = ["the protocol\'s word", ...] '
                "(letters, digits, hyphens, apostrophes; at most five words each).",
            )
        )

    if search is None:
        return {}
    table = search.get("synonyms", {}) if isinstance(search, dict) else None
    if not isinstance(table, dict):
        bad("[search] must be a table, and [search.synonyms] a table of words.")
        return {}
    if len(table) > MAX_SYNONYMS:
        bad(f"[search.synonyms] has {len(table)} entries; at most {MAX_SYNONYMS} are allowed.")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        words = [value] if isinstance(value, str) else value
        if not isinstance(words, list) or not words or len(words) > 20:
            bad(f"[search.synonyms] {key!r} needs a list of one to twenty words.")
            continue
        phrases = [key, *words]
        if not all(isinstance(w, str) and SEARCH_WORDS.fullmatch(w) for w in phrases):
            bad(f"[search.synonyms] {key!r} = {value!r} holds something that is not words.")
            continue
        out[key.lower()] = tuple(dict.fromkeys(w.lower() for w in words))
    return out
