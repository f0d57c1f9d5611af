"""The Core reads give what the ORM wrote, inside a transaction too, and never write."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect

from app.db import engine as engine_module
from app.db.database import Database
from app.db.models import FindingRow, InspectionRow, OrganisationRow, StatusChangeRow
from app.db.records import read_inspection
from app.domain.enums import FindingKind, ProtectiveMarking
from app.domain.errors import DatabaseError, NotFoundError
from app.domain.model import Finding, Inspection, OfficeStep
from app.domain.organisation import OrganisationSettings
from app.services import inspections, reading
from app.services.samples import load_samples
from app.services.settings import save_settings

# Columns whose domain field has another name, or that only the write side uses.
FINDING_FIELDS = {"question_number": "question", "parent_reference": "parent"}
WRITE_SIDE_ONLY = {"inspection_id", "position", "created_at", "updated_at", "removed_at"}


def _domain_value(item: Inspection | Finding, column: str) -> object:
    return getattr(item, FINDING_FIELDS.get(column, column))


def test_every_column_reads_back_as_the_orm_loads_it(sample_db: Database) -> None:
    """Dates, lists, booleans and texts decode exactly as SQLAlchemy's own types do."""
    with sample_db.transaction() as session:
        rows = session.query(InspectionRow).all()
        assert rows
        for row in rows:
            read = read_inspection(session, row.id)
            for column in (c.key for c in inspect(InspectionRow).columns):
                if column not in WRITE_SIDE_ONLY | {"version"}:
                    assert _domain_value(read, column) == getattr(row, column), column
            for finding_row, finding in zip(row.findings, read.findings, strict=True):
                for column in (c.key for c in inspect(FindingRow).columns):
                    if column not in WRITE_SIDE_ONLY:
                        assert _domain_value(finding, column) == getattr(finding_row, column)


@pytest.mark.sqlite_only  # a naive time in the file, as an earlier version wrote it
def test_moments_read_back_in_utc_on_both_sides_a_naive_one_as_local_time(
    db: Database, london: None
) -> None:
    inspection_id = inspections.create_inspection(db, Inspection("Times"))
    summer = dt.datetime(2026, 7, 1, 11, 0, tzinfo=dt.UTC)
    with db.transaction() as session:
        session.add(StatusChangeRow(inspection_id=inspection_id, status="drafting",
                                    changed_at=summer))  # fmt: skip
    with closing(sqlite3.connect(db.path)) as raw, raw:
        stored = raw.execute("SELECT changed_at FROM status_change ORDER BY id").fetchall()
        assert stored[-1] == ("2026-07-01T11:00:00+00:00",)
        # A naive time, as an earlier version wrote it: this computer's local time (BST).
        raw.execute(
            "UPDATE status_change SET changed_at = '2026-07-01 12:00:00.000000' WHERE id = 1"
        )
    with db.transaction() as session:
        orm = [c.changed_at for c in session.get_one(InspectionRow, inspection_id).status_changes]
        read = [c.changed_at for c in read_inspection(session, inspection_id)
                .status_history]  # fmt: skip
    assert orm == read == [summer, summer]
    assert all(moment.tzinfo == dt.UTC for moment in read)


def test_settings_read_the_defaults_until_saved_then_what_was_saved(db: Database) -> None:
    assert reading.load_settings(db) == OrganisationSettings()
    chosen = OrganisationSettings(
        opcc_name="Office of the Police, Fire and Crime Commissioner for Essex",
        force_name="Essex Police",
        commissioner_title="Police, Fire and Crime Commissioner",
        logo=b"\x89PNG\r\n",
        cc_comments_days=21,
        protective_marking=ProtectiveMarking.OFFICIAL_SENSITIVE,
        office_step_names=["Sent to the Chief Constable", "Published"],
    )
    save_settings(db, chosen)
    assert reading.load_settings(db) == chosen
    with db.transaction() as session:
        stored = session.get(OrganisationRow, 1)
        assert stored is not None and stored.cc_comments_days == 21


def test_a_read_inside_a_transaction_sees_its_own_unsaved_changes(sample_db: Database) -> None:
    first = reading.list_inspections(sample_db)[0]
    with sample_db.transaction() as session:
        row = session.get(InspectionRow, first.id)
        assert row is not None
        row.title = "Renamed, not yet committed"
        assert read_inspection(session, first.id).title == row.title
        session.rollback()
    assert reading.get_inspection(sample_db, first.id).title == first.title


def test_an_unknown_inspection_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no inspection with id 99"):
        reading.get_inspection(db, 99)


def test_the_reading_connection_cannot_change_the_file(sample_db: Database) -> None:
    before = reading.list_inspections(sample_db)
    with pytest.raises(DatabaseError), sample_db.reading() as connection:
        connection.exec_driver_sql("DELETE FROM inspection")
    assert reading.list_inspections(sample_db) == before


