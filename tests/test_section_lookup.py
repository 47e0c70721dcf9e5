"""`constitution paragraph` given a section's number, and the places printed as revoked."""

from __future__ import annotations

import pytest

from conftest import run
from constitution.cli import main, section_said
from constitution.model import Revoked, RevokedSection, Section
from constitution.numbering import in_number_order
from constitution.project import Project


def looked_up(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["--project", str(project.root), "paragraph", *args]) == 0
    return capsys.readouterr().out.splitlines()


def places(section: Section) -> list[str]:
    """Each paragraph's number and ID (a number printed as revoked has none), in order."""
    return [f"{p.number} ({p.id})" if p.id else p.number for p in in_number_order(section)]


def test_a_section_number_gives_the_section_in_each_version(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """In each adopted version (named, and as at a day it was in force) and in force:
    its number and title, then each paragraph's number, ID and words, in order."""
    versions = project.versions()
    for v in versions:
        section = v.document.sections[3]
        named = looked_up(project, capsys, section.number, "--version", v.key)
        assert named[0] == (
            f"{section.number} in the version adopted on {v.key}: "
            f"section {section.number}, {section.title}"
        )
        assert [line.split(":")[0] for line in named[1:]] == places(section)
        assert looked_up(project, capsys, section.number, "--on", v.in_force.isoformat()) == named
    latest = versions[-1].document.sections[0]
    now = looked_up(project, capsys, latest.number)
    assert now[0].endswith(f": section {latest.number}, {latest.title}")


def test_revoked_places_say_what_was_printed(versioned: Project) -> None:
    """A section and a paragraph printed as revoked (the index's and a section's front
    matter): the lookup says so, with the words printed, and exits 0; a number that is
    neither a paragraph nor a section says so, non-zero."""
    sections = versioned.document().sections
    gone = str(int(sections[-1].number) + 1)
    index = versioned.protocol / "index.md"
    index.write_text(
        f"---\nrevoked section {gone}: Not used\n---\n{index.read_text(encoding='utf-8')}",
        encoding="utf-8",
    )
    section = sections[2]
    last = section.clauses[-1].number
    after = f"{section.number}.{int(last.split('.')[1].rstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')) + 1}"
    path = versioned.protocol / f"{section.slug}.md"
    path.write_text(
        f"---\nrevoked {after}: Deleted\n---\n{path.read_text(encoding='utf-8')}", encoding="utf-8"
    )
    whole = run(versioned, "paragraph", gone, "--version", "draft")
    assert whole.returncode == 0, whole.stderr
    said = f"{gone} in the draft: section {gone}, revoked; printed in its place: Not used.\n"
    assert whole.stdout == said
    place = run(versioned, "paragraph", after, "--version", "draft")
    assert place.returncode == 0, place.stderr
    assert place.stdout == f"{after} in the draft: revoked; printed in its place: Deleted.\n"
    # the section holding it lists the revoked number in its place, after its last paragraph
    shown = run(versioned, "paragraph", section.number, "--version", "draft").stdout.splitlines()
    drafted = versioned.document().sections[2]
    assert [line.split(":")[0] for line in shown[1:]] == places(drafted)
    assert shown[-1] == f"{after}: revoked; printed in its place: Deleted."
    neither = run(versioned, "paragraph", str(int(gone) + 5), "--version", "draft")
    assert neither.returncode == 1 and neither.stdout == ""
    assert f"has no paragraph or section {int(gone) + 5}." in neither.stderr


def test_a_section_revoked_on_adoption_says_by_what_and_keeps_its_numbers(
    project: Project,
) -> None:
    """Revoked by a resolution, a section keeps its title and its paragraphs' numbers."""
    gone = RevokedSection(
        "6", "gifts", "Gifts", "Minute 4", (Revoked("6.1", "MOP-0050", "Minute 4"),)
    )
    said = section_said("6", "the draft", gone, project.document())
    assert said == (
        "6 in the draft: section 6, Gifts, revoked by Minute 4. Its paragraphs' numbers, kept: 6.1."
    )
