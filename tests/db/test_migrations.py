"""Migrations: the chain is linear, a new file matches the models, upgrades keep data."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.db.database import Database
from app.db.engine import create_sqlite_engine
from app.db.migrate import alembic_config, current_revision, head_revision
from app.db.models import Base
from app.db.revision import SCHEMA_HEAD
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


def test_the_schema_head_known_without_alembic_is_alembics_head() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_new_database_is_made_by_the_migrations_and_matches_the_models(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_pragmas_are_set_on_every_connection(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_upgrading_an_old_database_keeps_its_data_and_backs_it_up(db_path: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    oldest = [r.revision for r in script.walk_revisions()][-1]
    engine = create_sqlite_engine(db_path)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, oldest)
    engine.dispose()
    # Data written at the oldest schema, with the columns that schema has always had.
    with sqlite3.connect(db_path) as raw:
        raw.execute(
            "INSERT INTO inspection (title, publication_types, forces, url, url_label, status,"
            " archived, key_findings, recommendations_note, areas_for_improvement_note,"
            " causes_of_concern_note, report_text, version, created_at, updated_at)"
            " VALUES ('Kept', '[\"PEEL\"]', '[]', '', '', 'drafting', 0, 'kf', '', '', '', '',"
            " 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
    raw.close()
    database = Database.open(db_path)
    try:
        assert current_revision(database.engine) == head_revision()
        kept = reading.get_inspection(database, 1)
        assert (kept.title, kept.publication_types, kept.key_findings) == ("Kept", ["PEEL"], "kf")
        if oldest != head_revision():
            assert database.upgrade_backup is not None and database.upgrade_backup.exists()
        else:
            assert database.upgrade_backup is None  # nothing to upgrade, nothing copied
    finally:
        database.close()


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


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(path)) as raw, raw:  # commits, then closes
        raw.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseError, match="not one of OPCC Inspection Responses"):
        Database.open(path)


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
