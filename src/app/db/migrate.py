"""Alembic migrations run from code at start-up.

A new file is made by running every migration from the start, so the migrations are exercised
every time. An existing file is backed up before it is upgraded. A file written by a newer
version of the application is refused rather than damaged.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from app.db.backup import backup_database, timestamped_name
from app.domain.errors import DatabaseError
from app.paths import backups_dir

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, path: Path | None) -> Path | None:
    """Bring the database to the newest schema; returns the backup made first, if any.

    The backend has already refused foreign and newer databases. On SQLite the migrations run with
    foreign keys off: rebuilding a parent table drops it, and a drop with foreign keys on would
    delete every child row through its ON DELETE CASCADE. The keys are checked before the
    upgrade commits.
    """
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseError(
            "This database was written by a newer version of OPCC Inspection Responses; "
            "install that version to open it."
        )
    if current is None:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names()) - {"sqlite_sequence"}
        if tables:
            raise DatabaseError(
                "This is a database, but not one of OPCC Inspection Responses."
            )
    backup = None
    if current is not None and path is not None:
        name = timestamped_name(path.stem, f"before-upgrade-{current[:8]}")
        backup = backup_database(path, backups_dir(path) / name)
    if engine.dialect.name != "sqlite":
        # PostgreSQL: DDL is transactional and foreign keys are always on; the migrations
        # alter tables in place there, so nothing cascades.
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        return backup
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()  # the PRAGMA works only outside a transaction: end SQLAlchemy's
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(
                        "Upgrading the database would have left records without their "
                        "inspection; nothing was changed."
                    )
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
    return backup
