"""Reading stored records into the domain's plain values, with SQL and the standard library.

This is the one read path: the services read through it on a connection from
``Database.reading()``, or on the connection of an open ORM session (``queries.session_sql``)
when they read inside a writing transaction. Writing stays with the ORM (``app.db.mapping``).
Values are decoded as SQLAlchemy stored them on SQLite: dates and times as ISO text, lists as
JSON text, booleans as 0 or 1; moments as ISO 8601 text in UTC
(``app.db.types.UtcDateTime``). tests/db/test_reader.py keeps both sides in step.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from app.domain import clock
from app.domain.enums import (
    AuthorRole,
    FindingKind,
    InspectionStatus,
    ProtectiveMarking,
    ResponsePart,
)
from app.domain.errors import DatabaseError, NotFoundError
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

SETTINGS_TEXTS = (
    "opcc_name", "commissioner_title", "commissioner_name", "force_name", "chief_title",
    "chief_name", "website", "logo_filename",
)  # fmt: skip


def read_inspection(connection: sqlite3.Connection, inspection_id: int) -> Inspection:
    """The whole inspection: findings, responses, revisions, office steps and history."""
    header = _rows(connection, "SELECT * FROM inspection WHERE id = ?", inspection_id)
    if not header:
        raise NotFoundError.inspection(inspection_id)
    row = header[0]
    inspection = Inspection(
        id=row["id"],
        title=row["title"],
        published_on=_date(row["published_on"]),
        publication_types=_list(row["publication_types"]),
        forces=_list(row["forces"]),
        url=row["url"] or "",
        url_label=row["url_label"] or "",
        stated_deadline=_date(row["stated_deadline"]),
        cc_comments_requested_by=_date(row["cc_comments_requested_by"]),
        status=InspectionStatus(row["status"]),
        archived=bool(row["archived"]),
        key_findings=row["key_findings"] or "",
        recommendations_note=row["recommendations_note"] or "",
        areas_for_improvement_note=row["areas_for_improvement_note"] or "",
        causes_of_concern_note=row["causes_of_concern_note"] or "",
        report_text=row["report_text"] or "",
    )
    inspection.pillars = [
        Pillar(p["name"], p["grade"] or "", p["summary"] or "")
        for p in _rows(
            connection,
            "SELECT * FROM pillar WHERE inspection_id = ? ORDER BY position, id",
            inspection_id,
        )
    ]
    inspection.questions = read_questions(connection, inspection_id)
    inspection.findings = read_findings(connection, inspection_id)
    inspection.office_steps = [
        OfficeStep(s["step"], _date(s["done_on"]), s["done_by"] or "", s["note"] or "")
        for s in _rows(
            connection,
            "SELECT * FROM office_step WHERE inspection_id = ? ORDER BY position, id",
            inspection_id,
        )
    ]
    for response in _rows(
        connection,
        "SELECT role, part, text FROM response"
        " WHERE inspection_id = ? AND finding_id IS NULL ORDER BY id",
        inspection_id,
    ):
        overall = response["part"] == ResponsePart.OVERALL
        target = inspection.overall if overall else inspection.closing
        target.set(AuthorRole(response["role"]), response["text"] or "")
    inspection.revisions = _revisions(connection, inspection_id)
    inspection.status_history = read_status_history(connection, inspection_id)
    return inspection


def read_status(connection: sqlite3.Connection, inspection_id: int) -> InspectionStatus:
    """An inspection's workflow status (NotFoundError when there is no such inspection)."""
    rows = _rows(connection, "SELECT status FROM inspection WHERE id = ?", inspection_id)
    if not rows:
        raise NotFoundError.inspection(inspection_id)
    return InspectionStatus(rows[0]["status"])


def read_status_history(connection: sqlite3.Connection, inspection_id: int) -> list[StatusChange]:
    """Every change of an inspection's status, oldest first."""
    return [
        StatusChange(InspectionStatus(c["status"]), _datetime(c["changed_at"]),
                     c["changed_by"] or "", c["note"] or "")
        for c in _rows(
            connection,
            "SELECT * FROM status_change WHERE inspection_id = ? ORDER BY id",
            inspection_id,
        )
    ]  # fmt: skip


