"""PDF reports to blocks, with pypdf.

pypdf gives text pieces with their position and font size; they are put back into lines,
lines into paragraphs (a gap wider than the line spacing, or a change of size, starts a new
one), larger text becomes headings, and so does a short line set wholly in bold. Lines cut into
aligned cells become tables (``pdf_tables``), so a PEEL report's "Our judgments" grades are
read from its PDF as from its web page. Running headers and footers (lines repeated at the top or
bottom of most pages) and page numbers are dropped, hyphenation at line ends is undone, and a
paragraph cut by a page break is joined again.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader

from app.domain.errors import ImportFailure
from app.importers.blocks import Block, SourceDocument
from app.importers.layout import Line, page_lines
from app.importers.limits import MAX_PDF_PAGES, every
from app.importers.lines import BULLET, lines_to_blocks
from app.importers.pdf_tables import find_tables
from app.importers.render import blocks_to_text

_PAGE_WORDS = re.compile(
    r"^(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4})$", re.IGNORECASE
)
_BARE_NUMBER = re.compile(r"^[-–]?\s*(\d{1,4})\s*[-–]?$")
_EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page may be running headers or footers."""

# pypdf logs what it repairs ("EOF marker not found"). With no handler anywhere, Python's
# last-resort handler would print those lines on the console beside the importer's own plain
# sentence; a handler here keeps them out of sight unless the application configures logging.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def read_pdf(data: bytes, name: str) -> SourceDocument:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, name)
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise ImportFailure(
                f"{name} has {count} pages, more than a report or response ever has."
            )
        pages = [page_lines(page) for page in every(1, reader.pages)]
        title = _metadata_title(reader)
    except ImportFailure:
        raise
    except Exception as error:  # pypdf raises many types for damaged files; all mean the same
        raise ImportFailure(f"{name} is damaged or is not a PDF, and cannot be read.") from error
    if not any(pages):
        raise ImportFailure(
            f"{name} has no text to read (it may be a scanned image); import a text version "
            "instead."
        )
    lines = _assemble(_without_furniture(pages))
    blocks: list[Block] = []
    for part in lines.parts:
        if isinstance(part, Block):
            blocks.append(part)
        else:
            blocks += lines_to_blocks(part, lines.wrap)
    return SourceDocument(blocks, blocks_to_text(blocks), title=title, warnings=lines.warnings)


def _decrypt(reader: PdfReader, name: str) -> None:
    try:
        opened = reader.decrypt("")
    except Exception as error:  # an unsupported or broken encryption scheme
        raise ImportFailure(f"{name} is encrypted and cannot be opened.") from error
    if not opened:
        raise ImportFailure(
            f"{name} is protected by a password; save an unprotected copy and import that."
        )


def _metadata_title(reader: PdfReader) -> str:
    metadata: Any = reader.metadata
    title = getattr(metadata, "title", None) if metadata is not None else None
    return str(title).strip() if title else ""


# --- running headers, footers and page numbers ---------------------------------------------


def _edge_key(line: Line) -> str:
    """Running headers and footers repeat in size, place and words (page numbers aside)."""
    digits_evened = re.sub(r"\d+", "#", line.text.casefold().strip())
    return f"{round(line.size)}|{round(line.y / 5)}|{digits_evened}"


