"""`constitution import` keeps what the source says: each paragraph's modality guessed
from its verbs, tracked-change residue refused, references kept pointing at the right
paragraph, and every word of the source landing somewhere."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from constitution.extract import run_together
from constitution.modality import guess_modality
from constitution.references import Forms, Targets, link

# Sentences written for these tests, as councils phrase rules: (sentence, modality,
# confidence). Short rules are rules; "will" and "can" are guessed with low confidence.
MODALITIES = [
    ("Members shall not act outside these roles.", "must-not", "high"),
    ("Officers must never disclose a member's casework.", "must-not", "high"),
    ("A member must at no time bully an officer.", "must-not", "high"),
    ("No member may instruct a planning officer.", "must-not", "high"),
    ("Neither a councillor nor an officer may criticise the other in public.", "must-not", "high"),
    ("Neither party shall seek to take advantage of their position.", "must-not", "high"),
    ("Officers are never to be asked to attend a group's meeting.", "must-not", "medium"),
    ("Members are not to approach junior officers.", "must-not", "medium"),
    ("That is not to say that officers are silent.", "informative", "medium"),
    ("Under no circumstances shall officers canvass.", "must-not", "high"),
    ("Members are not permitted to use council stationery for campaigns.", "must-not", "high"),
    ("Officers will not relay gossip.", "must-not", "low"),
    ("Officers cannot be asked to campaign.", "must-not", "low"),
    ("Members may not attend staff interviews.", "must-not", "medium"),
    ("Councillors are not entitled to see exempt papers of other wards.", "must-not", "medium"),
    ("Officers must reply.", "must", "high"),
    ("The clerk shall keep a register of gifts.", "must", "high"),
    ("Officers are required to be politically neutral.", "must", "high"),
    ("Each member is required to complete training within six months.", "must", "high"),
    ("The Chief Executive will inform the group leaders.", "must", "low"),
    ("This protocol will be reviewed annually by the Standards Committee.", "must", "low"),
    ("Members should copy the ward member in.", "should", "high"),
    ("A member ought to give notice of a question.", "should", "high"),
    ("Officers are expected to attend evening meetings when asked.", "should", "medium"),
    ("Officers should not normally copy letters to other members.", "should", "medium"),
    ("Members may ask for a briefing.", "may", "medium"),
    ("A member is entitled to see any document needed for their duties.", "may", "high"),
    ("Officers need not answer anonymous correspondence.", "may", "medium"),
    ("Members can ask the Monitoring Officer for advice.", "may", "low"),
    ("Members are elected by the residents of their wards.", "informative", "medium"),
    ("It is not a formal decision of the council.", "informative", "medium"),
    ("There is no doubt that officers may help.", "may", "medium"),
    # the other ways councils write duties, and sentences with a modal verb that are none
    ("The clerk is to keep the register.", "must", "medium"),
    ("Each group leader has a duty to pass the notice on.", "must", "medium"),
    ("It is the duty of the Chair to keep order.", "must", "medium"),
    ("It is the responsibility of each member to register gifts.", "must", "medium"),
    ("Members are asked to give a week's notice of a briefing.", "should", "medium"),
    ("Officers are not expected to attend party events.", "should", "medium"),
    ("Nothing in this protocol shall prevent a member from raising a complaint.", "may", "medium"),
    ("Members will find the register on the Council's website.", "informative", "medium"),
    ("The aim of this protocol is to set out good practice.", "informative", "medium"),
    ("A reference to a section is to a section of this code.", "informative", "medium"),
    ("The panel decides whether the matter should go to a hearing.", "informative", "medium"),
    ("A member who cannot attend sends apologies to the clerk.", "informative", "medium"),
    ("An officer who is asked to canvass is to refuse.", "must", "medium"),
    ("A member unsure whether an interest is pecuniary should ask.", "should", "high"),
    ("Gifts from contractors can create a sense of obligation.", "informative", "medium"),
    ("On receiving a complaint the Monitoring Officer will:", "must", "high"),
    ("Any member of the public can attend the meeting.", "may", "low"),
    # verbs of different force: the strongest of the surest, with lower confidence
    ("Officers must reply within ten days and may ask for more time.", "must", "medium"),
    ("The Chief Executive will decide whether such attendance may take place.", "may", "low"),
    ("Members must not press officers, but should write to them.", "must-not", "medium"),
]


@pytest.mark.parametrize(("sentence", "modality", "confidence"), MODALITIES)
def test_modality_is_guessed_from_the_verb_phrase(
    sentence: str, modality: str, confidence: str
) -> None:
    guess = guess_modality(sentence)
    assert (guess.modality, guess.confidence) == (modality, confidence), guess.phrases


def run_import(source: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constitution", "import", str(source), "--out", "out", *extra],
        cwd=source.parent,
        capture_output=True,
        text=True,
        check=False,
    )


# A draft exported from Word with its mark-up showing, written for this test: balloons
# for formatting, deletions, insertions, a move and a comment, and the old and new words
# run together in the text.
TRACKED = """Member/Officer Protocol

