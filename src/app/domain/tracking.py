"""The recommendation tracker's rules: a finding's target date, and when it is overdue.

A finding's target date is the one set by hand, or else its due date read from the report
("By January 2024" gives 31 January 2024). A finding is overdue once its target date has passed
and its status still expects work: completed, superseded and not accepted findings never are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.enums import FindingKind, HmicfrsStatus, ProgressStatus
from app.domain.model import Finding, ProgressUpdate


def target_date(target_on: dt.date | None, due_on: dt.date | None) -> dt.date | None:
    """The date the work should be done by: the hand-set target, or else the due date."""
    return target_on if target_on is not None else due_on


def finding_target(finding: Finding) -> dt.date | None:
    return target_date(finding.target_on, finding.due_on)


def is_overdue(status: ProgressStatus, target: dt.date | None, today: dt.date) -> bool:
    """True when ``target`` has passed (the target day itself is not late) and the status
    still expects work."""
    return target is not None and target < today and not status.is_closed


def days_overdue(status: ProgressStatus, target: dt.date | None, today: dt.date) -> int:
    """How many days late the work is (0 when it is not overdue)."""
    if target is None or not is_overdue(status, target, today):
        return 0
    return (today - target).days


@dataclass(frozen=True, slots=True)
class TrackedFinding:
    """One row of the recommendation tracker: a finding, the inspection it comes from, and
    where the work on it stands."""

    id: int
    inspection_id: int
    inspection_title: str
    published_on: dt.date | None
    forces: tuple[str, ...]
    kind: FindingKind
    reference: str
    text: str
    status: ProgressStatus
    owner: str
    due_on: dt.date | None
    target_on: dt.date | None
    """The target date: set by hand, or else the due date."""
    target_set: bool
    """True when the target date was set by hand rather than taken from the due date."""
    hmicfrs_status: HmicfrsStatus | None
    overdue: bool
    updates: tuple[ProgressUpdate, ...]
    """The progress updates, oldest first: every change of status is one of them."""

    @property
    def latest_note(self) -> str:
        """The newest update's note that says something ("" when none does)."""
        return next((u.note for u in reversed(self.updates) if u.note.strip()), "")


@dataclass(frozen=True, slots=True)
class OpenInspection:
    """An inspection whose response is not yet published: the dates it is working to."""

    id: int
    title: str
    published_on: dt.date | None
    cc_comments_requested_by: dt.date | None
