"""Parts of the Chief Constable's comments and the finding each will fill, as table rows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.domain.model import Finding
from app.importers.cc_comments import CommentsProposal
from app.ui.table_model import AnyIndex, HeadedTableModel

NOT_ASSIGNED = "Not assigned"


class CommentColumn(IntEnum):
    WRITTEN = 0
    TARGET = 1
    TEXT = 2


_HEADINGS = ("In the comments", "Fills the response to", "Comments")


@dataclass(slots=True)
class CommentPart:
    written: str
    """The reference as the comments write it ("AFI 1")."""
    target: int | None
    """The finding id it fills, or None when not assigned."""
    text: str


def _first_line(text: str, limit: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class CommentsMatchModel(HeadedTableModel):
    """Rows in the order of the comments; the targets are corrected with :meth:`set_target`."""

    headings = _HEADINGS

    def __init__(self, findings: list[Finding], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings = [finding for finding in findings if finding.id is not None]
        self._references = {finding.id: finding.reference for finding in self.findings}
        self._parts: list[CommentPart] = []

    def set_proposal(self, proposal: CommentsProposal) -> None:
        ids = {finding.reference: finding.id for finding in self.findings}
        self.beginResetModel()
        self._parts = [
            CommentPart(match.written, ids.get(match.reference), match.text)
            for match in proposal.matches
        ]
        self.endResetModel()

    def part(self, row: int) -> CommentPart:
        return self._parts[row]

    def parts(self) -> list[CommentPart]:
        return list(self._parts)

    def reference(self, finding_id: int | None) -> str:
        return self._references.get(finding_id, NOT_ASSIGNED) if finding_id else NOT_ASSIGNED

    def set_target(self, row: int, finding_id: int | None) -> None:
        if self._parts[row].target != finding_id:
            self._parts[row].target = finding_id
            self._changed(row)

    def set_text(self, row: int, text: str) -> None:
        if self._parts[row].text != text:
            self._parts[row].text = text
            self._changed(row)

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(CommentColumn) - 1))

    def assignments(self) -> dict[int, str]:
        """Finding id → the text to fill; parts aimed at one finding are joined in order."""
        result: dict[int, str] = {}
        for part in self._parts:
            if part.target is None or not part.text.strip():
                continue
            before = result.get(part.target)
            result[part.target] = (
                f"{before}\n\n{part.text.strip()}" if before else part.text.strip()
            )
        return result

    def unfilled(self) -> list[str]:
        """References of findings that apply to the force and that no part fills."""
        targets = {part.target for part in self._parts if part.text.strip()}
        return [f.reference for f in self.findings if f.applies and f.id not in targets]

    def shared_targets(self) -> list[str]:
        """References that more than one part will fill (their texts are joined)."""
        counts: dict[int, int] = {}
        for part in self._parts:
            if part.target is not None:
                counts[part.target] = counts.get(part.target, 0) + 1
        return [self.reference(target) for target, n in counts.items() if n > 1]

    # --- Qt model ------------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._parts):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        part = self._parts[index.row()]
        column = index.column()
        if column == CommentColumn.WRITTEN:
            return part.written
        if column == CommentColumn.TARGET:
            return self.reference(part.target)
        if role == Qt.ItemDataRole.ToolTipRole:
            return part.text or None
        return _first_line(part.text) or "(no text)"
