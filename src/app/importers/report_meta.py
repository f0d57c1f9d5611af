"""A report's title, publication date, publication types and forces."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.domain.english_dates import short_date
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
    meta.title, skipped = _title(blocks)
    meta.title, cover = _without_cover(meta.title)
    if cover:
        meta.warnings.append(
            f"The title line ran on into the cover’s date and publisher lines (“{cover[:60]}”); "
            "the title is taken without them."
        )
    meta.title = meta.title or document.title
    if skipped:
        meta.warnings.append(
            f"The title is taken from the first line that names a report, not from “{skipped}” "
            "above it; check it."
        )
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


_REGISTER_NUMBER = re.compile(r"\s*\(\d+\)$")
"""A register's own number after a report's name ("Core Business: … (4822)")."""
_PUBLISHER_LABEL = re.compile(
    r"^[^:]*\b(?:hmicfrs|hmic|inspectorate)\b[^:]*\breport\s*:\s*(?=\S)", re.IGNORECASE
)
"""Words that say who published what, before the report's own name ("… (HMICFRS) Inspection
Report: PEEL Police Effectiveness 2017: …")."""
_NAMES_A_REPORT = re.compile(
    r"\b(?:inspections?|reports?|review|peel|plan|assessment|inquiry|effectiveness|efficiency|"
    r"legitimacy|spotlight)\b",
    re.IGNORECASE,
)


def _title(blocks: list[Block]) -> tuple[str, str]:
    """The title, and the first heading-like line passed over for it ("" when none was)."""
    for block in blocks:
        if block.kind is BlockKind.HEADING and block.level == 1 and _is_title_candidate(block):
            return _tidy_title(block.plain), ""
    candidates = [
        (index, block)
        for index, block in enumerate(blocks[:_TITLE_SEARCH])
        if _is_title_candidate(block)
    ]
    if not candidates:
        return "", ""
    index, block = first_index, first = candidates[0]
    if not _NAMES_A_REPORT.search(block.plain):
        # Page furniture of a minutes or news site ("Agendas, Meetings and Minutes - Agenda
        # item") comes first; the report's name is the first line that names a report.
        named = [
            (i, b)
            for i, b in enumerate(blocks[:_TITLE_SEARCH])
            if (_is_title_candidate(b) or _long_title(b)) and _NAMES_A_REPORT.search(b.plain)
        ]
        index, block = named[0] if named else (index, block)
    # A line that says who published which report ("… (HMICFRS) Inspection Report: PEEL …")
    # names it more surely than a shorter line below it that only holds the word "inspection".
    labelled = next(
        (
            (i, b)
            for i, b in enumerate(blocks[:index])
            if (_is_title_candidate(b) or _long_title(b)) and _PUBLISHER_LABEL.match(b.plain)
        ),
        None,
    )
    if labelled is not None:
        index, block = labelled
        first_index = min(first_index, index)
    title = _tidy_title(block.plain.rstrip(":"))
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is not None and is_heading_like(following):
        pillar = following.plain.rstrip(":")
        if pillar in PILLARS and pillar.casefold() not in title.casefold():
            title = f"{title}: {pillar}"  # "West Midlands PEEL 2014" over "Legitimacy"
    return title, (first.plain if index != first_index else "")


_LONG_TITLE = 200
_LONG_TITLE_WORDS = 30


def _long_title(block: Block) -> bool:
    """A report's full name with who published it can run past a heading's usual length."""
    text = block.plain
    return (
        block.kind is BlockKind.PARAGRAPH
        and len(text) <= _LONG_TITLE
        and len(text.split()) <= _LONG_TITLE_WORDS
        and text.rstrip()[-1:] not in ".;,"
        and not is_chrome(block)
    )


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_COVER = re.compile(
    rf"\s+(?:(?:{_MONTHS})\s+\d{{4}}\s+)?(?:©|\(c\)\s|isbn\b|www\.|https?://)", re.IGNORECASE
)
"""Where a cover's run-together lines leave the title: "… Durham Constabulary November 2014
© HMIC 2014 ISBN: … www.justiceinspectorates.gov.uk/hmic"."""


def _without_cover(title: str) -> tuple[str, str]:
    match = _COVER.search(title)
    if match is None or match.start() < 10:
        return title, ""
    return title[: match.start()].strip(), title[match.start() :].strip()


def _tidy_title(text: str) -> str:
    return _PUBLISHER_LABEL.sub("", _REGISTER_NUMBER.sub("", text)).strip()


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
            f"The report gives only a “Last updated” date ({short_date(updated)}); it is used "
            "as the publication date."
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
