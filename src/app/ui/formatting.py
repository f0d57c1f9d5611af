"""How dates and plain text are written on screen (Qt-free helpers for the views)."""

from __future__ import annotations

import datetime as dt
import re

from app.domain.deadlines import statutory_deadline
from app.domain.english_dates import long_date as english_date
from app.domain.english_dates import short_date as numeric_date

NO_DATE = "No date"
QT_SHORT_DATE = "dd/MM/yyyy"
"""``short_date``'s form in Qt's notation, for date editors."""
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")
_HEADING = re.compile(r"^( {0,3})(#{1,5})(?=\s|$)", re.MULTILINE)


def short_date(value: dt.date | None, missing: str = "") -> str:
    """07/07/2023: the UK day-first numeric form used in tables."""
    return numeric_date(value) if value else missing


def long_date(value: dt.date | None, missing: str = NO_DATE) -> str:
    """7 July 2023: for reading."""
    return english_date(value) if value else missing


def plain_list(values: list[str]) -> str:
    return ", ".join(v.strip() for v in values if v.strip())


def split_list(text: str) -> list[str]:
    """The reverse of :func:`plain_list`: "PEEL, Spotlight" → ["PEEL", "Spotlight"]."""
    return [part.strip() for part in text.split(",") if part.strip()]


def escape_markdown(text: str) -> str:
    """Plain text (a title, a reference, a name) made literal inside a Markdown document."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def nest_headings(markdown: str, under: int) -> str:
    """Shift a stored text's headings so that its highest sits just below level ``under``.

    Question text keeps its sub-headings as ``###``; shown under a view's own ``###`` heading
    they become ``####``. Text already deep enough is left alone.
    """
    levels = [len(match.group(2)) for match in _HEADING.finditer(markdown)]
    shift = max(0, under + 1 - min(levels)) if levels else 0
    if not shift:
        return markdown
    return _HEADING.sub(lambda m: m.group(1) + "#" * min(6, len(m.group(2)) + shift), markdown)


def deadline_note(published_on: dt.date | None, stated: dt.date | None, missing: str) -> str:
    """One line under a publication date field: the statutory deadline it gives, and a stated
    deadline that differs from it (many templates add 56 days instead of 55)."""
    deadline = statutory_deadline(published_on)
    if deadline is None:
        return missing
    text = f"Section 55 deadline: {short_date(deadline)} (publication + 55 days)."
    if stated is not None and stated != deadline:
        text += f" The document states {short_date(stated)}; the law's date is the one used."
    return text
