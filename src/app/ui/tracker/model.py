"""The tracker's item model: every tracked finding cached once per read, the rows shown
filtered and sorted in Python over that cache.

Filtering 30,000 rows through ``QSortFilterProxyModel`` calls back into Python once per row
(60 to 95 ms a keystroke, measured); here the filter is one pass over precomputed values and
the table is reset with the rows that pass, well inside a frame or two
(``tests/benchmarks/bench_tracker_view.py``). Sorting is a Python sort by each column's key,
so dates sort as dates.

The model never writes: an edit made in a cell is handed on by :attr:`TrackerModel.editRequested`,
and the row changes once the database worker returns the finding as saved (:meth:`replace`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.domain.enums import FindingKind, HmicfrsStatus, ProgressStatus, RagState
from app.domain.tracking import TrackedFinding
from app.ui.formatting import plain_list, short_date
from app.ui.rag import rag_background, rag_foreground
from app.ui.table_model import AnyIndex, HeadedTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # what an editor starts from (a status, a date…)
DUE_SOON_DAYS = 28
_NO_DATE = dt.date.max  # sorts after every date
_STATUS_ORDER = {status: n for n, status in enumerate(ProgressStatus)}
_HMICFRS_ORDER = {status: n for n, status in enumerate(HmicfrsStatus)}


class TrackerColumn(IntEnum):
    INSPECTION = 0
    REFERENCE = 1
    KIND = 2
    STATUS = 3
    OWNER = 4
    TARGET = 5
    OVERDUE = 6
    HMICFRS = 7
    LAST_UPDATE = 8

    @property
    def heading(self) -> str:
        return HEADINGS[self]


HEADINGS = {
    TrackerColumn.INSPECTION: "Inspection",
    TrackerColumn.REFERENCE: "Reference",
    TrackerColumn.KIND: "Kind",
    TrackerColumn.STATUS: "Status",
    TrackerColumn.OWNER: "Owner",
    TrackerColumn.TARGET: "Target date",
    TrackerColumn.OVERDUE: "Overdue",
    TrackerColumn.HMICFRS: "HMICFRS status",
    TrackerColumn.LAST_UPDATE: "Last update",
}
EDITABLE = frozenset(
    {TrackerColumn.STATUS, TrackerColumn.OWNER, TrackerColumn.TARGET, TrackerColumn.HMICFRS}
)
_HEADER_TIPS = {
    TrackerColumn.TARGET: "The date set by hand, or else the finding's due date (F2 to change)",
    TrackerColumn.OVERDUE: "Days past the target date; the colour repeats these words",
    TrackerColumn.HMICFRS: "The status in the inspectorate's own register, where known",
}


def overdue_words(row: TrackedFinding, today: dt.date) -> tuple[str, RagState | None]:
    """How late the work is, in words, and the colour that goes with them."""
    if row.status.is_closed:
        return "Closed", None
    if row.target_on is None:
        return "No target date", None
    days = (row.target_on - today).days
    if days < 0:
        late = -days
        return f"Overdue by {late} day{'' if late == 1 else 's'}", RagState.OVERDUE
    if days == 0:
        return "Due today", RagState.DUE_SOON
    state = RagState.DUE_SOON if days <= DUE_SOON_DAYS else RagState.ON_TRACK
    return f"Due in {days} day{'' if days == 1 else 's'}", state


@dataclass(frozen=True, slots=True)
class TrackerRow:
    """Everything ``data()`` returns for one finding, worked out once per read."""

    finding: TrackedFinding
    texts: tuple[str, ...]
    sort_keys: tuple[Any, ...]
    state: RagState | None
    search: str
    forces: frozenset[str]

    @classmethod
    def build(cls, finding: TrackedFinding, today: dt.date) -> TrackerRow:
        overdue, state = overdue_words(finding, today)
        last = finding.updates[-1] if finding.updates else None
        hmicfrs = finding.hmicfrs_status.label if finding.hmicfrs_status else "Not known"
        texts = (
            finding.inspection_title, finding.reference, finding.kind.label,
            finding.status.label, finding.owner, short_date(finding.target_on), overdue,
            hmicfrs, short_date(last.on) if last else "",
        )  # fmt: skip
        late = (today - finding.target_on).days if finding.target_on else None
        sort_keys = (
            (finding.published_on or _NO_DATE, finding.inspection_title.casefold()),
            finding.reference.casefold(),
            finding.kind.label,
            _STATUS_ORDER[finding.status],
            (finding.owner == "", finding.owner.casefold()),
            finding.target_on or _NO_DATE,
            # Most overdue first when descending; closed and undated at the other end.
            late if late is not None and not finding.status.is_closed else -(10**6),
            _HMICFRS_ORDER.get(finding.hmicfrs_status, -1) if finding.hmicfrs_status else -1,
            (last.on or dt.date.min) if last else dt.date.min,
        )
        search = " ".join(
            (finding.inspection_title, finding.reference, finding.owner, finding.text)
        ).casefold()
        forces = frozenset(force.casefold() for force in finding.forces)
        return cls(finding, texts, sort_keys, state, search, forces)


@dataclass(frozen=True, slots=True)
class Criteria:
    """What the filters above the table ask for; ``None`` (or empty) keeps every row."""

    words: tuple[str, ...] = ()
    inspection_id: int | None = None
    status: ProgressStatus | None = None
    overdue_only: bool = False
    kind: FindingKind | None = None
    owner: str | None = None
    """An owner's name, case forgiven; "" keeps the findings nobody owns."""
    force: str | None = None

    def keeps(self, row: TrackerRow) -> bool:
        test = self.test()
        return test is None or test(row)

    def test(self) -> Callable[[TrackerRow], bool] | None:
        """One predicate made of the filters chosen (None when none is): per keystroke it runs
        over every row, so it checks only what is asked."""
        checks: list[Callable[[TrackerRow], bool]] = []
        inspection, status, kind = self.inspection_id, self.status, self.kind
        if inspection is not None:
            checks.append(lambda row: row.finding.inspection_id == inspection)
        if status is not None:
            checks.append(lambda row: row.finding.status is status)
        if self.overdue_only:
            checks.append(lambda row: row.finding.overdue)
        if kind is not None:
            checks.append(lambda row: row.finding.kind is kind)
        if self.owner is not None:
            owner = self.owner.casefold()
            checks.append(lambda row: row.finding.owner.casefold() == owner)
        if self.force is not None:
            force = self.force.casefold()
            checks.append(lambda row: force in row.forces)
        words = self.words
        if len(words) == 1:
            word = words[0]
            checks.append(lambda row: word in row.search)
        elif words:
            checks.append(lambda row: all(word in row.search for word in words))
        if len(checks) <= 1:
            return checks[0] if checks else None
        return lambda row: all(check(row) for check in checks)

    def narrows(self, before: Criteria) -> bool:
        """True when every row this keeps, ``before`` kept too (more letters typed, the rest
        the same): then only the rows shown need looking at again."""
        return replace(self, words=before.words) == before and all(
            any(old in new for new in self.words) for old in before.words
        )


