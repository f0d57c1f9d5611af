"""Reading the recommendation tracker: every finding that applies to the force, across all
inspections, with its progress; and the owners named before, for reuse.

SQLAlchemy Core over the models' tables, as :mod:`app.db.records`: a reading connection (one
snapshot) or the session of a writing transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select

from app.db.models import FindingRow, InspectionRow, ProgressUpdateRow
from app.db.records import Reads, _rows
from app.domain.enums import FindingKind, HmicfrsStatus, InspectionStatus, ProgressStatus
from app.domain.model import ProgressUpdate
from app.domain.tracking import OpenInspection, TrackedFinding, is_overdue, target_date

_inspection = InspectionRow.__table__.c
_finding = FindingRow.__table__.c
_progress = ProgressUpdateRow.__table__.c


def read_tracked(
    reads: Reads,
    today: dt.date,
    *,
    finding_ids: list[int] | None = None,
    include_archived: bool = False,
) -> list[TrackedFinding]:
    """The tracker's rows: findings that apply to the force and are not removed, oldest
    publication first (undated last), in report order; only ``finding_ids`` when given."""
    statement = (
        select(
            _finding.id, _finding.inspection_id, _inspection.title, _inspection.published_on,
            _inspection.forces, _finding.kind, _finding.reference, _finding.text,
            _finding.progress_status, _finding.owner, _finding.due_on, _finding.target_on,
            _finding.hmicfrs_status,
        )
        .join(InspectionRow.__table__, _inspection.id == _finding.inspection_id)
        .where(_finding.removed_at.is_(None), _finding.applies.is_(True))
        .order_by(
            _inspection.published_on.is_(None), _inspection.published_on, _inspection.id,
            _finding.position, _finding.id,
        )
    )  # fmt: skip
    if not include_archived:
        statement = statement.where(_inspection.archived.is_(False))
    if finding_ids is not None:
        statement = statement.where(_finding.id.in_(finding_ids))
    rows = _rows(reads, statement)
    updates = _updates(reads, finding_ids)
    tracked: list[TrackedFinding] = []
    for row in rows:
        status = ProgressStatus(row.progress_status)
        target = target_date(row.target_on, row.due_on)
        tracked.append(
            TrackedFinding(
                id=row.id,
                inspection_id=row.inspection_id,
                inspection_title=row.title,
                published_on=row.published_on,
                forces=tuple(row.forces or ()),
                kind=FindingKind(row.kind),
                reference=row.reference,
                text=row.text or "",
                status=status,
                owner=row.owner or "",
                due_on=row.due_on,
                target_on=target,
                target_set=row.target_on is not None,
                hmicfrs_status=HmicfrsStatus(row.hmicfrs_status) if row.hmicfrs_status else None,
                overdue=is_overdue(status, target, today),
                updates=tuple(updates.get(row.id, ())),
            )
        )
    return tracked


def _updates(reads: Reads, finding_ids: list[int] | None) -> dict[int, list[ProgressUpdate]]:
    statement = select(
        _progress.finding_id, _progress.on, _progress.status, _progress.note, _progress.by,
        _progress.recorded_at,
    ).order_by(_progress.finding_id, _progress.position, _progress.id)  # fmt: skip
    if finding_ids is not None:
        statement = statement.where(_progress.finding_id.in_(finding_ids))
    found: dict[int, list[ProgressUpdate]] = defaultdict(list)
    for p in _rows(reads, statement):
        found[p.finding_id].append(
            ProgressUpdate(p.on, p.status or "", p.note or "", p.by or "", p.recorded_at)
        )
    return found


def read_owners(reads: Reads) -> list[str]:
    """Every owner named on a finding, most used first, then alphabetically."""
    uses = func.count(_finding.id)
    statement = (
        select(_finding.owner, uses)
        .where(_finding.owner != "", _finding.removed_at.is_(None))
        .group_by(_finding.owner)
        .order_by(uses.desc(), _finding.owner)
    )
    return [row.owner for row in _rows(reads, statement)]


def read_open_inspections(reads: Reads) -> list[OpenInspection]:
    """Inspections neither published nor archived, oldest publication first."""
    statement = (
        select(
            _inspection.id, _inspection.title, _inspection.published_on,
            _inspection.cc_comments_requested_by,
        )
        .where(
            _inspection.status != InspectionStatus.PUBLISHED.value,
            _inspection.archived.is_(False),
        )
        .order_by(_inspection.published_on.is_(None), _inspection.published_on, _inspection.id)
    )  # fmt: skip
    return [
        OpenInspection(row.id, row.title, row.published_on, row.cc_comments_requested_by)
        for row in _rows(reads, statement)
    ]