def test_reading_a_file_damaged_after_opening_gives_a_plain_error(db_path: Path) -> None:
    database = Database.open(db_path)
    try:
        load_samples(database)
        spotlight = reading.list_inspections(database)[0].id
        with sqlite3.connect(db_path) as raw:
            raw.execute("DROP TABLE finding")
        raw.close()
        with pytest.raises(DatabaseError, match="reported a problem"):
            reading.get_inspection(database, spotlight)
    finally:
        database.close()


def test_tasks_that_first_need_the_orm_together_share_one_engine(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Database.open(db_path).close()  # made and at the newest schema: reopening makes no engine
    make = engine_module.create_sqlite_engine

    def slow_make(path: Path, **options: bool) -> object:
        time.sleep(0.05)  # as on a busy PC: the other tasks arrive while it is being made
        return make(path, **options)

    monkeypatch.setattr(engine_module, "create_sqlite_engine", slow_make)
    database = Database.open(db_path)
    try:
        start = threading.Barrier(4)
        engines: list[object] = []

        def write() -> None:
            start.wait()
            engines.append(database.engine)

        workers = [threading.Thread(target=write) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert len({id(engine) for engine in engines}) == 1
    finally:
        database.close()


def test_the_register_lists_newest_first_undated_last_with_counts_and_next_steps(
    db: Database,
) -> None:
    def add(title: str, published: dt.date | None, findings: int, archived: bool = False) -> int:
        inspection = Inspection(
            title=title,
            published_on=published,
            archived=archived,
            report_text="word " * 50_000,  # the register never reads it
            findings=[
                Finding(FindingKind.RECOMMENDATION, f"Recommendation {n}", "Text.")
                for n in range(1, findings + 1)
            ],
            office_steps=[OfficeStep("Sent", dt.date(2024, 1, 2)), OfficeStep("Published")],
        )
        return inspections.create_inspection(db, inspection)

    old = add("Older", dt.date(2023, 1, 5), 2)
    new = add("Newer", dt.date(2024, 6, 1), 0)
    undated = add("Undated", None, 1)
    add("Archived", dt.date(2024, 7, 1), 1, archived=True)
    rows = reading.list_inspections(db)
    assert [(r.id, r.finding_count, r.next_step) for r in rows] == [
        (new, 0, "Published"), (old, 2, "Published"), (undated, 1, "Published"),
    ]  # fmt: skip
    assert [r.title for r in reading.list_inspections(db, include_archived=True)] == [
        "Archived", "Newer", "Older", "Undated",
    ]  # fmt: skip


def test_every_child_table_reads_back_as_the_orm_loads_it(sample_db: Database) -> None:
    """Pillars, questions, office steps, progress, responses, revisions and the status
    history: the Core reads give what the ORM holds, on either engine."""
    from app.db import records

    with sample_db.transaction() as session:
        for row in session.query(InspectionRow).all():
            read = records.read_inspection(session, row.id)
            assert [(p.name, p.grade, p.summary) for p in read.pillars] == [
                (p.name, p.grade, p.summary) for p in row.pillars
            ]
            assert [(q.pillar, q.number, q.question, q.grade, q.text) for q in read.questions] == [
                (q.pillar, q.number, q.question, q.grade, q.text) for q in row.questions
            ]
            assert [(s.step, s.done_on, s.done_by, s.note) for s in read.office_steps] == [
                (s.step, s.done_on, s.done_by, s.note) for s in row.office_steps
            ]
            assert [(c.status.value, c.changed_at, c.changed_by, c.note)
                    for c in read.status_history] == [
                (c.status, c.changed_at, c.changed_by, c.note) for c in row.status_changes
            ]  # fmt: skip
            for finding, finding_row in zip(read.findings, row.findings, strict=True):
                assert [(p.on, p.status, p.note, p.by) for p in finding.progress] == [
                    (p.on, p.status, p.note, p.by) for p in finding_row.progress
                ]
            stored = records.read_responses(session, row.id)
            assert [(r.finding_id, r.role.value, r.part.value, r.text, r.version, r.updated_at,
                     r.updated_by) for r in stored] == [
                (r.finding_id, r.role, r.part, r.text, r.version, r.updated_at, r.updated_by)
                for r in sorted(row.responses, key=lambda r: r.id)
            ]  # fmt: skip
            saved = [v for r in sorted(row.responses, key=lambda r: r.id) for v in r.revisions]
            assert sorted((r.text, r.saved_at, r.saved_by) for r in read.revisions) == sorted(
                (v.text, v.saved_at, v.saved_by) for v in saved
            )
