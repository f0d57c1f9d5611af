"""The banner over the whole window for a database the program may not write to."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.enums import RagState
from app.ui.rag import rag_style_sheet

READ_ONLY_WORDS = (
    "This database is read-only: you can read, print, export and back it up, but not change "
    "anything. To work in it, ask IT to make the file and its folder writable, or restore a "
    "backup somewhere you may write to."
)


class ReadOnlyFrame(QWidget):
    """``content`` under a banner saying that nothing can be changed (accessible name
    "Read-only"), shown once the database turns out to be one the program may not write to
    (the window is made before its database is open, so the banner is made only then)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(content, 1)
        self.banner: QLabel | None = None

    def set_read_only(self, read_only: bool) -> None:
        if read_only and self.banner is None:
            from PySide6.QtCore import Qt  # see app.ui.main_window: not before the first paint

            self.banner = QLabel(READ_ONLY_WORDS, self)
            self.banner.setObjectName("readOnlyBanner")
            self.banner.setAccessibleName("Read-only")
            self.banner.setWordWrap(True)
            self.banner.setTextFormat(Qt.TextFormat.PlainText)
            self.banner.setStyleSheet(rag_style_sheet(RagState.DUE_SOON) + " padding: 6px;")
            self._layout.insertWidget(0, self.banner)
        if self.banner is not None:
            self.banner.setVisible(read_only)
