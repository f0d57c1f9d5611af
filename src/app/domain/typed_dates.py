"""Dates as people type them into a date box, day first (British usage).

"20/11/2026", "20/11/26", "20-11-2026", "20.11.2026", "20 11 2026", "20 Nov 2026",
"20 November 2026", "2026-11-20" (ISO): all 20 November 2026. Nothing here depends on the
computer's language (see :mod:`app.domain.english_dates`).
"""

from __future__ import annotations

import datetime as dt
import re

from app.domain.english_dates import month_number

_NUMERIC = re.compile(r"\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})\s*")
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
_WORDS = re.compile(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{2}|\d{4})\s*")
HINT = "Type the date as day/month/year, for example 20/11/2026."


def parse_typed_date(text: str) -> dt.date | None:
    """The date ``text`` means, or None when it is not one."""
    for pattern, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_WORDS, "dmy")):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        parts = dict(zip(order, found.groups(), strict=True))
        month = month_number(parts["m"]) if not parts["m"].isdigit() else int(parts["m"])
        if month is None:
            return None
        year = int(parts["y"])
        if len(parts["y"]) == 2:
            year += 2000
        try:
            return dt.date(year, month, int(parts["d"]))
        except ValueError:
            return None
    return None


def format_typed_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
