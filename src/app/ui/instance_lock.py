"""Tell a second running copy that the database is already open in another.

Two copies on one local file are allowed (SQLite handles it and every edit is version-checked),
but a person should know, so a lock file beside the database records who has it open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class DatabaseLock:
    """Holds ``<database>.lock`` for as long as this object lives (or until ``release``)."""

    def __init__(self, db_path: Path) -> None:
        self._lock = QLockFile(str(db_path) + ".lock")
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, never a slow one

    def acquire(self) -> str | None:
        """None when this is the only copy; otherwise a sentence about the other copy."""
        if self._lock.tryLock(0):
            return None
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            return None  # the folder is read-only or similar: nothing useful to say
        info = self._lock.getLockInfo()  # (pid, host name, application name); pid 0 if unknown
        pid, host = (info[0], info[1]) if info and info[0] else (0, "")
        who = f" (process {pid} on {host or 'this computer'})" if pid else ""
        return (
            f"This database is already open in another copy of the application{who}. You can "
            "carry on: every change is checked, so neither copy can overwrite the other's work "
            "without telling you."
        )

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
