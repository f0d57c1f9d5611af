"""Use cases over inspections: list, read, create, edit, archive, import. One transaction each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from app.db import finding_store, inspection_store, records
from app.db.database import Database
from app.db.finding_store import FindingPlace
from app.db.inserting import NewInspection, insert_inspections
from app.db.unit_of_work import UnitOfWork
from app.domain import clock
from app.domain.deadlines import cc_comments_requested_by
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
    session: UnitOfWork, inspection: Inspection, now: dt.datetime, *, fill_defaults: bool,
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
    session: UnitOfWork, inspection: Inspection, *, fill_defaults: bool, source: str = ""
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
        if records.read_version(session, inspection_id) != expected_version:
            raise ConflictError(
                "Someone else changed this inspection while you were editing it. "
                "Reopen it to see their changes."
            )
        return inspection_store.store_header(session, inspection_id, edited)


def set_archived(db: Database, inspection_id: int, archived: bool) -> None:
    with db.transaction() as session:
        inspection_store.set_archived(session, inspection_id, archived)


def delete_inspection(db: Database, inspection_id: int) -> None:
    with db.transaction() as session:
        inspection_store.delete_inspection(session, inspection_id)


# --- findings --------------------------------------------------------------------------------


def _check_reference(references: dict[int, str], finding: Finding, own_id: int | None) -> None:
    reference = finding.reference.strip()
    if not reference:
        raise ValidationError("A finding needs a reference, such as “Recommendation 1”.")
    if any(other == reference and id_ != own_id for id_, other in references.items()):
        raise ValidationError(f"This inspection already has a finding called “{reference}”.")
    finding.reference = reference


def add_finding(db: Database, inspection_id: int, finding: Finding) -> int:
    with db.transaction() as session:
        records.read_status(session, inspection_id)  # NotFoundError for a removed inspection
        references = finding_store.active_references(session, inspection_id)
        _check_reference(references, finding, None)
        return finding_store.add_finding(session, inspection_id, finding, len(references))


def _finding(session: UnitOfWork, finding_id: int) -> FindingPlace:
    found = finding_store.find_finding(session, finding_id)
    if found is None or found.removed:
        raise NotFoundError("That finding was removed in another window.")
    return found


def update_finding(db: Database, finding_id: int, finding: Finding) -> int:
    """Save an edited finding; refuse if it was saved elsewhere since. Return its version."""
    with db.transaction() as session:
        stored = _finding(session, finding_id)
        if finding.version is not None and finding.version != stored.version:
            raise ConflictError(
                f"Someone else changed {stored.reference} while you were editing it. Close this "
                "window and open the finding again to see their changes."
            )
        references = finding_store.active_references(session, stored.inspection_id)
        _check_reference(references, finding, finding_id)
        if (stored.applies, stored.not_applicable_reason) != (
            finding.applies, finding.not_applicable_reason
        ):  # fmt: skip
            # Whether a finding needs a response is part of what was signed off.
            ensure_editable(records.read_status(session, stored.inspection_id))
        return finding_store.store_finding(session, finding_id, finding)


def remove_finding(db: Database, finding_id: int) -> None:
    """Take a finding out of the inspection. Its row stays in the file, marked as removed,
    with its responses and their history: nothing written is deleted, and its id is never
    used again (an editor still open on it elsewhere is refused, not redirected)."""
    with db.transaction() as session:
        stored = finding_store.find_finding(session, finding_id)
        if stored is None or stored.removed:
            return
        if finding_store.has_writing(session, finding_id):
            # its responses are locked
            ensure_editable(records.read_status(session, stored.inspection_id))
        finding_store.mark_removed(session, finding_id, clock.now_utc())


def move_finding(db: Database, finding_id: int, offset: int) -> None:
    """Move a finding up (negative) or down (positive) in report order."""
    with db.transaction() as session:
        stored = _finding(session, finding_id)
        ids = finding_store.active_finding_ids(session, stored.inspection_id)
        index = ids.index(finding_id)
        target = max(0, min(len(ids) - 1, index + offset))
        ids.insert(target, ids.pop(index))
        finding_store.put_in_order(session, ids)


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
                inspection_store.update_from_import(
                    session, existing, stored, inspection, at=clock.now_utc(), user=current_user()
                )
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
