"""A second copy on the same database is told that another copy has it open."""

from __future__ import annotations

from pathlib import Path

from app.ui.instance_lock import DatabaseLock


def test_second_copy_is_told_and_first_is_not(db_path: Path) -> None:
    first, second = DatabaseLock(db_path), DatabaseLock(db_path)
    assert first.acquire() is None
    message = second.acquire()
    assert message is not None and "already open in another copy" in message
    first.release()
    assert second.acquire() is None
    second.release()
