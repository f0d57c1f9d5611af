"""The window on a German or Turkish computer still reads and writes British English dates."""

from __future__ import annotations

import datetime as dt
import locale
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import reading
from app.ui.main_window import MainWindow
from app.ui.overview import OverviewTab
from app.ui.widgets import OptionalDateEdit
from tests.conftest import SPOTLIGHT_SEED

WAIT_MS = 20_000


@pytest.fixture
def german_computer() -> Iterator[None]:
    """Python's locale and Qt's default locale both German, as on a German Windows."""
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("the de_DE.UTF-8 locale is not installed here (.ci/run generates it)")
    saved_qt = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield
    finally:
        locale.setlocale(locale.LC_ALL, saved)
        QLocale.setDefault(saved_qt)


def test_importing_in_the_window_reads_and_shows_english_dates(
    german_computer: None,
    qtbot: QtBot,
    make_window: Callable[[Path], MainWindow],
    db_path: Path,
    db: Database,
) -> None:
    window = make_window(db_path)
    window.importer.import_file(SPOTLIGHT_SEED)
    qtbot.waitUntil(lambda: window.importer.preview is not None, timeout=WAIT_MS)
    preview = window.importer.preview
    assert preview is not None
    with qtbot.waitSignal(window.importer.imported, timeout=WAIT_MS) as saved:
        preview.accept()
    inspection_id: int = saved.args[0]
    assert reading.get_inspection(db, inspection_id).published_on == dt.date(2023, 7, 7)
    qtbot.waitUntil(lambda: window.page.inspection_id == inspection_id, timeout=WAIT_MS)
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    qtbot.waitUntil(lambda: overview.header_text("Published") != "", timeout=WAIT_MS)
    assert overview.header_text("Published") == "7 July 2023"


def test_date_boxes_name_months_in_english(
    german_computer: None, qtbot: QtBot, make_window: Callable[[Path], MainWindow], db_path: Path
) -> None:
    make_window(db_path)
    box = OptionalDateEdit("Published on")
    qtbot.addWidget(box)
    box.set_date(dt.date(2023, 7, 7))
    box.show()
    calendar = box.edit.show_calendar()
    assert calendar.locale().monthName(7) == "July"
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "Mon"
    calendar.close()
    edit = QDateEdit(QDate(2023, 7, 7))
    qtbot.addWidget(edit)
    assert edit.locale().toString(QDate(2023, 7, 7), "d MMMM yyyy") == "7 July 2023"