class TrackerModel(HeadedTableModel):
    """The tracked findings shown, in the order asked for.

    Signals:
        editRequested(int, int, object): a cell of the finding with this id, in this column,
            was given this value (a ProgressStatus, a date or None, a str, an HmicfrsStatus or
            None); nothing changes here until :meth:`replace` brings the saved row.
    """

    editRequested = Signal(int, int, object)
    headings = tuple(column.heading for column in TrackerColumn)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[TrackerRow] = []
        self._shown: list[TrackerRow] = []
        self._criteria = Criteria()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.editable = True

    # --- the rows --------------------------------------------------------------------------

    def set_rows(self, rows: list[TrackerRow]) -> None:
        """Rows made by :func:`build_rows` (on the database worker: 30,000 take a while)."""
        self._all = list(rows)
        self._order()
        self._refill()

    def set_criteria(self, criteria: Criteria) -> None:
        if criteria != self._criteria:
            narrower = criteria.narrows(self._criteria)
            self._criteria = criteria
            self._refill(narrower=narrower)

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    def replace(self, finding: TrackedFinding, today: dt.date) -> None:
        """A finding as saved: its row changes where it stands (kept in view until the
        filters change, so that the row being worked on never jumps away)."""
        row = TrackerRow.build(finding, today)
        self._all = [row if old.finding.id == finding.id else old for old in self._all]
        for n, old in enumerate(self._shown):
            if old.finding.id == finding.id:
                self._shown[n] = row
                self.dataChanged.emit(self.index(n, 0), self.index(n, len(TrackerColumn) - 1))

    def repaint_row(self, finding_id: int) -> None:
        """Show a row's stored values again (an edit was refused)."""
        n = self.row_of(finding_id)
        if n is not None:
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(TrackerColumn) - 1))

    def all_findings(self) -> list[TrackedFinding]:
        return [row.finding for row in self._all]

    def shown_findings(self) -> list[TrackedFinding]:
        return [row.finding for row in self._shown]

    def finding(self, row: int) -> TrackedFinding | None:
        return self._shown[row].finding if 0 <= row < len(self._shown) else None

    def row_of(self, finding_id: int) -> int | None:
        for n, row in enumerate(self._shown):
            if row.finding.id == finding_id:
                return n
        return None

    def row_total(self) -> int:
        return len(self._shown)

    def _refill(self, *, narrower: bool = False) -> None:
        """The rows shown, in the order chosen: the whole cache is kept in that order, so a
        filter never sorts; more letters typed look only at the rows already shown."""
        test = self._criteria.test()
        rows = self._shown if narrower else self._all
        shown = list(rows) if test is None else [row for row in rows if test(row)]
        self.beginResetModel()
        self._shown = shown
        self.endResetModel()

    def _order(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            self._all.sort(key=lambda row: row.sort_keys[column],
                           reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip

    @property
    def total(self) -> int:
        """How many findings are tracked, shown or not."""
        return len(self._all)

    def counts(self) -> tuple[Counter[ProgressStatus], int]:
        """The rows shown at each status, and how many of them are overdue."""
        statuses = Counter(row.finding.status for row in self._shown)
        return statuses, sum(1 for row in self._shown if row.finding.overdue)

    # --- Qt's model ------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(TrackerColumn):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._order()
        self._shown.sort(key=lambda row: row.sort_keys[column],
                         reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip
        self.layoutChanged.emit()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row, column = self._shown[index.row()], TrackerColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ID_ROLE:
            return row.finding.id
        if role == VALUE_ROLE:
            return _value(row.finding, column)
        if column is TrackerColumn.OVERDUE and row.state is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return rag_background(row.state)
            if role == Qt.ItemDataRole.ForegroundRole:
                return rag_foreground(row.state)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        finding = self.finding(index.row())
        column = index.column()
        if finding is None or column not in EDITABLE or _value(finding, column) == value:
            return False
        self.editRequested.emit(finding.id, column, value)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(TrackerColumn)
        ):
            return _HEADER_TIPS.get(TrackerColumn(section))
        return super().headerData(section, orientation, role)

    @staticmethod
    def _tooltip(row: TrackerRow, column: TrackerColumn) -> str | None:
        finding = row.finding
        if column is TrackerColumn.INSPECTION:
            forces = plain_list(list(finding.forces))
            return f"{finding.inspection_title}\nForces: {forces}" if forces else (
                finding.inspection_title
            )  # fmt: skip
        if column is TrackerColumn.TARGET and finding.target_on is not None:
            how = "set by hand" if finding.target_set else "the finding's due date"
            return f"{row.texts[column]} ({how})"
        if column is TrackerColumn.LAST_UPDATE and finding.updates:
            return finding.latest_note or finding.updates[-1].status
        return row.texts[column] or None


def _value(finding: TrackedFinding, column: int) -> object:
    """A cell's value as its editor takes it."""
    if column == TrackerColumn.STATUS:
        return finding.status
    if column == TrackerColumn.OWNER:
        return finding.owner
    if column == TrackerColumn.TARGET:
        return finding.target_on
    if column == TrackerColumn.HMICFRS:
        return finding.hmicfrs_status
    return None


def build_rows(findings: list[TrackedFinding], today: dt.date) -> list[TrackerRow]:
    """The cached rows of ``findings``; Qt-free, so that the worker makes them with the read."""
    return [TrackerRow.build(finding, today) for finding in findings]


def count_words(model: TrackerModel) -> str:
    """The count under the table: "6 findings shown (of 30): 4 open, 2 in progress, 3 overdue"."""
    total, shown = model.total, model.rowCount()
    if not total:
        return "No findings to track yet: they appear once an inspection has findings."
    if not shown:
        return f"No finding matches the filters ({total} in all)."
    counts, overdue = model.counts()
    parts = [f"{counts[s]} {s.label.lower()}" for s in ProgressStatus if counts[s]]
    noun = "finding" if shown == 1 else "findings"
    of = f" (of {total})" if shown != total else ""
    return f"{shown} {noun} shown{of}: {', '.join(parts)}, {overdue} overdue"
