"""Saved web pages to blocks, with selectolax (lexbor): a real HTML parser, not regular expressions.

Site chrome is dropped by element (scripts, styles, navigation, headers and footers, cookie
banners, hidden text); when the page marks its main content (``<main>``, ``role="main"``) only
that is read. The tree is walked without recursion, so deep nesting cannot overflow the stack.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from app.domain.errors import ImportFailure
from app.importers.blocks import (
    Block,
    BlockKind,
    SourceDocument,
    clean_inline,
    heading,
    list_item,
    list_marker,
    plain_text,
    table,
)
from app.importers.lines import lines_to_blocks
from app.importers.render import blocks_to_text

_DROPPED_TAGS = frozenset((
    "script", "style", "noscript", "template", "nav", "header", "footer", "form", "button",
    "svg", "iframe", "object", "embed", "select", "input", "textarea", "head", "canvas", "map",
    "audio", "video", "aside", "dialog",
))  # fmt: skip
_DROPPED_ROLES = frozenset(
    ("navigation", "banner", "contentinfo", "search", "dialog", "alertdialog")
)
_DROPPED_CLASS = re.compile(
    r"cookie|consent|skip-?link|breadcrumb|share|social|print|back-to-top|visually-hidden|"
    r"sr-only|screen-reader",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset((
    "p", "div", "section", "article", "main", "blockquote", "dl", "dt", "dd", "pre", "figure",
    "figcaption", "address", "summary", "details", "hr", "center", "body", "html",
))  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*"}
_NESTING = re.compile(
    rb"<(/?)(div|section|article|aside|main|blockquote|ul|ol|dl|table|form|fieldset|details)\b",
    re.IGNORECASE,
)
MAX_NESTING = 1000
"""Real pages nest a few dozen elements deep; the HTML parser slows quadratically beyond."""


def read_html(text: str, name: str) -> SourceDocument:
    _check_nesting(text, name)
    try:
        tree = LexborHTMLParser(text)
    except Exception as error:  # the parser's own errors; a page is either readable or not
        raise ImportFailure(f"{name} is not a readable web page.") from error
    title_node = tree.css_first("title")
    title = clean_inline(title_node.text()) if title_node is not None else ""
    root = tree.css_first("main") or tree.css_first("[role=main]") or tree.body or tree.root
    if root is None:
        raise ImportFailure(f"{name} has no content.")
    walker = _Walker()
    walker.walk(root)
    blocks = walker.finish()
    return SourceDocument(blocks, blocks_to_text(blocks), title=title)


def _check_nesting(text: str, name: str) -> None:
    depth = deepest = 0
    for match in _NESTING.finditer(text.encode("utf-8", "replace")):
        depth += -1 if match.group(1) else 1
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            raise ImportFailure(f"{name} is nested too deeply to be a saved web page.")


def _dropped(node: Any) -> bool:
    tag = node.tag
    if tag in _DROPPED_TAGS or tag == "-comment":
        return True
    attributes = node.attributes
    if not attributes:
        return False
    if attributes.get("role") in _DROPPED_ROLES or "hidden" in attributes:
        return True
    if attributes.get("aria-hidden") == "true":
        return True
    style = (attributes.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    marks = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    return bool(marks.strip()) and bool(_DROPPED_CLASS.search(marks))


_LIST_STYLES = {
    "lower-alpha": "a", "lower-latin": "a", "upper-alpha": "A", "upper-latin": "A",
    "lower-roman": "i", "upper-roman": "I",
}  # fmt: skip
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)


def _marker_style(node: Any) -> str:
    """ "a", "A", "i" or "I" for a lettered or roman-numbered list; "" for a numbered one."""
    kind = (node.attributes.get("type") or "").strip()
    if kind in ("a", "A", "i", "I"):
        return kind
    found = _LIST_STYLE.search(node.attributes.get("style") or "")
    return _LIST_STYLES.get(found.group(1).lower(), "") if found else ""


def _cell_link(cell: Any) -> str:
    """The web or mail address of the first link in a table cell, or ""."""
    link = cell.css_first("a[href]")
    href = (link.attributes.get("href") or "").strip() if link is not None else ""
    return href.replace(" ", "%20") if re.match(r"(?i)(https?:|mailto:)", href) else ""


class _Walker:
    """Collects inline text into blocks as block-level elements open and close."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.heading_level = 0
        self.lists: list[list[int]] = []  # per open list: [ordered, next number]
        self.markers: list[str] = []  # per open list: "a", "A", "i", "I" (lettered), "" otherwise
        self.in_item = 0
        self.pre = 0
        self.marks: list[int] = []  # buffer positions where emphasis or a link began

    def walk(self, root: Any) -> None:
        node = root.child
        parents: list[Any] = []
        while node is not None:
            if self.enter(node):
                if node.child is not None:
                    parents.append(node)
                    node = node.child
                    continue
                self.leave(node)
            while node.next is None and parents:
                node = parents.pop()
                self.leave(node)
            node = node.next

    def enter(self, node: Any) -> bool:
        tag = node.tag
        if tag == "-text":
            text = node.text(deep=False) or ""
            self.buffer.append(text if self.pre else re.sub(r"\s+", " ", text))
            return False
        if _dropped(node):
            return False
        if tag == "br":
            self.buffer.append("\n")
        elif tag == "table":
            self.flush()
            self.add_table(node)
            return False
        elif tag in _HEADINGS:
            self.flush()
            self.heading_level = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            self.flush()
            start = node.attributes.get("start") or "1"
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
            self.markers.append(_marker_style(node) if tag == "ol" else "")
        elif tag == "li":
            self.flush()
            self.in_item += 1
        elif tag in _BLOCK_TAGS:
            self.flush()
            self.pre += tag == "pre"
        elif tag in _EMPHASIS or tag == "a":
            self.marks.append(len(self.buffer))
        return True

    def leave(self, node: Any) -> None:
        tag = node.tag
        if tag in _HEADINGS:
            self.flush()
            self.heading_level = 0
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
                self.markers.pop()
        elif tag == "li":
            self.flush()
            self.in_item = max(0, self.in_item - 1)
        elif tag in _BLOCK_TAGS:
            self.flush()
            self.pre -= tag == "pre"
        elif (tag in _EMPHASIS or tag == "a") and self.marks:
            self.wrap(self.marks.pop(), tag, node)

    def wrap(self, start: int, tag: str, node: Any) -> None:
        inner = "".join(self.buffer[start:])
        if not inner.strip() or "\n" in inner:
            return
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        if tag == "a":
            href = (node.attributes.get("href") or "").strip()
            if not re.match(r"(?i)(https?:|mailto:)", href):
                return
            wrapped = f"[{inner.strip()}]({href.replace(' ', '%20')})"
        else:
            mark = _EMPHASIS[tag]
            wrapped = f"{mark}{inner.strip()}{mark}"
        self.buffer[start:] = [lead, wrapped, trail]

    def add_table(self, node: Any) -> None:
        cells = [row.css("th, td") for row in node.css("tr")]
        rows = [[clean_inline(cell.text(separator=" ")) for cell in row] for row in cells]
        if any(any(row) for row in rows):
            self.blocks.append(table(rows, [[_cell_link(cell) for cell in row] for row in cells]))

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        self.marks = []
        if not text.strip():
            return
        if self.heading_level:
            self.blocks.append(heading(clean_inline(plain_text(text)), self.heading_level))
            return
        pieces = lines_to_blocks(text.split("\n"))
        if self.in_item and self.lists:
            ordered, number = self.lists[-1]
            level = len(self.lists)
            marker = list_marker(self.markers[-1], number)
            for position, piece in enumerate(pieces):
                if marker:  # Markdown numbers lists 1, 2, 3: a lettered item keeps its letter
                    text = f"{marker}. {piece.text}" if position == 0 else piece.text
                    self.blocks.append(list_item(text, level))
                    continue
                self.blocks.append(
                    list_item(
                        piece.text, level, ordered=bool(ordered), number=number if ordered else 0
                    )
                )
            self.lists[-1][1] = number + 1
            return
        self.blocks.extend(pieces)

    def finish(self) -> list[Block]:
        self.flush()
        return [block for block in self.blocks if block.text or block.kind is BlockKind.TABLE]
