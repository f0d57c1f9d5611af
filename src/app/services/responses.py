"""Use cases over responses: read them, save them with revisions, list and restore revisions.

Every save is checked against the version the editor started from, so two windows (or two
running copies on one file) never overwrite each other silently: a save that finds a newer
version raises :class:`ResponseConflict` carrying the other text. Every saved version is kept
as a revision; a save that changes nothing writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.db import records
from app.db.database import Database
from app.db.models import FindingRow, InspectionRow, ResponseRow, RevisionRow, StatusChangeRow
from app.domain import clock
from app.domain.enums import AuthorRole, InspectionStatus, ResponsePart
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.model import Finding, GradedQuestion
from app.domain.workflow import (
    STARTED_DRAFTING_NOTE,
    StatusChange,
    ensure_editable,
    status_after_saving,
)
from app.services.identity import current_user
from app.services.office_steps import OfficeStepState
from app.services.office_steps import read_states as read_steps

IMPORTED_BY = "imported"


def normalise(text: str) -> str:
    """The form a response is stored in: no trailing blank space, Unix line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n").rstrip()


@dataclass(frozen=True, slots=True)
class ResponseKey:
    """Which response: an author role, a part and, for a finding's response, the finding."""

    finding_id: int | None
    role: AuthorRole
    part: ResponsePart

    @classmethod
    def overall(cls, role: AuthorRole) -> ResponseKey:
        return cls(None, role, ResponsePart.OVERALL)

    @classmethod
    def closing(cls, role: AuthorRole) -> ResponseKey:
        return cls(None, role, ResponsePart.CLOSING)

    @classmethod
    def finding(cls, finding_id: int, role: AuthorRole) -> ResponseKey:
        return cls(finding_id, role, ResponsePart.RESPONSE)

    def check(self) -> None:
        if (self.finding_id is None) == (self.part is ResponsePart.RESPONSE):
            raise ValidationError("A response to a finding needs the finding, and only it.")


@dataclass(frozen=True, slots=True)
class ResponseState:
    """The stored text of one response and its version (0: never saved)."""

    key: ResponseKey
    text: str = ""
    version: int = 0
    updated_at: dt.datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    id: int
    text: str
    saved_at: dt.datetime
    saved_by: str


class ResponseConflict(ConflictError):
    """A save found a newer version than the one the editor started from."""

    def __init__(self, theirs: ResponseState) -> None:
        who = f" by {theirs.updated_by}" if theirs.updated_by else ""
        when = f" at {clock.local_time(theirs.updated_at)}" if theirs.updated_at else ""
        super().__init__(
            f"This response was changed{who}{when} in another window while you were editing it."
        )
        self.theirs = theirs


@dataclass(slots=True)
class ResponseSheet:
    """What the responses view needs about one inspection, read in one transaction."""

    inspection_id: int
    title: str
    status: InspectionStatus
    published_on: dt.date | None
    findings: list[Finding]
    states: dict[ResponseKey, ResponseState] = field(default_factory=dict)
    questions: list[GradedQuestion] = field(default_factory=list)
    """The graded questions or areas the findings belong to (PEEL force reports)."""
    titles: dict[AuthorRole, str] = field(default_factory=dict)
    history: list[StatusChange] = field(default_factory=list)
    """Every change of status, oldest first (for the workflow bar and the history)."""
    steps: list[OfficeStepState] = field(default_factory=list)
    """The "For Office Use Only" checklist."""

    def state(self, key: ResponseKey) -> ResponseState:
        return self.states.get(key) or ResponseState(key)


def _key(row: ResponseRow) -> ResponseKey:
    return ResponseKey(row.finding_id, AuthorRole(row.role), ResponsePart(row.part))


def _state(row: ResponseRow) -> ResponseState:
    return ResponseState(_key(row), row.text, row.version, row.updated_at, row.updated_by)


def _states(reads: records.Reads, inspection_id: int) -> dict[ResponseKey, ResponseState]:
    states = {}
    for stored in records.read_responses(reads, inspection_id):
        key = ResponseKey(stored.finding_id, stored.role, stored.part)
        states[key] = ResponseState(
            key, stored.text, stored.version, stored.updated_at, stored.updated_by
        )
    return states


def load_sheet(db: Database, inspection_id: int) -> ResponseSheet:
    """Everything the responses view shows (its findings, responses, status and its history,
    office steps), read from one snapshot: one transaction when a person switches inspection."""
    with db.reading() as connection:
        heading = records.read_heading(connection, inspection_id)
        settings = records.read_settings(connection)
        return ResponseSheet(
            inspection_id=inspection_id,
            title=heading.title,
            status=heading.status,
            published_on=heading.published_on,
            findings=records.read_findings(connection, inspection_id),
            questions=records.read_questions(connection, inspection_id),
            states=_states(connection, inspection_id),
            titles={role: settings.role_title(role) for role in AuthorRole},
            history=records.read_status_history(connection, inspection_id),
            steps=read_steps(connection, inspection_id),
        )


def response_states(db: Database, inspection_id: int) -> dict[ResponseKey, ResponseState]:
    """The stored text and version of every response of an inspection that has been saved."""
    with db.reading() as connection:
        return _states(connection, inspection_id)


