"""The response as a Word document (python-docx) with Word's own styles.

Real "Heading 1–6", "List Bullet"/"List Number" and a table for the header fields mean Word's
navigation pane works and Word's "Save as PDF" makes a tagged, accessible PDF. Title, author,
subject, keywords and language (en-GB) are set; every text reaching python-docx has already been
cleaned of the control characters it refuses (see :mod:`app.documents.text`).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.run import Run

from app import APP_NAME
from app.documents.content import (
    SECTION_LEVEL,
    STEP_COLUMNS,
    TITLE_LEVEL,
    Entry,
    HeaderField,
    ResponseDocument,
    Section,
    StepRow,
)
from app.documents.docx_parts import (
    add_field,
    add_hyperlink,
    repeat_as_header,
    restart_numbering,
    set_alt_text,
    set_cell_margins,
    set_document_font,
    set_language,
    set_numbering,
    shade,
)
from app.documents.elements import Block, Heading, ListBlock, Paragraph, Quote, Span
from app.documents.logo import read_logo
from app.documents.output import RenderResult, write_atomically

__all__ = ["render_docx", "write_docx"]

_MAX_LIST_DEPTH = 3
_MAX_PROPERTY = 255
_STEP_SHARES = (0.44, 0.16, 0.18, 0.22)
_LABEL_FILL = "E9EEF6"
_ACCENT = RGBColor(0x1F, 0x38, 0x64)
_FONT = "Arial"
"""The body's typeface: a sans serif every Windows and Mac has (the PDF embeds its own)."""
_BODY_SIZE = Pt(10.5)
_MUTED = RGBColor(0x4A, 0x4A, 0x4A)
_LOGO_HEIGHT = Cm(2)


def render_docx(document: ResponseDocument) -> RenderResult:
    """The .docx file's bytes, with the document's warnings and the writer's own."""
    writer = _DocxWriter(document)
    data = writer.write()
    return RenderResult(data, [*document.warnings, *writer.warnings])


def write_docx(document: ResponseDocument, path: Path | str) -> list[str]:
    """Render and save to ``path`` (replaced atomically); returns the warnings."""
    result = render_docx(document)
    write_atomically(path, result.data)
    return result.warnings


def _set_widths(table: Any, widths: tuple[Any, ...]) -> None:
    """Fixed column widths (Word reads the cells, LibreOffice the grid: set both)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _property(text: str) -> str:
    """Word's document properties hold at most 255 characters."""
    return text if len(text) <= _MAX_PROPERTY else text[: _MAX_PROPERTY - 1] + "…"


def _list_style(ordered: bool, depth: int, continuation: bool) -> str:
    base = "List Continue" if continuation else ("List Number" if ordered else "List Bullet")
    depth = min(depth, _MAX_LIST_DEPTH)
    return base if depth == 1 else f"{base} {depth}"


