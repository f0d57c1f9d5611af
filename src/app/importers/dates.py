"""Dates as UK documents write them: "7 July 2023", "7th Jul 2023", "02/05/2019" (day first)."""

from __future__ import annotations

import datetime as dt
import re

from app.domain.english_dates import MONTH_WORDS, month_number

_MONTH = "|".join(MONTH_WORDS)

_DAY_MONTH_YEAR = (
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
)
_MONTH_DAY_YEAR = rf"(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
_NUMERIC = r"(?P<d3>\d{1,2})[/.\-](?P<m3>\d{1,2})[/.\-](?P<y3>\d{4}|\d{2})(?!\d)"
_ISO = r"(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
DATE = re.compile(
    rf"(?<![\w/.\-])(?:{_ISO}|{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_NUMERIC})\b", re.IGNORECASE
)
_PUBLISHED = re.compile(
    r"\b(?:published(?:\s+on)?|date\s+(?:of\s+)?publi(?:shed|cation)|publication\s+date)\s*[:\-–]?\s*"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
_PUBLISHED_PROSE = re.compile(r"\b(?:published|publication|released|publishes)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?=\s|$)|$)")
_UPDATED = re.compile(r"\b(?:last\s+)?updated(?:\s+on)?\s*[:\-–]?\s*", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text``, read day first; None when there is none (or it is impossible)."""
    for match in DATE.finditer(text):
        value = _to_date(match)
        if value is not None:
            return value
    return None


def whole_date(text: str) -> dt.date | None:
    """The date when ``text`` is nothing but a date (a header field's value)."""
    match = DATE.fullmatch(text.strip().rstrip("."))
    return _to_date(match) if match else None


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        if groups["y4"]:
            return dt.date(int(groups["y4"]), int(groups["m4"]), int(groups["d4"]))
        if groups["y1"]:
            return dt.date(int(groups["y1"]), _month(groups["m1"]), int(groups["d1"]))
        if groups["y2"]:
            return dt.date(int(groups["y2"]), _month(groups["m2"]), int(groups["d2"]))
        year = int(groups["y3"])
        year += 2000 if year < 100 else 0
        return dt.date(year, int(groups["m3"]), int(groups["d3"]))
    except (ValueError, KeyError):
        return None


def _month(word: str) -> int:
    number = month_number(word)
    if number is None:
        raise KeyError(word)
    return number


def date_after(label: re.Pattern[str], text: str) -> dt.date | None:
    """The date straight after a label such as "Published on:" in ``text``."""
    for match in label.finditer(text):
        found = DATE.match(text, match.end())
        if found:
            value = _to_date(found)
            if value is not None:
                return value
    return None


def published_date(text: str) -> dt.date | None:
    return date_after(_PUBLISHED, text)


def updated_date(text: str) -> dt.date | None:
    return date_after(_UPDATED, text)


def prose_published_date(text: str) -> tuple[dt.date, str] | None:
    """A date in a sentence that speaks of publication ("… efficiency report released today,
    3 November 2016", "Today (Wednesday 06 December 2023) sees the publication of …"), with
    that sentence."""
    for sentence in _SENTENCE.findall(text):
        if _PUBLISHED_PROSE.search(sentence) and (found := parse_date(sentence)):
            return found, " ".join(sentence.split())
    return None
