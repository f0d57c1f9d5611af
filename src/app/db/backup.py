"""Consistent copies of a live SQLite database, through SQLite's online backup API, and the
way back: a copy's pages written into the live database.

A copy is made in a temporary file beside its destination, switched to an ordinary rollback
journal (one self-contained file, fit for a network share or a USB stick), checked, and only
then renamed into place: a full disk or a pulled cable never leaves half a backup under the
backup's name. Everything here is sqlite3 and the standard library.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.db.connection import (
    BUSY_TIMEOUT_MS,
    DATABASE_FILE_ENDS,
    apply_pragmas,
    connect_read_only,
    describe_os_error,
    describe_sqlite_error,
    is_database_file,
)
from app.domain.errors import DatabaseError

FileCopyError = sqlite3.Error
"""What copying pages between database files raises (``write_into``, ``replace_damaged``)."""

_MOMENT = "%Y%m%d-%H%M%S"
_NAME = r"-(?P<label>[a-z0-9-]+)-(?P<moment>\d{8}-\d{6})\.sqlite3"
AUTOMATIC = "auto"
"""The label of the backups made at start-up, the only ones rotation deletes."""


def backup_database(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` to ``destination``, safely even while it is in use.

    The copy is checked (``quick_check``) before it takes its name; an existing file there is
    replaced. Raises DatabaseError with one sentence.
    """
    if is_database_file(source, destination):
        raise DatabaseError(
            f"{destination} is the database itself (or one of its files); back it up elsewhere."
        )
    folder = destination.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".tmp", dir=folder)
        os.close(handle)
    except OSError as error:
        raise DatabaseError(
            f"Cannot back up the database to {folder}: {describe_os_error(error)}."
        ) from error
    temporary = Path(name)
    try:
        _copy_pages(source, temporary)
        os.replace(temporary, destination)
    except sqlite3.Error as error:
        raise DatabaseError(
            f"Could not back up the database to {destination}: "
            f"{_sqlite_reason(error, destination)}."
        ) from error
    except OSError as error:
        raise DatabaseError(
            f"Could not back up the database to {destination}: {describe_os_error(error)}."
        ) from error
    finally:
        for end in DATABASE_FILE_ENDS:
            Path(str(temporary) + end).unlink(missing_ok=True)
    return destination


def _copy_pages(source: Path, target: Path) -> None:
    with closing(connect_read_only(source)) as live, closing(sqlite3.connect(target)) as copy:
        live.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one file, with no -wal beside it
        problems = [row[0] for row in copy.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("database disk image is malformed")


def _sqlite_reason(error: sqlite3.Error, path: Path) -> str:
    text = str(error).lower()
    if "full" in text:
        return "the disk is full"
    if "malformed" in text or "not a database" in text:
        return "the database is damaged, so the copy would be too"
    return describe_sqlite_error(error, path).rstrip(".")


def write_into(live: Path, copy: Path) -> None:
    """Replace every page of the live database with those of ``copy``, through SQLite's
    locks, so that other connections (other copies of the program) see the change whole."""
    with closing(connect_read_only(copy)) as source, closing(
        sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)
    ) as target:
        apply_pragmas(target)
        source.backup(target)


def replace_damaged(live: Path, copy: Path) -> None:
    """Put a copy of ``copy`` where the damaged database ``live`` was, with its stale
    ``-wal`` and ``-shm`` gone (the caller keeps copies of them first)."""
    temporary = live.with_name(f".{live.name}.restoring")
    try:
        Path(str(temporary) + "-journal").unlink(missing_ok=True)
        temporary.unlink(missing_ok=True)
        _copy_pages(copy, temporary)
        for end in ("-wal", "-shm"):
            Path(str(live) + end).unlink(missing_ok=True)
        os.replace(temporary, live)
    finally:
        temporary.unlink(missing_ok=True)


def keep_raw_copy(live: Path, destination: Path) -> list[Path]:
    """Byte copies of a damaged database and its log (SQLite cannot read it to back it up)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    kept = []
    for end in ("", "-wal"):
        original = Path(str(live) + end)
        if original.is_file():
            target = Path(str(destination) + end)
            shutil.copyfile(original, target)
            kept.append(target)
    return kept


def timestamped_name(stem: str, label: str, now: dt.datetime | None = None) -> str:
    moment = (now or dt.datetime.now()).strftime(_MOMENT)
    return f"{stem}-{label}-{moment}.sqlite3"


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    label: str
    made: dt.datetime
    """Local time, as written in the name."""


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The backups of the database named ``stem`` in ``folder``, newest first."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    name = re.compile(re.escape(stem) + _NAME)
    for entry in entries:
        match = name.fullmatch(entry.name)
        if match is None or not entry.is_file():
            continue
        made = dt.datetime.strptime(match.group("moment"), _MOMENT)
        found.append(BackupFile(entry, match.group("label"), made))
    return sorted(found, key=lambda backup: (backup.made, backup.path.name), reverse=True)


def to_delete(backups: Iterable[BackupFile], daily: int, weekly: int) -> list[BackupFile]:
    """The automatic backups rotation removes: it keeps the newest of each of the last
    ``daily`` days that have one and the newest of each of the last ``weekly`` weeks (ISO
    weeks) that have one. Backups with any other label are never removed."""
    automatic = sorted(
        (b for b in backups if b.label == AUTOMATIC), key=lambda b: b.made, reverse=True
    )
    keep: set[Path] = set()
    for period, count in ((_day, daily), (_week, weekly)):
        seen: list[tuple[int, ...]] = []
        for backup in automatic:
            key = period(backup.made)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(backup.path)
    return [b for b in automatic if b.path not in keep]


def _day(moment: dt.datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: dt.datetime) -> tuple[int, ...]:
    year, week, _ = moment.isocalendar()
    return (year, week)
