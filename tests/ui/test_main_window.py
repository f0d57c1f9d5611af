"""The main window: welcome panel, samples, remembered layout, tabs, start-up and errors."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app import APP_NAME, __version__
from app.domain.errors import AppError, ConflictError
from app.services import inspections, reading
from app.ui import application
from app.ui.actions import ActionId
from app.ui.main_window import MainWindow
from app.ui.overview import OverviewTab
from app.ui.register_model import Column
from tests.ui.conftest import READY_TIMEOUT_MS, MessageLog, wait_for_tab, wait_until_ready


def test_importing_app_ui_does_not_load_qt() -> None:
    code = "import sys, app.ui; assert 'PySide6' not in sys.modules; print(app.ui.create_window)"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_the_window_opens_without_loading_the_pdf_and_word_libraries(db_path: Path) -> None:
    """reportlab, pypdf and python-docx load when a document is first rendered or imported."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from app.ui.application import create_window\n"
        "application = QApplication([])\n"
        f"window = create_window(Path({str(db_path)!r}))\n"
        "window.show()\n"
        "from PySide6.QtTest import QTest\n"
        "for _ in range(3000):  # until its tabs are built and its register filled (≤ 30 s)\n"
        "    if window.is_ready: break\n"
        "    QTest.qWait(10)\n"
        "assert window.is_ready\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'pypdf', 'docx'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_smoke_test_opens_the_window_and_closes_it(sample_db: object, db_path: Path) -> None:
    """``--smoke-test``, for checking an installation: the window opens on the database (its
    register filled) and closes again, the About box's list of bundled parts has a licence text
    for each, and the program says so and ends with 0."""
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "--smoke-test"],
        capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [said] = result.stdout.splitlines()
    opened = f"{APP_NAME} {__version__}: the window opened on {db_path} (2 inspections) and closed"
    assert said.startswith(f"{opened}; About lists ")
    assert said.endswith(" bundled parts, each with its licence.")
    assert int(said.removeprefix(f"{opened}; About lists ").split()[0]) >= 20


