"""Moments in time: taken and kept in UTC, shown in the computer's local time.

Every moment the application records (a save, a change of status, a removal) is an aware
``datetime`` in UTC, to the second, from :func:`now_utc`; it is stored and archived in ISO 8601
with its offset (``2026-10-25T00:30:00+00:00``). Local time is only for people to read, through
the formats here: local clock times repeat once a year, when the clocks go back, so nothing is
ever ordered by them (records keep the order they were made in).

A moment without an offset (written by an earlier version, which kept naive local times) is
taken as the local time of the computer reading it. The formats are numeric, day first and on
the 24-hour clock, the same whatever the computer's language (dates through
:mod:`app.domain.english_dates`).
"""

from __future__ import annotations

import datetime as dt

from app.domain.english_dates import short_date


def now_utc() -> dt.datetime:
    """Now, in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC; a naive one is taken as this computer's local time.

    Raises OverflowError, OSError or ValueError for a moment the computer cannot place (the
    first or last day Python knows, ahead of or behind UTC; before 1970 on Windows).
    """
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the local time zone, with its summer time
    return moment.astimezone(dt.UTC)


def to_iso(moment: dt.datetime) -> str:
    """ISO 8601 in UTC with its offset: how moments are stored and archived."""
    return as_utc(moment).isoformat()


def from_iso(text: str) -> dt.datetime:
    """A stored or archived moment, in UTC (naive text is this computer's local time).

    Raises ValueError for text that is no ISO 8601 date and time, and what :func:`as_utc`
    raises for a moment out of range.
    """
    return as_utc(dt.datetime.fromisoformat(text))


def to_local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in this computer's local time (with that moment's offset), for display.

    A moment the computer cannot place in local time is left in UTC rather than refused.
    """
    try:
        return as_utc(moment).astimezone()
    except (OverflowError, OSError, ValueError):
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def local_time(moment: dt.datetime, *, seconds: bool = False) -> str:
    """ "14:05" (or "14:05:09"): the local time of day, on the 24-hour clock."""
    local = to_local(moment)
    shown = f"{local.hour:02d}:{local.minute:02d}"
    return f"{shown}:{local.second:02d}" if seconds else shown


def local_date(moment: dt.datetime) -> str:
    """ "25/10/2026": the local date, day first."""
    return short_date(to_local(moment).date())


def local_date_time(moment: dt.datetime, *, seconds: bool = False) -> str:
    """ "25/10/2026 01:30" (or "25/10/2026 01:30:09"): the local date and time, as lists show
    them."""
    return f"{local_date(moment)} {local_time(moment, seconds=seconds)}"
