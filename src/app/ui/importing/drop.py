"""Drag and drop onto the window: report files, or text dragged from a browser or a document.

Widgets that take drops themselves (the response editors, text boxes) keep doing so: Qt gives
a drop to the innermost widget that accepts drops, and only the rest reach the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drag whose type can be imported, in the order given."""
    if not mime.hasUrls():
        return []
    from app.importers import SUPPORTED_SUFFIXES  # the importers load on first use

    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in SUPPORTED_SUFFIXES]


def dropped_text(mime: QMimeData) -> str:
    """Text dragged without files (a selection from a web page or a document)."""
    if mime.hasUrls() or not mime.hasText():
        return ""
    text = mime.text()
    return text if text.strip() else ""


class DropFilter(QObject):
    """An event filter that makes a widget accept report files and text.

    Signals:
        filesDropped(list): the importable files dropped, as :class:`pathlib.Path` values.
        textDropped(str): text dropped.
    """

    filesDropped = Signal(list)
    textDropped = Signal(str)

    def install(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            mime = event.mimeData()
            if dropped_files(mime) or dropped_text(mime):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            mime = event.mimeData()
            files, text = dropped_files(mime), dropped_text(mime)
            if not (files or text):
                event.ignore()
                return True
            event.acceptProposedAction()
            if files:
                self.filesDropped.emit(files)
            else:
                self.textDropped.emit(text)
            return True
        return super().eventFilter(watched, event)
