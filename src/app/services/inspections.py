"""Use cases over inspections: list, read, create, edit, archive, import. One transaction each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import records
from app.db.database import Database
from app.db.inserting import NewInspection, insert_inspections
from app.db.mapping import apply_finding, apply_header, finding_row
from app.db.models import FindingRow
from app.db.updating import update_inspection_rows
from app.domain import clock
from app.domain.deadlines import cc_comments_requested_by
from app.domain.enums import InspectionStatus
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.model import Finding, Inspection
from app.domain.validation import validate_inspection
from app.domain.workflow import CREATED_NOTE, StatusChange, ensure_editable, imported_note
from app.services.identity import current_user
from app.services.settings import read_settings


def inspection_version(db: Database, inspection_id: int) -> int:
    with db.reading() as connection:
        return records.read_version(connection, inspection_id)


def _new(
    session: Session, inspection: Inspection, now: dt.datetime, *, fill_defaults: bool,
    source: str = "",
) -> NewInspection:
    """An inspection to add, with its defaults filled and the history it starts with."""
    validate_inspection(inspection)
    if fill_defaults and inspection.cc_comments_requested_by is None:
        days = read_settings(session).cc_comments_days
        inspection.cc_comments_requested_by = cc_comments_requested_by(
            inspection.published_on, days
        )
    if fill_defaults and not inspection.office_steps:
        from app.domain.model import OfficeStep

        inspection.office_steps = [
            OfficeStep(name) for name in read_settings(session).office_step_names
        ]
    # An archive brings the history it was exported with; anything else starts one here.
    note = imported_note(source) if source else CREATED_NOTE
    history = list(inspection.status_history) or [
        StatusChange(inspection.status, now, current_user(), note)
    ]
    return NewInspection(inspection, history)


def _insert(
    session: Session, inspection: Inspection, *, fill_defaults: bool, source: str = ""
) -> int:
    now = clock.now_utc()
    new = _new(session, inspection, now, fill_defaults=fill_defaults, source=source)
    return insert_inspections(session, [new], now)[0]


def create_inspection(db: Database, inspection: Inspection) -> int:
    """A new inspection typed in by hand; Chief Constable date and office steps from settings."""
    with db.transaction() as session:
        return _insert(session, inspection, fill_defaults=True)


def update_header(
    db: Database, inspection_id: int, edited: Inspection, expected_version: int
) -> int:
    """Save edited header fields; refuse if someone else saved in between. Return the version."""
    validate_inspection(edited)
    with db.transaction() as session:
        row = records.inspection_row(session, inspection_id)
        if row.version != expected_version:
            raise ConflictError(
                "Someone else changed this inspection while you were editing it. "
                "Reopen it to see their changes."
            )
        status = row.status
        apply_header(row, edited)
        row.status = status  # the workflow owns status changes
        row.version += 1
        row.updated_at = clock.now_utc()
        return row.version


def set_archived(db: Database, inspection_id: int, archived: bool) -> None:
    with db.transaction() as session:
        row = records.inspection_row(session, inspection_id)
        row.archived = archived
        row.version += 1
        row.updated_at = clock.now_utc()


def delete_inspection(db: Database, inspection_id: int) -> None:
    with db.transaction() as session:
        session.delete(records.inspection_row(session, inspection_id))


# --- findings --------------------------------------------------------------------------------


def _findings(session: Session, inspection_id: int) -> list[FindingRow]:
    statement = (
        select(FindingRow)
        .where(FindingRow.inspection_id == inspection_id, FindingRow.removed_at.is_(None))
        .order_by(FindingRow.position)
    )
    return list(session.scalars(statement))


def _check_reference(rows: list[FindingRow], finding: Finding, own_id: int | None) -> None:
    reference = finding.reference.strip()
    if not reference:
        raise ValidationError("A finding needs a reference, such as “Recommendation 1”.")
    if any(r.reference == reference and r.id != own_id for r in rows):
        raise ValidationError(f"This inspection already has a finding called “{reference}”.")
    finding.reference = reference


def add_finding(db: Database, inspection_id: int, finding: Finding) -> int:
    with db.transaction() as session:
        records.inspection_row(session, inspection_id)
        rows = _findings(session, inspection_id)
        _check_reference(rows, finding, None)
        row = finding_row(finding, position=len(rows))
        row.inspection_id = inspection_id
        session.add(row)
        session.flush()
        return row.id


def _finding(session: Session, finding_id: int) -> FindingRow:
    row = session.get(FindingRow, finding_id)
    if row is None or row.removed_at is not None:
        raise NotFoundError("That finding was removed in another window.")
    return row


def update_finding(db: Database, finding_id: int, finding: Finding) -> int:
    """Save an edited finding; refuse if it was saved elsewhere since. Return its version."""
    with db.transaction() as session:
        row = _finding(session, finding_id)
        if finding.version is not None and finding.version != row.version:
            raise ConflictError(
                f"Someone else changed {row.reference} while you were editing it. Close this "
                "window and open the finding again to see their changes."
            )
        _check_reference(_findings(session, row.inspection_id), finding, finding_id)
        if (row.applies, row.not_applicable_reason) != (
            finding.applies, finding.not_applicable_reason
        ):  # fmt: skip
            # Whether a finding needs a response is part of what was signed off.
            ensure_editable(InspectionStatus(row.inspection.status))
        apply_finding(row, finding)
        row.version += 1
        return row.version


def remove_finding(db: Database, finding_id: int) -> None:
    """Take a finding out of the inspection. Its row stays in the file, marked as removed,
    with its responses and their history: nothing written is deleted, and its id is never
    used again (an editor still open on it elsewhere is refused, not redirected)."""
    with db.transaction() as session:
        row = session.get(FindingRow, finding_id)
        if row is None or row.removed_at is not None:
            return
        if any(response.text.strip() or response.revisions for response in row.responses):
            ensure_editable(InspectionStatus(row.inspection.status))  # its responses are locked
        row.removed_at = clock.now_utc()
        row.version += 1
        session.flush()
        for position, other in enumerate(_findings(session, row.inspection_id)):
            other.position = position
        row.position = len(_findings(session, row.inspection_id))


def move_finding(db: Database, finding_id: int, offset: int) -> None:
    """Move a finding up (negative) or down (positive) in report order."""
    with db.transaction() as session:
        row = _finding(session, finding_id)
        rows = _findings(session, row.inspection_id)
        index = rows.index(row)
        target = max(0, min(len(rows) - 1, index + offset))
        rows.insert(target, rows.pop(index))
        for position, other in enumerate(rows):
            other.position = position


# --- import ----------------------------------------------------------------------------------


@dataclass(slots=True)
class ImportOutcome:
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    skipped: list[tuple[str, int]] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    """The stored inspection of each one imported (added, updated or skipped), in their order."""

    def describe(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{len(self.added)} added")
        if self.updated:
            parts.append(f"{len(self.updated)} updated")
        if self.skipped:
            parts.append(f"{len(self.skipped)} already present and skipped")
        return ", ".join(parts) or "nothing to import"


Merge = Callable[[Inspection, Inspection], Inspection]
"""What an update stores, from the stored inspection and the one imported."""


def import_inspections(
    db: Database,
    inspections: list[Inspection],
    *,
    update_existing: bool,
    fill_defaults: bool = False,
    merge: Merge | None = None,
    source: str = "",
) -> ImportOutcome:
    """Add each inspection; one already present is updated or skipped, never duplicated.

    An update stores ``merge(stored, imported)`` when ``merge`` is given, read and written in
    the same transaction, so that nothing saved in between is overwritten.
    """
    outcome = ImportOutcome()
    for inspection in inspections:
        validate_inspection(inspection)
    with db.transaction() as session:
        now = clock.now_utc()
        known = records.DuplicateIndex.read(session)
        waiting: list[tuple[int, NewInspection]] = []  # (place in outcome.ids, inspection)

        def add_waiting() -> None:
            """New inspections are added together, in a few statements (app.db.inserting)."""
            added = insert_inspections(session, [new for _, new in waiting], now)
            for (place, new), new_id in zip(waiting, added, strict=True):
                outcome.ids[place] = new_id
                outcome.added.append(new_id)
                known.settle(new.inspection, new_id)
            waiting.clear()

        for inspection in inspections:
            existing = known.find(inspection.title, inspection.published_on, inspection.url)
            if existing is records.WAITING:
                add_waiting()  # an archive holding one inspection twice: the first is added
                existing = known.find(inspection.title, inspection.published_on, inspection.url)
            if existing is None:
                new = _new(session, inspection, now, fill_defaults=fill_defaults, source=source)
                waiting.append((len(outcome.ids), new))
                known.wait_for(inspection)
                outcome.ids.append(0)  # its id once added
                continue
            assert isinstance(existing, int)
            if update_existing:
                stored = records.read_inspection(session, existing)
                if merge is not None:
                    inspection = merge(stored, inspection)
                    validate_inspection(inspection)
                update_inspection_rows(
                    session, records.inspection_row(session, existing), stored, inspection,
                    at=clock.now_utc(), user=current_user(),
                )  # fmt: skip
                known.settle(inspection, existing)  # as it is now called, too
                outcome.updated.append(existing)
            else:
                outcome.skipped.append((inspection.title, existing))
            outcome.ids.append(existing)
        add_waiting()
    return outcome


def inspection_exists(db: Database, inspection_id: int) -> bool:
    with db.reading() as connection:
        return records.inspection_exists(connection, inspection_id)
