"""Reading stored records into the domain's plain values: SQLAlchemy Core over the models' tables.

This is the one read path, the same on every engine. Each function takes a SQLAlchemy
``Connection`` (from ``Database.reading()``, one consistent snapshot) or an open ORM ``Session``
(a read inside a writing transaction sees that transaction's own changes, flushed first) and
returns the domain's dataclasses. The columns are those of ``app.db.models``: nothing here
spells a column name in SQL, and the column types decode what the engine stores (dates, lists,
booleans and moments come back as Python values on SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, func, select
from sqlalchemy.orm import Session

from app.db.models import (
    FindingRow,
    InspectionRow,
    OfficeStepRow,
    OrganisationRow,
    PillarRow,
    ProgressUpdateRow,
    QuestionRow,
    ResponseRow,
    RevisionRow,
    SpellingWordRow,
    StatusChangeRow,
)
from app.domain.enums import (
    AuthorRole,
    FindingKind,
    HmicfrsStatus,
    InspectionStatus,
    ProgressStatus,
    ProtectiveMarking,
    ResponsePart,
)
from app.domain.errors import NotFoundError
from app.domain.model import (
    Finding,
    GradedQuestion,
    Inspection,
    InspectionSummary,
    OfficeStep,
    Pillar,
    ProgressUpdate,
    Revision,
)
from app.domain.organisation import DEFAULT_OFFICE_STEPS, OrganisationSettings
from app.domain.workflow import StatusChange

Reads = Connection | Session
"""Where a read runs: a reading connection, or the session of a writing transaction."""

SETTINGS_TEXTS = (
    "opcc_name", "commissioner_title", "commissioner_name", "force_name", "chief_title",
    "chief_name", "website", "logo_filename",
)  # fmt: skip
"""The organisation's plain texts: the same attribute on the row and on the settings."""

_inspection = InspectionRow.__table__.c
_pillar = PillarRow.__table__.c
_question = QuestionRow.__table__.c
_finding = FindingRow.__table__.c
_progress = ProgressUpdateRow.__table__.c
_step = OfficeStepRow.__table__.c
_response = ResponseRow.__table__.c
_revision = RevisionRow.__table__.c
_change = StatusChangeRow.__table__.c
_organisation = OrganisationRow.__table__.c


def _rows(reads: Reads, statement: Select[Any]) -> Sequence[Row[Any]]:
    if isinstance(reads, Session):
        reads.flush()  # the transaction's own pending changes count
        return reads.connection().execute(statement).all()
    return reads.execute(statement).all()


def read_inspection(reads: Reads, inspection_id: int) -> Inspection:
    """The whole inspection: findings, responses, revisions, office steps and history."""
    found = _rows(reads, select(InspectionRow.__table__).where(_inspection.id == inspection_id))
    if not found:
        raise NotFoundError.inspection(inspection_id)
    row = found[0]
    inspection = Inspection(
        id=row.id,
        title=row.title,
        published_on=row.published_on,
        publication_types=_list(row.publication_types),
        forces=_list(row.forces),
        url=row.url or "",
        url_label=row.url_label or "",
        stated_deadline=row.stated_deadline,
        cc_comments_requested_by=row.cc_comments_requested_by,
        status=InspectionStatus(row.status),
        archived=bool(row.archived),
        key_findings=row.key_findings or "",
        recommendations_note=row.recommendations_note or "",
        areas_for_improvement_note=row.areas_for_improvement_note or "",
        causes_of_concern_note=row.causes_of_concern_note or "",
        report_text=row.report_text or "",
    )
    inspection.pillars = [
        Pillar(p.name, p.grade or "", p.summary or "")
        for p in _rows(
            reads,
            select(PillarRow.__table__)
            .where(_pillar.inspection_id == inspection_id)
            .order_by(_pillar.position, _pillar.id),
        )
    ]
    inspection.questions = read_questions(reads, inspection_id)
    inspection.findings = read_findings(reads, inspection_id)
    inspection.office_steps = [
        OfficeStep(s.step, s.done_on, s.done_by or "", s.note or "")
        for s in _rows(
            reads,
            select(OfficeStepRow.__table__)
            .where(_step.inspection_id == inspection_id)
            .order_by(_step.position, _step.id),
        )
    ]
    for response in _rows(
        reads,
        select(_response.role, _response.part, _response.text)
        .where(_response.inspection_id == inspection_id, _response.finding_id.is_(None))
        .order_by(_response.id),
    ):
        overall = response.part == ResponsePart.OVERALL
        target = inspection.overall if overall else inspection.closing
        target.set(AuthorRole(response.role), response.text or "")
    inspection.revisions = _revisions(reads, inspection_id)
    inspection.status_history = read_status_history(reads, inspection_id)
    return inspection


