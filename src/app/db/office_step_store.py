"""Writing an inspection's "For Office Use Only" checklist, inside a unit of work.

Steps are read as ``records.StoredStep`` (``records.read_steps`` lists them in order).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db import records
from app.db.models import OfficeStepRow
from app.db.records import StoredStep


def find_step(session: Session, step_id: int) -> StoredStep | None:
    """The office step with that id, or None when it no longer exists."""
    row = session.get(OfficeStepRow, step_id)
    return _stored(row) if row is not None else None


def store_step(session: Session, step: StoredStep) -> StoredStep:
    """Store when a step was done, by whom and its note (its name and place stay)."""
    row = session.get(OfficeStepRow, step.id)
    assert row is not None, "the use case found the step first"
    row.done_on, row.done_by, row.note = step.done_on, step.done_by, step.note
    return _stored(row)


def add_steps(session: Session, inspection_id: int, names: list[str]) -> list[StoredStep]:
    """Add steps with these names after the inspection's last one; returns them as stored."""
    rows = records.read_steps(session, inspection_id)
    position = max((row.position for row in rows), default=-1) + 1
    added = [
        OfficeStepRow(inspection_id=inspection_id, position=position + n, step=name)
        for n, name in enumerate(names)
    ]
    session.add_all(added)
    session.flush()
    return [_stored(row) for row in added]


def _stored(row: OfficeStepRow) -> StoredStep:
    return StoredStep(row.id, row.position, row.step, row.done_on, row.done_by or "",
                      row.note or "")  # fmt: skip
