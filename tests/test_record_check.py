"""An adopted record's fields checked (versions.record_check) and its model built
(Version.document): a quick answer that agrees with the full one, a paragraph checked once
across records but never let through changed, and each version's model built only when
asked for, the same as built at once."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from collections.abc import Iterator
from typing import Any

import pytest

from constitution import source, text_tree, versions
from constitution.problems import ProtocolError
from constitution.project import Project
from constitution.versions import document_of, record_check

MISSING = object()  # in place of a value: the field removed
# Values no field of a record takes, each put in turn in place of a field's value.
ODD = (None, True, 1, 1.0, "", "x\x00y", "<a>", [], ["x"], {}, "9" * 200_001, MISSING)


def record(project: Project, name: str = "2026-05-14.json") -> dict[str, Any]:
    return json.loads((project.versions_dir / name).read_text(encoding="utf-8"))


def places(value: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """The path of every value in a record, the record's own included."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from places(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value[:2]):  # two of each list: the shapes, not all
            yield from places(inner, (*path, i))


def changed(whole: dict[str, Any], path: tuple[object, ...], value: object) -> Any:
    """A copy of ``whole`` with the value at ``path`` replaced (or removed: MISSING)."""
    if not path:
        return value
    broken = copy.copy(whole)
    inner: Any = broken
    for step in path[:-1]:  # copies along the path alone: the rest is shared, unchanged
        inner[step] = copy.copy(inner[step])
        inner = inner[step]
    if value is MISSING:
        del inner[path[-1]]
    else:
        inner[path[-1]] = value
    return broken


def test_the_quick_answer_agrees_with_the_full_one(project: Project) -> None:
    whole = record(project)
    check = record_check(project.council().id_pattern)
    assert check.ok(whole) and check.wrong(whole, "") == []
    tried = 0
    for path in places(whole):
        for value in ODD if path else ODD[:-1]:
            broken = changed(whole, path, value)
            fresh = record_check(project.council().id_pattern)  # nothing seen before
            assert fresh.ok(broken) == (fresh.wrong(broken, "") == []), (path, value)
            tried += 1
    assert tried > 500  # every field of a record, a clause's among them, was tried


def test_a_paragraph_checked_before_is_checked_again_when_changed(project: Project) -> None:
    check = record_check(project.council().id_pattern)
    whole = record(project)
    assert check(whole, "") == []  # every paragraph of it now seen
    first = ("sections", 0, "clauses", 0)
    for field, value in [("number", 7), ("text", "a\x07b"), ("applies_to", [1]), ("x", "y")]:
        broken = changed(whole, (*first, field), value)
        wrong = [where for where, _ in check(broken, "")]
        assert wrong == [f"sections[0].clauses[0].{field}{'[0]' * isinstance(value, list)}"]
    # the same paragraph, unchanged, in another record: still ok
    assert check(changed(whole, ("resolution",), "Another resolution"), "") == []


