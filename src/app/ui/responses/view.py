"""The Responses tab: both authors' responses side by side, finding by finding.

Overall comments first, then one row per finding that applies to the force (report order),
then the closing comments; the findings that do not apply are listed at the end. Beside the
rows: the History of the response being edited, the status history and the office steps.

Implements :class:`app.ui.inspection_page.InspectionTab`.

Signals:
    inspectionChanged(int): the status, an office step or a finding's applicability changed
        (the register and the other tabs show those); responses alone do not emit it, unless
        saving one moved the status on.
    notice(str): a sentence for the window's status bar (the status moved on by itself).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.enums import InspectionStatus, RagState
from app.domain.errors import AppError, NotFoundError
from app.domain.lock_notice import lock_notice
from app.domain.model import OfficeStep
from app.domain.workflow import is_locked, status_after_saving
from app.services import responses
from app.services.responses import ResponseKey, ResponseSheet, ResponseState
from app.ui.context import AppContext
from app.ui.db_worker import Changes, LatestRead
from app.ui.focus_order import move_focus, tab_stops
from app.ui.rag import rag_style_sheet
from app.ui.responses import prompts
from app.ui.responses.autosave import AutoSaver
from app.ui.responses.content import ResponsesContent
from app.ui.responses.editor import ResponseEditor
from app.ui.responses.history import HistoryPanel
from app.ui.responses.office_steps_panel import OfficeStepsPanel
from app.ui.responses.reuse_panel import suggestions
from app.ui.responses.rows import row_width
from app.ui.responses.side_dock import SideDock
from app.ui.responses.spelling import spelling_of
from app.ui.responses.toolbar import FormattingBar
from app.ui.responses.workflow_bar import StatusHistoryPanel, StatusRead, WorkflowBar, status_of

PLACEHOLDER = "Choose an inspection in the register to write its responses here."
LOADING = "Loading…"
RESTORE_FAILED = "That version could not be restored"
NARROW = 1100  # below this width the side panel starts hidden
POLL_MS = 30_000  # look for changes saved by another copy this often while shown


class ResponsesView(QWidget):
    """See the module docstring."""

    inspectionChanged = Signal(int)
    notice = Signal(str)

    def __init__(self, context: AppContext | Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context if isinstance(context, AppContext) else AppContext(context)
        self.db = self.context.db
        self.setAccessibleName("Responses")
        self.inspection_id: int | None = None
        self.sheet: ResponseSheet | None = None
        self.current_editor: ResponseEditor | None = None
        self.content: ResponsesContent | None = None
        self._reads = LatestRead(self)
        self._history_reads = LatestRead(self)
        self._changes = Changes(self, lambda error: prompts.show_error(self, error.message))

        self.saver = AutoSaver(self.db, self)
        self.saver.statusChanged.connect(self._show_save_status)
        self.saver.saved.connect(self._saved)
        self.saver.locked.connect(self._locked_elsewhere)

        self.workflow_bar = WorkflowBar(self.db, self._today, self._save_first, self)
        self.workflow_bar.statusChanged.connect(self._status_changed)
        self.indicator = QLabel(self)
        self.indicator.setAccessibleName("Save status")
        self.indicator.setForegroundRole(self.indicator.foregroundRole())
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        # Its words never resize anything: a longer message ("Waiting for another copy…")
        # widening the view would squeeze the register and make it size every row again.
        self.indicator.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.workflow_bar)
        top.addWidget(self.indicator, 1)

        self.banner = QLabel(self)
        self.banner.setAccessibleName("Locked")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(rag_style_sheet(RagState.PUBLISHED) + " padding: 6px;")
        self.banner.hide()

        self.toolbar = FormattingBar(self)
        self.toolbar.linkRequested.connect(self._ask_link)
        self.toolbar.expandAll.connect(self._expand_all)
        self.toolbar.historyRequested.connect(self._show_history_tab)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Responses to the findings")
        self.placeholder = QLabel(PLACEHOLDER, self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.scroll_area.setWidget(self.placeholder)

        self.history = HistoryPanel(self)
        self.history.restoreRequested.connect(self._restore)
        self.status_history = StatusHistoryPanel(self)
        self.office_steps = OfficeStepsPanel(self.db, self._today, self)
        self.office_steps.stepsChanged.connect(self._emit_changed)
        self.office_steps.stepsChanged.connect(self._apply_lock)  # a publication date recorded
        self.side = QTabWidget(self)
        self.side.setAccessibleName("Response details")
        self.side.setUsesScrollButtons(False)
        # Whole tab names: the panel is no narrower than they are ("Hist…" says nothing).
        self.side.setElideMode(Qt.TextElideMode.ElideNone)
        self.side.tabBar().setAccessibleName("Response details tabs")
        self.side.addTab(self.history, "History")
        self.side.addTab(self.status_history, "Status")
        self.side.addTab(self.office_steps, "Office steps")
        self.side.setMinimumWidth(max(220, self.side.tabBar().sizeHint().width() + 8))
        self.side.currentChanged.connect(lambda _index: self._refresh_history())

        # The side panel never squeezes an editor below MIN_EDITOR: they go one above the other
        # first (see ResponsesContent), and then the side panel can take no more; with no room
        # for it beside them, it opens over them (see SideDock).
        style = self.style()
        rows_minimum = (
            row_width(side_by_side=False)
            + style.pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
            + style.pixelMetric(QStyle.PixelMetric.PM_LayoutRightMargin)
            + self.scroll_area.verticalScrollBar().sizeHint().width()
        )
        self.scroll_area.setMinimumWidth(rows_minimum)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 340])
        # Not its children's minimum widths added up: that would squeeze the register instead.
        self.splitter.setMinimumWidth(rows_minimum)
        self.dock = SideDock(self, self.splitter, self.side, self.scroll_area.viewport(),
                             rows_minimum)  # fmt: skip
        self.dock.closeRequested.connect(self._close_drawer)
        self.toolbar.detailsToggled.connect(self._details_toggled)
        self._first_show = True

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.toolbar)  # above the side panel too: the whole width for it
        layout.addWidget(self.splitter, 1)

        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._poll)
        self.context.organisationChanged.connect(self._organisation_changed)
        self.show_inspection(None)

    def _today(self) -> dt.date:
        return self.context.today()

    # --- InspectionTab ----------------------------------------------------------------------------

    def show_inspection(self, inspection_id: int | None) -> None:
        """Show ``inspection_id`` read afresh (keeping any text that could not be saved).

        Typed text is saved first; the inspection is read on the database worker and shown
        when it comes back, if it is still the one asked for. Meanwhile the inspection shown
        stays (when it is the same one, read again) or the view says "Loading…".
        """
        self.saver.save_all_quietly()
        if not inspection_id:
            self._reads.supersede()
            self._show_sheet(None)
            return
        if inspection_id != self.inspection_id:
            self._show_sheet(None, LOADING)
        db = self.db
        self._reads.run(lambda: _sheet_or_none(db, inspection_id), self._loaded,
                        self._load_failed)  # fmt: skip

    @property
    def loading(self) -> bool:
        """True while the inspection asked for, its status or the History is being read, or a
        change made here is being written (on the database worker)."""
        reads = self._reads, self._history_reads
        return any(r.loading for r in reads) or self._changes.busy or self.workflow_bar.busy

    def _loaded(self, sheet: ResponseSheet | None) -> None:
        if sheet is not None and self.saver.has_pending() and not self._keeps_rows(sheet):
            # Typed, while it was being read, into rows about to be rebuilt: save that first
            # and read again; if it cannot be saved, the rows and the text stay.
            self.saver.save_all_quietly()
            if not self.saver.has_pending():
                self.show_inspection(sheet.inspection_id)
            return
        self._show_sheet(sheet)

    def _load_failed(self, error: BaseException) -> None:
        self._show_sheet(None)
        if not isinstance(error, AppError):
            raise error
        prompts.show_error(self, error.message, "The responses could not be read")

    def _keeps_rows(self, sheet: ResponseSheet) -> bool:
        """Whether showing ``sheet`` keeps the rows (and editors) shown now."""
        return (
            sheet.inspection_id == self.inspection_id
            and self.content is not None
            and self.content.matches(sheet)
        )

    def _show_sheet(self, sheet: ResponseSheet | None, placeholder: str = PLACEHOLDER) -> None:
        """Show what was read (None: nothing, or ``placeholder`` while loading)."""
        same = sheet is not None and sheet.inspection_id == self.inspection_id
        keep_rows = sheet is not None and self._keeps_rows(sheet)
        if not same:
            self.saver.new_inspection()  # "Saved 14:32" belongs to the inspection saved
        self.inspection_id = sheet.inspection_id if sheet else None
        self.saver.inspection_id = self.inspection_id
        # The sheet holds all this view shows, read in one snapshot: no further reads here.
        self.workflow_bar.show_inspection(
            self.inspection_id, (sheet.history, sheet.status) if sheet else None
        )
        self.office_steps.show_inspection(self.inspection_id, sheet.steps if sheet else None)
        self.status_history.show_history(self.workflow_bar.history)
        if sheet is None:
            self.placeholder.setText(placeholder)
            self._replace_content(None)
        elif keep_rows and self.content is not None:
            self.content.refresh(sheet)
        else:
            self._replace_content(sheet, keep_place=same)
        self.sheet = sheet
        self._apply_lock()
        if sheet is not None and self.isVisible():
            self.poll.start()

    def save_pending(self) -> None:
        """Save every edited response now; raise AppError if one cannot be saved."""
        self.saver.save_all()

    # --- for tests and the keyboard ---------------------------------------------------------------

    def editor(self, name: str) -> ResponseEditor:
        """The editor with the accessible name ``name`` (as a screen reader would find it)."""
        for editor in self.editors():
            if editor.accessibleName() == name:
                return editor
        raise KeyError(name)

    def editors(self) -> list[ResponseEditor]:
        """Every editor, in report order (building any rows still waiting)."""
        if self.content is None:
            return []
        self.content.ensure_built()
        return self.content.editors()

    # --- content ----------------------------------------------------------------------------------

    def _replace_content(self, sheet: ResponseSheet | None, *, keep_place: bool = False) -> None:
        self.saver.forget()
        self.toolbar.set_editor(None)
        self.current_editor = None
        self._history_reads.supersede()
        self.history.clear()
        place = self.content.place() if keep_place and self.content is not None else None
        focus = QApplication.focusWidget()
        if self.content is not None and focus is not None and self.content.isAncestorOf(focus):
            # The rows are going: the keyboard focus must not go with them (nor wander into
            # them while they are taken down), so the view holds it meanwhile.
            self.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.takeWidget()
        if self.content is not None:
            self.content.dispose()
            self.content.deleteLater()
        self.content = None
        if sheet is None:
            self.scroll_area.setWidget(self.placeholder)
            self.placeholder.show()
            return
        self.content = ResponsesContent(
            sheet, self.scroll_area.viewport(), on_editor=self._watch_editor,
            suggest=partial(suggestions, self.db),
        )  # fmt: skip
        self.scroll_area.setWidget(self.content)
        self.content.attach(self.scroll_area)
        self.content.resized.connect(self._keep_current_caret_visible)
        self.content.notApplicableRequested.connect(self._mark_not_applicable)
        self.content.appliesRequested.connect(lambda f: self._set_applies(f, True, ""))
        if place is not None:
            self.content.restore_place(place, self.scroll_area)

    def _watch_editor(self, editor: ResponseEditor) -> None:
        self.saver.watch(editor)
        spelling_of(self.context, self.db).attach(editor)
        editor.focusEntered.connect(lambda: self._editor_focused(editor))
        editor.caretMoved.connect(lambda: self._keep_caret_visible(editor))
        editor.linkRequested.connect(self._ask_link)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab goes down the rows, then into the side panel, its tabs first.

        The side panel is made once and each inspection's rows after it, so Qt's order (the
        order of making) would send Tab from the toolbar into the side panel before the rows.
        """
        content = self.content
        focus = QApplication.focusWidget()
        if next and content is not None and focus is not None:
            content.build_past(focus)  # Tab goes on to the next row, not past the rows built
        stops = tab_stops(self)
        rows = [w for w in stops if content is not None and content.isAncestorOf(w)]
        side = [w for w in stops if self.side.isAncestorOf(w) and w is not self.side]
        head = [w for w in stops if w not in rows and w not in side and w is not self.side]
        if move_focus(self, [*head, *rows, self.side, *side], next):
            return True
        return super().focusNextPrevChild(next)

    def _apply_lock(self) -> None:
        status = self.workflow_bar.status
        locked = self.inspection_id is not None and is_locked(status)
        read_only = self.db.read_only  # the window's banner says why
        if self.content is not None:
            self.content.set_locked(locked or read_only)
        if read_only:
            self.workflow_bar.setEnabled(False)
            self.office_steps.setEnabled(False)
        self.toolbar.update_state()
        self.history.set_read_only(locked or read_only)
        if locked:
            steps = [OfficeStep(row.step.step, row.step.done_on) for row in self.office_steps.rows]
            self.banner.setText(lock_notice(status, self.workflow_bar.history, steps))
        self.banner.setVisible(locked)

    # --- editors ----------------------------------------------------------------------------------

    def _editor_focused(self, editor: ResponseEditor) -> None:
        if self.content is None or not self.content.isAncestorOf(editor):
            return  # an editor of rows being taken down
        self._keep_caret_visible(editor)
        if self.current_editor is not editor:
            self.current_editor = editor
            self.toolbar.set_editor(editor)
            self._refresh_history()

    def _keep_caret_visible(self, editor: ResponseEditor) -> None:
        if not editor.hasFocus() or self.content is None:
            return
        rect = editor.cursorRect()
        point = editor.viewport().mapTo(self.content, rect.center())
        self.scroll_area.ensureVisible(point.x(), point.y(), 8, rect.height() + 16)

    def _ask_link(self) -> None:
        editor = self.current_editor
        if editor is None or editor.isReadOnly():
            return
        url = prompts.ask_link(self, editor.link_at_cursor())
        if url is not None:
            editor.set_link(url)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _expand_all(self, expanded: bool) -> None:
        if self.content is not None:
            self.content.set_expanded(expanded)

    # --- saving -----------------------------------------------------------------------------------

    def _save_first(self) -> bool:
        try:
            self.saver.save_all()
        except AppError as error:
            prompts.show_error(self, error.message, "Your changes could not be saved")
            return False
        return True

    def _show_save_status(self, words: str) -> None:
        self.indicator.setText(words)
        self.indicator.setToolTip(words)  # whole, where the view is too narrow for it
        font = QFont(self.indicator.font())
        font.setItalic(words.startswith("Not saved"))
        self.indicator.setFont(font)

    def _saved(self, editor: ResponseEditor) -> None:
        if editor is self.current_editor:
            self._refresh_history()
        before = self.workflow_bar.status
        if status_after_saving(before, editor.key.role) is not None:
            # The save may have started drafting: show the status the database now holds.
            self.workflow_bar.read_again(lambda: self._status_after_saving(before))

    def _status_after_saving(self, before: InspectionStatus) -> None:
        if self.workflow_bar.status is not before:
            self._status_changed()
            self.notice.emit(
                f"The status is now “{self.workflow_bar.status.label}”: a response was saved."
            )

    def _locked_elsewhere(self) -> None:
        self.workflow_bar.read_again(self._show_status)
        prompts.show_error(
            self,
            "The responses were signed off in another window, so your last change could not "
            "be saved. It is still shown: copy it if you need it, or reopen the response.",
            "The responses are locked",
        )

    def _poll(self) -> None:
        if self.inspection_id is None or not self.isVisible():
            self.poll.stop()
            return
        db, inspection_id = self.db, self.inspection_id

        def read() -> tuple[dict[ResponseKey, ResponseState], StatusRead]:
            return responses.response_states(db, inspection_id), status_of(db, inspection_id)

        # On the database worker, after any save queued before it; dropped if the view goes.
        self.saver.worker.run(read, lambda found: self._polled(inspection_id, *found),
                              self._poll_failed, owner=self)  # fmt: skip

    def _poll_failed(self, error: BaseException) -> None:
        if not isinstance(error, AppError):  # the file busy: the next look will do
            raise error

    def _polled(
        self,
        inspection_id: int,
        states: dict[ResponseKey, ResponseState],
        status: StatusRead,
    ) -> None:
        if inspection_id != self.inspection_id:
            return  # another inspection is shown now
        if self.content is not None:
            self.content.refresh_states(states)
        if status[1] is not self.workflow_bar.status:
            self.workflow_bar.show_inspection(inspection_id, status)
            self._show_status()

    def _show_status(self) -> None:
        """The status history and the lock as the workflow bar now has them."""
        self.status_history.show_history(self.workflow_bar.history)
        self._apply_lock()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            # On a narrow page the two editors need the room more than the side panel does.
            self.toolbar.details.setChecked(self.width() >= NARROW)
        if self.inspection_id is not None:
            self.poll.start()

    # --- history ----------------------------------------------------------------------------------

    def _details_toggled(self, shown: bool) -> None:
        self.dock.set_shown(shown)

    def _close_drawer(self) -> None:
        self.toolbar.details.setChecked(False)
        if self.current_editor is not None:
            self.current_editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _keep_current_caret_visible(self) -> None:
        # The editors change height with their width: keep the caret in sight.
        if self.current_editor is not None:
            self._keep_caret_visible(self.current_editor)

    def _show_history_tab(self) -> None:
        self.toolbar.details.setChecked(True)
        self.side.setCurrentWidget(self.history)
        self._refresh_history()

    def _refresh_history(self) -> None:
        editor = self.current_editor
        if self.side.currentWidget() is not self.history or self.inspection_id is None:
            return
        if editor is None:
            self._history_reads.supersede()
            self.history.clear()
            return
        db, inspection_id, key = self.db, self.inspection_id, editor.key
        name = editor.accessibleName()
        self._history_reads.run(
            lambda: responses.list_revisions(db, inspection_id, key),
            lambda revisions: self.history.show_revisions(name, revisions),
            self._history_failed,
        )

    def _history_failed(self, error: BaseException) -> None:
        if not isinstance(error, AppError):
            raise error
        self.history.clear()  # the next look (another editor, a save) reads it again

    def _restore(self, revision_id: int) -> None:
        """Make an earlier version current, on the database worker; the editor takes no typing
        until it is back."""
        editor = self.current_editor
        if editor is None:
            return
        try:
            restore = self.saver.restoring(editor, revision_id)
        except AppError as error:
            prompts.show_error(self, error.message, RESTORE_FAILED)
            return
        editor.setReadOnly(True)

        def restored(state: ResponseState) -> None:
            self._apply_lock()  # editable again, unless locked meanwhile
            if shiboken6.isValid(editor):
                self.saver.restored(editor, state)
            self._refresh_history()

        def failed(error: BaseException) -> None:
            self._apply_lock()
            if not isinstance(error, AppError):
                raise error
            if shiboken6.isValid(editor):
                error = self.saver.not_restored(editor, error)
            prompts.show_error(self, error.message, RESTORE_FAILED)
            self._refresh_history()

        self._changes.run(restore, restored, failed)

    # --- workflow, applicability, office steps ----------------------------------------------------

    def _status_changed(self) -> None:
        self.status_history.show_history(self.workflow_bar.history)
        self._apply_lock()
        self._emit_changed()

    def _emit_changed(self) -> None:
        if self.inspection_id is not None:
            self.inspectionChanged.emit(self.inspection_id)

    def _mark_not_applicable(self, finding_id: int) -> None:
        findings = self.sheet.findings if self.sheet is not None else []
        finding = next((f for f in findings if f.id == finding_id), None)
        if finding is None:
            return
        reason = prompts.ask_reason(self, finding.reference)
        if reason is not None:
            self._set_applies(finding_id, False, reason)

    def _set_applies(self, finding_id: int, applies: bool, reason: str) -> None:
        if self.inspection_id is None or not self._save_first():
            return
        db, inspection_id = self.db, self.inspection_id

        def changed(_none: None) -> None:
            if inspection_id == self.inspection_id:
                self.show_inspection(inspection_id)
            self.inspectionChanged.emit(inspection_id)

        self._changes.run(
            lambda: responses.set_finding_applies(db, inspection_id, finding_id, applies, reason),
            changed,
        )

    def _organisation_changed(self) -> None:
        self._save_first()
        current = self.inspection_id
        self.inspection_id = None  # role titles changed: build the rows afresh
        self.show_inspection(current)


def _sheet_or_none(db: Database, inspection_id: int) -> ResponseSheet | None:
    """Everything the view shows of an inspection, or None when it is gone (on the worker)."""
    try:
        return responses.load_sheet(db, inspection_id)
    except NotFoundError:
        return None
