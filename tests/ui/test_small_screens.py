"""The window on a 1366×768 laptop at 100 %, 125 % and 150 % scaling, and on a 1920×1080 screen.

Windows' scaling makes the logical screen smaller by the factor, with fonts of the same logical
size: 1366×768 at 150 % lays out like a 911×512 screen at 100 %. The window is sized as a
maximised one (the screen less the taskbar and the title bar, which scale too) and opened as
at first start. One test runs in its own process with the real ``QT_SCALE_FACTOR=1.5`` on a
1366×768 screen, to show that the two are the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.ui.main_window import MainWindow
from app.ui.register_cards import PADDING, card_lines
from app.ui.register_model import Column
from app.ui.register_view import KEY_COLUMNS, RegisterPanel
from app.ui.responses import ResponsesView
from app.ui.responses.rows import MIN_EDITOR
from tests.ui.responses.conftest import inspection_id

TASKBAR_AND_TITLE = 40 + 31  # Windows' taskbar and a window's title bar at 100 %
SCREENS = {
    "1366x768 at 100 %": (1366, 768, 1.0),
    "1366x768 at 125 %": (1366, 768, 1.25),
    "1366x768 at 150 %": (1366, 768, 1.5),
    "1920x1080 at 100 %": (1920, 1080, 1.0),
}
ROOT = Path(__file__).resolve().parents[2]


def maximised(width: int, height: int, scale: float) -> QSize:
    """A maximised window's size in logical pixels."""
    return QSize(round(width / scale), round(height / scale) - TASKBAR_AND_TITLE)


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def laptop(
    request: pytest.FixtureRequest, make_window: Callable[[Path], MainWindow],
    sample_db: Database, db_path: Path, qtbot: QtBot,
) -> MainWindow:  # fmt: skip
    window = make_window(db_path)
    window.resize(maximised(*SCREENS[request.param]))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def _responses(window: MainWindow) -> ResponsesView:
    view = next(
        w for w in (window.page.widget(n) for n in range(window.page.count()))
        if isinstance(w, ResponsesView)
    )  # fmt: skip
    window.page.setCurrentWidget(view)
    return view


def shown_in_register(register: RegisterPanel, row: int) -> dict[Column, str]:
    """The text of each key column that the person can read in ``row`` without scrolling.

    In the wide table, a column's text when its cell is in view and the text fits it; among
    the cards, the lines drawn in the title's and the days left's cells, whole lines joined.
    """
    table = register.table
    viewport = table.viewport().rect()
    seen: dict[Column, str] = {}
    for column in KEY_COLUMNS:
        index = table.model().index(row, column)
        rect = table.visualRect(index)
        if table.isColumnHidden(column) or not viewport.contains(rect):
            continue
        if register.compact:
            lines = card_lines(index, table.font(), rect.width() - 2 * PADDING)
            seen[column] = " ".join(line.text for line in lines)
        else:
            text = str(index.data())
            if table.fontMetrics().horizontalAdvance(text) < rect.width():
                seen[column] = text
    return seen


def test_the_register_shows_what_matters_without_scrolling_sideways(laptop: MainWindow) -> None:
    register = laptop.register
    assert register.width() <= laptop.width() * 0.35  # the responses need the rest
    for row in range(register.proxy.rowCount()):
        seen = " / ".join(shown_in_register(register, row).values())
        model = register.proxy
        for column in (Column.DAYS_LEFT, Column.STATUS, Column.DEADLINE, Column.NEXT_STEP):
            words = str(model.index(row, column).data())
            if column is Column.NEXT_STEP and register.compact:
                # One line, cut "…" (every card is the same height); the tooltip has it whole.
                words = words[:12]
                tip = str(model.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole))
                assert model.index(row, column).data() in tip
            assert words in seen, (column.heading, words, seen)
        title = str(model.index(row, Column.TITLE).data())
        assert title.split()[0] in seen  # a cut title is whole in its tooltip
        tip = str(model.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole))
        assert tip.startswith(title)