class _DocxWriter:
    def __init__(self, document: ResponseDocument) -> None:
        self.document = document
        self.word: Any = Document()
        self.warnings: list[str] = []
        self._style_ids: dict[str, str] = {}

    def write(self) -> bytes:
        document, word = self.document, self.word
        self.properties()
        self.page()
        self.letterhead()
        self.heading(TITLE_LEVEL, document.title)
        self.plain(document.statutory, muted=True)
        self.fields(document.header_fields)
        if document.deadline_note:
            self.plain(document.deadline_note, muted=True, italic=True)
        for section in document.sections:
            self.section(section)
        buffer = io.BytesIO()
        word.save(buffer)
        return buffer.getvalue()

    # --- set-up --------------------------------------------------------------------------

    def properties(self) -> None:
        info, properties = self.document.info, self.word.core_properties
        properties.title = _property(info.title)
        properties.author = _property(info.author)
        properties.subject = _property(info.subject)
        properties.keywords = _property(info.keywords)
        properties.comments = f"Made by {APP_NAME}."
        properties.last_modified_by = _property(info.author)
        produced = self.document.produced_on
        properties.created = dt.datetime(produced.year, produced.month, produced.day)
        properties.revision = 1
        set_language(self.word, info.language)
        set_document_font(self.word, _FONT, round(_BODY_SIZE.pt * 2))

    def page(self) -> None:
        section = self.word.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.3)
        marking = self.document.marking_text
        if marking:
            header = section.header.paragraphs[0]
            header.alignment = WD_ALIGN_PARAGRAPH.CENTER
            header.add_run(marking).bold = True
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        add_field(footer, "PAGE")
        footer.add_run(" of ")
        add_field(footer, "NUMPAGES")
        if marking:
            extra = section.footer.add_paragraph()
            extra.alignment = WD_ALIGN_PARAGRAPH.CENTER
            extra.add_run(marking).bold = True

    def letterhead(self) -> None:
        document = self.document
        logo, problem = read_logo(document.logo)
        if problem:
            self.warnings.append(problem)
        if logo is not None:
            paragraph = self.word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            picture = paragraph.add_run().add_picture(io.BytesIO(logo.data), height=_LOGO_HEIGHT)
            set_alt_text(picture, document.logo_alt)
        if document.organisation:
            self.word.add_paragraph().add_run(document.organisation).bold = True
        if document.copy_label:
            self.plain(document.copy_label, muted=True, bold=True)

    # --- content -------------------------------------------------------------------------

    def plain(
        self, text: str, *, muted: bool = False, bold: bool = False, italic: bool = False
    ) -> None:
        run = self.word.add_paragraph().add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if muted:
            run.font.color.rgb = _MUTED

    def heading(self, level: int, text: str) -> Any:
        paragraph = self.paragraph(f"Heading {min(level, 6)}")
        paragraph.add_run(text)
        return paragraph

    def paragraph(self, style: str | None = None) -> Any:
        """A new body paragraph; styles are looked up once (python-docx searches every time)."""
        paragraph = self.word.add_paragraph()
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.word.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def fields(self, fields: tuple[HeaderField, ...]) -> None:
        table = self.word.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for field in fields:
            label, value = table.add_row().cells
            run = label.paragraphs[0].add_run(field.label)
            run.bold, run.font.color.rgb = True, _ACCENT
            shade(label, _LABEL_FILL)
            self.spans(value.paragraphs[0], (Span(field.value, href=field.href),))
            for cell in (label, value):
                for element in cell._tc.iter(qn("w:r")):
                    Run(element, cell.paragraphs[0]).font.size = _BODY_SIZE
        set_cell_margins(table, top=5, bottom=6, left=7, right=7)  # as the PDF's field table
        _set_widths(table, (Cm(6.9), Cm(9.7)))
        self.word.add_paragraph()

    def section(self, section: Section) -> None:
        self.heading(SECTION_LEVEL, section.heading)
        self.blocks(section.intro)
        for entry in section.entries:
            self.entry(entry)
        self.blocks(section.closing)
        if section.steps:
            self.steps(section.steps)

    def entry(self, entry: Entry) -> None:
        self.heading(entry.level, entry.heading)
        self.blocks(entry.finding)
        self.blocks(entry.response)

    def steps(self, steps: tuple[StepRow, ...]) -> None:
        table = self.word.add_table(rows=1, cols=len(STEP_COLUMNS))
        table.style = "Table Grid"
        head = table.rows[0]
        repeat_as_header(head)
        for cell, name in zip(head.cells, STEP_COLUMNS, strict=True):
            cell.paragraphs[0].add_run(name).bold = True
            shade(cell, _LABEL_FILL)
        for step in steps:
            cells = table.add_row().cells
            for cell, value in zip(
                cells, (step.step, step.done_on, step.done_by, step.note), strict=True
            ):
                cell.paragraphs[0].add_run(value)
        _set_widths(table, tuple(Cm(16.6 * share) for share in _STEP_SHARES))

    # --- text blocks -----------------------------------------------------------------------

    def blocks(self, blocks: tuple[Block, ...], depth: int = 0, quoted: bool = False) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.spans(self.paragraph(f"Heading {min(block.level, 6)}"), block.spans)
            elif isinstance(block, Paragraph):
                style = _list_style(False, depth, True) if depth else ("Quote" if quoted else None)
                paragraph = self.paragraph(style)
                self.spans(paragraph, block.spans, code=block.preformatted)
            elif isinstance(block, ListBlock):
                self.list(block, depth + 1, quoted)
            elif isinstance(block, Quote):
                self.blocks(block.blocks, depth, quoted=True)

    def list(self, block: ListBlock, depth: int, quoted: bool) -> None:
        style = _list_style(block.ordered, depth, False)
        number_id: int | None = None
        for item in block.items:
            first, *rest = item.blocks or (Paragraph(()),)
            paragraph = self.paragraph(style)
            if block.ordered:
                if number_id is None:
                    number_id = restart_numbering(self.word, paragraph, style, block.start)
                else:
                    set_numbering(paragraph, number_id)
            if isinstance(first, Paragraph | Heading):
                self.spans(paragraph, first.spans)
            else:
                rest.insert(0, first)
            self.blocks(tuple(rest), depth, quoted)

    def spans(self, paragraph: Any, spans: tuple[Span, ...], *, code: bool = False) -> None:
        for span in spans:
            if span.href:
                add_hyperlink(paragraph, span.text, span.href, bold=span.bold, italic=span.italic)
                continue
            run = paragraph.add_run(span.text)
            run.bold, run.italic = span.bold or None, span.italic or None
            if code:
                run.font.name = "Consolas"
                run.font.size = Pt(10)
