"""The SQLAlchemy engine on the SQLite file, for writing and for the register's queries."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event

from app.db.connection import apply_pragmas


def create_sqlite_engine(path: Path) -> Engine:
    """An engine on ``path``, a location ``Database.open`` has already checked and prepared."""
    path = Path(path)
    # A URL object, not a URL string: a string would read "%20" in a folder name as a space and
    # a "?" as the start of options, and so open another file than the one named.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    event.listen(engine, "connect", apply_pragmas)
    return engine