def test_response_editors_stay_wide_enough_with_the_history_panel_open(
    laptop: MainWindow, sample_db: Database, qtbot: QtBot
) -> None:
    laptop.register.select_inspection(inspection_id(sample_db, "Getting a grip"))
    view = _responses(laptop)
    qtbot.waitUntil(lambda: view.content is not None and view.content.isVisible())
    register_width = laptop.register.width()
    assert view.content is not None
    editor = view.content.editors()[0]
    QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    qtbot.waitUntil(editor.hasFocus)
    view.toolbar.history.trigger()
    qtbot.wait(50)
    assert view.history.isVisible() and view.history.width() >= 200
    assert laptop.register.width() == register_width  # History squeezes nothing
    for each in view.content.editors():
        assert each.width() >= MIN_EDITOR, each.accessibleName()
    # Every editor lies within the rows' width: none is pushed out of sight to the right.
    right = view.scroll_area.viewport().mapToGlobal(view.scroll_area.viewport().rect().topRight())
    assert editor.mapToGlobal(editor.rect().topRight()).x() <= right.x()


def test_the_side_panel_starts_closed_on_a_narrow_page_and_escape_closes_the_drawer(
    laptop: MainWindow, sample_db: Database, qtbot: QtBot
) -> None:
    laptop.register.select_inspection(inspection_id(sample_db, "Getting a grip"))
    view = _responses(laptop)
    qtbot.waitUntil(view.isVisible)
    assert view.toolbar.details.isChecked() == (view.width() >= 1100)
    view.toolbar.details.setChecked(True)
    qtbot.waitUntil(view.side.isVisible)
    # Beside the rows when there is room for it and editors of MIN_EDITOR, else over them.
    assert view.dock.docked == (laptop.width() > 1000)
    if view.dock.docked:
        return  # the Details button hides it
    view.side.tabBar().setFocus()
    qtbot.waitUntil(view.side.tabBar().hasFocus)
    QTest.keyClick(view.side.tabBar(), Qt.Key.Key_Escape)
    assert not view.side.isVisible() and not view.toolbar.details.isChecked()


SCALED_WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from app.db.database import Database
from app.services import reading, samples
from app.ui import create_window
from app.ui.responses import ResponsesView

folder = Path(sys.argv[1])
db = Database.open(folder / "db.sqlite3"); samples.load_samples(db); db.close()
app = QApplication([])
screen = QGuiApplication.primaryScreen()
window = create_window(folder / "db.sqlite3", QSettings(str(folder / "w.ini"),
                                                         QSettings.Format.IniFormat))
area = screen.availableGeometry()
window.resize(area.width(), area.height() - 71)
window.show()
QTest.qWaitForWindowExposed(window)
window.activateWindow()
for _ in range(3000):  # until its tabs are built and its register filled (≤ 30 s)
    if window.is_ready: break
    QTest.qWait(10)
rows = reading.list_inspections(window.context.db)
window.show_inspection(next(r.id for r in rows if "Getting a grip" in r.title))
view = next(window.page.widget(n) for n in range(window.page.count())
            if isinstance(window.page.widget(n), ResponsesView))
window.page.setCurrentWidget(view)
QTest.qWait(100)
for _ in range(3000):  # until the register and the inspection are read (≤ 30 s)
    if not window.loading and not view.loading: break
    QTest.qWait(10)
editor = view.content.editors()[0]
QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
QTest.qWait(50)
view.toolbar.history.trigger()
QTest.qWait(100)
print(json.dumps({
    "scale": screen.devicePixelRatio(), "screen": [area.width(), area.height()],
    "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
    "window": [window.width(), window.height()], "register": window.register.width(),
    "history": view.history.isVisible(),
    "editors": [e.width() for e in view.content.editors()],
}))
window.close()
"""


def test_with_windows_150_percent_scaling_on_a_1366_screen(tmp_path: Path) -> None:
    """The real scale factor, in a process of its own, on a 1366×768 screen."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}))  # fmt: skip
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "1.5",
        "PYTHONPATH": str(ROOT / "src"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCALED_WINDOW, str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["scale"] == 1.5 and figures["screen"] == [911, 512]
    assert figures["minimum"][0] <= 911 and figures["minimum"][1] <= 512 - 71
    assert figures["window"] == [911, 512 - 71]
    assert figures["register"] >= 250  # still a register beside the responses
    assert figures["history"]
    assert min(figures["editors"]) >= MIN_EDITOR


def test_the_first_start_on_a_small_screen_is_maximised_later_ones_as_left(
    make_window: Callable[[Path], MainWindow], sample_db: Database, db_path: Path, qtbot: QtBot
) -> None:
    first = make_window(db_path)  # the offscreen screen is 800×600: a small one
    first.show_at_start()
    qtbot.waitExposed(first)
    assert first.isMaximized()
    first.showNormal()
    first.resize(700, 500)
    first.close()
    again = make_window(db_path)
    again.show_at_start()
    qtbot.waitExposed(again)
    assert not again.isMaximized() and again.size() == QSize(700, 500)