@dataclass(frozen=True, slots=True)
class Heading:
    """What a view shows above an inspection's findings."""

    title: str
    status: InspectionStatus
    published_on: dt.date | None


def read_heading(reads: Reads, inspection_id: int) -> Heading:
    """An inspection's title, status and publication date (NotFoundError when there is none)."""
    found = _rows(
        reads,
        select(_inspection.title, _inspection.status, _inspection.published_on).where(
            _inspection.id == inspection_id
        ),
    )
    if not found:
        raise NotFoundError.inspection(inspection_id)
    row = found[0]
    return Heading(row.title, InspectionStatus(row.status), row.published_on)


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """One saved response: where it lives, its text and its version (optimistic locking)."""

    finding_id: int | None
    role: AuthorRole
    part: ResponsePart
    text: str
    version: int
    updated_at: dt.datetime | None
    updated_by: str


def read_responses(reads: Reads, inspection_id: int) -> list[StoredResponse]:
    """Every response row of an inspection (removed findings' too), in the order saved."""
    return [
        StoredResponse(
            r.finding_id, AuthorRole(r.role), ResponsePart(r.part), r.text or "", r.version,
            r.updated_at, r.updated_by or "",
        )
        for r in _rows(
            reads,
            select(ResponseRow.__table__)
            .where(_response.inspection_id == inspection_id)
            .order_by(_response.id),
        )
    ]


@dataclass(frozen=True, slots=True)
class StoredStep:
    """One office step as stored, with its id (what the checklist edits it by)."""

    id: int
    position: int
    step: str
    done_on: dt.date | None
    done_by: str
    note: str


def read_steps(reads: Reads, inspection_id: int) -> list[StoredStep]:
    """An inspection's office steps in their order."""
    return [
        StoredStep(s.id, s.position, s.step, s.done_on, s.done_by or "", s.note or "")
        for s in _rows(
            reads,
            select(OfficeStepRow.__table__)
            .where(_step.inspection_id == inspection_id)
            .order_by(_step.position, _step.id),
        )
    ]


def inspection_exists(reads: Reads, inspection_id: int) -> bool:
    return bool(_rows(reads, select(_inspection.id).where(_inspection.id == inspection_id)))


@dataclass(frozen=True, slots=True)
class StoredRevision:
    id: int
    text: str
    saved_at: dt.datetime
    saved_by: str


def response_slot(
    inspection_id: int, finding_id: int | None, role: AuthorRole, part: ResponsePart
) -> tuple[ColumnElement[bool], ...]:
    """Where one response lives: its inspection, its finding (none for the overall and
    closing responses), its author role and its part."""
    return (
        _response.inspection_id == inspection_id,
        _response.role == role.value,
        _response.part == part.value,
        _response.finding_id.is_(None) if finding_id is None
        else _response.finding_id == finding_id,
    )  # fmt: skip


def read_response_revisions(
    reads: Reads, inspection_id: int, finding_id: int | None, role: AuthorRole,
    part: ResponsePart,
) -> list[StoredRevision]:  # fmt: skip
    """Every saved version of one response, oldest first (none when it was never saved)."""
    response = (
        select(_response.id)
        .where(*response_slot(inspection_id, finding_id, role, part))
        .order_by(_response.id)
        .limit(1)
        .scalar_subquery()
    )
    return [
        StoredRevision(r.id, r.text or "", r.saved_at, r.saved_by or "")
        for r in _rows(
            reads,
            select(_revision.id, _revision.text, _revision.saved_at, _revision.saved_by)
            .where(_revision.response_id == response)
            .order_by(_revision.id),
        )
    ]


def read_status(reads: Reads, inspection_id: int) -> InspectionStatus:
    """An inspection's workflow status (NotFoundError when there is no such inspection)."""
    found = _rows(reads, select(_inspection.status).where(_inspection.id == inspection_id))
    if not found:
        raise NotFoundError.inspection(inspection_id)
    return InspectionStatus(found[0].status)


def read_version(reads: Reads, inspection_id: int) -> int:
    """An inspection's version (NotFoundError when there is no such inspection)."""
    found = _rows(reads, select(_inspection.version).where(_inspection.id == inspection_id))
    if not found:
        raise NotFoundError.inspection(inspection_id)
    return int(found[0].version)


def read_status_history(reads: Reads, inspection_id: int) -> list[StatusChange]:
    """Every change of an inspection's status, oldest first."""
    return [
        StatusChange(InspectionStatus(c.status), c.changed_at, c.changed_by or "", c.note or "")
        for c in _rows(
            reads,
            select(StatusChangeRow.__table__)
            .where(_change.inspection_id == inspection_id)
            .order_by(_change.id),
        )
    ]


