"""Full-text search over the stored texts: the one search interface, on each engine.

=================  ==============================================  ===========================
                   SQLite                                          PostgreSQL
=================  ==============================================  ===========================
index              FTS5 external-content tables beside their        GIN indexes on
                   sources, kept in step by triggers (migration     ``to_tsvector('english',
                   0005_search_index), porter stemmer               column)``, kept by the server
match              ``index MATCH query`` (``SearchQuery.for_fts5``)  ``@@ to_tsquery('english',
                                                                    ...)`` (``for_tsquery``)
ranking            ``bm25()``, lower is better                      ``-ts_rank()``
snippet            ``snippet()``                                    ``ts_headline()``
without an index   a SQLite built without FTS5: every word must appear in the text
                   (``LIKE``), snippets cut here, and the answer says so (``full_text`` false)
=================  ==============================================  ===========================

Each searched table gives at most ``limit`` hits, best first; archived inspections are
searched too (last year's response is what people look for), removed findings are not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.sql import column as sql_column
from sqlalchemy.sql.elements import KeyedColumnElement

from app.db.models import FindingRow, InspectionRow, QuestionRow, ResponseRow, RevisionRow
from app.domain.enums import AuthorRole, ResponsePart
from app.domain.search_query import SearchQuery

INDEX_PREFIX = "search_"
START, STOP = "\x02", "\x03"  # where the engine marks a matched word in a snippet
ELLIPSIS = "…"
SNIPPET_WORDS = 16

Columns = Sequence[KeyedColumnElement[Any]]
Matching = tuple[ColumnElement[Any], ...]
"""The condition, the snippet and the rank of one search in one index."""

_inspection = InspectionRow.__table__.c
_finding = FindingRow.__table__.c
_question = QuestionRow.__table__.c
_response = ResponseRow.__table__.c
_revision = RevisionRow.__table__.c


class Source(StrEnum):
    """Where a hit's words are."""

    INSPECTION = "inspection"
    FINDING = "finding"
    QUESTION = "question"
    RESPONSE = "response"
    REVISION = "revision"


@dataclass(frozen=True, slots=True)
class Hit:
    source: Source
    inspection_id: int
    inspection_title: str
    published_on: dt.date | None
    archived: bool
    snippet: str
    """The words around the match, plain text."""
    highlights: tuple[tuple[int, int], ...]
    """Where the matched words are in ``snippet`` (start, end)."""
    rank: float
    """Lower is better, comparable within one search."""
    finding_id: int | None = None
    reference: str = ""
    """The finding's reference, or the graded question's number."""
    response_id: int | None = None
    role: AuthorRole | None = None
    part: ResponsePart | None = None
    saved_at: dt.datetime | None = None
    """For an earlier version of a response: when it was saved."""

    def marked(self, before: str, after: str, escape: Callable[[str], str] = str) -> str:
        """The snippet with each matched word between ``before`` and ``after`` (the rest of
        the text through ``escape``): "[exit]" for a console, "<b>exit</b>" for a label."""
        pieces: list[str] = []
        last = 0
        for start, end in self.highlights:
            pieces += [escape(self.snippet[last:start]), before,
                       escape(self.snippet[start:end]), after]  # fmt: skip
            last = end
        return "".join([*pieces, escape(self.snippet[last:])])


