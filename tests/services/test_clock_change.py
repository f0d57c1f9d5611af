"""Saves made in the hour the clocks go back keep the order they were made in.

On the last Sunday of October the United Kingdom's clocks go back from 02:00 BST to 01:00 GMT,
so 01:00 to 02:00 happens twice: a save at 01:30 BST is followed, forty minutes later, by one
at 01:10 GMT. Local times would put the second first; moments are stored in UTC with their
offset, and revisions are ordered by when they reached the file, never by their time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind
from app.domain.model import Finding, Inspection
from app.services import archive, inspections, reading
from app.services.responses import ResponseKey, list_revisions, save_response
from tests.conftest import FakeClock

CC, PCC = AuthorRole.CHIEF_CONSTABLE, AuthorRole.COMMISSIONER
BEFORE = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # 01:30 BST
AFTER = dt.datetime(2026, 10, 25, 1, 10, tzinfo=dt.UTC)  # 01:10 GMT, forty minutes later
SAVED = ["Written at 01:30 BST.", "The Chief Constable at 01:10 GMT.", "Changed at 01:10 GMT."]


@pytest.fixture
def autumn(db: Database, london: None, fake_clock: FakeClock) -> int:
    """An inspection whose responses were saved across the clock change, in SAVED's order."""
    inspection_id = inspections.create_inspection(
        db,
        Inspection(
            "Autumn", findings=[Finding(FindingKind.RECOMMENDATION, "Recommendation 1", "Act.")]
        ),
    )
    fake_clock.set(BEFORE)
    save_response(db, inspection_id, ResponseKey.overall(PCC), SAVED[0], 0)
    fake_clock.set(AFTER)
    save_response(db, inspection_id, ResponseKey.overall(CC), SAVED[1], 0)
    save_response(db, inspection_id, ResponseKey.overall(PCC), SAVED[2], 1)
    return inspection_id


def test_revisions_saved_across_the_clock_change_come_back_in_the_order_they_were_saved(
    db: Database, autumn: int
) -> None:
    assert [r.text for r in reading.get_inspection(db, autumn).revisions] == SAVED
    newest_first = list_revisions(db, autumn, ResponseKey.overall(PCC))
    assert [r.text for r in newest_first] == [SAVED[2], SAVED[0]]


def test_the_archive_lists_them_oldest_first_in_utc_and_keeps_that_order_through_a_copy(
    db: Database, autumn: int, tmp_path: Path
) -> None:
    exported = archive.inspection_to_dict(reading.get_inspection(db, autumn))
    assert [(r["text"], r["saved_at"]) for r in exported["revisions"]] == [
        (SAVED[0], "2026-10-25T00:30:00+00:00"),
        (SAVED[1], "2026-10-25T01:10:00+00:00"),
        (SAVED[2], "2026-10-25T01:10:00+00:00"),
    ]
    path = tmp_path / "autumn.json"
    archive.write_archive(path, [reading.get_inspection(db, autumn)])
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        (copied,) = inspections.import_inspections(
            other, archive.read_archive(path), update_existing=False
        ).added
        again = archive.inspection_to_dict(reading.get_inspection(other, copied))
    finally:
        other.close()
    assert again["revisions"] == exported["revisions"]
    assert again["status_history"] == exported["status_history"]
