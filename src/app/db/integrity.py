"""Is a database file sound? SQLite's own checks, foreign keys, readable text and counts, all
on a read-only connection (sqlite3 only), so that checking never changes the file.

``quick_problems`` is the fast check made at start-up before anything is written (SQLite's
``quick_check``: pages, records and their order, but not whether indexes match their tables);
``examine`` is the whole check behind the ``check`` command and a restore's scrutiny of the
file to restore.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from app.db.connection import connect_read_only
from app.db.identity import FileKind, Identity, identify

MAX_PROBLEMS = 20
"""SQLite may list thousands of damaged pages; the first few say enough."""
COUNTED = ("inspection", "finding", "response", "revision")
"""The tables whose rows ``check`` counts, in this order."""


@dataclass(slots=True)
class Examination:
    """What ``examine`` found. ``problems`` is empty for a sound file of ours."""

    identity: Identity | None = None
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    archived: int = 0

    @property
    def sound(self) -> bool:
        return not self.problems


def quick_problems(path: Path) -> list[str]:
    """SQLite's ``quick_check`` of ``path`` (through its write-ahead log): [] when sound.

    Raises ``sqlite3.Error`` when the file cannot be read at all.
    """
    with closing(connect_read_only(path)) as connection:
        return _pragma_problems(connection, "quick_check")


def examine(path: Path) -> Examination:
    """Everything ``check`` reports on ``path``; never raises for a damaged file, never writes.

    A missing, empty, foreign or newer file is reported as a problem with its identity.
    """
    found = Examination()
    try:
        found.identity = identify(path)
    except sqlite3.Error as error:
        found.problems.append(f"SQLite cannot read the file ({error}).")
        return found
    kind = found.identity.kind
    if kind is FileKind.NEW:
        found.problems.append("It holds no database (missing, empty, or without tables).")
        return found
    if kind is FileKind.FOREIGN:
        found.problems.append("It is an SQLite database, but not one of OPCC Inspection Responses.")
        return found
    steps: list[Callable[[sqlite3.Connection], object]] = [
        lambda c: found.problems.extend(_pragma_problems(c, "integrity_check")),
        lambda c: found.problems.extend(_foreign_key_problems(c)),
        lambda c: found.problems.extend(_unreadable_text(c)),
        lambda c: _count(c, found),
    ]
    try:
        with closing(connect_read_only(path)) as connection:
            for step in steps:  # each on its own: a damaged table stops one, not the others
                try:
                    step(connection)
                except sqlite3.Error as error:
                    found.problems.append(f"SQLite stopped reading the file ({error}).")
    except sqlite3.Error as error:
        found.problems.append(f"SQLite cannot read the file ({error}).")
    found.problems = list(dict.fromkeys(found.problems))  # the same failure once
    return found


def _pragma_problems(connection: sqlite3.Connection, pragma: str) -> list[str]:
    rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})")]
    return [] if rows == ["ok"] else rows


def _foreign_key_problems(connection: sqlite3.Connection) -> list[str]:
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    tables = sorted({str(row[0]) for row in broken})
    if not broken:
        return []
    return [f"{len(broken)} record(s) in {', '.join(tables)} point at records that do not exist."]


def first_unreadable(path: Path) -> str | None:
    """Where the first text that is not UTF-8 is ("the title of inspection 3"), if any."""
    try:
        with closing(connect_read_only(path)) as connection:
            for table, column, row_id in _unreadable_places(connection):
                return f"the {column} of {table} {row_id}"
    except sqlite3.Error:
        return None
    return None


def _unreadable_text(connection: sqlite3.Connection) -> Iterator[str]:
    """Text that is not UTF-8 (a damaged sector, or a tool that wrote bytes as text)."""
    for reported, (table, column, row_id) in enumerate(_unreadable_places(connection)):
        if reported >= MAX_PROBLEMS:
            return
        yield f"The {column} of {table} {row_id} is not readable text."


def _unreadable_places(connection: sqlite3.Connection) -> Iterator[tuple[str, str, object]]:
    tables = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        columns = [str(row[1]) for row in connection.execute(f'PRAGMA table_info("{table}")')]
        if "id" not in columns:
            continue
        for column in columns:
            query = (
                f'SELECT id, CAST("{column}" AS BLOB) FROM "{table}" '
                f'WHERE typeof("{column}") = \'text\''
            )
            for row_id, raw in connection.execute(query):
                try:
                    bytes(raw).decode("utf-8")
                except UnicodeDecodeError:
                    yield table, column, row_id


def _count(connection: sqlite3.Connection, found: Examination) -> None:
    tables = {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
    for table in COUNTED:
        if table in tables:
            found.counts[table] = int(
                connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            )
    if "inspection" in tables:
        found.archived = int(
            connection.execute("SELECT count(*) FROM inspection WHERE archived").fetchone()[0]
        )
