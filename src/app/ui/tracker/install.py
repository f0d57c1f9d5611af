"""The tracker in the main window: a page of its own beside the inspections, View →
Recommendation tracker (Ctrl+T) to go there and back, the two File → Export… commands, and
the way from a row to its finding in the inspection's Findings tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.actions import ActionId
from app.ui.findings_tab import FindingsTab
from app.ui.tracker.exports import TrackerExports
from app.ui.tracker.view import TrackerView

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SHORTCUT = "Ctrl+T"
STATUS_TIMEOUT_MS = 8000
FINDING_WAIT_MS = 20  # the Findings tab reads its inspection on the database worker…
FINDING_WAITS = 250  # …looked at this often, this many times at most


class TrackerPage(QObject):
    """Switches the window's central stack between the tracker and what it showed before."""

    def __init__(self, window: MainWindow, view: TrackerView, action: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.action = action
        self._before: QWidget | None = None
        self._focus: QWidget | None = None  # where the keyboard was before the tracker
        action.toggled.connect(self.show_tracker)
        window.stack.currentChanged.connect(self._page_changed)
        view.openRequested.connect(self.open_finding)
        # An inspection opened by a command (new, imported, the samples) is shown; a register
        # read again with changes made elsewhere is read again here too.
        window.register.inspectionActivated.connect(self._inspection_opened)
        model = window.register.model
        for changed in (model.modelReset, model.dataChanged):
            changed.connect(lambda *_args: view.refresh_soon() if self.shown else None)

    @property
    def shown(self) -> bool:
        return self.window.stack.currentWidget() is self.view

    def show_tracker(self, shown: bool) -> None:
        """The tracker, the keyboard in its table; or back to the page before, the keyboard
        where it was there."""
        stack = self.window.stack
        if shown and not self.shown:
            self._before = stack.currentWidget()
            self._focus = QApplication.focusWidget()
            stack.setCurrentWidget(self.view)
            self.view.table.setFocus()
        elif not shown and self.shown:
            before = self._before if self._before is not None else self.window.splitter
            stack.setCurrentWidget(before)
            if before is self.window.welcome:
                self.window.refresh()  # an inspection may have arrived meanwhile
            focus = self._focus
            if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
                focus.setFocus()
            elif self.window.register.isVisible():
                self.window.register.table.setFocus()

    def show_status(self, value: str) -> None:
        """The tracker filtered to the findings at one progress status (a bar of the
        dashboard's chart opens what it counts)."""
        filters = self.view.filters
        filters.status.setCurrentIndex(max(0, filters.status.findData(value)))
        self.action.setChecked(True)

    def _inspection_opened(self, _inspection_id: int) -> None:
        if self.shown:
            self._before = self.window.splitter
            self.action.setChecked(False)

    def _page_changed(self, _index: int) -> None:
        if self.action.isChecked() != self.shown:
            self.action.setChecked(self.shown)

    def open_finding(self, inspection_id: int, finding_id: int) -> None:
        """The inspections again, this finding's inspection chosen, its Findings tab shown
        with the finding's row current once the tab has read it."""
        self._before = self.window.splitter
        self.action.setChecked(False)
        self.window.show_inspection(inspection_id)
        tab = next((t for t in self.window.page.tabs() if isinstance(t, FindingsTab)), None)
        if tab is None:
            return
        self.window.page.setCurrentWidget(tab)
        self._select_when_read(tab, inspection_id, finding_id, FINDING_WAITS)

    def _select_when_read(
        self, tab: FindingsTab, inspection_id: int, finding_id: int, waits: int
    ) -> None:
        # The register is read again, then the tab reads the inspection: both on the worker.
        shown = tab.inspection is not None and tab.inspection.id == inspection_id
        if (tab.loading or not shown) and waits > 0:
            QTimer.singleShot(FINDING_WAIT_MS, self,
                              lambda: self._select_when_read(tab, inspection_id, finding_id,
                                                             waits - 1))  # fmt: skip
            return
        if not shown:
            return
        row = tab.model.row_of(finding_id)
        if row is not None:
            tab.table.setCurrentIndex(tab.model.index(row, 0))
        tab.table.setFocus()


def install_tracker(window: MainWindow) -> TrackerView:
    """Add the tracker to ``window``: its page, its View command and the File commands."""
    view = TrackerView(window.context, window.stack)
    window.stack.addWidget(view)

    def notice(words: str) -> None:
        window.statusBar().showMessage(words, STATUS_TIMEOUT_MS)

    view.notice.connect(notice)
    show = QAction("Recommendation &tracker", window)
    show.setObjectName("show_tracker")
    show.setCheckable(True)
    show.setShortcut(QKeySequence(SHORTCUT))
    tip = "Every finding's progress after publication, across the inspections (Ctrl+T again: back)"
    show.setStatusTip(tip)
    show.setToolTip(tip)
    window.add_action("View", show, after=ActionId.SHOW_REGISTER)
    page = TrackerPage(window, view, show)

    exports = TrackerExports(window, window.context.db, window.settings,
                             view.filters.export_filter, notice)  # fmt: skip
    for text, tip, handler in (
        ("Export dead&lines to calendar…",
         "Write the deadlines and target dates as an iCalendar file for Outlook",
         exports.export_calendar),
        ("Export trac&ker…",
         "Write the tracker (as filtered) as an Excel workbook, a CSV file or a PDF report",
         exports.export_tracker),
    ):  # fmt: skip
        action = QAction(text, window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(handler)
        window.add_action("File", action, after=ActionId.LOAD_SAMPLES)

    window.commands[ActionId.FIND].triggered.connect(
        lambda: view.focus_filter() if page.shown else None
    )
    window.commands[ActionId.REFRESH].triggered.connect(
        lambda: view.refresh() if page.shown else None
    )
    home = getattr(window, "home", None)  # the dashboard: its chart's bars open the tracker
    if home is not None:
        home.view.statusChosen.connect(page.show_status)
    return view
