"""New and Edit inspection: the header fields of one inspection, checked before saving."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.deadlines import cc_comments_requested_by
from app.domain.enums import AuthorRole
from app.domain.errors import AppError, ConflictError
from app.domain.model import Inspection
from app.domain.validation import date_before_publication
from app.services import inspections, reading
from app.ui.context import AppContext
from app.ui.db_worker import wait_on_worker
from app.ui.formatting import deadline_note, plain_list, split_list
from app.ui.widgets import ErrorLabel, OptionalDateEdit, first_date_problem, markdown_edit


class InspectionDialog(QDialog):
    """Creates an inspection (``inspection_id`` None) or edits one's header fields.

    On Save the dialog writes to the database itself; it stays open, the input kept, with the
    problem shown in words when the core refuses. ``saved_id`` is then the inspection's id.
    """

    def __init__(
        self, context: AppContext, inspection_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_id: int | None = None
        self._version: int | None = None
        self._cc_default_on = inspection_id is None
        if inspection_id is None:
            self._original = Inspection(title="")
            self.setWindowTitle("New inspection")
        else:
            # Read on the database worker, the dialog waiting (as for its save). Version first:
            # a change saved in between then shows as a conflict, never lost.
            self._version, self._original = wait_on_worker(partial(_read, context.db,
                                                                   inspection_id))  # fmt: skip
            self.setWindowTitle("Edit inspection")
        self._build()
        self._load(self._original)

    # --- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Inspection details")
        details = QWidget(self.tabs)
        form = QFormLayout(details)
        self.title_edit = self._line(form, "&Title (required)", "Title")
        self.published = OptionalDateEdit("Published on", details)
        form.addRow(self._label("&Published on", self.published), self.published)
        self.deadline_note = QLabel(details)
        self.deadline_note.setWordWrap(True)
        form.addRow("", self.deadline_note)
        self.types_edit = self._line(form, "Publication t&ypes", "Publication types")
        self.types_edit.setPlaceholderText("Separate with commas, e.g. PEEL, Spotlight")
        self.forces_edit = self._line(form, "&Forces", "Forces")
        self.forces_edit.setPlaceholderText("Separate with commas")
        self.url_edit = self._line(form, "&Link to the report", "Link to the report")
        self.url_label_edit = self._line(
            form, "Words shown for the lin&k", "Words shown for the link"
        )
        self.stated = OptionalDateEdit("Stated deadline", details)
        self.stated.setToolTip("The deadline a source document states, if it states one.")
        form.addRow(self._label("Stat&ed deadline", self.stated), self.stated)
        chief = self.context.organisation.role_title(AuthorRole.CHIEF_CONSTABLE)
        self.cc_date = OptionalDateEdit(f"{chief} to comment by", details)
        self.cc_date.setToolTip(
            f"The date by which the {chief} is invited to comment (section 55(4)). "
            "It follows the publication date until you choose one."
        )
        form.addRow(self._label(f"{chief} to co&mment by", self.cc_date), self.cc_date)
        self.tabs.addTab(details, "Details")

        texts = QWidget(self.tabs)
        text_form = QFormLayout(texts)
        text_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # full-width boxes
        self.key_findings = markdown_edit("Key findings", texts, 6)
        text_form.addRow(self._label("Key fi&ndings", self.key_findings), self.key_findings)
        self.notes: dict[str, QPlainTextEdit] = {}
        for attribute, caption in (
            ("recommendations_note", "Introduction to the recommendations"),
            ("areas_for_improvement_note", "Introduction to the areas for improvement"),
            ("causes_of_concern_note", "Introduction to the causes of concern"),
        ):
            edit = markdown_edit(caption, texts, 2)
            self.notes[attribute] = edit
            text_form.addRow(self._label(caption, edit), edit)
        self.tabs.addTab(texts, "Key findings and notes")

        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)

        self.published.dateChanged.connect(self._published_changed)
        self.stated.dateChanged.connect(self._update_deadline_note)
        self.cc_date.dateChanged.connect(self._cc_changed)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text + ":", self)
        label.setBuddy(buddy.focusProxy() or buddy)
        return label

    def _line(self, form: QFormLayout, caption: str, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        form.addRow(self._label(caption, edit), edit)
        return edit

    # --- values --------------------------------------------------------------------------------

    def _load(self, inspection: Inspection) -> None:
        self.title_edit.setText(inspection.title)
        self.published.set_date(inspection.published_on)
        self.types_edit.setText(plain_list(inspection.publication_types))
        self.forces_edit.setText(plain_list(inspection.forces))
        self.url_edit.setText(inspection.url)
        self.url_label_edit.setText(inspection.url_label)
        self.stated.set_date(inspection.stated_deadline)
        self._set_cc(inspection.cc_comments_requested_by)
        self.key_findings.setPlainText(inspection.key_findings)
        for attribute, edit in self.notes.items():
            edit.setPlainText(getattr(inspection, attribute))
        self._update_deadline_note()

    def edited(self) -> Inspection:
        """The inspection as the form now describes it (findings and responses untouched)."""
        return dataclasses.replace(
            self._original,
            title=self.title_edit.text().strip(),
            published_on=self.published.date(),
            publication_types=split_list(self.types_edit.text()),
            forces=split_list(self.forces_edit.text()),
            url=self.url_edit.text().strip(),
            url_label=self.url_label_edit.text().strip(),
            stated_deadline=self.stated.date(),
            cc_comments_requested_by=self.cc_date.date(),
            key_findings=self.key_findings.toPlainText().strip(),
            recommendations_note=self._note("recommendations_note"),
            areas_for_improvement_note=self._note("areas_for_improvement_note"),
            causes_of_concern_note=self._note("causes_of_concern_note"),
        )

    def _note(self, attribute: str) -> str:
        return self.notes[attribute].toPlainText().strip()

    def _set_cc(self, value: dt.date | None) -> None:
        default_on = self._cc_default_on
        self.cc_date.set_date(value)
        self._cc_default_on = default_on

    def _published_changed(self) -> None:
        if self._cc_default_on:
            days = self.context.organisation.cc_comments_days
            self._set_cc(cc_comments_requested_by(self.published.date(), days))
        self._update_deadline_note()

    def _cc_changed(self) -> None:
        self._cc_default_on = False  # the person chose a date: stop filling it in

    def _update_deadline_note(self) -> None:
        self.deadline_note.setText(
            deadline_note(
                self.published.date(),
                self.stated.date(),
                "The section 55 deadline follows from this date.",
            )
        )

    # --- saving --------------------------------------------------------------------------------

    def _problem(self, inspection: Inspection) -> tuple[str, QWidget] | None:
        if not inspection.title:
            return "An inspection needs a title.", self.title_edit
        typed = first_date_problem(self.published, self.stated, self.cc_date)
        if typed is not None:
            return typed
        wrong = date_before_publication(inspection)
        if wrong is not None:
            field_name, message = wrong
            widget = self.cc_date if field_name == "cc_comments_requested_by" else self.stated
            return message, widget
        return None

    def accept(self) -> None:
        inspection = self.edited()
        problem = self._problem(inspection)
        if problem is not None:
            message, widget = problem
            self.error.show_message(message)
            self.tabs.setCurrentIndex(0)
            widget.setFocus()
            return
        db, inspection_id, version = self.context.db, self._original.id, self._version
        try:
            if inspection_id is None:
                created = partial(inspections.create_inspection, db, inspection)
                self.saved_id = wait_on_worker(created)
            else:
                assert version is not None
                self._version = wait_on_worker(
                    lambda: inspections.update_header(db, inspection_id, inspection, version)
                )
                self.saved_id = inspection_id
        except ConflictError as error:
            self.error.show_message(
                error.message + " Your changes are still here: copy what you need, then Cancel."
            )
            return
        except AppError as error:
            self.error.show_message(error.message)
            return
        super().accept()


def _read(db: Database, inspection_id: int) -> tuple[int, Inspection]:
    """The inspection's version, then the inspection (on the database worker)."""
    return inspections.inspection_version(db, inspection_id), reading.get_inspection(
        db, inspection_id
    )
