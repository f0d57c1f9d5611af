"""Backups, restores and checks of the database file (docs/interfaces.md, "Command line").

They work on the file's path rather than on an open :class:`Database`: a restore is most
needed when the file is damaged and cannot be opened, and a check must report on any file.
Automatic backups sit in ``backups/`` beside the database (``app.paths.backups_dir``), named
``<stem>-auto-<yyyymmdd-hhmmss>.sqlite3``; a person's own go wherever they choose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.db import backup as files
from app.db.connection import describe_sqlite_error, is_database_file, prepare_location
from app.db.identity import FileKind, UnreadableFile, identify
from app.db.integrity import Examination, examine
from app.domain.errors import DatabaseError, ValidationError
from app.paths import backups_dir

DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """How many automatic backups are kept: the newest of each of the last ``daily`` days
    and of the last ``weekly`` weeks (``app.db.backup.to_delete``)."""

    daily: int = 14
    weekly: int = 8


@dataclass(frozen=True, slots=True)
class RestoreOutcome:
    restored_from: Path
    kept_as: list[Path]
    """Where the file that was replaced was kept first (empty when there was none)."""
    examination: Examination
    """What the restored file holds."""

    def describe(self) -> str:
        counts = self.examination.counts
        held = f"{counts.get('inspection', 0)} inspection(s)"
        kept = f"; the file it replaced was kept as {self.kept_as[0]}" if self.kept_as else ""
        return f"Restored {held} from {self.restored_from}{kept}"


def default_backup_name(db_path: Path, today: dt.date | None = None) -> str:
    """What File → Back up now… offers as the file's name."""
    return f"{db_path.stem}-backup-{(today or dt.date.today()):%Y-%m-%d}.sqlite3"


def back_up(db_path: Path, destination: Path) -> Path:
    """A copy of the database at ``db_path`` as ``destination`` (any folder, a share too)."""
    _ours(db_path, "back up")
    return files.backup_database(db_path, destination)


def automatic_backup(
    db_path: Path, policy: BackupPolicy, now: dt.datetime | None = None
) -> Path | None:
    """At start-up: a backup in ``backups/`` when the newest automatic one is over a day old
    (or there is none), then the rotation. None when none was due."""
    now = now or dt.datetime.now()
    folder = backups_dir(db_path)
    existing = files.list_backups(folder, db_path.stem)
    newest = next((b for b in existing if b.label == files.AUTOMATIC), None)
    if newest is not None and now - newest.made < DAY:
        return None
    made = files.backup_database(
        db_path, folder / files.timestamped_name(db_path.stem, files.AUTOMATIC, now)
    )
    for old in files.to_delete(files.list_backups(folder, db_path.stem), policy.daily,
                               policy.weekly):  # fmt: skip
        old.path.unlink(missing_ok=True)
    return made


def newest_good_backup(db_path: Path) -> files.BackupFile | None:
    """The newest backup in ``backups/`` that is whole and ours (for a damaged database)."""
    for candidate in files.list_backups(backups_dir(db_path), db_path.stem):
        found = examine(candidate.path)
        if found.sound and found.identity is not None and found.identity.kind in (
            FileKind.CURRENT, FileKind.OLDER,
        ):  # fmt: skip
            return candidate
    return None


def check_file(path: Path) -> Examination:
    """Everything ``check`` reports; never writes (``app.db.integrity.examine``)."""
    return examine(path)


def restore(db_path: Path, source: Path, now: dt.datetime | None = None) -> RestoreOutcome:
    """Put the backup ``source`` in place of the database at ``db_path``.

    ``source`` is examined first and refused, before anything is touched, unless it is a
    sound database of this application (of this version or an earlier one, which is upgraded
    when next opened). The file it replaces is kept first in ``backups/``: through SQLite's
    backup when it is sound, or byte for byte when it is damaged. A sound database is
    rewritten through SQLite's locks (another copy of the program sees the change whole); a
    damaged or missing one is replaced by a new file.
    """
    if is_database_file(db_path, source):
        raise ValidationError(f"{source} is the database itself; choose a backup to restore.")
    prepare_location(db_path)
    found = _restorable(source)
    stamp = now or dt.datetime.now()
    live = _live_state(db_path)
    kept: list[Path] = []
    folder = backups_dir(db_path)
    try:
        if live == "sound":
            name = files.timestamped_name(db_path.stem, "before-restore", stamp)
            kept = [files.backup_database(db_path, folder / name)]
            files.write_into(db_path, source)
        else:
            if live == "damaged":
                name = files.timestamped_name(db_path.stem, "damaged", stamp)
                kept = files.keep_raw_copy(db_path, folder / name)
            files.replace_damaged(db_path, source)
    except files.FileCopyError as error:
        raise DatabaseError(describe_sqlite_error(error, db_path)) from error
    except OSError as error:
        raise DatabaseError(
            f"Could not restore {source} as {db_path}: {error.strerror or error}."
        ) from error
    return RestoreOutcome(source, kept, found)


def _restorable(source: Path) -> Examination:
    if not source.is_file():
        raise ValidationError(f"{source} does not exist, or is not a file.")
    found = examine(source)
    kind = found.identity.kind if found.identity is not None else None
    if kind is FileKind.NEWER:
        raise ValidationError(
            f"{source} was written by a newer version of OPCC Inspection Responses; install "
            "that version to restore it. Nothing was changed."
        )
    if kind in (FileKind.NEW, FileKind.FOREIGN):
        raise ValidationError(
            f"{source} is not a backup of OPCC Inspection Responses. Nothing was changed."
        )
    if not found.sound:
        raise ValidationError(
            f"{source} is damaged, so it cannot be restored; choose another backup. Nothing "
            "was changed."
        )
    return found


def _live_state(db_path: Path) -> str:
    """"missing" (no file, or an empty one), "sound" (ours, or SQLite can read it whole),
    or "damaged". A foreign SQLite database is refused: it is somebody else's file."""
    try:
        if db_path.stat().st_size == 0:
            return "missing"
    except FileNotFoundError:
        return "missing"
    try:
        identity = identify(db_path)
    except UnreadableFile:
        return "damaged"
    if identity.kind is FileKind.FOREIGN:
        raise ValidationError(
            f"{db_path} is another program's database, not one of OPCC Inspection Responses; "
            "restore the backup elsewhere (--db). Nothing was changed."
        )
    return "sound" if examine(db_path).sound else "damaged"


def _ours(db_path: Path, what: str) -> None:
    try:
        identity = identify(db_path)
    except UnreadableFile as error:
        raise DatabaseError(
            f"Cannot {what} {db_path}: it is damaged ({error}); restore a backup instead."
        ) from error
    if identity.kind is FileKind.NEW:
        raise DatabaseError(f"There is no database at {db_path} yet: nothing to {what}.")
    if identity.kind is FileKind.FOREIGN:
        raise DatabaseError(
            f"{db_path} is an SQLite database, but not one of OPCC Inspection Responses."
        )
