"""The database file is exactly the one named, and every connection to it is closed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.db.backup import backup_database
from app.db.database import Database


@pytest.mark.parametrize("name", ["a?b.sqlite3", "100%20done.sqlite3", "x#1.sqlite3"])
def test_a_path_with_url_characters_opens_that_very_file(tmp_path: Path, name: str) -> None:
    # "%" is common in Windows folder names; a URL would read "%20" as a space and "?" as the
    # start of options, and so open (and create) another file than the one named.
    folder = tmp_path / "my data %41"
    folder.mkdir()
    database = Database.open(folder / name)
    database.close()
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".sqlite3") == [name]


def test_a_backup_closes_both_connections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "live.sqlite3"
    with sqlite3.connect(source) as setup:
        setup.execute("CREATE TABLE t (x)")
    setup.close()
    opened: list[Tracked] = []
    real_connect = sqlite3.connect

    class Tracked(sqlite3.Connection):
        closed = False

        def close(self) -> None:
            self.closed = True
            super().close()

    def connect(*args: Any, **options: Any) -> Tracked:
        connection = real_connect(*args, **options, factory=Tracked)
        assert isinstance(connection, Tracked)
        opened.append(connection)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    backup_database(source, tmp_path / "backups" / "copy.sqlite3")
    assert len(opened) == 2 and all(connection.closed for connection in opened)
