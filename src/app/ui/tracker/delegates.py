"""Editing the tracker's cells in place from the keyboard: a list of statuses, a date typed
day first, an owner completed from the names used before.

Each editor hands its value to the model (``setData``), which asks for it to be saved; a date
that is not one is refused with a sentence (:attr:`TargetDateDelegate.refused`) and nothing is
handed on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domain.typed_dates import parse_typed_date
from app.ui.date_field import DateField
from app.ui.tracker.model import VALUE_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down list of ``choices`` (words, value); arrows move, Enter keeps, Esc leaves."""

    def __init__(
        self, name: str, choices: Sequence[tuple[str, object]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.choices = list(choices)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        box = QComboBox(parent)
        box.setAccessibleName(self.name)
        for words, _value in self.choices:
            box.addItem(words)
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(VALUE_ROLE)
        values = [choice for _words, choice in self.choices]
        editor.setCurrentIndex(values.index(value) if value in values else 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        chosen = editor.currentIndex()
        if 0 <= chosen < len(self.choices):
            model.setData(index, self.choices[chosen][1], Qt.ItemDataRole.EditRole)


class TargetDateDelegate(QStyledItemDelegate):
    """A target date typed day first ("20/11/2026", "20 Nov 26"); Up and Down move a day;
    blank goes back to the finding's due date.

    Signals:
        refused(str): the text typed is not a date; the sentence says so, and nothing is saved.
    """

    refused = Signal(str)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        field = DateField("Target date", parent)
        field.setMaximumWidth(16777215)  # the whole cell
        field.setPlaceholderText("dd/mm/yyyy, or blank for the due date")
        return field

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, DateField)
        value = index.data(VALUE_ROLE)
        if value is not None:
            editor.set_date(value)
        else:
            editor.setText("")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, DateField)
        text = editor.text().strip()
        if not text:
            model.setData(index, None, Qt.ItemDataRole.EditRole)
            return
        problem = editor.problem()
        value = parse_typed_date(text)
        if problem is not None or value is None:
            self.refused.emit(problem or f"“{text}” is not a date.")
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class OwnerDelegate(QStyledItemDelegate):
    """Who owns the work, as typed; the owners named before are offered as it is typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.owners: list[str] = []

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        edit = QLineEdit(parent)
        edit.setAccessibleName("Owner")
        edit.setPlaceholderText("A person or a department")
        completer = QCompleter(self.owners, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        return edit

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(VALUE_ROLE) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, " ".join(editor.text().split()), Qt.ItemDataRole.EditRole)
