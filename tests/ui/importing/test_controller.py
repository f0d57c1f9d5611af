"""The import commands: a file, pasted text or a drop is read off the GUI thread, then previewed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.importers import ImportedInspection, import_document
from app.services import reading
from app.ui import messages
from app.ui.importing import ImportController, questions
from app.ui.importing import controller as controller_module
from app.ui.importing.paste_dialog import PasteTextDialog
from app.ui.importing.preview_dialog import ImportPreviewDialog
from app.ui.main_window import MainWindow
from tests.conftest import PEEL_SEED, SPOTLIGHT_SEED
from tests.ui.conftest import MessageLog, wait_for_tab
from tests.ui.helpers import answer_dialog

WAIT_MS = 20_000
REAL_SHOW_ERROR = messages.show_error  # taken before the autouse fixture replaces it


def wait_for_preview(qtbot: QtBot, controller: ImportController) -> ImportPreviewDialog:
    qtbot.waitUntil(lambda: controller.preview is not None, timeout=WAIT_MS)
    assert controller.preview is not None
    return controller.preview


def save_preview(qtbot: QtBot, controller: ImportController) -> int:
    dialog = wait_for_preview(qtbot, controller)
    assert dialog.isVisible()  # shown window-modal, without blocking the event loop
    with qtbot.waitSignal(controller.imported, timeout=WAIT_MS) as saved:
        dialog.accept()
    inspection_id: int = saved.args[0]
    return inspection_id


def test_a_file_is_previewed_then_saved(
    qtbot: QtBot, controller: ImportController, db: Database
) -> None:
    task = controller.import_file(PEEL_SEED)
    assert task is not None
    inspection_id = save_preview(qtbot, controller)
    assert reading.get_inspection(db, inspection_id).title == "Norfolk PEEL 2018: Effectiveness"
    assert not controller.busy


def test_a_large_file_is_read_off_the_gui_thread(
    qtbot: QtBot,
    controller: ImportController,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = PEEL_SEED.read_text(encoding="utf-8")
    filler = "\n\n".join(
        f"Paragraph {n} of the appendix, kept as report text." for n in range(25_000)
    )
    path = tmp_path / "large report.txt"
    path.write_text(text + "\n\n" + filler, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    threads: list[threading.Thread] = []

    def read(source: Path, **options: threading.Event) -> ImportedInspection:
        threads.append(threading.current_thread())
        return import_document(source, **options)

    monkeypatch.setattr(controller_module, "import_document", read)
    task = controller.import_file(path)

    assert task is not None and not task.done  # the call returned before the reading ended
    assert controller.busy
    inspection_id = save_preview(qtbot, controller)
    assert threads and threads[0] is not threading.main_thread()
    stored = reading.get_inspection(db, inspection_id)
    assert stored.title == "Norfolk PEEL 2018: Effectiveness"
    assert "Paragraph 24999 of the appendix" in stored.report_text


def blocked_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> threading.Event:
    """Make reading wait until the returned event is set."""
    release = threading.Event()

    def read(source: Path, **options: threading.Event) -> ImportedInspection:
        release.wait(WAIT_MS / 1000)
        return import_document(source, **options)

    monkeypatch.setattr(controller_module, "import_document", read)
    return release


def test_a_slow_import_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, controller: ImportController, monkeypatch: pytest.MonkeyPatch, db: Database
) -> None:
    release = blocked_reader(monkeypatch)
    task = controller.import_file(PEEL_SEED)
    assert task is not None
    qtbot.waitUntil(
        lambda: controller.progress is not None and controller.progress.isVisible(), timeout=5000
    )
    assert controller.progress is not None
    assert "Reading 003_13cad28066f6ee0a.txt" in controller.progress.labelText()
    cancel = controller.progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    assert not controller.busy and controller.progress is None
    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT_MS)
    assert controller.preview is None  # the result arrived after the cancel and is dropped
    assert reading.list_inspections(db) == []


def test_a_cancelled_import_stops_reading(
    qtbot: QtBot, controller: ImportController, monkeypatch: pytest.MonkeyPatch,
    message_log: MessageLog,
) -> None:  # fmt: skip
    """Cancel stops the work itself, not only the waiting: a window closed after it is not
    held open by a reading that goes on for minutes."""
    from app.importers import api, limits

    def endless(*_args: object) -> ImportedInspection:
        while True:  # a slow reader, as every reader does, stops at its checkpoints
            limits.checkpoint()
            time.sleep(0.01)

    monkeypatch.setattr(api, "_parse", endless)
    task = controller.import_file(PEEL_SEED)
    assert task is not None
    qtbot.waitUntil(lambda: controller.progress is not None and controller.progress.isVisible())
    controller.cancel_all()
    qtbot.waitUntil(lambda: task.done, timeout=2000)
    assert not controller.busy and message_log.errors == []


def test_an_import_failure_is_shown_in_words(
    qtbot: QtBot, controller: ImportController, tmp_path: Path, message_log: MessageLog
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    task = controller.import_file(empty)
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=WAIT_MS)
    assert message_log.errors == ["empty.txt is empty."]
    assert not controller.busy and controller.preview is None

    second = controller.import_file(tmp_path / "minutes.doc")
    assert second is not None
    qtbot.waitUntil(lambda: second.done, timeout=WAIT_MS)
    assert "old-format Word file" in message_log.errors[-1]


def test_an_import_failure_uses_a_plain_message_box(
    qtbot: QtBot,
    controller: ImportController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through the real ``messages.show_error``, down to the QMessageBox call."""
    monkeypatch.setattr(messages, "show_error", REAL_SHOW_ERROR)  # not the fixture's stand-in
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *_a: shown.append((title, text))
    )
    task = controller.import_file(tmp_path / "missing.pdf")
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=WAIT_MS)
    assert shown == [("The document could not be imported", "missing.pdf does not exist.")]


