"""Month and day names in British English, for reading and writing dates.

Never the locale's: Qt sets the process's locale from the system at start-up, so ``%B``,
``strptime`` and :mod:`calendar`'s names would read and write "Juli" on a German computer.
Documents and screens are British English whatever the computer's language.
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_NUMBERS = {name.casefold(): number for number, name in enumerate(MONTHS, 1)}
_NUMBERS.update({name[:3].casefold(): number for number, name in enumerate(MONTHS, 1)})
_NUMBERS["sept"] = 9
MONTH_WORDS = tuple(sorted(_NUMBERS, key=len, reverse=True))
"""Every way a month is written ("september", "sept", "sep" …), longest first, for patterns."""


def month_number(word: str) -> int | None:
    """1–12 for an English month name or its abbreviation, any case; None otherwise."""
    return _NUMBERS.get(word.strip().rstrip(".").casefold())


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def long_date(day: dt.date) -> str:
    """ "7 July 2023": how UK public bodies write a date."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """ "07/07/2023": the UK's day-first numeric form, for tables and lists."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def short_date_time(moment: dt.datetime) -> str:
    """ "07/07/2023 at 14:05": a moment in the same day-first form, to the minute."""
    return f"{short_date(moment.date())} at {moment:%H:%M}"
