"""The one SQLite file, with the standard library only: where it may live, the PRAGMAs every
connection gets, read-only connections, and SQLite's errors in plain words.

Nothing here imports SQLAlchemy, so a command that only reads (``list``, ``export``…) can open
the file and read from it without loading the ORM (about half a second on an office PC).
"""

from __future__ import annotations

import errno
import os
import shutil
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


NETWORK_FILE_SYSTEMS = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ncpfs", "coda", "fuse.sshfs", "davfs"}
)
"""Linux mounts of a share: Windows (SMB), NFS, and the rarer ones an office might use."""

NETWORK_REFUSED = (
    "The database cannot be kept on a network drive ({path}): SQLite's locking is not reliable "
    "there, and a slip of the network can damage the file. Keep it on this computer's own "
    "disk and save backups to the share (File → Back up now…); several people sharing one "
    "register need a shared database server, not a shared file."
)


def is_network_path(path: Path) -> bool:
    """True for a UNC path, a mapped network drive (Windows) or a network mount (Linux).

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
    if sys.platform.startswith("linux"):
        try:
            mounts = Path("/proc/self/mounts").read_text("utf-8", "replace")
        except OSError:
            return False
        return mount_type(path.resolve(), mounts) in NETWORK_FILE_SYSTEMS
    return False


def mount_type(path: Path, mounts: str) -> str:
    """The file system type of the mount holding ``path``, from a ``/proc/mounts`` text."""
    best, kind = -1, ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (path == Path(point) or Path(point) in path.parents) and len(point) > best:
            best, kind = len(point), fields[2]
    return kind


def prepare_location(path: Path, *, create_folder: bool = True) -> None:
    """Refuse a network drive or a folder, and create the file's folder (when
    ``create_folder``); DatabaseError if not."""
    if is_network_path(path):
        raise DatabaseError(NETWORK_REFUSED.format(path=path))
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


def can_write(path: Path) -> bool:
    """Whether this process may change the database at ``path``: SQLite needs to write the
    file (when there is one) and to make its ``-wal`` and ``-shm`` files in its folder."""
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(path.parent, os.W_OK)


def must_read_untouched(path: Path) -> bool:
    """True when SQLite could not read ``path`` the ordinary way: a database in write-ahead
    mode needs its ``-shm`` file, which a folder nobody may write to, or a full disk, cannot
    give it. Such a file is read as it is: no other program can be changing it there either
    (a program writing to it would hold the ``-shm`` already)."""
    log = Path(f"{path}-wal")
    log_is_empty = not log.exists() or log.stat().st_size == 0
    if not os.access(path.parent, os.W_OK):
        return log_is_empty or not Path(f"{path}-shm").exists()
    return log_is_empty and disk_is_full(path)


def connect_read_only(
    path: Path, *, untouched: bool = False, shared: bool = False
) -> sqlite3.Connection:
    """A connection that can neither create the file nor write to it, in autocommit mode.

    The caller starts a transaction (``BEGIN``) to read several tables as one snapshot.
    ``untouched`` reads the main file alone (SQLite's ``immutable``): no lock, and no ``-wal``
    or ``-shm`` file made beside it, for a first look at a file that may not be ours; a file in
    a read-only folder is always read so (:func:`must_read_untouched`). ``shared``: the
    connection may be used by one thread after another (an engine's pool hands it out).
    """
    untouched = untouched or must_read_untouched(path)
    # A URI, built from the path so that "%20", "?" or "#" in a folder name stay part of it.
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if untouched else "?mode=ro")
    connection = sqlite3.connect(
        uri, uri=True, isolation_level=None, check_same_thread=not shared
    )
    try:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA query_only=ON")
    except BaseException:
        connection.close()
        raise
    return connection


DISK_NEARLY_FULL_BYTES = 1024 * 1024
"""Less free space than this beside the database, and a failed write is put down to it."""


def describe_os_error(error: OSError) -> str:
    """Why a file could not be written, in a few plain words (no errno, no traceback)."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    if isinstance(error, PermissionError):
        return "you may not write there"
    return (error.strerror or str(error)).rstrip(".")


def disk_is_full(path: Path) -> bool:
    """True when the disk holding ``path`` has (next to) no free space left."""
    folder = path.parent if not path.is_dir() else path
    try:
        return shutil.disk_usage(folder).free < DISK_NEARLY_FULL_BYTES
    except OSError:
        return False


def is_lock_busy(error: BaseException) -> bool:
    """Whether ``error`` (or an error it was raised from) is SQLite's "database is locked":
    another copy holds the write lock. (On PostgreSQL a writer waits for row locks instead;
    its counterpart would be ``LockNotAvailable`` under a ``lock_timeout``.)"""
    seen: BaseException | None = error
    while seen is not None:
        original = getattr(seen, "orig", None) or seen
        if isinstance(original, sqlite3.OperationalError):
            text = str(original).lower()
            return "locked" in text or "busy" in text
        seen = seen.__cause__
    return False


def describe_sqlite_error(error: BaseException, path: Path) -> str:
    """One sentence a person can act on, from an SQLite or SQLAlchemy error."""
    original = getattr(error, "orig", error)
    text = str(original).lower()
    if "database or disk is full" in text or (
        ("disk i/o error" in text or "unable to open" in text) and disk_is_full(path)
    ):
        return (
            f"The disk holding the database ({path.parent}) is full, so nothing can be saved "
            "until some space is freed there; reading and exporting elsewhere still work."
        )
    if "could not decode to utf-8" in text:
        return (
            f"{path} is damaged: some of its text cannot be read. Run 'check' for details, "
            "and restore a backup."
        )
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
