"""The response as a PDF: reportlab platypus with the DejaVu family embedded.

Every font is embedded (DejaVu is also the canvas's initial font, so no page refers to an
unembedded Helvetica); title, author, subject and ``lang`` en-GB are set; every section and
finding has a bookmark; each page has a "Page n of m" footer and, when chosen, the protective
marking at its top and bottom. Pages are held back until the last is known, then each gets
its total ("of m"), so the document is laid out in a single pass.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from app import APP_NAME
from app.documents.content import DocumentInfo, ResponseDocument
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

__all__ = ["Paged", "RenderResult", "build_pdf", "footer_title_lines", "render_pdf", "write_pdf"]


class Paged(Protocol):
    """What the pages of a PDF need from the document: its metadata, the protective marking at
    the top and bottom of each page, and the title in each footer."""

    @property
    def info(self) -> DocumentInfo: ...
    @property
    def marking_text(self) -> str: ...
    @property
    def running_title(self) -> str: ...


def render_pdf(document: ResponseDocument) -> RenderResult:
    """The PDF's bytes and the warnings of every step (cleaning, missing glyphs, logo)."""
    text = PdfText(register_fonts())
    builder = FlowableBuilder(text)
    data = build_pdf(document, builder.document(document), text)
    warnings = [*document.warnings, *builder.warnings, *text.warnings]
    return RenderResult(data, warnings)


def build_pdf(document: Paged, story: list[Any], text: PdfText) -> bytes:
    """Lay ``story`` out on this application's pages ("Page n of m", marking, metadata)."""
    buffer = io.BytesIO()
    template = _template(buffer, document)
    try:
        footer = partial(_footer, document=document, text=text)
        template.build(story, canvasmaker=partial(_PageCountCanvas, footer=footer))
    except LayoutError as error:
        raise DocumentError(f"The PDF could not be laid out: {error}") from error
    return buffer.getvalue()


def write_pdf(document: ResponseDocument, path: Path | str) -> list[str]:
    """Render and save to ``path`` (replaced atomically); returns the warnings."""
    result = render_pdf(document)
    write_atomically(path, result.data)
    return result.warnings


def _template(buffer: io.BytesIO, document: Paged) -> BaseDocTemplate:
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
    """Holds every page back until the last is known, then draws each page's footer.

    So the footer says "Page 2 of 8" in one run of text, which text extraction (a screen
    reader, a search, an importer) reads as one line.
    """

    def __init__(self, *args: Any, footer: Callable[[Canvas, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.footer = footer
        self._held: list[dict[str, Any]] = []
        self.showOutline()

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            self.footer(self, total)
            super().showPage()
        super().save()


def _header(canvas: Canvas, _template: BaseDocTemplate, *, document: Paged) -> None:
    """The protective marking, centred at the top of every page (when there is one)."""
    if document.marking_text:
        canvas.saveState()
        canvas.setFont(BOLD, PAGE.marking_size)
        canvas.setFillColor(INK)
        canvas.drawCentredString(PAGE_SIZE[0] / 2, PAGE.header_y, document.marking_text)
        canvas.restoreState()


def _footer(canvas: Canvas, total: int, *, document: Paged, text: PdfText) -> None:
    """ "Page n of m" on the left, the marking in the middle, the inspection on the right."""
    right = PAGE_SIZE[0] - RIGHT_MARGIN
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT_MARGIN, PAGE.rule_y, right, PAGE.rule_y)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, PAGE.font_size)
    page_words = f"Page {canvas.getPageNumber()} of {total}"
    canvas.drawString(LEFT_MARGIN, PAGE.footer_y, page_words)
    room = FRAME_WIDTH - stringWidth(page_words, REGULAR, PAGE.font_size) - _FOOTER_GAP
    if document.marking_text:
        canvas.setFont(BOLD, PAGE.marking_size)
        canvas.setFillColor(INK)
        canvas.drawCentredString(PAGE_SIZE[0] / 2, PAGE.footer_y, document.marking_text)
        marking_width = stringWidth(document.marking_text, BOLD, PAGE.marking_size)
        room = FRAME_WIDTH / 2 - marking_width / 2 - _FOOTER_GAP
        canvas.setFont(REGULAR, PAGE.font_size)
        canvas.setFillColor(MUTED)
    title = text.drawable(document.running_title, REGULAR)
    for number, line in enumerate(footer_title_lines(title, room, PAGE.font_size)):
        canvas.drawRightString(right, PAGE.footer_y - number * PAGE.font_size * 1.25, line)
    canvas.restoreState()


_FOOTER_GAP = 14.0
"""Points between the footer's page number, marking and title."""


def footer_title_lines(title: str, room: float, size: float) -> list[str]:
    """The footer's title in at most two lines of ``room`` points, broken between words; a
    title longer still ends its second line at a word with "…"."""
    lines = [line for line in simpleSplit(title, REGULAR, size, room) if line.strip()]
    if len(lines) <= 2:
        return lines
    words = " ".join(lines[1:]).split()
    second = ""
    for word in words:
        if stringWidth(f"{second} {word}…".strip(), REGULAR, size) > room:
            break
        second = f"{second} {word}".strip()
    return [lines[0], (second or words[0][: max(1, len(words[0]) // 2)]) + "…"]
