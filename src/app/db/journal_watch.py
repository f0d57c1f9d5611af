"""Noticing that the database's write-ahead log was taken from under this process.

SQLite's locks on POSIX systems belong to the process, and go when any descriptor the process
holds for the file is closed, even one opened by other code. If that happens, another copy may
take itself to be the only one, checkpoint the log and delete it; this process then goes on
writing into its open, deleted ``-wal`` file and nothing it writes reaches the database. The
program itself no longer opens those files (see ``app.ui.file_dialogs``); this module is the
check that would notice it anyway: a descriptor of ours that points at a deleted database file.

Linux shows where each descriptor points in ``/proc/self/fd``; elsewhere there is nothing to
look at (Windows locks by handle and is not affected), and the check finds nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

_FDS = Path("/proc/self/fd")
_SUFFIXES = ("", "-wal", "-shm")


def deleted_database_files(path: Path) -> list[str]:
    """The files of the database at ``path`` that this process still holds open but that
    no longer exist (empty where this cannot be known)."""
    if not _FDS.is_dir():
        return []
    base = str(path.resolve())
    gone = {f"{base}{suffix} (deleted)" for suffix in _SUFFIXES}
    found = []
    try:
        entries = list(os.scandir(_FDS))
    except OSError:
        return []
    for entry in entries:
        try:
            target = os.readlink(entry.path)
        except OSError:  # closed since the listing
            continue
        if target in gone:
            found.append(target.removesuffix(" (deleted)"))
    return sorted(set(found))
