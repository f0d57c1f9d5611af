"""A report's title, publication date, publication types and forces."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.importers.blocks import Block, BlockKind, SourceDocument, is_heading_like
from app.importers.dates import prose_published_date, published_date, updated_date, whole_date
from app.importers.forces import forces_named_in
from app.importers.peel import PILLARS, grade_of
from app.importers.references import reference_heading, section_kind
from app.importers.tidy import is_chrome

_TYPES_LABEL = re.compile(r"^publication\s+types?\s*:\s*(?P<types>.+)$", re.IGNORECASE)
_TITLE_SEARCH = 15
"""The title is among the first blocks once the page furniture is gone."""


@dataclass(slots=True)
class ReportMeta:
    title: str = ""
    published_on: dt.date | None = None
    publication_types: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_report_meta(blocks: list[Block], document: SourceDocument, source_name: str) -> ReportMeta:
    meta = ReportMeta()
    meta.title = _title(blocks) or document.title
    if not meta.title:
        meta.title = source_name or "Imported report"
        meta.warnings.append("No title was found; the file name is used instead.")
    _dates(blocks, meta)
    meta.publication_types = _publication_types(blocks, meta.title)
    meta.forces = forces_named_in(meta.title)
    if not meta.forces:
        meta.warnings.append("The title names no police force; add the forces the report covers.")
    return meta


def _is_title_candidate(block: Block) -> bool:
    if not is_heading_like(block) or is_chrome(block) or block.plain.rstrip(":") in PILLARS:
        return False
    text = block.plain
    return not (
        published_date(text) or updated_date(text) or grade_of(block) or text.isdigit()
        or reference_heading(block) or section_kind(block)
    )  # fmt: skip


def _title(blocks: list[Block]) -> str:
    for block in blocks:
        if block.kind is BlockKind.HEADING and block.level == 1 and _is_title_candidate(block):
            return block.plain
    for block in blocks[:_TITLE_SEARCH]:
        if _is_title_candidate(block):
            return block.plain.rstrip(":")
    return ""


def _dates(blocks: list[Block], meta: ReportMeta) -> None:
    published = updated = None
    # The date sits near the top of a page, or on the back cover of a printed report.
    for block in blocks[:40] + blocks[-20:]:
        if block.kind is BlockKind.TABLE:
            continue
        text = block.plain
        published = published or published_date(text)
        updated = updated or updated_date(text)
        if published:
            break
    if published:
        meta.published_on = published
    elif updated:
        meta.published_on = updated
        meta.warnings.append(
            f"The report gives only a “Last updated” date ({updated:%d/%m/%Y}); it is used as the "
            "publication date."
        )
    elif found := _date_line(blocks) or _prose_date(blocks):
        meta.published_on, where = found
        meta.warnings.append(f"The publication date was read from {where}; check it.")
    else:
        meta.warnings.append("No publication date was found; enter it before saving.")


_DATE_LINE_SEARCH = 6


def _date_line(blocks: list[Block]) -> tuple[dt.date, str] | None:
    """A date standing alone under the title ("03 September 2019"), as the inspectorates'
    publication pages give it."""
    for block in blocks[:_DATE_LINE_SEARCH]:
        if block.kind is BlockKind.PARAGRAPH and (found := whole_date(block.plain)):
            return found, f"the line “{block.plain}” under the title"
    return None


def _prose_date(blocks: list[Block]) -> tuple[dt.date, str] | None:
    for block in blocks[:40]:
        if block.kind is not BlockKind.TABLE and (found := prose_published_date(block.plain)):
            sentence = found[1] if len(found[1]) <= 100 else found[1][:99] + "…"
            return found[0], f"the sentence “{sentence}”"
    return None


def _publication_types(blocks: list[Block], title: str) -> list[str]:
    for block in blocks[:40]:
        if match := _TYPES_LABEL.match(block.plain):
            parts = re.split(r",|;|\band\b", match.group("types"))
            return [part.strip() for part in parts if part.strip()]
    types: list[str] = []
    if re.search(r"\bPEEL\b", title):
        types.append("PEEL")
    if re.search(r"\bspotlight\b", title, re.IGNORECASE):
        types.append("Spotlight")
    return types
