"""The findings of one inspection as table rows, in report order (cached, no queries)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.model import Finding
from app.ui.formatting import short_date

AnyIndex = QModelIndex | QPersistentModelIndex


class FindingColumn(IntEnum):
    REFERENCE = 0
    KIND = 1
    APPLIES = 2
    DUE = 3
    ADDRESSEE = 4


_HEADINGS = ("Reference", "Kind", "Applies", "Due", "Addressed to")


def _cells(finding: Finding) -> tuple[str, ...]:
    applies = "Yes" if finding.applies else "No"
    if not finding.applies and finding.not_applicable_reason.strip():
        applies += f": {finding.not_applicable_reason.strip()}"
    due = finding.due_text.strip()
    if finding.due_on:
        due = f"{due} ({short_date(finding.due_on)})" if due else short_date(finding.due_on)
    return (finding.reference, finding.kind.label, applies, due, finding.addressee)


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._cells: list[tuple[str, ...]] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self._cells = [_cells(finding) for finding in self._findings]
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def row_of(self, finding_id: int) -> int | None:
        for row, finding in enumerate(self._findings):
            if finding.id == finding_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FindingColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._cells):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._cells[index.row()][index.column()] or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_HEADINGS):
            return _HEADINGS[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._findings):
            return str(section + 1)
        return None
