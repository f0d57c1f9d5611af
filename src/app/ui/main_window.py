"""The main window: the register on the left, the chosen inspection on the right."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app import APP_NAME
from app.domain.enums import AuthorRole
from app.domain.errors import AppError
from app.paths import default_db_path
from app.ui import messages, window_state
from app.ui.actions import ActionId, build_actions, build_menus, build_toolbar
from app.ui.context import AppContext
from app.ui.db_worker import Changes, LatestRead, database_worker
from app.ui.read_only_frame import ReadOnlyFrame

if TYPE_CHECKING:
    from app.db.database import Database
    from app.domain.model import InspectionSummary
    from app.services.inspections import ImportOutcome
    from app.ui.backup_commands import BackupCommands
    from app.ui.dashboard import Home
    from app.ui.importing import ImportController
    from app.ui.importing.tracker_import import TrackerImport
    from app.ui.inspection_page import InspectionPage
    from app.ui.register_view import RegisterPanel
    from app.ui.search_panel import SearchPanel
    from app.ui.tracker import TrackerView
    from app.ui.welcome import WelcomePanel

# The window's frame (menus, toolbar, status bar) is painted before its database is open and
# before the rest of it is made (see "the first moments" in MainWindow). So the register, the
# page, the tabs, the dashboard, the dialogues and the services (SQLAlchemy) are imported on
# first use, and so is PySide's ``Qt`` namespace: making its hundred enums takes 11 ms, a tenth
# of a bare window's start-up, and nothing the frame imports loads it.

STATUS_TIMEOUT_MS = 8000
CLOSE_WAIT_MS = 5_000
EDITING_COMMANDS = (
    ActionId.NEW_INSPECTION, ActionId.IMPORT_DOCUMENT, ActionId.PASTE_REPORT,
    ActionId.LOAD_SAMPLES, ActionId.RESTORE_BACKUP, ActionId.ORGANISATION_SETTINGS,
)  # fmt: skip
"""Disabled over a read-only database, with the commands about the inspection shown."""
OPEN_COMMANDS = (ActionId.BACK_UP, ActionId.SEARCH, ActionId.DASHBOARD)
"""Disabled, with the editing commands, until the database is open."""
REGISTER_SHARE = 0.3  # of the window's width, at first start: the responses need the rest
PAINT_WAIT_MS = 10  # the tabs are built once the frame is painted: looked for this often…
PAINT_WAITS = 20  # …this many times at most
SMALL_SCREEN = 1600  # narrower (in logical pixels, after scaling), the first start is maximised
TITLE_CHARS = 80  # an inspection title longer than this is shortened in the window title
OPENING = "Opening the database…"  # in the status bar until the register's rows are in


class MainWindow(QMainWindow):
    """Owns the database (closed with the window) and every view over it.

    Extension points for other parts of the UI: :meth:`add_tab` (``page.add_tab``),
    :meth:`add_action` (a command in a menu and on the welcome panel) and
    :meth:`show_inspection` (refresh the register and open an inspection, e.g. after an import).

    The window is made before its database is open. The frame is painted first, the register
    saying "Loading…", while the database opens (and is checked) on the database worker; then
    the register is read there, the rows arrive by queued signal, and the tabs are built one
    at a time while the person can already use the register.

    Signals:
        opened(): the database is open (:attr:`is_open`); its reads follow.
        openFailed(object): the database could not be opened (the error: an AppError, a
            DamagedDatabase among them); nothing was read or written. Whoever made the window
            decides what happens next (:mod:`app.ui.application` offers a backup, or closes).
        usable(): the register is filled for the first time (:attr:`is_usable`): an
            inspection can be chosen (its tabs show it as they are built).
        ready(): the tabs are built too (:attr:`is_ready`).
    """

    opened = Signal()
    openFailed = Signal(object)
    usable = Signal()
    ready = Signal()
    inspectionOpened = Signal(int)  # asked for by id (show_inspection, refresh(select=…))
    # Made once the frame is painted (_build_body):
    register: RegisterPanel
    """The register of inspections, on the left."""
    page: InspectionPage
    """The chosen inspection's tabs, on the right."""
    splitter: QSplitter
    """The register and the page (or the dashboard) side by side."""
    welcome: WelcomePanel
    """What an empty database shows instead: the commands to start with."""
    # Made once the register's rows are in (_install_parts):
    importer: ImportController
    """Importing documents (File → Import…, Paste…, a file dropped on the window)."""
    backups: BackupCommands
    """File → Back up now and Restore from backup…, and the backup at start-up."""
    home: Home
    """The dashboard beside the register (View → Dashboard), installed once the register's
    rows are in (with ``importer``, ``backups`` and ``tracker_import``)."""
    tracker_import: TrackerImport
    """File → Import tracker…"""

    def __init__(self, context: AppContext, settings: QSettings) -> None:
        super().__init__()
        self.context = context
        self.settings = settings
        self.setWindowTitle(APP_NAME)
        self.commands = build_actions(self)
        self.commands[ActionId.SHOW_REGISTER].setChecked(True)
        self.menus: dict[str, QMenu] = build_menus(self.menuBar(), self.commands)
        self.toolbar = self.addToolBar("Main toolbar")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setAccessibleName("Main toolbar")
        build_toolbar(self.toolbar, self.commands)  # words, no icons: see _build_body
        self.tab_actions: list[QAction] = []  # the tabs are built once the register is in
        self.stack = QStackedWidget(self)  # empty until the register and the page are made
        self.frame = ReadOnlyFrame(self.stack, self)  # its banner shown for a read-only file
        self.setCentralWidget(self.frame)
        self.statusBar().showMessage(OPENING)

        self.search: SearchPanel | None = None  # made on first use (Ctrl+Shift+F)
        self.tracker: TrackerView | None = None  # made with the tabs (app.ui.tracker)
        self.is_open = False
        self.is_usable = False
        self.is_ready = False
        self._painted = False
        self._body_built = False
        self._parts_installed = False
        self._tabs_to_build: list[Callable[[], None]] = []
        self._paint_waits = 0
        self._building = False
        self._closed = False
        self._refresh_waiting = False
        self._select_waiting = window_state.read_int(settings, window_state.CURRENT_INSPECTION)
        self._register_reads = LatestRead(self)
        self._refresh_select: int | None = None  # to open once the register read comes back
        self._changes = Changes(self, lambda error: messages.show_error(self, error.message))
        self._connect()
        self._restore_frame()
        self._update_actions()
        context.databaseOpened.connect(self._opened)
        context.databaseFailed.connect(self.openFailed)
        context.open_database()  # create_window has asked already, before loading this module
        QTimer.singleShot(0, self, self._finish_building)

    # --- the first moments ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._finish_building)  # once this paint is done
        super().paintEvent(event)

    def _opened(self) -> None:
        if self._closed:
            return
        self.is_open = True
        self.opened.emit()
        self._finish_building()

    def _finish_building(self) -> None:
        """Once the frame is painted (if shown): build the register and the inspection page and,
        once the database is open, read the register on the database worker; the rows are put
        in when they come (:meth:`_first_rows`), and the commands' parts and the tabs are built
        after them."""
        if self._building or self._closed:
            return
        if self.isVisible() and not self._painted and self._paint_waits < PAINT_WAITS:
            self._paint_waits += 1  # bounded: a window never painted (minimised) still fills
            QTimer.singleShot(PAINT_WAIT_MS, self, self._finish_building)
            return
        self._build_body()
        if not self.is_open:  # the worker is opening the database: _opened comes back here
            return
        self._building = True
        self.frame.set_read_only(self.context.db.read_only)
        self._read_register(self._first_rows, self._first_rows_failed)

    def _build_body(self) -> None:
        """The register (saying "Loading…"), the inspection page beside it and the welcome
        panel: made once the frame is painted, their modules loaded then. SQLAlchemy starts
        loading meanwhile, for the register's read (:mod:`app.services.preloading`)."""
        if self._body_built:
            return
        self._body_built = True
        from PySide6.QtCore import Qt

        from app.services.preloading import load_in_background
        from app.ui.inspection_page import InspectionPage
        from app.ui.register_view import RegisterPanel
        from app.ui.welcome import WelcomePanel

        load_in_background()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.register = RegisterPanel(self)
        self.register.show_loading(True)
        self.register.setVisible(self.commands[ActionId.SHOW_REGISTER].isChecked())
        self.page = InspectionPage(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.register)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 1)  # a wider window widens the responses most
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        a = self.commands
        self.welcome = WelcomePanel([a[ActionId.LOAD_SAMPLES], a[ActionId.NEW_INSPECTION],
                                     a[ActionId.IMPORT_DOCUMENT], a[ActionId.PASTE_REPORT]],
                                    self)  # fmt: skip
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.splitter)
        self.stack.setCurrentWidget(self.splitter)  # the register says "Loading…" at first
        self._connect_body()
        self._restore_body()

    def _install_parts(self) -> None:
        """The commands' parts (importing, backups, the dashboard, File → Import tracker…),
        made once the register is in: the commands are enabled then."""
        from app.ui.backup_commands import BackupCommands
        from app.ui.dashboard import install_dashboard
        from app.ui.importing import ImportController
        from app.ui.importing.tracker_import import install_tracker_import

        context, a = self.context, self.commands
        self.importer = ImportController(self, context.db, save_pending=self.page.save_pending,
                                         organisation=lambda: context.organisation)  # fmt: skip
        self.backups = BackupCommands(self, context.db, self.settings,
                                      save_pending=self.page.save_pending,
                                      reload=self._reload_all)  # fmt: skip
        a[ActionId.IMPORT_DOCUMENT].triggered.connect(self.importer.choose_and_import)
        a[ActionId.PASTE_REPORT].triggered.connect(self.importer.paste_text)
        self.importer.imported.connect(self._imported)
        self.importer.responsesFilled.connect(self._imported)
        self.importer.skipped.connect(self.show_inspection)
        a[ActionId.BACK_UP].triggered.connect(self.backups.back_up_now)
        a[ActionId.RESTORE_BACKUP].triggered.connect(self.backups.restore_from_backup)
        self.home = install_dashboard(self)  # the dashboard beside the register, View → Dashboard
        self.tracker_import = install_tracker_import(self)
        if not context.db.read_only:
            self.importer.install_drop_target(self)
        self._parts_installed = True
        self._update_actions()

    def _read_register(
        self,
        on_done: Callable[[tuple[list[InspectionSummary], bool]], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """The register's rows (and whether the database holds no inspection at all), read on
        the database worker and handed to ``on_done`` on the GUI thread."""
        db, context = self.context.db, self.context
        show_archived = self.commands[ActionId.SHOW_ARCHIVED].isChecked()

        def read() -> tuple[list[InspectionSummary], bool]:
            with contextlib.suppress(AppError):  # read here, not on the GUI thread; else later
                context.read_organisation()
            return _read_summaries(db, show_archived)

        self._register_reads.run(read, on_done, on_error)

    def _first_rows(self, found: tuple[list[InspectionSummary], bool]) -> None:
        self._name_roles()
        select, self._select_waiting = self._select_waiting, None
        self.register.show_loading(False)
        self._apply_register(*found, select=select)
        self._now_usable()

    def _first_rows_failed(self, error: BaseException) -> None:
        self._name_roles()
        self.register.show_loading(False)
        self._now_usable()
        if not isinstance(error, AppError):
            raise error
        messages.show_error(self, error.message)

    def _now_usable(self) -> None:
        """The register is in: the person can work while the tabs are built, one for each turn
        of the event loop (a click or a key waits for one tab, not for all of them)."""
        if self.statusBar().currentMessage() == OPENING:
            self.statusBar().clearMessage()
        self.is_usable = True
        self.usable.emit()
        if self._refresh_waiting:  # asked for while the register was being read
            self._refresh_waiting = False
            self.refresh()
        self._tabs_to_build = self._after_the_rows()
        QTimer.singleShot(0, self, self._build_next_tab)

    def _build_next_tab(self) -> None:
        if self._closed:
            return
        if self._tabs_to_build:
            self._tabs_to_build.pop(0)()
            QTimer.singleShot(0, self, self._build_next_tab)
            return
        self._now_ready()

    def _now_ready(self) -> None:
        from app.ui.document import viewer_copies

        viewer_copies.remove_stale()  # the PDF viewer's copies left by runs that have ended
        self.is_ready = True
        self.ready.emit()

    def _after_the_rows(self) -> list[Callable[[], None]]:
        """The commands' parts, then the inspection page's tabs, in order, and the tracker.
        Other tabs are added here the same way."""

        def overview() -> None:
            from app.ui.overview import OverviewTab

            self.menus["View"].addSeparator()
            self.add_tab(OverviewTab(self.context, self.page), "Overview")

        def findings() -> None:
            from app.ui.findings_tab import FindingsTab

            self.add_tab(FindingsTab(self.context, self.page), "Findings")

        def responses() -> None:
            from app.ui.responses import ResponsesView

            self.add_tab(ResponsesView(self.context, self.page), "Responses")

        def document() -> None:
            from app.ui.document import DocumentTab

            self.add_tab(DocumentTab(self.context, self.page), "Document")

        def tracker() -> None:
            from app.ui.tracker import install_tracker

            self.tracker = install_tracker(self)  # a page of the stack: View → Tracker

        return [self._install_parts, overview, findings, responses, document, tracker]

    def _connect(self) -> None:
        a = self.commands
        a[ActionId.NEW_INSPECTION].triggered.connect(self.new_inspection)
        a[ActionId.LOAD_SAMPLES].triggered.connect(self.load_samples)
        a[ActionId.IMPORT_CC_COMMENTS].triggered.connect(self._import_cc_comments)
        a[ActionId.ORGANISATION_SETTINGS].triggered.connect(self.edit_settings)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.EDIT_INSPECTION].triggered.connect(self.edit_inspection)
        a[ActionId.ARCHIVE_INSPECTION].triggered.connect(self.toggle_archived)
        a[ActionId.FIND].triggered.connect(self._find)
        a[ActionId.SEARCH].triggered.connect(self.show_search)
        a[ActionId.SHOW_ARCHIVED].toggled.connect(lambda _checked: self.refresh())
        a[ActionId.SHOW_REGISTER].toggled.connect(self._show_register)
        a[ActionId.REFRESH].triggered.connect(self.refresh)
        a[ActionId.ABOUT_DEADLINE].triggered.connect(self._about_deadline)
        a[ActionId.ABOUT].triggered.connect(self._about)
        self.context.organisationChanged.connect(self._name_roles)  # named once read (first rows)

    def _connect_body(self) -> None:
        self.register.inspectionActivated.connect(self._inspection_activated)
        self.page.inspectionChanged.connect(lambda _id: self.refresh())
        self.page.notice.connect(
            lambda words: self.statusBar().showMessage(words, STATUS_TIMEOUT_MS)
        )

    # --- extension points ----------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to the inspection page, with a View menu command (Ctrl+1, Ctrl+2…)."""
        index = self.page.add_tab(widget, title)
        action = QAction(title.replace("&", ""), self)
        action.setStatusTip(f"Show the {title.replace('&', '')} tab of the inspection")
        if index < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda: self.page.setCurrentWidget(widget))
        self.menus["View"].addAction(action)
        self.addAction(action)  # its shortcut works wherever the focus is
        self.tab_actions.append(action)
        return index

    def add_action(
        self, menu: str, action: QAction, *, after: ActionId | None = None, welcome: bool = False
    ) -> None:
        """Put ``action`` in ``menu`` ("File", "Inspection", "View", "Help"), after ``after``
        (at the end when None), and on the welcome panel when ``welcome``."""
        target = self.menus[menu]
        entries = target.actions()
        position = entries.index(self.commands[after]) + 1 if after is not None else len(entries)
        if position < len(entries):
            target.insertAction(entries[position], action)
        else:
            target.addAction(action)
        self.addAction(action)  # its shortcut works wherever the focus is
        if welcome:
            self.welcome.add_action_button(action)

    def show_inspection(self, inspection_id: int | None = None) -> None:
        """Read the register again, then open ``inspection_id`` if given."""
        self.refresh(select=inspection_id)

    def _imported(self, inspection_id: int) -> None:
        shown = self.page.inspection_id == inspection_id
        self.refresh(select=inspection_id)
        if shown:  # refresh() does not reload an inspection already shown
            self.page.reload()

    def _show_register(self, shown: bool) -> None:
        """Hide the register to give the inspection (and its responses) the whole width.

        The keyboard focus stays where it is (F9 while typing carries on typing), unless it was
        in the register being hidden.
        """
        if not self._body_built:
            return  # the register is made shown or hidden as this command says
        focus = QApplication.focusWidget()
        in_register = focus is not None and self.register.isAncestorOf(focus)
        self.register.setVisible(shown)
        if shown and focus is None:
            self.register.table.setFocus()
        elif not shown and in_register:
            self.page.setFocus()

    def _name_roles(self) -> None:
        """Commands that name a role use the organisation's title for it."""
        try:
            chief = self.context.organisation.role_title(AuthorRole.CHIEF_CONSTABLE)
        except AppError:
            return  # keep the names they have
        action = self.commands[ActionId.IMPORT_CC_COMMENTS]
        action.setText(f"Import {chief}’s &comments…")
        tip = f"Fill the {chief}’s responses from their Word or text file"
        action.setStatusTip(tip)
        action.setToolTip(tip)

    def _about_deadline(self) -> None:
        from app.ui.help_texts import show_deadline_help

        show_deadline_help(self)

    def _about(self) -> None:
        from app.ui.help_texts import show_about

        show_about(self, self.context.db.path)

    def _import_cc_comments(self) -> None:
        if self.page.inspection_id is not None:
            self.importer.import_comments(self.page.inspection_id)

    # --- register ------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Read the register again and open ``select`` if given (while the window is still
        being made, once its first rows are in)."""
        if not self.is_usable:
            self._refresh_waiting = self._building
            if select is not None:
                self._select_waiting = select
            return
        if select is not None:  # kept when a later refresh without one supersedes this
            self._refresh_select = select
        self._read_register(self._refreshed, self._refresh_failed)

    @property
    def loading(self) -> bool:
        """True while the register is being read again, or a change asked for here is being
        written (on the database worker)."""
        return self._register_reads.loading or self._changes.busy

    def _refreshed(self, found: tuple[list[InspectionSummary], bool]) -> None:
        select, self._refresh_select = self._refresh_select, None
        self._apply_register(*found, select=select)

    def _refresh_failed(self, error: BaseException) -> None:
        self._refresh_select = None
        if not isinstance(error, AppError):
            raise error
        messages.show_error(self, error.message)

    def _apply_register(
        self, summaries: list[InspectionSummary], empty: bool, *, select: int | None
    ) -> None:
        self.register.set_summaries(summaries, self.context.today())
        if self.stack.currentWidget() in (self.welcome, self.splitter):  # not over the tracker
            self.stack.setCurrentWidget(self.welcome if empty else self.splitter)
        shown = self.page.inspection_id
        if select is not None and self.register.has_inspection(select):
            self.inspectionOpened.emit(select)
            self.register.select_inspection(select)
            if self.page.inspection_id != select:  # it was already the register's current row
                self._inspection_activated(select)
        elif shown is not None and not self.register.has_inspection(shown):
            self.page.set_inspection(None)  # archived, or gone
        self._update_actions()

    def current_summary(self) -> InspectionSummary | None:
        if not self._body_built:
            return None
        inspection_id = self.page.inspection_id
        if inspection_id is None:
            return None
        row = self.register.model.row_of(inspection_id)
        return self.register.model.row_data(row).summary if row is not None else None

    def _inspection_activated(self, inspection_id: int) -> None:
        if not self.page.set_inspection(inspection_id):
            self.register.select_inspection(self.page.inspection_id)
        self._update_actions()

    def _update_actions(self) -> None:
        summary = self.current_summary()
        db_path = self.context.db.path if self.is_open else None  # named once it is open
        self.setWindowTitle(window_title(summary.title if summary else None, db_path))
        working = self.is_open and self._parts_installed
        writable = working and not self.context.db.read_only
        for command in OPEN_COMMANDS:
            self.commands[command].setEnabled(working)
        for command in EDITING_COMMANDS:
            self.commands[command].setEnabled(writable)
        self.commands[ActionId.EDIT_INSPECTION].setEnabled(writable and summary is not None)
        self.commands[ActionId.IMPORT_CC_COMMENTS].setEnabled(writable and summary is not None)
        archive = self.commands[ActionId.ARCHIVE_INSPECTION]
        archive.setEnabled(writable and summary is not None)
        archived = summary is not None and summary.archived
        archive.setText("Un&archive inspection" if archived else "&Archive inspection")
        archive.setStatusTip(
            "Return the inspection shown to the register" if archived
            else "Hide the inspection shown from the register (it is kept)"
        )  # fmt: skip

    def _reload_all(self) -> None:
        """Everything read afresh from the database (after a restore replaced it)."""
        self.context.reload_organisation()
        self.refresh()
        self.page.reload()

    def _find(self) -> None:
        self.commands[ActionId.SHOW_REGISTER].setChecked(True)
        if self._body_built and self.stack.currentWidget() is self.splitter:
            self.register.focus_filter()

    def show_search(self) -> None:
        """The search panel (made on first use), with the keyboard in its box."""
        if self.search is None:
            from PySide6.QtCore import Qt

            from app.ui.search_jump import SearchJump
            from app.ui.search_panel import search_dock

            dock, self.search = search_dock(self.context, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            jump = SearchJump(self)
            panel = self.search
            panel.hitOpened.connect(
                lambda hit: jump.go(hit, panel.results.query.words if panel.results else [])
            )
        holder = self.search.parentWidget()
        assert holder is not None  # the dock
        holder.show()
        holder.raise_()
        self.search.focus_box()

    # --- commands ------------------------------------------------------------------------------

    def new_inspection(self) -> None:
        from app.ui.inspection_dialog import InspectionDialog

        if not self.page.save_pending():
            return
        dialog = InspectionDialog(self.context, None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.refresh(select=dialog.saved_id)
            self.statusBar().showMessage("Inspection created.", STATUS_TIMEOUT_MS)

    def edit_inspection(self) -> None:
        from app.ui.inspection_dialog import InspectionDialog

        inspection_id = self.page.inspection_id
        if inspection_id is None or not self.page.save_pending():
            return
        try:
            dialog = InspectionDialog(self.context, inspection_id, self)
        except AppError as error:
            messages.show_error(self, error.message)
            return
        if dialog.exec():
            self.page.reload()
            self.refresh()
            self.statusBar().showMessage("Inspection saved.", STATUS_TIMEOUT_MS)

    def toggle_archived(self) -> None:
        from app.services import inspections

        summary = self.current_summary()
        if summary is None or not self.page.save_pending():
            return
        db, inspection_id, archived = self.context.db, summary.id, not summary.archived

        def done(_none: None) -> None:
            self.page.reload()
            self.refresh()
            words = "archived" if archived else "returned to the register"
            self.statusBar().showMessage(f"“{summary.title}” {words}.", STATUS_TIMEOUT_MS)

        self._changes.run(lambda: inspections.set_archived(db, inspection_id, archived), done)

    def load_samples(self) -> None:
        from app.services import samples

        action = self.commands[ActionId.LOAD_SAMPLES]
        action.setEnabled(False)
        self.statusBar().showMessage("Loading the sample inspections…")
        db = self.context.db

        def done(outcome: ImportOutcome) -> None:
            action.setEnabled(True)
            self.context.reload_organisation()
            self.refresh(select=outcome.added[0] if outcome.added else None)
            self.statusBar().showMessage(f"Sample inspections: {outcome.describe()}.",
                                         STATUS_TIMEOUT_MS)  # fmt: skip

        def failed(error: BaseException) -> None:
            action.setEnabled(True)
            self.statusBar().clearMessage()
            if not isinstance(error, AppError):
                raise error
            messages.show_error(self, error.message, "The samples could not be loaded")

        # On the database worker, in order with the other writes (the window goes on meanwhile).
        database_worker().run(lambda: samples.load_samples(db), done, failed, owner=self)

    def edit_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        if not self.page.save_pending():
            return
        if SettingsDialog(self.context, self, self.settings).exec():
            self.statusBar().showMessage("Organisation settings saved.", STATUS_TIMEOUT_MS)

    # --- layout and closing --------------------------------------------------------------------

    def _restore_frame(self) -> None:
        s = self.settings
        self.commands[ActionId.SHOW_ARCHIVED].setChecked(
            window_state.read_bool(s, window_state.SHOW_ARCHIVED)
        )
        self.first_start = not self.restoreGeometry(
            window_state.read_bytes(s, window_state.GEOMETRY)
        )
        if self.first_start:
            screen = QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1400, screen.width() * 9 // 10), min(860, screen.height() * 9 // 10))
        self.restoreState(window_state.read_bytes(s, window_state.STATE))

    def _restore_body(self) -> None:
        s = self.settings
        self._splitter_restored = self.splitter.restoreState(
            window_state.read_bytes(s, window_state.SPLITTER)
        )
        self.register.restore_header_state(window_state.read_bytes(s, window_state.REGISTER_HEADER))
        if self.isVisible():
            self._size_splitter()

    def save_layout(self) -> None:
        s = self.settings
        s.setValue(window_state.GEOMETRY, self.saveGeometry())
        s.setValue(window_state.STATE, self.saveState())
        if self._body_built:  # else closed in its first moments: the last layout stays
            s.setValue(window_state.SPLITTER, self.splitter.saveState())
            s.setValue(window_state.REGISTER_HEADER, self.register.header_state())
        s.setValue(window_state.SHOW_ARCHIVED, self.commands[ActionId.SHOW_ARCHIVED].isChecked())
        # Closed while loading, or before a refresh opened the inspection asked for: that one.
        waiting = self._refresh_select if self.is_usable else self._select_waiting
        shown = waiting or (self.page.inspection_id if self.is_usable else None)
        s.setValue(window_state.CURRENT_INSPECTION, shown or "")
        s.sync()

    def show_at_start(self) -> None:
        """Show the window, maximised the first time on a small screen (a 1366×768 laptop, or
        any screen at 125 % or 150 %): with a margin round it the responses would be cramped."""
        if self.first_start and self.screen().availableGeometry().width() < SMALL_SCREEN:
            self.showMaximized()
        else:
            self.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._body_built:
            self._size_splitter()

    def _size_splitter(self) -> None:
        if not self._splitter_restored:  # first start: the responses need the wider side
            self._splitter_restored = True
            width = self.width()  # the splitter itself is not laid out yet
            register = max(int(width * REGISTER_SHARE), self.register.minimum_useful_width())
            self.splitter.setSizes([register, width - register])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._body_built and not self.page.save_pending() and not messages.confirm(
            self, "Close without saving?",
            "Some changes could not be saved. Close anyway and lose them?", "Close",
        ):  # fmt: skip
            event.ignore()
            return
        self._closed = True
        self.save_layout()
        if self._parts_installed:
            self.importer.cancel_all()
        # Let background work that uses the database finish (or give up: the process still ends).
        QThreadPool.globalInstance().waitForDone(CLOSE_WAIT_MS)
        database_worker().flush(CLOSE_WAIT_MS / 1000)  # every queued database call has run
        self.context.db.close()
        from app.ui.document import viewer_copies

        viewer_copies.remove_own()  # they may be OFFICIAL-SENSITIVE; the system keeps %TEMP%
        super().closeEvent(event)


def _read_summaries(db: Database, show_archived: bool) -> tuple[list[InspectionSummary], bool]:
    """The register's rows, and whether the database holds no inspection at all (run on the
    database worker: SQLAlchemy is first loaded there, after the frame is painted)."""
    from app.services import reading

    summaries = reading.list_inspections(db, include_archived=show_archived)
    empty = not summaries and (
        show_archived or not reading.list_inspections(db, include_archived=True)
    )
    return summaries, empty


def window_title(inspection: str | None, db_path: Path | None) -> str:
    """The window title: inspection — database — application, leaving out what does not apply.

    The database is named only when it is not the usual one, so that a second file (a copy for
    training, a colleague's) is never mistaken for the live register.
    """
    parts = [APP_NAME]
    if db_path is not None and db_path.resolve() != default_db_path().resolve():
        parts.insert(0, db_path.name)
    if inspection:
        title = " ".join(inspection.split())
        if len(title) > TITLE_CHARS:
            title = title[: TITLE_CHARS - 1].rstrip() + "…"
        parts.insert(0, title)
    return " — ".join(parts)
