"""The findings an import found, as a table to tick and a panel to correct the one selected."""

from __future__ import annotations

import dataclasses
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import AuthorRole, FindingKind
from app.domain.model import Finding, GradedQuestion, place_of
from app.ui.formatting import short_date
from app.ui.table_model import AnyIndex, HeadedTableModel
from app.ui.widgets import row_table


class Column(IntEnum):
    IMPORT = 0
    REFERENCE = 1
    KIND = 2
    QUESTION = 3
    ADDRESSEE = 4
    APPLIES = 5
    RESPONSES = 6


_HEADINGS = ("Import", "Reference", "Kind", "Question", "Addressed to", "Applies", "Responses")


class PreviewFindingsModel(HeadedTableModel):
    """Copies of the imported findings, each with whether to import it (all ticked at first).

    Signals:
        changed(): a finding was ticked, unticked or corrected.
    """

    headings = _HEADINGS

    changed = Signal()

    def __init__(self, role_titles: dict[AuthorRole, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = role_titles
        self._findings: list[Finding] = []
        self._included: list[bool] = []
        self.questions: list[GradedQuestion] = []

    def set_findings(
        self, findings: list[Finding], questions: list[GradedQuestion] | None = None
    ) -> None:
        self.beginResetModel()
        self.questions = list(questions or [])
        self._findings = [dataclasses.replace(finding) for finding in findings]
        self._included = [True] * len(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def is_included(self, row: int) -> bool:
        return self._included[row]

    def included(self) -> list[Finding]:
        """The ticked findings, in report order; links to unticked parents are dropped."""
        kept = [f for f, on in zip(self._findings, self._included, strict=True) if on]
        references = {finding.reference for finding in kept}
        return [
            dataclasses.replace(f, parent=f.parent if f.parent in references else None)
            for f in kept
        ]

    def set_included(self, row: int, included: bool) -> None:
        if self._included[row] != included:
            self._included[row] = included
            self._row_changed(row)

    def set_kind(self, row: int, kind: FindingKind) -> None:
        if self._findings[row].kind is not kind:
            self._findings[row].kind = kind
            self._row_changed(row)

    def set_reference(self, row: int, reference: str) -> None:
        """Rename a finding; the recommendations under a renamed cause of concern follow it."""
        old = self._findings[row].reference
        if old == reference:
            return
        self._findings[row].reference = reference
        for other, finding in enumerate(self._findings):
            if finding.parent == old and other != row:
                finding.parent = reference
        self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        self.changed.emit()

    def _cell(self, finding: Finding, column: int) -> str:
        if column == Column.REFERENCE:
            return finding.reference
        if column == Column.KIND:
            return finding.kind.label
        if column == Column.QUESTION:
            return str(finding.question) if finding.question is not None else ""
        if column == Column.ADDRESSEE:
            return finding.addressee
        if column == Column.APPLIES:
            return "Yes" if finding.applies else "No"
        if column == Column.RESPONSES:
            return ", ".join(self._titles[r] for r in AuthorRole if finding.responses.get(r))
        return ""

    # --- Qt model ------------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._findings)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == Column.IMPORT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._findings):
            return None
        row, column = index.row(), index.column()
        finding = self._findings[row]
        if column == Column.IMPORT:
            if role == Qt.ItemDataRole.CheckStateRole:
                on = self._included[row]
                return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
                verb = "Import" if self._included[row] else "Leave out"
                return f"{verb} {finding.reference}"
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._cell(finding, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and not self._included[row]:
            return self._disabled_colour()
        return None

    def _disabled_colour(self) -> QColor:
        return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            index.isValid()
            and index.column() == Column.IMPORT
            and role == Qt.ItemDataRole.CheckStateRole
        ):
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
            self.set_included(index.row(), state == Qt.CheckState.Checked)
            return True
        return False


class FindingsPreview(QWidget):
    """The table of findings and, under it, the selected finding to correct."""

    def __init__(self, model: PreviewFindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = row_table(model, "Findings found", self)
        self.table.setAccessibleDescription(
            "Press Space on a finding's Import box to leave it out of the import or put it back."
        )
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row())
        )
        self.model.modelReset.connect(self._select_first)

        detail = QWidget(self)
        form = QFormLayout(detail)
        self.include = QCheckBox("I&mport this finding", detail)
        self.include.setAccessibleName("Import this finding")
        form.addRow("", self.include)
        self.kind = QComboBox(detail)
        self.kind.setAccessibleName("Kind of finding")
        for kind in FindingKind:
            self.kind.addItem(kind.label, kind)
        self._row(form, "&Kind", self.kind)
        self.reference = QLineEdit(detail)
        self.reference.setAccessibleName("Reference of the finding")
        self.reference.setPlaceholderText("e.g. Recommendation 1, Area for improvement 2")
        self._row(form, "R&eference", self.reference)
        self.facts = QLabel(detail)
        self.facts.setAccessibleName("About the finding")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        form.addRow("", self.facts)
        self.text = QPlainTextEdit(detail)
        self.text.setAccessibleName("Text of the finding")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self._row(form, "&Text", self.text)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._row_shown = -1
        self.include.toggled.connect(self._include_toggled)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.reference.textEdited.connect(self._reference_edited)
        self.model.dataChanged.connect(self._model_changed)
        self._show(-1)

    def _row(self, form: QFormLayout, caption: str, widget: QWidget) -> None:
        label = QLabel(caption + ":", widget.parentWidget())
        label.setBuddy(widget)
        form.addRow(label, widget)

    def select(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, Column.REFERENCE))

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.select(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        self._row_shown = row
        valid = 0 <= row < self.model.rowCount()
        for widget in (self.include, self.kind, self.reference, self.text):
            widget.setEnabled(valid)
        if not valid:
            self.include.setChecked(False)
            self.reference.clear()
            self.text.clear()
            self.facts.setText("No findings were found. You can add them after the import.")
            return
        finding = self.model.finding(row)
        for widget in (self.include, self.kind):
            widget.blockSignals(True)
        self.include.setChecked(self.model.is_included(row))
        self.kind.setCurrentIndex(max(0, self.kind.findData(finding.kind)))
        for widget in (self.include, self.kind):
            widget.blockSignals(False)
        if self.reference.text() != finding.reference:
            self.reference.setText(finding.reference)
        self.facts.setText(_facts(finding, self.model.questions))
        self.text.setPlainText(finding.text)

    def _model_changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        if top.row() <= self._row_shown <= bottom.row():
            self._show(self._row_shown)

    def _include_toggled(self, checked: bool) -> None:
        if self._row_shown >= 0:
            self.model.set_included(self._row_shown, checked)

    def _kind_changed(self, _index: int) -> None:
        if self._row_shown >= 0:
            self.model.set_kind(self._row_shown, FindingKind(self.kind.currentData()))

    def _reference_edited(self, text: str) -> None:
        if self._row_shown >= 0:
            self.model.set_reference(self._row_shown, text.strip())


def _facts(finding: Finding, questions: list[GradedQuestion]) -> str:
    parts = []
    if finding.addressee:
        parts.append(f"Addressed to {finding.addressee}.")
    parts.append("Applies to this force." if finding.applies else "Does not apply to this force.")
    if finding.question is not None:
        parts.append(f"Belongs to {place_of(finding, questions)}.")
    if finding.parent:
        parts.append(f"Part of {finding.parent}.")
    if finding.due_text or finding.due_on:
        due = finding.due_text or short_date(finding.due_on)
        if finding.due_text and finding.due_on:
            due += f" ({short_date(finding.due_on)})"
        parts.append(f"Due: {due}.")
    return " ".join(parts)
