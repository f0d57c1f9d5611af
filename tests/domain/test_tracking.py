"""The tracker's rules: target dates, overdue, and status words as people type them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.enums import HmicfrsStatus, ProgressStatus
from app.domain.tracking import days_overdue, is_overdue, target_date

TARGET = dt.date(2024, 1, 31)


def test_the_target_is_the_date_set_by_hand_or_else_the_due_date() -> None:
    assert target_date(None, TARGET) == TARGET
    assert target_date(dt.date(2024, 6, 30), TARGET) == dt.date(2024, 6, 30)
    assert target_date(None, None) is None


@pytest.mark.parametrize("status", list(ProgressStatus))
def test_overdue_once_the_target_has_passed_unless_closed(status: ProgressStatus) -> None:
    closed = status in {
        ProgressStatus.COMPLETED, ProgressStatus.SUPERSEDED, ProgressStatus.NOT_ACCEPTED
    }  # fmt: skip
    assert is_overdue(status, TARGET, dt.date(2024, 2, 1)) is not closed
    assert not is_overdue(status, TARGET, TARGET)  # the target day itself is not late
    assert not is_overdue(status, None, dt.date(2030, 1, 1))
    assert days_overdue(status, TARGET, dt.date(2024, 2, 10)) == (0 if closed else 10)


def test_statuses_are_read_from_values_and_labels_with_case_forgiven() -> None:
    assert ProgressStatus.parse("in_progress") is ProgressStatus.IN_PROGRESS
    assert ProgressStatus.parse("In Progress") is ProgressStatus.IN_PROGRESS
    assert ProgressStatus.parse("implemented - awaiting evidence") is (
        ProgressStatus.AWAITING_EVIDENCE
    )
    assert ProgressStatus.AWAITING_EVIDENCE.label == "Implemented – awaiting evidence"
    assert ProgressStatus.parse("done") is None
    assert HmicfrsStatus.parse("awaiting-review") is HmicfrsStatus.AWAITING_REVIEW
    assert HmicfrsStatus.parse("No further action needed") is HmicfrsStatus.NO_FURTHER_ACTION
