"""An import with --revision into the project's own folder writes its headings as init
wrote the draft's: the council's own casing kept, capitals out of capitals."""

from __future__ import annotations

from pathlib import Path

from test_import_known_faults import SOURCES
from test_init import constitution


def test_a_revision_in_capitals_keeps_the_drafts_headings(tmp_path: Path) -> None:
    """The council's corrected source, printed in capitals as first imported, brought in
    over the draft with --revision: every section was retitled in capitals ('# PURPOSE'
    over init's '# Purpose'), on the site and unsaid by the redline (council9). Each
    kept section keeps its draft's heading where only the case differs (as its editors
    cased it), and a new heading in capitals is written as init writes one."""
    source = tmp_path / "protocol.txt"
    printed = (SOURCES / "capitals-headings.txt").read_text(encoding="utf-8")
    source.write_text(printed, "utf-8")
    made = constitution(
        "init", "repo", "--from", source.name, "--council", "Ashcombe", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    repo = tmp_path / "repo"
    ict = repo / "protocol" / "use-of-ict-and-cctv.md"
    ict.write_text(ict.read_text("utf-8").replace("# Use of ICT and CCTV", "# Use of ict and CCTV"))
    before = {p.name: p.read_text("utf-8") for p in (repo / "protocol").glob("*.md")}
    again = constitution(
        "import", str(source), "--out", "protocol", "--force", "--revision", cwd=repo
    )
    assert again.returncode == 0, again.stderr
    after = {p.name: p.read_text("utf-8") for p in (repo / "protocol").glob("*.md")}
    assert after == before
    retitled = printed.replace("RESPECT AND COURTESY", "COURTESY AT ALL TIMES")
    source.write_text(retitled, "utf-8")
    again = constitution(
        "import", str(source), "--out", "protocol", "--force", "--revision", cwd=repo
    )
    assert again.returncode == 0, again.stderr
    firsts = [
        p.read_text("utf-8").splitlines()[0] for p in sorted((repo / "protocol").glob("*.md"))
    ]
    assert "# Courtesy at All Times" in firsts and "# Use of ict and CCTV" in firsts
