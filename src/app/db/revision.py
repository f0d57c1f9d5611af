"""The schema revision this version of the application writes, known without loading Alembic.

Start-up only needs Alembic (about half a second of imports) when a file is new or older than
this revision; tests/db/test_migrations.py keeps ``SCHEMA_HEAD`` equal to Alembic's head.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from app.db.connection import connect_for_reading

SCHEMA_HEAD = "0001_initial"


def stored_revision(path: Path) -> str | None:
    """The revision recorded in the file, or None for a new (or foreign) file.

    Raises ``sqlite3.Error`` for a file SQLite cannot read (damaged, not a database).
    """
    if not path.exists():
        return None
    with closing(connect_for_reading(path)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return None
            raise
    return None if row is None else str(row[0])
