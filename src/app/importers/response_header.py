"""The header fields of a published response ("Inspection Title:", "Published on:", …).

Labels are recognised by their meaning (a label about a title, a publication date, forces, a
link, a deadline), not their exact words, and may stand alone with the value in the next
paragraph or share one line with it ("Published on: 7 July 2023").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from app.domain.model import Inspection
from app.domain.template import HEADER_LABELS, NOT_RECORDED
from app.importers.blocks import (
    Block,
    BlockKind,
    cell_link,
    clean_inline,
    is_heading_like,
    plain_text,
)
from app.importers.dates import parse_date, whole_date

_FORCE_SUFFIX = re.compile(r"(?:constabulary|police|police service)$", re.IGNORECASE)
_LINK = re.compile(r"\[(?P<label>(?:[^\]\\]|\\.)*)\]\((?P<url>[^)\s]+(?:\([^)\s]*\)[^)\s]*)*)\)")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


class Field(Enum):
    TITLE = "title"
    PUBLISHED = "published"
    TYPES = "types"
    FORCES = "forces"
    LINK = "link"
    DEADLINE = "deadline"
    REQUESTED = "requested"


_LABELS: tuple[tuple[Field, re.Pattern[str]], ...] = (
    (Field.REQUESTED, re.compile(r"comments?\s+(?:requested|due)|requested\s+by", re.I)),
    (Field.DEADLINE, re.compile(r"deadline|response\s+due|due\s+date|publish\s+by", re.I)),
    (Field.TYPES, re.compile(
        r"publication\s+types?|type\s+of\s+(?:publication|inspection|report)|inspection\s+type",
        re.I,
    )),
    (Field.PUBLISHED, re.compile(
        r"publi(?:shed|cation)(?:\s+on|\s+date)?|date\s+(?:of\s+)?publi|report\s+date", re.I
    )),
    (Field.TITLE, re.compile(
        r"\b(?:title|inspection\s+name|report\s+name|name\s+of\s+(?:the\s+)?(?:report|inspection))\b",
        re.I,
    )),
    (Field.FORCES, re.compile(r"\bforces?\b|\(s\)", re.I)),
    (Field.LINK, re.compile(r"\blink\b|\burl\b|web\s*address", re.I)),
)  # fmt: skip
_MAX_LABEL = 45
_VERB = re.compile(r"\b(?:should|must|will|would|are|is|was|were|has|have|made)\b", re.I)
"""A label names a field; a phrase with a verb is a sentence ("… the force should:")."""


def field_of_label(text: str) -> Field | None:
    """The field a label names ("Inspection Title:" → TITLE), or None."""
    label = plain_text(text).strip().rstrip(":").strip()
    if not label or len(label) > _MAX_LABEL or len(label.split()) > 6 or _VERB.search(label):
        return None
    for name, pattern in _LABELS:
        if pattern.search(label):
            return name
    return None


def label_at(block: Block) -> tuple[Field, str] | None:
    """``(field, value on the same line)`` when a block is a header label, else None."""
    if block.kind is BlockKind.TABLE:
        return None
    text = plain_text(block.text) if block.kind is BlockKind.HEADING else block.text
    if plain_text(text).rstrip().endswith(":") and is_heading_like(block):
        found = field_of_label(text)
        return (found, "") if found else None
    head, colon, value = text.partition(":")
    if colon and value.strip() and len(plain_text(head)) <= _MAX_LABEL:
        found = field_of_label(head)
        if found is not None and not head.lstrip().startswith(("http", "[")):
            return found, value.strip()
    return None


_TEMPLATE_LABEL = re.compile(
    "^(?P<label>" + "|".join(re.escape(label) for label in HEADER_LABELS) + r")\s+(?P<value>\S.*)$"
)


def template_label_at(block: Block) -> tuple[Field, str] | None:
    """``(field, value)`` for a line that starts with one of the template's labels and has no
    colon ("Published on 7 July 2023"): the header table of a PDF, read as lines of text."""
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    match = _TEMPLATE_LABEL.match(block.text.strip())
    if match is None:
        return None
    found = field_of_label(match.group("label"))
    return (found, match.group("value")) if found is not None else None


def table_labels(block: Block) -> list[tuple[Field, str]] | None:
    """The rows of a details table ("Published on" | "7 July 2023"), or None when ``block`` is
    not a table whose every row is a header label with its value."""
    if block.kind is not BlockKind.TABLE or not block.rows:
        return None
    found: list[tuple[Field, str]] = []
    for number, row in enumerate(block.rows):
        filled = [column for column, cell in enumerate(row) if plain_text(cell)]
        name = field_of_label(row[filled[0]]) if len(filled) >= 2 else None
        if name is None:
            return None
        values = [_with_link(block, number, column) for column in filled[1:]]
        found.append((name, " ".join(values)))
    return found


def _with_link(block: Block, row: int, column: int) -> str:
    text, address = block.rows[row][column], cell_link(block, row, column)
    return f"[{_escape_label(text)}]({address})" if address else text


def _escape_label(text: str) -> str:
    return re.sub(r"([\\\[\]])", r"\\\1", text)


@dataclass(slots=True)
class HeaderValues:
    values: dict[Field, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def apply(self, inspection: Inspection) -> None:
        for name, written in self.values.items():
            parts = [part for part in written if plain_text(part) != NOT_RECORDED]
            text = " ".join(parts).strip()
            if not text:
                continue
            if name is Field.TITLE:
                inspection.title = plain_text(text)
            elif name in (Field.PUBLISHED, Field.DEADLINE, Field.REQUESTED):
                self._date(inspection, name, text)
            elif name is Field.TYPES:
                inspection.publication_types = split_list(parts)
            elif name is Field.FORCES:
                inspection.forces = split_list(parts, force_names=True)
            elif name is Field.LINK:
                inspection.url, inspection.url_label = parse_link(text)

    def _date(self, inspection: Inspection, name: Field, text: str) -> None:
        value = whole_date(plain_text(text)) or parse_date(plain_text(text))
        if value is None:
            self.warnings.append(
                f"“{plain_text(text)[:60]}” is not a date; the field is left empty."
            )
        elif name is Field.PUBLISHED:
            inspection.published_on = value
        elif name is Field.DEADLINE:
            inspection.stated_deadline = value
        else:
            inspection.cc_comments_requested_by = value


def split_list(parts: list[str], *, force_names: bool = False) -> list[str]:
    """ "PEEL, Police performance and Spotlight" → three items; "England and Wales" stays whole."""
    items: list[str] = []
    for part in parts:
        pieces = [clean_inline(plain_text(piece)) for piece in re.split(r"[;,\n]", part)]
        pieces = [piece for piece in pieces if piece]
        if len(pieces) > 1 or force_names:
            last = pieces.pop() if pieces else ""
            head, _, tail = last.rpartition(" and ")
            both_forces = bool(_FORCE_SUFFIX.search(head) and _FORCE_SUFFIX.search(tail))
            if head and ((len(pieces) > 0 and not force_names) or both_forces):
                pieces += [head.strip(), tail.strip()]
            elif last:
                pieces.append(last)
        items += pieces
    return items


def parse_link(text: str) -> tuple[str, str]:
    """``(url, label)`` from a Markdown link, a bare address, or plain words."""
    if match := _LINK.search(text):
        label = re.sub(r"\\(.)", r"\1", match.group("label"))
        around = text[: match.start()] + text[match.end() :]
        if around.strip(" ()–-:"):  # a link over part of the words: the words are its label
            label = plain_text(text[: match.start()] + label + text[match.end() :])
        return match.group("url"), clean_inline(label)
    if match := _URL.search(text):
        url = match.group(0).rstrip(").,;")
        label = clean_inline(text.replace(match.group(0), "").strip(" ()–-:"))
        return url, label
    return "", clean_inline(plain_text(text))