def read_summaries(reads: Reads, *, include_archived: bool) -> list[InspectionSummary]:
    """Register rows, newest publication first (undated last), with each inspection's finding
    count and its next office step not yet done; only the columns the register shows are read
    (a report's own text can run to hundreds of kilobytes)."""
    finding_count = (
        select(func.count())
        .select_from(FindingRow.__table__)
        .where(_finding.inspection_id == _inspection.id, _finding.removed_at.is_(None))
        .scalar_subquery()
    )
    next_step = (
        select(_step.step)
        .where(_step.inspection_id == _inspection.id, _step.done_on.is_(None))
        .order_by(_step.position, _step.id)
        .limit(1)
        .scalar_subquery()
    )
    statement = select(
        _inspection.id, _inspection.title, _inspection.published_on,
        _inspection.publication_types, _inspection.forces, _inspection.status,
        _inspection.archived, finding_count.label("finding_count"),
        next_step.label("next_step"),
    ).order_by(_inspection.published_on.desc().nulls_last(), _inspection.id)  # fmt: skip
    if not include_archived:
        statement = statement.where(_inspection.archived.is_(False))
    return [
        InspectionSummary(
            id=row.id,
            title=row.title,
            published_on=row.published_on,
            publication_types=_list(row.publication_types),
            forces=_list(row.forces),
            status=InspectionStatus(row.status),
            archived=bool(row.archived),
            finding_count=row.finding_count,
            next_step=row.next_step or "",
        )
        for row in _rows(reads, statement)
    ]


def read_inspection_ids(reads: Reads) -> list[int]:
    """Every inspection (archived ones too), oldest publication first (undated first)."""
    statement = select(_inspection.id).order_by(
        _inspection.published_on.asc().nulls_first(), _inspection.id
    )
    return [row.id for row in _rows(reads, statement)]


def read_questions(reads: Reads, inspection_id: int) -> list[GradedQuestion]:
    """An inspection's graded questions (or areas), in report order."""
    return [
        GradedQuestion(q.pillar or "", q.number, q.question or "", q.grade or "", q.text or "")
        for q in _rows(
            reads,
            select(QuestionRow.__table__)
            .where(_question.inspection_id == inspection_id)
            .order_by(_question.position, _question.id),
        )
    ]


def read_findings(reads: Reads, inspection_id: int) -> list[Finding]:
    """An inspection's findings in report order, with their responses and progress (removed
    findings are kept in the file, with their responses, but are no part of the inspection)."""
    findings: dict[int, Finding] = {}
    for f in _rows(
        reads,
        select(FindingRow.__table__)
        .where(_finding.inspection_id == inspection_id, _finding.removed_at.is_(None))
        .order_by(_finding.position, _finding.id),
    ):
        findings[f.id] = Finding(
            id=f.id,
            version=f.version,
            kind=FindingKind(f.kind),
            reference=f.reference,
            text=f.text or "",
            addressee=f.addressee or "",
            applies=bool(f.applies),
            not_applicable_reason=f.not_applicable_reason or "",
            question=f.question_number,
            parent=f.parent_reference,
            due_text=f.due_text or "",
            due_on=f.due_on,
            progress_status=ProgressStatus(f.progress_status),
            owner=f.owner or "",
            target_on=f.target_on,
            hmicfrs_status=HmicfrsStatus(f.hmicfrs_status) if f.hmicfrs_status else None,
        )
    for response in _rows(
        reads,
        select(_response.finding_id, _response.role, _response.text)
        .where(
            _response.inspection_id == inspection_id,
            _response.finding_id.is_not(None),
            _response.part == ResponsePart.RESPONSE.value,
        )
        .order_by(_response.id),
    ):
        finding = findings.get(response.finding_id)
        if finding is not None:
            finding.responses.set(AuthorRole(response.role), response.text or "")
    for p in _rows(
        reads,
        select(
            _progress.finding_id, _progress.on, _progress.status, _progress.note, _progress.by,
            _progress.recorded_at,
        )
        .join(FindingRow.__table__, _finding.id == _progress.finding_id)
        .where(_finding.inspection_id == inspection_id, _finding.removed_at.is_(None))
        .order_by(_progress.finding_id, _progress.position, _progress.id),
    ):
        findings[p.finding_id].progress.append(
            ProgressUpdate(p.on, p.status or "", p.note or "", p.by or "", p.recorded_at)
        )
    return list(findings.values())


def read_settings(reads: Reads) -> OrganisationSettings:
    """The organisation settings; the defaults while nobody has saved any."""
    found = _rows(reads, select(OrganisationRow.__table__).where(_organisation.id == 1))
    if not found:
        return OrganisationSettings()
    row = found[0]
    return OrganisationSettings(
        **{name: getattr(row, name) or "" for name in SETTINGS_TEXTS},
        logo=bytes(row.logo or b""),
        cc_comments_days=row.cc_comments_days,
        protective_marking=ProtectiveMarking(row.protective_marking),
        office_step_names=_list(row.office_step_names) or list(DEFAULT_OFFICE_STEPS),
    )


