"""Where the side panel (History, Status, Office steps) goes: beside the rows, or over them.

Beside the rows, in the view's splitter, when there is room for the panel and for editors no
narrower than :data:`~app.ui.responses.rows.MIN_EDITOR` (they go one above the other first).
On a narrower page (a 1366-pixel screen at 150 %, the register shown) it opens as a drawer over
the right-hand side of the rows instead, so that it never squeezes them or the register; the
Details button or Escape closes it.

Signals:
    closeRequested(): Escape was pressed in the drawer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QGraphicsDropShadowEffect, QSplitter, QWidget

DRAWER_SHARE = 0.6  # at most this much of the rows' width is covered by the drawer


class SideDock(QObject):
    """Moves ``side`` between ``splitter`` (after ``rows``' pane) and a drawer over ``rows``."""

    closeRequested = Signal()

    def __init__(
        self, view: QWidget, splitter: QSplitter, side: QWidget, rows: QWidget, rows_minimum: int
    ) -> None:
        super().__init__(view)
        self.view = view
        self.splitter = splitter
        self.side = side
        self.rows = rows
        self.rows_minimum = rows_minimum
        self.docked = True
        self.drawer_width = max(side.minimumWidth(), side.sizeHint().width())
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), side)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.setEnabled(False)
        self.escape.activated.connect(self.closeRequested)
        view.installEventFilter(self)
        rows.installEventFilter(self)

    def room_beside(self) -> bool:
        """True when the rows keep their minimum width with the panel beside them."""
        needed = self.rows_minimum + self.side.minimumWidth() + self.splitter.handleWidth()
        return self.splitter.width() >= needed

    def set_shown(self, shown: bool) -> None:
        self.side.setVisible(shown)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self.place()
        return False

    def place(self) -> None:
        docked = self.room_beside()
        if docked != self.docked:
            shown = self.side.isVisibleTo(self.view)
            self.docked = docked
            if docked:
                self.splitter.addWidget(self.side)
                rest = self.splitter.width() - self.drawer_width
                self.splitter.setSizes([rest, self.drawer_width])
            else:
                self.drawer_width = self.side.width() or self.drawer_width
                self.side.setParent(self.view)
            self.side.setAutoFillBackground(not docked)  # a drawer hides the rows under it
            self.side.setGraphicsEffect(None if docked else self._shadow())  # type: ignore[arg-type]  # None removes the effect (Qt allows it; the stubs do not)
            self.side.setVisible(shown)
            self.escape.setEnabled(not docked)
        if not docked:
            self._place_drawer()

    def _shadow(self) -> QGraphicsDropShadowEffect:
        """A shadow on the rows, so that the drawer is seen to lie over them."""
        shadow = QGraphicsDropShadowEffect(self.side)
        shadow.setBlurRadius(16)
        shadow.setOffset(-2, 0)
        shadow.setColor(QColor(0, 0, 0, 90))
        return shadow

    def _place_drawer(self) -> None:
        area = QRect(self.rows.mapTo(self.view, self.rows.rect().topLeft()), self.rows.size())
        width = min(self.drawer_width, int(area.width() * DRAWER_SHARE))
        self.side.setGeometry(area.right() + 1 - width, area.top(), width, area.height())
        self.side.raise_()
