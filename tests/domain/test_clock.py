"""Moments are taken in UTC and shown in local time, the same whatever the computer's language."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import clock
from app.domain.enums import InspectionStatus
from app.domain.workflow import StatusChange

BST_0130 = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # the last Sunday of October
GMT_0110 = dt.datetime(2026, 10, 25, 1, 10, tzinfo=dt.UTC)  # forty minutes later
SUMMER_NOON = dt.datetime(2026, 7, 1, 11, 0, tzinfo=dt.UTC)  # 12:00 BST


def test_now_is_utc_to_the_second() -> None:
    now = clock.now_utc()
    assert now.utcoffset() == dt.timedelta(0) and now.microsecond == 0
    assert abs(now - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=2)


def test_moments_are_shown_in_local_time_either_side_of_the_clock_change(london: None) -> None:
    assert clock.local_date_time(BST_0130) == "25/10/2026 01:30"
    assert clock.local_date_time(GMT_0110) == "25/10/2026 01:10"
    assert (clock.local_date(SUMMER_NOON), clock.local_time(SUMMER_NOON)) == ("01/07/2026", "12:00")
    assert clock.local_date_time(GMT_0110.replace(second=9), seconds=True) == "25/10/2026 01:10:09"
    assert clock.to_local(BST_0130).utcoffset() == dt.timedelta(hours=1)
    assert clock.to_local(GMT_0110).utcoffset() == dt.timedelta(0)


def test_the_workflow_history_describes_a_change_in_local_time(london: None) -> None:
    change = StatusChange(InspectionStatus.SIGNED_OFF, SUMMER_NOON, "jsmith")
    assert change.describe() == "Signed off, 01/07/2026 12:00 by jsmith"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-07-01T11:00:00+00:00", SUMMER_NOON),  # as stored and archived now
        ("2026-07-01T13:00:00+02:00", SUMMER_NOON),  # another time zone's
        ("2026-07-01T12:00:00", SUMMER_NOON),  # naive: this computer's local time (BST)
        ("2026-07-01 12:00:00.000000", SUMMER_NOON),  # naive, as earlier versions stored it
        ("2026-12-01 12:00:00", dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)),  # naive, GMT
    ],
)
def test_stored_text_is_read_as_utc_and_naive_text_as_local_time(
    london: None, text: str, expected: dt.datetime
) -> None:
    moment = clock.from_iso(text)
    assert moment == expected and moment.tzinfo == dt.UTC
    assert clock.to_iso(moment) == expected.isoformat()


def test_moments_are_written_in_utc_with_their_offset(london: None) -> None:
    in_paris = dt.datetime(2026, 7, 1, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert clock.to_iso(in_paris) == "2026-07-01T11:00:00+00:00"
    assert clock.to_iso(dt.datetime(2026, 7, 1, 12, 0)) == "2026-07-01T11:00:00+00:00"
