"""The composition root of the record store: one file, read with sqlite3, written with the ORM.

Reading (``reading()``) goes through the standard library's sqlite3 and ``app.db.reader``;
writing and the register's queries (``transaction()``) go through SQLAlchemy, whose engine is
made on first use. A command that only reads therefore never loads SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.connection import (
    DATABASE_FILE_ENDS,
    can_write,
    connect_read_only,
    describe_sqlite_error,
    prepare_location,
)
from app.db.identity import FileKind, identify
from app.db.integrity import quick_problems
from app.db.journal_watch import deleted_database_files
from app.domain.errors import DatabaseError

JOURNAL_TAKEN = (
    "Another program removed the database's journal from under this window ({path}), so the "
    "last change did not reach the file. It is still on screen and will be saved again."
)
NOT_OURS = "{path} is an SQLite database, but not one of OPCC Inspection Responses."
NEWER = (
    "{path} was written by a newer version of OPCC Inspection Responses; install that version "
    "to open it."
)


DAMAGED = (
    "{path} is damaged, so nothing will be written to it: restore the newest good backup "
    "(File → Restore from backup…, or the restore command); 'check' lists what is wrong."
)
READ_ONLY = (
    "{path} is read-only (the file, its folder or its disk), so nothing can be changed; you "
    "can still read, print and export."
)
SQLITE_HEADER = b"SQLite format 3\x00"


class NoDatabaseYet(DatabaseError):
    """A command that only reads found no database where it looked (nothing recorded yet)."""


class DamagedDatabase(DatabaseError):
    """The file is an SQLite database SQLite finds damaged; it is left exactly as it is."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(DAMAGED.format(path=path))
        self.path = path
        self.problems = problems


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
        self.read_only = False
        """Opened on a file this process may not change: every transaction is refused."""
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
        except sqlite3.OperationalError as error:
            raise DatabaseError(describe_sqlite_error(error, path)) from error
        except sqlite3.DatabaseError as error:
            if not _is_sqlite_file(path):
                raise DatabaseError(describe_sqlite_error(error, path)) from error
            raise DamagedDatabase(path, [str(error)]) from error
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
        if writable and identity.kind is not FileKind.NEW:
            _check_sound(path)
        database = cls(path)
        database.read_only = writable and not can_write(path) and identity.kind is not FileKind.NEW
        if database.read_only and identity.kind is FileKind.OLDER:
            raise DatabaseError(
                f"{path} was made by an earlier version and must be upgraded, but it is "
                "read-only: copy it somewhere you may write to, or ask IT to make it writable."
            )
        if not writable:
            database.read_only = True
        existed = path.exists()
        try:
            if identity.kind is not FileKind.CURRENT:
                database._upgrade()
        except BaseException as error:
            database.close()
            if not existed:
                _remove_unfinished(path)
            if isinstance(error, sqlite3.Error):
                raise DatabaseError(describe_sqlite_error(error, path)) from error
            raise
        return database

    def reopen(self) -> None:
        """Let go of every connection and look at the file afresh, upgrading it if it is now
        older (after a restore); the same object, so every view holding it carries on."""
        self.close()
        self._engine = None
        self._sessions = None
        try:
            if identify(self.path).kind is FileKind.OLDER:
                self._upgrade()
        except sqlite3.Error as error:
            raise DatabaseError(describe_sqlite_error(error, self.path)) from error

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

                self._engine = create_sqlite_engine(self.path, read_only=self.read_only)
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
            if self.read_only:  # reading works; this was a write
                raise DatabaseError(READ_ONLY.format(path=self.path)) from error
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


def _check_sound(path: Path) -> None:
    """SQLite's quick check before anything is written: a damaged file is left alone."""
    try:
        problems = quick_problems(path)
    except sqlite3.OperationalError as error:
        raise DatabaseError(describe_sqlite_error(error, path)) from error
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    if problems:
        raise DamagedDatabase(path, problems)


def _is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` starts as an SQLite database does (read before any connection of ours
    holds the file, so this look cannot release SQLite's locks)."""
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _remove_unfinished(path: Path) -> None:
    """A database that could not be made leaves nothing behind (no 0-byte file)."""
    for end in DATABASE_FILE_ENDS:
        with contextlib.suppress(OSError):
            Path(f"{path}{end}").unlink(missing_ok=True)
