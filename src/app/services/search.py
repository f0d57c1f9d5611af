"""Searching everything written: inspections, findings, graded questions and responses.

One read of one snapshot. Hits come back grouped by inspection, the inspection with the best
hit first; within an inspection, best first. Where the database has no full-text index (a
SQLite built without FTS5), every word must appear as typed and :attr:`Results.notice` says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db import search as index
from app.db.database import Database
from app.db.search import Hit, Source
from app.domain.search_query import SearchQuery

__all__ = ["Hit", "InspectionHits", "Results", "Source", "search"]

NO_FULL_TEXT = (
    "Full-text search is not available in this copy of SQLite: showing texts that contain "
    "every word exactly as typed."
)


@dataclass(frozen=True, slots=True)
class InspectionHits:
    inspection_id: int
    title: str
    published_on: dt.date | None
    archived: bool
    hits: tuple[Hit, ...]


@dataclass(frozen=True, slots=True)
class Results:
    query: SearchQuery
    groups: tuple[InspectionHits, ...]
    notice: str = ""
    """What the person should know about how this search was made ("" when nothing)."""

    @property
    def count(self) -> int:
        return sum(len(group.hits) for group in self.groups)

    def hits(self) -> list[Hit]:
        return [hit for group in self.groups for hit in group.hits]


def search(db: Database, typed: str, *, revisions: bool = False, limit: int = 100) -> Results:
    """What matches ``typed``; earlier versions of responses too when ``revisions``."""
    query = SearchQuery.parse(typed)
    if query.empty:
        return Results(query, ())
    with db.reading() as connection:
        hits, full_text = index.search(connection, query, revisions=revisions, limit=limit)
    return Results(query, _grouped(hits), "" if full_text else NO_FULL_TEXT)


def _grouped(hits: list[Hit]) -> tuple[InspectionHits, ...]:
    by_inspection: dict[int, list[Hit]] = {}
    for hit in hits:  # best first, so each inspection's first hit is its best
        by_inspection.setdefault(hit.inspection_id, []).append(hit)
    return tuple(
        InspectionHits(
            inspection_id=found[0].inspection_id,
            title=found[0].inspection_title,
            published_on=found[0].published_on,
            archived=found[0].archived,
            hits=tuple(found),
        )
        for found in by_inspection.values()
    )
