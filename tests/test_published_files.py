"""Nothing is published but the site, and nothing is deleted but what the tool wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution.build import build_site
from constitution.importer import write
from constitution.output_folder import MARK
from constitution.problems import ProtocolError
from constitution.project import Project


def test_a_page_cannot_publish_a_file_of_the_project(
    scratch: Project, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """docs/ pages are not checked by the gate: the build itself refuses images and
    downloads, and copies neither into its work area nor the site."""
    (scratch.root / "secret.txt").write_text("token=abc", encoding="utf-8")
    (scratch.root / "guidance.html").write_text("<script>x()</script>", encoding="utf-8")
    home = scratch.docs / "index.md"
    home.write_text(
        home.read_text(encoding="utf-8") + "\n![crest](../secret.txt) [g](../guidance.html)\n",
        encoding="utf-8",
    )
    assert build_site(scratch, tmp_path / "site") != 0
    assert "published-file" in capfd.readouterr().err
    assert not (tmp_path / "site").exists()
    work = tmp_path / ".site.work"
    assert work.is_dir()
    copied = [p.name for p in work.rglob("*") if p.name in ("secret.txt", "guidance.html")]
    assert copied == []


@pytest.mark.parametrize("where", [".", "..", "protocol", "link"])
def test_build_refuses_an_output_folder_it_did_not_make(scratch: Project, where: str) -> None:
    (scratch.root / "link").symlink_to(scratch.root / "docs")
    before = sorted(p.relative_to(scratch.root) for p in scratch.root.rglob("*"))
    with pytest.raises(ProtocolError, match="unsafe-output-"):
        build_site(scratch, scratch.root / where)
    assert sorted(p.relative_to(scratch.root) for p in scratch.root.rglob("*")) == before


def test_build_replaces_its_own_folder_and_nothing_beside_it(
    scratch: Project, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    neighbour = tmp_path / ".site.old"  # the name the old site once took on its way out
    neighbour.mkdir()
    (neighbour / "keep.txt").write_text("someone's file", encoding="utf-8")
    assert build_site(scratch, out) == 0
    assert (out / MARK).is_file()
    (out / "stale.html").write_text("from an earlier build", encoding="utf-8")
    assert build_site(scratch, out) == 0
    assert not (out / "stale.html").exists()
    assert (neighbour / "keep.txt").read_text(encoding="utf-8") == "someone's file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.old")) == [
        ".site.old"
    ]


def test_import_force_replaces_a_protocol_folder_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = {"index.md": "# Protocol\n"}
    (tmp_path / "protocol").mkdir()
    (tmp_path / "protocol" / "old.md").write_text("# Old\n", encoding="utf-8")
    write(files, tmp_path / "protocol", force=True)
    assert sorted(p.name for p in (tmp_path / "protocol").iterdir()) == ["index.md"]
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "minutes.docx").write_bytes(b"PK")
    for out in (tmp_path / "notes", tmp_path, tmp_path.parent):
        with pytest.raises(ProtocolError, match="unsafe-output-"):
            write(files, out, force=True)
    assert (tmp_path / "notes" / "minutes.docx").read_bytes() == b"PK"


def test_imported_words_are_words_not_markup(tmp_path: Path) -> None:
    """A crafted source (here text; a .docx's paragraphs take the same path) cannot smuggle
    an image or a link into the protocol: the importer writes its words literally."""
    import subprocess
    import sys

    from constitution.source import markdown_tokens

    source = tmp_path / "old.txt"
    source.write_text(
        "1. Purpose\n\n1.1 Members must be courteous ![crest][c] and [kind](../.git/config).\n\n"
        "[c]: ../.git/config\n\n1.2 Officers must give members <b>timely</b> advice.\n\n"
        "2. Review\n\n2.1 The Monitoring Officer will review this protocol every year.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", "protocol"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "protocol").glob("*.md"))
    bodies = [t.content for t in markdown_tokens(text) if t.info.startswith("{clause}")]
    assert len(bodies) == 3
    kinds = {c.type for b in bodies for t in markdown_tokens(b) for c in t.children or []}
    assert not kinds & {"image", "link_open", "html_inline"}
    assert "../.git/config" in text  # the words are kept, as words
