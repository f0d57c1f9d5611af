"""Beside the tracker's table: the finding of the current row, its progress updates (the
history of its status), a form to add one, and the way to the finding itself."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ProgressStatus
from app.domain.tracking import TrackedFinding
from app.ui.date_field import DateField
from app.ui.formatting import escape_markdown, nest_headings, plain_list, short_date

_UPDATE_HEADINGS = ("Date", "Status", "By", "Note")


class TrackerDetails(QWidget):
    """Signals:
    addRequested(int, object, str, object): the finding's id, the ProgressStatus chosen, the
        note, and the new target date (a date, or None to leave it).
    openRequested(int): open this finding's inspection.
    refused(str): the form cannot be saved as it is (a date that is not one).
    """

    addRequested = Signal(int, object, str, object)
    openRequested = Signal(int)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding: TrackedFinding | None = None
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("Tracked finding")
        self.text.setOpenLinks(False)
        self.text.setTabChangesFocus(True)

        self.updates = QTableWidget(0, len(_UPDATE_HEADINGS), self)
        self.updates.setAccessibleName("Progress updates")
        self.updates.setHorizontalHeaderLabels(list(_UPDATE_HEADINGS))
        self.updates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.updates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.updates.setTabKeyNavigation(False)
        self.updates.setWordWrap(True)
        self.updates.verticalHeader().hide()
        header = self.updates.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        form = QGroupBox("Add a progress update", self)
        form.setAccessibleName("New progress update")
        self.status = QComboBox(form)
        self.status.setAccessibleName("New status")
        self.status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status.setMinimumContentsLength(12)  # the longest status shows whole when room
        for status in ProgressStatus:
            self.status.addItem(status.label, status.value)
        self.note = QPlainTextEdit(form)
        self.note.setAccessibleName("Progress note")
        self.note.setPlaceholderText("What was done, what is next (needed when the status "
                                     "stays the same)")  # fmt: skip
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)
        self.new_target = QCheckBox("New &target date:", form)
        self.new_target.setAccessibleName("Set a new target date")
        self.target = DateField("New target date", form)
        self.target.setEnabled(False)
        self.target.setFixedWidth(self.target.minimumWidth())  # the status list takes the rest
        self.new_target.toggled.connect(self.target.setEnabled)
        self.add_button = QPushButton("&Add progress update", form)
        self.add_button.setAccessibleName("Add progress update")
        self.add_button.clicked.connect(self._add)
        self.open_button = QPushButton("O&pen finding", self)
        self.open_button.setAccessibleName("Open finding")
        self.open_button.setToolTip("Show the finding in its inspection (Enter on a row)")
        self.open_button.clicked.connect(self._open)

        status_label = QLabel("&Status:", form)
        status_label.setBuddy(self.status)
        top = QHBoxLayout()
        top.addWidget(status_label)
        top.addWidget(self.status, 1)
        top.addWidget(self.new_target)
        top.addWidget(self.target)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        form_layout = QVBoxLayout(form)
        form_layout.addLayout(top)
        form_layout.addWidget(self.note)
        form_layout.addLayout(buttons)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.text, 3)
        left.addWidget(self.updates, 2)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(form)
        right.addStretch(1)  # the Open finding button goes where the view puts it
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.writable = True
        self.show_finding(None)

    def show_finding(self, finding: TrackedFinding | None) -> None:
        """The current row's finding (None: no row); the form is cleared when it is another."""
        if finding is not None and finding is self.finding:
            return  # the same row after a filter: nothing to draw again
        another = finding is None or self.finding is None or finding.id != self.finding.id
        self.finding = finding
        if finding is None:
            self.text.setPlainText("Choose a finding in the table to see its progress.")
            self.updates.setRowCount(0)
        else:
            self._show_text(finding)
            self._show_updates(finding)
        if another:
            self.note.clear()
            self.new_target.setChecked(False)
            if finding is not None:
                self.status.setCurrentIndex(self.status.findData(finding.status.value))
                self.target.set_date(finding.target_on or dt.date.today())
        for widget in (self.status, self.note, self.new_target, self.add_button):
            widget.setEnabled(finding is not None and self.writable)
        self.target.setEnabled(self.new_target.isChecked() and self.new_target.isEnabled())
        self.open_button.setEnabled(finding is not None)

    def clear_form(self) -> None:
        """After an update was saved."""
        self.note.clear()
        self.new_target.setChecked(False)

    def _show_text(self, finding: TrackedFinding) -> None:
        facts = [
            f"**{escape_markdown(finding.inspection_title)}**",
            f"Status: {escape_markdown(finding.status.label)}",
            f"Owner: {escape_markdown(finding.owner) or 'nobody yet'}",
            f"Target date: {short_date(finding.target_on, 'none')}",
        ]
        if finding.forces:
            facts.insert(1, f"Forces: {escape_markdown(plain_list(list(finding.forces)))}")
        markdown = (
            f"### {escape_markdown(finding.reference)}\n\n" + "  \n".join(facts) + "\n\n"
            + nest_headings(finding.text, 3)
        )  # fmt: skip
        self.text.document().setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownNoHTML)

    def _show_updates(self, finding: TrackedFinding) -> None:
        updates = list(reversed(finding.updates))  # newest first
        self.updates.setRowCount(len(updates))
        for n, update in enumerate(updates):
            status = ProgressStatus.parse(update.status)
            cells = (
                short_date(update.on), status.label if status else update.status, update.by,
                update.note,
            )  # fmt: skip
            for column, words in enumerate(cells):
                item = QTableWidgetItem(words)
                item.setToolTip(words)
                self.updates.setItem(n, column, item)
        self.updates.resizeRowsToContents()

    def _add(self) -> None:
        finding = self.finding
        if finding is None:
            return
        target: dt.date | None = None
        if self.new_target.isChecked():
            problem = self.target.problem()
            if problem is not None:
                self.refused.emit(problem)
                self.target.setFocus()
                return
            target = self.target.date()
        status = ProgressStatus(self.status.currentData())
        self.addRequested.emit(finding.id, status, self.note.toPlainText(), target)

    def _open(self) -> None:
        if self.finding is not None:
            self.openRequested.emit(self.finding.id)
