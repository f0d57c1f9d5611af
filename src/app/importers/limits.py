"""Limits that keep a hostile or broken file from exhausting memory or time.

Sizes are checked before a file is parsed (bytes, lines, Word paragraphs, PDF pages), and the
work itself runs under a time budget: the readers and the parsers call :func:`checkpoint` as
they go, which stops an import that has taken longer than ``MAX_SECONDS`` or that the person
cancelled (``budget(…, cancelled=event)``, set from the window's progress dialog).
"""

from __future__ import annotations

import threading
import time
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.domain.errors import ImportFailure

_T = TypeVar("_T")

MAX_FILE_BYTES = 200 * 1024 * 1024
"""No real report or response comes near this; a bigger file is refused before reading."""
MAX_DOCX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_DOCX_XML_PART = 64 * 1024 * 1024
"""The XML of the longest real Word report is a few megabytes."""
MAX_DOCX_ENTRIES = 10_000
MAX_DOCX_PARAGRAPHS = 50_000
"""A 300-page Word report has about 5,000 paragraphs."""
MAX_PDF_PAGES = 600
"""The longest HMICFRS report runs to a few hundred pages."""
MAX_TEXT_CHARS = 10_000_000
"""Text longer than this (about 3,000 pages) is not a report."""
MAX_TEXT_LINES = 100_000
"""A report saved as text, its lines wrapped, runs to some 20,000 lines."""
MAX_SECONDS = 20.0
"""An import that takes longer than this is stopped: no real report needs a tenth of it."""


def read_limited(path: Path, name: str) -> bytes:
    """The bytes of a file, refusing missing, unreadable, empty and oversized files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFailure(f"{name} does not exist.") from None
    except OSError as error:
        raise ImportFailure(f"{name} cannot be read: {error.strerror or error}.") from None
    if path.is_dir():
        raise ImportFailure(f"{name} is a folder, not a file.")
    if size > MAX_FILE_BYTES:
        raise ImportFailure(f"{name} is too large to import ({size // (1024 * 1024)} MB).")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailure(f"{name} cannot be read: {error.strerror or error}.") from None
    if not data.strip():
        raise ImportFailure(f"{name} is empty.")
    return data


def check_text_length(text: str, name: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ImportFailure(f"{name} holds too much text to be a report or a response.")


def check_docx_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip whose declared contents are implausibly large (a "zip bomb").

    ``zipfile`` never inflates an entry past its declared size (it stops and reports a bad
    CRC), so checking the declared sizes before python-docx reads anything is enough.
    """
    entries = archive.infolist()
    if len(entries) > MAX_DOCX_ENTRIES:
        raise ImportFailure(f"{name} has too many parts to be a Word document.")
    total = 0
    for entry in entries:
        total += entry.file_size
        is_xml = entry.filename.endswith((".xml", ".rels"))
        if (is_xml and entry.file_size > MAX_DOCX_XML_PART) or total > MAX_DOCX_UNCOMPRESSED:
            raise ImportFailure(
                f"{name} would expand to an implausible size when opened; it is refused as unsafe."
            )


def check_line_count(text: str, name: str) -> None:
    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise ImportFailure(
            f"{name} has {lines:,} lines, far more than a report or a response has."
        )


class ImportCancelled(ImportFailure):
    """The person cancelled the import; nothing needs saying."""


@dataclass(slots=True)
class _Budget:
    name: str
    deadline: float
    cancelled: threading.Event | None


_CURRENT: ContextVar[_Budget | None] = ContextVar("import_budget", default=None)


@contextmanager
def budget(
    name: str, *, seconds: float | None = None, cancelled: threading.Event | None = None
) -> Iterator[None]:
    """Run an import of ``name`` under the time limit (``MAX_SECONDS`` unless ``seconds``),
    stopping it when ``cancelled`` is set. Each thread has its own budget."""
    limit = MAX_SECONDS if seconds is None else seconds
    token = _CURRENT.set(_Budget(name, time.monotonic() + limit, cancelled))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def checkpoint() -> None:
    """Stop here if the import was cancelled or has run out of time (no-op outside one)."""
    current = _CURRENT.get()
    if current is None:
        return
    if current.cancelled is not None and current.cancelled.is_set():
        raise ImportCancelled(f"The import of {current.name} was cancelled.")
    if time.monotonic() > current.deadline:
        raise ImportFailure(
            f"{current.name} took too long to read (over {MAX_SECONDS:.0f} seconds): it is not "
            "an ordinary report or response, so it was left."
        )


def every(count: int, items: Iterable[_T]) -> Iterator[_T]:
    """``items``, with a :func:`checkpoint` before every ``count``-th one."""
    for number, item in enumerate(items):
        if number % count == 0:
            checkpoint()
        yield item
