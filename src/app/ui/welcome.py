"""Shown instead of the register while the database holds no inspection at all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME

WELCOME_TEXT = (
    "Record the HMICFRS inspection reports that concern your force, write the Chief "
    "Constable’s and the Commissioner’s responses side by side, and keep track of the "
    "section 55 deadline.\n\nThere are no inspections yet. Load the two sample inspections "
    "to see how it works, or record your first inspection."
)


class WelcomePanel(QWidget):
    """A greeting and one button per action (``add_action_button`` adds more, e.g. Import).

    The buttons stand in a column, each with what it does beside it: a row of them would not
    fit the panel's measure, and a squeezed button cuts its own words.
    """

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Welcome")
        heading = QLabel(f"Welcome to {APP_NAME}", self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        text = QLabel(WELCOME_TEXT, self)
        text.setWordWrap(True)
        self._buttons = QGridLayout()
        self._buttons.setColumnStretch(1, 1)
        self._buttons.setHorizontalSpacing(heading.fontMetrics().averageCharWidth() * 2)
        self.buttons: list[QPushButton] = []
        self.descriptions: list[QLabel] = []
        box = QWidget(self)
        # A fixed measure (not an alignment, which would stop the labels' wrapping from
        # reaching the layout) keeps the text a comfortable line length.
        box.setFixedWidth(self.fontMetrics().averageCharWidth() * 80)
        column = QVBoxLayout(box)
        column.addWidget(heading)
        column.addSpacing(heading.fontMetrics().height() // 2)
        column.addWidget(text)
        column.addSpacing(heading.fontMetrics().height())
        column.addLayout(self._buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        for action in actions:
            self.add_action_button(action)

    def add_action_button(self, action: QAction) -> QPushButton:
        """A button that triggers ``action`` and follows its text and enabled state."""
        button = QPushButton(self)
        button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
        description = QLabel(self)
        description.setWordWrap(True)
        description.setTextFormat(Qt.TextFormat.PlainText)

        def sync() -> None:
            button.setText(action.text())
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.setAccessibleDescription(action.statusTip())
            description.setText(action.statusTip())
            button.setEnabled(action.isEnabled())

        action.changed.connect(sync)
        sync()
        button.clicked.connect(action.trigger)
        row = len(self.buttons)
        self._buttons.addWidget(button, row, 0)
        self._buttons.addWidget(description, row, 1)
        self.buttons.append(button)
        self.descriptions.append(description)
        if len(self.buttons) == 1:
            button.setDefault(True)
        return button