def compared_with_the_models(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name``: the search index lives beside the models, not in them."""
    return not (name or "").startswith(INDEX_PREFIX)


def has_full_text(connection: Connection) -> bool:
    """Whether this database has its full-text index (a SQLite without FTS5 has none)."""
    if connection.dialect.name != "sqlite":
        return True
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_finding'"
    ).first()
    return found is not None


def search(
    connection: Connection, query: SearchQuery, *, revisions: bool = False, limit: int = 100
) -> tuple[list[Hit], bool]:
    """Every source's best hits for ``query``, best first, and whether a full-text index
    answered (False: the words were looked for as typed)."""
    engine = _engine_for(connection, query)
    if query.empty:
        return [], not isinstance(engine, _Plain)
    sources = [_inspections, _findings, _questions, _responses]
    if revisions:
        sources.append(_revisions)
    hits: list[Hit] = []
    for source in sources:
        statement = source(engine).limit(limit)
        hits.extend(engine.hit(row) for row in connection.execute(statement, engine.parameters))
    return sorted(hits, key=lambda hit: hit.rank), not isinstance(engine, _Plain)


# --- How each engine matches, ranks and cuts snippets -------------------------------------


class _Engine:
    parameters: dict[str, Any]

    def __init__(self, query: SearchQuery) -> None:
        self.query = query

    def match(self, index: str, columns: Columns) -> Matching:
        """The condition, the snippet and the rank for one index over ``columns``."""
        raise NotImplementedError

    def hit(self, row: Any) -> Hit:
        snippet, highlights = _marked(row.snippet)
        return _hit(row, snippet, highlights, float(row.rank))


class _Fts5(_Engine):
    def __init__(self, query: SearchQuery) -> None:
        super().__init__(query)
        self.parameters = {"query": query.for_fts5()}

    def match(self, index: str, columns: Columns) -> Matching:
        indexed: ColumnElement[Any] = literal_column(index)
        snippet = func.snippet(indexed, -1, START, STOP, ELLIPSIS, SNIPPET_WORDS)
        return indexed.op("MATCH")(bindparam("query")), snippet, func.bm25(indexed)


class _TsQuery(_Engine):
    def __init__(self, query: SearchQuery) -> None:
        super().__init__(query)
        self.parameters = {"query": query.for_tsquery()}

    def match(self, index: str, columns: Columns) -> Matching:
        tsquery = func.to_tsquery("english", bindparam("query"))
        vectors = [func.to_tsvector("english", column) for column in columns]
        options = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=1"
        text = func.concat_ws(" — ", *columns)
        snippet = func.ts_headline("english", text, tsquery, options)
        rank = -sum((func.ts_rank(vector, tsquery) for vector in vectors), literal(0.0))
        return or_(*(vector.op("@@")(tsquery) for vector in vectors)), snippet, rank


class _Plain(_Engine):
    """No index: every word must appear somewhere in the texts; snippets cut here."""

    def __init__(self, query: SearchQuery) -> None:
        super().__init__(query)
        self.parameters = {}

    def match(self, index: str, columns: Columns) -> Matching:
        text: ColumnElement[Any] = func.coalesce(columns[0], "")
        for column in columns[1:]:
            text = text + " — " + func.coalesce(column, "")
        found = and_(*(text.icontains(word, autoescape=True) for word in self.query.words))
        return found, text, literal(0.0)

    def hit(self, row: Any) -> Hit:
        snippet, highlights = cut_snippet(row.snippet, self.query.words)
        return _hit(row, snippet, highlights, 0.0)


def _engine_for(connection: Connection, query: SearchQuery) -> _Engine:
    if connection.dialect.name == "postgresql":
        return _TsQuery(query)
    return _Fts5(query) if has_full_text(connection) else _Plain(query)


# --- One select per searched table --------------------------------------------------------


def _about_the_inspection() -> list[ColumnElement[Any]]:
    return [
        _inspection.id.label("inspection_id"),
        _inspection.title.label("inspection_title"),
        _inspection.published_on,
        _inspection.archived,
    ]


def _matched(engine: _Engine, index: str, columns: Columns, source: Source,
             *fields: ColumnElement[Any]) -> tuple[Select[Any], ColumnElement[Any]]:
    condition, snippet, rank = engine.match(index, columns)
    statement = select(
        literal(source.value).label("source"),
        *_about_the_inspection(),
        snippet.label("snippet"),
        rank.label("rank"),
        *fields,
    ).order_by(literal_column("rank"))
    return statement, condition


def _joined_to_index(engine: _Engine, index: str, key: KeyedColumnElement[Any]) -> Any:
    """The index joined to its source table (SQLite); other engines index the table itself."""
    if isinstance(engine, _Fts5):
        indexed = table(index, sql_column("rowid"))
        return indexed.join(key.table, key == indexed.c.rowid)
    return key.table


def _inspections(engine: _Engine) -> Select[Any]:
    statement, condition = _matched(
        engine, "search_inspection", [_inspection.title, _inspection.report_text],
        Source.INSPECTION,
    )
    joined = _joined_to_index(engine, "search_inspection", _inspection.id)
    return statement.select_from(joined).where(condition)


def _findings(engine: _Engine) -> Select[Any]:
    statement, condition = _matched(
        engine, "search_finding", [_finding.reference, _finding.text], Source.FINDING,
        _finding.id.label("finding_id"), _finding.reference,
    )
    joined = _joined_to_index(engine, "search_finding", _finding.id).join(
        InspectionRow.__table__, _inspection.id == _finding.inspection_id
    )
    return statement.select_from(joined).where(condition, _finding.removed_at.is_(None))


def _questions(engine: _Engine) -> Select[Any]:
    statement, condition = _matched(
        engine, "search_question", [_question.question, _question.text], Source.QUESTION,
        _question.number.label("question_number"),
    )
    joined = _joined_to_index(engine, "search_question", _question.id).join(
        InspectionRow.__table__, _inspection.id == _question.inspection_id
    )
    return statement.select_from(joined).where(condition)


def _response_fields() -> list[ColumnElement[Any]]:
    return [
        _response.id.label("response_id"),
        _response.role,
        _response.part,
        _finding.id.label("finding_id"),
        _finding.reference,
    ]


def _with_response(joined: Any) -> Any:
    with_inspection = joined.join(
        InspectionRow.__table__, _inspection.id == _response.inspection_id
    )
    return with_inspection.outerjoin(FindingRow.__table__, _finding.id == _response.finding_id)


def _responses(engine: _Engine) -> Select[Any]:
    statement, condition = _matched(
        engine, "search_response", [_response.text], Source.RESPONSE, *_response_fields()
    )
    joined = _with_response(_joined_to_index(engine, "search_response", _response.id))
    return statement.select_from(joined).where(condition, _finding.removed_at.is_(None))


def _revisions(engine: _Engine) -> Select[Any]:
    statement, condition = _matched(
        engine, "search_revision", [_revision.text], Source.REVISION,
        *_response_fields(), _revision.saved_at,
    )
    joined = _joined_to_index(engine, "search_revision", _revision.id).join(
        ResponseRow.__table__, _response.id == _revision.response_id
    )
    return statement.select_from(_with_response(joined)).where(
        condition, _finding.removed_at.is_(None), _revision.text != _response.text
    )


# --- Hits -----------------------------------------------------------------------------------


def _hit(row: Any, snippet: str, highlights: tuple[tuple[int, int], ...], rank: float) -> Hit:
    mapping = row._mapping
    number = mapping.get("question_number")
    role = mapping.get("role")
    part = mapping.get("part")
    return Hit(
        source=Source(row.source),
        inspection_id=row.inspection_id,
        inspection_title=row.inspection_title,
        published_on=row.published_on,
        archived=bool(row.archived),
        snippet=snippet,
        highlights=highlights,
        rank=rank,
        finding_id=mapping.get("finding_id"),
        reference=f"Q{number}" if number is not None else (mapping.get("reference") or ""),
        response_id=mapping.get("response_id"),
        role=AuthorRole(role) if role else None,
        part=ResponsePart(part) if part else None,
        saved_at=mapping.get("saved_at"),
    )


_SPACE = re.compile(r"\s+")


def _marked(text: str | None) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The engine's snippet, its marks taken out and remembered as spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = 0
    for piece in re.split(f"([{START}{STOP}])", _SPACE.sub(" ", text or "")):
        if piece == START:
            start = length
        elif piece == STOP:
            spans.append((start, length))
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain).strip(), tuple(spans)


Spans = tuple[tuple[int, int], ...]


def cut_snippet(text: str, words: Sequence[str], *, around: int = 90) -> tuple[str, Spans]:
    """A snippet around the first of ``words`` in ``text``, each occurrence highlighted."""
    flat = _SPACE.sub(" ", text).strip()
    folded = flat.casefold()
    first = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    begin = max(0, flat.rfind(" ", 0, max(0, first - around)) + 1 if first > around else 0)
    end = flat.find(" ", min(len(flat), first + around))
    end = len(flat) if end < 0 else end
    snippet = (ELLIPSIS if begin else "") + flat[begin:end] + (ELLIPSIS if end < len(flat) else "")
    pattern = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True) if word)
    spans = tuple(m.span() for m in re.finditer(pattern, snippet, re.IGNORECASE)) if pattern else ()
    return snippet, spans
