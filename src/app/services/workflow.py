"""Use cases over the workflow: status changes with who and when, sign-off, reopen.

Each change checks the status the user saw (``expected_status``), so a window showing an old
status cannot sign off or reopen behind another's back. Sign-off runs the s55 completeness
check inside the same transaction that locks the responses.
"""

from __future__ import annotations

import datetime as dt

from app.db import inspection_store, records
from app.db.database import Database
from app.domain import clock
from app.domain.completeness import CompletenessReport, check_completeness
from app.domain.enums import AuthorRole, InspectionStatus
from app.domain.errors import ConflictError, ValidationError
from app.domain.workflow import REOPEN_STATUS, StatusChange, Transition, transition
from app.services.identity import current_user


class SignOffRefused(ValidationError):
    """Sign-off refused by the completeness check; ``report`` says what is missing."""

    def __init__(self, report: CompletenessReport) -> None:
        super().__init__(report.refusal())
        self.report = report


def status_history(db: Database, inspection_id: int) -> list[StatusChange]:
    """Every change of status of an inspection, oldest first."""
    with db.reading() as connection:
        records.read_status(connection, inspection_id)  # NotFoundError for a removed inspection
        return records.read_status_history(connection, inspection_id)


def current_status(db: Database, inspection_id: int) -> InspectionStatus:
    with db.reading() as connection:
        return records.read_status(connection, inspection_id)


def _report(reads: records.Reads, inspection_id: int, today: dt.date) -> CompletenessReport:
    settings = records.read_settings(reads)
    titles = {role: settings.role_title(role) for role in AuthorRole}
    return check_completeness(records.read_inspection(reads, inspection_id), today, titles)


def check_sign_off(
    db: Database, inspection_id: int, today: dt.date | None = None
) -> CompletenessReport:
    """The s55 completeness check as it stands now (nothing is changed)."""
    with db.reading() as connection:
        return _report(connection, inspection_id, today or dt.date.today())


def change_status(
    db: Database,
    inspection_id: int,
    target: InspectionStatus,
    *,
    expected_status: InspectionStatus,
    note: str = "",
    today: dt.date | None = None,
    user: str | None = None,
) -> CompletenessReport | None:
    """Move an inspection to ``target``, recorded with who, when and the note.

    Signing off returns the completeness report (its warnings did not stop it) or raises
    SignOffRefused. A status that changed since the user saw it raises ConflictError; a move
    the workflow does not allow raises WorkflowError.
    """
    with db.transaction() as session:
        current = inspection_store.lock_inspection(session, inspection_id).status
        if current is not expected_status:
            raise ConflictError(
                f"The status was changed to “{current.label}” in another window; "
                "have a look before changing it again."
            )
        kind = transition(current, target)
        report = None
        if kind is Transition.SIGN_OFF:
            report = _report(session, inspection_id, today or dt.date.today())
            if not report.can_sign_off:
                raise SignOffRefused(report)
        change = StatusChange(target, clock.now_utc(), user or current_user(), note.strip())
        inspection_store.record_status(session, inspection_id, change)
        return report


def sign_off(
    db: Database,
    inspection_id: int,
    *,
    expected_status: InspectionStatus,
    note: str = "",
    today: dt.date | None = None,
) -> CompletenessReport:
    """Sign off (locking every response), or raise SignOffRefused naming what is missing."""
    report = change_status(
        db, inspection_id, InspectionStatus.SIGNED_OFF,
        expected_status=expected_status, note=note, today=today,
    )  # fmt: skip
    assert report is not None
    return report


def reopen(
    db: Database,
    inspection_id: int,
    *,
    expected_status: InspectionStatus,
    note: str = "",
    target: InspectionStatus = REOPEN_STATUS,
) -> None:
    """Unlock a signed-off or published inspection (recorded, with the reason given)."""
    if transition(expected_status, target) is not Transition.REOPEN:
        raise ValidationError("Only a signed-off or published response can be reopened.")
    change_status(
        db, inspection_id, target, expected_status=expected_status, note=note or "Reopened"
    )
