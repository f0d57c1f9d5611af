"""Dates typed into a date box, day first (issue 9, item 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.typed_dates import format_typed_date, parse_typed_date


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("20/11/2026", dt.date(2026, 11, 20)), ("2/5/2019", dt.date(2019, 5, 2)),
        ("20/11/26", dt.date(2026, 11, 20)), ("20-11-2026", dt.date(2026, 11, 20)),
        (" 20.11.2026 ", dt.date(2026, 11, 20)), ("20 11 2026", dt.date(2026, 11, 20)),
        ("20 Nov 2026", dt.date(2026, 11, 20)), ("20th November 2026", dt.date(2026, 11, 20)),
        ("1 Sept 2023", dt.date(2023, 9, 1)), ("2026-11-20", dt.date(2026, 11, 20)),
    ],
)  # fmt: skip
def test_dates_typed_the_british_way_are_read(typed: str, meant: dt.date) -> None:
    assert parse_typed_date(typed) == meant


@pytest.mark.parametrize("typed", ["", "31/02/2026", "20/13/2026", "tomorrow", "20/11",
                                   "20 Novembre 2026", "2026"])  # fmt: skip
def test_what_is_not_a_date_is_none(typed: str) -> None:
    assert parse_typed_date(typed) is None


def test_dates_are_shown_day_first_with_leading_zeros() -> None:
    assert format_typed_date(dt.date(2019, 5, 2)) == "02/05/2019"
