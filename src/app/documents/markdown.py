"""Stored Markdown → :mod:`app.documents.elements`, through markdown-it-py's CommonMark parser.

Raw HTML is switched off (``{"html": False}``), so ``<font size=40>`` in a response stays text in
every export. Headings inside a text are renumbered below the heading that holds the text, with
no level skipped, whatever levels the author typed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from app.documents.elements import (
    LINE_BREAK,
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Span,
)

MAX_HEADING_LEVEL = 6
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


@lru_cache(maxsize=1024)
def parse_markdown(text: str, heading_level: int) -> tuple[Block, ...]:
    """Blocks of ``text``; its headings sit at ``heading_level`` and below (never beyond 6).

    Cached: the blocks are immutable, and a preview re-rendered after each edit re-reads
    mostly unchanged texts.
    """
    if not text.strip():
        return ()
    tokens = _parser().parse(text)
    blocks = _BlockReader(tokens).read_until(None)
    return _renumber_headings(blocks, heading_level)


def safe_href(href: str) -> str | None:
    """Only web and e-mail links become links; anything else stays as plain text."""
    href = href.strip()
    return href if href.lower().startswith(_SAFE_SCHEMES) else None


class _BlockReader:
    """Walks the flat token stream of markdown-it, building nested blocks."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self._tokens = tokens
        self._index = 0

    def _next(self) -> Token:
        token = self._tokens[self._index]
        self._index += 1
        return token

    def read_until(self, closing: str | None) -> tuple[Block, ...]:
        blocks: list[Block] = []
        while self._index < len(self._tokens):
            token = self._next()
            if token.type == closing:
                break
            block = self._block(token)
            if block is not None:
                blocks.append(block)
        return tuple(blocks)

    def _block(self, token: Token) -> Block | None:
        kind = token.type
        if kind == "paragraph_open":
            return Paragraph(self._inline_until("paragraph_close"))
        if kind == "heading_open":
            return Heading(int(token.tag[1:]), self._inline_until("heading_close"))
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self._list(token)
        if kind == "blockquote_open":
            return Quote(self.read_until("blockquote_close"))
        if kind in ("fence", "code_block"):
            return Paragraph(_text_spans(token.content.rstrip("\n")), preformatted=True)
        if kind == "inline":  # text directly inside a tight list item
            return Paragraph(_spans(token.children or []))
        return None  # thematic breaks and closing tokens carry no text

    def _inline_until(self, closing: str) -> tuple[Span, ...]:
        spans: tuple[Span, ...] = ()
        while self._index < len(self._tokens):
            token = self._next()
            if token.type == closing:
                break
            if token.type == "inline":
                spans += _spans(token.children or [])
        return spans

    def _list(self, opening: Token) -> ListBlock:
        ordered = opening.type == "ordered_list_open"
        closing = "ordered_list_close" if ordered else "bullet_list_close"
        start = opening.attrs.get("start", 1) if ordered else 1
        items: list[ListItem] = []
        while self._index < len(self._tokens):
            token = self._next()
            if token.type == closing:
                break
            if token.type == "list_item_open":
                items.append(ListItem(self.read_until("list_item_close")))
        return ListBlock(tuple(items), ordered, int(start))


def _text_spans(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            spans.append(Span(LINE_BREAK))
        if line:
            spans.append(Span(line))
    return tuple(spans)


def _spans(children: Sequence[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic = max(0, italic - 1)
        elif kind == "link_open":
            href = safe_href(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            href = None
        elif kind == "softbreak":
            spans.append(Span(" ", bold > 0, italic > 0, href))
        elif kind == "hardbreak":
            spans.append(Span(LINE_BREAK))
        elif child.content:  # text, inline code, an image's alt text, raw HTML as typed
            spans.append(Span(child.content, bold > 0, italic > 0, href))
    return _merge(spans)


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Adjacent spans with the same formatting become one (fewer runs in DOCX, less markup)."""
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not span.is_break
            and not previous.is_break
            and (previous.bold, previous.italic, previous.href)
            == (span.bold, span.italic, span.href)
        ):
            merged[-1] = Span(previous.text + span.text, span.bold, span.italic, span.href)
        else:
            merged.append(span)
    return tuple(merged)


def _renumber_headings(blocks: tuple[Block, ...], base: int) -> tuple[Block, ...]:
    """Map the author's heading levels onto ``base``, ``base + 1``… with no level skipped."""
    levels = sorted({heading.level for heading in _headings(blocks)})
    if not levels:
        return blocks
    rank = {level: number for number, level in enumerate(levels)}
    previous = base - 1

    def renumber(block: Block) -> Block:
        nonlocal previous
        if isinstance(block, Heading):
            previous = min(base + rank[block.level], previous + 1, MAX_HEADING_LEVEL)
            return Heading(previous, block.spans)
        if isinstance(block, ListBlock):
            items = tuple(ListItem(tuple(map(renumber, i.blocks))) for i in block.items)
            return ListBlock(items, block.ordered, block.start)
        if isinstance(block, Quote):
            return Quote(tuple(map(renumber, block.blocks)))
        return block

    return tuple(map(renumber, blocks))


def _headings(blocks: tuple[Block, ...]) -> Iterator[Heading]:
    for block in blocks:
        if isinstance(block, Heading):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _headings(item.blocks)
        elif isinstance(block, Quote):
            yield from _headings(block.blocks)
