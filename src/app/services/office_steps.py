"""The "For Office Use Only" checklist: dated steps, each ticked with the date and who did it.

Office steps record what happened after drafting (sent, received, published), so they stay
editable when the responses are signed off.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import records
from app.db.database import Database
from app.db.models import OfficeStepRow
from app.domain.errors import NotFoundError, ValidationError
from app.services.identity import current_user
from app.services.settings import read_settings


@dataclass(frozen=True, slots=True)
class OfficeStepState:
    id: int
    position: int
    step: str
    done_on: dt.date | None = None
    done_by: str = ""
    note: str = ""

    @property
    def done(self) -> bool:
        return self.done_on is not None


def _state(row: OfficeStepRow) -> OfficeStepState:
    return OfficeStepState(row.id, row.position, row.step, row.done_on, row.done_by, row.note)


def _rows(session: Session, inspection_id: int) -> list[OfficeStepRow]:
    return list(
        session.scalars(
            select(OfficeStepRow)
            .where(OfficeStepRow.inspection_id == inspection_id)
            .order_by(OfficeStepRow.position, OfficeStepRow.id)
        )
    )


def _row(session: Session, step_id: int) -> OfficeStepRow:
    row = session.get(OfficeStepRow, step_id)
    if row is None:
        raise NotFoundError("That office step no longer exists.")
    return row


def office_steps(db: Database, inspection_id: int) -> list[OfficeStepState]:
    with db.reading() as connection:
        return read_states(connection, inspection_id)


def read_states(reads: records.Reads, inspection_id: int) -> list[OfficeStepState]:
    """The steps as a view shows them, read with others in one snapshot (NotFoundError when
    the inspection is gone)."""
    records.read_status(reads, inspection_id)
    return [
        OfficeStepState(s.id, s.position, s.step, s.done_on, s.done_by, s.note)
        for s in records.read_steps(reads, inspection_id)
    ]


def set_step_done(
    db: Database,
    step_id: int,
    done: bool,
    on: dt.date | None = None,
    *,
    user: str | None = None,
) -> OfficeStepState:
    """Tick a step (dated ``on``, default today, by the current user) or untick it."""
    with db.transaction() as session:
        row = _row(session, step_id)
        if done:
            row.done_on = on or row.done_on or dt.date.today()
            row.done_by = user or current_user()
        else:
            row.done_on = None
            row.done_by = ""
        return _state(row)


def set_step_date(db: Database, step_id: int, on: dt.date) -> OfficeStepState:
    """Correct the date of a ticked step (the step was done before it was ticked)."""
    with db.transaction() as session:
        row = _row(session, step_id)
        if row.done_on is None:
            row.done_by = current_user()
        row.done_on = on
        return _state(row)


def set_step_note(db: Database, step_id: int, note: str) -> OfficeStepState:
    """A note on a step, such as the address of the published response."""
    with db.transaction() as session:
        row = _row(session, step_id)
        row.note = note.strip()
        return _state(row)


def add_step(db: Database, inspection_id: int, step: str) -> OfficeStepState:
    step = step.strip()
    if not step:
        raise ValidationError("An office step needs a name, such as “Sent to the Home Secretary”.")
    with db.transaction() as session:
        records.inspection_row(session, inspection_id)
        rows = _rows(session, inspection_id)
        row = OfficeStepRow(
            inspection_id=inspection_id,
            position=max((r.position for r in rows), default=-1) + 1,
            step=step,
        )
        session.add(row)
        session.flush()
        return _state(row)


def add_standard_steps(db: Database, inspection_id: int) -> list[OfficeStepState]:
    """Add the steps named in the organisation settings that the inspection does not have."""
    with db.transaction() as session:
        records.inspection_row(session, inspection_id)
        rows = _rows(session, inspection_id)
        present = {r.step.casefold() for r in rows}
        position = max((r.position for r in rows), default=-1) + 1
        for name in read_settings(session).office_step_names:
            if name.casefold() not in present:
                session.add(
                    OfficeStepRow(inspection_id=inspection_id, position=position, step=name)
                )
                position += 1
        session.flush()
        return [_state(row) for row in _rows(session, inspection_id)]
