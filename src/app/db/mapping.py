"""Table rows from the domain's plain values (app.domain.model): the ORM's write side.

Reading goes the other way through ``app.db.records``, with SQLAlchemy Core.
"""

from __future__ import annotations

import datetime as dt

from app.db.models import (
    FindingRow,
    InspectionRow,
    OfficeStepRow,
    PillarRow,
    QuestionRow,
    ResponseRow,
    RevisionRow,
    StatusChangeRow,
)
from app.db.tracker_writes import progress_row, tracker_columns
from app.domain.enums import AuthorRole, ResponsePart
from app.domain.model import Finding, Inspection, Revision
from app.domain.workflow import StatusChange

HEADER_FIELDS = (
    "title", "published_on", "publication_types", "forces", "url", "url_label",
    "stated_deadline", "cc_comments_requested_by", "archived", "key_findings",
    "recommendations_note", "areas_for_improvement_note", "causes_of_concern_note", "report_text",
)  # fmt: skip


def status_change_rows(history: list[StatusChange]) -> list[StatusChangeRow]:
    return [
        StatusChangeRow(status=c.status.value, changed_at=c.changed_at, changed_by=c.changed_by,
                        note=c.note)
        for c in history
    ]  # fmt: skip


_LIST_FIELDS = {"publication_types", "forces"}


def apply_header(row: InspectionRow, inspection: Inspection) -> None:
    for name in HEADER_FIELDS:
        value = getattr(inspection, name)
        setattr(row, name, list(value) if name in _LIST_FIELDS else value)
    row.status = inspection.status.value


def finding_row(finding: Finding, position: int) -> FindingRow:
    row = FindingRow(position=position, **tracker_columns(finding))
    apply_finding(row, finding)
    row.progress = [progress_row(n, p) for n, p in enumerate(finding.progress)]
    return row


def apply_finding(row: FindingRow, finding: Finding) -> None:
    row.kind = finding.kind.value
    row.reference = finding.reference
    row.text = finding.text
    row.addressee = finding.addressee
    row.applies = finding.applies
    row.not_applicable_reason = finding.not_applicable_reason
    row.question_number = finding.question
    row.parent_reference = finding.parent
    row.due_text = finding.due_text
    row.due_on = finding.due_on


def build_inspection_row(inspection: Inspection, now: dt.datetime) -> InspectionRow:
    """New rows for a whole inspection: findings and responses included.

    Its revisions are added by :func:`add_revisions` once these rows have their ids.
    """
    row = InspectionRow(created_at=now, updated_at=now, version=1)
    apply_header(row, inspection)
    row.pillars = pillar_rows(inspection)
    row.questions = question_rows(inspection)
    row.findings = [finding_row(f, n) for n, f in enumerate(inspection.findings)]
    row.office_steps = [
        OfficeStepRow(position=n, step=s.step, done_on=s.done_on, done_by=s.done_by, note=s.note)
        for n, s in enumerate(inspection.office_steps)
    ]
    by_reference = {f.reference: f for f in row.findings}
    responses: dict[tuple[str | None, str, str], ResponseRow] = {}

    def response(reference: str | None, role: AuthorRole, part: ResponsePart) -> ResponseRow:
        key = (reference, role.value, part.value)
        if key not in responses:
            responses[key] = ResponseRow(
                role=role.value, part=part.value, text="", version=1, revisions=[],
                finding=by_reference.get(reference) if reference else None,
            )  # fmt: skip
        return responses[key]

    for role in AuthorRole:
        for part, texts in ((ResponsePart.OVERALL, inspection.overall),
                            (ResponsePart.CLOSING, inspection.closing)):  # fmt: skip
            if texts.get(role):
                response(None, role, part).text = texts.get(role)
        for finding in inspection.findings:
            if finding.responses.get(role):
                response(
                    finding.reference, role, ResponsePart.RESPONSE
                ).text = finding.responses.get(role)
    row.responses = list(responses.values())
    return row


ResponseSlot = tuple[int | None, str, str]
"""(finding row id or None, role, part): where a response lives."""


def responses_by_slot(row: InspectionRow) -> dict[ResponseSlot, ResponseRow]:
    return {(r.finding_id, r.role, r.part): r for r in row.responses}


def response_in_slot(
    row: InspectionRow,
    slots: dict[ResponseSlot, ResponseRow],
    finding: FindingRow | None,
    role: AuthorRole,
    part: ResponsePart,
) -> ResponseRow:
    """The response in that slot, made (empty, never saved) when there is none yet."""
    slot = (finding.id if finding is not None else None, role.value, part.value)
    response = slots.get(slot)
    if response is None:
        response = ResponseRow(role=role.value, part=part.value, text="", version=0,
                               finding=finding, revisions=[])  # fmt: skip
        row.responses.append(response)
        slots[slot] = response
    return response


def add_revisions(
    row: InspectionRow, by_reference: dict[str, FindingRow], revisions: list[Revision]
) -> None:
    """Add ``revisions`` to the responses of ``row`` (in the session, its rows flushed).

    Each is added to the session as it is appended, so they are numbered in the list's order:
    revisions are listed in the order they were saved into the file, never by their times.
    A revision of a finding that is not among ``by_reference`` goes to the overall response.
    """
    slots = responses_by_slot(row)
    for revision in revisions:
        finding = by_reference.get(revision.finding) if revision.finding else None
        part = revision.part if finding is not None else _non_finding_part(revision.part)
        target = response_in_slot(row, slots, finding, revision.role, part)
        target.version = max(target.version, 1)
        target.revisions.append(
            RevisionRow(text=revision.text, saved_at=revision.saved_at, saved_by=revision.saved_by)
        )


def _non_finding_part(part: ResponsePart) -> ResponsePart:
    return ResponsePart.OVERALL if part is ResponsePart.RESPONSE else part


def pillar_rows(inspection: Inspection) -> list[PillarRow]:
    """The inspection's PEEL pillars as new rows, in order."""
    return [
        PillarRow(position=n, name=p.name, grade=p.grade, summary=p.summary)
        for n, p in enumerate(inspection.pillars)
    ]


def question_rows(inspection: Inspection) -> list[QuestionRow]:
    """The inspection's graded questions as new rows, in order."""
    return [
        QuestionRow(position=n, pillar=q.pillar, number=q.number, question=q.question,
                    grade=q.grade, text=q.text)
        for n, q in enumerate(inspection.questions)
    ]  # fmt: skip
