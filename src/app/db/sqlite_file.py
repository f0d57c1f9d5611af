"""The SQLite file behind ``app.db.backend.Backend``: one file on this computer's own disk.

The first look at a file is taken on a read-only connection (``app.db.identity``): a foreign
or newer file is refused untouched, a damaged one is left as it is (``quick_check``), and a
command that only reads never creates or changes a file. Writes go through an engine whose
connections get the PRAGMAs (``app.db.connection``); reads through a second engine whose
connections are read-only (``mode=ro``), each read in one ``BEGIN`` … snapshot.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from app.db.backend import Opening
from app.db.connection import (
    DATABASE_FILE_ENDS,
    can_write,
    describe_sqlite_error,
    prepare_location,
)
from app.db.identity import FileKind, identify
from app.db.integrity import first_unreadable, quick_problems
from app.db.journal_watch import deleted_database_files
from app.domain.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

NOT_OURS = "{path} is an SQLite database, but not one of OPCC Inspection Responses."
NEWER = (
    "{path} was written by a newer version of OPCC Inspection Responses; install that version "
    "to open it."
)
DAMAGED = (
    "{path} is damaged, so nothing will be written to it: restore the newest good backup "
    "(File → Restore from backup…, or the restore command); 'check' lists what is wrong."
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


def sqlite_version() -> str:
    """The version of the SQLite library this Python carries (for the licences list)."""
    return sqlite3.sqlite_version


class SqliteFile:
    """The database in one SQLite file (see ``app.db.backend`` for what a backend does)."""

    on_file = True

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = str(self.path)

    def open(self, *, writable: bool) -> Opening:
        path = self.path
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
        if writable and identity.kind is FileKind.OLDER and not can_write(path):
            raise DatabaseError(
                f"{path} was made by an earlier version and must be upgraded, but it is "
                "read-only: copy it somewhere you may write to, or ask IT to make it writable."
            )
        return Opening(new=identity.kind is FileKind.NEW,
                       upgrade=identity.kind is not FileKind.CURRENT)  # fmt: skip

    def can_write(self) -> bool:
        return can_write(self.path)

    def make_engine(self, *, read_only: bool) -> Engine:
        from app.db.engine import create_sqlite_engine

        return create_sqlite_engine(self.path, read_only=read_only)

    def make_reading_engine(self) -> Engine:
        from app.db.engine import create_sqlite_engine

        return create_sqlite_engine(self.path, read_only=True)

    def begin_snapshot(self, connection: Connection) -> None:
        # The driver connection is in autocommit mode: BEGIN makes the reads that follow one
        # snapshot (SQLite takes it at the first read), ended when the connection goes back.
        connection.exec_driver_sql("BEGIN")

    def upgrade(self, engine: Engine) -> Path | None:
        from app.db.migrate import upgrade_to_head  # Alembic is slow to import

        return upgrade_to_head(engine, self.path)

    def let_go_of_lost_connections(self, engines: list[Engine]) -> bool:
        if not deleted_database_files(self.path):
            return False
        from app.db.engine import forget_deleted_files

        for engine in engines:
            forget_deleted_files(engine)
        return True

    def describe(self, error: BaseException) -> str:
        if "could not decode" in str(getattr(error, "orig", error)).lower():
            # sqlite3's own message quotes the whole damaged text, lines of it: name the record.
            place = first_unreadable(self.path)
            if place is not None:
                return (
                    f"The database is damaged: {place} cannot be read as text. Restore a "
                    "backup (File → Restore from backup…)."
                )
        return describe_sqlite_error(error, self.path)

    def remove_unfinished(self) -> None:
        for end in DATABASE_FILE_ENDS:
            with contextlib.suppress(OSError):
                Path(f"{self.path}{end}").unlink(missing_ok=True)

    def release(self) -> None:
        """Nothing: the engines are the database's own, disposed by it."""

    def is_driver_error(self, error: BaseException) -> bool:
        return isinstance(error, sqlite3.Error)


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

