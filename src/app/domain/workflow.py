"""The response workflow: which status may follow which, and what each move means.

Not started → Awaiting Chief Constable comments → Drafting → Ready for sign-off → Signed off →
Published. The four working statuses may be set in any order (work goes back and forth);
signing off locks every response of the inspection, publishing needs a signed-off response,
and reopening is the only way back from a locked status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.domain import clock
from app.domain.enums import AuthorRole, InspectionStatus
from app.domain.errors import ValidationError

WORKING_STATUSES: tuple[InspectionStatus, ...] = (
    InspectionStatus.NOT_STARTED,
    InspectionStatus.AWAITING_CHIEF_CONSTABLE,
    InspectionStatus.DRAFTING,
    InspectionStatus.READY_FOR_SIGN_OFF,
)
LOCKED_STATUSES = frozenset({InspectionStatus.SIGNED_OFF, InspectionStatus.PUBLISHED})
REOPEN_STATUS = InspectionStatus.DRAFTING


class Transition(StrEnum):
    """What a change of status means, beyond the new label."""

    MOVE = "move"  # between working statuses (or published back to signed off)
    SIGN_OFF = "sign_off"  # locks the responses; needs the s55 completeness check
    PUBLISH = "publish"
    REOPEN = "reopen"  # unlocks the responses


class WorkflowError(ValidationError):
    """A change of status that the workflow does not allow."""


class LockedError(ValidationError):
    """An edit to an inspection whose responses are signed off (and so locked)."""


def is_locked(status: InspectionStatus) -> bool:
    """True when the responses may not be edited (signed off or published)."""
    return status in LOCKED_STATUSES


def transition(current: InspectionStatus, target: InspectionStatus) -> Transition:
    """The kind of move from ``current`` to ``target``; WorkflowError if it is not allowed."""
    if current is target:
        raise WorkflowError(f"The inspection is already “{target.label}”.")
    if target is InspectionStatus.SIGNED_OFF:
        if current is InspectionStatus.PUBLISHED:
            return Transition.MOVE  # correcting a publication recorded by mistake
        return Transition.SIGN_OFF
    if target is InspectionStatus.PUBLISHED:
        if current is not InspectionStatus.SIGNED_OFF:
            raise WorkflowError("Only a signed-off response can be published: sign it off first.")
        return Transition.PUBLISH
    if is_locked(current):
        return Transition.REOPEN
    return Transition.MOVE


def available_targets(current: InspectionStatus) -> list[InspectionStatus]:
    """Every status that may follow ``current``, in workflow order."""
    targets = []
    for status in InspectionStatus:
        try:
            transition(current, status)
        except WorkflowError:
            continue
        targets.append(status)
    return targets


STARTED_DRAFTING_NOTE = "Drafting started when a response was saved"
CREATED_NOTE = "Created"
IMPORTED_PREFIX = "Imported from "


def imported_note(source: str) -> str:
    """The history's note for an inspection that arrived by import ("Imported from X.pdf")."""
    return IMPORTED_PREFIX + source


def status_after_saving(current: InspectionStatus, role: AuthorRole) -> InspectionStatus | None:
    """The status that saving a response by ``role`` moves an inspection to, if any.

    Writing is drafting: the first response saved moves "Not started" on, and the Chief
    Constable's comments, once entered, move "Awaiting Chief Constable comments" on. The
    Commissioner's own draft, typed while the comments are still awaited, does not.
    """
    if current is InspectionStatus.NOT_STARTED:
        return InspectionStatus.DRAFTING
    if current is InspectionStatus.AWAITING_CHIEF_CONSTABLE and role is AuthorRole.CHIEF_CONSTABLE:
        return InspectionStatus.DRAFTING
    return None


def locked_message(status: InspectionStatus) -> str:
    return (
        f"The responses are locked because the inspection is “{status.label}”. "
        "Reopen it to make changes."
    )


def ensure_editable(status: InspectionStatus) -> None:
    """Raise LockedError when the responses of an inspection in ``status`` may not change."""
    if is_locked(status):
        raise LockedError(locked_message(status))


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One entry of the workflow history."""

    status: InspectionStatus
    changed_at: dt.datetime
    """When, in UTC (:mod:`app.domain.clock`); described in local time."""
    changed_by: str = ""
    note: str = ""

    def describe(self) -> str:
        when = clock.local_date_time(self.changed_at)
        who = f" by {self.changed_by}" if self.changed_by else ""
        note = f" – {self.note}" if self.note else ""
        return f"{self.status.label}, {when}{who}{note}"