def test_empty_database_welcome_then_load_samples(
    make_window: Callable[[Path], MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    window = make_window(db_path)
    assert window.stack.currentWidget() is window.welcome
    labels = [button.accessibleName() for button in window.welcome.buttons]
    assert labels == ["Load sample inspections", "New inspection", "Import", "Paste report text"]
    window.welcome.buttons[0].click()
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 2, timeout=10_000)
    assert window.stack.currentWidget() is window.splitter
    assert window.page.inspection_id is not None  # the first sample is opened
    assert window.context.organisation.force_name == "Norfolk Constabulary"
    assert "2 added" in window.statusBar().currentMessage()

    window.commands[ActionId.LOAD_SAMPLES].trigger()  # twice: nothing is duplicated
    qtbot.waitUntil(lambda: "already present" in window.statusBar().currentMessage(),
                    timeout=10_000)  # fmt: skip
    assert len(reading.list_inspections(window.context.db)) == 2


def test_layout_is_remembered(
    make_window: Callable[[Path], MainWindow], sample_db: object, db_path: Path,
    ui_settings: QSettings, qtbot: QtBot,
) -> None:  # fmt: skip
    first = make_window(db_path)
    first.resize(760, 560)
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([300, 460])
    sizes, size = first.splitter.sizes(), first.size()
    first.register.table.sortByColumn(Column.DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    first.commands[ActionId.SHOW_ARCHIVED].setChecked(True)
    last = first.register.model.row_data(1).summary.id
    first.register.select_inspection(last)
    first.close()
    assert ui_settings.contains("window/geometry")

    second = make_window(db_path)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == size
    assert second.commands[ActionId.SHOW_ARCHIVED].isChecked()
    # The register's columns too (the table's widths: see test_register).
    assert second.register.table.horizontalHeader().sortIndicatorSection() == Column.DAYS_LEFT
    assert second.page.inspection_id == last  # the inspection open last time
    assert second.splitter.sizes() == sizes


class FakeTab(QWidget):
    """A tab as another part of the UI would write one."""

    inspectionChanged = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[int | None] = []
        self.saves = 0
        self.fail_with: AppError | None = None

    def show_inspection(self, inspection_id: int | None) -> None:
        self.shown.append(inspection_id)

    def save_pending(self) -> None:
        self.saves += 1
        if self.fail_with is not None:
            raise self.fail_with


def test_extra_tab_is_saved_before_moving_on(window: MainWindow, message_log: MessageLog) -> None:
    tab = FakeTab()
    window.add_tab(tab, "Responses")
    window.page.setCurrentWidget(tab)  # the tab in view shows each inspection at once
    ids = [window.register.model.row_data(row).summary.id for row in range(2)]
    window.register.select_inspection(ids[0])
    assert tab.shown == [None, ids[0]]

    tab.fail_with = ConflictError("Someone else changed this response.")
    window.register.select_inspection(ids[1])
    assert message_log.errors == ["Someone else changed this response."]
    assert window.page.inspection_id == ids[0]  # stayed, so the typed text is not lost
    assert window.register.current_inspection_id() == ids[0]
    assert window.page.currentWidget() is tab

    tab.fail_with = None
    window.register.select_inspection(ids[1])
    assert tab.shown[-1] == ids[1]


def test_a_tab_saving_refreshes_the_register_and_the_other_tabs(window: MainWindow) -> None:
    tab = FakeTab()
    window.add_tab(tab, "Responses")
    first = window.register.model.row_data(0).summary
    window.register.select_inspection(first.id)
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    summary = reading.get_inspection(window.context.db, first.id)
    summary.title = "Renamed while the tab was saving"
    version = inspections.inspection_version(window.context.db, first.id)
    inspections.update_header(window.context.db, first.id, summary, version)
    shown_before = len(tab.shown)

    tab.inspectionChanged.emit(first.id)
    wait_for_tab(overview)
    wait_for_tab(window)
    assert overview.title.text() == "Renamed while the tab was saving"
    assert len(tab.shown) == shown_before  # the tab that saved is not reloaded under the typist
    row = window.register.model.row_of(first.id)
    assert row is not None
    assert window.register.model.row_data(row).summary.title.startswith("Renamed")


def test_add_tab_refuses_a_widget_without_the_protocol(window: MainWindow) -> None:
    with pytest.raises(TypeError, match="InspectionTab"):
        window.add_tab(QWidget(), "Broken")


def test_close_asks_when_a_tab_cannot_save(window: MainWindow, message_log: MessageLog) -> None:
    tab = FakeTab()
    window.add_tab(tab, "Responses")
    window.show()
    tab.fail_with = ConflictError("Cannot save.")
    message_log.answer = False
    assert not window.close()
    assert window.isVisible()
    message_log.answer = True
    assert window.close()


def test_action_added_by_another_part_of_the_ui(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    action = QAction("&Import…", window)
    window.add_action("File", action, after=ActionId.NEW_INSPECTION, welcome=True)
    file_menu = window.menus["File"].actions()
    assert file_menu.index(action) == file_menu.index(window.commands[ActionId.NEW_INSPECTION]) + 1
    assert window.welcome.buttons[-1].accessibleName() == "Import"


def test_run_gui_reports_a_database_that_cannot_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object, message_log: MessageLog
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(application, "_configure_logging", lambda: None)
    folder = tmp_path / "a folder"
    folder.mkdir()
    assert application.run_gui(folder) == 1
    assert message_log.errors == [f"{folder} is a folder, not a database file."]


def test_unexpected_errors_are_shown_and_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, qapp: object
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def exec_(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append((text, "")))
    application.install_excepthook(Path("/logs/app.log"))
    try:
        raise KeyError("surprise")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    sys.excepthook(ConflictError, ConflictError("Saved by someone else."), None)

    text, details = shown[0]
    assert "did not expect" in text and "/logs/app.log" in text and "KeyError" in text
    assert "Traceback" in details
    assert shown[1] == ("Saved by someone else.", "")
    assert "Unexpected error" in caplog.text


def test_register_can_be_hidden_for_writing_and_comes_back_for_filtering(
    window: MainWindow, qtbot: QtBot
) -> None:
    toggle = window.commands[ActionId.SHOW_REGISTER]
    assert window.register.isVisibleTo(window)
    toggle.trigger()
    assert not window.register.isVisibleTo(window)
    window.commands[ActionId.FIND].trigger()  # Ctrl+F: filtering needs the register
    assert window.register.isVisibleTo(window)


def test_the_frame_comes_first_then_the_register_then_its_rows_then_the_tabs(
    qtbot: QtBot, ui_settings: QSettings, sample_db: object, db_path: Path
) -> None:
    """The window is made with its frame only (menus, toolbar, "Opening the database…" in the
    status bar), before its database is open and with nothing that changes it enabled; once
    painted, the register and the page are made, the register saying "Loading…" until its
    rows, read on the database worker, arrive (``usable``); the tabs come after them
    (``ready``)."""
    window = application.create_window(db_path, ui_settings)
    qtbot.addWidget(window)
    assert not window.is_open and not window.is_usable
    assert window.statusBar().currentMessage() == "Opening the database…"
    assert window.findChild(QTableView) is None
    assert not window.commands[ActionId.NEW_INSPECTION].isEnabled()
    assert not window.commands[ActionId.BACK_UP].isEnabled()
    seen: dict[str, object] = {}

    def at_usable() -> None:
        seen["rows"] = window.register.model.rowCount()
        seen["loading"] = window.register.loading_label.isVisible()
        seen["tabs"] = window.page.count()

    window.usable.connect(at_usable)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=READY_TIMEOUT_MS):
        pass
    assert seen == {"rows": 2, "loading": False, "tabs": 0}  # the tabs came after the rows
    assert window.page.count() == 4 and window.is_ready
    assert window.statusBar().currentMessage() == ""
    assert window.commands[ActionId.NEW_INSPECTION].isEnabled()
    assert window.commands[ActionId.BACK_UP].isEnabled()


def test_a_refresh_asked_for_while_loading_is_done_once_the_rows_are_in(
    qtbot: QtBot, ui_settings: QSettings, sample_db: object, db_path: Path
) -> None:
    window = application.create_window(db_path, ui_settings)
    qtbot.addWidget(window)
    spotlight = next(s.id for s in reading.list_inspections(window.context.db)
                     if "Getting a grip" in s.title)  # fmt: skip
    window.show_inspection(spotlight)  # before the register is read: done once it is
    wait_until_ready(qtbot, window)
    assert window.page.inspection_id == spotlight
    assert window.register.current_inspection_id() == spotlight


def test_closing_before_the_register_is_read_keeps_the_inspection_to_reopen(
    qtbot: QtBot, ui_settings: QSettings, sample_db: object, db_path: Path
) -> None:
    from app.ui import window_state

    window = application.create_window(db_path, ui_settings)
    qtbot.addWidget(window)
    wait_until_ready(qtbot, window)
    shown = window.register.model.row_data(1).summary.id
    window.show_inspection(shown)
    window.close()
    again = application.create_window(db_path, ui_settings)
    qtbot.addWidget(again)
    assert not again.is_ready
    again.close()  # before its rows came back
    assert window_state.read_int(ui_settings, window_state.CURRENT_INSPECTION) == shown


def test_a_refresh_opens_the_inspection_asked_for_even_when_another_refresh_follows(
    window: MainWindow,
) -> None:
    wanted = window.register.model.row_data(1).summary.id
    assert window.page.inspection_id != wanted
    window.refresh(select=wanted)
    assert window.loading  # read on the database worker
    window.refresh()  # supersedes the read, not the inspection asked for
    wait_for_tab(window)
    assert window.page.inspection_id == wanted
    assert window.register.current_inspection_id() == wanted
