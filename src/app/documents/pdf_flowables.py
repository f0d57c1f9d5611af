"""The response document → reportlab flowables, using only the styles of :mod:`pdf_styles`.

Lists are flat indented paragraphs with bullets rather than nested containers, so a list of any
length splits across pages like ordinary text; headings carry their bookmark and draw it where
they land.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from app.documents.content import (
    SECTION_LEVEL,
    STEP_COLUMNS,
    TITLE_LEVEL,
    Entry,
    HeaderField,
    OutlineEntry,
    ResponseDocument,
    Section,
    StepRow,
)
from app.documents.elements import Block, Heading, ListBlock, Quote, Span
from app.documents.elements import Paragraph as TextParagraph
from app.documents.logo import read_logo
from app.documents.pdf_styles import (
    BULLETS,
    FIELD_LABEL_WIDTH,
    FIELD_TABLE,
    FRAME_WIDTH,
    HEADING_ROOM,
    LETTERHEAD_TABLE,
    LIST_SPACE_AFTER,
    LOGO_MAX_HEIGHT,
    LOGO_MAX_WIDTH,
    STEP_TABLE,
    STEP_WIDTHS,
    STYLES,
    list_style,
    quote_style,
)
from app.documents.pdf_text import PdfText

MAX_LEVEL = 6


class OutlinedParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A heading that adds its PDF bookmark on the page where it is drawn."""

    outline: OutlineEntry | None = None

    def split(self, available_width: float, available_height: float) -> list[Any]:
        parts: list[Any] = super().split(available_width, available_height)
        for number, part in enumerate(parts):
            part.outline = self.outline if number == 0 else None
        return parts

    def draw(self) -> None:
        if self.outline is not None:
            self.canv.bookmarkHorizontal(self.outline.anchor, 0, self.height)
            self.canv.addOutlineEntry(
                self.outline.title, self.outline.anchor, self.outline.level, closed=False
            )
        super().draw()


