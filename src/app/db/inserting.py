"""New inspections written whole with SQLAlchemy Core: a batch of them in a few statements.

An archive of 2,000 inspections holds some 200,000 rows. Made one ORM object at a time they
took most of a minute to import; here each table gets one ``INSERT`` executed over many
parameter sets (``RETURNING`` the new ids where children need them, in the order given), on
every engine. The rows are exactly those the ORM's ``app.db.mapping.build_inspection_row`` and
``add_revisions`` would make, in the same order, so ids and revision order are the same.

Runs inside a unit of work (``Database.transaction()``'s session), which commits or rolls
back the whole batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from app.db.models import (
    FindingRow,
    InspectionRow,
    OfficeStepRow,
    PillarRow,
    ProgressUpdateRow,
    QuestionRow,
    ResponseRow,
    RevisionRow,
    StatusChangeRow,
)
from app.db.tracker_writes import progress_columns, tracker_columns
from app.domain.enums import AuthorRole, ResponsePart
from app.domain.model import Inspection
from app.domain.workflow import StatusChange

_INSPECTION: Table = InspectionRow.__table__  # type: ignore[assignment]
_PILLAR: Table = PillarRow.__table__  # type: ignore[assignment]
_QUESTION: Table = QuestionRow.__table__  # type: ignore[assignment]
_FINDING: Table = FindingRow.__table__  # type: ignore[assignment]
_PROGRESS: Table = ProgressUpdateRow.__table__  # type: ignore[assignment]
_STEP: Table = OfficeStepRow.__table__  # type: ignore[assignment]
_RESPONSE: Table = ResponseRow.__table__  # type: ignore[assignment]
_REVISION: Table = RevisionRow.__table__  # type: ignore[assignment]
_CHANGE: Table = StatusChangeRow.__table__  # type: ignore[assignment]


@dataclass(slots=True)
class NewInspection:
    """One inspection to add, with the status history it starts with (never empty)."""

    inspection: Inspection
    history: list[StatusChange]


def insert_inspections(
    session: Session, new: Sequence[NewInspection], now: dt.datetime
) -> list[int]:
    """Add every inspection of ``new``, whole; returns their ids, in the same order."""
    if not new:
        return []
    session.flush()  # anything the ORM still holds goes first, as it would have
    ids = _returning(session, _INSPECTION, [_header(item.inspection, now) for item in new])
    _insert(session, _PILLAR, [
        {"inspection_id": i, "position": n, "name": p.name, "grade": p.grade,
         "summary": p.summary}
        for i, item in zip(ids, new, strict=True)
        for n, p in enumerate(item.inspection.pillars)
    ])  # fmt: skip
    _insert(session, _QUESTION, [
        {"inspection_id": i, "position": n, "pillar": q.pillar, "number": q.number,
         "question": q.question, "grade": q.grade, "text": q.text}
        for i, item in zip(ids, new, strict=True)
        for n, q in enumerate(item.inspection.questions)
    ])  # fmt: skip
    finding_ids = _returning(session, _FINDING, [
        {"inspection_id": i, "position": n, "kind": f.kind.value, "reference": f.reference,
         "text": f.text, "addressee": f.addressee, "applies": f.applies,
         "not_applicable_reason": f.not_applicable_reason, "question_number": f.question,
         "parent_reference": f.parent, "due_text": f.due_text, "due_on": f.due_on,
         "version": 1, **tracker_columns(f)}
        for i, item in zip(ids, new, strict=True)
        for n, f in enumerate(item.inspection.findings)
    ])  # fmt: skip
    by_reference: list[dict[str, int]] = []
    next_finding = iter(finding_ids)
    for item in new:
        found: dict[str, int] = {}
        for finding in item.inspection.findings:
            found[finding.reference] = next(next_finding)
        by_reference.append(found)
    _insert(session, _PROGRESS, [
        {"finding_id": by_reference[k][f.reference], "position": n, **progress_columns(p)}
        for k, item in enumerate(new)
        for f in item.inspection.findings
        for n, p in enumerate(f.progress)
    ])  # fmt: skip
    _insert(session, _STEP, [
        {"inspection_id": i, "position": n, "step": s.step, "done_on": s.done_on,
         "done_by": s.done_by, "note": s.note}
        for i, item in zip(ids, new, strict=True)
        for n, s in enumerate(item.inspection.office_steps)
    ])  # fmt: skip
    slots: list[dict[tuple[int | None, str, str], dict[str, Any]]] = []
    targets: list[list[tuple[tuple[int | None, str, str], Any]]] = []
    for i, item, findings in zip(ids, new, by_reference, strict=True):
        responses, revisions = _responses(i, item.inspection, findings)
        slots.append(responses)
        targets.append(revisions)
    response_rows = [row for responses in slots for row in responses.values()]
    response_ids = iter(_returning(session, _RESPONSE, response_rows))
    slot_ids = [{slot: next(response_ids) for slot in responses} for responses in slots]
    _insert(session, _REVISION, [
        {"response_id": slot_ids[k][slot], "text": revision.text,
         "saved_at": revision.saved_at, "saved_by": revision.saved_by}
        for k, revisions in enumerate(targets)
        for slot, revision in revisions
    ])  # fmt: skip
    _insert(session, _CHANGE, [
        {"inspection_id": i, "status": c.status.value, "changed_at": c.changed_at,
         "changed_by": c.changed_by, "note": c.note}
        for i, item in zip(ids, new, strict=True)
        for c in item.history
    ])  # fmt: skip
    return ids


def _header(inspection: Inspection, now: dt.datetime) -> dict[str, Any]:
    return {
        "title": inspection.title, "published_on": inspection.published_on,
        "publication_types": list(inspection.publication_types),
        "forces": list(inspection.forces), "url": inspection.url,
        "url_label": inspection.url_label, "stated_deadline": inspection.stated_deadline,
        "cc_comments_requested_by": inspection.cc_comments_requested_by,
        "status": inspection.status.value, "archived": inspection.archived,
        "key_findings": inspection.key_findings,
        "recommendations_note": inspection.recommendations_note,
        "areas_for_improvement_note": inspection.areas_for_improvement_note,
        "causes_of_concern_note": inspection.causes_of_concern_note,
        "report_text": inspection.report_text, "version": 1, "created_at": now,
        "updated_at": now,
    }  # fmt: skip


def _responses(
    inspection_id: int, inspection: Inspection, findings: dict[str, int]
) -> tuple[dict[tuple[int | None, str, str], dict[str, Any]], list[tuple[Any, Any]]]:
    """The response rows of an inspection by slot (finding id, role, part), in the order the
    ORM made them, and each revision with the slot it belongs to."""
    slots: dict[tuple[int | None, str, str], dict[str, Any]] = {}

    def slot(finding_id: int | None, role: AuthorRole, part: ResponsePart) -> Any:
        key = (finding_id, role.value, part.value)
        if key not in slots:
            slots[key] = {"inspection_id": inspection_id, "finding_id": finding_id,
                          "role": role.value, "part": part.value, "text": "", "version": 1,
                          "updated_by": ""}  # fmt: skip
        return key

    for role in AuthorRole:
        for part, texts in ((ResponsePart.OVERALL, inspection.overall),
                            (ResponsePart.CLOSING, inspection.closing)):  # fmt: skip
            if texts.get(role):
                slots[slot(None, role, part)]["text"] = texts.get(role)
        for finding in inspection.findings:
            if finding.responses.get(role):
                key = slot(findings[finding.reference], role, ResponsePart.RESPONSE)
                slots[key]["text"] = finding.responses.get(role)
    revisions = []
    for revision in inspection.revisions:
        finding_id = findings.get(revision.finding) if revision.finding else None
        part = revision.part
        if finding_id is None and part is ResponsePart.RESPONSE:
            part = ResponsePart.OVERALL  # a revision of no finding here: the overall response
        revisions.append((slot(finding_id, revision.role, part), revision))
    return slots, revisions


def _returning(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(row[0]) for row in session.execute(statement, rows)]


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), rows)