def test_choose_and_import_uses_the_file_chosen(
    qtbot: QtBot, controller: ImportController, monkeypatch: pytest.MonkeyPatch
) -> None:
    filters: list[str] = []

    def choose(_parent: object, _title: str, name_filter: str, _folder: str) -> str:
        filters.append(name_filter)
        return str(SPOTLIGHT_SEED)

    monkeypatch.setattr(questions, "choose_file", choose)
    controller.choose_and_import()
    dialog = wait_for_preview(qtbot, controller)
    assert dialog.title_edit.text() == "PEEL Spotlight – Police performance: Getting a grip"
    assert all(s in filters[0] for s in ("*.txt", "*.html", "*.htm", "*.pdf", "*.docx"))
    dialog.reject()
    qtbot.waitUntil(lambda: not controller.busy)
    assert controller.folder == str(SPOTLIGHT_SEED.parent)


def test_pasted_text_is_imported_and_kept_until_saved(
    qtbot: QtBot,
    controller: ImportController,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = PEEL_SEED.read_text(encoding="utf-8")
    answer_dialog(monkeypatch, PasteTextDialog, lambda d: d.edit.setPlainText(text))
    controller.paste_text()
    wait_for_preview(qtbot, controller).reject()
    qtbot.waitUntil(lambda: not controller.busy)
    assert controller.last_pasted == text  # cancelled: offered again next time

    shown = answer_dialog(monkeypatch, PasteTextDialog, lambda _d: None)
    controller.paste_text()
    assert shown[0].text() == text
    save_preview(qtbot, controller)
    assert controller.last_pasted == ""
    assert [s.title for s in reading.list_inspections(db)] == ["Norfolk PEEL 2018: Effectiveness"]


def test_an_empty_paste_is_refused_in_the_dialog(qtbot: QtBot) -> None:
    dialog = PasteTextDialog()
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and "Paste the report" in dialog.error.text()


def drop(widget: QMainWindow, mime: QMimeData) -> tuple[bool, bool]:
    """Drag ``mime`` over ``widget`` and drop it; whether the enter and the drop were taken."""
    point = QPointF(widget.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    try:
        # PySide6 6.12 and later (the stubs of earlier versions know only the QPoint form)
        enter = QDragEnterEvent(point, actions, mime, buttons, modifiers)  # type: ignore[call-overload,unused-ignore]
    except TypeError:  # earlier versions take a QPoint only (6.12 deprecates it)
        enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    dropped = QDropEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropped_files_are_imported_one_after_the_other(
    qtbot: QtBot, controller: ImportController, host: QMainWindow, db: Database
) -> None:
    controller.install_drop_target(host)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (PEEL_SEED, SPOTLIGHT_SEED)])
    assert drop(host, mime) == (True, True)
    save_preview(qtbot, controller)
    qtbot.waitUntil(lambda: controller.preview is not None and controller.preview.title_edit
                    .text().startswith("PEEL Spotlight"), timeout=WAIT_MS)  # fmt: skip
    save_preview(qtbot, controller)
    assert len(reading.list_inspections(db)) == 2


def test_a_drop_of_something_else_is_refused(
    controller: ImportController, host: QMainWindow, tmp_path: Path
) -> None:
    controller.install_drop_target(host)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "picture.png"))])
    assert drop(host, mime) == (False, False)
    assert not controller.busy


def test_dropped_text_is_imported(
    qtbot: QtBot, controller: ImportController, host: QMainWindow
) -> None:
    controller.install_drop_target(host)
    mime = QMimeData()
    mime.setText(PEEL_SEED.read_text(encoding="utf-8"))
    assert drop(host, mime) == (True, True)
    dialog = wait_for_preview(qtbot, controller)
    assert dialog.source == "The dropped text"
    dialog.reject()
    qtbot.waitUntil(lambda: not controller.busy)


def test_wired_into_the_main_window(
    qtbot: QtBot,
    make_window: Callable[[Path], MainWindow],
    db_path: Path,
    db: Database,
) -> None:
    """The wiring proposed for the main window: save what is typed first, then open the import."""
    window = make_window(db_path)
    saves: list[bool] = []

    def save_pending() -> bool:
        saves.append(True)
        return window.page.save_pending()

    importer = ImportController(window, window.context.db, save_pending=save_pending)
    importer.install_drop_target(window)
    importer.imported.connect(window.show_inspection)
    importer.import_file(PEEL_SEED)
    inspection_id = save_preview(qtbot, importer)
    wait_for_tab(window)  # the register is read again on the database worker
    assert saves == [True]
    assert window.page.inspection_id == inspection_id
    assert "Inspection added from 003_13cad28066f6ee0a.txt" in window.statusBar().currentMessage()
