"""The schema revision this version of the application writes, known without loading Alembic.

Start-up only needs Alembic (about half a second of imports) when a file is new or older than
this revision; tests/db/test_migrations.py keeps ``SCHEMA_HEAD`` equal to Alembic's head.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

SCHEMA_HEAD = "0001_initial"


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the file, or None for a new (or foreign) file."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError as error:
            if "no such table" in str(error.orig):
                return None
            raise
