"""The DOCX export reopened with python-docx: Word's heading and list styles, table, properties."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest

from app.documents.compose import build_response_document
from app.documents.docx import render_docx, write_docx
from app.domain.enums import ProtectiveMarking
from app.domain.model import Inspection, RoleTexts
from app.domain.organisation import OrganisationSettings
from tests.documents.support import (
    expected_sequence,
    find_in_order,
    norfolk_settings,
    png_logo,
    words,
)


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _all_text(word: Any) -> str:
    """Body paragraphs and table cells in document order."""
    parts: list[str] = []
    for item in word.iter_inner_content():
        if hasattr(item, "rows"):
            parts += [cell.text for row in item.rows for cell in row.cells]
        else:
            parts.append(item.text)
    return "\n".join(parts)


@pytest.mark.parametrize("sample", ["spotlight", "peel"])
def test_headings_use_word_heading_styles_in_order(
    sample: str, settings: OrganisationSettings, request: pytest.FixtureRequest
) -> None:
    inspection: Inspection = request.getfixturevalue(sample)
    document = build_response_document(inspection, settings, internal=True)
    word = _open(render_docx(document).data)
    headings = [
        (p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")
    ]
    expected = [("Heading 1", document.title)]
    for section in document.sections:
        expected.append(("Heading 2", section.heading))
        expected += [(f"Heading {entry.level}", entry.heading) for entry in section.entries]
    outline_only = [h for h in headings if h[1] in {title for _, title in expected}]
    assert outline_only == expected
    assert find_in_order(words(_all_text(word)), expected_sequence(document)) == []


def test_lists_table_and_properties(spotlight: Inspection, settings: OrganisationSettings) -> None:
    document = build_response_document(spotlight, settings, internal=False)
    word = _open(render_docx(document).data)
    styles = {p.style.name for p in word.paragraphs}
    assert "List Bullet" in styles
    fields = word.tables[0]
    assert [row.cells[0].text for row in fields.rows] == [f.label for f in document.header_fields]
    properties = word.core_properties
    assert properties.title == document.info.title
    assert properties.author == document.info.author
    assert properties.subject == document.info.subject
    assert properties.language == "en-GB"
    assert 'w:val="en-GB"' in word.styles.element.xml
    relationships = [r.target_ref for r in word.part.rels.values() if r.is_external]
    assert "https://justiceinspectorates.gov.uk" in relationships


def test_numbered_lists_restart(settings: OrganisationSettings) -> None:
    inspection = Inspection(title="T", overall=RoleTexts("1. a\n2. b\n\ntext\n\n1. c", "ok"))
    word = _open(render_docx(build_response_document(inspection, settings, internal=False)).data)
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert [p.text for p in numbered] == ["a", "b", "c"]
    assert ids[0] == ids[1] != ids[2]


def test_marking_logo_and_internal_copy(spotlight: Inspection, tmp_path: Path) -> None:
    settings = norfolk_settings(logo=png_logo(), protective_marking=ProtectiveMarking.OFFICIAL)
    document = build_response_document(spotlight, settings, internal=True)
    target = tmp_path / "response.docx"
    assert write_docx(document, target) == []
    word = docx.Document(str(target))
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "OFFICIAL"
    assert "OFFICIAL" in [p.text for p in section.footer.paragraphs]
    assert "NUMPAGES" in section.footer._element.xml
    assert len(word.inline_shapes) == 1
    assert 'descr="Office of the Police and Crime Commissioner for Norfolk logo"' in (
        word.element.body.xml
    )
    assert word.tables[-1].rows[0].cells[0].text == "Step"
    assert "For Office Use Only" in [p.text for p in word.paragraphs]


def test_the_details_table_has_the_pdf_padding_and_a_named_font(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    """Like the PDF's: room inside every cell, and one named typeface for the whole document
    (not only a theme's, which another word processor may not have)."""
    from docx.oxml.ns import qn

    word = _open(render_docx(build_response_document(spotlight, settings, internal=False)).data)
    margins = word.tables[0]._tbl.tblPr.find(qn("w:tblCellMar"))
    assert margins is not None
    twips = {side: int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) for side in
             ("top", "bottom", "left", "right")}  # fmt: skip
    assert twips == {"top": 100, "bottom": 120, "left": 140, "right": 140}  # 5, 6, 7, 7 points
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Arial"
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over the name
    for row in word.tables[0].rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                assert run.font.size is not None and run.font.size.pt == 10.5
    label = word.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
    assert label.bold and str(label.font.color.rgb) == "1F3864"
