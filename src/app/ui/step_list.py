"""An editable list of short texts (the office step names), usable from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class EditableList(QWidget):
    """A list whose entries are edited in place (F2 or double-click), added, removed, moved."""

    def __init__(self, name: str, item_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_name = item_name
        self.list = QListWidget(self)
        self.list.setAccessibleName(name)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.currentRowChanged.connect(self._update_buttons)
        buttons = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, handler in (
            ("add", "Add", self.add_item),
            ("remove", "Remove", self.remove_item),
            ("up", "Up", lambda: self.move_item(-1)),
            ("down", "Down", lambda: self.move_item(1)),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(f"{text} {item_name}" if key != "add" else f"Add {item_name}")
            button.clicked.connect(handler)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.list)
        self._update_buttons()

    def set_items(self, texts: list[str]) -> None:
        self.list.clear()
        for text in texts:
            self._append(text)
        self._update_buttons()

    def items(self) -> list[str]:
        texts = (self.list.item(row).text().strip() for row in range(self.list.count()))
        return [text for text in texts if text]

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_item(self) -> None:
        item = self._append(f"New {self.item_name}")
        self.list.setCurrentItem(item)
        self.list.setFocus()
        self.list.editItem(item)

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
        self._update_buttons()

    def move_item(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _update_buttons(self, *_args: object) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.buttons["remove"].setEnabled(row >= 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)
