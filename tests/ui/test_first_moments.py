"""A person acting in the window's first moments (``app.ui.main_window``: the frame, then the
register and the page, then the rows, then the commands and the tabs): typing a filter before
the rows are in, choosing an inspection before its tabs exist, closing the window at each step.

The database worker is held back where a test needs a moment to last (a call queued before the
window's opening, which waits for the test's word): the steps then come in a known order on any
machine, however fast or busy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.services import reading
from app.ui import application, window_state
from app.ui.db_worker import database_worker
from app.ui.main_window import MainWindow
from app.ui.overview import OverviewTab
from tests.ui.conftest import READY_TIMEOUT_MS, wait_for_tab
from tests.ui.journeys.person import find

SPOTLIGHT = "Getting a grip"


@pytest.fixture
def held_worker() -> Iterator[threading.Event]:
    """The database worker busy until the event is set (set again at the end in any case)."""
    release = threading.Event()
    database_worker().run(lambda: release.wait(READY_TIMEOUT_MS / 1000), lambda _done: None)
    yield release
    release.set()


def _shown(qtbot: QtBot, db_path: object, settings: QSettings) -> MainWindow:
    window = application.create_window(str(db_path), settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _spotlight_id(sample_db: object) -> int:
    from app.db.database import Database

    assert isinstance(sample_db, Database)
    return next(s.id for s in reading.list_inspections(sample_db) if SPOTLIGHT in s.title)


def test_a_filter_typed_while_the_register_loads_is_applied_to_the_rows_when_they_come(
    qtbot: QtBot, ui_settings: QSettings, sample_db: object, db_path: object,
    held_worker: threading.Event,
) -> None:  # fmt: skip
    window = _shown(qtbot, db_path, ui_settings)
    qtbot.waitUntil(lambda: window.findChild(QLineEdit) is not None, timeout=READY_TIMEOUT_MS)
    box = find(window, "Filter inspections", QLineEdit)
    qtbot.keyClicks(box, "grip")  # the register still says "Loading…": nothing is open yet
    assert not window.is_open and window.register.model.rowCount() == 0
    assert window.register.loading_label.isVisible()
    held_worker.set()
    qtbot.waitUntil(lambda: window.is_usable, timeout=READY_TIMEOUT_MS)
    shown = window.register.proxy
    assert shown.rowCount() == 1 and SPOTLIGHT in str(shown.index(0, 0).data())
    assert window.register.model.rowCount() == 2  # both read, one shown
    qtbot.waitUntil(lambda: window.is_ready, timeout=READY_TIMEOUT_MS)


def test_an_inspection_chosen_before_its_tabs_are_built_is_shown_in_them(
    qtbot: QtBot, ui_settings: QSettings, sample_db: object, db_path: object
) -> None:
    spotlight = _spotlight_id(sample_db)
    window = _shown(qtbot, db_path, ui_settings)
    tabs_when_chosen: list[int] = []

    def choose() -> None:  # as soon as the rows are in: before the first tab is built
        tabs_when_chosen.append(window.page.count())
        assert window.register.select_inspection(spotlight)

    window.usable.connect(choose)
    qtbot.waitUntil(lambda: window.is_ready, timeout=READY_TIMEOUT_MS)
    assert tabs_when_chosen == [0]
    assert window.page.inspection_id == spotlight
    window.home.show_inspection_page()
    overview = next(tab for tab in window.page.tabs() if isinstance(tab, OverviewTab))
    window.page.setCurrentWidget(overview)
    wait_for_tab(overview)
    assert SPOTLIGHT in overview.title.text()


@pytest.mark.parametrize("step", ["frame", "register", "rows"])
def test_closing_at_any_first_moment_loses_nothing_and_leaves_nothing_running(
    step: str, qtbot: QtBot, ui_settings: QSettings, sample_db: object, db_path: object,
    held_worker: threading.Event,
) -> None:  # fmt: skip
    """Closed after the frame (nothing else made), with the register still loading, or with
    the rows in but the tabs not yet built: the window closes, the inspection it was to open
    is remembered for next time, and no call or window is left behind (the fixtures look)."""
    spotlight = _spotlight_id(sample_db)
    ui_settings.setValue(window_state.CURRENT_INSPECTION, spotlight)
    window = _shown(qtbot, db_path, ui_settings)
    if step != "frame":
        qtbot.waitUntil(lambda: window.findChild(QLineEdit) is not None,
                        timeout=READY_TIMEOUT_MS)  # fmt: skip
    if step == "rows":
        window.usable.connect(window.close)  # before the first tab is built
        held_worker.set()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=READY_TIMEOUT_MS)
        assert window.is_usable and not window.is_ready
    else:
        held_worker.set()  # the window's close waits for the worker's calls to finish
        window.close()
        assert not window.is_usable
    assert not window.isVisible()
    assert window_state.read_int(ui_settings, window_state.CURRENT_INSPECTION) == spotlight
