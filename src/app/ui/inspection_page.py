"""The right-hand page: one inspection, shown in tabs (Overview, Findings, Responses, …).

Adding a tab
------------
A tab is a ``QWidget`` that implements :class:`InspectionTab`. Build it with the window's
:class:`~app.ui.context.AppContext` (database, organisation settings, today) and hand it to
:meth:`InspectionPage.add_tab`; ``MainWindow._build_tabs`` is where the window does so::

    page.add_tab(ResponsesTab(context), "Responses")

The page then

* calls ``save_pending()`` on every tab before it moves to another inspection, before a dialog
  edits the shown inspection, and when the window closes; a tab raising
  :class:`~app.domain.errors.AppError` there keeps the page on the inspection (the person is
  shown the message and their text stays in the tab);
* calls ``show_inspection(id)`` on every tab for the inspection chosen in the register, and
  ``show_inspection(None)`` when none is shown;
* listens to the tab's optional ``inspectionChanged = Signal(int)``: emit it, with the
  inspection's id, after saving anything the register or the other tabs show. The page
  refreshes the other tabs and the window refreshes the register;
* passes on the tab's optional ``notice = Signal(str)``: one sentence for the window's status
  bar about something that happened by itself (a save that moved the status on).
"""

from __future__ import annotations

from functools import partial
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QTabWidget, QWidget

from app.domain.errors import AppError
from app.ui import messages


@runtime_checkable
class InspectionTab(Protocol):
    """What the inspection page asks of each of its tabs."""

    def show_inspection(self, inspection_id: int | None) -> None:
        """Show this inspection (read it afresh from the database), or nothing for ``None``."""

    def save_pending(self) -> None:
        """Write anything typed but not yet saved; raise AppError if it cannot be saved."""


class InspectionPage(QTabWidget):
    """Tabs over the inspection chosen in the register.

    Signals:
        inspectionChanged(int): a tab saved a change to the inspection with this id.
        notice(str): a sentence from a tab for the window's status bar.
    """

    inspectionChanged = Signal(int)
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Inspection")
        self.setDocumentMode(True)
        self.tabBar().setAccessibleName("Inspection tabs")
        self._tabs: list[InspectionTab] = []
        self._inspection_id: int | None = None
        self._stale: list[InspectionTab] = []  # shown afresh when they come into view
        self.currentChanged.connect(self._came_into_view)

    @property
    def inspection_id(self) -> int | None:
        """The inspection shown, or None."""
        return self._inspection_id

    def tabs(self) -> list[InspectionTab]:
        return list(self._tabs)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (a QWidget implementing :class:`InspectionTab`); return its index."""
        if not isinstance(widget, InspectionTab):
            raise TypeError(f"{type(widget).__name__} does not implement InspectionTab")
        self._tabs.append(widget)
        signal = getattr(widget, "inspectionChanged", None)
        if isinstance(signal, SignalInstance):
            signal.connect(partial(self._tab_saved, widget))
        notice = getattr(widget, "notice", None)
        if isinstance(notice, SignalInstance):
            notice.connect(self.notice)
        if not widget.accessibleName():
            widget.setAccessibleName(title.replace("&", ""))
        index = self.addTab(widget, title)
        if widget is self.currentWidget() or self._inspection_id is None:
            widget.show_inspection(self._inspection_id)
        else:  # added after an inspection was chosen: it reads when it comes into view
            self._stale.append(widget)
        return index

    def save_pending(self) -> bool:
        """Ask every tab to save; show the first failure and return False if one fails."""
        return self._save_tabs()

    def _save_tabs(self, skip: InspectionTab | None = None) -> bool:
        for tab in self._tabs:
            if tab is skip:
                continue
            try:
                tab.save_pending()
            except AppError as error:
                if isinstance(tab, QWidget):
                    self.setCurrentWidget(tab)
                messages.show_error(self, error.message, "Your changes could not be saved")
                return False
        return True

    def set_inspection(self, inspection_id: int | None) -> bool:
        """Save what is pending, then show ``inspection_id`` in every tab.

        Returns False (and stays on the current inspection) when a tab could not save.
        """
        if inspection_id == self._inspection_id:
            return True
        if not self.save_pending():
            return False
        self._show(inspection_id)
        return True

    def reload(self) -> None:
        """Show the current inspection afresh (after a dialog changed it)."""
        self._show(self._inspection_id)

    def _show(self, inspection_id: int | None, *, skip: InspectionTab | None = None) -> None:
        """The tab in view shows ``inspection_id`` now; the others when they come into view
        (each reads on the one database worker: a hidden tab's read would only delay it)."""
        self._inspection_id = inspection_id
        current: object = self.currentWidget()
        for tab in self._tabs:
            if tab is skip:
                continue
            if tab is current:
                tab.show_inspection(inspection_id)
            elif tab not in self._stale:
                self._stale.append(tab)

    def _came_into_view(self, index: int) -> None:
        widget: object = self.widget(index)
        for tab in self._stale:
            if tab is widget:
                self._stale.remove(tab)
                tab.show_inspection(self._inspection_id)
                return

    def _tab_saved(self, source: InspectionTab, inspection_id: int) -> None:
        if inspection_id == self._inspection_id and self._save_tabs(skip=source):
            self._show(inspection_id, skip=source)
        self.inspectionChanged.emit(inspection_id)
