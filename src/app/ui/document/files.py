"""Where the response document goes: the formats it is saved in, file names, the default viewer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from app import documents
from app.documents.output import write_atomically
from app.domain.errors import DocumentError
from app.ui import file_dialogs
from app.ui.document import viewer_copies
from app.ui.window_state import default_settings

if TYPE_CHECKING:
    from app.documents import ResponseDocument

_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_LONGEST_STEM = 120


@dataclass(frozen=True, slots=True)
class FileFormat:
    label: str  # as in "Save as PDF…"
    suffixes: tuple[str, ...]  # the first is added to a name typed without one
    description: str
    writer: str  # the name of its writer in app.documents

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    @property
    def filter(self) -> str:
        """For the file dialog: "PDF documents (*.pdf)"."""
        return f"{self.description} ({' '.join('*' + s for s in self.suffixes)})"


class Format(Enum):
    PDF = FileFormat("PDF", (".pdf",), "PDF documents", "write_pdf")
    HTML = FileFormat("HTML", (".html", ".htm"), "Web pages", "write_html")
    DOCX = FileFormat("Word", (".docx",), "Word documents", "write_docx")


def suggested_stem(document: ResponseDocument) -> str:
    """A file name (without suffix) a person recognises: "Response to <inspection title>"."""
    copy = " (internal copy)" if document.internal else ""
    stem = _NOT_IN_NAMES.sub(" ", document.running_title + copy)
    stem = " ".join(stem.split()).strip(" .")[:_LONGEST_STEM].strip(" .")
    return stem or "Response"


def ask_save_path(
    parent: QWidget | None, file_format: Format, stem: str, folder: Path | None
) -> Path | None:
    """The file chosen in the save dialog (its suffix added if typed without), or None.

    The dialog starts in ``folder`` (the last one saved to), else where the last file was
    chosen, else Documents.
    """
    spec = file_format.value
    settings = default_settings()
    if folder is not None and folder.is_dir():
        settings.setValue(file_dialogs.LAST_FOLDER, str(folder))
    name = file_dialogs.choose_save_path(
        parent, f"Save as {spec.label}", spec.filter, f"{stem}{spec.suffix}", settings
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in spec.suffixes:
        path = path.with_name(path.name + spec.suffix)
    return path


def writer_for(file_format: Format) -> Callable[[ResponseDocument, Path], list[str]]:
    """The core writer (render and save atomically, return warnings) for ``file_format``."""
    writer: Callable[[ResponseDocument, Path], list[str]] = getattr(
        documents, file_format.value.writer
    )
    return writer


def save_pdf_bytes(data: bytes, path: Path) -> list[str]:
    """Save the PDF already rendered for the preview, so the file is exactly what was shown."""
    write_atomically(path, data)
    return []


def write_viewer_copy(data: bytes, stem: str) -> Path:
    """Write the PDF to a new temporary folder for another program to open.

    It is removed when the window closes, or at the next start if a viewer still held it.
    """
    try:
        folder = viewer_copies.new_copy_folder()
    except OSError as error:
        raise DocumentError(
            f"Cannot make a temporary copy for the viewer: {error.strerror or error}."
        ) from error
    path = folder / f"{stem}.pdf"
    write_atomically(path, data)
    return path


def open_externally(path: Path) -> bool:
    """Open ``path`` in the program the system uses for its type; False when none would."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
