"""Migration 0006_tracker: the tracker's columns are added to a file at 0005 without rebuilding
``finding``, so its rows and the full-text index's triggers stay."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from app.db.database import Database
from app.db.search import has_full_text, search
from app.domain.enums import ProgressStatus
from app.domain.search_query import SearchQuery
from app.services import tracker
from tests.db.test_migrations import _database_at


def _triggers(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        rows = raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'finding'"
            " ORDER BY name"
        ).fetchall()
    return [name for (name,) in rows]


def test_upgrading_from_0005_keeps_findings_open_and_searchable(db_path: Path) -> None:
    _database_at(db_path, "0005_search_index")
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute(
            "INSERT INTO inspection (title, publication_types, forces, url, url_label, status,"
            " archived, key_findings, recommendations_note, areas_for_improvement_note,"
            " causes_of_concern_note, report_text, version, created_at, updated_at)"
            " VALUES ('Kept', '[]', '[]', '', '', 'published', 0, '', '', '', '', '', 1,"
            " '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00')"
        )
        raw.execute(
            "INSERT INTO finding (inspection_id, position, kind, reference, text, addressee,"
            " applies, not_applicable_reason, due_text, due_on, version)"
            " VALUES (1, 0, 'recommendation', 'Recommendation 1', 'Review custody records.',"
            " 'forces', 1, '', 'By January 2024', '2024-01-31', 1)"
        )
        raw.execute(
            "INSERT INTO progress_update (finding_id, position, status, note, by)"
            " VALUES (1, 0, 'Started', 'Earlier note.', 'me')"
        )
    triggers = _triggers(db_path)
    database = Database.open(db_path)
    try:
        (row,) = tracker.tracker_rows(database)
        assert (row.status, row.owner, row.target_on, row.hmicfrs_status) == (
            ProgressStatus.OPEN, "", row.due_on, None,
        )  # fmt: skip
        assert [(u.note, u.recorded_at) for u in row.updates] == [("Earlier note.", None)]
        tracker.record_progress(database, row.id, ProgressStatus.COMPLETED, "Audit done.")
        with database.reading() as connection:
            assert has_full_text(connection)
            hits, full_text = search(connection, SearchQuery.parse("custody"))
        assert full_text
        assert [(hit.finding_id, hit.reference) for hit in hits] == [(row.id, "Recommendation 1")]
    finally:
        database.close()
    assert _triggers(db_path) == triggers and len(triggers) == 3
