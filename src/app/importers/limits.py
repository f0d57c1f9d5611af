"""Size limits that keep a hostile or broken file from exhausting memory or time."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.domain.errors import ImportFailure

MAX_FILE_BYTES = 200 * 1024 * 1024
"""No real report or response comes near this; a bigger file is refused before reading."""
MAX_DOCX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_DOCX_XML_PART = 64 * 1024 * 1024
"""The XML of the longest real Word report is a few megabytes."""
MAX_DOCX_ENTRIES = 10_000
MAX_PDF_PAGES = 2_000
MAX_TEXT_CHARS = 20_000_000
"""Text longer than this (about 4,000 pages) is not a report."""


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