def _without_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    if len(pages) < 2:
        return pages
    edges = Counter(
        key
        for lines in pages
        for key in {_edge_key(line) for line in _edges(lines)}
        if not key.endswith("|#")
    )
    repeated = {key for key, count in edges.items() if count >= max(2, len(pages) // 2)}
    numbers = _page_numbers(pages)
    cleaned: list[list[Line]] = []
    for lines in pages:
        edge = {id(line) for line in _edges(lines)}
        cleaned.append(
            [
                line
                for line in lines
                if id(line) not in numbers
                and not (id(line) in edge and _edge_key(line) in repeated)
                and not (id(line) in edge and _PAGE_WORDS.match(line.text.strip()))
            ]
        )
    return cleaned


def _edges(lines: list[Line]) -> list[Line]:
    return lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]


def _page_numbers(pages: list[list[Line]]) -> set[int]:
    """Bare numbers that follow the page sequence at the same place on the page.

    A question number ("2") at the top or foot of a page is kept: it is not both in step with
    the page count and where the page numbers are printed.
    """
    candidates = [
        (int(match.group(1)) - index, round(line.y / 5), id(line))
        for index, lines in enumerate(pages)
        for line in _edges(lines)
        if (match := _BARE_NUMBER.match(line.text.strip()))
    ]
    if not candidates:
        return set()
    offset, place = Counter((c[0], c[1]) for c in candidates).most_common(1)[0][0]
    in_step = [c for c in candidates if (c[0], c[1]) == (offset, place)]
    if len(in_step) < max(2, len(pages) // 2):
        return set()
    return {c[2] for c in in_step}


# --- lines to text lines with paragraph breaks -----------------------------------------------


@dataclass(slots=True)
class _Assembled:
    text: list[str] = field(default_factory=list)
    """The text lines since the last table."""
    wrap: int | None = None
    parts: list[list[str] | Block] = field(default_factory=list)
    """Runs of text lines and the tables between them, in order."""
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parts.append(self.text)

    def add_table(self, block: Block) -> None:
        self.parts.append(block)
        self.text = []
        self.parts.append(self.text)


def _assemble(pages: list[list[Line]]) -> _Assembled:
    lines = [line for page in pages for line in page]
    if not lines:
        return _Assembled()
    body = Counter(round(line.size) for line in lines for _ in line.text).most_common(1)[0][0]
    heading_sizes = sorted(
        {round(line.size) for line in lines if line.size >= body * 1.15}, reverse=True
    )
    result_warnings: list[str] = []
    _heading_font(lines, body, result_warnings)
    lengths = sorted(len(line.text) for line in lines if round(line.size) == body)
    wrap = lengths[int(len(lengths) * 0.9)] if lengths else 80
    leading = _leading(pages, body)
    left = min(line.x for line in lines)
    result = _Assembled(wrap=max(30, wrap), warnings=result_warnings)
    previous: Line | None = None
    previous_level = 0
    for number, page in enumerate(pages):
        tables = {found.start: found for found in find_tables(page, body, leading)}
        skip_to = 0
        for position, line in enumerate(page):
            if position < skip_to:
                continue
            if (found := tables.get(position)) is not None:
                result.add_table(found.block)
                rows = found.block.rows
                first = " | ".join(cell for cell in rows[0] if cell)
                result.warnings.append(
                    f"On page {number + 1}, lines set in columns were read as a table of "
                    f"{len(rows)} rows and {len(rows[0])} columns (first row “{first[:60]}”); "
                    "check its cells against the PDF."
                )
                skip_to, previous, previous_level = found.end, None, 0
                continue
            after = page[position + 1] if position + 1 < len(page) else None
            if after is None and number + 1 < len(pages) and pages[number + 1]:
                after = pages[number + 1][0]
            # A bold line that runs on into more bold text is a bold paragraph, not a heading.
            bold_runs_on = (
                after is not None
                and after.bold
                and _runs_on(line, after)
                and not _breaks(line, after, leading, body, position + 1 >= len(page), wrap)
            )
            broke = previous is None or _breaks(previous, line, leading, body, position == 0, wrap)
            # A bold line starts a heading only where a paragraph could start: after a break
            # or a line that is not bold (a bold paragraph's second line is not a heading).
            starts = previous is None or broke or not previous.bold or previous_level > 0
            level = (
                heading_sizes.index(round(line.size)) + 1
                if round(line.size) in heading_sizes
                else len(heading_sizes) + 1
                if starts and not bold_runs_on and _bold_heading(line, body)
                else 0
            )
            if previous is not None and broke:
                result.text.append("")
            if level:
                if (
                    previous is not None
                    and round(previous.size) == round(line.size)
                    and previous_level == level
                    and result.text[-1]
                    and (level <= len(heading_sizes) or _runs_on(previous, line))
                ):
                    result.text[-1] += " " + line.text.strip()  # a heading wrapped over two lines
                else:
                    result.text.append(f"{'#' * min(level, 6)} {line.text.strip()}")
            else:
                indent = " " * max(0, round((line.x - left) / max(body * 0.5, 1)))
                result.text.append(f"{indent}{line.link_text()}")
            previous, previous_level = line, level
    return result


_BOLD_HEADING_WORDS = 15
_HEADING_FONT_SHARE = 0.4
"""A typeface set on more than this share of the text is a body face, not a heading face."""
_NOT_HEADINGS = ("italic", "oblique", "symbol", "dingbat", "wingding")


def _heading_font(lines: list[Line], body: int, warnings: list[str]) -> None:
    """Mark as bold the lines set in a heading typeface: one other than the body's, at the
    body size or larger, set on at least two lines, each of them short, starting with a
    capital or a number and not ending a sentence (an OPCC's Word style that sets headings in
    another face rather than in bold). Said in a warning."""
    characters = Counter(line.font for line in lines for _ in line.text if line.font)
    if not characters:
        return
    body_font = characters.most_common(1)[0][0]
    total = sum(characters.values())
    by_font: dict[str, list[Line]] = {}
    for line in lines:
        if line.font and line.font != body_font and not line.bold:
            by_font.setdefault(line.font, []).append(line)
    for font, set_in in by_font.items():
        if (
            len(set_in) < 2
            or characters[font] > _HEADING_FONT_SHARE * total
            or any(word in font.casefold() for word in _NOT_HEADINGS)
            or not all(_heading_shaped(line, body) for line in set_in)
        ):
            continue
        for line in set_in:
            line.bold = True
        warnings.append(
            f"Lines set in the typeface “{font}”, which the document keeps for short lines "
            f"(“{set_in[0].text.strip()[:50]}” and {len(set_in) - 1} more), are read as headings."
        )


def _heading_shaped(line: Line, body: int) -> bool:
    text = line.text.strip()
    return (
        round(line.size) >= body
        and len(text.split()) <= _BOLD_HEADING_WORDS
        and text[-1:] not in ".;,"
        and (text[:1].isupper() or text[:1].isdigit())
        and not BULLET.match(text)
    )


def _runs_on(previous: Line, line: Line) -> bool:
    """A bold heading's second line carries on from the first (sizes say nothing here)."""
    return line.text[:1].islower() or previous.text.rstrip()[-1:] in ",–-:&"


def _bold_heading(line: Line, body: int) -> bool:
    """A short line wholly in bold at the body size is a heading, as a styled heading in Word
    saved as PDF usually is ("Recommendation 1", "Chief Constable's response")."""
    text = line.text.strip()
    return (
        line.bold
        and round(line.size) <= body
        and len(text.split()) <= _BOLD_HEADING_WORDS
        and text[-1:] not in ".;,"
        and (text[:1].isupper() or text[:1].isdigit())
        and not BULLET.match(text)
    )


def _leading(pages: list[list[Line]], body: int) -> float:
    gaps = [
        previous.y - line.y
        for lines in pages
        for previous, line in itertools.pairwise(lines)
        if round(line.size) == body
        and round(previous.size) == body
        and 0 < previous.y - line.y < body * 3
    ]
    return statistics.median(gaps) if gaps else body * 1.2


def _breaks(
    previous: Line, line: Line, leading: float, body: int, new_page: bool, wrap: int
) -> bool:
    if round(previous.size) != round(line.size):
        return True
    if new_page:
        # A paragraph carries on over the page break when its last line ran to the margin
        # and did not end a sentence.
        carries_on = len(previous.text) >= 0.6 * wrap and previous.text.rstrip()[-1:] not in ".!?:"
        return not carries_on or bool(BULLET.match(line.text))
    scale = max(line.size, 1.0) / max(body, 1)
    return previous.y - line.y > leading * 1.3 * scale or previous.y < line.y
