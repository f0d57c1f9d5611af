"""Writing a whole file safely: through a temporary file in the same folder, then a rename, so
that a crash or a full disk never leaves half a file where a good one was."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

from app.domain.errors import AppError

_NEW_FILE_MODE = 0o644  # mkstemp's 0o600 would hide a published document from colleagues
# Antivirus or a viewer may hold the file being replaced for a moment (Windows then refuses to
# replace it): try again over about two seconds before saying so.
_RETRY_PAUSES = (0.1, 0.2, 0.3, 0.5, 0.9)


def replace_file(path: Path | str, data: bytes, *, what: str, error: type[AppError]) -> None:
    """Write ``data`` to ``path``; a place that cannot be written raises ``error`` in plain words.

    ``what`` names the file for the message ("the document", "the archive"). A read-only file
    is refused, as Word does, rather than silently made writable.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise error(f"Cannot save {what} as {path}: that is a folder.")
    mode = _mode_for(path)
    if not mode & stat.S_IWUSR:
        raise error(
            f"{path} is read-only: save {what} under another name, or make the file writable "
            "first."
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError as failure:
        raise error(
            f"Cannot save {what} in {folder}: the folder is read-only, or you may not save files "
            "in it."
        ) from failure
    except OSError as failure:
        raise error(f"Cannot save {what} in {folder}: {failure.strerror or failure}.") from failure
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        _replace_patiently(temporary, path)
    except OSError as failure:
        Path(temporary).unlink(missing_ok=True)
        raise error(_why_not_saved(what, path, failure)) from failure


def _why_not_saved(what: str, path: Path, failure: OSError) -> str:
    if isinstance(failure, _StillHeld):
        return (
            f"Cannot save {what} as {path}: it is open in another program (close it there and "
            "try again), or you may not replace it."
        )
    return f"Cannot save {what} as {path}: {failure.strerror or failure}."


class _StillHeld(PermissionError):
    """The file being replaced was still held by another program after every retry."""


def _replace_patiently(temporary: str, path: Path) -> None:
    for pause in _RETRY_PAUSES:
        try:
            os.replace(temporary, path)
            return
        except PermissionError:
            time.sleep(pause)
    try:
        os.replace(temporary, path)
    except PermissionError as failure:
        raise _StillHeld(failure.errno, failure.strerror) from failure


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file is readable by all."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return _NEW_FILE_MODE
