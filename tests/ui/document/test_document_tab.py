"""The Document tab: preview, copy and marking, lazy rendering off the GUI thread, output."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QListWidget,
    QSpinBox,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import documents as app_documents
from app.db.database import Database
from app.domain.enums import ProtectiveMarking
from app.domain.errors import DocumentError
from app.domain.word_count import response_words
from app.services.reading import get_inspection, load_settings
from app.services.settings import save_settings
from app.ui.document import DocumentTab, files, printing
from app.ui.document import tab as tab_module
from app.ui.document.files import Format
from app.ui.inspection_page import InspectionPage, InspectionTab

from ..conftest import MessageLog
from .conftest import SaveDialog, wait_rendered

MakeTab = Callable[[Database, int | None], DocumentTab]


def preview_text(tab: DocumentTab) -> str:
    document = tab.preview.document
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def warnings_shown(tab: DocumentTab) -> list[str]:
    if tab.warnings.isHidden():
        return []
    return [tab.warnings.item(row).text() for row in range(tab.warnings.count())]


# --- preview ---------------------------------------------------------------------------------


def test_the_spotlight_publication_copy_is_previewed(tab: DocumentTab) -> None:
    assert tab.stack.currentWidget() is tab.preview
    assert tab.preview.page_count() == 8
    assert tab.preview.page_count_label.text() == " of 8"
    assert tab.preview.page_box.value() == 1
    text = preview_text(tab)
    assert "Police performance: Getting a grip" in text
    assert "Key Findings" in text
    assert "For Office Use Only" not in text
    assert warnings_shown(tab) == []  # every finding of the sample has its responses
    assert tab.busy_action.isVisible() is False
    assert all(a.isEnabled() for a in (tab.print_action, tab.open_action,
                                       *tab.save_actions.values()))  # fmt: skip


def test_the_internal_copy_adds_the_office_checklist(qtbot: QtBot, tab: DocumentTab) -> None:
    tab.copy_box.setCurrentIndex(tab.copy_box.findData(True))
    wait_rendered(qtbot, tab)
    text = preview_text(tab)
    assert "For Office Use Only" in text
    assert "Internal copy – not for publication" in text
    assert tab.rendered is not None and tab.rendered.document.internal

    tab.copy_box.setCurrentIndex(tab.copy_box.findData(False))
    wait_rendered(qtbot, tab)
    assert "For Office Use Only" not in preview_text(tab)


def test_the_marking_defaults_to_the_organisation_setting(
    qtbot: QtBot, sample_db: Database, spotlight: int, make_tab: MakeTab
) -> None:
    settings = load_settings(sample_db)
    settings.protective_marking = ProtectiveMarking.OFFICIAL_SENSITIVE
    save_settings(sample_db, settings)
    tab = make_tab(sample_db, spotlight)
    assert tab.marking_box.currentText() == "OFFICIAL-SENSITIVE"
    assert "OFFICIAL-SENSITIVE" in preview_text(tab)

    tab.marking_box.setCurrentIndex(tab.marking_box.findData(ProtectiveMarking.NONE.value))
    wait_rendered(qtbot, tab)
    assert "OFFICIAL" not in preview_text(tab)

    settings.protective_marking = ProtectiveMarking.OFFICIAL  # changed in the settings dialog
    tab.context.save_organisation(settings)
    wait_rendered(qtbot, tab)
    assert tab.marking is ProtectiveMarking.OFFICIAL
    assert "OFFICIAL" in preview_text(tab)


def test_missing_responses_are_listed_in_plain_words(
    sample_db: Database, norfolk: int, make_tab: MakeTab
) -> None:
    tab = make_tab(sample_db, norfolk)
    shown = warnings_shown(tab)
    left_out = "Left out of the publication copy because it is empty: "
    assert f"{left_out}Chief Constable response to Area for improvement 1." in shown
    assert f"{left_out}Police and Crime Commissioner overall response." in shown
    assert tab.warnings_title.isVisible()
    assert tab.preview.page_count() == 2  # nothing is written: no response section


def test_no_inspection_shows_a_hint(qtbot: QtBot, tab: DocumentTab) -> None:
    tab.show_inspection(None)
    assert tab.stack.currentWidget() is tab.placeholder
    assert "Choose an inspection" in tab.placeholder.text()
    assert tab.preview.page_count() == 0
    assert not tab.print_action.isEnabled()
    assert not tab.save_actions[Format.PDF].isEnabled()


def test_zoom_and_page_navigation(qtbot: QtBot, tab: DocumentTab) -> None:
    preview = tab.preview
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    fitted = preview.effective_zoom()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fitted * 1.25)
    assert preview.zoom_label.text() == f"{round(fitted * 125)}%"
    preview.zoom_out_action.trigger()
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(fitted / 1.25)
    preview.fit_width_action.trigger()
    assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert preview.fit_width_action.isChecked()

    assert not preview.previous_action.isEnabled()
    preview.next_action.trigger()
    qtbot.waitUntil(lambda: preview.current_page() == 1)
    assert preview.page_box.value() == 2
    preview.page_box.setValue(8)
    qtbot.waitUntil(lambda: preview.current_page() == 7)
    assert not preview.next_action.isEnabled()
    preview.previous_action.trigger()
    qtbot.waitUntil(lambda: preview.page_box.value() == 7)


def test_zooming_stays_on_the_page_being_read(qtbot: QtBot, tab: DocumentTab) -> None:
    tab.preview.go_to(5)
    qtbot.waitUntil(lambda: tab.preview.current_page() == 5)
    tab.preview.zoom_in()
    qtbot.wait(50)
    assert tab.preview.current_page() == 5


def test_shortcuts(tab: DocumentTab) -> None:
    def keys(action: object) -> set[str]:
        return {s.toString() for s in action.shortcuts()}  # type: ignore[attr-defined]

    assert "Ctrl+P" in keys(tab.print_action)
    assert "Ctrl+Shift+S" in keys(tab.save_actions[Format.PDF])
    assert "Ctrl+=" in keys(tab.preview.zoom_in_action)
    assert "Ctrl+-" in keys(tab.preview.zoom_out_action)
    assert QKeySequence(QKeySequence.StandardKey.ZoomIn).toString() in keys(
        tab.preview.zoom_in_action
    )


def test_ctrl_equals_zooms_in_from_the_keyboard(qtbot: QtBot, tab: DocumentTab) -> None:
    tab.activateWindow()
    tab.preview.view.setFocus()
    qtbot.waitUntil(lambda: tab.preview.view.hasFocus())
    qtbot.keyClick(
        tab.preview.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier
    )
    assert tab.preview.view.zoomMode() is QPdfView.ZoomMode.Custom


def test_every_control_has_an_accessible_name(tab: DocumentTab) -> None:
    kinds = (QAbstractButton, QComboBox, QSpinBox, QListWidget, QPdfView, QToolBar)
    controls = [w for w in tab.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) > 15
    unnamed = [w for w in controls if not w.accessibleName()
               and w.objectName() != "qt_toolbar_ext_button"]  # fmt: skip
    assert unnamed == []
    assert tab.preview.view.accessibleName() == "Document preview"
    for label in (tab.busy_label, tab.status, tab.preview.page_count_label):
        assert isinstance(label, QLabel) and label.accessibleName()


def test_the_options_captions_stand_apart_from_the_boxes_before_them(tab: DocumentTab) -> None:
    """Without a space, “Publication copy ▾Marking:” reads as one thing."""
    (caption,) = [w for w in tab.findChildren(QLabel) if w.buddy() is tab.marking_box]
    box_ends = tab.copy_box.mapTo(tab, tab.copy_box.rect().topRight()).x()
    words_start = caption.mapTo(tab, caption.contentsRect().topLeft()).x()
    assert words_start - box_ends >= caption.fontMetrics().averageCharWidth()


# --- rendering: off the GUI thread, and only when shown -------------------------------------


def test_rendering_runs_off_the_gui_thread(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tab: DocumentTab
) -> None:
    threads: list[threading.Thread] = []
    render = tab_module._render

    def spy(*args: object) -> tab_module.Rendered:
        threads.append(threading.current_thread())
        return render(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(tab_module, "_render", spy)
    tab.refresh_action.trigger()
    assert tab.is_rendering and tab.busy_action.isVisible()
    assert tab.busy_label.text() == "Rendering…"
    wait_rendered(qtbot, tab)
    assert threads and threads[0] is not threading.main_thread()


def test_renders_only_when_shown_and_again_after_a_change(
    qtbot: QtBot, sample_db: Database, spotlight: int, norfolk: int
) -> None:
    from app.ui.context import AppContext

    page = InspectionPage()
    qtbot.addWidget(page)
    other = QLabel("Another tab")
    other.show_inspection = lambda _id: None  # type: ignore[attr-defined]
    other.save_pending = lambda: None  # type: ignore[attr-defined]
    page.add_tab(other, "Other")
    tab = DocumentTab(AppContext(sample_db))
    assert isinstance(tab, InspectionTab)
    page.add_tab(tab, "Document")
    page.resize(700, 900)
    page.show()

    page.set_inspection(spotlight)
    assert not tab.is_rendering and tab.rendered is None  # hidden: nothing rendered yet
    page.setCurrentWidget(tab)
    assert tab.is_rendering
    wait_rendered(qtbot, tab)
    assert tab.rendered is not None and tab.rendered.inspection_id == spotlight

    page.setCurrentWidget(other)
    for _ in range(3):  # saves made in another tab
        tab.show_inspection(spotlight)
    page.set_inspection(norfolk)
    assert not tab.is_rendering
    page.setCurrentWidget(tab)
    assert tab.is_rendering
    wait_rendered(qtbot, tab)
    assert tab.rendered is not None and tab.rendered.inspection_id == norfolk

    page.setCurrentWidget(other)
    page.setCurrentWidget(tab)  # nothing changed meanwhile
    assert not tab.is_rendering


def test_a_request_made_while_rendering_wins(
    qtbot: QtBot, sample_db: Database, spotlight: int, norfolk: int, make_tab: MakeTab
) -> None:
    tab = make_tab(sample_db, None)
    tab.show_inspection(spotlight)
    tab.show_inspection(norfolk)
    tab.copy_box.setCurrentIndex(1)
    wait_rendered(qtbot, tab)
    assert tab.rendered is not None
    assert tab.rendered.inspection_id == norfolk and tab.rendered.document.internal


def test_a_rendering_error_is_shown_and_the_preview_kept(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tab: DocumentTab, message_log: MessageLog
) -> None:
    def fail(*_args: object) -> None:
        raise DocumentError("The PDF could not be laid out: the table is too wide.")

    monkeypatch.setattr(app_documents, "render_pdf", fail)
    tab.refresh_action.trigger()
    wait_rendered(qtbot, tab)
    assert message_log.errors == ["The PDF could not be laid out: the table is too wide."]
    assert tab.stack.currentWidget() is tab.preview and tab.preview.page_count() == 8
    assert tab.status.text().startswith("The preview is not up to date.")


def test_an_error_for_another_inspection_does_not_leave_the_old_preview(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    tab: DocumentTab,
    norfolk: int,
    message_log: MessageLog,
) -> None:
    def fail(*_args: object) -> None:
        raise DocumentError("The PDF could not be laid out: the table is too wide.")

    monkeypatch.setattr(app_documents, "render_pdf", fail)
    tab.show_inspection(norfolk)
    wait_rendered(qtbot, tab)
    assert tab.stack.currentWidget() is tab.placeholder
    assert "the table is too wide" in tab.placeholder.text()
    assert len(message_log.errors) == 1


# --- output ----------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", list(Format))
def test_save_as(
    qtbot: QtBot,
    tab: DocumentTab,
    save_dialog: SaveDialog,
    tmp_path: Path,
    file_format: Format,
) -> None:
    path = tmp_path / f"response{file_format.value.suffix}"
    save_dialog.answer = path
    tab.save_actions[file_format].trigger()
    qtbot.waitUntil(lambda: tab.status.text().startswith("Saved as"), timeout=20_000)

    (caption, start, filters) = save_dialog.asked[0]
    assert caption == f"Save as {file_format.value.label}"
    assert Path(start).name == (
        f"Response to PEEL Spotlight – Police performance Getting a grip{file_format.value.suffix}"
    )
    assert file_format.value.suffix in filters
    if file_format is Format.PDF:
        assert path.read_bytes() == tab.rendered.pdf.data  # type: ignore[union-attr]
        assert len(PdfReader(path).pages) == 8
    elif file_format is Format.HTML:
        html = path.read_text(encoding="utf-8")
        assert 'lang="en-GB"' in html and "Getting a grip" in html
    else:
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert "Key Findings" in text


def test_a_name_typed_without_its_suffix_gets_one(
    qtbot: QtBot, tab: DocumentTab, save_dialog: SaveDialog, tmp_path: Path
) -> None:
    save_dialog.answer = tmp_path / "for the panel"
    tab.save_actions[Format.DOCX].trigger()
    qtbot.waitUntil(lambda: (tmp_path / "for the panel.docx").exists(), timeout=20_000)


def test_cancelling_the_save_dialog_saves_nothing(
    tab: DocumentTab, save_dialog: SaveDialog, tmp_path: Path
) -> None:
    tab.save_actions[Format.PDF].trigger()
    assert save_dialog.asked and not list(tmp_path.glob("*.pdf"))
    assert tab.status.isHidden()


def test_an_unwritable_place_is_a_plain_message(
    qtbot: QtBot,
    tab: DocumentTab,
    save_dialog: SaveDialog,
    tmp_path: Path,
    message_log: MessageLog,
) -> None:
    save_dialog.answer = tmp_path / "no such folder" / "response.pdf"
    tab.save_actions[Format.PDF].trigger()
    qtbot.waitUntil(lambda: bool(message_log.errors), timeout=20_000)
    (message,) = message_log.errors
    assert message.startswith(f"Cannot save the document in {tmp_path / 'no such folder'}")
    assert "Traceback" not in message
    assert tab.preview.page_count() == 8 and tab.save_actions[Format.PDF].isEnabled()


def test_print_the_pages_chosen(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tab: DocumentTab, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    asked: list[int] = []

    def choose(_parent: object, *, title: str, page_count: int) -> QPrinter:
        asked.append(page_count)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 4)
        return printer

    monkeypatch.setattr(printing, "choose_printer", choose)
    tab.print_action.trigger()
    assert not tab.print_action.isEnabled()  # one print job at a time
    qtbot.waitUntil(lambda: tab.status.text().startswith("Sent"), timeout=20_000)
    assert asked == [8]
    assert tab.status.text() == "Sent 3 pages to the printer."
    assert len(PdfReader(out).pages) == 3
    assert tab.print_action.isEnabled()


def test_cancelling_the_print_dialog_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, tab: DocumentTab
) -> None:
    monkeypatch.setattr(printing, "choose_printer", lambda *_a, **_k: None)
    tab.print_action.trigger()
    assert tab.status.isHidden() and tab.print_action.isEnabled()


def test_open_in_the_default_viewer(
    monkeypatch: pytest.MonkeyPatch, tab: DocumentTab, message_log: MessageLog
) -> None:
    opened: list[Path] = []

    def open_externally(path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(files, "open_externally", open_externally)
    tab.open_action.trigger()
    (path,) = opened
    assert path.suffix == ".pdf" and path.read_bytes() == tab.rendered.pdf.data  # type: ignore[union-attr]
    assert message_log.errors == []

    monkeypatch.setattr(files, "open_externally", lambda _path: False)
    tab.open_action.trigger()
    (message,) = message_log.errors
    assert message.startswith("No program opened the PDF. It is saved as ")


def test_the_responses_word_count_is_shown_quietly_under_the_preview(
    tab: DocumentTab, sample_db: Database, spotlight: int, make_tab: MakeTab
) -> None:
    words = response_words(get_inspection(sample_db, spotlight))
    assert words.chief_constable > 100 and words.commissioner > 100
    assert tab.words.isVisible()
    assert tab.words.accessibleName() == "Word count of the responses"
    assert tab.words.text() == (
        f"Responses: {words.total:,} words (Chief Constable {words.chief_constable:,}, "
        f"Police and Crime Commissioner {words.commissioner:,})"
    )
    assert make_tab(sample_db, None).words.isHidden()  # no inspection: no count
