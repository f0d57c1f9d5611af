"""Tracker rows made by hand for the export tests (no database needed)."""

from __future__ import annotations

import datetime as dt

from app.domain.enums import FindingKind, HmicfrsStatus, ProgressStatus
from app.domain.model import ProgressUpdate
from app.domain.tracking import TrackedFinding


def tracked(
    finding_id: int,
    status: ProgressStatus = ProgressStatus.OPEN,
    *,
    target: dt.date | None = dt.date(2024, 1, 31),
    overdue: bool = False,
    text: str = "By January 2024, forces should review how they use data.",
) -> TrackedFinding:
    return TrackedFinding(
        id=finding_id,
        inspection_id=1,
        inspection_title="PEEL Spotlight – Police performance: Getting a grip",
        published_on=dt.date(2023, 7, 7),
        forces=("All local forces in England and Wales",),
        kind=FindingKind.RECOMMENDATION,
        reference=f"Recommendation {finding_id}",
        text=text,
        status=status,
        owner="Head of Performance – Zoë Ørsted",
        due_on=dt.date(2024, 1, 31),
        target_on=target,
        target_set=False,
        hmicfrs_status=HmicfrsStatus.AWAITING_REVIEW,
        overdue=overdue,
        updates=(ProgressUpdate(dt.date(2024, 2, 1), status.value, "Plan agreed.", "A. Analyst"),),
    )
