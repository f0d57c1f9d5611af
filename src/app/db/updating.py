"""Updating a stored inspection in place from a newer version of it (an import ``--yes``).

Rows keep their identity: a finding stays the same row however the report reorders its
findings, so an editor open on "Recommendation 6" in another copy still writes to
Recommendation 6. A finding the update no longer has is marked as removed, never deleted
(its id is never handed out again, and its responses stay in the file). A response whose text
changes gets a new version, so an editor still holding the old one meets a conflict instead of
writing over the new text; versions only ever increase.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.db.mapping import (
    ResponseSlot,
    add_revisions,
    apply_finding,
    apply_header,
    finding_row,
    pillar_rows,
    question_rows,
    response_in_slot,
    responses_by_slot,
)
from app.db.models import (
    FindingRow,
    InspectionRow,
    OfficeStepRow,
    ProgressUpdateRow,
    ResponseRow,
    StatusChangeRow,
)
from app.db.tracker_writes import merge_tracker_fields, progress_columns, progress_row
from app.domain.enums import AuthorRole, InspectionStatus, ResponsePart
from app.domain.model import Finding, Inspection, OfficeStep, ProgressUpdate, Revision

UPDATED_NOTE = "Updated by import"


def update_inspection_rows(
    session: Session,
    row: InspectionRow,
    stored: Inspection,
    updated: Inspection,
    *,
    at: dt.datetime,
    user: str,
) -> None:
    """Make ``row`` (read as ``stored``) hold ``updated``, changing rows in place."""
    status = row.status
    apply_header(row, updated)
    row.status = status  # the workflow owns the status
    row.version += 1
    row.updated_at = at
    row.pillars = pillar_rows(updated)
    row.questions = question_rows(updated)
    _update_steps(row, updated.office_steps)
    by_reference = _update_findings(row, updated.findings, at)
    session.flush()  # every finding has its id: responses are found by it
    _update_responses(row, by_reference, updated, at, user)
    session.flush()  # new responses have their finding's id: revisions find them by it
    add_revisions(row, by_reference, _new_revisions(stored.revisions, updated.revisions))
    row.status_changes.append(
        StatusChangeRow(status=InspectionStatus(status).value, changed_at=at, changed_by=user,
                        note=UPDATED_NOTE)
    )  # fmt: skip


def _update_steps(row: InspectionRow, steps: list[OfficeStep]) -> None:
    by_label = {step.step.strip().casefold(): step for step in row.office_steps}
    kept: list[OfficeStepRow] = []
    for position, step in enumerate(steps):
        existing = by_label.pop(step.step.strip().casefold(), None)
        if existing is None:
            existing = OfficeStepRow(step=step.step)
        existing.position = position
        existing.done_on, existing.done_by, existing.note = step.done_on, step.done_by, step.note
        kept.append(existing)
    row.office_steps = kept


def _same_text(first: str, second: str) -> bool:
    words = " ".join(first.split()).casefold()
    return bool(words) and words == " ".join(second.split()).casefold()


def _update_findings(
    row: InspectionRow, findings: list[Finding], at: dt.datetime
) -> dict[str, FindingRow]:
    """Match each finding to its row (same reference, else same text), in report order.

    Returns the rows of the updated findings by reference.
    """
    active = [f for f in row.findings if f.removed_at is None]
    removed = [f for f in row.findings if f.removed_at is not None]
    unmatched = list(active)
    matches: dict[int, FindingRow] = {}
    for index, finding in enumerate(findings):  # same reference first …
        found = next((r for r in unmatched if r.reference == finding.reference), None)
        if found is not None:
            unmatched.remove(found)
            matches[index] = found
    for index, finding in enumerate(findings):  # … then the same text under a new reference
        if index in matches:
            continue
        found = next((r for r in unmatched if _same_text(r.text, finding.text)), None)
        if found is None:  # a finding removed earlier and back again keeps its identity
            found = next((r for r in removed if r.reference == finding.reference), None)
            if found is not None:
                removed.remove(found)
        else:
            unmatched.remove(found)
        if found is not None:
            matches[index] = found
    by_reference: dict[str, FindingRow] = {}
    for position, finding in enumerate(findings):
        target = matches.get(position)
        if target is None:
            target = finding_row(finding, position)
            row.findings.append(target)
        else:
            _update_finding(target, finding, position)
        by_reference[finding.reference] = target
    for gone in unmatched:
        gone.removed_at = at
        gone.version += 1
        gone.position = len(findings) + gone.position  # after the current ones
    return by_reference


def _update_finding(target: FindingRow, finding: Finding, position: int) -> None:
    before = _finding_fields(target)
    apply_finding(target, finding)
    target.position = position
    target.removed_at = None  # back again, if it was removed
    merge_tracker_fields(target, finding)
    progress = [progress_columns(p) for p in finding.progress]
    if [progress_columns(_update_of(p)) for p in target.progress] != progress:
        target.progress = [progress_row(n, p) for n, p in enumerate(finding.progress)]
    if _finding_fields(target) != before:
        target.version += 1


def _update_of(row: ProgressUpdateRow) -> ProgressUpdate:
    return ProgressUpdate(row.on, row.status, row.note, row.by, row.recorded_at)


def _finding_fields(row: FindingRow) -> tuple[object, ...]:
    return (
        row.kind, row.reference, row.text, row.addressee, row.applies, row.not_applicable_reason,
        row.question_number, row.parent_reference, row.due_text, row.due_on,
        [(p.on, p.status, p.note, p.by) for p in row.progress], row.removed_at,
    )  # fmt: skip


def _update_responses(
    row: InspectionRow,
    by_reference: dict[str, FindingRow],
    updated: Inspection,
    at: dt.datetime,
    user: str,
) -> None:
    slots = responses_by_slot(row)
    texts: list[tuple[FindingRow | None, AuthorRole, ResponsePart, str]] = []
    for role in AuthorRole:
        texts.append((None, role, ResponsePart.OVERALL, updated.overall.get(role)))
        texts.append((None, role, ResponsePart.CLOSING, updated.closing.get(role)))
        for finding in updated.findings:
            texts.append((by_reference[finding.reference], role, ResponsePart.RESPONSE,
                          finding.responses.get(role)))  # fmt: skip
    for owner, role, part, text in texts:
        if text.rstrip() == _response_text(slots, owner, role, part).rstrip():
            continue
        target = response_in_slot(row, slots, owner, role, part)
        target.text = text
        target.version += 1  # an editor holding the old version meets a conflict
        target.updated_at = at
        target.updated_by = user


def _response_text(
    slots: dict[ResponseSlot, ResponseRow],
    finding: FindingRow | None,
    role: AuthorRole,
    part: ResponsePart,
) -> str:
    found = slots.get((finding.id if finding is not None else None, role.value, part.value))
    return found.text if found is not None else ""


def _new_revisions(stored: list[Revision], updated: list[Revision]) -> list[Revision]:
    """The revisions of ``updated`` that ``stored`` does not hold (as many times as they occur)."""
    remaining = list(stored)
    new = []
    for revision in updated:
        if revision in remaining:
            remaining.remove(revision)
        else:
            new.append(revision)
    return new
