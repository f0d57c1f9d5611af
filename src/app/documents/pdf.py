"""The response as a PDF: reportlab platypus with the DejaVu family embedded.

Every font is embedded (DejaVu is also the canvas's initial font, so no page refers to an
unembedded Helvetica); title, author, subject and ``lang`` en-GB are set; every section and
finding has a bookmark; each page has a "Page n of m" footer and, when chosen, the protective
marking at its top and bottom. The total in "of m" is a form drawn on every page and defined
once the last page is known, so the document is laid out in a single pass.
"""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from app import APP_NAME
from app.documents.content import ResponseDocument
from app.documents.output import RenderResult, write_atomically
from app.documents.pdf_flowables import FlowableBuilder
from app.documents.pdf_styles import (
    BOLD,
    BOTTOM_MARGIN,
    FRAME_WIDTH,
    INK,
    LEFT_MARGIN,
    MUTED,
    PAGE,
    PAGE_SIZE,
    REGULAR,
    RIGHT_MARGIN,
    RULE,
    TOP_MARGIN,
    register_fonts,
)
from app.documents.pdf_text import PdfText
from app.domain.errors import DocumentError

__all__ = ["RenderResult", "render_pdf", "write_pdf"]

_PAGE_COUNT_FORM = "pageCount"


def render_pdf(document: ResponseDocument) -> RenderResult:
    """The PDF's bytes and the warnings of every step (cleaning, missing glyphs, logo)."""
    text = PdfText(register_fonts())
    builder = FlowableBuilder(text)
    story = builder.document(document)
    buffer = io.BytesIO()
    template = _template(buffer, document, text)
    try:
        template.build(story, canvasmaker=_PageCountCanvas)
    except LayoutError as error:
        raise DocumentError(f"The PDF could not be laid out: {error}") from error
    warnings = [*document.warnings, *builder.warnings, *text.warnings]
    return RenderResult(buffer.getvalue(), warnings)


def write_pdf(document: ResponseDocument, path: Path | str) -> list[str]:
    """Render and save to ``path`` (replaced atomically); returns the warnings."""
    result = render_pdf(document)
    write_atomically(path, result.data)
    return result.warnings


def _template(buffer: io.BytesIO, document: ResponseDocument, text: PdfText) -> BaseDocTemplate:
    info = document.info
    frame = Frame(
        LEFT_MARGIN,
        BOTTOM_MARGIN,
        FRAME_WIDTH,
        PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    page = PageTemplate(
        "page",
        [frame],
        onPage=partial(_header, document=document),
        onPageEnd=partial(_footer, document=document, text=text),
    )
    return BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        pageTemplates=[page],
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=APP_NAME,
        lang=info.language,
        displayDocTitle=True,
        initialFontName=REGULAR,
    )


class _PageCountCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Defines the page-count form once every page has been shown."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pages_shown = 0
        self.showOutline()

    def showPage(self) -> None:
        self.pages_shown += 1
        super().showPage()

    def save(self) -> None:
        self.beginForm(_PAGE_COUNT_FORM)
        self.setFont(REGULAR, PAGE.font_size)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(self.pages_shown))
        self.endForm()
        super().save()


def _header(canvas: Canvas, _template: BaseDocTemplate, *, document: ResponseDocument) -> None:
    """The protective marking, centred at the top of every page (when there is one)."""
    if document.marking_text:
        canvas.saveState()
        canvas.setFont(BOLD, PAGE.marking_size)
        canvas.setFillColor(INK)
        canvas.drawCentredString(PAGE_SIZE[0] / 2, PAGE.header_y, document.marking_text)
        canvas.restoreState()


def _footer(
    canvas: Canvas, _template: BaseDocTemplate, *, document: ResponseDocument, text: PdfText
) -> None:
    """ "Page n of m" on the left, the marking in the middle, the inspection on the right."""
    right = PAGE_SIZE[0] - RIGHT_MARGIN
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT_MARGIN, PAGE.rule_y, right, PAGE.rule_y)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, PAGE.font_size)
    page_words = f"Page {canvas.getPageNumber()} of "
    canvas.drawString(LEFT_MARGIN, PAGE.footer_y, page_words)
    canvas.saveState()
    canvas.translate(LEFT_MARGIN + stringWidth(page_words, REGULAR, PAGE.font_size), PAGE.footer_y)
    canvas.doForm(_PAGE_COUNT_FORM)
    canvas.restoreState()
    marking_room = 0.0
    if document.marking_text:
        canvas.setFont(BOLD, PAGE.marking_size)
        canvas.setFillColor(INK)
        canvas.drawCentredString(PAGE_SIZE[0] / 2, PAGE.footer_y, document.marking_text)
        marking_room = stringWidth(document.marking_text, BOLD, PAGE.marking_size) / 2 + 14
        canvas.setFont(REGULAR, PAGE.font_size)
        canvas.setFillColor(MUTED)
    room = FRAME_WIDTH / 2 - max(marking_room, 14)
    label = _fit(text.drawable(document.running_title, REGULAR), room, PAGE.font_size)
    canvas.drawRightString(right, PAGE.footer_y, label)
    canvas.restoreState()


def _fit(label: str, room: float, size: float) -> str:
    """``label`` shortened with an ellipsis to fit ``room`` points."""
    if stringWidth(label, REGULAR, size) <= room:
        return label
    while label and stringWidth(label + "…", REGULAR, size) > room:
        label = label[: max(0, len(label) - max(1, len(label) // 8))]
    return label.rstrip() + "…" if label else ""
