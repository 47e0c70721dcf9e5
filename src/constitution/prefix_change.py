"""A document's ID prefix changed in conf/council.toml after Council adopted it.

A paragraph's ID never changes, so under the new prefix every paragraph of the draft and
of every adopted record reads as malformed, and the fix each of those problems gives
(rename the IDs, restore records that were never touched) would break every citation.
The one fault is said once, where the prefix is set, before anything is read with it.
"""

from __future__ import annotations

import re
from pathlib import Path

from constitution.council import Council
from constitution.document_settings import table_setting_line
from constitution.documents import records_folder
from constitution.problems import Problem

SETTINGS = "conf/council.toml"
# An ID held under an "id" key, at any depth of a record: a key follows "{", "," or white
# space and is followed by ":", which text inside a value (its quotes escaped) is not.
# Found in the bytes: parsing and walking 5,000 paragraphs was a twentieth of a fresh
# gate. The pattern starts with its literal, which the search skips to (a look-behind
# before it made the search try every byte, slower than parsing).
_KEYED_ID = re.compile(rb'"id"\s*:\s*"([A-Z][A-Z0-9]{1,9})-\d{4,}"')
_BEFORE_KEY = frozenset(b" \t\r\n{,")


def prefix_changes(root: Path, council: Council) -> list[Problem]:
    """A problem for each document whose newest adopted record's IDs all carry one
    prefix that its settings no longer give."""
    text = (root / SETTINGS).read_text(encoding="utf-8")
    found: list[Problem] = []
    documents = [("", council.id_prefix, table_setting_line(text, "[council]", "id_prefix"))]
    for document in council.documents:
        line = table_setting_line(text, document.line, "id_prefix")
        documents.append((document.key, document.id_prefix, line))
    for key, prefix, line in documents:
        folder = records_folder(key) if key else "versions"
        adopted = _adopted(root / folder)
        if adopted is None:
            continue
        record, prefixes = adopted
        if len(prefixes) == 1 and prefix not in prefixes:
            (old,) = prefixes
            shown = f"{folder}/{record}"
            found.append(
                Problem.of(
                    SETTINGS, line, "id-prefix-changed", prefix=prefix, old=old, record=shown
                )
            )
    return found


def _adopted(folder: Path) -> tuple[str, set[str]] | None:
    """The newest adopted record's name and the prefixes of the IDs it holds; None
    where there is none, or it cannot be read (the version checks say why)."""
    records = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not records:
        return None
    try:
        content = records[-1].read_bytes()
    except OSError:
        return None
    keyed = (m for m in _KEYED_ID.finditer(content) if content[m.start() - 1] in _BEFORE_KEY)
    return records[-1].name, {m[1].decode() for m in keyed}
