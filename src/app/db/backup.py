"""Consistent copies of a live SQLite database, through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from app.domain.errors import DatabaseError


def backup_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` safely even while the database is in use."""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        # A connection's own "with" only ends a transaction; closing(…) closes the file too.
        with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(destination)) as to:
            live.backup(to)
    except (sqlite3.Error, OSError) as error:
        raise DatabaseError(f"Could not back up the database to {destination}: {error}.") from error
    return destination


def timestamped_name(stem: str, label: str, now: dt.datetime | None = None) -> str:
    moment = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{stem}-{label}-{moment}.sqlite3"
