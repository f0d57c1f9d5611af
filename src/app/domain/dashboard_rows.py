"""What the dashboard reads: plain values, so that the window can hold and show them without
loading the data layer (``app.db.dashboard_records`` reads them; ``app.services.dashboard``
puts the dashboard together from them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.enums import FindingKind, InspectionStatus, ProgressStatus


@dataclass(frozen=True, slots=True)
class InspectionDates:
    """An inspection as the dashboard counts it: its status and the dates it works to."""

    id: int
    title: str
    published_on: dt.date | None
    status: InspectionStatus
    cc_comments_requested_by: dt.date | None


@dataclass(frozen=True, slots=True)
class LateFinding:
    """A finding still expecting work whose target date (hand-set, or else its due date) is
    before the day asked about."""

    id: int
    inspection_id: int
    inspection_title: str
    kind: FindingKind
    reference: str
    status: ProgressStatus
    target_on: dt.date


@dataclass(frozen=True, slots=True)
class ProgressTotal:
    """How many of the tracker's findings stand at one progress status, and how many of those
    are past their target date."""

    status: ProgressStatus
    count: int
    late: int


@dataclass(frozen=True, slots=True)
class ProgressCount:
    """How many of an inspection's findings stand at one progress status."""

    inspection_id: int
    inspection_title: str
    status: ProgressStatus
    count: int