def test_a_version_is_built_when_asked_for_and_kept_as_its_record(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(versions, "VERIFIED_RECORDS", {})
    loaded = project.versions()
    assert not any("document" in v.__dict__ for v in loaded)  # none built yet
    latest = loaded[-1]
    assert latest.document == document_of(record(project), latest.path)
    assert "document" in latest.__dict__  # built once, then kept, its record not
    assert "record" not in latest.__dict__ and latest.record == record(project)
    again = pickle.loads(pickle.dumps(latest))
    assert "record" not in again.__dict__ and "document" not in again.__dict__  # bytes alone
    assert again.document == latest.document and again.digest == latest.digest
    # a model given in place of the record's (the site's) is kept through a pickle
    given = document_of(record(project, "2024-05-16.json"), latest.path)
    cited = pickle.loads(pickle.dumps(dataclasses.replace(latest, citing=given)))
    assert cited.document == given != latest.document


def test_a_section_checked_before_is_checked_again_when_changed(project: Project) -> None:
    check = record_check(project.council().id_pattern)
    whole = record(project)
    assert check(whole, "") == []  # every section of it now seen
    # equal to the section seen (True == 1 == 1.0), but not of its shape
    assert isinstance(whole["sections"][0]["number"], int)
    for value in (True, float(whole["sections"][0]["number"])):
        broken = changed(whole, ("sections", 0, "number"), value)
        assert [where for where, _ in check(broken, "")] == ["sections[0].number"]
    broken = changed(whole, ("sections", 0, "title"), "a\x07b")
    assert [where for where, _ in check(broken, "")] == ["sections[0].title"]
    assert check(changed(whole, ("resolution",), "Another resolution"), "") == []


def test_the_canonical_form_kept_by_section_is_json_s_own(project: Project) -> None:
    # Records read in turn, as the gate reads them: each one's form, its unchanged
    # sections kept from the record before, is byte for byte the form encoded whole.
    sections = versions.Encoded()
    names = sorted(p.name for p in project.versions_dir.glob("*.json"))
    assert len(names) >= 3
    reused = 0
    for name in names:
        whole = record(project, name)
        before = len(sections.kept)
        kept = {slug: form for slug, (_, form) in sections.kept.items()}
        assert versions.canonical(whole, sections) == versions.canonical(whole)
        reused += sum(kept.get(s["slug"]) is sections.kept[s["slug"]][1] for s in whole["sections"])
        assert len(sections.kept) >= before
    assert reused > 0  # unchanged sections were not encoded again
    # a section changed, and one with a word outside ASCII, are encoded afresh
    whole = changed(record(project, names[-1]), ("sections", 0, "title"), "Réunions")
    assert versions.canonical(whole, sections) == versions.canonical(whole)
    assert "Réunions".encode() in versions.canonical(whole, sections)


def test_the_latest_version_is_parsed_only_where_the_draft_says_otherwise(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The draft is numbered against the latest version's model; what its paragraphs cite
    # is known from the draft's own reading wherever they say what the draft says.
    monkeypatch.setattr(versions, "VERIFIED_RECORDS", {})
    monkeypatch.setattr(source, "READ_SECTIONS", {})
    monkeypatch.setattr(text_tree, "_CITED", {})
    text_tree.parse.cache_clear()
    draft = {c.text for c in project.document().clauses()}
    latest = project.versions()[-1].document
    citing = {c.text for c in latest.clauses() if "{para}" in c.text}
    assert len(citing & draft) >= 3
    assert text_tree.parse.cache_info().currsize == len(citing - draft)
    assert all(c.cites == text_tree.cites(text_tree.parse(c.text)) for c in latest.clauses())


def test_records_read_in_turn_are_read_as_json_reads_them_whole(project: Project) -> None:
    # Each record as the gate reads them in turn: a section met before in the same text is
    # the value read then, not parsed again, and the record is what json.loads reads.
    parsed = versions.Parsed()
    names = sorted(p.name for p in project.versions_dir.glob("*.json"))
    texts = [(project.versions_dir / n).read_text(encoding="utf-8") for n in names]
    reads = [parsed.record(text) for text in texts]
    assert reads == [json.loads(text) for text in texts]
    shared = {id(s) for s in reads[0]["sections"]} & {id(s) for s in reads[-1]["sections"]}
    assert shared  # unchanged sections were not parsed again
    assert len(parsed.seen) < sum(len(r["sections"]) for r in reads)


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: json.dumps(json.loads(t)),  # another layout: parsed whole
        lambda t: json.dumps(json.loads(t), indent=2),
        lambda t: t.replace('"format": 1', '"format": NaN'),  # a NaN of its own
        lambda t: t.replace('"format": 1', '"sections": [],\n "format": 1'),  # two lists
        lambda t: t.replace('"format": 1', '"format": 1, "sections": [NaN]'),
        lambda t: t.replace("\n  },\n  {\n", "\n  }, NaN,\n  {\n", 1),  # not a section
        lambda t: t.replace('\n   "slug"', '\n  }, {\n   "slug"', 1),  # a section cut in two
        lambda t: t.replace('"title": "', '"title": "\\n  }\\n', 1),  # lines in words
        lambda t: t.replace("\n  }", "\n  }}", 1),  # not JSON
        lambda t: t.replace("\n ]", "\n ] ", 1),
        lambda t: t[: t.rfind("\n ]")],  # cut short
    ],
)
def test_a_record_laid_out_otherwise_is_read_as_json_reads_it(project: Project, edit: Any) -> None:
    text = edit((project.versions_dir / "2026-05-14.json").read_text(encoding="utf-8"))
    parsed = versions.Parsed()
    parsed.record((project.versions_dir / "2025-05-15.json").read_text(encoding="utf-8"))
    try:
        whole = json.loads(text)
    except ValueError as exc:
        with pytest.raises(type(exc)):
            parsed.record(text)
        return
    assert json.dumps(parsed.record(text)) == json.dumps(whole)  # a NaN equals no NaN


def test_a_record_altered_by_one_byte_is_refused(project: Project) -> None:
    # The records read and checked in turn, as the gate does (sections met before taken
    # from then, their forms kept): one letter of the latest record changed, wherever it
    # stands (a section the records before hold too, or not), and the record is refused.
    names = sorted(p.name for p in project.versions_dir.glob("*.json"))
    data = {project.versions_dir / n: (project.versions_dir / n).read_bytes() for n in names}
    latest = project.versions_dir / names[-1]
    text = data[latest]
    body = text.index(b'"sections"')
    letters = [i for i in range(body, len(text)) if chr(text[i]).isalpha()]
    assert len(letters) > 1000
    pattern = project.council().id_pattern
    assert versions._verified(dict(data), pattern, "versions")  # as it stands: verified
    for at in letters[:: len(letters) // 60]:
        altered = text[:at] + bytes([text[at] ^ 0x20]) + text[at + 1 :]  # a letter's case
        with pytest.raises(ProtocolError) as refused:
            versions._verified({**data, latest: altered}, pattern, "versions")
        codes = {p.code for p in refused.value.problems}
        assert codes and codes <= {"version-tampered", "version-field"}, (at, codes)
        assert all(p.file == f"versions/{names[-1]}" for p in refused.value.problems)
