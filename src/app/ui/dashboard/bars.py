"""A horizontal bar chart of the recommendations at each progress status."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.domain.enums import ProgressStatus
from app.ui.dashboard.chart import Mark, MarkChart

CHART_NAME = "Recommendations by progress status"


def describe_counts(counts: list[tuple[ProgressStatus, int]]) -> str:
    """ "Recommendations by progress status: Open 12, In progress 4, …"."""
    if not counts:
        return f"{CHART_NAME}: none yet."
    parts = ", ".join(f"{status.label} {count:,}" for status, count in counts)
    return f"{CHART_NAME}: {parts}."


class ProgressBars(MarkChart):
    """One bar per progress status, its label on the left and its count at its end.

    Signals:
        statusChosen(str): a bar was chosen (Enter, Space, click): the progress status's
            value, for the tracker to show the recommendations at that status.
    """

    statusChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CHART_NAME, parent)
        self._counts: list[tuple[ProgressStatus, int]] = []
        self.markChosen.connect(self._chosen)
        self.set_counts([(status, 0) for status in ProgressStatus])

    def set_counts(self, counts: list[tuple[ProgressStatus, int]]) -> None:
        self._counts = list(counts)
        marks = [
            Mark(f"{status.label}: {count:,} (Enter shows them in the tracker)", status)
            for status, count in self._counts
        ]
        self.set_marks(marks, describe_counts(self._counts))

    def _chosen(self, index: int) -> None:
        status = self._counts[index][0]
        self.statusChosen.emit(status.value)

    # --- layout --------------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.line_height() * 3 // 2

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(s.label) for s, _n in self._counts), default=0)
        return widest + metrics.averageCharWidth() * 2

    def minimumSizeHint(self) -> QSize:
        rows = max(len(self._counts), 1)
        return QSize(self._label_width() + self.line_height() * 6, rows * self._row_height() + 8)

    def _bar_area(self) -> tuple[float, float]:
        """Where the bars start and their longest length."""
        left = self._label_width() + 4.0
        count_room = self.fontMetrics().horizontalAdvance("000,000") + 8.0
        return left, max(self.width() - left - count_room - 4.0, 10.0)

    def mark_rects(self) -> list[QRectF]:
        height = self._row_height()
        return [
            QRectF(2, 4 + row * height, self.width() - 4, height - 2)
            for row in range(len(self._counts))
        ]

    def draw(self, painter: QPainter) -> None:
        left, longest = self._bar_area()
        most = max((count for _s, count in self._counts), default=0) or 1
        bar_pen = QPen(self.ink(), 1)
        for rect, (status, count) in zip(self.mark_rects(), self._counts, strict=True):
            painter.setPen(self.ink())
            label = QRectF(rect.left() + 4, rect.top(), left - rect.left() - 8, rect.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             status.label)  # fmt: skip
            length = longest * count / most
            bar = QRectF(left, rect.top() + rect.height() * 0.2, length, rect.height() * 0.6)
            if count:
                painter.setPen(bar_pen)
                painter.setBrush(self.fill())
                painter.drawRect(bar)
            painter.setPen(self.ink())
            figure = QRectF(left + length + 6, rect.top(), 200, rect.height())
            painter.drawText(figure, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{count:,}")  # fmt: skip
