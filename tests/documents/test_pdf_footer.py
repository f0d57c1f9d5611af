"""The PDF's page footer: "Page n of m" and the inspection's title, whole or cut at a word."""

from __future__ import annotations

from pypdf import PageObject
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.documents.compose import build_response_document
from app.documents.pdf import footer_title_lines, render_pdf
from app.documents.pdf_styles import PAGE, REGULAR
from app.domain.model import Inspection
from app.domain.organisation import OrganisationSettings
from tests.documents.support import pdf_reader, words


def _footer_text(page: PageObject) -> str:
    """The words drawn below the body (the footer), top to bottom."""
    parts: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if 5 < y < PAGE.rule_y and text.strip():
            parts.append((-round(y), x, text))

    page.extract_text(visitor_text=visit)
    return " ".join(text for *_, text in sorted(parts))


def test_the_footer_shows_a_long_title_whole(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(spotlight, settings, internal=False)
    reader = pdf_reader(render_pdf(document).data)
    for number, page in enumerate(reader.pages, 1):
        footer = _footer_text(page)
        assert "…" not in footer
        assert (
            words("Response to PEEL Spotlight – Police performance: Getting a grip")
            == [word for word in words(footer) if word not in {"page", "of", str(number)}][-9:]
        )


def test_a_title_too_long_for_two_lines_is_shortened_at_a_word() -> None:
    title = "Response to " + " ".join(f"word{n}" for n in range(60))
    room = 200.0
    lines = footer_title_lines(title, room, PAGE.font_size)
    assert len(lines) == 2
    assert all(stringWidth(line, REGULAR, PAGE.font_size) <= room for line in lines)
    assert lines[1].endswith("…")
    shown = " ".join(lines).removesuffix("…").split()
    assert shown == title.split()[: len(shown)]  # whole words only, in order


def test_a_short_title_stays_on_one_line() -> None:
    assert footer_title_lines("Response to Getting a grip", 200, PAGE.font_size) == [
        "Response to Getting a grip"
    ]


def test_the_page_total_is_read_with_its_page_not_as_body_text(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    """The total is drawn on each page's own footer line, where text extraction finds it."""
    document = build_response_document(spotlight, settings, internal=False)
    reader = pdf_reader(render_pdf(document).data)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        assert _footer_text(page).startswith(f"Page {number} of {total}")