def read_summaries(
    connection: sqlite3.Connection, *, include_archived: bool
) -> list[InspectionSummary]:
    """Register rows, newest publication first (undated last), with each inspection's finding
    count and its next office step not yet done; only the columns the register shows are read
    (a report's own text can run to hundreds of kilobytes)."""
    where = "" if include_archived else "WHERE i.archived = 0"
    rows = _rows(
        connection,
        "SELECT i.id, i.title, i.published_on, i.publication_types, i.forces, i.status,"
        " i.archived,"
        " (SELECT count(*) FROM finding AS f WHERE f.inspection_id = i.id"
        "  AND f.removed_at IS NULL) AS finding_count,"
        " (SELECT s.step FROM office_step AS s WHERE s.inspection_id = i.id"
        "  AND s.done_on IS NULL ORDER BY s.position, s.id LIMIT 1) AS next_step"
        f" FROM inspection AS i {where} ORDER BY i.published_on DESC, i.id",
    )
    return [
        InspectionSummary(
            id=row["id"],
            title=row["title"],
            published_on=_date(row["published_on"]),
            publication_types=_list(row["publication_types"]),
            forces=_list(row["forces"]),
            status=InspectionStatus(row["status"]),
            archived=bool(row["archived"]),
            finding_count=row["finding_count"],
            next_step=row["next_step"] or "",
        )
        for row in rows
    ]


def read_inspection_ids(connection: sqlite3.Connection) -> list[int]:
    """Every inspection (archived ones too), oldest publication first."""
    return [
        row["id"]
        for row in _rows(connection, "SELECT id FROM inspection ORDER BY published_on, id")
    ]


def read_questions(connection: sqlite3.Connection, inspection_id: int) -> list[GradedQuestion]:
    """An inspection's graded questions (or areas), in report order."""
    return [
        GradedQuestion(q["pillar"] or "", q["number"], q["question"] or "", q["grade"] or "",
                       q["text"] or "")
        for q in _rows(
            connection,
            "SELECT * FROM graded_question WHERE inspection_id = ? ORDER BY position, id",
            inspection_id,
        )
    ]  # fmt: skip


def read_findings(connection: sqlite3.Connection, inspection_id: int) -> list[Finding]:
    """An inspection's findings in report order, with their responses and progress (removed
    findings are kept in the file, with their responses, but are no part of the inspection)."""
    findings: dict[int, Finding] = {}
    for f in _rows(
        connection,
        "SELECT * FROM finding WHERE inspection_id = ? AND removed_at IS NULL"
        " ORDER BY position, id",
        inspection_id,
    ):
        findings[f["id"]] = Finding(
            id=f["id"],
            version=f["version"],
            kind=FindingKind(f["kind"]),
            reference=f["reference"],
            text=f["text"] or "",
            addressee=f["addressee"] or "",
            applies=bool(f["applies"]),
            not_applicable_reason=f["not_applicable_reason"] or "",
            question=f["question_number"],
            parent=f["parent_reference"],
            due_text=f["due_text"] or "",
            due_on=_date(f["due_on"]),
        )
    for response in _rows(
        connection,
        "SELECT finding_id, role, text FROM response"
        " WHERE inspection_id = ? AND finding_id IS NOT NULL AND part = ? ORDER BY id",
        inspection_id,
        ResponsePart.RESPONSE.value,
    ):
        finding = findings.get(response["finding_id"])
        if finding is not None:
            finding.responses.set(AuthorRole(response["role"]), response["text"] or "")
    for p in _rows(
        connection,
        'SELECT p.finding_id, p."on", p.status, p.note, p."by" FROM progress_update AS p'
        " JOIN finding AS f ON f.id = p.finding_id"
        " WHERE f.inspection_id = ? AND f.removed_at IS NULL"
        " ORDER BY p.finding_id, p.position, p.id",
        inspection_id,
    ):
        findings[p["finding_id"]].progress.append(
            ProgressUpdate(_date(p["on"]), p["status"] or "", p["note"] or "", p["by"] or "")
        )
    return list(findings.values())


