"""The dashboard: what needs attention on a given day, read in one snapshot.

Responses due in the next eight weeks with their days left and RAG state, responses past their
section 55 deadline, the Chief Constable's comments past the date they were asked for,
findings past their target date, and how many inspections and findings stand at each status.
Archived inspections are left out. The deadline rules are :mod:`app.domain.deadlines`'s; a
finding's target and lateness are :mod:`app.domain.tracking`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db.database import Database
from app.domain.dashboard_rows import InspectionDates, LateFinding, ProgressCount, ProgressTotal
from app.domain.deadlines import DeadlineState, deadline_state, statutory_deadline
from app.domain.english_dates import short_date
from app.domain.enums import InspectionStatus, ProgressStatus, RagState
from app.domain.tracking import days_overdue, is_overdue

__all__ = ["Dashboard", "ProgressCount", "inspections_at", "load_dashboard"]

FINDINGS_LISTED = 200
"""The overdue findings a dashboard lists (the most overdue); the tracker lists them all."""

LOOK_AHEAD_DAYS = 56
"""Responses due within this many days from today (eight weeks) are listed as coming."""

WAITING_FOR_COMMENTS = frozenset({InspectionStatus.NOT_STARTED,
                                  InspectionStatus.AWAITING_CHIEF_CONSTABLE})  # fmt: skip
"""The statuses in which the Chief Constable's comments are still awaited."""

RAG_WORDS = {
    RagState.OVERDUE: "Red",
    RagState.DUE_SOON: "Amber",
    RagState.ON_TRACK: "Green",
    RagState.PUBLISHED: "Published",
    RagState.NO_DATE: "No date",
}
"""The colour's own word, said beside the colour (never colour alone)."""


@dataclass(frozen=True, slots=True)
class DueResponse:
    """An inspection whose response is not published, with its section 55 deadline."""

    inspection_id: int
    title: str
    deadline: dt.date
    state: DeadlineState

    @property
    def days_left(self) -> int:
        """Days until the deadline (negative once it has passed)."""
        assert self.state.days is not None  # a deadline is known
        return self.state.days

    @property
    def rag(self) -> RagState:
        return self.state.state

    def describe(self) -> str:
        """ "Norfolk PEEL 2018 — deadline 26/06/2019, 12 days left (Green)"."""
        words = self.state.words[0].lower() + self.state.words[1:]
        return (
            f"{self.title} — deadline {short_date(self.deadline)}, {words} ({RAG_WORDS[self.rag]})"
        )


@dataclass(frozen=True, slots=True)
class LateComments:
    """An inspection still waiting for the Chief Constable's comments after the date asked."""

    inspection_id: int
    title: str
    requested_by: dt.date
    days_late: int
    status: InspectionStatus

    def describe(self) -> str:
        late = "1 day" if self.days_late == 1 else f"{self.days_late:,} days"
        return (
            f"{self.title} — comments asked for by {short_date(self.requested_by)}, "
            f"{late} late ({self.status.label})"
        )


@dataclass(frozen=True, slots=True)
class OverdueFinding(LateFinding):
    """A finding past its target date whose progress status still expects work."""

    days_overdue: int = 0

    @property
    def finding_id(self) -> int:
        return self.id

    def describe(self) -> str:
        """ "Recommendation 2 — overdue by 30 days, target 31/01/2024 (Open) — PEEL Spotlight":
        what is late first, so that a line cut short still says it."""
        late = "1 day" if self.days_overdue == 1 else f"{self.days_overdue:,} days"
        return (
            f"{self.reference} — overdue by {late}, target {short_date(self.target_on)} "
            f"({self.status.label}) — {self.inspection_title}"
        )


