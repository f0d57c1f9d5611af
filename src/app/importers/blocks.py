"""The intermediate form every reader produces: a flat list of blocks.

Text, HTML, PDF and Word files all become headings, paragraphs, list items and tables, so the
structure parsers (report, response, comments) read every format the same way. Block text is
inline Markdown (bold, italic, links) on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str = ""
    level: int = 0
    """Heading level 1–6 (0 when the source does not say); list nesting 1, 2, …"""
    ordered: bool = False
    """A numbered list item."""
    number: int = 0
    """The number a numbered list item carries in the source (0 when none)."""
    rows: tuple[tuple[str, ...], ...] = ()
    """Cells of a table, row by row (``text`` then holds the rows for reading)."""
    links: tuple[tuple[str, ...], ...] = ()
    """The address each cell links to ("" for none), row by row like ``rows``; empty when the
    reader could not tell. Cells hold plain words, so their links are kept here."""

    @property
    def plain(self) -> str:
        return plain_text(self.text)


def heading(text: str, level: int = 0) -> Block:
    return Block(BlockKind.HEADING, text, level)


def paragraph(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def list_item(text: str, level: int = 1, *, ordered: bool = False, number: int = 0) -> Block:
    return Block(BlockKind.LIST_ITEM, text, max(1, level), ordered or number > 0, number)


def table(rows: list[list[str]], links: list[list[str]] | None = None) -> Block:
    """A table block; ``links`` (optional) gives each cell's link address, or ""."""
    kept = [index for index, row in enumerate(rows) if any(row)]
    cleaned = tuple(tuple(clean_inline(cell) for cell in rows[index]) for index in kept)
    text = "\n".join(" | ".join(cell for cell in row if cell) for row in cleaned)
    addresses = tuple(tuple(links[index]) for index in kept) if links is not None else ()
    return Block(BlockKind.TABLE, text, rows=cleaned, links=addresses)


def cell_link(block: Block, row: int, column: int) -> str:
    """The address the table cell links to, or ""."""
    if row < len(block.links) and column < len(block.links[row]):
        return block.links[row][column]
    return ""


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def list_marker(style: str, number: int) -> str:
    """Item ``number``'s marker in a lettered ("a", "A") or roman ("i", "I") list, as a browser
    or Word shows it (a … z, aa …; i, ii, iii, iv …); "" for any other list."""
    if number < 1 or style not in ("a", "A", "i", "I"):
        return ""
    if style in ("a", "A"):
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        marker = letters
    else:
        marker = ""
        for value, numeral in _ROMAN:
            count, number = divmod(number, value)
            marker += numeral * count
    return marker.upper() if style.isupper() else marker


@dataclass(slots=True)
class SourceDocument:
    """What a reader found in a file: its blocks, and anything it wants the person to know."""

    blocks: list[Block]
    text: str
    """The whole text for reading (the text file itself, or the blocks written out)."""
    title: str = ""
    """A title from the file's metadata (``<title>``, document properties), if any."""
    warnings: list[str] = field(default_factory=list)


# --- text helpers shared by the parsers -------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffe]")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")

TERMINAL = ".!?"
_CLOSERS = "\"'”’)]»"


def clean_inline(text: str) -> str:
    """One line of text: control characters removed, runs of spaces collapsed."""
    return _SPACES.sub(" ", _CONTROL.sub("", text.replace("\n", " "))).strip()


def plain_text(text: str) -> str:
    """Markdown inline text as plain words: links by their label, no emphasis or escapes."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return text.strip()


def comparable(text: str) -> str:
    """Text reduced for comparison: plain, case-folded, punctuation and spacing evened out."""
    folded = plain_text(text).casefold().replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w'%£$]+", " ", folded).split())


def ends_sentence(text: str) -> bool:
    """True when the text ends as a sentence does (a closing quote or bracket may follow)."""
    stripped = plain_text(text).rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def is_heading_like(block: Block, max_length: int = 150) -> bool:
    """A heading, or a short paragraph that reads as one (no closing full stop, few words).

    Plain text has no heading markup, so the parsers treat such paragraphs as headings; the
    same rule on a real heading changes nothing.
    """
    if block.kind is BlockKind.HEADING:
        return True
    if block.kind is not BlockKind.PARAGRAPH or len(block.text) > max_length:
        return False
    text = block.plain.rstrip()
    if not text or text[-1] in ".;,":
        return False
    return len(text.split()) <= 20
