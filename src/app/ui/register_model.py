"""The register's item models: one row per inspection, cached; a proxy to sort and filter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from app.domain.deadlines import DEADLINE_EXPLANATION, DeadlineState, deadline_state
from app.domain.deadlines import statutory_deadline as deadline_of
from app.domain.enums import InspectionStatus
from app.domain.model import InspectionSummary
from app.ui.formatting import plain_list, short_date
from app.ui.rag import rag_background, rag_foreground

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # (UserRole + 1 was the sort key's, before the model sorted)
TEXTS_ROLE = Qt.ItemDataRole.UserRole + 3  # every column's words at once (cards' sizes)
_NO_DATE_KEY = "~"  # sorts after every ISO date
_STATUS_ORDER = {status: n for n, status in enumerate(InspectionStatus)}


class Column(IntEnum):
    TITLE = 0
    PUBLISHED = 1
    TYPES = 2
    DEADLINE = 3
    DAYS_LEFT = 4
    STATUS = 5
    NEXT_STEP = 6

    @property
    def heading(self) -> str:
        return _HEADINGS[self]


_HEADINGS = {
    Column.TITLE: "Title",
    Column.PUBLISHED: "Published",
    Column.TYPES: "Types",
    Column.DEADLINE: "s55 deadline",
    Column.DAYS_LEFT: "Days left",
    Column.STATUS: "Status",
    Column.NEXT_STEP: "Next step",
}
_HEADER_TIPS = {
    Column.DEADLINE: DEADLINE_EXPLANATION,
    Column.DAYS_LEFT: "Days until the section 55 deadline; the colour repeats these words.",
    Column.NEXT_STEP: "The first office step not yet done.",
}


_COLUMNS = tuple(Column)  # by number, without an enum lookup per call


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """Everything ``data()`` returns for one inspection, worked out once per refresh."""

    summary: InspectionSummary
    texts: tuple[str, ...]
    sort_keys: tuple[str | int, ...]
    state: DeadlineState
    search_text: str

    @classmethod
    def build(cls, summary: InspectionSummary, today: dt.date) -> RegisterRow:
        deadline = deadline_of(summary.published_on)
        published = summary.status is InspectionStatus.PUBLISHED
        state = deadline_state(deadline, today, published=published)
        status = summary.status.label + (" (archived)" if summary.archived else "")
        types = plain_list(summary.publication_types)
        texts = (
            summary.title, short_date(summary.published_on), types, short_date(deadline),
            state.words, status, summary.next_step,
        )  # fmt: skip
        days_key = state.days if state.days is not None else 10**6
        if published:
            days_key += 10**7  # published ones after every open one, whatever their date
        sort_keys = (
            summary.title.casefold(),
            summary.published_on.isoformat() if summary.published_on else _NO_DATE_KEY,
            types.casefold(),
            deadline.isoformat() if deadline else _NO_DATE_KEY,
            days_key,
            _STATUS_ORDER[summary.status],
            summary.next_step.casefold(),
        )
        search = " ".join([summary.title, types, plain_list(summary.forces), status])
        return cls(summary, texts, sort_keys, state, search.casefold())


class RegisterModel(QAbstractTableModel):
    """Inspection summaries as table rows. Data comes only from the cache: no queries here."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []  # in the order chosen (see sort)
        self._read: list[RegisterRow] = []  # in the order they were read
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_summaries(self, summaries: list[InspectionSummary], today: dt.date) -> None:
        self._read = [RegisterRow.build(summary, today) for summary in summaries]
        rows = self._sorted()
        if [row.summary.id for row in rows] == [row.summary.id for row in self._rows]:
            # The same inspections (a status or an office step changed): only the rows that
            # changed are told, so the table keeps its layout instead of sizing every row again.
            before, self._rows = self._rows, rows
            last = len(Column) - 1
            for n, (old, new) in enumerate(zip(before, rows, strict=True)):
                if old != new:
                    self.dataChanged.emit(self.index(n, 0), self.index(n, last))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Put the rows in the order of ``column``'s keys (dates as dates), ties in the order
        they were read. The register sorts here, in one Python sort, rather than in its filter
        model: Qt's sort asks ``data()`` for a key at every comparison, which for 2,000 rows
        took a tenth of a second whenever they were read."""
        self._sort = (column, order)
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].summary.id for index in before]
        self._rows = self._sorted()
        position = {row.summary.id: n for n, row in enumerate(self._rows)}
        after = [self.index(position[i], index.column())
                 for i, index in zip(ids, before, strict=True)]  # fmt: skip
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self) -> list[RegisterRow]:
        if self._sort is None or not 0 <= self._sort[0] < len(Column):
            return list(self._read)
        column, order = self._sort
        return sorted(self._read, key=lambda row: row.sort_keys[column],
                      reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip

    def row_data(self, row: int) -> RegisterRow:
        return self._rows[row]

    def row_of(self, inspection_id: int) -> int | None:
        for n, row in enumerate(self._rows):
            if row.summary.id == inspection_id:
                return n
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        number = index.row()
        if not index.isValid() or number >= len(self._rows):
            return None
        row = self._rows[number]
        column = _COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ID_ROLE:
            return row.summary.id
        if role == TEXTS_ROLE:
            return row.texts
        if column is Column.DAYS_LEFT and role == Qt.ItemDataRole.BackgroundRole:
            return rag_background(row.state.state)
        if column is Column.DAYS_LEFT and role == Qt.ItemDataRole.ForegroundRole:
            return rag_foreground(row.state.state)
        if role == Qt.ItemDataRole.FontRole and row.summary.archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, row: RegisterRow, column: Column) -> str | None:
        # Whole, for a narrow register that cuts them (its cards show the status and the next
        # step under the title, and the deadline under the days left).
        if column is Column.TITLE:
            forces = plain_list(row.summary.forces)
            lines = [row.summary.title, f"Status: {row.texts[Column.STATUS]}"]
            if forces:
                lines.insert(1, f"Forces: {forces}")
            if row.summary.next_step:
                lines.append(f"Next step: {row.summary.next_step}")
            return "\n".join(lines)
        if column is Column.DAYS_LEFT and row.texts[Column.DEADLINE]:
            return f"{row.texts[column]}\nSection 55 deadline: {row.texts[Column.DEADLINE]}"
        if column is Column.DEADLINE:
            return DEADLINE_EXPLANATION
        return row.texts[column] or None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return Column(section).heading
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(Column(section))
        return None


class RegisterFilterModel(QSortFilterProxyModel):
    """Keeps rows holding every typed word, in the register model's order: sorting (a click
    on a heading) is passed to the register model (:meth:`RegisterModel.sort`).

    The words are looked for in the title, types, forces and status.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RegisterModel):
            model.sort(column, order)

    def set_filter_text(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        if not isinstance(model, RegisterModel) or source_row >= model.rowCount():
            return True
        haystack = model.row_data(source_row).search_text
        return all(word in haystack for word in self._words)
