"""The publication copy never prints a placeholder: what is empty is left out, and named.

The internal copy still marks the gaps ("No response has been recorded.") for the office to
fill; the copy for publication leaves them out and its warnings say what was left out.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
import pytest

from app.documents.compose import build_response_document
from app.documents.content import ResponseDocument, SectionKind
from app.documents.docx import render_docx
from app.documents.html import render_html
from app.documents.pdf import render_pdf
from app.domain.model import Inspection
from app.domain.organisation import OrganisationSettings
from app.domain.template import NO_RESPONSE, NOT_RECORDED
from tests.documents.support import pdf_text

PLACEHOLDERS = (NO_RESPONSE, NOT_RECORDED, "Link to Report")
EMPTY_CC = "Chief Constable response to Recommendation 3"


@pytest.fixture
def with_gaps(spotlight: Inspection) -> Inspection:
    """The spotlight sample without its link and without one Chief Constable response."""
    spotlight.url = spotlight.url_label = ""
    rec3 = spotlight.finding_by_reference("Recommendation 3")
    assert rec3 is not None
    rec3.responses.chief_constable = ""
    return spotlight


def _docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def _pdf(document: ResponseDocument) -> str:
    return pdf_text(render_pdf(document).data)


def _html(document: ResponseDocument) -> str:
    return render_html(document).data.decode("utf-8")


def _docx(document: ResponseDocument) -> str:
    return _docx_text(render_docx(document).data)


RENDERERS: dict[str, Callable[[ResponseDocument], str]] = {
    "pdf": _pdf,
    "html": _html,
    "docx": _docx,
}


@pytest.mark.parametrize("file_format", RENDERERS)
def test_the_publication_copy_leaves_empty_items_out(
    with_gaps: Inspection, settings: OrganisationSettings, file_format: str
) -> None:
    render = RENDERERS[file_format]
    published = render(build_response_document(with_gaps, settings, internal=False))
    for placeholder in PLACEHOLDERS:
        assert placeholder not in published
    assert "Recommendation 2" in published  # the responses that are written are all there
    internal = render(build_response_document(with_gaps, settings, internal=True))
    for placeholder in PLACEHOLDERS:
        assert placeholder in internal  # the internal copy shows the gaps to fill


def test_the_left_out_items_are_named_and_only_empty_answers_leave(
    with_gaps: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(with_gaps, settings, internal=False)
    assert document.left_out == ("Link to Report", EMPTY_CC)
    assert f"Left out of the publication copy because it is empty: {EMPTY_CC}." in (
        document.warnings
    )
    chief = document.section(SectionKind.CHIEF_CONSTABLE_RESPONSE)
    assert chief is not None
    assert [entry.heading for entry in chief.entries] == ["Recommendation 2", "Recommendation 6"]
    assert [f.label for f in document.header_fields if f.label == "Link to Report"] == []


def test_a_response_section_with_nothing_written_is_left_out_whole(
    peel: Inspection, settings: OrganisationSettings
) -> None:
    peel.overall.commissioner = "I welcome the report."
    document = build_response_document(peel, settings, internal=False)
    assert document.section(SectionKind.CHIEF_CONSTABLE_RESPONSE) is None
    commissioner = document.section(SectionKind.COMMISSIONER_RESPONSE)
    assert commissioner is not None and commissioner.entries == ()
    assert "Chief Constable overall response" in document.left_out
    assert "Police and Crime Commissioner response to Area for improvement 1" in (document.left_out)
