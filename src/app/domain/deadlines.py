"""Deadline rules (docs/product.md, "Deadlines").

Section 55(5A) of the Police Act 1996: the comments must be published "before the end of the
period of 56 days beginning with the day on which the report is published". The publication day
is day 1, so the last day is publication + 55 days. Many OPCC templates write publication + 56
days; :data:`DEADLINE_EXPLANATION` says why the product differs.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from app.domain.english_dates import MONTH_WORDS, month_number
from app.domain.enums import RagState

STATUTORY_PERIOD_DAYS = 56
DUE_SOON_DAYS = 7
DEFAULT_CC_COMMENTS_DAYS = 28

LEGAL_BASIS = (
    "Section 55(5A) of the Police Act 1996 (as amended by section 37 of the Policing and "
    "Crime Act 2017)"
)
DEADLINE_EXPLANATION = (
    "The comments must be published within 56 days beginning with the day on which the "
    "report is published (section 55(5A) of the Police Act 1996). The publication day counts "
    "as day 1, so the last day is 55 days after publication. Some templates add 56 days, "
    "which is one day late."
)


def statutory_deadline(published_on: dt.date | None) -> dt.date | None:
    """The last day on which the response may be published."""
    if published_on is None:
        return None
    return published_on + dt.timedelta(days=STATUTORY_PERIOD_DAYS - 1)


def cc_comments_requested_by(
    published_on: dt.date | None, days: int = DEFAULT_CC_COMMENTS_DAYS
) -> dt.date | None:
    """Default date by which the Chief Constable's comments are requested (s55(4))."""
    if published_on is None:
        return None
    return published_on + dt.timedelta(days=days)


def days_remaining(deadline: dt.date | None, today: dt.date) -> int | None:
    if deadline is None:
        return None
    return (deadline - today).days


@dataclass(frozen=True, slots=True)
class DeadlineState:
    state: RagState
    days: int | None
    words: str


def deadline_state(deadline: dt.date | None, today: dt.date, *, published: bool) -> DeadlineState:
    """The RAG state of a deadline, with the words that always accompany its colour."""
    if published:
        return DeadlineState(RagState.PUBLISHED, days_remaining(deadline, today), "Published")
    days = days_remaining(deadline, today)
    if days is None:
        return DeadlineState(RagState.NO_DATE, None, "No publication date")
    if days < 0:
        return DeadlineState(RagState.OVERDUE, days, f"Overdue by {_days(-days)}")
    if days == 0:
        return DeadlineState(RagState.DUE_SOON, 0, "Due today")
    if days <= DUE_SOON_DAYS:
        return DeadlineState(RagState.DUE_SOON, days, f"Due in {_days(days)}")
    return DeadlineState(RagState.ON_TRACK, days, f"{_days(days)} left")


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


# --- due dates of findings -------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
    "a": 1, "an": 1,
}  # fmt: skip
_MONTH_NAMES = "|".join(MONTH_WORDS)
_COUNT = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"

_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:by|before|no later than|on or before)\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
_END_OF = r"(?:(?:the\s+)?end\s+(?:of\s+)?)?"
_NUMERIC_DATE = re.compile(
    r"\b(?:by|before|no later than|on or before)\s+(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"\b(?:by|before|no later than)\s+{_END_OF}({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
_FINANCIAL_YEAR = re.compile(
    rf"\b(?:by|before)\s+{_END_OF}(?:the\s+)?(?:financial\s+year\s+)?"
    r"(\d{4})\s*[/–-]\s*(\d{2}|\d{4})\b",
    re.IGNORECASE,
)
_YEAR_END = re.compile(rf"\bby\s+{_END_OF}(\d{{4}})\b(?!\s*[/–-]\s*\d)", re.IGNORECASE)
_WITHIN = re.compile(
    rf"\bwithin\s+(?:the\s+next\s+)?{_COUNT}\s+(day|week|month|year)s?\b", re.IGNORECASE
)
_IMMEDIATELY = re.compile(r"\b(immediately|with immediate effect)\b", re.IGNORECASE)


def _month(word: str) -> int:
    """The number of a month the patterns matched (so always an English month's word)."""
    number = month_number(word)
    assert number is not None, word
    return number


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_DUE_PATTERNS = (
    _DAY_MONTH_YEAR, _NUMERIC_DATE, _MONTH_YEAR, _FINANCIAL_YEAR, _WITHIN, _YEAR_END,
    _IMMEDIATELY,
)  # fmt: skip


def _due_phrase(text: str) -> re.Match[str] | None:
    """The first phrase in the text that says when something is due.

    Reports put the timescale first ("By the end of 2024, forces should … within 90 days"):
    the earliest phrase is the due date, not a figure further on.
    """
    found = [match for pattern in _DUE_PATTERNS if (match := pattern.search(text))]
    return min(found, key=lambda match: match.start(), default=None)


def extract_due_text(text: str) -> str:
    """The phrase in a finding's text that says when it is due ("By January 2024"), or ""."""
    match = _due_phrase(text)
    if match is None:
        return ""
    phrase = match.group(0)
    return phrase[0].upper() + phrase[1:]


def parse_due_text(text: str, published_on: dt.date | None) -> dt.date | None:
    """The due date a phrase names; end of month where only a month is given; None if unknown.

    >>> parse_due_text("By January 2024", None)
    datetime.date(2024, 1, 31)
    """
    match = _due_phrase(text)
    if match is None:
        return None
    pattern = match.re
    try:
        if pattern is _DAY_MONTH_YEAR:
            return dt.date(int(match.group(3)), _month(match.group(2)), int(match.group(1)))
        if pattern is _NUMERIC_DATE:  # UK day-first: 1/4/2025 is 1 April
            year = int(match.group(3))
            year += 2000 if year < 100 else 0
            return dt.date(year, int(match.group(2)), int(match.group(1)))
    except ValueError:  # 31 February and the like
        return None
    if pattern is _MONTH_YEAR:
        return end_of_month(int(match.group(2)), _month(match.group(1)))
    if pattern is _FINANCIAL_YEAR:  # "2024/25" ends on 31 March 2025
        return dt.date(int(match.group(1)) + 1, 3, 31)
    if pattern is _WITHIN:
        if published_on is None:
            return None
        count_text, unit = match.group(1).casefold(), match.group(2).casefold()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
        if unit == "day":
            return published_on + dt.timedelta(days=count)
        if unit == "week":
            return published_on + dt.timedelta(weeks=count)
        return add_months(published_on, count * (12 if unit == "year" else 1))
    if pattern is _YEAR_END:
        return dt.date(int(match.group(1)), 12, 31)
    return published_on  # immediately
