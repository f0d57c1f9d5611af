"""The import preview: what a document was found to hold, to correct before it is saved."""

from __future__ import annotations

import dataclasses
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.deadlines import DEADLINE_EXPLANATION
from app.domain.enums import AuthorRole
from app.domain.errors import AppError
from app.domain.model import Inspection
from app.domain.validation import date_before_publication
from app.importers import ImportedInspection
from app.services import importing
from app.services.importing import ExistingInspection, SavedImport
from app.ui.db_worker import LatestRead, wait_on_worker
from app.ui.formatting import deadline_note, plain_list, split_list
from app.ui.importing import questions
from app.ui.importing.preview_findings import FindingsPreview, PreviewFindingsModel
from app.ui.importing.preview_text import (
    count_responses,
    questions_markdown,
    responses_markdown,
    warning_text,
)
from app.ui.importing.questions import DuplicateChoice
from app.ui.widgets import ErrorLabel, OptionalDateEdit, first_date_problem

DEFAULT_TITLES = {
    AuthorRole.CHIEF_CONSTABLE: "Chief Constable",
    AuthorRole.COMMISSIONER: "Police and Crime Commissioner",
}
_KINDS = {"report": "an HMICFRS report", "response": "a published response"}


class ImportPreviewDialog(QDialog):
    """Shows an :class:`ImportedInspection`; Save writes it to the database, Cancel nothing.

    Like the other dialogs it saves itself and stays open, the corrections kept, with the
    problem in words when something is wrong. A report already in the register is never added
    twice: Save asks whether to update it or skip the import. After ``accept()``, ``saved``
    says what was done (``action`` "added", "updated" or "skipped", and the inspection's id).
    """

    def __init__(
        self,
        db: Database,
        imported: ImportedInspection,
        *,
        source: str = "",
        role_titles: dict[AuthorRole, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._looking = LatestRead(self)  # for the same inspection in the register
        self.imported = imported
        self.source = source
        self.titles = role_titles or DEFAULT_TITLES
        self.saved: SavedImport | None = None
        self._original = imported.inspection
        self.setWindowTitle("Check the import")
        self._build()
        self._load(self._original)

    # --- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        inspection = self.imported.inspection
        found = _KINDS.get(self.imported.kind, "a document")
        intro = QLabel(
            f"{self.source or 'The text'} was read as {found}. Check what was found, correct "
            "it where needed, then save it to the register.",
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings = ErrorLabel(self)
        self.warnings.setAccessibleName("Import warnings")
        self.duplicate_note = ErrorLabel(self)
        self.duplicate_note.setAccessibleName("Already in the register")

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("What was found")
        self.tabs.addTab(self._details_page(), "&Details")
        self.findings_model = PreviewFindingsModel(self.titles, self)
        self.findings = FindingsPreview(self.findings_model, self.tabs)
        self.tabs.addTab(self.findings, "&Findings")
        self.findings_model.changed.connect(self._count_findings)
        self.findings_model.modelReset.connect(self._count_findings)
        self.questions = self._browser("Questions and grades", questions_markdown(inspection))
        self.tabs.addTab(self.questions, f"&Questions and grades ({len(inspection.questions)})")
        self.responses = self._browser(
            "Responses found", responses_markdown(inspection, self.titles)
        )
        self.tabs.addTab(self.responses, f"&Responses found ({count_responses(inspection)})")
        self.report_text = QPlainTextEdit(self.tabs)
        self.report_text.setAccessibleName("Report text")
        self.report_text.setReadOnly(True)
        self.report_text.setTabChangesFocus(True)
        self.report_text.setPlaceholderText("The document keeps no report text.")
        self.tabs.addTab(self.report_text, "Report te&xt")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(
            "&Save to the register", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName("Save to the register")
        self.save_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            "Cancel the import"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warnings)
        layout.addWidget(self.duplicate_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 38)

    def _details_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.title_edit = self._line(page, form, "&Title (required)", "Title")
        self.published = OptionalDateEdit("Published on", page)
        form.addRow(self._label(page, "&Published on", self.published), self.published)
        self.deadline_note = QLabel(page)
        self.deadline_note.setAccessibleName("Section 55 deadline")
        self.deadline_note.setWordWrap(True)
        self.deadline_note.setToolTip(DEADLINE_EXPLANATION)
        form.addRow("", self.deadline_note)
        self.stated = OptionalDateEdit("Stated deadline", page)
        self.stated.setToolTip("The deadline the document states, if it states one.")
        form.addRow(self._label(page, "Stat&ed deadline", self.stated), self.stated)
        self.types_edit = self._line(page, form, "Publication t&ypes", "Publication types")
        self.types_edit.setPlaceholderText("Separate with commas, e.g. PEEL, Spotlight")
        self.forces_edit = self._line(page, form, "F&orces", "Forces")
        self.forces_edit.setPlaceholderText("Separate with commas")
        self.url_edit = self._line(page, form, "&Link to the report", "Link to the report")
        self.url_label_edit = self._line(
            page, form, "Words shown for the lin&k", "Words shown for the link"
        )
        self.status_note = QLabel(page)
        self.status_note.setAccessibleName("Status")
        self.status_note.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("Status:", self.status_note)
        self.published.dateChanged.connect(self._update_deadline_note)
        self.stated.dateChanged.connect(self._update_deadline_note)
        return page

    def _label(self, page: QWidget, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text + ":", page)
        label.setBuddy(buddy.focusProxy() or buddy)
        return label

    def _line(self, page: QWidget, form: QFormLayout, caption: str, name: str) -> QLineEdit:
        edit = QLineEdit(page)
        edit.setAccessibleName(name)
        form.addRow(self._label(page, caption, edit), edit)
        return edit

    def _browser(self, name: str, markdown: str) -> QTextBrowser:
        browser = QTextBrowser(self.tabs)
        browser.setAccessibleName(name)
        browser.setOpenLinks(False)
        browser.setTabChangesFocus(True)
        features = QTextDocument.MarkdownFeature
        browser.document().setMarkdown(
            markdown, features.MarkdownDialectGitHub | features.MarkdownNoHTML
        )
        browser.moveCursor(QTextCursor.MoveOperation.Start)  # else it opens scrolled to the end
        return browser

    # --- values --------------------------------------------------------------------------------

    def _load(self, inspection: Inspection) -> None:
        self.title_edit.setText(inspection.title)
        self.published.set_date(inspection.published_on)
        self.stated.set_date(inspection.stated_deadline)
        self.types_edit.setText(plain_list(inspection.publication_types))
        self.forces_edit.setText(plain_list(inspection.forces))
        self.url_edit.setText(inspection.url)
        self.url_label_edit.setText(inspection.url_label)
        self.status_note.setText(inspection.status.label)
        self.findings_model.set_findings(inspection.findings, inspection.questions)
        if self.imported.warnings:
            self.warnings.show_message(
                warning_text(self.imported.warnings),
                warning_only=True,
            )
        self._update_deadline_note()
        self._show_duplicate(inspection)
        self.title_edit.setFocus()

    def _show_duplicate(self, inspection: Inspection) -> None:
        """Say whether the register holds the inspection already (looked up on the database
        worker; Save looks again, and shows any problem then)."""
        db = self.db

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error
            self._duplicate_found(None)

        self._looking.run(lambda: importing.find_existing(db, inspection), self._duplicate_found,
                          failed)  # fmt: skip

    @property
    def loading(self) -> bool:
        """True while the register is being looked at for the same inspection."""
        return self._looking.loading

    def _duplicate_found(self, existing: ExistingInspection | None) -> None:
        if existing is None:
            self.duplicate_note.clear_message()
            return
        self.duplicate_note.show_message(
            f"“{existing.title}” is already in the register. Saving will ask whether to update "
            "it or to skip this import; it is never added twice.",
            warning_only=True,
        )

    def edited(self) -> Inspection:
        """The inspection as corrected: header fields from the form, the ticked findings."""
        return dataclasses.replace(
            self._original,
            title=self.title_edit.text().strip(),
            published_on=self.published.date(),
            stated_deadline=self.stated.date(),
            publication_types=split_list(self.types_edit.text()),
            forces=split_list(self.forces_edit.text()),
            url=self.url_edit.text().strip(),
            url_label=self.url_label_edit.text().strip(),
            findings=self.findings_model.included(),
        )

    def _update_deadline_note(self) -> None:
        self.deadline_note.setText(
            deadline_note(
                self.published.date(),
                self.stated.date(),
                "Without a publication date there is no deadline yet.",
            )
        )

    def _count_findings(self) -> None:
        model = self.findings_model
        total = model.rowCount()
        ticked = sum(model.is_included(row) for row in range(total))
        count = f"{total}" if ticked == total else f"{ticked} of {total} to import"
        self.tabs.setTabText(self.tabs.indexOf(self.findings), f"&Findings ({count})")

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.report_text and not self.report_text.toPlainText():
            self.report_text.setPlainText(self._original.report_text)  # large: only when asked

    # --- saving --------------------------------------------------------------------------------

    def _problem(self, inspection: Inspection) -> tuple[str, QWidget] | None:
        if not inspection.title:
            return "The inspection needs a title.", self.title_edit
        typed = first_date_problem(self.published, self.stated)
        if typed is not None:
            return typed
        wrong = date_before_publication(inspection)
        if wrong is not None:  # the preview has no comments date: only the stated deadline
            return wrong[1], self.stated
        seen: set[str] = set()
        for row in range(self.findings_model.rowCount()):
            if not self.findings_model.is_included(row):
                continue
            reference = self.findings_model.finding(row).reference.strip()
            if not reference or reference in seen:
                self.tabs.setCurrentWidget(self.findings)
                self.findings.select(row)
                if not reference:
                    return ("Every finding needs a reference, such as “Recommendation 1”.",
                            self.findings.reference)  # fmt: skip
                return f"Two findings are called “{reference}”.", self.findings.reference
            seen.add(reference)
        return None

    def accept(self) -> None:
        inspection = self.edited()
        problem = self._problem(inspection)
        if problem is not None:
            message, widget = problem
            self.error.show_message(message)
            if widget is not self.findings.reference:
                self.tabs.setCurrentIndex(0)
            widget.setFocus()
            return
        self.error.clear_message()
        db, source = self.db, self.source
        try:
            existing = wait_on_worker(lambda: importing.find_existing(db, inspection))
            update = False
            if existing is not None:
                choice = questions.ask_duplicate(self, existing)
                if choice is DuplicateChoice.CANCEL:
                    return
                if choice is DuplicateChoice.SKIP:
                    self.saved = SavedImport(existing.id, "skipped")
                    super().accept()
                    return
                update = True
            self.saved = wait_on_worker(
                partial(importing.save_imported, db, inspection, update_existing=update,
                        source=source)
            )
        except AppError as error:
            self.error.show_message(error.message + " Your corrections are still here.")
            return
        super().accept()
