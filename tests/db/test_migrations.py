"""Migrations: the chain is linear, a new file matches the models, upgrades keep data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from app.db.database import Database
from app.db.engine import create_sqlite_engine
from app.db.identity import KNOWN_REVISIONS, SCHEMA_HEAD
from app.db.migrate import alembic_config, current_revision, head_revision
from app.db.models import Base, FindingRow
from app.db.search import compared_with_the_models
from app.db.sqlite_file import NoDatabaseYet
from app.domain.enums import AuthorRole
from app.domain.errors import DatabaseError
from app.services import reading
from app.services.samples import load_samples


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for revision in revisions:
        assert not isinstance(revision.down_revision, tuple), "merge revisions are not allowed"


def test_the_revisions_known_without_alembic_are_alembics_chain() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    chain = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert list(KNOWN_REVISIONS) == chain
    assert head_revision() == SCHEMA_HEAD


def test_new_database_is_made_by_the_migrations_and_matches_the_models(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"include_name": compared_with_the_models}),
            Base.metadata,
        )
    assert differences == []


@pytest.mark.sqlite_only
def test_pragmas_are_set_on_every_connection(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def _database_at(path: Path, revision: str) -> None:
    engine = create_sqlite_engine(path)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_upgrading_an_old_database_keeps_its_data_and_backs_it_up(db_path: Path) -> None:
    oldest = KNOWN_REVISIONS[0]
    _database_at(db_path, oldest)
    # Data written at the oldest schema, with the columns that schema has always had: an
    # inspection with a finding, a response to it and a revision of that response (rebuilding
    # the parent tables must not cascade into the children).
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute(
            "INSERT INTO inspection (title, publication_types, forces, url, url_label, status,"
            " archived, key_findings, recommendations_note, areas_for_improvement_note,"
            " causes_of_concern_note, report_text, version, created_at, updated_at)"
            " VALUES ('Kept', '[\"PEEL\"]', '[]', '', '', 'drafting', 0, 'kf', '', '', '', '',"
            " 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
        raw.execute(
            "INSERT INTO finding (inspection_id, position, kind, reference, text, addressee,"
            " applies, not_applicable_reason, due_text, version)"
            " VALUES (1, 0, 'recommendation', 'Recommendation 1', 'Do it.', 'forces', 1, '',"
            " '', 3)"
        )
        raw.execute(
            "INSERT INTO response (inspection_id, finding_id, role, part, text, version,"
            " updated_by) VALUES (1, 1, 'commissioner', 'response', 'Agreed.', 2, 'me')"
        )
        raw.execute(
            "INSERT INTO revision (response_id, text, saved_at, saved_by)"
            " VALUES (1, 'Agreed.', '2024-01-02 10:00:00', 'me')"
        )
    database = Database.open(db_path)
    try:
        assert current_revision(database.engine) == head_revision()
        kept = reading.get_inspection(database, 1)
        assert (kept.title, kept.publication_types, kept.key_findings) == ("Kept", ["PEEL"], "kf")
        (finding,) = kept.findings
        assert (finding.reference, finding.version) == ("Recommendation 1", 3)
        assert finding.responses.get(AuthorRole.COMMISSIONER) == "Agreed."
        assert [r.text for r in kept.revisions] == ["Agreed."]
        assert database.upgrade_backup is not None and database.upgrade_backup.exists()
    finally:
        database.close()


def test_upgrading_turns_the_local_times_of_every_moment_into_utc(
    db_path: Path, london: None
) -> None:
    _database_at(db_path, "0002_stable_ids")
    # Moments as the schema 0002 kept them: naive local time, in SQLAlchemy's format.
    summer, autumn, winter = (
        "2026-07-01 12:00:00.000000",  # BST: 11:00 UTC
        "2026-10-25 01:30:00.000000",  # the hour that happens twice: taken as the first, BST
        "2026-12-01 09:00:00.000000",  # GMT: UTC
    )
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute(
            "INSERT INTO inspection (title, publication_types, forces, url, url_label, status,"
            " archived, key_findings, recommendations_note, areas_for_improvement_note,"
            " causes_of_concern_note, report_text, version, created_at, updated_at)"
            " VALUES ('Kept', '[]', '[]', '', '', 'drafting', 0, '', '', '', '', '', 1, ?, ?)",
            (summer, winter),
        )
        raw.executemany(
            "INSERT INTO finding (inspection_id, position, kind, reference, text, addressee,"
            " applies, not_applicable_reason, due_text, version, removed_at)"
            " VALUES (1, ?, 'recommendation', ?, '', '', 1, '', '', 1, ?)",
            [(0, "Recommendation 1", None), (1, "Recommendation 2", winter)],
        )
        raw.execute(
            "INSERT INTO response (inspection_id, finding_id, role, part, text, version,"
            " updated_at, updated_by) VALUES (1, 1, 'commissioner', 'response', 'B', 2, ?, 'me')",
            (autumn,),
        )
        raw.executemany(
            "INSERT INTO revision (response_id, text, saved_at, saved_by) VALUES (1, ?, ?, 'me')",
            [("A", summer), ("B", autumn)],
        )
        raw.execute(
            "INSERT INTO status_change (inspection_id, status, changed_at, changed_by, note)"
            " VALUES (1, 'drafting', ?, 'me', '')",
            (summer,),
        )
    database = Database.open(db_path)
    try:
        assert current_revision(database.engine) == head_revision()
        kept = reading.get_inspection(database, 1)
        utc = [(r.text, r.saved_at) for r in kept.revisions]
        assert utc == [("A", dt.datetime(2026, 7, 1, 11, tzinfo=dt.UTC)),
                       ("B", dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC))]  # fmt: skip
        assert [c.changed_at for c in kept.status_history] == [utc[0][1]]
        assert [f.reference for f in kept.findings] == ["Recommendation 1"]
    finally:
        database.close()
    with closing(sqlite3.connect(db_path)) as raw:
        stored = [
            raw.execute(f"SELECT {column} FROM {table} ORDER BY id").fetchall()
            for table, column in (
                ("inspection", "created_at"), ("inspection", "updated_at"),
                ("finding", "removed_at"), ("response", "updated_at"), ("revision", "saved_at"),
                ("status_change", "changed_at"),
            )
        ]  # fmt: skip
        autoincrement = raw.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%' ORDER BY name"
        ).fetchall()
    assert stored == [
        [("2026-07-01T11:00:00+00:00",)],
        [("2026-12-01T09:00:00+00:00",)],
        [(None,), ("2026-12-01T09:00:00+00:00",)],
        [("2026-10-25T00:30:00+00:00",)],
        [("2026-07-01T11:00:00+00:00",), ("2026-10-25T00:30:00+00:00",)],
        [("2026-07-01T11:00:00+00:00",)],
    ]
    assert [name for (name,) in autoincrement] == ["finding", "inspection", "response", "revision"]


def test_ids_of_removed_rows_are_never_handed_out_again(db: Database) -> None:
    load_samples(db)
    with db.transaction() as session:
        highest = session.scalars(select(FindingRow).order_by(FindingRow.id.desc())).first()
        assert highest is not None
        inspection_id, highest_id = highest.inspection_id, highest.id
        session.delete(highest)
    with db.transaction() as session:
        added = FindingRow(inspection_id=inspection_id, position=9, kind="recommendation",
                           reference="New")  # fmt: skip
        session.add(added)
        session.flush()
        assert added.id == highest_id + 1


def test_reopening_keeps_everything(db_path: Path) -> None:
    first = Database.open(db_path)
    load_samples(first)
    first.close()
    second = Database.open(db_path)
    assert len(reading.list_inspections(second)) == 2
    assert second.upgrade_backup is None
    second.close()


def test_a_damaged_file_gives_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="damaged or is not"):
        Database.open(path)


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_sqlite_database_is_refused_and_left_byte_identical(
    tmp_path: Path, journal: str
) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute(f"PRAGMA journal_mode={journal}")
        raw.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        raw.execute("INSERT INTO recipes (name) VALUES ('scones')")
    before = path.read_bytes()
    neighbours = sorted(p.name for p in tmp_path.iterdir())
    for writable in (True, False):
        with pytest.raises(DatabaseError, match="not one of OPCC Inspection Responses"):
            Database.open(path, writable=writable)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == neighbours  # no -wal, -shm left


def test_a_file_of_another_program_with_an_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("PRAGMA application_id = 1234")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not one of"):
        Database.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("empty", [False, True])
def test_reading_never_creates_a_database(tmp_path: Path, empty: bool) -> None:
    path = tmp_path / "folder" / "responses.sqlite3"
    if empty:
        path.parent.mkdir()
        path.touch()
    with pytest.raises(NoDatabaseYet, match="no database"):
        Database.open(path, writable=False)
    assert path.exists() is empty and (not empty or path.stat().st_size == 0)
    if not empty:
        assert not path.parent.exists()


def test_reading_never_upgrades_an_older_database(db_path: Path) -> None:
    _database_at(db_path, KNOWN_REVISIONS[0])
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="earlier version"):
        Database.open(db_path, writable=False)
    assert db_path.read_bytes() == before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        Database.open(tmp_path)


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    Database.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as raw, raw:  # commits, then closes
        raw.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    with pytest.raises(DatabaseError, match="newer version"):
        Database.open(db_path)


def test_network_paths_are_refused_for_the_live_database() -> None:
    with pytest.raises(DatabaseError, match="network drive"):
        Database.open(Path("//server/share/responses.sqlite3"))