def read_spelling_words(reads: Reads) -> list[str]:
    """The words this database's spell-checker accepts, as stored."""
    return [row.word for row in _rows(reads, select(SpellingWordRow.word))]


def _revisions(reads: Reads, inspection_id: int) -> list[Revision]:
    """Oldest first: in the order they were saved into this file (row ids are never reused).

    Never by their times: local clocks repeat an hour when they go back, and another copy's
    clock may be wrong. An archive's revisions are stored in the archive's order, so an
    archive exported, imported and exported again lists them identically.
    """
    statement = (
        select(
            _revision.text, _revision.saved_at, _revision.saved_by, _response.role,
            _response.part, _finding.reference,
        )
        .select_from(RevisionRow.__table__)
        .join(ResponseRow.__table__, _response.id == _revision.response_id)
        .outerjoin(FindingRow.__table__, _finding.id == _response.finding_id)
        .where(_response.inspection_id == inspection_id, _finding.removed_at.is_(None))
        .order_by(_revision.id)
    )
    return [
        Revision(
            r.reference, AuthorRole(r.role), ResponsePart(r.part), r.text or "", r.saved_at,
            r.saved_by or "",
        )
        for r in _rows(reads, statement)
    ]


def inspection_row(session: Session, inspection_id: int) -> InspectionRow:
    """The ORM row of an inspection, for a writing transaction (NotFoundError if none)."""
    row = session.get(InspectionRow, inspection_id)
    if row is None:
        raise NotFoundError.inspection(inspection_id)
    return row


class _Waiting:
    """An inspection about to be added, whose id is not known yet."""


WAITING = _Waiting()


class DuplicateIndex:
    """Every stored inspection by title and publication date, and by link: what an import
    looks up for each inspection it brings, read once (one statement, whatever the archive's
    size) and kept up to date as inspections are added."""

    def __init__(self) -> None:
        self._by_title: dict[tuple[str, dt.date | None], int | _Waiting] = {}
        self._by_link: dict[str, int | _Waiting] = {}

    @classmethod
    def read(cls, reads: Reads) -> DuplicateIndex:
        index = cls()
        statement = select(_inspection.id, _inspection.title, _inspection.published_on,
                           _inspection.url).order_by(_inspection.id)  # fmt: skip
        for row in _rows(reads, statement):
            index._add(row.title, row.published_on, row.url, row.id)
        return index

    def _add(self, title: str, published_on: dt.date | None, url: str, found: int | _Waiting,
             *, replace: bool = False) -> None:  # fmt: skip
        keys: list[tuple[dict[Any, int | _Waiting], Any]] = [
            (self._by_title, (_title_key(title), published_on))
        ]
        if url:
            keys.append((self._by_link, url))
        for table, key in keys:
            if replace and table.get(key) is WAITING:
                table[key] = found
            else:
                table.setdefault(key, found)

    def find(self, title: str, published_on: dt.date | None, url: str) -> int | _Waiting | None:
        """The inspection with the same title and publication date, or the same link (the
        earlier one when both match another); ``WAITING`` when it is one about to be added."""
        candidates = [self._by_title.get((_title_key(title), published_on))]
        if _is_specific_link(url):
            candidates.append(self._by_link.get(url.strip()))
        if WAITING in candidates:
            return WAITING
        ids = [c for c in candidates if isinstance(c, int)]
        return min(ids) if ids else None

    def wait_for(self, inspection: Inspection) -> None:
        """``inspection`` is to be added: a later one like it is not added again."""
        self._add(inspection.title, inspection.published_on, inspection.url.strip(), WAITING)

    def settle(self, inspection: Inspection, inspection_id: int) -> None:
        """``inspection``, added, has the id ``inspection_id``."""
        self._add(inspection.title, inspection.published_on, inspection.url.strip(),
                  inspection_id, replace=True)  # fmt: skip


def _title_key(title: str) -> str:
    return title.strip().lower()


def find_duplicate(
    reads: Reads, title: str, published_on: dt.date | None, url: str
) -> int | None:
    """An inspection with the same title and publication date, or the same link."""
    found = DuplicateIndex.read(reads).find(title, published_on, url)
    return found if isinstance(found, int) else None


def _is_specific_link(url: str) -> bool:
    """A link to a site's home page ("https://justiceinspectorates.gov.uk") identifies nothing."""
    text = url.strip()
    if not text:
        return False
    path = text.split("://", 1)[-1].partition("/")[2]
    return bool(path.strip("/"))


def _list(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []
