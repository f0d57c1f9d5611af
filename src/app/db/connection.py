"""The one SQLite file, with the standard library only: where it may live, the PRAGMAs every
connection gets, read-only connections, and SQLite's errors in plain words.

Nothing here imports SQLAlchemy, so a command that only reads (``list``, ``export``…) can open
the file and read from it without loading the ORM (about half a second on an office PC).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from app.domain.errors import DatabaseError

BUSY_TIMEOUT_MS = 5000


def apply_pragmas(connection: Any, _record: Any = None) -> None:
    """The settings every writing connection needs (also SQLAlchemy's ``connect`` listener)."""
    cursor = connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


DATABASE_FILE_ENDS = ("", "-wal", "-shm", "-journal")


def is_database_file(database: Path, candidate: Path | str) -> bool:
    """True when ``candidate`` is the database at ``database`` or one of SQLite's files beside
    it: the program must never read or write those itself (it would release SQLite's locks,
    or overwrite the records), whatever a person picks in a file dialog."""
    live = database.expanduser().resolve()
    target = Path(candidate).expanduser().resolve()
    return any(target == live.with_name(live.name + end) for end in DATABASE_FILE_ENDS)


def close_without_checkpoint(connection: Any) -> None:
    """Mark ``connection`` so that closing it does not copy its log into the database file.

    For a connection whose ``-wal`` file another program deleted: the log it still holds must
    not be copied over pages the other program may have written since. Only Python 3.12 and
    later can say so; elsewhere SQLite checkpoints on close only when no other program has the
    file open, which is the common case after a deletion.
    """
    option = getattr(sqlite3, "SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE", None)
    if option is not None and hasattr(connection, "setconfig"):
        connection.setconfig(option, True)


def is_network_path(path: Path) -> bool:
    """True for a UNC path or (on Windows) a mapped network drive.

    SQLite's WAL mode and file locking are unreliable over SMB, so the live database must be
    on a local disk (docs/product.md, "Decisions that settle common questions").
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(str(path.resolve()))[0]
        if drive:
            drive_remote = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
    return False


def prepare_location(path: Path, *, create_folder: bool = True) -> None:
    """Refuse a network drive or a folder, and create the file's folder (when
    ``create_folder``); DatabaseError if not."""
    if is_network_path(path):
        raise DatabaseError(
            f"The database cannot be kept on a network drive ({path}): SQLite is not reliable "
            "there. Keep it on this computer and save backups or exports to the share instead."
        )
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    if not create_folder:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            f"Cannot create the folder for the database ({path.parent}): {error.strerror or error}."
        ) from error


def connect_read_only(path: Path, *, untouched: bool = False) -> sqlite3.Connection:
    """A connection that can neither create the file nor write to it, in autocommit mode.

    The caller starts a transaction (``BEGIN``) to read several tables as one snapshot.
    ``untouched`` reads the main file alone (SQLite's ``immutable``): no lock, and no ``-wal``
    or ``-shm`` file made beside it, for a first look at a file that may not be ours.
    """
    # A URI, built from the path so that "%20", "?" or "#" in a folder name stay part of it.
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if untouched else "?mode=ro")
    connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA query_only=ON")
    except BaseException:
        connection.close()
        raise
    return connection


def describe_sqlite_error(error: BaseException, path: Path) -> str:
    """One sentence a person can act on, from an SQLite or SQLAlchemy error."""
    original = getattr(error, "orig", error)
    text = str(original).lower()
    if "file is not a database" in text or "malformed" in text:
        return (
            f"{path} is damaged or is not an OPCC Inspection Responses database. Restore a "
            "backup, or choose another file."
        )
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return (
            f"Cannot open {path} for writing: check that the folder exists and you may write to it."
        )
    if "locked" in text or "busy" in text:
        return f"{path} is busy in another program; try again in a moment."
    if isinstance(original, sqlite3.Error):
        return f"The database {path} reported a problem: {original}."
    return f"The database {path} could not be used: {original}."
