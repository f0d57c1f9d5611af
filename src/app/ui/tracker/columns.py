"""The tracker table's columns on any screen: each sized to show its words whole, on one line
where the screen is wide enough, else on two (rows are two lines tall), so that the
inspection's title, which takes the rest, keeps room to be read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from app.ui.tracker.model import TrackerColumn

Column = TrackerColumn
ROW_LINES = 2
TITLE_CHARS = 30  # the inspection's column keeps at least this many characters a line
# What each column should show whole, on one line (wide) or wrapped on two (narrow).
WIDE = {
    Column.REFERENCE: "Area for improvement 10",
    Column.KIND: "Recommendation",
    Column.STATUS: "awaiting evidence",
    Column.OWNER: "Head of People",
    Column.TARGET: "00/00/0000",
    Column.OVERDUE: "Overdue by 9999 days",
    Column.HMICFRS: "No further action",
    Column.LAST_UPDATE: "00/00/0000",
}
NARROW = {
    **WIDE,
    Column.REFERENCE: "Recommendation 10",
    Column.OVERDUE: "Overdue by 9999",
}


class ColumnFitter(QObject):
    """Sizes ``table``'s columns now and whenever its width moves between wide and narrow
    (not at every resize: widths the person dragged are kept meanwhile)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        metrics = table.fontMetrics()
        padding = metrics.averageCharWidth() * 2 + 6  # the cell's margins
        self.widths = {
            name: {
                column: padding + max(metrics.horizontalAdvance(t) for t in (text, column.heading))
                for column, text in samples.items()
            }
            for name, samples in (("wide", WIDE), ("narrow", NARROW))
        }
        self.title_width = metrics.averageCharWidth() * TITLE_CHARS
        self.fitted = ""
        self._pending = False
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.INSPECTION, QHeaderView.ResizeMode.Stretch)
        lines = metrics.lineSpacing() * ROW_LINES
        table.verticalHeader().setDefaultSectionSize(lines + metrics.height() // 2)
        table.setWordWrap(True)
        self.fit()
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self._pending:
            self._pending = True  # once the resizing is over
            QTimer.singleShot(0, self, self.fit)
        return False

    def fit(self) -> None:
        self._pending = False
        room = self.table.viewport().width()
        wide = room - sum(self.widths["wide"].values()) >= self.title_width
        chosen = "wide" if wide else "narrow"
        if chosen != self.fitted:
            self.fitted = chosen
            for column, width in self.widths[chosen].items():
                self.table.setColumnWidth(column, width)
