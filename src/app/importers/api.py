"""Entry points: a file or pasted text in, an :class:`ImportedInspection` out.

Every failure is an :class:`ImportFailure` with one plain sentence; a reader's own errors are
wrapped where they happen, and anything unforeseen is wrapped here, so that a caller (the
window, the command line, a worker thread) has exactly one error type to handle.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import ImportFailure
from app.importers.blocks import SourceDocument
from app.importers.decode import check_words, decode_text
from app.importers.detect import looks_like_response
from app.importers.limits import (
    MAX_TEXT_LINES,
    budget,
    check_line_count,
    check_text_length,
    checkpoint,
    read_limited,
)
from app.importers.read_text import read_text
from app.importers.report import parse_report
from app.importers.response import parse_response
from app.importers.result import ImportedInspection
from app.importers.tidy import tidy


def _text_file(data: bytes, name: str) -> SourceDocument:
    text = decode_text(data, name)
    check_text_length(text, name)
    check_line_count(text, name)
    check_words(text, name)
    return read_text(text)


# The readers of web pages, PDF and Word files load their libraries (selectolax, pypdf,
# python-docx with lxml: about a third of a second) when such a file is first imported, so that
# the window and the command line do not wait for them at start-up.


def _html_file(data: bytes, name: str) -> SourceDocument:
    from app.importers.read_html import read_html

    text = decode_text(data, name, html=True)
    check_text_length(text, name)
    return read_html(text, name)


def _pdf_file(data: bytes, name: str) -> SourceDocument:
    from app.importers.read_pdf import read_pdf

    return read_pdf(data, name)


def _docx_file(data: bytes, name: str) -> SourceDocument:
    from app.importers.read_docx import read_docx

    return read_docx(data, name)


READERS: dict[str, Callable[[bytes, str], SourceDocument]] = {
    ".txt": _text_file,
    ".text": _text_file,
    ".md": _text_file,
    ".html": _html_file,
    ".htm": _html_file,
    ".pdf": _pdf_file,
    ".docx": _docx_file,
}
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")


def import_document(
    path: str | os.PathLike[str], *, cancelled: threading.Event | None = None
) -> ImportedInspection:
    """Read a report or a response from a .txt, .html, .htm, .pdf or .docx file.

    Stops with ImportFailure after ``limits.MAX_SECONDS``, and with ``ImportCancelled`` soon
    after ``cancelled`` is set.
    """
    path = Path(path)
    name = path.name or str(path)
    reader = READERS.get(path.suffix.lower())
    if path.is_dir():
        raise ImportFailure(f"{name} is a folder, not a file.")
    if reader is None:
        if path.suffix.lower() == ".doc":
            raise ImportFailure(
                f"{name} is an old-format Word file; save it as .docx and import that."
            )
        raise ImportFailure(
            f"{name} is not a supported type; import a .txt, .html, .htm, .pdf or .docx file."
        )
    with budget(name, cancelled=cancelled):
        data = read_limited(path, name)
        return _guarded(lambda: _parse(reader(data, name), name, path.stem))


def import_text(
    text: str, source_name: str = "", *, cancelled: threading.Event | None = None
) -> ImportedInspection:
    """Read a report or a response from pasted text (limits as :func:`import_document`)."""
    name = source_name or "The pasted text"
    if not text.strip():
        raise ImportFailure(f"{name} is empty.")
    check_text_length(text, name)
    check_line_count(text, name)
    with budget(name, cancelled=cancelled):
        return _guarded(lambda: _parse(read_text(text), name, source_name))


def _parse(document: SourceDocument, name: str, source_name: str) -> ImportedInspection:
    if not document.blocks:
        raise ImportFailure(f"{name} contains no text to import.")
    if len(document.blocks) > MAX_TEXT_LINES:
        raise ImportFailure(
            f"{name} has {len(document.blocks):,} paragraphs, far more than a report or a "
            "response has."
        )
    checkpoint()
    response = looks_like_response(tidy(document.blocks))
    checkpoint()
    if response:
        return parse_response(document, source_name)
    return parse_report(document, source_name)


def _guarded(run: Callable[[], ImportedInspection]) -> ImportedInspection:
    try:
        return run()
    except ImportFailure:
        raise
    except RecursionError as error:
        raise ImportFailure("The document is nested too deeply to be read.") from error
    except MemoryError as error:
        raise ImportFailure(
            "The document is too large to be read in the memory available."
        ) from error
    except Exception as error:  # the contract: one error type, a plain sentence, cause kept
        raise ImportFailure(f"The document could not be read ({type(error).__name__}).") from error
