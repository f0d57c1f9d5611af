"""A chart whose marks can be chosen: by mouse, or with the arrow keys and Enter.

Drawn with QPainter in the palette's colours (so a high-contrast theme is followed), with an
accessible name, and an accessible description that says everything the picture shows in
words. The mark under the keyboard is outlined and said in the line beneath the chart (the
mark under the mouse in a tooltip); a change of mark is announced to assistive technology.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True, slots=True)
class Mark:
    """One thing a chart draws and counts: ``words`` say it, ``key`` is what choosing it opens."""

    words: str
    key: object


class MarkChart(QWidget):
    """The keyboard, mouse and accessibility of a chart; subclasses lay out and draw marks.

    Signals:
        markChosen(int): Enter, Space or a click on the mark at this index.
        currentMarkChanged(str): the words of the mark the keyboard is on now ("" for none).
    """

    markChosen = Signal(int)
    currentMarkChanged = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._marks: list[Mark] = []
        self._current = -1

    # --- what it shows -------------------------------------------------------------------

    @property
    def marks(self) -> list[Mark]:
        return list(self._marks)

    @property
    def current(self) -> int:
        """The index of the mark the keyboard is on (-1 when there is none)."""
        return self._current

    def set_marks(self, marks: list[Mark], description: str) -> None:
        """Replace the marks; ``description`` is the whole chart in words."""
        self._marks = list(marks)
        self._current = min(self._current, len(self._marks) - 1)
        if self._current < 0 and self._marks:
            self._current = 0
        self.setAccessibleDescription(description)
        self.updateGeometry()
        self.update()
        self._announce()

    def current_words(self) -> str:
        return self._marks[self._current].words if 0 <= self._current < len(self._marks) else ""

    def set_current(self, index: int) -> None:
        if not self._marks:
            return
        index = max(0, min(index, len(self._marks) - 1))
        if index != self._current:
            self._current = index
            self.update()
            self._announce()

    def _announce(self) -> None:
        words = self.current_words()
        self.currentMarkChanged.emit(words)
        if self.hasFocus():
            event = QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
            QAccessible.updateAccessibility(event)

    # --- geometry, for subclasses ------------------------------------------------------------

    def mark_rects(self) -> list[QRectF]:
        """Where each mark is drawn (the area a click chooses it in)."""
        raise NotImplementedError

    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def line_height(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:
        return QSize(self.line_height() * 24, self.minimumSizeHint().height())

    # --- colours: from the palette, so that high-contrast themes are followed --------------

    def ink(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def faint(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    def fill(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    # --- events ------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        self.draw(painter)
        rects = self.mark_rects()
        if 0 <= self._current < len(rects):
            pen = QPen(self.ink(), 2 if self.hasFocus() else 1)
            pen.setStyle(Qt.PenStyle.SolidLine if self.hasFocus() else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rects[self._current].adjusted(-2, -2, 2, 2))
        if self.hasFocus():
            focus = QPen(self.palette().color(QPalette.ColorRole.Highlight), 1)
            focus.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(focus)
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.set_current(self._current + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.set_current(self._current - 1)
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(len(self._marks) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if 0 <= self._current < len(self._marks):
                self.markChosen.emit(self._current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mark_at(self, point: QPointF) -> int:
        for index, rect in enumerate(self.mark_rects()):
            if rect.adjusted(-3, -3, 3, 3).contains(point):
                return index
        return -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.mark_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.set_current(index)
            self.markChosen.emit(index)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Over a mark, the pointing hand and the mark's words in a tooltip."""
        index = self.mark_at(event.position())
        if index >= 0:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), self._marks[index].words, self)
        else:
            self.setCursor(Qt.CursorShape.ArrowCursor)
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._announce()
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
