"""What every writer returns, and how every writer puts its file on disk."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import DocumentError

_NEW_FILE_MODE = 0o644  # mkstemp's 0o600 would hide a published document from colleagues


@dataclass(frozen=True, slots=True)
class RenderResult:
    """A rendered file and what the user should know about it (text changed, logo skipped…)."""

    data: bytes
    warnings: list[str] = field(default_factory=list)


def write_atomically(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a failure never leaves half a file.

    Raises :class:`DocumentError` with a plain sentence when the place cannot be written.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise DocumentError(f"Cannot save the document as {path}: that is a folder.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise DocumentError(
            f"Cannot save the document in {folder}: {error.strerror or error}."
        ) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise DocumentError(
            f"Cannot save the document as {path}: {error.strerror or error}."
        ) from error


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file is readable by all."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return _NEW_FILE_MODE
