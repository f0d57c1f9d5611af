"""The Document tab: the response as it will be published, to preview, print and save.

The PDF is rendered on a worker thread (``app.ui.tasks``), and only while the tab is shown:
edits made in other tabs mark the preview out of date, and it is rendered again when the
person comes back to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app import documents
from app.domain.enums import ProtectiveMarking
from app.domain.errors import AppError
from app.domain.word_count import ResponseWords, response_words, words_label
from app.ui import messages
from app.ui.context import AppContext
from app.ui.document import files, printing
from app.ui.document.files import Format
from app.ui.document.preview import PdfPreview
from app.ui.tasks import BackgroundTask, run_in_background

if TYPE_CHECKING:  # the document stack loads with the first render, not with the window
    from app.documents import RenderResult, ResponseDocument

PLACEHOLDER = "Choose an inspection in the register to see its response document here."
RENDERING = "Rendering…"
MARKING_LABELS = {
    ProtectiveMarking.NONE: "No marking",
    ProtectiveMarking.OFFICIAL: "OFFICIAL",
    ProtectiveMarking.OFFICIAL_SENSITIVE: "OFFICIAL-SENSITIVE",
}


@dataclass(frozen=True, slots=True)
class Rendered:
    """What the worker hands back: the document's content and its PDF."""

    inspection_id: int
    document: ResponseDocument
    pdf: RenderResult
    words: ResponseWords | None = None


def _render(context: AppContext, inspection_id: int, internal: bool,
            marking: ProtectiveMarking) -> Rendered:  # fmt: skip
    """Runs on a worker thread: read the inspection afresh and lay the PDF out.

    reportlab (and the services that gather the document) are loaded here, by the first
    render, rather than when the window opens.
    """
    from app.services.publishing import response_document
    from app.services.reading import get_inspection

    document = response_document(context.db, inspection_id, internal=internal, marking=marking)
    words = response_words(get_inspection(context.db, inspection_id))
    return Rendered(inspection_id, document, documents.render_pdf(document), words)


def words_text(words: ResponseWords, chief_title: str, commissioner_title: str) -> str:
    """The Document tab's quiet line: "Responses: 4,312 words (Chief Constable 2,100, …)"."""
    return (
        f"Responses: {words_label(words.total)} ({chief_title} {words.chief_constable:,}, "
        f"{commissioner_title} {words.commissioner:,})"
    )


