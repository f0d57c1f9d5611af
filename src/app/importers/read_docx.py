"""Word documents to blocks, with python-docx: heading styles, numbering and bullets, tables.

A .docx is a zip; its declared sizes are checked before python-docx opens it, so a small file
that would inflate to gigabytes is refused without being inflated.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse  # expat: no outside entities

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink

from app.domain.errors import ImportFailure
from app.importers.blocks import (
    Block,
    SourceDocument,
    clean_inline,
    heading,
    list_item,
    list_marker,
    plain_text,
    table,
)
from app.importers.limits import MAX_DOCX_PARAGRAPHS, check_docx_archive, checkpoint, every
from app.importers.lines import lines_to_blocks
from app.importers.render import blocks_to_text

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^(?:heading\s*(?P<level>\d)|title)$", re.IGNORECASE)
_LIST_STYLE = re.compile(
    r"^list\s+(?P<kind>bullet|number|paragraph)(?:\s*(?P<level>\d))?$", re.IGNORECASE
)


def read_docx(data: bytes, name: str) -> SourceDocument:
    if data.startswith(_OLE_MAGIC):
        raise ImportFailure(
            f"{name} is password-protected or an old-format Word file; save it as an unprotected "
            ".docx and import that."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_docx_archive(archive, name)
            count_paragraphs(archive, name)
    except zipfile.BadZipFile:
        raise ImportFailure(f"{name} is not a Word document (.docx), or it is damaged.") from None
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        style_name = _StyleNames(document)
        blocks: list[Block] = []
        for item in every(200, document.iter_inner_content()):
            if isinstance(item, Table):
                blocks.append(_table(item))
            else:
                blocks.extend(_paragraph(item, numbering, style_name))
        title = clean_inline(document.core_properties.title or "")
    except ImportFailure:
        raise
    except Exception as error:  # python-docx and lxml raise many types for damaged files
        raise ImportFailure(f"{name} is damaged and cannot be read as a Word document.") from error
    blocks = [block for block in blocks if block.text]
    return SourceDocument(blocks, blocks_to_text(blocks), title=title)


_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def count_paragraphs(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a document of more than ``MAX_DOCX_PARAGRAPHS`` paragraphs before python-docx
    builds them all in memory: its parts are read as a stream, each paragraph let go once
    counted, and the count stops at the limit (a fraction of a second for any file)."""
    try:
        _count_paragraphs(archive, name)
    except (ParseError, zlib.error, EOFError, RuntimeError, ValueError) as error:
        raise ImportFailure(f"{name} is damaged and cannot be read as a Word document.") from error


def _count_paragraphs(archive: zipfile.ZipFile, name: str) -> None:
    count = 0
    for entry in archive.infolist():
        if not (entry.filename.startswith("word/") and entry.filename.endswith(".xml")):
            continue
        with archive.open(entry) as stream:
            for _event, element in iterparse(stream, events=("end",)):
                if element.tag != _PARAGRAPH:
                    continue
                count += 1
                if count > MAX_DOCX_PARAGRAPHS:
                    raise ImportFailure(
                        f"{name} has more than {MAX_DOCX_PARAGRAPHS:,} paragraphs, far more "
                        "than a report or a response has."
                    )
                element.clear()
                if count % 1000 == 0:
                    checkpoint()


_MARKER_STYLES = {"lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I"}


