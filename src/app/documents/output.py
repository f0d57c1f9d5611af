"""What every writer returns, and how every writer puts its file on disk."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import DocumentError
from app.safe_write import replace_file


@dataclass(frozen=True, slots=True)
class RenderResult:
    """A rendered file and what the user should know about it (text changed, logo skipped…)."""

    data: bytes
    warnings: list[str] = field(default_factory=list)


def write_atomically(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a failure never leaves half a file.

    Raises :class:`DocumentError` with a plain sentence when the place cannot be written.
    """
    replace_file(path, data, what="the document", error=DocumentError)
