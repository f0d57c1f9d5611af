"""Bringing an existing tracker in: its rows matched to the findings already stored.

A row is matched by its reference and its text, both compared loosely ("Rec 3", "3" and
"Recommendation 3" are the same reference; the wording is compared with rapidfuzz), within the
inspection the row names when it names one. Each finding is matched once at most, the surest
match first. :func:`plan_import` changes nothing: it says, row by row, which finding a row
matched, how sure that is, and what would change (status, owner, target date, a note), for the
preview. :func:`apply_import` then records the rows the person kept, in one transaction: a
status or a note becomes a dated progress update ("From the tracker FILE, row N"), so the
finding's history shows where it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.db import tracker_writes
from app.db.database import Database
from app.domain import clock
from app.domain.english_dates import short_date
from app.domain.enums import FindingKind
from app.domain.model import ProgressUpdate
from app.domain.tracking import TrackedFinding
from app.importers.tracker_sheet import SheetRow, TrackerSheet
from app.services.identity import current_user
from app.services.tracker import TrackerFilter, tracker_rows

SURE_TEXT = 85.0
"""Wording this alike (of 100) matches on its own."""
LIKE_TEXT = 55.0
"""Wording this alike matches when the reference matches too."""
SAME_INSPECTION = 80.0

_KINDS = (
    (r"^(rec(ommendation)?s?)\b", FindingKind.RECOMMENDATION),
    (r"^(afi|area(s)? for improvement)\b", FindingKind.AREA_FOR_IMPROVEMENT),
    (r"^(coc|cause(s)? (of|for) concern)\b", FindingKind.CAUSE_OF_CONCERN),
)
_NUMBER = re.compile(r"(\d+(?:\.\d+)*)")


@dataclass(frozen=True, slots=True)
class RowMatch:
    row: SheetRow
    finding: TrackedFinding | None
    how: str
    """How the row was matched ("reference and wording"…), or why it was not."""
    changes: tuple[str, ...]
    """What recording the row would change, in words; empty when nothing would."""


@dataclass(frozen=True, slots=True)
class TrackerImportPlan:
    sheet: TrackerSheet
    matches: tuple[RowMatch, ...]

    @property
    def matched(self) -> list[RowMatch]:
        return [m for m in self.matches if m.finding is not None]

    @property
    def unmatched(self) -> list[RowMatch]:
        return [m for m in self.matches if m.finding is None]


def reference_key(text: str) -> tuple[FindingKind | None, str] | None:
    """A reference's kind (when it says) and number: "Rec 3" → (recommendation, "3")."""
    folded = " ".join(text.casefold().split())
    number = _NUMBER.search(folded)
    if number is None or number.start() > 40:
        return None
    kind = next((k for pattern, k in _KINDS if re.search(pattern, folded)), None)
    return kind, number.group(1)


def _same_reference(row: SheetRow, finding: TrackedFinding) -> bool:
    theirs = reference_key(row.reference) or (reference_key(row.text) if row.text else None)
    ours = reference_key(finding.reference)
    if theirs is None or ours is None or theirs[1] != ours[1]:
        return False
    return theirs[0] is None or theirs[0] is ours[0]


