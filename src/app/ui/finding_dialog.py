"""Add or edit one finding: kind, reference, text, addressee, whether it applies, when due."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.db.database import Database
from app.domain.deadlines import extract_due_text, parse_due_text
from app.domain.enums import FindingKind
from app.domain.errors import AppError
from app.domain.model import Finding
from app.services import inspections
from app.ui.context import AppContext
from app.ui.db_worker import wait_on_worker
from app.ui.widgets import (
    ErrorLabel,
    OptionalDateEdit,
    first_date_problem,
    markdown_edit,
    save_cancel_layout,
)


class FindingDialog(QDialog):
    """Saves to the database itself on Save; stays open with the problem shown if refused.

    ``finding`` None adds a new finding at the end of ``inspection_id``'s findings.
    """

    def __init__(
        self,
        context: AppContext,
        inspection_id: int,
        finding: Finding | None = None,
        *,
        published_on: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.inspection_id = inspection_id
        self.published_on = published_on
        self._original = finding or Finding(kind=FindingKind.RECOMMENDATION, reference="")
        self.saved_id: int | None = None
        self.setWindowTitle("Edit finding" if finding else "Add finding")
        self._build()
        self._load(self._original)

    def _build(self) -> None:
        form = QFormLayout()
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind")
        for kind in FindingKind:
            self.kind.addItem(kind.label, kind)
        self._row(form, "&Kind", self.kind)
        self.reference = QLineEdit(self)
        self.reference.setAccessibleName("Reference")
        self.reference.setPlaceholderText("e.g. Recommendation 1, Area for improvement 2")
        self._row(form, "&Reference (required)", self.reference)
        self.text = markdown_edit("Finding text", self, 8)
        self._row(form, "&Text", self.text)
        self.addressee = QLineEdit(self)
        self.addressee.setAccessibleName("Addressed to")
        self.addressee.setPlaceholderText("e.g. forces, chief constables, the Home Office")
        self._row(form, "&Addressed to", self.addressee)

        self.applies = QCheckBox("A&pplies to this force", self)
        self.applies.setAccessibleName("Applies to this force")
        form.addRow("", self.applies)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName("Why it does not apply")
        self._row(form, "&Why it does not apply", self.reason)
        self.applies.toggled.connect(self.reason.setDisabled)

        due_row = QWidget(self)
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        self.due_text = QLineEdit(due_row)
        self.due_text.setAccessibleName("Due (as written)")
        self.due_text.setPlaceholderText("e.g. By January 2024, within six months")
        self.work_out = QPushButton("Work out the &date", due_row)
        self.work_out.setAccessibleName("Work out the due date from the text")
        self.work_out.clicked.connect(self._work_out_due_date)
        due_layout.addWidget(self.due_text, 1)
        due_layout.addWidget(self.work_out)
        self._row(form, "D&ue (as written)", due_row, self.due_text)
        self.due_on = OptionalDateEdit("Due on", self)
        self._row(form, "Due &on", self.due_on)

        self.error = ErrorLabel(self)
        save_cancel_layout(self, form, self.error)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)

    def _row(
        self, form: QFormLayout, caption: str, widget: QWidget, buddy: QWidget | None = None
    ) -> None:
        label = QLabel(caption + ":", self)
        label.setBuddy(buddy or widget.focusProxy() or widget)
        form.addRow(label, widget)

    def _load(self, finding: Finding) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(finding.kind)))
        self.reference.setText(finding.reference)
        self.text.setPlainText(finding.text)
        self.addressee.setText(finding.addressee)
        self.applies.setChecked(finding.applies)
        self.reason.setText(finding.not_applicable_reason)
        self.reason.setDisabled(finding.applies)
        self.due_text.setText(finding.due_text)
        self.due_on.set_date(finding.due_on)

    def edited(self) -> Finding:
        applies = self.applies.isChecked()
        return dataclasses.replace(
            self._original,
            kind=FindingKind(self.kind.currentData()),
            reference=self.reference.text().strip(),
            text=self.text.toPlainText().strip(),
            addressee=self.addressee.text().strip(),
            applies=applies,
            not_applicable_reason="" if applies else self.reason.text().strip(),
            due_text=self.due_text.text().strip(),
            due_on=self.due_on.date(),
        )

    def _work_out_due_date(self) -> None:
        phrase = self.due_text.text().strip() or extract_due_text(self.text.toPlainText())
        due = parse_due_text(phrase, self.published_on) if phrase else None
        if due is None:
            self.error.show_message(
                "No due date could be worked out: write one such as “By January 2024” or "
                "“within six months”, or choose the date.",
                warning_only=True,
            )
            return
        self.error.clear_message()
        self.due_text.setText(phrase)
        self.due_on.set_date(due)

    def accept(self) -> None:
        finding = self.edited()
        if not finding.reference:
            self.error.show_message("A finding needs a reference, such as “Recommendation 1”.")
            self.reference.setFocus()
            return
        typed = first_date_problem(self.due_on)
        if typed is not None:
            self.error.show_message(typed[0])
            typed[1].setFocus()
            return
        try:
            self.saved_id = wait_on_worker(partial(_save, self.context.db, self.inspection_id,
                                                   finding))  # fmt: skip
        except AppError as error:
            self.error.show_message(error.message)
            return
        super().accept()


def _save(db: Database, inspection_id: int, finding: Finding) -> int:
    """Add or update the finding (on the database worker); its id."""
    if finding.id is None:
        return inspections.add_finding(db, inspection_id, finding)
    inspections.update_finding(db, finding.id, finding)
    return finding.id
