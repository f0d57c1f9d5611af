"""The dashboard: what needs attention today, in lines to open and two charts.

Read on the database worker (only the latest read's answer is shown) each time it is shown.
Every line, every mark of the timeline and every bar opens what it counts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.english_dates import long_date
from app.domain.enums import AuthorRole, ProgressStatus
from app.domain.errors import AppError
from app.services.dashboard import RAG_WORDS, Dashboard, DueResponse, ProgressCount
from app.ui.context import AppContext
from app.ui.dashboard.bars import ProgressBars
from app.ui.dashboard.sections import Line, LineSection, heading_label
from app.ui.dashboard.timeline import DeadlineTimeline
from app.ui.db_worker import LatestRead

RESPONSES_TAB = "Responses"
FINDINGS_TAB = "Findings"


class DashboardView(QScrollArea):
    """The window's home once there are inspections.

    Signals:
        inspectionChosen(int, str): open this inspection at this tab ("Responses"…).
        statusChosen(str): a bar of the progress chart was chosen: the status's value (the
            recommendation tracker can show those recommendations).
        filterChosen(str): an inspection status's line was chosen: the register is to list
            the inspections at that status (its filter takes the status's words).
        loaded(): a read has been shown (:attr:`dashboard` is set).
    """

    inspectionChosen = Signal(int, str)
    statusChosen = Signal(str)
    filterChosen = Signal(str)
    loaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.dashboard: Dashboard | None = None
        self._reads = LatestRead(self)
        self._status_reads = LatestRead(self)
        self._chosen_status: ProgressStatus | None = None

        body = QWidget(self)
        body.setObjectName("dashboardBody")
        self.heading = heading_label("Dashboard", body, 1.6)
        self.summary = QLabel("Loading the dashboard…", body)  # its sections come with it
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary")
        self.error = QLabel(body)
        self.error.setWordWrap(True)
        self.error.hide()
        self.timeline = DeadlineTimeline(body)
        self.timeline_words = self._mark_words(body)
        self.due = LineSection("Responses due in the next 8 weeks",
                               "No response is due in the next 8 weeks.", body)  # fmt: skip
        self.overdue = LineSection(
            "Overdue responses", "No response is past its section 55 deadline.", body
        )
        self.comments = LineSection("Chief Constable’s comments past the date asked",
                                    "No comments are late.", body)  # fmt: skip
        self.bars = ProgressBars(body)
        self.bar_words = self._mark_words(body)
        self.at_status = LineSection("Inspections with recommendations at the chosen status",
                                     "Choose a bar to list its inspections.", body)  # fmt: skip
        self.late_findings = LineSection("Recommendations past their target date",
                                         "No recommendation is past its target date.",
                                         body)  # fmt: skip
        self.statuses = LineSection("Inspections by status", "No inspections.", body,
                                    counted=False)  # fmt: skip

        top = QVBoxLayout(body)
        line = self.fontMetrics().height()
        top.setContentsMargins(line, line, line, line)
        top.setSpacing(line // 2)
        for widget in (self.heading, self.summary, self.error):
            top.addWidget(widget)
        # Hidden until the first reading comes back: empty sections would say "No response
        # is due…" of a register not yet read.
        self.sections = QWidget(body)
        column = QVBoxLayout(self.sections)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(line // 2)
        self._section(column, body, "Coming deadlines", [self.timeline, self.timeline_words])
        for section in (self.due, self.overdue, self.comments):
            column.addWidget(section)
        self._section(column, body, "Recommendations", [self.bars, self.bar_words])
        for section in (self.at_status, self.late_findings, self.statuses):
            column.addWidget(section)
        self.sections.hide()
        top.addWidget(self.sections)
        top.addStretch(1)
        self.setWidget(body)

        self.timeline.markChosen.connect(
            lambda index: self.inspectionChosen.emit(
                self.timeline.inspection_at(index), RESPONSES_TAB
            )
        )
        self.timeline.currentMarkChanged.connect(self.timeline_words.setText)
        self.bars.statusChosen.connect(self._status_chosen)
        self.bars.currentMarkChanged.connect(self.bar_words.setText)
        self.context.organisationChanged.connect(self._name_roles)  # and once read (below)

    @staticmethod
    def _mark_words(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    @staticmethod
    def _section(
        column: QVBoxLayout, body: QWidget, title: str, widgets: list[QWidget]
    ) -> None:
        heading = heading_label(title, body, 1.25)
        column.addSpacing(heading.fontMetrics().height() // 2)
        column.addWidget(heading)
        for widget in widgets:
            column.addWidget(widget)

    def _name_roles(self) -> None:
        try:
            chief = self.context.organisation.role_title(AuthorRole.CHIEF_CONSTABLE)
        except AppError:
            return
        self.comments.title = f"{chief}’s comments past the date asked"
        if self.dashboard is not None:
            self._show_comments(self.dashboard)
        else:
            self.comments.set_lines([])

    # --- reading -------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._reads.loading or self._status_reads.loading

    def refresh(self) -> None:
        """Read the dashboard again on the database worker, for today."""
        db, today = self.context.db, self.context.today()

        context = self.context

        def read() -> Dashboard:
            from app.services.dashboard import load_dashboard

            with contextlib.suppress(AppError):  # the role's title, read here, not on the GUI
                context.read_organisation()
            return load_dashboard(db, today)

        self._reads.run(read, self.show_dashboard, self._failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AppError):
            raise error
        self.error.setText(f"The dashboard could not be read: {error.message}")
        self.error.show()

    # --- showing -------------------------------------------------------------------------

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        self._name_roles()
        self.error.hide()
        self.sections.show()
        today = dashboard.today
        self.heading.setText(f"Dashboard — {long_date(today)}")
        self.heading.setAccessibleName(self.heading.text())
        self.summary.setText(
            f"{_count(dashboard.inspections, 'inspection')}, "
            f"{_count(dashboard.findings, 'recommendation or area', 'recommendations and areas')}"
            f" for improvement tracked. {_count(len(dashboard.due_soon), 'response')} due in "
            f"the next 8 weeks, {len(dashboard.overdue_responses):,} overdue; "
            f"{_count(len(dashboard.overdue_findings), 'recommendation')} past the target date."
        )
        self.timeline.set_deadlines(list(dashboard.due_soon), today)
        self.timeline_words.setText(self.timeline.current_words())
        self.due.set_lines([self._due_line(d) for d in dashboard.due_soon])
        self.overdue.set_lines([self._due_line(d) for d in dashboard.overdue_responses])
        self._show_comments(dashboard)
        self.bars.set_counts(list(dashboard.progress_counts))
        self.bar_words.setText(self.bars.current_words())
        self._read_status()
        self.late_findings.set_lines([
            Line(f.describe(), self._opener(f.inspection_id, FINDINGS_TAB))
            for f in dashboard.overdue_findings
        ], dashboard.overdue_finding_count)  # fmt: skip
        self.statuses.set_lines([
            Line(f"{status.label}: {count:,}", self._filter_opener(status.label))
            for status, count in dashboard.inspection_counts
        ])  # fmt: skip
        self.loaded.emit()

    def _due_line(self, due: DueResponse) -> Line:
        words = due.describe()
        shown = words.removesuffix(f" ({RAG_WORDS[due.rag]})")
        return Line(words, self._opener(due.inspection_id, RESPONSES_TAB), due.rag,
                    RAG_WORDS[due.rag], shown)  # fmt: skip

    def _show_comments(self, dashboard: Dashboard) -> None:
        self.comments.set_lines([
            Line(c.describe(), self._opener(c.inspection_id, RESPONSES_TAB))
            for c in dashboard.late_comments
        ])  # fmt: skip

    def _status_chosen(self, value: str) -> None:
        self._chosen_status = ProgressStatus(value)
        self._read_status()
        self.statusChosen.emit(value)

    def _read_status(self) -> None:
        """The inspections with recommendations at the chosen status, read on the worker."""
        status = self._chosen_status
        if status is None:
            self._status_reads.supersede()
            self.at_status.set_lines([])
            return
        db = self.context.db

        def read() -> list[ProgressCount]:
            from app.services.dashboard import inspections_at

            return inspections_at(db, status)

        self._status_reads.run(read, lambda found: self._show_status(status, found), self._failed)

    def _show_status(self, status: ProgressStatus, found: list[ProgressCount]) -> None:
        self.at_status.title = f"Inspections with recommendations “{status.label}”"
        self.at_status.set_empty(f"No recommendation is “{status.label}”.")
        self.at_status.set_lines([
            Line(f"{count.inspection_title}: {count.count:,} “{status.label}”",
                 self._opener(count.inspection_id, FINDINGS_TAB))
            for count in found
        ])  # fmt: skip

    def _opener(self, inspection_id: int, tab: str) -> Callable[[], None]:
        return lambda: self.inspectionChosen.emit(inspection_id, tab)

    def _filter_opener(self, words: str) -> Callable[[], None]:
        return lambda: self.filterChosen.emit(words)


def _count(count: int, one: str, many: str = "") -> str:
    """ "1 response", "2 responses", "1,204 responses"."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"
