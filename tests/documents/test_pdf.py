"""The response PDF read back with pypdf: text in order, metadata, fonts, bookmarks, variants."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from app.documents.compose import build_response_document
from app.documents.content import ResponseDocument
from app.documents.pdf import render_pdf, write_pdf
from app.domain.enums import ProtectiveMarking
from app.domain.errors import DocumentError
from app.domain.model import Inspection
from app.domain.organisation import OrganisationSettings
from tests.documents.support import (
    SPOTLIGHT_SEED,
    expected_sequence,
    find_in_order,
    norfolk_settings,
    pdf_body_text,
    pdf_reader,
    pdf_text,
    png_logo,
    words,
)

BASE_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip

# Lines of the seed the product writes differently on purpose: its own title with the role title
# from the settings, the statutory deadline instead of the template's one-day-late date, the
# PCC's heading with the full role title, and the Markdown link syntax of the text export.
SEED_LINES_WRITTEN_DIFFERENTLY = (
    "Norfolk Police and Crime Commissioner (PCO) response",
    "1 September 2023",
    "PCC response to report",
    "[Police performance: Getting a grip",
)


def _seed_paragraphs() -> list[list[str]]:
    lines = SPOTLIGHT_SEED.read_text(encoding="utf-8").splitlines()
    kept = [
        line
        for line in lines
        if line.strip() and not line.startswith(SEED_LINES_WRITTEN_DIFFERENTLY)
    ]
    return [words(line) for line in kept]


def _document(
    inspection: Inspection, settings: OrganisationSettings, **options: Any
) -> ResponseDocument:
    options.setdefault("internal", False)
    return build_response_document(inspection, settings, **options)


def test_spotlight_pdf_holds_every_seed_paragraph_in_order(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = _document(spotlight, settings, internal=True)
    body = words(pdf_body_text(render_pdf(document).data))
    assert find_in_order(body, _seed_paragraphs()) == []
    assert find_in_order(body, [words("Police performance: Getting a grip – PEEL spotlight")]) == []


@pytest.mark.parametrize("internal", [False, True])
@pytest.mark.parametrize("sample", ["spotlight", "peel"])
def test_every_heading_finding_and_response_appears_in_order(
    sample: str, internal: bool, settings: OrganisationSettings, request: pytest.FixtureRequest
) -> None:
    inspection = request.getfixturevalue(sample)
    document = _document(inspection, settings, internal=internal)
    body = words(pdf_body_text(render_pdf(document).data))
    assert find_in_order(body, expected_sequence(document)) == []


def test_metadata_language_and_viewer_settings(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    reader = pdf_reader(render_pdf(_document(spotlight, settings)).data)
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == (
        "Police and Crime Commissioner response: "
        "PEEL Spotlight – Police performance: Getting a grip"
    )
    assert metadata.author == "Office of the Police and Crime Commissioner for Norfolk"
    assert metadata.subject is not None and metadata.subject.startswith("Section 55 response")
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def _fonts(resources: Any, found: dict[str, Any]) -> None:
    resources = resources.get_object() if resources is not None else {}
    for font in resources.get("/Font", {}).values():
        font = font.get_object()
        found[str(font["/BaseFont"])] = font
    for xobject in resources.get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            _fonts(xobject.get("/Resources"), found)


def test_every_font_is_embedded_and_none_is_base_14(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = _document(spotlight, settings, internal=True, marking=ProtectiveMarking.OFFICIAL)
    reader = pdf_reader(render_pdf(document).data)
    found: dict[str, Any] = {}
    for page in reader.pages:
        _fonts(page.get("/Resources"), found)
    names = {name.split("+", 1)[-1].lstrip("/") for name in found}
    assert names == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    assert not names & BASE_14
    for font in found.values():
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()


def _outline_titles(outline: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    titles: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            titles += _outline_titles(item, depth + 1)
        else:
            titles.append((depth, str(item.title)))
    return titles


def test_bookmarks_for_every_section_and_finding(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = _document(spotlight, settings, internal=True)
    reader = pdf_reader(render_pdf(document).data)
    expected = [(entry.level, entry.title) for entry in document.outline()]
    assert _outline_titles(reader.outline) == expected
    assert (1, "Recommendation 6") in expected
    assert (0, "For Office Use Only") in expected


def test_publication_and_internal_copies_differ(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    publication = pdf_text(render_pdf(_document(spotlight, settings)).data)
    internal_document = _document(
        spotlight, settings, internal=True, marking=ProtectiveMarking.OFFICIAL_SENSITIVE
    )
    internal = pdf_text(render_pdf(internal_document).data)
    assert "For Office Use Only" not in publication
    assert "OFFICIAL" not in publication
    assert "For Office Use Only" in internal
    assert "Internal copy – not for publication" in internal
    pages = len(pdf_reader(render_pdf(internal_document).data).pages)
    assert internal.count("OFFICIAL-SENSITIVE") == 2 * pages


def test_every_page_says_page_n_of_m(spotlight: Inspection, settings: OrganisationSettings) -> None:
    reader = pdf_reader(render_pdf(_document(spotlight, settings)).data)
    total = len(reader.pages)
    assert total > 3
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert re.search(rf"Page {number} of\s*{total}\b", text), text[-200:]


def test_link_to_report_is_a_live_link(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    reader = pdf_reader(render_pdf(_document(spotlight, settings)).data)
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for annotation in reader.pages[0].get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert "https://justiceinspectorates.gov.uk" in uris


def test_write_pdf_replaces_the_file(
    spotlight: Inspection, settings: OrganisationSettings, tmp_path: Path
) -> None:
    target = tmp_path / "response.pdf"
    target.write_bytes(b"old")
    assert write_pdf(_document(spotlight, settings), target) == []
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["response.pdf"]


def test_unwritable_place_is_a_document_error(
    spotlight: Inspection, settings: OrganisationSettings, tmp_path: Path
) -> None:
    document = _document(spotlight, settings)
    with pytest.raises(DocumentError, match="Cannot save the document in"):
        write_pdf(document, tmp_path / "missing" / "response.pdf")
    with pytest.raises(DocumentError, match="that is a folder"):
        write_pdf(document, tmp_path)


def test_logo_is_drawn_and_an_unreadable_one_is_skipped_with_a_warning(
    spotlight: Inspection,
) -> None:
    document = _document(spotlight, norfolk_settings(logo=png_logo()))
    result = render_pdf(document)
    assert result.warnings == []
    first_page = pdf_reader(result.data).pages[0]
    assert len(first_page.images) == 1
    broken = render_pdf(_document(spotlight, norfolk_settings(logo=b"\x89PNG broken")))
    assert any("logo was left out" in warning for warning in broken.warnings)
    assert len(pdf_reader(broken.data).pages[0].images) == 0
