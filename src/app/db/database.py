"""The composition root of the record store: one file, read with sqlite3, written with the ORM.

Reading (``reading()``) goes through the standard library's sqlite3 and ``app.db.reader``;
writing and the register's queries (``transaction()``) go through SQLAlchemy, whose engine is
made on first use. A command that only reads therefore never loads SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.connection import connect_read_only, describe_sqlite_error, prepare_location
from app.db.identity import FileKind, identify
from app.db.journal_watch import deleted_database_files
from app.domain.errors import AppError, DatabaseError

JOURNAL_TAKEN = (
    "Another program removed the database's journal from under this window ({path}), so the "
    "last change did not reach the file. It is still on screen and will be saved again."
)
NOT_OURS = "{path} is an SQLite database, but not one of OPCC Inspection Responses."
NEWER = (
    "{path} was written by a newer version of OPCC Inspection Responses; install that version "
    "to open it."
)


class NoDatabaseYet(DatabaseError):
    """A command that only reads found no database where it looked (nothing recorded yet)."""

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


class Database:
    """One open database file. Create it once (in ``cli`` or the UI) and pass it down.

    ``transaction()`` is the unit of work: it commits, or rolls back and raises a
    :class:`DatabaseError` whose message a person can read. ``reading()`` is a consistent,
    read-only view of the file for the reading use cases.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.upgrade_backup: Path | None = None
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._making = threading.Lock()  # background tasks may be first to need the engine

    @classmethod
    def open(cls, path: Path, *, writable: bool = True) -> Database:
        """Open the database at ``path``, creating or upgrading it as needed.

        The file is identified first, on a read-only connection: a foreign or newer file is
        refused untouched. With ``writable=False`` (the commands that only read) a missing,
        empty or older file is refused too, so that reading never creates or changes a file.
        """
        path = Path(path)
        prepare_location(path, create_folder=writable)
        try:
            identity = identify(path)
        except sqlite3.Error as error:
            raise DatabaseError(describe_sqlite_error(error, path)) from error
        if identity.kind is FileKind.FOREIGN:
            raise DatabaseError(NOT_OURS.format(path=path))
        if identity.kind is FileKind.NEWER:
            raise DatabaseError(NEWER.format(path=path))
        if not writable and identity.kind is FileKind.NEW:
            raise NoDatabaseYet(f"There is no database at {path} yet: nothing has been recorded.")
        if not writable and identity.kind is FileKind.OLDER:
            raise DatabaseError(
                f"{path} was made by an earlier version and must be upgraded before it can be "
                "read: open it in the application once (a backup is made first)."
            )
        database = cls(path)
        try:
            if identity.kind is not FileKind.CURRENT:
                database._upgrade()
        except sqlite3.Error as error:
            database.close()
            raise DatabaseError(describe_sqlite_error(error, path)) from error
        except AppError:
            database.close()
            raise
        return database

    def _upgrade(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from app.db.migrate import upgrade_to_head  # Alembic is slow to import

        try:
            self.upgrade_backup = upgrade_to_head(self.engine, self.path)
        except SQLAlchemyError as error:
            raise DatabaseError(describe_sqlite_error(error, self.path)) from error

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy loaded) on first use."""
        with self._making:
            if self._engine is None:
                from app.db.engine import create_sqlite_engine

                self._engine = create_sqlite_engine(self.path)
            return self._engine

    def _session_factory(self) -> sessionmaker[Session]:
        engine = self.engine
        with self._making:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                self._sessions = sessionmaker(engine, expire_on_commit=False)
            return self._sessions

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        from sqlalchemy.exc import SQLAlchemyError

        self._let_go_of_deleted_files()  # nothing lost yet: just start on the real files
        session = self._session_factory()()
        try:
            yield session
            session.commit()
            if self._let_go_of_deleted_files():
                raise DatabaseError(JOURNAL_TAKEN.format(path=self.path))
        except SQLAlchemyError as error:
            session.rollback()
            raise DatabaseError(describe_sqlite_error(error, self.path)) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _let_go_of_deleted_files(self) -> bool:
        """Close our connections if they hold database files that another program deleted
        (see :mod:`app.db.journal_watch`); True when they did."""
        if self._engine is None or not deleted_database_files(self.path):
            return False
        from app.db.engine import forget_deleted_files

        forget_deleted_files(self._engine)
        return True

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection holding one snapshot of the file for the ``with`` block."""
        try:
            connection = connect_read_only(self.path)
        except sqlite3.Error as error:
            raise DatabaseError(describe_sqlite_error(error, self.path)) from error
        try:
            connection.execute("BEGIN")
            yield connection
        except sqlite3.Error as error:
            raise DatabaseError(describe_sqlite_error(error, self.path)) from error
        finally:
            connection.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
