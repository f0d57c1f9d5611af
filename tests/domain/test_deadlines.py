"""Deadline rules: the statutory 56-day period, RAG states and due dates from finding text."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.deadlines import (
    DEADLINE_EXPLANATION,
    add_months,
    cc_comments_requested_by,
    deadline_state,
    extract_due_text,
    parse_due_text,
    statutory_deadline,
)
from app.domain.enums import RagState

PUBLISHED = dt.date(2023, 7, 7)


def test_statutory_deadline_counts_publication_day_as_day_one() -> None:
    # The seed's template states 1 September 2023 (+56); the law gives 31 August 2023 (+55).
    deadline = statutory_deadline(PUBLISHED)
    assert deadline == dt.date(2023, 8, 31)
    assert (deadline - PUBLISHED).days + 1 == 56
    assert statutory_deadline(None) is None
    assert "day 1" in DEADLINE_EXPLANATION


def test_cc_comments_date_comes_from_the_setting() -> None:
    assert cc_comments_requested_by(PUBLISHED, 28) == dt.date(2023, 8, 4)
    assert cc_comments_requested_by(PUBLISHED, 14) == dt.date(2023, 7, 21)
    assert cc_comments_requested_by(None, 28) is None


@pytest.mark.parametrize(
    ("today", "state", "words"),
    [
        (dt.date(2023, 9, 3), RagState.OVERDUE, "Overdue by 3 days"),
        (dt.date(2023, 9, 1), RagState.OVERDUE, "Overdue by 1 day"),
        (dt.date(2023, 8, 31), RagState.DUE_SOON, "Due today"),
        (dt.date(2023, 8, 26), RagState.DUE_SOON, "Due in 5 days"),
        (dt.date(2023, 8, 24), RagState.DUE_SOON, "Due in 7 days"),
        (dt.date(2023, 8, 23), RagState.ON_TRACK, "8 days left"),
    ],
)
def test_rag_state_always_has_words(today: dt.date, state: RagState, words: str) -> None:
    result = deadline_state(dt.date(2023, 8, 31), today, published=False)
    assert (result.state, result.words) == (state, words)


def test_published_and_undated_states() -> None:
    assert deadline_state(dt.date(2023, 8, 31), dt.date(2024, 1, 1), published=True).state is (
        RagState.PUBLISHED
    )
    assert deadline_state(None, dt.date(2024, 1, 1), published=False).words == "No publication date"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By January 2024, forces should review", dt.date(2024, 1, 31)),
        ("By February 2024, chief constables should", dt.date(2024, 2, 29)),
        ("by 31 March 2025 the Home Office should", dt.date(2025, 3, 31)),
        ("Within six months, forces should", dt.date(2024, 1, 7)),
        ("within 3 months of this report", dt.date(2023, 10, 7)),
        ("Immediately, chief constables should", PUBLISHED),
        ("By the end of 2024, the College should", dt.date(2024, 12, 31)),
        ("Forces should review their processes.", None),
    ],
)
def test_due_dates_from_finding_text(text: str, expected: dt.date | None) -> None:
    assert parse_due_text(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By the end of March 2025, forces should", dt.date(2025, 3, 31)),
        ("By end of March 2025, forces should", dt.date(2025, 3, 31)),
        ("by end March 2025", dt.date(2025, 3, 31)),
        ("Within 12 months of publication, PCCs should", dt.date(2024, 7, 7)),
        ("By 31/03/2025, the NPCC lead should", dt.date(2025, 3, 31)),
        ("by 1/4/2025", dt.date(2025, 4, 1)),  # UK day-first
        ("by 31.03.25", dt.date(2025, 3, 31)),
        ("by 31/02/2025", None),
        ("immediately", PUBLISHED),
        ("The force should immediately stop the practice.", PUBLISHED),
        ("By the end of 2024/25, forces should", dt.date(2025, 3, 31)),  # a financial year
        # The phrase that leads the finding sets the date, not a figure inside it.
        ("By the end of 2024, forces should test devices within 90 days.", dt.date(2024, 12, 31)),
        ("Within three months, forces should report by March 2030.", dt.date(2023, 10, 7)),
    ],
)
def test_due_dates_as_other_reports_write_them(text: str, expected: dt.date | None) -> None:
    assert parse_due_text(text, PUBLISHED) == expected
    if expected is not None:
        assert parse_due_text(extract_due_text(text), PUBLISHED) == expected


def test_relative_due_dates_need_a_publication_date() -> None:
    assert parse_due_text("within six months", None) is None


def test_due_text_is_the_phrase_as_written() -> None:
    assert extract_due_text("By January 2024, forces should review") == "By January 2024"
    assert extract_due_text("no timescale here") == ""


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 11, 15), 3) == dt.date(2024, 2, 15)
