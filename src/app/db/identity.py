"""What a database file is, found out before anything is written to it.

A file is identified on a read-only connection (``mode=ro``: it cannot be created, and no
PRAGMA that writes is set) before the engine and its PRAGMAs ever touch it, so that a foreign
SQLite file refused here stays byte-identical, and a command that only reads never creates or
changes a file. Start-up only needs Alembic (about half a second of imports) when a file is new
or older than ``SCHEMA_HEAD``; tests/db/test_migrations.py keeps ``KNOWN_REVISIONS`` equal to
Alembic's chain.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from app.db.connection import connect_read_only

APPLICATION_ID = 0x4F504343  # "OPCC", in the file header (PRAGMA application_id)
KNOWN_REVISIONS = ("0001_initial", "0002_stable_ids", "0003_utc_times", "0004_spelling_words",
                   "0005_search_index", "0006_tracker")
"""Every schema revision this version can read or upgrade, oldest first."""
SCHEMA_HEAD = KNOWN_REVISIONS[-1]

UnreadableFile = sqlite3.DatabaseError
"""What :func:`identify` raises for a file SQLite cannot read (damaged, or not a database)."""


class FileKind(Enum):
    NEW = auto()
    """No file, an empty file, or an SQLite file with no tables: a database is made there."""
    CURRENT = auto()
    OLDER = auto()
    """Ours, written by an earlier version: upgraded (after a backup) before use."""
    NEWER = auto()
    """Ours, written by a later version: refused."""
    FOREIGN = auto()
    """Another program's SQLite file: refused, untouched."""


@dataclass(frozen=True, slots=True)
class Identity:
    kind: FileKind
    revision: str | None = None


def identify(path: Path) -> Identity:
    """What ``path`` holds. Raises ``sqlite3.Error`` for a file SQLite cannot read.

    The first look reads the main file alone, taking no lock and leaving nothing beside it, so
    that a foreign file is refused exactly as it was. A file that looks like ours (or may be,
    once its write-ahead log is read) gets a second, ordinary look through the log, which may
    make the log's files beside it: another copy's newest changes count.
    """
    try:
        if path.stat().st_size == 0:
            return Identity(FileKind.NEW)
    except FileNotFoundError:
        return Identity(FileKind.NEW)
    try:
        first = _identify(path, untouched=True)
    except sqlite3.DatabaseError:
        first = None  # perhaps a page caught half-written by another copy: look properly
    if first is not None and first.kind is FileKind.FOREIGN:
        return first
    return _identify(path, untouched=False)


def _identify(path: Path, *, untouched: bool) -> Identity:
    with closing(connect_read_only(path, untouched=untouched)) as connection:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
    if application_id not in (0, APPLICATION_ID):
        return Identity(FileKind.FOREIGN)
    if not tables - {"sqlite_sequence"}:
        return Identity(FileKind.NEW)
    legacy = application_id == 0 and revision == KNOWN_REVISIONS[0] and "inspection" in tables
    if application_id == 0 and not legacy:
        return Identity(FileKind.FOREIGN)
    if revision == SCHEMA_HEAD:
        return Identity(FileKind.CURRENT, revision)
    if revision in KNOWN_REVISIONS:
        return Identity(FileKind.OLDER, revision)
    if revision is None:
        return Identity(FileKind.FOREIGN)
    return Identity(FileKind.NEWER, revision)