1. Introduction
1.1 Members and officers must treat one another with courtesy.
Formatted: Font: Bold
1.2 Officers must reply within fiveten working days.
Deleted: five
Inserted: ten
Comment [JB3]: Agreed at group leaders, check with legal.
2. Enquiries
2.1 Members may ask officers for information they need.
Moved (insertion) [1]
Field Code Changed
"""


def test_tracked_change_residue_is_refused_with_the_way_through(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(TRACKED, encoding="utf-8")
    result = run_import(source)
    assert result.returncode == 1
    assert "tracked changes" in result.stderr
    for line in (5, 7, 8, 9, 12, 13):  # each marked line is named
        assert f"line {line}:" in result.stderr
    assert "line 4:" not in result.stderr and "line 6:" not in result.stderr
    assert "Import the Word file (.docx) itself" in result.stderr
    assert "Accept All Changes" in result.stderr
    assert not (tmp_path / "out").exists()


def test_words_like_the_markers_in_a_sentence_are_not_residue(tmp_path: Path) -> None:
    source = tmp_path / "p.txt"
    source.write_text(
        "Member/Officer Protocol\n\n1. Records\n"
        "1.1 Formatted papers are kept by the clerk.\n"
        "1.2 Deleted e-mails are kept for a year.\n"
        "1.3 Comments on a draft report go to its author.\n",
        encoding="utf-8",
    )
    assert run_import(source).returncode == 0


@pytest.mark.parametrize(
    ("line", "residue"),
    [
        # old and new words run together where a sentence starts, no balloon beside them
        ("8.1 Officers serve Officers and employees serve the Council as a whole.", True),
        ("12.2 Officers draft Communications officers draft news releases.", True),
        ("They said so. Members ask Members and elected members ask officers.", True),
        # a name repeated is not a change: "Chief Executive and the Chief Operating Officer"
        ("The Chief Executive and the Chief Operating Officer will arrange it.", False),
        ("Members serve their wards; Members and officers serve the Council.", False),
        ("Officers advise Members, and Members decide.", False),
        # the verb comes again after a conjunction, a relative or a modal: ordinary prose
        ("1.1 Members meet Members of Parliament and meet local groups.", False),
        ("2.3 Members support Ward Members who support residents.", False),
        ("3.4 Members brief Members who will brief the press.", False),
        # a PDF's line that starts mid-sentence, the new words' run broken by a stop
        ("Members or Members and Officers; or in response to", False),
        ("2.1 Members or Members and Officers; or in response to", False),
        ("2.1 That the Committee recommends to Council that the protocol", False),
    ],
)
def test_old_and_new_words_run_together_are_residue(line: str, residue: bool) -> None:
    assert run_together(line) is residue


TARGETS = Targets(
    dotted={"3.1": "T-1", "3.2": "T-2", "3.3": "T-3", "3.4": "T-4", "10.4": "T-5", "2.1": "T-6"},
    whole={},
    parts={"5.5"},
    sections={"8": (8, "Media relations"), "9": (7, "Complaints")},
)
LOCAL = {"4": "T-7", "b": "T-8"}

# Sentences written for these tests: (text, text as written, kinds reported). A number is
# a reference only after a cue word or before a position word.
REFERENCES = [
    # each number a reference, every word as printed: {para}`10.4 <T-5>` reads "10.4"
    ("See paragraph 10.4.", "See paragraph {para}`10.4 <T-5>`.", []),
    ("as para. 10.4 says", "as para. {para}`10.4 <T-5>` says", []),
    ("under paras 3.1 and 3.2,", "under paras {para}`3.1 <T-1>` and {para}`3.2 <T-2>`,", []),
    ("paragraphs 3.1 to 3.4 apply", "paragraphs {para}`3.1 <T-1>` to {para}`3.4 <T-4>` apply", []),
    (
        "Paragraphs 3.1, 3.2 or 3.3",
        "Paragraphs {para}`3.1 <T-1>`, {para}`3.2 <T-2>` or {para}`3.3 <T-3>`",
        [],
    ),
    ("as in 10.4 above", "as in {para}`10.4 <T-5>` above", []),
    ("see 3.2 below", "see {para}`3.2 <T-2>` below", []),
    ("as in (4) above", "as in {para}`(4) <T-7>` above", []),
    ("under sub-paragraph (b)", "under sub-paragraph {para}`(b) <T-8>`", []),
    ("clause 3.3 applies", "clause {para}`3.3 <T-3>` applies", []),
    ("paragraph 3.2(a) applies", "paragraph {para}`3.2 <T-2>`(a) applies", []),
    (  # Part prefix, kept as printed
        "paragraphs 5.5 – 3.1 and 5.5 – 3.2",
        "paragraphs 5.5 – {para}`3.1 <T-1>` and 5.5 – {para}`3.2 <T-2>`",
        [],
    ),
    # a comma after the number, then the sentence goes on: its own paragraph
    (
        "Under paragraph 3.2, the Member must reply.",
        "Under paragraph {para}`3.2 <T-2>`, the Member must reply.",
        [],
    ),
    (
        "as in paragraph 3.1, Officers must",
        "as in paragraph {para}`3.1 <T-1>`, Officers must",
        [],
    ),
    (
        "as set out in paragraph 3.2 of this Protocol",
        "as set out in paragraph {para}`3.2 <T-2>` of this Protocol",
        [],
    ),
    # a dotted number after "see", or with an item of it, with no cue word
    ("see 3.2 and ask", "see {para}`3.2 <T-2>` and ask", []),
    ("(see also 10.4)", "(see also {para}`10.4 <T-5>`)", []),
    ("under 3.2(a), members", "under {para}`3.2 <T-2>`(a), members", []),
    ("See 3.3(ii) for this", "See {para}`3.3 <T-3>`(ii) for this", []),
    ("Regulation 3.2(a) applies", "Regulation 3.2(a) applies", []),
    ("see 3.2 of the Members' Code", "see 3.2 of the Members' Code", ["external-reference"]),
    ("see 7.9 for this", "see 7.9 for this", ["missing-reference"]),
    ("see 10.4.2023 minutes", "see 10.4.2023 minutes", []),
    # kept as text, and reported
    ("See paragraph 7.9.", "See paragraph 7.9.", ["missing-reference"]),
    ("paras 3.1 and 3.9", "paras 3.1 and 3.9", ["missing-reference"]),
    ("see 4.7 above", "see 4.7 above", ["missing-reference"]),
    ("as section 8 says", "as section 8 says", ["section-reference"]),
    ("see section 9 below", "see section 9 below", ["section-reference"]),
    ("under section 12", "under section 12", ["missing-reference"]),
    (
        "section 151 of the Local Government Act 1972",
        "section 151 of the Local Government Act 1972",
        ["external-reference"],
    ),
    # an Act named before, pointed back to: its section, not this document's
    ("section 8 of that Act", "section 8 of that Act", ["external-reference"]),
    (
        "paragraph 3.2 of the said Regulations",
        "paragraph 3.2 of the said Regulations",
        ["external-reference"],
    ),
    (
        "(Section 5, Local Government and Housing Act 1989)",
        "(Section 5, Local Government and Housing Act 1989)",
        ["external-reference"],
    ),
    (
        "the Localism Act 2011, section 28",
        "the Localism Act 2011, section 28",
        ["external-reference"],
    ),
    (
        "paragraph 3.1, Members' Code of Conduct",
        "paragraph 3.1, Members' Code of Conduct",
        ["external-reference"],
    ),
    (
        "paragraph 3.2 of the Members' Code",
        "paragraph 3.2 of the Members' Code",
        ["external-reference"],
    ),
    (
        "para. 4 of 'Standards in Public Life'",
        "para. 4 of 'Standards in Public Life'",
        ["external-reference"],
    ),
    # another document's provision by its own word, or a statute's inserted section
    (
        "rule 12 of the Standing Orders provides",
        "rule 12 of the Standing Orders provides",
        ["external-reference"],
    ),
    (
        "Regulation 7 of the Accounts and Audit Regulations 2015",
        "Regulation 7 of the Accounts and Audit Regulations 2015",
        ["external-reference"],
    ),
    (
        "section 100F of the Local Government Act 1972",
        "section 100F of the Local Government Act 1972",
        ["external-reference"],
    ),
    ("as rule 12 says", "as rule 12 says", []),  # no document named: kept, as printed
    # not references at all
    ("on 10.4.2023 the council met", "on 10.4.2023 the council met", []),
    ("a sum of £10.40 above the limit", "a sum of £10.40 above the limit", []),
    ("a fence 3.5 metres high", "a fence 3.5 metres high", []),
    ("Part 3.2 of the constitution", "Part 3.2 of the constitution", []),
    ("the (b) item of this clause below", "the (b) item of this clause below", []),
    ("in 2 above", "in 2 above", []),
    ("under sections 100A to 100D", "under sections 100A to 100D", []),
    ("sub-paragraph (c) of this one", "sub-paragraph (c) of this one", []),  # its own item
]


@pytest.mark.parametrize(("text", "written", "reported"), REFERENCES)
def test_references_in_the_forms_councils_write_them(
    text: str, written: str, reported: list[str]
) -> None:
    out, unresolved = link(text, TARGETS, LOCAL.get, lambda letter: letter == "c")
    assert out == written
    assert [u.kind for u in unresolved] == reported


TWICE = replace(TARGETS, twice={"3.2": ("T-2", "T-11")})


@pytest.mark.parametrize(
    ("itself", "reported"), [("T-1", "ambiguous-reference"), ("T-11", "self-reference")]
)
def test_a_number_printed_twice_is_not_linked_to_either(itself: str, reported: str) -> None:
    """3.2 printed on two paragraphs: which one "paragraph 3.2" means is not in its words,
    so it is listed, never linked to the last printed (from one of the two, it means the
    other: listed as that)."""
    out, unresolved = link("as paragraph 3.2 says", TWICE, LOCAL.get, lambda _: False, itself)
    assert (out, [u.kind for u in unresolved]) == ("as paragraph 3.2 says", [reported])


# A document cited by its own words ("Standing Order 12"; "Section 3.1", a paragraph where
# the document is cited so), beside others cited by theirs: (text, as written, reported).
CITED = replace(
    TARGETS,
    whole={"12": "T-9", "13": "T-10"},
    forms=Forms.of(
        ["Standing Order {number}", "Section {number}"],
        [
            ("Article {number}", "Articles of the Constitution", "articles"),
            ("Executive Standing Order {number}", "Executive Standing Orders", "executive"),
            ("paragraph {number} of the Protocol", "Protocol", "protocol"),  # a cue's word
        ],
    ),
)
OWN_WORDS = [
    ("under Standing Order 12", "under Standing Order {para}`12 <T-9>`", []),
    (
        "Standing Orders 12 and 13",
        "Standing Orders {para}`12 <T-9>` and {para}`13 <T-10>`",
        [],
    ),
    ("Section 3.1 applies", "Section {para}`3.1 <T-1>` applies", []),
    (  # a list, each with its word: not "Standing Order 13" named as a document
        "Standing Order 12, Standing Order 13 and Section 3.1",
        "Standing Order {para}`12 <T-9>`, Standing Order {para}`13 <T-10>` and Section "
        "{para}`3.1 <T-1>`",
        [],
    ),
    (
        "Standing Order 12, Standing Order 13 of the Licensing Committee",
        "Standing Order 12, Standing Order 13 of the Licensing Committee",
        ["external-reference", "external-reference"],
    ),
    ("paragraph 3.2 applies", "paragraph {para}`3.2 <T-2>` applies", []),
    ("standing order 14", "standing order 14", ["missing-reference"]),
    ("as Article 3.1 says", "as Article 3.1 says", ["external-reference"]),
    ("Executive Standing Order 12", "Executive Standing Order 12", ["external-reference"]),
    (
        "Standing Order 12 of the Licensing Committee",
        "Standing Order 12 of the Licensing Committee",
        ["external-reference"],
    ),
]


@pytest.mark.parametrize(("text", "written", "reported"), OWN_WORDS)
def test_references_in_a_documents_own_words(text: str, written: str, reported: list[str]) -> None:
    out, unresolved = link(text, CITED, LOCAL.get, lambda _: False)
    assert (out, [u.kind for u in unresolved]) == (written, reported)
