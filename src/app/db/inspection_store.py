"""Writing an inspection's own row: the write lock, its status, its header, archiving, removal.

Each function runs inside a unit of work (``Database.transaction()``'s session) and takes and
returns the domain's values; the use cases that decide what to write are in ``app.services``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, insert, select, update
from sqlalchemy.orm import Session

from app.db import records
from app.db.mapping import apply_header
from app.db.models import InspectionRow, StatusChangeRow
from app.db.updating import update_inspection_rows
from app.domain import clock
from app.domain.enums import InspectionStatus
from app.domain.errors import NotFoundError
from app.domain.model import Inspection
from app.domain.workflow import StatusChange

_inspection = InspectionRow.__table__.c


@dataclass(frozen=True, slots=True)
class LockedInspection:
    """An inspection whose row this unit of work holds the write lock on."""

    id: int
    status: InspectionStatus
    created_at: dt.datetime


def lock_inspection(session: Session, inspection_id: int) -> LockedInspection:
    """Start a writing transaction on an inspection and return what the checks need of it.

    The first statement writes, so SQLite takes its write lock before anything is read: the
    version and status checks that follow cannot be overtaken by another process.
    """
    touched = cast(
        "CursorResult[Any]",
        session.execute(
            update(InspectionRow)
            .where(InspectionRow.id == inspection_id)
            .values(updated_at=clock.now_utc())
            .execution_options(synchronize_session=False)  # no SELECT before the write
        ),
    )
    found = (
        session.execute(
            select(_inspection.status, _inspection.created_at).where(
                _inspection.id == inspection_id
            )
        ).first()
        if touched.rowcount
        else None
    )
    if found is None:
        raise NotFoundError.inspection(inspection_id)
    return LockedInspection(inspection_id, InspectionStatus(found.status), found.created_at)


def record_status(session: Session, inspection_id: int, change: StatusChange) -> None:
    """Move an inspection to ``change.status`` and add the change to its history."""
    session.execute(
        update(InspectionRow)
        .where(InspectionRow.id == inspection_id)
        .values(status=change.status.value)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        insert(StatusChangeRow).values(
            inspection_id=inspection_id, status=change.status.value,
            changed_at=change.changed_at, changed_by=change.changed_by, note=change.note,
        )
    )  # fmt: skip


def store_header(session: Session, inspection_id: int, edited: Inspection) -> int:
    """Store the edited header fields (never the status: the workflow owns it) as a new
    version; returns that version."""
    row = records.inspection_row(session, inspection_id)
    status = row.status
    apply_header(row, edited)
    row.status = status
    return _new_version(row)


def set_archived(session: Session, inspection_id: int, archived: bool) -> None:
    """Move an inspection into the archive or out of it."""
    row = records.inspection_row(session, inspection_id)
    row.archived = archived
    _new_version(row)


def delete_inspection(session: Session, inspection_id: int) -> None:
    """Delete an inspection with everything it holds (NotFoundError when there is none)."""
    session.delete(records.inspection_row(session, inspection_id))


def update_from_import(
    session: Session,
    inspection_id: int,
    stored: Inspection,
    updated: Inspection,
    *,
    at: dt.datetime,
    user: str,
) -> None:
    """Make the stored inspection (read as ``stored``) hold ``updated`` (``app.db.updating``)."""
    row = records.inspection_row(session, inspection_id)
    update_inspection_rows(session, row, stored, updated, at=at, user=user)


def _new_version(row: InspectionRow) -> int:
    row.version += 1
    row.updated_at = clock.now_utc()
    return row.version
