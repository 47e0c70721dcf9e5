"""What a careful reader sees that the importer missed in the blind trial of issue 18
(tests/import_made19): a list item's further paragraph in a Word file."""

from __future__ import annotations

from pathlib import Path

import docx

from constitution.importer import import_protocol
from import_software import abstract_list, instance, numbered


def test_a_list_item_s_further_paragraph_in_word_is_the_item_s(tmp_path: Path) -> None:
    """Pandoc writes a list item's further paragraph in a list whose mark is blank (a
    bullet drawn as a space): set at the item's indent with no mark of its own, it is the
    numbered paragraph's own, a paragraph of it, or its sentence going on after a page
    break; never an item."""
    document = docx.Document()
    numbering = abstract_list(document, 80, [("decimal", "%1.", "", False)])
    abstract_list(document, 81, [("bullet", " ", "", False)])
    instance(numbering, 80, 80, {})
    instance(numbering, 81, 81, {})
    document.add_paragraph("Protocol", style="Title")
    document.add_heading("Staff", level=1)
    for text, num in (
        ("Staff act impartially.", 80),
        ("They give every councillor the same advice.", 81),
        ("Staff give advice to any councillor", 80),
        ("who asks for it.", 81),
        ("Staff keep records.", 80),
    ):
        numbered(document.add_paragraph(text)._p.get_or_add_pPr(), num, 0)
    document.save(str(tmp_path / "protocol.docx"))
    doc = import_protocol(tmp_path / "protocol.docx")
    assert [(c.number, c.paragraphs) for c in doc.clauses()] == [
        ("1.", ["Staff act impartially.", "They give every councillor the same advice."]),
        ("2.", ["Staff give advice to any councillor who asks for it."]),
        ("3.", ["Staff keep records."]),
    ]
    assert not doc.defects
