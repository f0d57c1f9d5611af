"""What one kind of database does its own way, behind one small interface.

``app.db.database.Database`` is engine-neutral: it holds a :class:`Backend` and asks it for
whatever differs between engines. Everything else (the models, the migrations, the reads in
``app.db.records``, the services' units of work) is the same SQLAlchemy on every engine.

=====================  ======================================  ===================================
Part                   SQLite (``app.db.sqlite_file``)          PostgreSQL (``app.db.postgres``)
=====================  ======================================  ===================================
identify, refuse       the file's header, ``application_id``    the ``alembic_version`` table
                       and ``alembic_version``, read without
                       touching the file (``app.db.identity``)
soundness at opening   ``PRAGMA quick_check``                   nothing: the server keeps its
                       (``app.db.integrity``)                   pages sound (``SELECT 1``)
connection settings    PRAGMAs: foreign keys, WAL, busy         none needed (foreign keys are
                       timeout (``app.db.connection``)          always enforced)
one snapshot to read   a read-only connection, ``BEGIN``        ``REPEATABLE READ READ ONLY``
migrations             foreign keys off, checked before         one transaction (DDL is
                       commit; a backup of the file first       transactional); the server's own
                                                                backups are its administrator's
online backup, check,  SQLite's backup API, ``integrity_``      refused with a sentence: that is
restore                ``check`` (``app.db.backup``)            ``pg_dump`` and ``pg_restore``
journal watch          a deleted ``-wal`` noticed after a       nothing to watch
                       commit (``app.db.journal_watch``)
full-text search       FTS5, when it comes                      ``tsvector``, when it comes
=====================  ======================================  ===================================
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine


from app.paths import SERVER_SCHEMES  # how a server's address starts; else a file's path


def is_server_address(location: str | Path) -> bool:
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_SCHEMES)


@dataclass(frozen=True, slots=True)
class Opening:
    """What a first look found: nothing there yet, and whether the schema must be made or
    brought up to date."""

    new: bool
    upgrade: bool


class Backend(Protocol):
    """One database: a file on this computer, or a database on a server."""

    name: str
    """What to call it in a sentence: the file's path, or the address without its password."""
    on_file: bool
    """True for a file (which backups, restores and ``check`` work on)."""

    def open(self, *, writable: bool) -> Opening:
        """Look before anything is written: refuse a foreign, newer, damaged or (when not
        ``writable``) missing or older database with a :class:`DatabaseError`."""
        ...

    def can_write(self) -> bool:
        """Whether this process may change it at all (a read-only file may still be read)."""
        ...

    def make_engine(self, *, read_only: bool) -> Engine:
        """The engine of the units of work (``Database.transaction()``)."""
        ...

    def make_reading_engine(self) -> Engine:
        """The engine of ``Database.reading()``: connections that cannot change anything."""
        ...

    def begin_snapshot(self, connection: Connection) -> None:
        """Start a read of one consistent snapshot on a connection of the reading engine."""
        ...

    def upgrade(self, engine: Engine) -> Path | None:
        """Create or upgrade the schema with Alembic; returns the backup made first, if any."""
        ...

    def let_go_of_lost_connections(self, engines: list[Engine]) -> bool:
        """True when connections of ``engines`` hold what is no longer the database (SQLite:
        another program deleted the write-ahead log, so a commit just made may not have reached
        the file); they are let go of then, and the next ones open the database afresh."""
        ...

    def describe(self, error: BaseException) -> str:
        """One sentence a person can act on, from a driver's or SQLAlchemy's error."""
        ...

    def is_driver_error(self, error: BaseException) -> bool:
        """Whether ``error`` is the driver's own (raised outside SQLAlchemy)."""
        ...

    def release(self) -> None:
        """Close whatever the backend itself holds open (its connections, if any)."""
        ...

    def remove_unfinished(self) -> None:
        """A database that could not be made leaves nothing behind."""
        ...
