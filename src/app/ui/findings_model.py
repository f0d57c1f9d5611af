"""The findings of one inspection as table rows, in report order (cached, no queries)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.domain.model import Finding
from app.ui.formatting import short_date
from app.ui.table_model import AnyIndex, HeadedTableModel


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


class FindingsModel(HeadedTableModel):
    headings = _HEADINGS

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

    def row_total(self) -> int:
        return len(self._findings)

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