@dataclass(frozen=True, slots=True)
class Dashboard:
    """What needs attention on ``today``. Every list is in order of urgency."""

    today: dt.date
    due_soon: tuple[DueResponse, ...]
    """Not published, the deadline today or within the next eight weeks: soonest first."""
    overdue_responses: tuple[DueResponse, ...]
    """Not published, the deadline passed: the longest overdue first."""
    late_comments: tuple[LateComments, ...]
    """Still waiting for the Chief Constable's comments after the date asked: longest first."""
    overdue_findings: tuple[OverdueFinding, ...]
    """Past the target date and still expecting work: the longest overdue first, at most
    :data:`FINDINGS_LISTED` of them (``overdue_finding_count`` says how many there are)."""
    overdue_finding_count: int
    inspection_counts: tuple[tuple[InspectionStatus, int], ...]
    """Every inspection status, in workflow order, with how many inspections stand at it."""
    progress_counts: tuple[tuple[ProgressStatus, int], ...]
    """Every progress status, in order, with how many findings stand at it."""

    @property
    def inspections(self) -> int:
        return sum(count for _status, count in self.inspection_counts)

    @property
    def findings(self) -> int:
        return sum(count for _status, count in self.progress_counts)

    @property
    def look_ahead_until(self) -> dt.date:
        """The last day of the eight weeks the coming deadlines are listed for."""
        return self.today + dt.timedelta(days=LOOK_AHEAD_DAYS)


def load_dashboard(db: Database, today: dt.date) -> Dashboard:
    """The dashboard for ``today``, read in one snapshot."""
    from app.db import dashboard_records  # SQLAlchemy: not while the window's modules load

    with db.reading() as connection:
        inspections = dashboard_records.read_inspection_dates(connection)
        statuses = dashboard_records.read_status_counts(connection)
        late = dashboard_records.read_late_findings(connection, today, limit=FINDINGS_LISTED)
        progress = dashboard_records.read_progress_totals(connection, today)
    return build_dashboard(today, inspections, statuses, late, progress)


def inspections_at(db: Database, status: ProgressStatus) -> list[ProgressCount]:
    """The inspections (not archived) with findings at ``status``, and how many: what a bar of
    the chart counts, oldest publication first."""
    from app.db import dashboard_records

    with db.reading() as connection:
        return dashboard_records.read_progress_counts(connection, status)


def build_dashboard(
    today: dt.date,
    inspections: list[InspectionDates],
    statuses: dict[InspectionStatus, int],
    late: list[LateFinding],
    progress: list[ProgressTotal],
) -> Dashboard:
    """The dashboard from what :func:`load_dashboard` read: the inspections not published,
    the counts at each status, the most overdue findings, the counts at each progress status
    with how many are overdue."""
    totals = {total.status: total.count for total in progress}
    until = today + dt.timedelta(days=LOOK_AHEAD_DAYS)
    due_soon: list[DueResponse] = []
    overdue: list[DueResponse] = []
    comments: list[LateComments] = []
    for inspection in inspections:
        deadline = statutory_deadline(inspection.published_on)
        if deadline is not None:
            state = deadline_state(deadline, today, published=False)
            if deadline < today:
                overdue.append(DueResponse(inspection.id, inspection.title, deadline, state))
            elif deadline <= until:
                due_soon.append(DueResponse(inspection.id, inspection.title, deadline, state))
        asked = inspection.cc_comments_requested_by
        if inspection.status in WAITING_FOR_COMMENTS and asked is not None and asked < today:
            comments.append(LateComments(inspection.id, inspection.title, asked,
                                         (today - asked).days, inspection.status))  # fmt: skip
    findings = tuple(
        OverdueFinding(
            f.id, f.inspection_id, f.inspection_title, f.kind, f.reference, f.status,
            f.target_on, days_overdue(f.status, f.target_on, today),
        )
        for f in late
        if is_overdue(f.status, f.target_on, today)
    )  # fmt: skip
    return Dashboard(
        today=today,
        due_soon=tuple(sorted(due_soon, key=lambda d: (d.deadline, d.inspection_id))),
        overdue_responses=tuple(sorted(overdue, key=lambda d: (d.deadline, d.inspection_id))),
        late_comments=tuple(sorted(comments, key=lambda c: (c.requested_by, c.inspection_id))),
        overdue_findings=findings,
        overdue_finding_count=sum(total.late for total in progress),
        inspection_counts=tuple((s, statuses.get(s, 0)) for s in InspectionStatus),
        progress_counts=tuple((s, totals.get(s, 0)) for s in ProgressStatus),
    )
