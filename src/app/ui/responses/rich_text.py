"""The editor's document as the paragraphs and spans that :mod:`app.documents.markdown_writer`
writes as Markdown.

``QTextDocument.toMarkdown()`` is not used: it writes typed ``**`` and ``&lt;`` unescaped, so
they came back as bold and as "<" (and it re-wraps lines). Reading the document's blocks and
fragments here keeps exactly the characters typed, with their bold, italic and links.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlock, QTextDocument, QTextFragment, QTextListFormat

from app.documents.elements import LINE_BREAK, Span
from app.documents.markdown_writer import Line, write_markdown

_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
_OBJECT = "\ufffc"  # an image or other object: no text to keep


def document_markdown(document: QTextDocument) -> str:
    """What ``document`` holds, as Markdown that reads back as exactly what was typed."""
    return write_markdown(lines_of(document))


def lines_of(document: QTextDocument) -> list[Line]:
    lines: list[Line] = []
    block = document.begin()
    while block.isValid():
        lines.append(_line(block))
        block = block.next()
    return lines


def _line(block: QTextBlock) -> Line:
    spans: list[Span] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            spans += _spans(fragment)
        iterator += 1
    text_list = block.textList()
    if text_list is None:
        return Line(tuple(spans), heading=block.blockFormat().headingLevel())
    list_format = text_list.format()
    ordered = list_format.style() in _ORDERED
    return Line(
        tuple(spans),
        list_kind="ordered" if ordered else "bullet",
        level=max(0, list_format.indent() - 1),
        number=list_format.start() + text_list.itemNumber(block) if ordered else 1,
        list_id=text_list.objectIndex(),
    )


def _spans(fragment: QTextFragment) -> list[Span]:
    char_format = fragment.charFormat()
    bold = char_format.fontWeight() > QFont.Weight.Medium
    italic = char_format.fontItalic()
    href = char_format.anchorHref() if char_format.isAnchor() else ""
    spans: list[Span] = []
    for number, piece in enumerate(fragment.text().split("\u2028")):  # Shift+Enter
        if number:
            spans.append(Span(LINE_BREAK))
        piece = piece.replace(_OBJECT, "")
        if piece:
            spans.append(Span(piece, bold, italic, href or None))
    return spans
