"""The rich-text representation every writer renders: inline spans inside a few kinds of block.

Markdown (the stored format) is parsed once into these values (:mod:`app.documents.markdown`),
so the PDF, HTML and DOCX writers never interpret Markdown themselves and cannot disagree about
what is bold, what is a list or where a heading sits. Text in here is already clean (no control
characters) but NOT escaped: escaping is each writer's job, for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass

LINE_BREAK = "\n"
"""A span whose text is exactly this is a hard line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one set of formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None

    @property
    def is_break(self) -> bool:
        return self.text == LINE_BREAK


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]
    preformatted: bool = False
    """Code blocks: line breaks kept as they were typed."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a text; ``level`` is the absolute level in the document (3–6)."""

    level: int
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True, slots=True)
class Quote:
    blocks: tuple[Block, ...]


Block = Paragraph | Heading | ListBlock | Quote


def plain_paragraph(text: str, *, bold: bool = False, italic: bool = False) -> Paragraph:
    """A one-span paragraph of literal (not Markdown) text."""
    return Paragraph((Span(text, bold=bold, italic=italic),))


def spans_text(spans: tuple[Span, ...]) -> str:
    return "".join(span.text for span in spans)


def blocks_text(blocks: tuple[Block, ...]) -> str:
    """The plain words of some blocks, one line per paragraph (for tests and summaries)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            lines.append(spans_text(block.spans))
        elif isinstance(block, ListBlock):
            lines.extend(blocks_text(item.blocks) for item in block.items)
        else:
            lines.append(blocks_text(block.blocks))
    return "\n".join(lines)


def embolden(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The same blocks with every span bold (a finding quoted above its response)."""
    return tuple(_embolden_block(block) for block in blocks)


def _embolden_block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(_bold_spans(block.spans), block.preformatted)
    if isinstance(block, Heading):
        return block
    if isinstance(block, ListBlock):
        items = tuple(ListItem(embolden(item.blocks)) for item in block.items)
        return ListBlock(items, block.ordered, block.start)
    return Quote(embolden(block.blocks))


def _bold_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return tuple(Span(s.text, True, s.italic, s.href) for s in spans)
