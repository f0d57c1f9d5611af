"""The recommendation tracker: where the work on every finding stands after publication.

Each finding that applies to the force has a progress status, an owner (a person or a force
department), a target date (its due date unless set by hand) and dated progress updates; the
inspectorate's own register status is recorded beside ours. A change of status is always a
progress update, so the updates are the history of the status. Each change is one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.db import tracker_records, tracker_writes
from app.db.database import Database
from app.db.records import Reads
from app.domain import clock
from app.domain.english_dates import short_date
from app.domain.enums import FindingKind, HmicfrsStatus, ProgressStatus
from app.domain.errors import ValidationError
from app.domain.model import ProgressUpdate
from app.domain.tracking import TrackedFinding
from app.domain.validation import EARLIEST_REPORT
from app.services.identity import current_user

LATEST_TARGET = dt.date(2100, 12, 31)
LONGEST_OWNER = 200


@dataclass(frozen=True, slots=True)
class TrackerFilter:
    """Which rows to show; an empty choice shows every row."""

    statuses: frozenset[ProgressStatus] = frozenset()
    overdue_only: bool = False
    inspection_id: int | None = None
    kinds: frozenset[FindingKind] = frozenset()
    owner: str = ""
    """An owner's name, case forgiven."""
    force: str = ""
    """Words in the name of a force the inspection covers, case forgiven."""
    include_archived: bool = False

    def keeps(self, row: TrackedFinding) -> bool:
        owner, force = self.owner.strip().casefold(), self.force.strip().casefold()
        return (
            (not self.statuses or row.status in self.statuses)
            and (not self.overdue_only or row.overdue)
            and (self.inspection_id is None or row.inspection_id == self.inspection_id)
            and (not self.kinds or row.kind in self.kinds)
            and (not owner or row.owner.casefold() == owner)
            and (not force or any(force in name.casefold() for name in row.forces))
        )


@dataclass(frozen=True, slots=True)
class StatusCount:
    status: ProgressStatus
    count: int
    overdue: int = 0


@dataclass(frozen=True, slots=True)
class TrackerSummary:
    """How many findings stand at each status, every status listed (for a panel paper)."""

    counts: tuple[StatusCount, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(count.count for count in self.counts)


def tracker_rows(
    db: Database, where: TrackerFilter | None = None, *, today: dt.date | None = None
) -> list[TrackedFinding]:
    """The tracker: findings across all inspections, oldest publication first, filtered."""
    where = where or TrackerFilter()
    with db.reading() as connection:
        rows = tracker_records.read_tracked(
            connection, today or dt.date.today(), include_archived=where.include_archived
        )
    return [row for row in rows if where.keeps(row)]


def summarise(rows: Iterable[TrackedFinding]) -> TrackerSummary:
    rows = list(rows)
    return TrackerSummary(
        tuple(
            StatusCount(
                status,
                sum(1 for row in rows if row.status is status),
                sum(1 for row in rows if row.status is status and row.overdue),
            )
            for status in ProgressStatus
        )
    )


def known_owners(db: Database) -> list[str]:
    """The owners named before, most used first, to offer again."""
    with db.reading() as connection:
        return tracker_records.read_owners(connection)


def record_progress(
    db: Database,
    finding_id: int,
    status: ProgressStatus,
    note: str = "",
    by: str | None = None,
    target_on: dt.date | None = None,
    *,
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> TrackedFinding:
    """A dated progress update: the finding takes ``status`` (a change of status is kept in
    its updates), and ``target_on``, when given, becomes its target date. One transaction."""
    note = note.strip()
    _check_target(target_on)
    on = on or dt.date.today()
    _check_date("update", on)
    with db.transaction() as session:
        if not note and tracker_writes.current_status(session, finding_id) is status:
            raise ValidationError(
                f"The finding is already “{status.label}”: write a note or choose another status."
            )
        update = ProgressUpdate(on, status.value, note, _person(by), clock.now_utc())
        tracker_writes.add_update(session, finding_id, update)
        if target_on is not None:
            tracker_writes.set_target(session, finding_id, target_on)
        return _one(session, finding_id, today)


def set_owner(db: Database, finding_id: int, owner: str) -> TrackedFinding:
    """Who owns the work: a person or a department, as typed; blank takes the owner away."""
    owner = " ".join(owner.split())
    if len(owner) > LONGEST_OWNER:
        raise ValidationError(f"An owner's name can be at most {LONGEST_OWNER} characters long.")
    with db.transaction() as session:
        tracker_writes.set_owner(session, finding_id, owner)
        return _one(session, finding_id, None)


def set_target(db: Database, finding_id: int, target_on: dt.date | None) -> TrackedFinding:
    """The target date; None goes back to the finding's due date."""
    _check_target(target_on)
    with db.transaction() as session:
        tracker_writes.set_target(session, finding_id, target_on)
        return _one(session, finding_id, None)


def set_hmicfrs_status(
    db: Database, finding_id: int, status: HmicfrsStatus | None
) -> TrackedFinding:
    """The status in the inspectorate's register, where known (None: not known)."""
    with db.transaction() as session:
        tracker_writes.set_hmicfrs_status(session, finding_id, status)
        return _one(session, finding_id, None)


def _one(reads: Reads, finding_id: int, today: dt.date | None) -> TrackedFinding:
    found = tracker_records.read_tracked(
        reads, today or dt.date.today(), finding_ids=[finding_id], include_archived=True
    )
    if not found:
        raise ValidationError("That finding does not apply to the force, so it is not tracked.")
    return found[0]


def _person(by: str | None) -> str:
    return " ".join((by or "").split()) or current_user()


def _check_target(target_on: dt.date | None) -> None:
    if target_on is not None:
        _check_date("target", target_on)


def _check_date(label: str, value: dt.date) -> None:
    if not EARLIEST_REPORT <= value <= LATEST_TARGET:
        raise ValidationError(f"The {label} date {short_date(value)} is not a plausible date.")
