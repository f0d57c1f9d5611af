"""The "For Office Use Only" checklist: dated steps, each ticked with the date and who did it.

Office steps record what happened after drafting (sent, received, published), so they stay
editable when the responses are signed off.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.db import office_step_store, records
from app.db.database import Database
from app.db.records import StoredStep
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


def _state(step: StoredStep) -> OfficeStepState:
    return OfficeStepState(step.id, step.position, step.step, step.done_on, step.done_by, step.note)


def _change(
    db: Database, step_id: int, change: Callable[[StoredStep], StoredStep]
) -> OfficeStepState:
    """Store ``change`` of a step, in one unit of work (NotFoundError when it is gone)."""
    with db.transaction() as session:
        step = office_step_store.find_step(session, step_id)
        if step is None:
            raise NotFoundError("That office step no longer exists.")
        return _state(office_step_store.store_step(session, change(step)))


def office_steps(db: Database, inspection_id: int) -> list[OfficeStepState]:
    with db.reading() as connection:
        return read_states(connection, inspection_id)


def read_states(reads: records.Reads, inspection_id: int) -> list[OfficeStepState]:
    """The steps as a view shows them, read with others in one snapshot (NotFoundError when
    the inspection is gone)."""
    records.read_status(reads, inspection_id)
    return [_state(step) for step in records.read_steps(reads, inspection_id)]


def set_step_done(
    db: Database,
    step_id: int,
    done: bool,
    on: dt.date | None = None,
    *,
    user: str | None = None,
) -> OfficeStepState:
    """Tick a step (dated ``on``, default today, by the current user) or untick it."""

    def tick(step: StoredStep) -> StoredStep:
        if not done:
            return dataclasses.replace(step, done_on=None, done_by="")
        done_on = on or step.done_on or dt.date.today()
        return dataclasses.replace(step, done_on=done_on, done_by=user or current_user())

    return _change(db, step_id, tick)


def set_step_date(db: Database, step_id: int, on: dt.date) -> OfficeStepState:
    """Correct the date of a ticked step (the step was done before it was ticked)."""

    def redate(step: StoredStep) -> StoredStep:
        done_by = current_user() if step.done_on is None else step.done_by
        return dataclasses.replace(step, done_on=on, done_by=done_by)

    return _change(db, step_id, redate)


def set_step_note(db: Database, step_id: int, note: str) -> OfficeStepState:
    """A note on a step, such as the address of the published response."""
    return _change(db, step_id, lambda step: dataclasses.replace(step, note=note.strip()))


def add_step(db: Database, inspection_id: int, step: str) -> OfficeStepState:
    step = step.strip()
    if not step:
        raise ValidationError("An office step needs a name, such as “Sent to the Home Secretary”.")
    with db.transaction() as session:
        records.read_status(session, inspection_id)  # NotFoundError for a removed inspection
        return _state(office_step_store.add_steps(session, inspection_id, [step])[0])


def add_standard_steps(db: Database, inspection_id: int) -> list[OfficeStepState]:
    """Add the steps named in the organisation settings that the inspection does not have."""
    with db.transaction() as session:
        records.read_status(session, inspection_id)
        present = {s.step.casefold() for s in records.read_steps(session, inspection_id)}
        missing = [
            name for name in read_settings(session).office_step_names
            if name.casefold() not in present
        ]  # fmt: skip
        office_step_store.add_steps(session, inspection_id, missing)
        return [_state(step) for step in records.read_steps(session, inspection_id)]