class _Numbering:
    """Whether a list level is bulleted or numbered, from the document's numbering part."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        self.counts: dict[tuple[str, int], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {
            node.get(qn("w:abstractNumId")): node for node in root.iter(qn("w:abstractNum"))
        }
        for num in root.iter(qn("w:num")):
            reference = num.find(qn("w:abstractNumId"))
            definition = abstract.get(reference.get(qn("w:val"))) if reference is not None else None
            if definition is None:
                continue
            for level in definition.iter(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                value = fmt.get(qn("w:val")) if fmt is not None else "bullet"
                self.formats[(num.get(qn("w:numId")), int(level.get(qn("w:ilvl")) or 0))] = (
                    value or ""
                )

    def ordered(self, num_id: str, level: int) -> bool:
        return self.formats.get((num_id, level), "bullet") not in ("bullet", "none", "")

    def next_marker(self, num_id: str, level: int) -> str:
        """Count an item of a list; its letter or roman numeral if the level shows one, or ""."""
        count = self.counts.get((num_id, level), 0) + 1
        self.counts[(num_id, level)] = count
        for deeper in [key for key in self.counts if key[0] == num_id and key[1] > level]:
            del self.counts[deeper]  # a sub-list starts again under each item
        return list_marker(_MARKER_STYLES.get(self.formats.get((num_id, level), ""), ""), count)


class _StyleNames:
    """Each paragraph's style name, from a table made once: python-docx looks the document's
    default style up afresh, twice, for every paragraph without a style of its own (minutes
    for a file of a million paragraphs)."""

    def __init__(self, document: Any) -> None:
        self.names: dict[str, str] = {}
        self.default = ""
        try:
            for style in document.styles:
                if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id:
                    self.names[str(style.style_id)] = str(style.name or "")
            default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
            self.default = str(default.name or "") if default is not None else ""
        except (KeyError, ValueError, AttributeError, NotImplementedError):
            pass

    def __call__(self, paragraph: Any) -> str:
        style_id = paragraph._p.style
        return self.names.get(str(style_id), self.default) if style_id else self.default


def _paragraph(paragraph: Any, numbering: _Numbering, style_name: _StyleNames) -> list[Block]:
    text = _inline(paragraph)
    if not text.strip():
        return []
    style = style_name(paragraph)
    if match := _HEADING_STYLE.match(style):
        return [heading(clean_inline(plain_text(text)), int(match.group("level") or 1))]
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    list_style = _LIST_STYLE.match(style)
    if num_pr is not None and num_pr.numId is not None:
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        num_id = str(num_pr.numId.val)
        marker = numbering.next_marker(num_id, level)
        if marker:  # Markdown numbers lists 1, 2, 3: a lettered item keeps its letter
            return [list_item(f"{marker}. {clean_inline(text)}", level + 1)]
        return [list_item(clean_inline(text), level + 1, ordered=numbering.ordered(num_id, level))]
    if list_style and list_style.group("kind").lower() != "paragraph":
        level = int(list_style.group("level") or 1)
        return [
            list_item(
                clean_inline(text), level, ordered=list_style.group("kind").lower() == "number"
            )
        ]
    return lines_to_blocks(text.split("\n"))


def _inline(paragraph: Any) -> str:
    """The paragraph's text as inline Markdown: bold, italic and links kept."""
    pieces: list[tuple[str, bool, bool]] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            label, url = item.text, item.url
            pieces.append((f"[{label}]({url})" if url and label.strip() else label, False, False))
        else:
            pieces.append((item.text, bool(item.bold), bool(item.italic)))
    merged: list[tuple[str, bool, bool]] = []
    for text, bold, italic in pieces:
        if merged and merged[-1][1:] == (bold, italic):
            merged[-1] = (merged[-1][0] + text, bold, italic)
        else:
            merged.append((text, bold, italic))
    return "".join(_emphasise(text, bold, italic) for text, bold, italic in merged)


def _emphasise(text: str, bold: bool, italic: bool) -> str:
    core = text.strip()
    if not core or "\n" in core or not (bold or italic):
        return text
    mark = "**" if bold else "*"
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _table(item: Any) -> Block:
    rows: list[list[str]] = []
    links: list[list[str]] = []
    for row in item.rows:
        cells: list[str] = []
        addresses: list[str] = []
        for cell in row.cells:
            text = clean_inline(cell.text)
            if not cells or cells[-1] != text:  # a merged cell repeats across the columns it spans
                cells.append(text)
                addresses.append(_cell_link(cell))
        rows.append(cells)
        links.append(addresses)
    return table(rows, links)


def _cell_link(cell: Any) -> str:
    """The address of the first link in a table cell, or ""."""
    for paragraph in cell.paragraphs:
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink) and item.url:
                return str(item.url)
    return ""
