"""Writing the recommendation tracker: a finding's progress status, owner, target date and the
inspectorate's status, and its dated progress updates.

Each function works inside a writing transaction (the ``Session`` of
``Database.transaction()``); the service that calls it owns the transaction and the rules.
The same fields of a finding brought by an import or an archive are written here too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import FindingRow, ProgressUpdateRow
from app.domain.enums import HmicfrsStatus, ProgressStatus
from app.domain.errors import NotFoundError
from app.domain.model import Finding, ProgressUpdate


def finding_row(session: Session, finding_id: int) -> FindingRow:
    """A finding's row for a change (NotFoundError when it does not exist or was removed)."""
    row = session.get(FindingRow, finding_id)
    if row is None or row.removed_at is not None:
        raise NotFoundError(f"There is no finding with id {finding_id}.")
    return row


def current_status(session: Session, finding_id: int) -> ProgressStatus:
    return ProgressStatus(finding_row(session, finding_id).progress_status)


def add_update(session: Session, finding_id: int, update: ProgressUpdate) -> None:
    """Add a progress update after the finding's others; a status it names becomes the
    finding's status."""
    row = finding_row(session, finding_id)
    row.progress.append(progress_row(len(row.progress), update))
    status = ProgressStatus.parse(update.status)
    if status is not None:
        row.progress_status = status.value


def set_owner(session: Session, finding_id: int, owner: str) -> None:
    finding_row(session, finding_id).owner = owner


def set_target(session: Session, finding_id: int, target_on: dt.date | None) -> None:
    """The target date set by hand; None goes back to the finding's due date."""
    finding_row(session, finding_id).target_on = target_on


def set_hmicfrs_status(session: Session, finding_id: int, status: HmicfrsStatus | None) -> None:
    finding_row(session, finding_id).hmicfrs_status = None if status is None else status.value


def progress_row(position: int, update: ProgressUpdate) -> ProgressUpdateRow:
    return ProgressUpdateRow(position=position, **progress_columns(update))


def progress_columns(update: ProgressUpdate) -> dict[str, Any]:
    """A progress update's columns, for a new row (ORM or Core)."""
    return {
        "on": update.on, "status": update.status, "note": update.note, "by": update.by,
        "recorded_at": update.recorded_at,
    }  # fmt: skip


def tracker_columns(finding: Finding) -> dict[str, Any]:
    """A finding's tracker fields, as columns of a new row (ORM or Core)."""
    return {
        "progress_status": finding.progress_status.value,
        "owner": finding.owner,
        "target_on": finding.target_on,
        "hmicfrs_status": None if finding.hmicfrs_status is None else finding.hmicfrs_status.value,
    }


def merge_tracker_fields(row: FindingRow, finding: Finding) -> None:
    """An update from an import: each tracker field it brings replaces the stored one, and one
    it leaves at its default (open, no owner, no target, unknown) keeps what was recorded."""
    defaults = tracker_columns(Finding(finding.kind, finding.reference))
    for name, value in tracker_columns(finding).items():
        if value != defaults[name]:
            setattr(row, name, value)
