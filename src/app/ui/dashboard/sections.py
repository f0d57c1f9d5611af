"""A section of the dashboard: a heading, then one line per thing it lists, each line a button
that opens what it names (Tab reaches it, Enter or Space opens it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.enums import RagState
from app.ui.rag import rag_style_sheet

SHOWN_AT_FIRST = 8
"""Lines shown before "Show more": a database of 2,000 late inspections stays quick to show."""
SHOWN_MORE = 100
"""Lines each "Show more" adds."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line: what it says, what opening it does, and its RAG state when it has one."""

    words: str
    open: Callable[[], None]
    rag: RagState | None = None
    rag_word: str = ""
    shown: str = ""
    """The words on screen when the RAG word stands beside them in its colour ("" for all)."""


def heading_label(text: str, parent: QWidget, scale: float = 1.25) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


class LineButton(QPushButton):
    """A flat, left-aligned button whose words are cut with "…" when the line is too narrow
    (the whole line stays in its accessible name and tooltip); ``shown`` may say less than
    ``words`` when a label beside it says the rest (the RAG word)."""

    def __init__(self, words: str, parent: QWidget | None = None, shown: str = "") -> None:
        super().__init__(shown or words, parent)
        self.words = shown or words
        self.setFlat(True)
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(words)
        self.setToolTip(words)
        self.setStyleSheet("text-align: left; padding: 2px 6px;")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 20)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the line too, as a link does (a button alone answers Space)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.animateClick()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.width() - self.fontMetrics().averageCharWidth() * 3
        self.setText(self.fontMetrics().elidedText(self.words, Qt.TextElideMode.ElideRight, room))


class LineSection(QWidget):
    """A heading with its count, the lines, "Show all" when there are more, and a sentence
    when there are none."""

    def __init__(
        self, title: str, empty: str, parent: QWidget | None = None, *, counted: bool = True
    ) -> None:
        super().__init__(parent)
        self.title = title
        self._counted = counted
        self._empty = empty
        self.heading = heading_label(title, self, 1.1)
        self.none_label = QLabel(empty, self)
        self.none_label.setWordWrap(True)
        self.more = QPushButton(self)
        self.more.setAutoDefault(False)
        self.more.clicked.connect(self._show_all)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.none_label)
        layout.addLayout(self._rows)
        row = QHBoxLayout()
        row.addWidget(self.more)
        row.addStretch(1)
        layout.addLayout(row)
        self.beyond = QLabel(self)
        self.beyond.setWordWrap(True)
        layout.addWidget(self.beyond)
        self._lines: list[Line] = []
        self._total = 0
        self.buttons: list[LineButton] = []
        self.set_lines([])

    def set_empty(self, words: str) -> None:
        """The sentence shown when there are no lines."""
        self.none_label.setText(words)

    def set_lines(self, lines: Sequence[Line], total: int | None = None) -> None:
        """The lines; ``total`` when there are more than the lines given (the most urgent)."""
        self._lines = list(lines)
        self._total = len(self._lines) if total is None else total
        count = self._total
        heading = f"{self.title} ({count:,})" if count and self._counted else self.title
        self.heading.setText(heading)
        self.heading.setAccessibleName(heading)
        self.none_label.setVisible(not count)
        self._clear()
        self._add(self._lines[:SHOWN_AT_FIRST])
        self._update_more()

    def _clear(self) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = []

    def _add(self, lines: Sequence[Line]) -> None:
        for line in lines:
            holder = QWidget(self)
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            if line.rag is not None:
                chip = QLabel(line.rag_word, holder)
                chip.setStyleSheet(rag_style_sheet(line.rag))
                chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
                chip.setFixedWidth(chip.fontMetrics().horizontalAdvance("Published") + 16)
                chip.setAccessibleName(line.rag_word)
                row.addWidget(chip)
            button = LineButton(line.words, holder, line.shown)
            button.clicked.connect(line.open)
            row.addWidget(button, 1)
            self._rows.addWidget(holder)
            holder.show()  # at once, so that the keyboard can be put on it
            self.buttons.append(button)

    def _update_more(self) -> None:
        hidden = len(self._lines) - len(self.buttons)
        self.more.setVisible(hidden > 0)
        shown = len(self.buttons)
        words = f"Show {min(hidden, SHOWN_MORE):,} more (of {self._total:,})"
        self.more.setText(words)
        self.more.setAccessibleName(f"{words}: {self.title}")
        left_out = self._total - len(self._lines)
        self.beyond.setVisible(left_out > 0 and hidden <= 0 and shown > 0)
        self.beyond.setText(f"The {len(self._lines):,} most urgent are listed here; "
                            f"{left_out:,} more are in the recommendation tracker.")  # fmt: skip

    def _show_all(self) -> None:
        first_new = len(self.buttons)
        self._add(self._lines[first_new : first_new + SHOWN_MORE])
        self._update_more()
        if first_new < len(self.buttons):
            self.buttons[first_new].setFocus(Qt.FocusReason.OtherFocusReason)
