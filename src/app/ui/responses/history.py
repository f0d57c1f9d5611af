"""The History panel: every saved version of the response being edited, to read and restore.

Signals:
    restoreRequested(int): restore the revision with this id into the shown response.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.services.responses import RevisionInfo
from app.services.revision_changes import describe_change
from app.ui.responses.editor import NO_HTML

PROMPT = "Click in a response to see its saved versions here."


class HistoryPanel(QWidget):
    """Lists revisions newest first; shows the chosen one; restores it on request."""

    restoreRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("History")
        self.heading = QLabel(PROMPT, self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Saved versions")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName("Saved version text")
        self.preview.setOpenLinks(False)
        self.preview.setTabChangesFocus(True)
        self.restore_button = QPushButton("&Restore this version", self)
        self.restore_button.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.restore_button)
        self.list.currentItemChanged.connect(self._current_changed)
        self.restore_button.clicked.connect(self._restore)
        self.read_only = False

    def show_revisions(self, name: str, revisions: list[RevisionInfo]) -> None:
        """Show the versions of the response called ``name`` (newest first)."""
        self.heading.setText(
            f"Saved versions of the {name}" if revisions else f"The {name} has no saved versions."
        )
        self.list.clear()
        for number, revision in enumerate(revisions):
            older = revisions[number + 1].text if number + 1 < len(revisions) else None
            when = clock.local_date_time(revision.saved_at, seconds=True)
            label = (
                f"{when} – {revision.saved_by or 'unknown'}"
                f"{' (current)' if number == 0 else ''}\n{describe_change(older, revision.text)}"
            )
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, revision.text)
        self.preview.clear()
        self.restore_button.setEnabled(False)
        if revisions:
            self.list.setCurrentRow(0)

    def clear(self) -> None:
        self.heading.setText(PROMPT)
        self.list.clear()
        self.preview.clear()
        self.restore_button.setEnabled(False)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._current_changed(self.list.currentItem(), None)

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            self.preview.clear()
            self.restore_button.setEnabled(False)
            return
        self.preview.document().setMarkdown(item.data(Qt.ItemDataRole.UserRole + 1), NO_HTML)
        current = self.list.row(item) == 0
        self.restore_button.setEnabled(not current and not self.read_only)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restoreRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
