"""The filters over the tracker: words typed, and lists of the inspections, statuses, kinds,
owners and forces the rows hold; a tick box for the overdue ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import FindingKind, ProgressStatus
from app.domain.tracking import TrackedFinding
from app.services.tracker import TrackerFilter
from app.ui.tracker.model import Criteria

NO_OWNER = ""  # the owner filter's value for "No owner"
_Adjust = QComboBox.SizeAdjustPolicy


def _combo(name: str, tip: str, chars: int, parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(name)
    box.setToolTip(tip)
    box.setSizeAdjustPolicy(_Adjust.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box


@dataclass(frozen=True, slots=True)
class Choices:
    """What the lists offer, (words, value) each: worked out with the read, off the GUI
    thread (30,000 rows are looked through)."""

    inspections: tuple[tuple[str, object], ...] = ()
    kinds: tuple[tuple[str, object], ...] = ()
    owners: tuple[tuple[str, object], ...] = ()
    forces: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, findings: list[TrackedFinding]) -> Choices:
        titles: dict[int, str] = {}
        for finding in findings:
            titles.setdefault(finding.inspection_id, finding.inspection_title)
        kinds = {finding.kind for finding in findings}
        owners: list[tuple[str, object]] = [
            (owner, owner)
            for owner in sorted({f.owner for f in findings if f.owner}, key=str.casefold)
        ]
        if any(not finding.owner for finding in findings):
            owners.insert(0, ("No owner", NO_OWNER))
        forces = sorted({force for f in findings for force in f.forces}, key=str.casefold)
        return cls(
            tuple((title, id_) for id_, title in titles.items()),
            tuple((k.label, k.value) for k in FindingKind if k in kinds),
            tuple(owners),
            tuple((force, force) for force in forces),
        )


class TrackerFilterBar(QWidget):
    """Signals:
    changed(): any filter changed (the words as they are typed).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setAccessibleName("Filter the tracker")
        self.text.setPlaceholderText("Filter by inspection, reference, owner or words (Ctrl+F)")
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(self.text.fontMetrics().averageCharWidth() * 24)
        self.inspection = _combo("Inspection filter", "Show one inspection's findings", 12, self)
        self.status = _combo("Status filter", "Show the findings at one status", 9, self)
        self.status.addItem("Any status", None)
        for status in ProgressStatus:
            self.status.addItem(status.label, status.value)
        self.kind = _combo("Kind filter", "Show one kind of finding", 9, self)
        self.owner = _combo("Owner filter", "Show the findings one owner holds", 9, self)
        self.force = _combo("Force filter", "Show the findings of one force's inspections", 9,
                            self)  # fmt: skip
        self.overdue = QCheckBox("&Overdue only", self)
        self.overdue.setAccessibleName("Overdue only")
        self.overdue.setToolTip("Show only the findings whose target date has passed")
        self.fill(Choices())

        self.boxes = (self.inspection, self.status, self.kind, self.owner, self.force)
        self.rows = (QHBoxLayout(), QHBoxLayout())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for row in self.rows:
            row.setContentsMargins(0, 0, 0, 0)
            layout.addLayout(row)
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) + 1
        text, overdue = self.text.minimumWidth(), self.overdue.sizeHint().width()
        boxes = sum(box.sizeHint().width() + spacing for box in self.boxes)
        self._one_row = text + boxes + overdue + spacing
        # Narrower than one row needs, the lists go on a second row (a laptop at 150 %).
        self.setMinimumWidth(max(text + overdue, boxes) + spacing)
        self.two_rows: bool | None = None
        self._arrange(two_rows=False)
        self.text.textChanged.connect(self.changed)
        for box in self.boxes:
            box.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(two_rows=self.width() < self._one_row)

    def _arrange(self, *, two_rows: bool) -> None:
        """The words, the lists and the tick box on one row; or the lists on a row of their
        own under the words and the tick box."""
        if two_rows == self.two_rows:
            return
        self.two_rows = two_rows
        first, second = self.rows
        for row in self.rows:
            while row.count():
                row.takeAt(0)
        first.addWidget(self.text, 3)
        lists = second if two_rows else first
        for box in self.boxes:
            lists.addWidget(box, 1)
        first.addWidget(self.overdue)

    def fill(self, choices: Choices) -> None:
        """The lists' choices from the rows read, keeping each choice made where it remains."""
        self.blockSignals(True)
        try:
            _refill(self.inspection, "Any inspection", choices.inspections)
            _refill(self.kind, "Any kind", choices.kinds)
            _refill(self.owner, "Any owner", choices.owners)
            _refill(self.force, "Any force", choices.forces)
        finally:
            self.blockSignals(False)

    def criteria(self) -> Criteria:
        status = self.status.currentData()
        kind = self.kind.currentData()
        inspection = self.inspection.currentData()
        return Criteria(
            words=tuple(self.text.text().casefold().split()),
            inspection_id=int(inspection) if inspection is not None else None,
            status=ProgressStatus(status) if status is not None else None,
            overdue_only=self.overdue.isChecked(),
            kind=FindingKind(kind) if kind is not None else None,
            owner=self.owner.currentData(),
            force=self.force.currentData(),
        )

    def export_filter(self) -> TrackerFilter | None:
        """The filters as the exports know them, or None when they cannot say the same (words
        typed, "No owner"): the export then holds every finding."""
        criteria = self.criteria()
        if criteria.words or criteria.owner == NO_OWNER:
            return None
        return TrackerFilter(
            statuses=frozenset({criteria.status}) if criteria.status else frozenset(),
            overdue_only=criteria.overdue_only,
            inspection_id=criteria.inspection_id,
            kinds=frozenset({criteria.kind}) if criteria.kind else frozenset(),
            owner=criteria.owner or "",
            force=criteria.force or "",
        )

    def focus_text(self) -> None:
        self.text.setFocus()
        self.text.selectAll()


def _refill(box: QComboBox, anything: str, choices: Sequence[tuple[str, object]]) -> None:
    """``anything`` first (no filter), then ``choices``; the current choice kept if still
    offered, else back to ``anything``."""
    kept = box.currentData()
    box.clear()
    box.addItem(anything, None)
    for words, value in choices:
        box.addItem(words, value)
    found = box.findData(kept) if kept is not None else 0
    box.setCurrentIndex(max(found, 0))
