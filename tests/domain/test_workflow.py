"""Workflow transitions: working statuses in any order, sign-off locks, reopen unlocks."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.enums import AuthorRole
from app.domain.enums import InspectionStatus as S
from app.domain.workflow import (
    LOCKED_STATUSES,
    WORKING_STATUSES,
    LockedError,
    StatusChange,
    Transition,
    WorkflowError,
    available_targets,
    ensure_editable,
    is_locked,
    status_after_saving,
    transition,
)


def test_the_statuses_in_workflow_order_with_their_labels() -> None:
    assert [s.label for s in S] == [
        "Not started", "Awaiting Chief Constable comments", "Drafting", "Ready for sign-off",
        "Signed off", "Published",
    ]  # fmt: skip
    assert set(WORKING_STATUSES) | LOCKED_STATUSES == set(S)


@pytest.mark.parametrize("current", WORKING_STATUSES)
def test_working_statuses_move_freely_and_can_be_signed_off(current: S) -> None:
    for target in WORKING_STATUSES:
        if target is not current:
            assert transition(current, target) is Transition.MOVE
    assert transition(current, S.SIGNED_OFF) is Transition.SIGN_OFF


@pytest.mark.parametrize("current", WORKING_STATUSES)
def test_only_a_signed_off_response_is_published(current: S) -> None:
    with pytest.raises(WorkflowError, match="sign it off first"):
        transition(current, S.PUBLISHED)
    assert transition(S.SIGNED_OFF, S.PUBLISHED) is Transition.PUBLISH


@pytest.mark.parametrize("current", sorted(LOCKED_STATUSES))
def test_leaving_a_locked_status_for_a_working_one_is_a_reopen(current: S) -> None:
    for target in WORKING_STATUSES:
        assert transition(current, target) is Transition.REOPEN


def test_a_publication_recorded_by_mistake_goes_back_to_signed_off_still_locked() -> None:
    assert transition(S.PUBLISHED, S.SIGNED_OFF) is Transition.MOVE


@given(st.sampled_from(list(S)))
def test_no_status_follows_itself(status: S) -> None:
    with pytest.raises(WorkflowError, match="already"):
        transition(status, status)
    assert status not in available_targets(status)


def test_available_targets() -> None:
    assert available_targets(S.DRAFTING) == [
        S.NOT_STARTED, S.AWAITING_CHIEF_CONSTABLE, S.READY_FOR_SIGN_OFF, S.SIGNED_OFF,
    ]  # fmt: skip
    assert available_targets(S.SIGNED_OFF) == [*WORKING_STATUSES, S.PUBLISHED]


def test_signed_off_and_published_lock_the_responses() -> None:
    assert [s for s in S if is_locked(s)] == [S.SIGNED_OFF, S.PUBLISHED]
    ensure_editable(S.READY_FOR_SIGN_OFF)
    with pytest.raises(LockedError, match="Reopen it"):
        ensure_editable(S.SIGNED_OFF)


def test_a_status_change_describes_itself() -> None:
    change = StatusChange(S.SIGNED_OFF, dt.datetime(2023, 8, 30, 14, 5), "jsmith", "Approved")
    assert change.describe() == "Signed off, 30/08/2023 14:05 by jsmith – Approved"
    assert StatusChange(S.DRAFTING, dt.datetime(2023, 8, 1, 9, 0)).describe() == (
        "Drafting, 01/08/2023 09:00"
    )


@pytest.mark.parametrize(
    ("current", "role", "after"),
    [
        (S.NOT_STARTED, AuthorRole.COMMISSIONER, S.DRAFTING),
        (S.NOT_STARTED, AuthorRole.CHIEF_CONSTABLE, S.DRAFTING),
        (S.AWAITING_CHIEF_CONSTABLE, AuthorRole.CHIEF_CONSTABLE, S.DRAFTING),
        # The Commissioner's draft, typed while the comments are awaited, does not move it.
        (S.AWAITING_CHIEF_CONSTABLE, AuthorRole.COMMISSIONER, None),
        (S.DRAFTING, AuthorRole.COMMISSIONER, None),
        (S.READY_FOR_SIGN_OFF, AuthorRole.CHIEF_CONSTABLE, None),
    ],
)
def test_saving_a_response_starts_drafting(current: S, role: AuthorRole, after: S | None) -> None:
    assert status_after_saving(current, role) is after