class FlowableBuilder:
    """Lays out one document; collects the warnings of its layout (an unreadable logo…)."""

    def __init__(self, text: PdfText) -> None:
        self.text = text
        self.warnings: list[str] = []

    def document(self, document: ResponseDocument) -> list[Flowable]:
        story = self.letterhead(document)
        story += self.heading(TITLE_LEVEL, document.title, document.title_anchor, 0)
        story.append(Paragraph(self.text.plain(document.statutory), STYLES["statutory"]))
        story.append(self.field_table(document.header_fields))
        if document.deadline_note:
            story.append(
                Paragraph(self.text.plain(document.deadline_note), STYLES["deadline_note"])
            )
        for section in document.sections:
            story += self.section(section)
        return story

    # --- parts of the document ---------------------------------------------------------------

    def letterhead(self, document: ResponseDocument) -> list[Flowable]:
        story: list[Flowable] = []
        logo = self.logo(document.logo) if document.logo else None
        name = Paragraph(self.text.plain(document.organisation), STYLES["organisation"])
        if logo is not None or document.organisation:
            cells = [[name, logo or Spacer(0, 0)]]
            logo_width = logo.drawWidth if logo is not None else 0
            widths = [FRAME_WIDTH - logo_width, logo_width]
            story.append(Table(cells, colWidths=widths, style=LETTERHEAD_TABLE, hAlign="LEFT"))
            story.append(Spacer(1, 10))
        if document.copy_label:
            story.append(Paragraph(self.text.plain(document.copy_label), STYLES["copy_label"]))
        return story

    def logo(self, data: bytes) -> Image | None:
        logo, problem = read_logo(data)
        if logo is None:
            if problem:
                self.warnings.append(problem)
            return None
        scale = min(LOGO_MAX_WIDTH / logo.width, LOGO_MAX_HEIGHT / logo.height)
        return Image(io.BytesIO(logo.data), width=logo.width * scale, height=logo.height * scale)

    def heading(self, level: int, text: str, anchor: str, outline_level: int) -> list[Flowable]:
        paragraph = OutlinedParagraph(
            self.text.plain(text), STYLES[f"heading{min(level, MAX_LEVEL)}"]
        )
        paragraph.outline = OutlineEntry(outline_level, text, anchor)
        return [CondPageBreak(HEADING_ROOM), paragraph]

    def field_table(self, fields: tuple[HeaderField, ...]) -> Table:
        rows = [
            [
                Paragraph(self.text.plain(field.label, bold=True), STYLES["field_label"]),
                Paragraph(
                    self.text.spans((Span(field.value, href=field.href),)),
                    STYLES["field_value"],
                ),
            ]
            for field in fields
        ]
        widths = [FIELD_LABEL_WIDTH, FRAME_WIDTH - FIELD_LABEL_WIDTH]
        return Table(
            rows, colWidths=widths, style=FIELD_TABLE, hAlign="LEFT", splitInRow=1, spaceAfter=4
        )

    def section(self, section: Section) -> list[Flowable]:
        story = self.heading(SECTION_LEVEL, section.heading, section.anchor, 0)
        story += self.blocks(section.intro)
        for entry in section.entries:
            story += self.entry(entry)
        if section.closing:
            story.append(Spacer(1, 6))
            story += self.blocks(section.closing)
        if section.steps:
            story.append(self.steps_table(section.steps))
            # A short checklist stays on one page with its heading (a long one still splits);
            # the heading's conditional page break stays outside, where KeepTogether can measure.
            return [story[0], KeepTogether(story[1:])]
        return story

    def entry(self, entry: Entry) -> list[Flowable]:
        outline_level = entry.level - SECTION_LEVEL
        story = self.heading(entry.level, entry.heading, entry.anchor, outline_level)
        story += self.blocks(entry.finding)
        if entry.response:
            story.append(Spacer(1, 3))
            story += self.blocks(entry.response)
        return story

    def steps_table(self, steps: tuple[StepRow, ...]) -> Table:
        head = [Paragraph(self.text.plain(name), STYLES["table_head"]) for name in STEP_COLUMNS]
        rows: list[list[Flowable]] = [head]
        for step in steps:
            values = (step.step, step.done_on, step.done_by, step.note)
            rows.append([Paragraph(self.text.plain(v), STYLES["table_cell"]) for v in values])
        widths = [FRAME_WIDTH * share for share in STEP_WIDTHS]
        return Table(
            rows, colWidths=widths, style=STEP_TABLE, repeatRows=1, splitInRow=1, hAlign="LEFT"
        )

    # --- text blocks -------------------------------------------------------------------------

    def blocks(
        self, blocks: tuple[Block, ...], depth: int = 0, quoted: bool = False
    ) -> list[Flowable]:
        story: list[Flowable] = []
        for block in blocks:
            if isinstance(block, ListBlock):
                story += self.list(block, depth + 1, quoted)
                if depth == 0:
                    story.append(Spacer(1, LIST_SPACE_AFTER))
            elif isinstance(block, Quote):
                story += self.blocks(block.blocks, depth, quoted=True)
            else:
                story.append(self.paragraph(block, self._style(block, depth, quoted)))
        return story

    def paragraph(
        self, block: TextParagraph | Heading, style: ParagraphStyle, bullet: str | None = None
    ) -> Paragraph:
        if isinstance(block, TextParagraph) and block.preformatted:
            markup = self.text.preformatted(block.spans)
        else:
            markup = self.text.spans(block.spans)
        return Paragraph(markup, style, bulletText=bullet)

    def list(self, block: ListBlock, depth: int, quoted: bool) -> list[Flowable]:
        story: list[Flowable] = []
        style = list_style(depth, block.ordered)
        if quoted:
            style = quote_style(style)
        for number, item in enumerate(block.items, block.start):
            bullet: str | None = f"{number}." if block.ordered else BULLETS[(depth - 1) % 3]
            for inner in item.blocks:
                if isinstance(inner, TextParagraph | Heading):
                    story.append(self.paragraph(inner, style, bullet))
                else:
                    if bullet is not None:  # an item that starts with a list still shows its bullet
                        story.append(Paragraph("&#160;", style, bulletText=bullet))
                    story += self.blocks((inner,), depth, quoted)
                bullet = None
            if bullet is not None:  # an empty item
                story.append(Paragraph("&#160;", style, bulletText=bullet))
        return story

    def _style(self, block: Block, depth: int, quoted: bool) -> ParagraphStyle:
        if isinstance(block, Heading):
            style = STYLES[f"heading{min(block.level, MAX_LEVEL)}"]
        elif isinstance(block, TextParagraph) and block.preformatted:
            style = STYLES["preformatted"]
        else:
            style = list_style(depth, False) if depth else STYLES["body"]
        return quote_style(style) if quoted else style
