"""The recommendation tracker as a table: its columns, headings and cell values, shared by the
spreadsheet and the CSV file so that both say the same thing in the same order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.english_dates import short_date
from app.domain.tracking import TrackedFinding

Cell = str | int | dt.date | None


@dataclass(frozen=True, slots=True)
class Column:
    heading: str
    value: Callable[[TrackedFinding], Cell]
    width: int
    """The widest a column grows in a spreadsheet, in characters (long texts wrap)."""


def _latest(row: TrackedFinding) -> dt.date | None:
    return next((u.on for u in reversed(row.updates) if u.on is not None), None)


COLUMNS: tuple[Column, ...] = (
    Column("Finding id", lambda r: r.id, 10),
    Column("Inspection", lambda r: r.inspection_title, 40),
    Column("Published", lambda r: r.published_on, 12),
    Column("Kind", lambda r: r.kind.label, 22),
    Column("Reference", lambda r: r.reference, 22),
    Column("Finding", lambda r: r.text, 70),
    Column("Status", lambda r: r.status.label, 30),
    Column("Owner", lambda r: r.owner, 26),
    Column("Due", lambda r: r.due_on, 12),
    Column("Target", lambda r: r.target_on, 12),
    Column("Overdue", lambda r: "Overdue" if r.overdue else "", 10),
    Column("HMICFRS status", lambda r: r.hmicfrs_status.label if r.hmicfrs_status else "", 26),
    Column("Updates", lambda r: len(r.updates), 9),
    Column("Last update", _latest, 12),
    Column("Latest note", lambda r: r.latest_note, 60),
)
HEADINGS = tuple(column.heading for column in COLUMNS)


def cells(row: TrackedFinding) -> list[Cell]:
    return [column.value(row) for column in COLUMNS]


def as_text(value: Cell) -> str:
    """A cell as text: dates day first (07/07/2023), nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return short_date(value)
    return str(value)
