"""Files for the tests of damaged, foreign and unreadable databases."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def _root_page(path: Path, table: str) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    return int(size), int(root)


def damage(path: Path, table: str = "inspection") -> bytes:
    """Overwrite the header of ``table``'s first page, as a failing disk might; the schema on
    page 1 stays readable, so the file still looks like ours. Returns the damaged bytes."""
    size, root = _root_page(path, table)
    data = bytearray(path.read_bytes())
    offset = (root - 1) * size
    data[offset : offset + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    return bytes(data)


def unreadable_text(path: Path, table: str, column: str, row_id: int) -> None:
    """Store bytes that are not UTF-8 as the text of one field."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            f"UPDATE {table} SET {column} = CAST(? AS TEXT) WHERE id = ?",
            (b"Line one\nLine two \xff\xfe broken\nLine three", row_id),
        )


def foreign(path: Path) -> bytes:
    """Another program's SQLite database."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        connection.execute("INSERT INTO notes (text) VALUES ('mine')")
    return path.read_bytes()
