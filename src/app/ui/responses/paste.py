"""Pasting from Word (or a web page): keep what Markdown can hold, drop the rest.

What survives: paragraphs, bold, italic, links, bullet and numbered lists (nested too).
What goes: fonts, sizes, colours, highlighting, underline, alignment, margins, headings (kept
as bold paragraphs), images, tables (their cells become paragraphs).

Word does not write HTML lists: it writes paragraphs styled ``mso-list:l0 level1`` whose
bullet or number sits in a ``<![if !supportLists]>`` block. :func:`word_lists_to_html` turns
those into real ``<ul>``/``<ol>`` lists before Qt reads the HTML.
"""

from __future__ import annotations

import html as html_lib
import re

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextList,
    QTextListFormat,
)

from app.ui.responses.rich_text import document_markdown

_PARAGRAPH = re.compile(r"<p\b(?P<attrs>[^>]*)>(?P<body>.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_MSO_LIST = re.compile(r"mso-list:\s*l(?P<list>\d+)\s+level(?P<level>\d+)", re.IGNORECASE)
_MARKER = re.compile(
    r"<!(?:--)?\[if\s+!supportLists\](?:--)?>(?P<marker>.*?)<!(?:--)?\[endif\](?:--)?>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
_ORDERED_MARKER = re.compile(r"^\(?([0-9]+|[a-z]{1,3}|[ivxlc]+)[.)]$", re.IGNORECASE)
_CONDITIONAL = re.compile(r"<!--\[if[^\]]*\]>.*?<!\[endif\]-->", re.IGNORECASE | re.DOTALL)
_ORDERED_STYLES = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


def _marker_is_ordered(marker_html: str) -> bool:
    marker = html_lib.unescape(_TAG.sub("", marker_html)).replace("\xa0", " ").strip()
    return bool(_ORDERED_MARKER.match(marker))


def _lists_html(items: list[tuple[int, bool, str]]) -> str:
    """Nested ``<ul>``/``<ol>`` for (level, ordered, body) items in document order."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    for level, ordered, body in items:
        tag = "ol" if ordered else "ul"
        while stack and stack[-1][0] > level:
            out.append(f"</li></{stack.pop()[1]}>")
        if stack and stack[-1][0] == level:
            if stack[-1][1] == tag:
                out.append("</li>")
            else:
                out.append(f"</li></{stack.pop()[1]}>")
        if not stack or stack[-1][0] < level:
            out.append(f"<{tag}>")
            stack.append((level, tag))
        out.append(f"<li>{body}")
    while stack:
        out.append(f"</li></{stack.pop()[1]}>")
    return "".join(out)


def word_lists_to_html(html: str) -> str:
    """Replace Word's list paragraphs with HTML lists; other HTML is returned unchanged."""
    html = _CONDITIONAL.sub("", html)
    out: list[str] = []
    run: list[tuple[int, bool, str]] = []
    position = 0
    for match in _PARAGRAPH.finditer(html):
        style = _MSO_LIST.search(match.group("attrs"))
        between = html[position : match.start()]
        if run and (style is None or between.strip()):
            out.append(_lists_html(run))
            run = []
        out.append(between)
        position = match.end()
        if style is None:
            out.append(match.group(0))
            continue
        body = match.group("body")
        marker = _MARKER.search(body)
        ordered = _marker_is_ordered(marker.group("marker")) if marker else False
        run.append((int(style.group("level")), ordered, _MARKER.sub("", body, count=1)))
    if run:
        out.append(_lists_html(run))
    out.append(html[position:])
    return "".join(out)


def _clean_char_format(source: QTextCharFormat, *, bold: bool) -> QTextCharFormat:
    clean = QTextCharFormat()
    if bold or source.fontWeight() >= QFont.Weight.DemiBold:
        clean.setFontWeight(QFont.Weight.Bold)
    if source.fontItalic():
        clean.setFontItalic(True)
    if source.isAnchor() and source.anchorHref():
        clean.setAnchor(True)
        clean.setAnchorHref(source.anchorHref().strip().replace(" ", "%20"))
        clean.setFontUnderline(True)
    return clean


_Run = tuple[str, QTextCharFormat]


def _runs(block: QTextBlock) -> list[_Run]:
    heading = block.blockFormat().headingLevel() > 0
    runs = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        text = fragment.text().replace("\ufffc", "").replace("\xa0", " ")
        if text:
            runs.append((text, _clean_char_format(fragment.charFormat(), bold=heading)))
        fragments += 1
    return runs


def _trim(runs: list[_Run]) -> list[_Run]:
    """Runs without blank space at the start and end of their paragraph."""
    while runs and not runs[0][0].strip():
        runs = runs[1:]
    while runs and not runs[-1][0].strip():
        runs = runs[:-1]
    if runs:
        runs = [(runs[0][0].lstrip(), runs[0][1]), *runs[1:]]
        runs = [*runs[:-1], (runs[-1][0].rstrip(), runs[-1][1])]
    return runs


def clean_document(source: QTextDocument) -> QTextDocument:
    """A copy of ``source`` with only paragraphs, lists, bold, italic and links.

    Blank paragraphs are dropped, and blank space around each paragraph too, unless there is
    only one paragraph: a pasted phrase keeps its spaces.
    """
    blocks = []
    block = source.begin()
    while block.isValid():
        blocks.append((block.textList(), _runs(block)))
        block = block.next()
    if len(blocks) > 1:
        blocks = [(text_list, _trim(runs)) for text_list, runs in blocks]
        blocks = [(text_list, runs) for text_list, runs in blocks if runs]
    target = QTextDocument()
    cursor = QTextCursor(target)
    lists: dict[int, QTextList] = {}
    for number, (source_list, runs) in enumerate(blocks):
        if number:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if source_list is not None:
            key = source_list.objectIndex()
            if key in lists:
                lists[key].add(cursor.block())
            else:
                lists[key] = cursor.createList(_list_format(source_list.format()))
        for text, char_format in runs:
            cursor.insertText(text, char_format)
    return target


def _list_format(source: QTextListFormat) -> QTextListFormat:
    ordered = source.style() in _ORDERED_STYLES
    clean = QTextListFormat()
    clean.setStyle(QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc)
    clean.setIndent(max(1, source.indent()))
    return clean


def html_to_fragment(html: str) -> QTextDocumentFragment:
    """Pasted HTML reduced to what a response may hold, ready to insert at the cursor."""
    source = QTextDocument()
    source.setHtml(word_lists_to_html(html))
    return QTextDocumentFragment(clean_document(source))


def html_to_markdown(html: str) -> str:
    """Pasted HTML as the Markdown it will be stored as (for tests and diagnostics)."""
    document = QTextDocument()
    QTextCursor(document).insertFragment(html_to_fragment(html))
    return document_markdown(document)
