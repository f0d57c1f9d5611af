"""A timeline of the coming section 55 deadlines: the next eight weeks, today at the left,
one mark per inspection (a triangle for due within a week, a circle for on track; the RAG
colour as well, never alone)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from app.domain.english_dates import short_date
from app.domain.enums import RagState
from app.services.dashboard import LOOK_AHEAD_DAYS, DueResponse
from app.ui.dashboard.chart import Mark, MarkChart
from app.ui.rag import rag_background

CHART_NAME = "Coming section 55 deadlines"
STACK_AT_MOST = 4  # marks that would touch stand one above another, this high at most


def describe_deadlines(due: list[DueResponse], today: dt.date) -> str:
    until = today + dt.timedelta(days=LOOK_AHEAD_DAYS)
    span = f"from {short_date(today)} to {short_date(until)}"
    if not due:
        return f"{CHART_NAME}, {span}: none."
    listed = "; ".join(d.describe() for d in due)
    return f"{CHART_NAME}, {span}: {len(due)} — {listed}."


class DeadlineTimeline(MarkChart):
    """Eight weeks from today; Enter or a click on a mark opens that inspection
    (``markChosen``; the mark's ``key`` is the inspection's id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CHART_NAME, parent)
        self._today = dt.date.today()
        self._due: list[DueResponse] = []
        self.set_deadlines([], self._today)

    def set_deadlines(self, due: list[DueResponse], today: dt.date) -> None:
        self._today = today
        self._due = sorted(due, key=lambda d: (d.deadline, d.inspection_id))
        marks = [Mark(d.describe(), d.inspection_id) for d in self._due]
        self.set_marks(marks, describe_deadlines(self._due, today))

    def inspection_at(self, index: int) -> int:
        return self._due[index].inspection_id

    # --- layout --------------------------------------------------------------------------

    def _size(self) -> float:
        return self.line_height() * 1.0

    def _x(self, day: dt.date) -> float:
        margin = self.line_height() * 1.5
        span = max(self.width() - 2 * margin, 10.0)
        return margin + span * (day - self._today).days / LOOK_AHEAD_DAYS

    def _axis_y(self) -> float:
        return 8 + self.line_height() * 1.2 + STACK_AT_MOST * self._size() * 1.2

    def _levels(self) -> list[int]:
        """Each mark's level: the lowest where it touches no mark before it (at this width)."""
        room = self._size() * 1.15
        ends: list[float] = []  # the x of the last mark at each level
        levels: list[int] = []
        for due in self._due:
            x = self._x(due.deadline)
            free = next((level for level, end in enumerate(ends) if x - end >= room), None)
            if free is None and len(ends) < STACK_AT_MOST:
                free = len(ends)
                ends.append(x)
            elif free is None:  # every level taken: over the one free the longest
                free = min(range(len(ends)), key=lambda level: ends[level])
            ends[free] = x
            levels.append(free)
        return levels

    def minimumSizeHint(self) -> QSize:
        return QSize(self.line_height() * 20, int(self._axis_y() + self.line_height() * 2.2))

    def mark_rects(self) -> list[QRectF]:
        size = self._size()
        rects = []
        for due, level in zip(self._due, self._levels(), strict=True):
            centre = QPointF(self._x(due.deadline), self._axis_y() - size * (0.8 + 1.2 * level))
            rects.append(QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size))
        return rects

    # --- drawing -------------------------------------------------------------------------

    def draw(self, painter: QPainter) -> None:
        ink, faint = self.ink(), self.faint()
        axis = self._axis_y()
        metrics = self.fontMetrics()
        left, right = self._x(self._today), self._x(self._today + dt.timedelta(LOOK_AHEAD_DAYS))
        painter.setPen(QPen(ink, 1))
        painter.drawLine(QPointF(left, axis), QPointF(right, axis))
        for week in range(LOOK_AHEAD_DAYS // 7 + 1):
            day = self._today + dt.timedelta(weeks=week)
            x = self._x(day)
            painter.setPen(QPen(faint if week else ink, 1))
            painter.drawLine(QPointF(x, axis), QPointF(x, axis + 4))
            if week:
                painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(x, 8 + metrics.height()), QPointF(x, axis))
            painter.setPen(ink)
            words = "Today" if week == 0 else f"{day.day:02d}/{day.month:02d}"
            width = metrics.horizontalAdvance(words) + 4
            painter.drawText(QRectF(x - width / 2, axis + 6, width, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, words)  # fmt: skip
        painter.setPen(QPen(ink, 2))  # today, marked by a line of its own
        painter.drawLine(QPointF(left, 8), QPointF(left, axis))
        if not self._due:
            painter.drawText(QRectF(left + 8, 8, right - left - 8, axis - 16),
                             Qt.AlignmentFlag.AlignCenter,
                             "No section 55 deadline in the next 8 weeks")  # fmt: skip
        rects = self.mark_rects()
        for rect, due in zip(rects, self._due, strict=True):
            self._draw_mark(painter, rect, due.rag)
        self._draw_titles(painter, rects, right)

    def _draw_titles(self, painter: QPainter, rects: list[QRectF], right: float) -> None:
        """Each mark's title beside it, as far as the next mark at its height (cut with "…";
        left out where there is no room)."""
        metrics = self.fontMetrics()
        painter.setPen(self.ink())
        for index, (rect, due) in enumerate(zip(rects, self._due, strict=True)):
            following = [r.left() for r in rects[index + 1 :] if abs(r.top() - rect.top()) < 1]
            end = min(following, default=right + self.line_height())
            room = int(end - rect.right() - metrics.averageCharWidth() * 2)
            if room < metrics.averageCharWidth() * 6:
                continue
            words = metrics.elidedText(due.title, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRectF(rect.right() + 4, rect.top() - 2, room, rect.height() + 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             words)  # fmt: skip

    def _draw_mark(self, painter: QPainter, rect: QRectF, state: RagState) -> None:
        colour = rag_background(state)
        painter.setPen(QPen(self.ink(), 1.5))
        painter.setBrush(QBrush(colour) if colour is not None else self.fill())
        if state is RagState.DUE_SOON:  # a triangle: due within the week (Amber)
            painter.drawPolygon(QPolygonF([
                QPointF(rect.center().x(), rect.top()), rect.bottomRight(), rect.bottomLeft(),
            ]))  # fmt: skip
        else:  # a circle: on track (Green)
            painter.drawEllipse(rect)