class DocumentTab(QWidget):
    """Implements :class:`~app.ui.inspection_page.InspectionTab`; it only reads.

    ``generation`` counts requests for a new rendering (another inspection, copy or marking,
    or a change saved elsewhere); the preview is out of date while ``shown_generation`` lags.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.inspection_id: int | None = None
        self.rendered: Rendered | None = None
        self.generation = 0
        self.shown_generation = 0
        self._render_task: BackgroundTask[Rendered] | None = None
        self._print_task: BackgroundTask[Any] | None = None
        self._folder: Path | None = None

        self.copy_box = QComboBox(self)
        self.copy_box.setAccessibleName("Copy")
        self.copy_box.addItem("Publication copy", False)
        self.copy_box.addItem("Internal copy", True)
        self.copy_box.setToolTip(
            "The publication copy is the one to publish; the internal copy adds the office "
            "checklist and says it is not for publication"
        )
        self.marking_box = QComboBox(self)
        self.marking_box.setAccessibleName("Protective marking")
        self.marking_box.setToolTip("Printed in the header and footer of every page")
        for marking, label in MARKING_LABELS.items():
            self.marking_box.addItem(label, marking.value)  # a QVariant keeps str, not the enum
        self._use_organisation_marking()

        self.refresh_action = self._action("&Refresh", "Render the document again", None)
        self.print_action = self._action("&Print…", "Print the document", "Ctrl+P")
        self.save_actions = {
            Format.PDF: self._action(
                "Save as P&DF…", "Save the document as a PDF file", "Ctrl+Shift+S"
            ),
            Format.HTML: self._action(
                "Save as &HTML…", "Save an accessible web page, for publishing online", None
            ),
            Format.DOCX: self._action(
                "Save as &Word…", "Save a Word document (its headings are real headings)", None
            ),
        }
        self.open_action = self._action(
            "&Open in viewer", "Open the PDF in your default PDF viewer", None
        )
        self.busy_label = QLabel(RENDERING, self)
        self.busy_label.setAccessibleName("Rendering")

        options = self._toolbar("Document options")
        options.addWidget(self._buddy_label("&Copy:", self.copy_box))
        options.addWidget(self.copy_box)
        options.addWidget(self._buddy_label("&Marking:", self.marking_box))
        options.addWidget(self.marking_box)
        options.addAction(self.refresh_action)
        # A widget on a toolbar is shown and hidden through its action, not by itself.
        # An action made here, not by Qt (see FormattingBar._action): a wrapper PySide makes
        # for an action Qt created may be a stale one that dies with another object.
        self.busy_action = QWidgetAction(options)
        self.busy_action.setDefaultWidget(self.busy_label)
        options.addAction(self.busy_action)
        outputs = self._toolbar("Document output")
        outputs.addAction(self.print_action)
        for action in self.save_actions.values():
            outputs.addAction(action)
        outputs.addAction(self.open_action)
        for bar in (options, outputs):
            for action in bar.actions():
                widget = bar.widgetForAction(action)
                if widget is not None and not widget.accessibleName():
                    widget.setAccessibleName(action.text().replace("&", "").rstrip("…"))

        self.preview = PdfPreview(self)
        self.placeholder = QLabel(PLACEHOLDER, self)
        self.placeholder.setAccessibleName("No document")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.preview)

        self.warnings_title = QLabel("Check before publishing:", self)
        self.warnings = QListWidget(self)
        self.warnings.setAccessibleName("Document warnings")
        self.warnings.setWordWrap(True)
        self.warnings_title.setBuddy(self.warnings)
        self.status = QLabel(self)
        self.status.setAccessibleName("Document status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self.words = QLabel(self)
        self.words.setAccessibleName("Word count of the responses")
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quiet, like the editors'
        self.words.setToolTip("Words of the overall, finding and closing responses, as written")
        self.words.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(options)
        layout.addWidget(outputs)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings)
        layout.addWidget(self.status)
        layout.addWidget(self.words)

        self.copy_box.currentIndexChanged.connect(lambda _index: self.invalidate())
        self.marking_box.currentIndexChanged.connect(lambda _index: self.invalidate())
        self.refresh_action.triggered.connect(self.invalidate)
        self.print_action.triggered.connect(self.print_document)
        for file_format, action in self.save_actions.items():
            action.triggered.connect(lambda _checked=False, f=file_format: self.save_as(f))
        self.open_action.triggered.connect(self.open_in_viewer)
        context.organisationChanged.connect(self._organisation_changed)
        self._show_warnings([])
        self._update_state()

    # --- building ------------------------------------------------------------------------------

    def _action(self, text: str, tip: str, shortcut: str | None) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shown})")
        return action

    def _toolbar(self, name: str) -> QToolBar:
        bar = QToolBar(name, self)
        bar.setAccessibleName(name)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return bar

    def _buddy_label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        # A toolbar packs its widgets edge to edge: space the caption from what precedes it.
        space = label.fontMetrics().averageCharWidth()
        label.setContentsMargins(space, 0, space // 2, 0)
        return label

    # --- InspectionTab -------------------------------------------------------------------------

    def show_inspection(self, inspection_id: int | None) -> None:
        self.inspection_id = inspection_id
        self.invalidate()

    def save_pending(self) -> None:
        """Nothing is typed here."""

    # --- rendering -----------------------------------------------------------------------------

    @property
    def internal(self) -> bool:
        return bool(self.copy_box.currentData())

    @property
    def marking(self) -> ProtectiveMarking:
        return ProtectiveMarking(self.marking_box.currentData())

    @property
    def is_rendering(self) -> bool:
        return self._render_task is not None

    def invalidate(self) -> None:
        """The preview is out of date: render it now if the tab is shown, else when it is."""
        self.generation += 1
        if self.inspection_id is None:
            self._show_nothing()
        elif self.isVisible():
            self._start_render()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.shown_generation != self.generation and self.inspection_id is not None:
            self._start_render()

    def _start_render(self) -> None:
        if self._render_task is not None or self.inspection_id is None:
            return  # the running task's result is dropped as stale; see _rendered
        generation, context = self.generation, self.context
        inspection_id, internal, marking = self.inspection_id, self.internal, self.marking
        self._render_task = run_in_background(
            self,
            lambda: _render(context, inspection_id, internal, marking),
            lambda rendered: self._rendered(generation, rendered),
            lambda error: self._render_failed(generation, error),
        )
        if self.rendered is None:
            self.placeholder.setText(RENDERING)
        self._update_state()

    def _render_finished(self, generation: int) -> bool:
        """True when this result is still wanted; otherwise start the rendering now wanted."""
        self._render_task = None
        if generation == self.generation:
            self.shown_generation = generation
            return True
        if self.isVisible():
            self._start_render()
        self._update_state()
        return False

    def _rendered(self, generation: int, rendered: Rendered) -> None:
        if not self._render_finished(generation):
            return
        try:
            self.preview.set_pdf(rendered.pdf.data)
        except AppError as error:
            self.rendered = None
            self._report_render_error(error)
            return
        self.rendered = rendered
        self.stack.setCurrentWidget(self.preview)
        self._show_words(rendered.words)
        self._show_warnings(rendered.pdf.warnings)
        self._set_status("")
        self._update_state()

    def _render_failed(self, generation: int, error: BaseException) -> None:
        if not self._render_finished(generation):
            return
        self._update_state()
        if not isinstance(error, AppError):
            raise error  # a bug: sys.excepthook shows and logs it
        self._report_render_error(error)

    def _report_render_error(self, error: AppError) -> None:
        """Keep the last preview of this inspection (marked out of date); never another's."""
        if self.rendered is None or self.rendered.inspection_id != self.inspection_id:
            self._show_nothing("The document could not be made. " + error.message)
        self._set_status("The preview is not up to date. " + error.message)
        messages.show_error(self, error.message, "The document could not be made")

    def _show_nothing(self, text: str = PLACEHOLDER) -> None:
        self.rendered = None
        self.shown_generation = self.generation
        self.preview.clear()
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)
        self._show_words(None)
        self._show_warnings([])
        self._set_status("")
        self._update_state()

    def _show_words(self, words: ResponseWords | None) -> None:
        organisation = self.context.organisation
        text = "" if words is None else words_text(
            words, organisation.chief_title or "Chief officer",
            organisation.commissioner_title or "Commissioner",
        )  # fmt: skip
        self.words.setText(text)
        self.words.setVisible(bool(text))

    def _set_status(self, text: str) -> None:
        """One line under the preview: what was saved or printed, or why the preview is old."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _show_warnings(self, warnings: list[str]) -> None:
        unique = list(dict.fromkeys(warnings))
        self.warnings.clear()
        self.warnings.addItems(unique)
        self.warnings_title.setVisible(bool(unique))
        self.warnings.setVisible(bool(unique))
        if unique:  # up to four lines high, then it scrolls
            rows = sum(self.warnings.sizeHintForRow(row) for row in range(min(len(unique), 4)))
            self.warnings.setFixedHeight(rows + 2 * self.warnings.frameWidth())

    def _update_state(self) -> None:
        busy = self._render_task is not None
        ready = self.rendered is not None and not busy
        self.busy_action.setVisible(busy)
        self.refresh_action.setEnabled(self.inspection_id is not None and not busy)
        for action in (self.open_action, *self.save_actions.values()):
            action.setEnabled(ready)
        self.print_action.setEnabled(ready and self._print_task is None)
        self.copy_box.setEnabled(self.inspection_id is not None)
        self.marking_box.setEnabled(self.inspection_id is not None)

    def _organisation_changed(self) -> None:
        self._use_organisation_marking()
        self.invalidate()

    def _use_organisation_marking(self) -> None:
        try:
            marking = self.context.organisation.protective_marking
        except AppError:
            marking = ProtectiveMarking.NONE
        self.marking_box.blockSignals(True)  # the caller decides when to render
        self.marking_box.setCurrentIndex(self.marking_box.findData(marking.value))
        self.marking_box.blockSignals(False)

    # --- output --------------------------------------------------------------------------------

    def save_as(self, file_format: Format) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        stem = files.suggested_stem(rendered.document)
        path = files.ask_save_path(self, file_format, stem, self._folder)
        if path is None:
            return
        self._folder = path.parent
        if file_format is Format.PDF:  # exactly the PDF previewed, not laid out again
            work = partial(files.save_pdf_bytes, rendered.pdf.data, path)
        else:
            work = partial(files.writer_for(file_format), rendered.document, path)

        def saved(warnings: list[str]) -> None:
            self._set_status(f"Saved as {path}.")
            if warnings:
                self._show_warnings([*rendered.pdf.warnings, *warnings])

        run_in_background(self, work, saved, self._output_failed("saved"))
        self._set_status(f"Saving {path.name}…")

    def open_in_viewer(self) -> None:
        if self.rendered is None:
            return
        try:
            path = files.write_viewer_copy(
                self.rendered.pdf.data, files.suggested_stem(self.rendered.document)
            )
        except AppError as error:
            messages.show_error(self, error.message, "The document could not be opened")
            return
        if not files.open_externally(path):
            messages.show_error(
                self,
                f"No program opened the PDF. It is saved as {path}; open it from there.",
                "The document could not be opened",
            )
            return
        self._set_status(f"Opened a copy in your PDF viewer ({path}).")

    def print_document(self) -> None:
        rendered, count = self.rendered, self.preview.page_count()
        if rendered is None or count == 0 or self._print_task is not None:
            return
        printer = printing.choose_printer(self, title=rendered.document.title, page_count=count)
        if printer is None:
            return
        pages = printing.pages_to_print(printer, count, self.preview.current_page())
        if not pages:
            self._set_status("Nothing was printed: no page of the document is in that range.")
            return
        data = rendered.pdf.data

        def printed(sheets: int) -> None:
            self._print_task = None
            self._update_state()
            self._set_status(f"Sent {sheets} page{'s' * (sheets != 1)} to the printer.")

        def failed(error: BaseException) -> None:
            self._print_task = None
            self._update_state()
            self._output_failed("printed")(error)

        self._print_task = run_in_background(
            self, lambda: printing.print_pdf(data, printer, pages), printed, failed
        )
        self._update_state()
        self._set_status("Printing…")

    def _output_failed(self, done: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self._set_status("")
            if not isinstance(error, AppError):
                raise error  # a bug: sys.excepthook shows and logs it
            messages.show_error(self, error.message, f"The document could not be {done}")

        return failed
