"""The register: a filter box over a sortable table of inspections."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import InspectionSummary
from app.ui.register_cards import CardDelegate, card_height, days_width
from app.ui.register_model import ID_ROLE, Column, RegisterFilterModel, RegisterModel

# Starting widths: the text each column should show whole, measured in the current font.
_COLUMN_SAMPLES = {
    Column.TITLE: "Norfolk PEEL 2018: Effectiveness",
    Column.PUBLISHED: "00/00/0000",
    Column.TYPES: "PEEL, Spotlight",
    Column.DEADLINE: "00/00/0000",
    Column.DAYS_LEFT: "Overdue by 999 days",
    Column.STATUS: "Ready for sign-off",
    Column.NEXT_STEP: "Sent to the Home Secretary",
}
# The order shown: what needs doing first, so that on a laptop's narrow register the deadline
# state and status are in view without scrolling sideways; dates and types follow.
VISUAL_ORDER = (
    Column.TITLE, Column.DAYS_LEFT, Column.STATUS, Column.DEADLINE, Column.NEXT_STEP,
    Column.PUBLISHED, Column.TYPES,
)  # fmt: skip
ResizeMode = QHeaderView.ResizeMode
KEY_COLUMNS = VISUAL_ORDER[:5]  # what the register must show, wide or narrow
CARD_COLUMNS = (Column.TITLE, Column.DAYS_LEFT)  # the columns left when it shows cards
TITLE_CHARS = 32  # a table leaves the title at least this many characters, or shows cards


class RegisterPanel(QWidget):
    """The list of inspections.

    Signals:
        inspectionActivated(int): the person moved to another inspection (click, arrow keys).
    """

    inspectionActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._changing = False  # the table is changing its current row (see set_summaries)
        self._waiting: tuple[list[InspectionSummary], dt.date] | None = None
        self.model = RegisterModel(self)
        self.proxy = RegisterFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setAccessibleName("Filter inspections")
        self.filter_edit.setPlaceholderText("Filter by title, type, force or status (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)

        self.table = QTableView(self)
        self.table.setAccessibleName("Inspections")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.sortByColumn(Column.PUBLISHED, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        padding = metrics.averageCharWidth() * 3  # cell margins and the sort arrow
        self._widths = {
            column: padding + max(
                metrics.horizontalAdvance(sample), metrics.horizontalAdvance(column.heading)
            )
            for column, sample in _COLUMN_SAMPLES.items()
        }  # fmt: skip
        for column, width in self._widths.items():
            self.table.setColumnWidth(column, width)
        for position, column in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(column), position)
        self._row_height = metrics.height() * 3 // 2 + 4
        self.table.verticalHeader().setDefaultSectionSize(self._row_height)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        # Narrower than this, the register shows cards (see register_cards).
        self.wide_enough = (
            sum(self._widths[c] for c in KEY_COLUMNS if c is not Column.TITLE)
            + metrics.averageCharWidth() * TITLE_CHARS
            + self.table.verticalScrollBar().sizeHint().width()
            + 2 * self.table.frameWidth()
        )
        self.cards = CardDelegate(self.table)
        self.compact = False
        self._width_pending = False
        self._wide_state: QByteArray | None = None  # the table's columns while cards show

        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of inspections shown")
        # Shown while the register is read on the database worker (the window's first moments).
        self.loading_label = QLabel("Loading…", self)
        self.loading_label.setAccessibleName("Loading the register")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setEnabled(False)  # quiet: greyed, not a message to act on
        self.loading_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.loading_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        # No focus proxy: a proxy takes the panel's place in the Tab order, and the filter box
        # before the table would then be skipped.

    # --- data ------------------------------------------------------------------------------

    def set_summaries(self, summaries: list[InspectionSummary], today: dt.date) -> None:
        """Replace the rows, keeping the current inspection selected where it still is.

        Moving to another inspection saves the one before, and a save can refresh the
        register: rows replaced while the table is still changing its current row would leave
        the table holding indexes of rows that are gone (a crash in Qt). Rows that arrive then
        are put in once the change is over.
        """
        if self._changing:
            self._waiting = (summaries, today)
            QTimer.singleShot(0, self, self._put_in_waiting)
            return
        self._waiting = None
        current = self.current_inspection_id()
        self.table.selectionModel().blockSignals(True)
        try:
            self.model.set_summaries(summaries, today)
            if current is not None:
                self._select_quietly(current)
        finally:
            self.table.selectionModel().blockSignals(False)
        self._update_count()

    def show_loading(self, loading: bool) -> None:
        """Say quietly that the rows are being read (until the first ``set_summaries``)."""
        self.loading_label.setVisible(loading)

    def has_inspection(self, inspection_id: int) -> bool:
        return self.model.row_of(inspection_id) is not None

    def current_inspection_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def select_inspection(self, inspection_id: int | None) -> bool:
        """Make ``inspection_id`` the current row (clearing the filter if it hides it)."""
        if inspection_id is None:
            self.table.selectionModel().clearSelection()
            return False
        row = self.model.row_of(inspection_id)
        if row is None:
            return False
        if not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.filter_edit.clear()
        index = self.proxy.mapFromSource(self.model.index(row, Column.TITLE))
        self._changing = True
        try:
            self.table.setCurrentIndex(index)
        finally:
            self._changing = False
        shown = self.model.row_of(inspection_id)  # read again: the change may have refreshed
        if shown is not None:
            self.table.scrollTo(self.proxy.mapFromSource(self.model.index(shown, Column.TITLE)))
        return True

    def _put_in_waiting(self) -> None:
        if self._waiting is not None and not self._changing:
            self.set_summaries(*self._waiting)

    def _select_quietly(self, inspection_id: int) -> None:
        row = self.model.row_of(inspection_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, Column.TITLE))
        if index.isValid():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # --- remembered layout -----------------------------------------------------------------

    def header_state(self) -> QByteArray:
        """The table's columns (widths, order, sorting), as the wide table has them."""
        if not self.compact:
            return self.table.horizontalHeader().saveState()
        self._show_cards(False)
        try:
            return self.table.horizontalHeader().saveState()
        finally:
            self._show_cards(True)

    def restore_header_state(self, state: QByteArray) -> None:
        header = self.table.horizontalHeader()
        showing_cards = self.compact
        if showing_cards:
            self._show_cards(False)
        if not state.isEmpty() and header.restoreState(state):
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if showing_cards:
            self._show_cards(True)

    def minimum_useful_width(self) -> int:
        """The width at which the cards still show a title beside the days left."""
        metrics = self.fontMetrics()
        return (
            days_width(self.table.font())
            + metrics.averageCharWidth() * TITLE_CHARS // 2
            + self.table.verticalScrollBar().sizeHint().width()
            + 2 * self.table.frameWidth()
        )

    # --- wide or narrow ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Decided once the resizing is over (the window opening resizes the register two or
        # three times): the cards size every row, which a 2,000-row register feels.
        if not self._width_pending:
            self._width_pending = True
            QTimer.singleShot(0, self, self._apply_width)

    def _apply_width(self) -> None:
        self._width_pending = False
        compact = self.width() < self.wide_enough
        if compact != self.compact:
            self._show_cards(compact)

    def _show_cards(self, compact: bool) -> None:
        """Cards (two columns) on a narrow register, the table of every column on a wide one."""
        header = self.table.horizontalHeader()
        if compact:
            self._wide_state = header.saveState()
            for column in Column:
                header.setSectionHidden(column, column not in CARD_COLUMNS)
            header.setStretchLastSection(False)
            header.setSectionResizeMode(Column.TITLE, ResizeMode.Stretch)
            self.table.setColumnWidth(Column.DAYS_LEFT, days_width(self.table.font()))
            for column in CARD_COLUMNS:
                self.table.setItemDelegateForColumn(column, self.cards)
            # Every card alike: the table never measures its rows (see register_cards).
            self.table.setWordWrap(True)
            self.table.verticalHeader().setSectionResizeMode(ResizeMode.Fixed)
            self.table.verticalHeader().setDefaultSectionSize(card_height(self.table.font()))
        else:
            sort = header.sortIndicatorSection(), header.sortIndicatorOrder()
            for column in CARD_COLUMNS:
                self.table.setItemDelegateForColumn(column, None)  # type: ignore[arg-type]
            header.setSectionResizeMode(Column.TITLE, ResizeMode.Interactive)
            header.setStretchLastSection(True)
            if self._wide_state is not None:
                header.restoreState(self._wide_state)
            header.setSortIndicator(*sort)  # chosen while the cards showed, perhaps
            self.table.setWordWrap(False)
            self.table.verticalHeader().setSectionResizeMode(ResizeMode.Fixed)
            self.table.verticalHeader().setDefaultSectionSize(self._row_height)
        self.compact = compact

    # --- slots -----------------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        changing, self._changing = self._changing, True
        try:
            self.inspectionActivated.emit(int(current.data(ID_ROLE)))
        finally:
            self._changing = changing

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = f"{total} inspection{'' if total == 1 else 's'}"
        elif shown == 0:
            text = f"No inspection matches “{self.filter_edit.text().strip()}” ({total} in all)"
        else:
            text = f"{shown} of {total} inspections match the filter"
        self.count_label.setText(text)
