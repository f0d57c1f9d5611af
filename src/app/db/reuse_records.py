"""Reading what reuse needs: findings like a given one elsewhere, and the responses to them.

Candidates are the findings of *other* inspections, not removed, that have at least one
response written. With a full-text index (SQLite's FTS5) only the findings sharing the most
of the finding's words are candidates (the best ``CANDIDATES`` by ``bm25``), so the fuzzy
comparison that ranks them (``app.services.reuse``) sees hundreds, not tens of thousands;
without one (PostgreSQL, or SQLite without FTS5) every such finding is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    exists,
    literal_column,
    select,
    table,
)
from sqlalchemy.sql import column as sql_column

from app.db.models import FindingRow, InspectionRow, ResponseRow
from app.db.search import has_full_text
from app.domain.enums import AuthorRole, ResponsePart

CANDIDATES = 300
_finding = FindingRow.__table__.c
_inspection = InspectionRow.__table__.c
_response = ResponseRow.__table__.c


@dataclass(frozen=True, slots=True)
class Candidate:
    finding_id: int
    text: str


@dataclass(frozen=True, slots=True)
class PastFinding:
    finding_id: int
    inspection_id: int
    inspection_title: str
    published_on: dt.date | None
    reference: str
    text: str
    responses: dict[AuthorRole, str]


def finding_text(connection: Connection, finding_id: int) -> tuple[int, str] | None:
    """The finding's inspection and text (None when there is no such finding)."""
    row = connection.execute(
        select(_finding.inspection_id, _finding.text).where(_finding.id == finding_id)
    ).first()
    return (row.inspection_id, row.text) if row else None


def candidates(connection: Connection, inspection_id: int, words: Sequence[str]) -> list[Candidate]:
    """Findings of other inspections, with a response, that may be like one with ``words``."""
    answered = exists().where(
        _response.finding_id == _finding.id, _response.part == ResponsePart.RESPONSE.value,
        _response.text != "",
    )  # fmt: skip
    statement: Select[Any] = select(_finding.id, _finding.text).where(
        _finding.inspection_id != inspection_id, _finding.removed_at.is_(None), answered
    )
    parameters: dict[str, str] = {}
    if words and connection.dialect.name == "sqlite" and has_full_text(connection):
        index = table("search_finding", sql_column("rowid"))
        matched: ColumnElement[Any] = literal_column("search_finding")
        statement = (
            statement.join_from(FindingRow.__table__, index, index.c.rowid == _finding.id)
            .where(matched.op("MATCH")(bindparam("words")))
            .order_by(literal_column("rank"))
            .limit(CANDIDATES)
        )
        parameters["words"] = " OR ".join(f'"{word}"' for word in words)
    return [Candidate(row.id, row.text) for row in connection.execute(statement, parameters)]


def past_findings(connection: Connection, finding_ids: Sequence[int]) -> dict[int, PastFinding]:
    """The findings ``finding_ids`` with their inspection and both authors' responses."""
    if not finding_ids:
        return {}
    rows = connection.execute(
        select(_finding.id, _finding.inspection_id, _finding.reference, _finding.text,
               _inspection.title, _inspection.published_on)
        .join(InspectionRow.__table__, _inspection.id == _finding.inspection_id)
        .where(_finding.id.in_(finding_ids))
    ).all()  # fmt: skip
    texts: dict[int, dict[AuthorRole, str]] = {}
    for response in connection.execute(
        select(_response.finding_id, _response.role, _response.text).where(
            _response.finding_id.in_(finding_ids), _response.part == ResponsePart.RESPONSE.value
        )
    ):
        if response.text.strip():
            texts.setdefault(response.finding_id, {})[AuthorRole(response.role)] = response.text
    return {
        row.id: PastFinding(
            finding_id=row.id, inspection_id=row.inspection_id, inspection_title=row.title,
            published_on=row.published_on, reference=row.reference, text=row.text,
            responses=texts.get(row.id, {}),
        )
        for row in rows
    }  # fmt: skip