def read_settings(connection: sqlite3.Connection) -> OrganisationSettings:
    """The organisation settings; the defaults while nobody has saved any."""
    rows = _rows(connection, "SELECT * FROM organisation WHERE id = 1")
    if not rows:
        return OrganisationSettings()
    row = rows[0]
    return OrganisationSettings(
        **{name: row[name] or "" for name in SETTINGS_TEXTS},
        logo=bytes(row["logo"] or b""),
        cc_comments_days=row["cc_comments_days"],
        protective_marking=ProtectiveMarking(row["protective_marking"]),
        office_step_names=_list(row["office_step_names"]) or list(DEFAULT_OFFICE_STEPS),
    )


def _revisions(connection: sqlite3.Connection, inspection_id: int) -> list[Revision]:
    """Oldest first: in the order they were saved into this file (row ids are never reused).

    Never by their times: local clocks repeat an hour when they go back, and another copy's
    clock may be wrong. An archive's revisions are stored in the archive's order, so an
    archive exported, imported and exported again lists them identically.
    """
    return [
        Revision(r["reference"], AuthorRole(r["role"]), ResponsePart(r["part"]), r["text"] or "",
                 _datetime(r["saved_at"]), r["saved_by"] or "")
        for r in _rows(
            connection,
            "SELECT v.text, v.saved_at, v.saved_by, s.role, s.part, f.reference"
            " FROM revision AS v JOIN response AS s ON s.id = v.response_id"
            " LEFT JOIN finding AS f ON f.id = s.finding_id"
            " WHERE s.inspection_id = ? AND f.removed_at IS NULL ORDER BY v.id",
            inspection_id,
        )
    ]  # fmt: skip


def _rows(connection: sqlite3.Connection, sql: str, *parameters: Any) -> list[sqlite3.Row]:
    # The row factory is set on this cursor only: the connection may be an ORM session's.
    cursor = connection.cursor()
    cursor.row_factory = sqlite3.Row
    try:
        return list(cursor.execute(sql, parameters))
    except sqlite3.OperationalError as error:
        if "could not decode" not in str(error).lower():
            raise
        # sqlite3's own message quotes the whole damaged text, lines of it: name the record.
        raise DatabaseError(_unreadable(connection, sql, parameters)) from None
    finally:
        cursor.close()


def _unreadable(connection: sqlite3.Connection, sql: str, parameters: tuple[Any, ...]) -> str:
    """One sentence naming the record whose text is not UTF-8, found by reading it as bytes."""
    table = _FROM.search(sql)
    where = table.group(1) if table else "a record"
    saved = connection.text_factory
    connection.text_factory = bytes
    try:
        cursor = connection.execute(sql, parameters)
        names = [column[0] for column in cursor.description]
        for values in cursor:
            for name, value in zip(names, values, strict=True):
                if isinstance(value, bytes) and not _is_utf8(value):
                    row = dict(zip(names, values, strict=True))
                    record = f"{where} {row['id']}" if "id" in row else where
                    return (
                        f"The database is damaged: the {name} of {record} cannot be read as "
                        "text. Restore a backup (File → Restore from backup…)."
                    )
    except sqlite3.Error:
        pass
    finally:
        connection.text_factory = saved
    return (
        f"The database is damaged: some text in {where} cannot be read. Restore a backup "
        "(File → Restore from backup…)."
    )


_FROM = re.compile(r"\bFROM\s+(\w+)", re.IGNORECASE)


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _datetime(value: str) -> dt.datetime:
    return clock.from_iso(value)  # as app.db.types.UtcDateTime reads it


def _list(value: str | None) -> list[str]:
    decoded: Iterable[Any] = json.loads(value) if value else []
    return [str(item) for item in decoded or []]
