"""The dashboard as the window's home: beside the register, where the inspection is shown.

The right-hand side of the window holds the inspection page and the dashboard, one at a time.
At start-up, once there are inspections, the dashboard is the first thing seen (the welcome
panel stays for an empty database); choosing an inspection anywhere (the register, a line or
mark of the dashboard, a search hit, Ctrl+1… for a tab) shows the inspection; View → Dashboard
(Ctrl+D, and the toolbar's first button) goes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QStackedWidget

from app.ui.actions import ActionId
from app.ui.dashboard.view import DashboardView

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

class Home(QObject):
    """Switches the window's right-hand side between the dashboard and the inspection."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = DashboardView(window.context)
        self._filtering = False
        self.sides = QStackedWidget()
        self.sides.setObjectName("inspectionOrDashboard")
        window.splitter.replaceWidget(window.splitter.indexOf(window.page), self.sides)
        self.sides.addWidget(window.page)
        self.sides.addWidget(self.view)
        self.sides.setCurrentWidget(window.page)  # the register says "Loading…" meanwhile
        self.action = window.commands[ActionId.DASHBOARD]  # View → Dashboard, the toolbar's first
        self.action.triggered.connect(self.show_dashboard)
        self._connect()

    @property
    def showing_dashboard(self) -> bool:
        return self.sides.currentWidget() is self.view and self.window.stack.currentWidget() is (
            self.window.splitter
        )

    def _connect(self) -> None:
        window = self.window
        view = self.view
        view.inspectionChosen.connect(self.open_inspection)
        view.filterChosen.connect(self.filter_register)
        window.register.inspectionActivated.connect(self._register_moved)
        window.register.table.clicked.connect(lambda _index: self.show_inspection_page())
        window.register.table.activated.connect(lambda _index: self.show_inspection_page())
        window.inspectionOpened.connect(lambda _id: self.show_inspection_page())
        window.ready.connect(self._window_ready)
        window.commands[ActionId.REFRESH].triggered.connect(self._refresh)
        # The search panel is made by the window's own slot, which runs after this one.
        window.commands[ActionId.SEARCH].triggered.connect(
            lambda: QTimer.singleShot(0, self, self._search_opened)
        )

    def _register_moved(self, _inspection_id: int) -> None:
        if not self._filtering:  # a row the filter hid moves the register on, not the person
            self.show_inspection_page()

    def _window_ready(self) -> None:
        for action in self.window.tab_actions:
            action.triggered.connect(self.show_inspection_page)
        self.show_dashboard()

    def _search_opened(self) -> None:
        """Once the search panel exists (made by the same command), a hit shows the
        inspection."""
        panel = self.window.search
        if panel is not None and not panel.property("dashboardConnected"):
            panel.setProperty("dashboardConnected", True)
            panel.hitOpened.connect(lambda _hit: self.show_inspection_page())

    def _refresh(self) -> None:
        if self.view.isVisible():
            self.view.refresh()

    # --- the two sides -----------------------------------------------------------------------

    def show_dashboard(self) -> None:
        """The dashboard, read afresh (when the database holds inspections: else the welcome
        panel stays)."""
        window = self.window
        if window.stack.currentWidget() is not window.splitter:
            return
        if self.sides.currentWidget() is self.view:
            self.view.refresh()
        else:
            self.sides.setCurrentWidget(self.view)  # shown: read afresh
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_inspection_page(self) -> None:
        self.sides.setCurrentWidget(self.window.page)

    def open_inspection(self, inspection_id: int, tab: str) -> None:
        """An inspection the dashboard names, at the tab that shows what the line said."""
        window = self.window
        self.show_inspection_page()
        window.show_inspection(inspection_id)
        page = window.page
        for index in range(page.count()):
            if page.tabText(index).replace("&", "") == tab:
                page.setCurrentIndex(index)
                break
        widget = page.currentWidget()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def filter_register(self, words: str) -> None:
        """The register lists the inspections at one status (its filter takes the words)."""
        window = self.window
        window.commands[ActionId.SHOW_REGISTER].setChecked(True)
        self._filtering = True
        try:
            window.register.filter_edit.setText(words)
            window.register.table.setFocus(Qt.FocusReason.OtherFocusReason)  # takes a row
        finally:
            self._filtering = False


def install_dashboard(window: MainWindow) -> Home:
    """Put the dashboard beside the register and its command in the View menu and toolbar."""
    return Home(window)
