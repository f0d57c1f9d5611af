"""The SQLAlchemy engine on the SQLite file, for writing and for the register's queries."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, NullPool, create_engine, event

from app.db.connection import apply_pragmas, close_without_checkpoint, connect_read_only

_OPEN: weakref.WeakKeyDictionary[Engine, list[Any]] = weakref.WeakKeyDictionary()
"""The driver connections each engine has open (see :func:`forget_deleted_files`)."""


def create_sqlite_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on ``path``, a location ``Database.open`` has already checked and prepared.

    ``read_only``: for a file this process may not change; its connections are read-only
    (``connection.connect_read_only``), so that the services that read through the ORM still
    work and any write fails at once.
    """
    path = Path(path)
    if read_only:
        # No pool: each use opens its own read-only connection and closes it after, as
        # ``connect_read_only`` decides afresh how the file may be read (a disk that was full
        # may have room again), and nothing is held open on the file between reads.
        return create_engine(
            "sqlite://",
            creator=lambda: connect_read_only(path, shared=True),
            poolclass=NullPool,
            future=True,
        )
    # A URL object, not a URL string: a string would read "%20" in a folder name as a space and
    # a "?" as the start of options, and so open another file than the one named.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    opened: list[Any] = []
    _OPEN[engine] = opened
    event.listen(engine, "connect", apply_pragmas)
    event.listen(engine, "connect", lambda connection, _record: opened.append(connection))
    event.listen(engine, "close", lambda connection, _record: _discard(opened, connection))
    return engine


def _discard(opened: list[Any], connection: Any) -> None:
    if connection in opened:
        opened.remove(connection)


def forget_deleted_files(engine: Engine) -> None:
    """Close every connection of ``engine`` without copying its log into the file (their
    ``-wal`` was deleted by another program); the next connections open the files there now."""
    for connection in list(_OPEN.get(engine, [])):
        close_without_checkpoint(connection)
    engine.dispose()