def lock_inspection(session: Session, inspection_id: int) -> InspectionRow:
    """Start a writing transaction on an inspection and return its row.

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
    row = session.get(InspectionRow, inspection_id) if touched.rowcount else None
    if row is None:
        raise NotFoundError.inspection(inspection_id)
    return row


def _find(session: Session, inspection_id: int, key: ResponseKey) -> ResponseRow | None:
    statement = select(ResponseRow).where(
        ResponseRow.inspection_id == inspection_id,
        ResponseRow.role == key.role.value,
        ResponseRow.part == key.part.value,
        ResponseRow.finding_id.is_(None)
        if key.finding_id is None
        else ResponseRow.finding_id == key.finding_id,
    )
    return session.scalars(statement.order_by(ResponseRow.id)).first()


def _write(
    session: Session,
    inspection: InspectionRow,
    key: ResponseKey,
    text: str,
    expected_version: int,
    user: str,
) -> ResponseState:
    """Store ``text`` as the new version of a response, inside a locked transaction."""
    key.check()
    ensure_editable(InspectionStatus(inspection.status))
    if key.finding_id is not None:
        _check_finding(session, inspection, key.finding_id)
    text = normalise(text)
    row = _find(session, inspection.id, key)
    if row is None and not text:
        return ResponseState(key)  # nothing typed into an empty response
    if row is not None and normalise(row.text) == text:
        return _state(row)  # nothing changed: no new version, no revision
    current = row.version if row is not None else 0
    if current != expected_version:
        if row is None:
            raise NotFoundError("This response was removed in another window.")
        raise ResponseConflict(_state(row))
    at = clock.now_utc()
    if row is None:
        row = ResponseRow(
            inspection_id=inspection.id, finding_id=key.finding_id, role=key.role.value,
            part=key.part.value, text="", version=0,
        )  # fmt: skip
        session.add(row)
    elif row.text.strip() and not row.revisions:
        # Imported text has no revision yet: keep it, so that nothing is ever lost.
        row.revisions.append(
            RevisionRow(
                text=row.text,
                saved_at=row.updated_at or inspection.created_at,
                saved_by=row.updated_by or IMPORTED_BY,
            )
        )
    row.text = text
    row.version = current + 1
    row.updated_at = at
    row.updated_by = user
    if text:
        _start_drafting(session, inspection, key.role, at, user)
    row.revisions.append(RevisionRow(text=text, saved_at=at, saved_by=user))
    session.flush()
    return _state(row)


def _check_finding(session: Session, inspection: InspectionRow, finding_id: int) -> FindingRow:
    """The finding an editor shows, still part of this inspection; NotFoundError if not.

    Finding ids are never handed out again and an update keeps each finding's row, so the id
    an editor holds either is that finding or is nothing: a response is never written under
    another finding.
    """
    finding = session.get(FindingRow, finding_id)
    if finding is None or finding.inspection_id != inspection.id or finding.removed_at is not None:
        raise NotFoundError(
            "The finding this response belongs to was removed in another window; your text is "
            "still in the editor."
        )
    return finding


def _start_drafting(
    session: Session, inspection: InspectionRow, role: AuthorRole, at: dt.datetime, user: str
) -> None:
    """Saving a response starts drafting (recorded in the status history like any change)."""
    target = status_after_saving(InspectionStatus(inspection.status), role)
    if target is None:
        return
    inspection.status = target.value
    session.add(
        StatusChangeRow(
            inspection_id=inspection.id, status=target.value, changed_at=at, changed_by=user,
            note=STARTED_DRAFTING_NOTE,
        )
    )  # fmt: skip


def save_response(
    db: Database,
    inspection_id: int,
    key: ResponseKey,
    text: str,
    expected_version: int,
    *,
    user: str | None = None,
) -> ResponseState:
    """Save a response edited from version ``expected_version`` (0 for a new one).

    Returns the stored state. Raises ResponseConflict when another save came first, and
    LockedError when the inspection is signed off.
    """
    with db.transaction() as session:
        inspection = lock_inspection(session, inspection_id)
        return _write(session, inspection, key, text, expected_version, user or current_user())


def list_revisions(db: Database, inspection_id: int, key: ResponseKey) -> list[RevisionInfo]:
    """Every saved version of a response, newest first."""
    with db.reading() as connection:
        found = records.read_response_revisions(
            connection, inspection_id, key.finding_id, key.role, key.part
        )
    return [RevisionInfo(r.id, r.text, r.saved_at, r.saved_by) for r in reversed(found)]


def restore_revision(
    db: Database,
    inspection_id: int,
    key: ResponseKey,
    revision_id: int,
    expected_version: int,
    *,
    user: str | None = None,
) -> ResponseState:
    """Make an earlier version the current text again; the restore is itself a new revision."""
    with db.transaction() as session:
        inspection = lock_inspection(session, inspection_id)
        revision = session.get(RevisionRow, revision_id)
        row = _find(session, inspection_id, key)
        if revision is None or row is None or revision.response_id != row.id:
            raise NotFoundError("That earlier version of the response no longer exists.")
        return _write(
            session, inspection, key, revision.text, expected_version, user or current_user()
        )


def set_finding_applies(
    db: Database, inspection_id: int, finding_id: int, applies: bool, reason: str = ""
) -> None:
    """Mark a finding as applying to the force or not (with the reason); it is kept either way."""
    reason = reason.strip()
    if not applies and not reason:
        raise ValidationError("Say why the finding does not apply, e.g. “For the Home Office”.")
    with db.transaction() as session:
        inspection = lock_inspection(session, inspection_id)
        ensure_editable(InspectionStatus(inspection.status))
        row = _check_finding(session, inspection, finding_id)
        row.applies = applies
        row.not_applicable_reason = "" if applies else reason
        row.version += 1