def plan_import(
    db: Database, sheet: TrackerSheet, *, today: dt.date | None = None
) -> TrackerImportPlan:
    """Which stored finding each row is about, and what it would change (nothing saved)."""
    from rapidfuzz import fuzz, utils

    findings = tracker_rows(db, TrackerFilter(include_archived=True), today=today)
    scored: list[tuple[float, int, TrackedFinding, str]] = []
    for index, row in enumerate(sheet.rows):
        pool = _in_named_inspection(row, findings)
        wording = _wording(row)
        for finding in pool:
            same = _same_reference(row, finding)
            if wording and finding.text and same and fuzz.token_set_ratio(
                wording, finding.text, processor=utils.default_process
            ) >= LIKE_TEXT:  # the reference agrees: part of the wording is enough
                scored.append((300.0, index, finding, "reference and wording"))
            elif wording and finding.text and (score := fuzz.token_sort_ratio(
                wording, finding.text, processor=utils.default_process
            )) >= SURE_TEXT:  # fmt: skip
                scored.append((100 + score, index, finding, "wording"))
            elif same and not wording and sum(_same_reference(row, f) for f in pool) == 1:
                scored.append((50.0, index, finding, "reference"))
    chosen: dict[int, tuple[TrackedFinding, str]] = {}
    taken: set[int] = set()
    for _score, index, finding, how in sorted(scored, key=lambda s: -s[0]):
        if index not in chosen and finding.id not in taken:
            chosen[index] = (finding, how)
            taken.add(finding.id)
    return TrackerImportPlan(sheet, tuple(
        RowMatch(row, *chosen[i], _changes(row, chosen[i][0])) if i in chosen
        else RowMatch(row, None, _why_not(row), ())
        for i, row in enumerate(sheet.rows)
    ))  # fmt: skip


def _wording(row: SheetRow) -> str:
    """The row's wording, "" when it is only a reference ("Recommendation 6")."""
    words = row.text.split()
    return "" if len(words) <= 3 and reference_key(row.text) is not None else row.text


def _in_named_inspection(row: SheetRow, findings: list[TrackedFinding]) -> list[TrackedFinding]:
    if not row.inspection:
        return findings
    from rapidfuzz import fuzz, utils

    named = [
        f for f in findings
        if fuzz.token_set_ratio(row.inspection, f.inspection_title,
                                processor=utils.default_process) >= SAME_INSPECTION
    ]  # fmt: skip
    return named or findings


def _why_not(row: SheetRow) -> str:
    if not _wording(row):
        return "No finding has this reference alone (give the wording to tell them apart)."
    return "No stored finding has this reference and wording."


def _changes(row: SheetRow, finding: TrackedFinding) -> tuple[str, ...]:
    changes: list[str] = []
    if row.status is not None and row.status is not finding.status:
        changes.append(f"Status: {finding.status.label} → {row.status.label}")
    if row.owner and row.owner != finding.owner:
        changes.append(f"Owner: {finding.owner or 'none'} → {row.owner}")
    if row.target is not None and row.target != finding.target_on:
        before = short_date(finding.target_on) if finding.target_on else "none"
        changes.append(f"Target date: {before} → {short_date(row.target)}")
    if row.note and row.note not in {u.note.split(": ", 1)[-1] for u in finding.updates}:
        changes.append(f"Note: {row.note}")
    return tuple(changes)


def apply_import(
    db: Database, plan: TrackerImportPlan, lines: Iterable[int], *, by: str | None = None,
    on: dt.date | None = None,
) -> int:  # fmt: skip
    """Record the matched rows on ``lines`` (sheet row numbers); returns how many findings
    changed. One transaction: all of them, or none."""
    wanted = set(lines)
    who, on = by or current_user(), on or dt.date.today()
    changed = 0
    with db.transaction() as session:
        for match in plan.matched:
            row, finding = match.row, match.finding
            if row.line not in wanted or not match.changes or finding is None:
                continue
            changed += 1
            source = f"From the tracker {plan.sheet.name}, row {row.line}"
            if row.status not in (None, finding.status) or (row.note and any(
                change.startswith("Note: ") for change in match.changes
            )):  # fmt: skip
                status = row.status or finding.status
                note = f"{source}: {row.note}" if row.note else f"{source}."
                update = ProgressUpdate(on, status.value, note, who, clock.now_utc())
                tracker_writes.add_update(session, finding.id, update)
            if row.owner and row.owner != finding.owner:
                tracker_writes.set_owner(session, finding.id, row.owner)
            if row.target is not None and row.target != finding.target_on:
                tracker_writes.set_target(session, finding.id, row.target)
    return changed
