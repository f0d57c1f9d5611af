"""Writing an inspection's findings: add, edit, mark as not applying, remove, reorder.

Each function runs inside a unit of work and takes and returns the domain's values. A removed
finding keeps its row, marked as removed, with its responses and their history; its id is
never handed out again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.mapping import apply_finding, finding_row
from app.db.models import FindingRow
from app.domain.model import Finding


@dataclass(frozen=True, slots=True)
class FindingPlace:
    """Where a stored finding belongs, and what a change to it is checked against."""

    id: int
    inspection_id: int
    reference: str
    version: int
    applies: bool
    not_applicable_reason: str
    removed: bool


def find_finding(session: Session, finding_id: int) -> FindingPlace | None:
    """The finding with that id, removed or not; None when there never was one."""
    row = session.get(FindingRow, finding_id)
    if row is None:
        return None
    return FindingPlace(
        row.id, row.inspection_id, row.reference, row.version, row.applies,
        row.not_applicable_reason, row.removed_at is not None,
    )  # fmt: skip


def has_writing(session: Session, finding_id: int) -> bool:
    """Whether any response to the finding has text or a saved version."""
    row = _row(session, finding_id)
    return any(response.text.strip() or response.revisions for response in row.responses)


def active_references(session: Session, inspection_id: int) -> dict[int, str]:
    """The reference of each of an inspection's findings (not removed), by id, in order."""
    return {row.id: row.reference for row in _active(session, inspection_id)}


def add_finding(session: Session, inspection_id: int, finding: Finding, position: int) -> int:
    """Store a new finding of the inspection at ``position``; returns its id."""
    row = finding_row(finding, position=position)
    row.inspection_id = inspection_id
    session.add(row)
    session.flush()
    return row.id


def store_finding(session: Session, finding_id: int, finding: Finding) -> int:
    """Store an edited finding as its next version; returns that version."""
    row = _row(session, finding_id)
    apply_finding(row, finding)
    row.version += 1
    return row.version


def set_applies(session: Session, finding_id: int, applies: bool, reason: str) -> None:
    """Whether the finding applies to the force, with the reason when it does not."""
    row = _row(session, finding_id)
    row.applies = applies
    row.not_applicable_reason = reason
    row.version += 1


def mark_removed(session: Session, finding_id: int, at: dt.datetime) -> None:
    """Take a finding out of its inspection, keeping its row after the findings that stay."""
    row = _row(session, finding_id)
    row.removed_at = at
    row.version += 1
    session.flush()
    stay = _active(session, row.inspection_id)
    put_in_order(session, [other.id for other in stay])
    row.position = len(stay)


def active_finding_ids(session: Session, inspection_id: int) -> list[int]:
    """The ids of an inspection's findings (not removed), in report order."""
    return [row.id for row in _active(session, inspection_id)]


def put_in_order(session: Session, finding_ids: list[int]) -> None:
    """Number the findings in the order given."""
    for position, finding_id in enumerate(finding_ids):
        _row(session, finding_id).position = position


def _row(session: Session, finding_id: int) -> FindingRow:
    row = session.get(FindingRow, finding_id)
    assert row is not None, "the use case found the finding first"
    return row


def _active(session: Session, inspection_id: int) -> list[FindingRow]:
    statement = (
        select(FindingRow)
        .where(FindingRow.inspection_id == inspection_id, FindingRow.removed_at.is_(None))
        .order_by(FindingRow.position)
    )
    return list(session.scalars(statement))
