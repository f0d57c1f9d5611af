"""The composition root of the record store: one database, read and written through SQLAlchemy.

``Database.open`` takes a file's path (SQLite) or a server's address
(``postgresql+psycopg://…``); what differs between the two lives behind
``app.db.backend.Backend`` (``app.db.sqlite_file``, ``app.db.postgres``). Everything else is
the same on both: ``transaction()`` is the unit of work of one user action (an ORM session,
committed or rolled back whole), and ``reading()`` is one consistent snapshot for the reads of
one view (a Core connection for ``app.db.records``). SQLAlchemy is loaded on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.backend import Backend, is_server_address
from app.domain.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

JOURNAL_TAKEN = (
    "Another program removed the database's journal from under this window ({path}), so the "
    "last change did not reach the file. It is still on screen and will be saved again."
)
READ_ONLY = (
    "{path} is read-only (the file, its folder or its disk), so nothing can be changed; you "
    "can still read, print and export."
)


class Database:
    """One open database. Create it once (in ``cli`` or the UI) and pass it down.

    ``transaction()`` is the unit of work: it commits, or rolls back and raises a
    :class:`DatabaseError` whose message a person can read. ``reading()`` is a consistent,
    read-only view of the database for the reading use cases.
    """

    def __init__(self, location: Path | str | Backend) -> None:
        if isinstance(location, (str, Path)):
            location = _backend(location)
        self.backend: Backend = location
        self.path = Path(location.name) if location.on_file else Path()  # a file: its path
        """The file (SQLite); an empty path for a server, which has no file here."""
        self.read_only = False
        """Opened on a database this process may not change: every transaction is refused."""
        self.upgrade_backup: Path | None = None
        self._engine: Engine | None = None
        self._reading_engine: Engine | None = None
        self._closed = False
        """After close(): a late call still works, but its connection is not kept in a pool."""
        self._sessions: sessionmaker[Session] | None = None
        self._making = threading.Lock()  # background tasks may be first to need the engine

    @property
    def on_file(self) -> bool:
        """True for a file on this computer (backups, restores and ``check`` work on it)."""
        return self.backend.on_file

    @property
    def name(self) -> str:
        """The file's path, or the server's address without its password."""
        return self.backend.name

    @classmethod
    def open(cls, location: Path | str, *, writable: bool = True) -> Database:
        """Open the database at ``location``, creating or upgrading it as needed.

        It is identified first, without writing: a foreign or newer database is refused
        untouched. With ``writable=False`` (the commands that only read) a missing, empty or
        older one is refused too, so that reading never creates or changes anything.
        """
        database = cls(location)
        database.open_now(writable=writable)
        return database

    def open_now(self, *, writable: bool = True) -> None:
        """Open this database (made with ``Database(location)``, which does not touch it): the
        window makes the object at once and opens it on its database worker, where every read
        and write it queues afterwards waits for this. Raises as :meth:`open` does."""
        backend = self.backend
        self._closed = False  # again, after a restore replaced a file that failed to open
        try:
            opening = backend.open(writable=writable)
        except BaseException:
            backend.release()
            raise
        self.read_only = not writable or (not opening.new and not backend.can_write())
        existed = not opening.new
        try:
            if opening.upgrade:
                self._upgrade()
        except BaseException as error:
            self.close()
            if not existed:
                backend.remove_unfinished()
            if backend.is_driver_error(error):
                raise DatabaseError(backend.describe(error)) from error
            raise

    def reopen(self) -> None:
        """Let go of every connection and look afresh, upgrading the schema if it is now
        older (after a restore); the same object, so every view holding it carries on."""
        self.close()
        self._engine = None
        self._reading_engine = None
        self._sessions = None
        self._closed = False
        try:
            if self.backend.open(writable=not self.read_only).upgrade:
                self._upgrade()
        except DatabaseError:
            raise
        except Exception as error:
            if not self.backend.is_driver_error(error):
                raise
            raise DatabaseError(self.backend.describe(error)) from error

    def _upgrade(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            self.upgrade_backup = self.backend.upgrade(self.engine)
        except SQLAlchemyError as error:
            raise DatabaseError(self.backend.describe(error)) from error

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine of the units of work, made (and SQLAlchemy loaded) on first use."""
        with self._making:
            if self._engine is None:
                self._engine = self.backend.make_engine(read_only=self.read_only)
            return self._engine

    def _reader(self) -> Engine:
        with self._making:
            if self._reading_engine is None:
                self._reading_engine = self.backend.make_reading_engine()
            return self._reading_engine

    def _session_factory(self) -> sessionmaker[Session]:
        engine = self.engine
        with self._making:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                self._sessions = sessionmaker(engine, expire_on_commit=False)
            return self._sessions

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: everything in the block is committed together, or nothing."""
        from sqlalchemy.exc import SQLAlchemyError

        self._let_go_of_lost_connections()  # nothing lost yet: just start afresh
        session = self._session_factory()()
        try:
            yield session
            session.commit()
            if self._let_go_of_lost_connections():
                raise DatabaseError(JOURNAL_TAKEN.format(path=self.name))
        except SQLAlchemyError as error:
            session.rollback()
            if self.read_only:  # reading works; this was a write
                raise DatabaseError(READ_ONLY.format(path=self.name)) from error
            raise DatabaseError(self.backend.describe(error)) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            self._let_go_if_closed()

    def _let_go_if_closed(self) -> None:
        """A call that came after close() (a late save, a timer) leaves no connection open
        behind it for the garbage collector to find."""
        if self._closed:
            self._dispose()

    def _let_go_of_lost_connections(self) -> bool:
        engines = [e for e in (self._engine, self._reading_engine) if e is not None]
        return bool(engines) and self.backend.let_go_of_lost_connections(engines)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection that cannot change anything, holding one snapshot for the block."""
        from sqlalchemy.exc import SQLAlchemyError

        self._let_go_of_lost_connections()  # a pooled connection never reads a deleted log
        try:
            connection = self._reader().connect()
        except SQLAlchemyError as error:
            raise DatabaseError(self.backend.describe(error)) from error
        try:
            self.backend.begin_snapshot(connection)
            yield connection
        except SQLAlchemyError as error:
            raise DatabaseError(self.backend.describe(error)) from error
        finally:
            try:
                connection.rollback()
            finally:
                connection.close()
                self._let_go_if_closed()

    def close(self) -> None:
        self._closed = True
        self._dispose()
        self.backend.release()

    def _dispose(self) -> None:
        for engine in (self._engine, self._reading_engine):
            if engine is not None:
                engine.dispose()


def _backend(location: Path | str) -> Backend:
    if is_server_address(str(location)) and not isinstance(location, Path):
        from app.db.postgres import PostgresServer

        return PostgresServer(str(location))
    from app.db.sqlite_file import SqliteFile  # the SQLite driver, the checks: when opened

    return SqliteFile(Path(location))
