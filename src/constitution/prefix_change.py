"""A document's ID prefix changed in conf/council.toml after Council adopted it.

A paragraph's ID never changes, so under the new prefix every paragraph of the draft and
of every adopted record reads as malformed, and the fix each of those problems gives
(rename the IDs, restore records that were never touched) would break every citation.
The one fault is said once, where the prefix is set, before anything is read with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from constitution.council import Council
from constitution.document_settings import table_setting_line
from constitution.documents import records_folder
from constitution.problems import Problem

SETTINGS = "conf/council.toml"
_ID = re.compile(r"([A-Z][A-Z0-9]{1,9})-\d{4,}")


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
        record = json.loads(records[-1].read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    prefixes = {m.group(1) for value in _ids(record) if (m := _ID.fullmatch(value))}
    return records[-1].name, prefixes


def _ids(value: object) -> Iterator[str]:
    """Every string held under an "id" key, at any depth of a record."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "id" and isinstance(inner, str):
                yield inner
            else:
                yield from _ids(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _ids(inner)
