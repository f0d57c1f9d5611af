"""Reading the dashboard: the inspections' dates and statuses, the findings past their target,
and how many findings stand at each progress status; archived inspections left out.

SQLAlchemy Core over the models' tables, as :mod:`app.db.records`: only the few columns the
dashboard shows are read (never a report's or a finding's text), so that the whole dashboard
of 2,000 inspections and 30,000 findings is read in a few milliseconds.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, case, func, select

from app.db.models import FindingRow, InspectionRow
from app.db.records import Reads, _rows
from app.domain.dashboard_rows import InspectionDates, LateFinding, ProgressCount, ProgressTotal
from app.domain.enums import FindingKind, InspectionStatus, ProgressStatus

_inspection = InspectionRow.__table__.c
_finding = FindingRow.__table__.c

CLOSED_PROGRESS = tuple(status.value for status in ProgressStatus if status.is_closed)


def read_inspection_dates(reads: Reads) -> list[InspectionDates]:
    """Every inspection neither published nor archived, oldest publication first (undated
    last)."""
    statement = (
        select(
            _inspection.id, _inspection.title, _inspection.published_on, _inspection.status,
            _inspection.cc_comments_requested_by,
        )
        .where(
            _inspection.archived.is_(False),
            _inspection.status != InspectionStatus.PUBLISHED.value,
        )
        .order_by(_inspection.published_on.is_(None), _inspection.published_on, _inspection.id)
    )  # fmt: skip
    return [
        InspectionDates(
            row.id, row.title, row.published_on, InspectionStatus(row.status),
            row.cc_comments_requested_by,
        )
        for row in _rows(reads, statement)
    ]  # fmt: skip


def read_status_counts(reads: Reads) -> dict[InspectionStatus, int]:
    """How many inspections not archived stand at each status (none listed for a status no
    inspection has)."""
    count = func.count(_inspection.id)
    statement = (
        select(_inspection.status, count.label("found"))
        .where(_inspection.archived.is_(False))
        .group_by(_inspection.status)
    )
    return {InspectionStatus(row.status): int(row.found) for row in _rows(reads, statement)}


def _tracked() -> list[ColumnElement[bool]]:
    """The tracker's rows (as :func:`app.db.tracker_records.read_tracked`): findings that apply
    and are not removed, of inspections not archived."""
    return [
        _finding.removed_at.is_(None),
        _finding.applies.is_(True),
        _inspection.archived.is_(False),
    ]


def _late(today: dt.date) -> list[ColumnElement[bool]]:
    """Still expecting work, and the target date (hand-set, or else the due date) before
    ``today``: :func:`app.domain.tracking.is_overdue`, in SQL."""
    target = func.coalesce(_finding.target_on, _finding.due_on)
    return [
        *_tracked(),
        _finding.progress_status.not_in(CLOSED_PROGRESS),
        target.is_not(None),
        target < today,
    ]


def read_late_findings(reads: Reads, today: dt.date, *, limit: int) -> list[LateFinding]:
    """At most ``limit`` findings still open, in progress or awaiting evidence whose target
    date is before ``today``: the longest overdue first."""
    target = func.coalesce(_finding.target_on, _finding.due_on)
    statement = (
        select(
            _finding.id, _finding.inspection_id, _inspection.title, _finding.kind,
            _finding.reference, _finding.progress_status, target.label("target"),
        )
        .join(InspectionRow.__table__, _inspection.id == _finding.inspection_id)
        .where(*_late(today))
        .order_by(target, _inspection.id, _finding.position, _finding.id)
        .limit(limit)
    )  # fmt: skip
    return [
        LateFinding(
            row.id, row.inspection_id, row.title, FindingKind(row.kind), row.reference,
            ProgressStatus(row.progress_status), row.target,
        )
        for row in _rows(reads, statement)
    ]  # fmt: skip


def read_progress_totals(reads: Reads, today: dt.date) -> list[ProgressTotal]:
    """The tracker's findings counted by progress status, with those past their target date
    (one pass over the findings; a status no finding has is left out)."""
    late = func.sum(case((and_(*_late(today)), 1), else_=0))
    statement = (
        select(_finding.progress_status, func.count(_finding.id).label("found"),
               late.label("late"))
        .join(InspectionRow.__table__, _inspection.id == _finding.inspection_id)
        .where(*_tracked())
        .group_by(_finding.progress_status)
    )  # fmt: skip
    return [
        ProgressTotal(ProgressStatus(row.progress_status), int(row.found), int(row.late or 0))
        for row in _rows(reads, statement)
    ]


def read_progress_counts(reads: Reads, status: ProgressStatus) -> list[ProgressCount]:
    """The inspections with tracked findings at ``status``, with how many, oldest publication
    first (undated last)."""
    count = func.count(_finding.id)
    statement = (
        select(
            _inspection.id, _inspection.title, _finding.progress_status, count.label("found")
        )
        .join(InspectionRow.__table__, _inspection.id == _finding.inspection_id)
        .where(*_tracked(), _finding.progress_status == status.value)
        .group_by(
            _inspection.id, _inspection.title, _inspection.published_on,
            _finding.progress_status,
        )
        .order_by(_inspection.published_on.is_(None), _inspection.published_on, _inspection.id)
    )  # fmt: skip
    return [
        ProgressCount(row.id, row.title, ProgressStatus(row.progress_status), int(row.found))
        for row in _rows(reads, statement)
    ]
