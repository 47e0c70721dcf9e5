"""Parsers stay linear on inputs made to exhaust them (security review, issue 24).

The bad-inputs catalogue (test_bad_inputs.py) holds each limit's message; these tests
hold the patterns under the limits to linear time, on inputs far larger than any limit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_within(code: str, *args: str, seconds: float) -> list[str]:
    """The lines a child process prints; it is killed after ``seconds`` (a backtracking
    pattern cannot be interrupted in the test's own process)."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=seconds,
        check=True,
    )
    return result.stdout.splitlines()


def test_option_lines_are_read_in_linear_time() -> None:
    # ':tags:', 3,200 spaces and '<' took the old pattern 62 s; it grew with the cube.
    out = run_within(
        "from constitution.source import plain_option as p\n"
        "s = ' ' * 100_000\n"
        "print(p(':tags:' + s + '<'))\n"
        "print(p(':tags:' + s + 'a, b' + s))\n",
        seconds=10,
    )
    assert out == ["None", "('tags', 'a, b')"]


def test_role_targets_are_found_in_linear_time() -> None:
    # A role's body of 20,000 spaces took the old pattern a second, in every clause.
    out = run_within(
        "from constitution.text_tree import role_target as t\n"
        "body = 'a' + ' ' * 100_000 + '<x'\n"
        "print(t(body) == (body, body.strip()))\n"
        "print(t('shown' + ' ' * 100_000 + '<target>'))\n",
        seconds=10,
    )
    assert out == ["True", "('shown', 'target')"]


def test_a_section_of_many_clauses_is_imported_in_linear_time(tmp_path: Path) -> None:
    # Each clause looked through every clause of its section: 100,001 lines ran past 14
    # minutes; 40,000 would take over a minute.
    source = tmp_path / "many.txt"
    source.write_text("1. Part\n\n" + "1.1 A.\n" * 40_000, encoding="utf-8")
    out = run_within(
        "import sys\n"
        "from pathlib import Path\n"
        "from constitution.import_myst import render\n"
        "from constitution.importer import import_protocol\n"
        "print(len(render(import_protocol(Path(sys.argv[1])), 'MOP')))\n",
        str(source),
        seconds=30,
    )
    assert out == ["2"]  # the index and the one section


def test_a_protocol_quoted_in_an_email_is_found_in_linear_time() -> None:
    # Each quoted line was looked for in the list of every quoted line: 20,000 took 6 s,
    # the 100,000 the importer reads would take over two minutes.
    out = run_within(
        "from constitution.quoted_mail import quoted\n"
        "lines = [f'> {n}. Members act.' for n in range(100_000)]\n"
        "found = quoted(['From: clerk', *lines, 'Regards'])\n"
        "print(found.first, len(found.texts), found.depth, found.among)\n",
        seconds=10,
    )
    assert out == ["1 100000 1 None"]
