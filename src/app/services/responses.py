"""Use cases over responses: read them, save them with revisions, list and restore revisions.

Every save is checked against the version the editor started from, so two windows (or two
running copies on one file) never overwrite each other silently: a save that finds a newer
version raises :class:`ResponseConflict` carrying the other text. Every saved version is kept
as a revision; a save that changes nothing writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.db import finding_store, inspection_store, records, response_store
from app.db.database import Database
from app.db.inspection_store import LockedInspection
from app.db.inspection_store import lock_inspection as lock_inspection  # for app.services.importing
from app.db.response_store import CurrentResponse
from app.db.unit_of_work import UnitOfWork
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


def _state(key: ResponseKey, current: CurrentResponse) -> ResponseState:
    return ResponseState(key, current.text, current.version, current.updated_at,
                         current.updated_by)  # fmt: skip


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


def _find(session: UnitOfWork, inspection_id: int, key: ResponseKey) -> CurrentResponse | None:
    return response_store.find_response(
        session, inspection_id, key.finding_id, key.role, key.part
    )


def _write(
    session: UnitOfWork,
    inspection: LockedInspection,
    key: ResponseKey,
    text: str,
    expected_version: int,
    user: str,
) -> ResponseState:
    """Store ``text`` as the new version of a response, inside a locked transaction."""
    key.check()
    ensure_editable(inspection.status)
    if key.finding_id is not None:
        _check_finding(session, inspection, key.finding_id)
    text = normalise(text)
    found = _find(session, inspection.id, key)
    if found is None and not text:
        return ResponseState(key)  # nothing typed into an empty response
    if found is not None and normalise(found.text) == text:
        return _state(key, found)  # nothing changed: no new version, no revision
    current = found.version if found is not None else 0
    if current != expected_version:
        if found is None:
            raise NotFoundError("This response was removed in another window.")
        raise ResponseConflict(_state(key, found))
    at = clock.now_utc()
    response_id = _response_id(session, inspection, key, found)
    response_store.set_response_text(session, response_id, text, current + 1, at, user)
    if text:
        _start_drafting(session, inspection, key.role, at, user)
    response_store.add_revision(session, response_id, text, at, user)
    return ResponseState(key, text, current + 1, at, user)


def _response_id(
    session: UnitOfWork, inspection: LockedInspection, key: ResponseKey,
    found: CurrentResponse | None,
) -> int:  # fmt: skip
    """The response a save writes to: the stored one, or a new one never saved."""
    if found is None:
        return response_store.add_response(
            session, inspection.id, key.finding_id, key.role, key.part
        )
    if found.text.strip() and not found.has_revisions:
        # Imported text has no revision yet: keep it, so that nothing is ever lost.
        response_store.add_revision(
            session, found.id, found.text, found.updated_at or inspection.created_at,
            found.updated_by or IMPORTED_BY,
        )  # fmt: skip
    return found.id


def _check_finding(session: UnitOfWork, inspection: LockedInspection, finding_id: int) -> None:
    """The finding an editor shows must still be part of this inspection; NotFoundError if not.

    Finding ids are never handed out again and an update keeps each finding's row, so the id
    an editor holds either is that finding or is nothing: a response is never written under
    another finding.
    """
    finding = finding_store.find_finding(session, finding_id)
    if finding is None or finding.inspection_id != inspection.id or finding.removed:
        raise NotFoundError(
            "The finding this response belongs to was removed in another window; your text is "
            "still in the editor."
        )


def _start_drafting(
    session: UnitOfWork, inspection: LockedInspection, role: AuthorRole, at: dt.datetime,
    user: str,
) -> None:  # fmt: skip
    """Saving a response starts drafting (recorded in the status history like any change).

    The status is read as it stands now: an earlier save in this unit of work (filling the
    Chief Constable's comments saves several) may have started drafting already.
    """
    if status_after_saving(inspection.status, role) is None:
        return  # the usual case, decided without reading
    target = status_after_saving(records.read_status(session, inspection.id), role)
    if target is not None:
        change = StatusChange(target, at, user, STARTED_DRAFTING_NOTE)
        inspection_store.record_status(session, inspection.id, change)


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
        found = _find(session, inspection_id, key)
        text = None if found is None else response_store.revision_text(
            session, revision_id, found.id
        )
        if text is None:
            raise NotFoundError("That earlier version of the response no longer exists.")
        return _write(session, inspection, key, text, expected_version, user or current_user())


def set_finding_applies(
    db: Database, inspection_id: int, finding_id: int, applies: bool, reason: str = ""
) -> None:
    """Mark a finding as applying to the force or not (with the reason); it is kept either way."""
    reason = reason.strip()
    if not applies and not reason:
        raise ValidationError("Say why the finding does not apply, e.g. “For the Home Office”.")
    with db.transaction() as session:
        inspection = lock_inspection(session, inspection_id)
        ensure_editable(inspection.status)
        _check_finding(session, inspection, finding_id)
        finding_store.set_applies(session, finding_id, applies, "" if applies else reason)
