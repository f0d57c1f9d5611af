"""Tab order for a view whose parts are made at different times.

Qt sends Tab round a ring of widgets in the order they were made. A view that makes some of
its parts later (the responses view makes the rows of each inspection after its side panel)
would send Tab from its toolbar into the side panel, then back to the rows. Such a view states
the order it wants and hands Tab and Shift+Tab to :func:`move_focus` from its
``focusNextPrevChild``; past either end, the focus leaves the view as Qt would move it.

``QWidget.setTabOrder`` is no help there: it moves a compound widget (a tab widget and its pages)
as one block of the ring, which breaks when the block and the rows are interleaved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def _ring(window: QWidget) -> list[QWidget]:
    """Every widget of ``window``'s focus ring, starting after the window itself."""
    ring: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        ring.append(widget)
        widget = widget.nextInFocusChain()
    return ring


def _takes_tab(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isEnabled()
        and (widget.isVisible())
    )


def _stands_in(widget: QWidget) -> bool:
    """True for a widget that takes the focus for its owner (a date box's line edit)."""
    owner = widget.parentWidget()
    return owner is not None and owner.focusProxy() is widget


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets inside ``root`` that can take the focus from Tab, in the ring's order.

    Hidden and disabled ones are listed too (they may be shown later); a widget standing in for
    its owner is not: the owner is.
    """
    return [
        widget
        for widget in _ring(root.window())
        if root.isAncestorOf(widget)
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not _stands_in(widget)
    ]


def _focused_in(order: list[QWidget]) -> int | None:
    widget = QApplication.focusWidget()
    while widget is not None and widget not in order and _stands_in(widget):
        widget = widget.parentWidget()
    return order.index(widget) if widget is not None and widget in order else None


def move_focus(root: QWidget, order: list[QWidget], forward: bool) -> bool:
    """Move the focus to the next (or previous) widget of ``order`` that can take it.

    Past the end of ``order`` the focus goes to the first widget outside ``root`` that Tab
    would reach. False when the focus is not on a widget of ``order`` (Qt then moves it).
    """
    index = _focused_in(order)
    if index is None:
        return False
    ahead = order[index + 1 :] if forward else order[:index][::-1]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    for widget in ahead:
        if _takes_tab(widget):
            widget.setFocus(reason)
            return True
    ring = _ring(root.window())
    inside = [n for n, widget in enumerate(ring) if root.isAncestorOf(widget)]
    if not inside:
        return False
    start, step = (max(inside) + 1, 1) if forward else (min(inside) - 1, -1)
    for offset in range(len(ring)):
        widget = ring[(start + offset * step) % len(ring)]
        if root.isAncestorOf(widget) or widget.focusProxy() is not None:
            continue  # a widget with a stand-in is reached through the stand-in
        if _takes_tab(widget):
            widget.setFocus(reason)
            return True
    return False
