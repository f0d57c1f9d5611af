"""Writing a whole file safely: through a temporary file in the same folder, then a rename, so
that a crash or a full disk never leaves half a file where a good one was."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.domain.errors import AppError

_NEW_FILE_MODE = 0o644  # mkstemp's 0o600 would hide a published document from colleagues


def replace_file(path: Path | str, data: bytes, *, what: str, error: type[AppError]) -> None:
    """Write ``data`` to ``path``; a place that cannot be written raises ``error`` in plain words.

    ``what`` names the file for the message ("the document", "the archive").
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise error(f"Cannot save {what} as {path}: that is a folder.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as failure:
        raise error(f"Cannot save {what} in {folder}: {failure.strerror or failure}.") from failure
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as failure:
        Path(temporary).unlink(missing_ok=True)
        raise error(f"Cannot save {what} as {path}: {failure.strerror or failure}.") from failure


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file is readable by all."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return _NEW_FILE_MODE
