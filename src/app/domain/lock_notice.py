"""What the banner over locked responses says: when, and how, they came to be locked.

A response signed off or published in this program says when and by whom. One that arrived
already published (a sample, a document or archive imported as published) says when it was
imported and from where, never the import's moment as if it were the publication; where the
office steps record the day it went on the website, that day is the publication date.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain import clock
from app.domain.english_dates import long_date
from app.domain.enums import InspectionStatus
from app.domain.model import OfficeStep
from app.domain.workflow import IMPORTED_PREFIX, StatusChange

READ_ONLY = "The responses are read-only; use Reopen to change them."


def lock_notice(
    status: InspectionStatus, history: Sequence[StatusChange], steps: Sequence[OfficeStep]
) -> str:
    """The banner's sentence for responses locked in ``status``."""
    if status is InspectionStatus.PUBLISHED:
        published = _published_step(steps)
        if published is not None and published.done_on is not None:
            return f"Locked: published on {long_date(published.done_on)}. {READ_ONLY}"
    change = next((c for c in reversed(history) if c.status is status), None)
    label = status.label.lower()
    if change is None:
        return f"Locked: {label}. {READ_ONLY}"
    if change.note.startswith(IMPORTED_PREFIX):
        source = change.note.removeprefix(IMPORTED_PREFIX)
        day = clock.to_local(change.changed_at).date()
        return f"Locked: {label} when imported from {source} on {long_date(day)}. {READ_ONLY}"
    who = f" by {change.changed_by}" if change.changed_by else ""
    moment = change.changed_at
    when = f"{clock.local_date(moment)} at {clock.local_time(moment)}"
    return f"Locked: {label} on {when}{who}. {READ_ONLY}"


def _published_step(steps: Sequence[OfficeStep]) -> OfficeStep | None:
    """The office step that records publication on the website, if there is one."""
    for step in steps:
        words = step.step.casefold()
        if "publish" in words and ("website" in words or "web site" in words or "online" in words):
            return step
    return None
