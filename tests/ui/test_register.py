"""The register: its item models, the filter box and sorting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.enums import InspectionStatus
from app.domain.model import InspectionSummary
from app.ui.main_window import MainWindow
from app.ui.register_model import Column, RegisterFilterModel, RegisterModel

TODAY = dt.date(2023, 8, 28)


def _summary(n: int, title: str, published: dt.date | None, **kw: object) -> InspectionSummary:
    values: dict[str, object] = {
        "publication_types": ["PEEL"], "forces": ["Norfolk Constabulary"],
        "status": InspectionStatus.DRAFTING, "archived": False,
    }  # fmt: skip
    values.update(kw)
    return InspectionSummary(id=n, title=title, published_on=published, **values)  # type: ignore[arg-type]


SUMMARIES = [
    _summary(1, "Spotlight", dt.date(2023, 7, 7), status=InspectionStatus.PUBLISHED),
    _summary(2, "Norfolk PEEL 2018", dt.date(2019, 5, 2), next_step="Sent to HMICFRS"),
    _summary(3, "Undated thematic", None, forces=["All forces"], publication_types=[]),
    _summary(4, "Vetting", dt.date(2023, 8, 1), archived=True),
    _summary(5, "Custody", dt.date(2023, 7, 20)),
]


def _texts(proxy: RegisterFilterModel, column: Column) -> list[str]:
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = RegisterModel()
    proxy = RegisterFilterModel()
    proxy.setSourceModel(model)
    model.set_summaries(SUMMARIES, TODAY)
    qtmodeltester.check(model)
    proxy.set_filter_text("peel")
    qtmodeltester.check(proxy)


def test_row_texts_and_deadline_words() -> None:
    model = RegisterModel()
    model.set_summaries(SUMMARIES, TODAY)
    custody = model.row_data(model.row_of(5) or 0)
    assert custody.texts[Column.PUBLISHED] == "20/07/2023"
    assert custody.texts[Column.DEADLINE] == "13/09/2023"  # 20 July + 55 days
    assert custody.texts[Column.DAYS_LEFT] == "16 days left"
    norfolk = model.index(model.row_of(2) or 0, Column.DAYS_LEFT)
    assert norfolk.data() == "Overdue by 1524 days"
    assert norfolk.data(Qt.ItemDataRole.BackgroundRole) is not None  # colour and words
    vetting = model.index(model.row_of(4) or 0, Column.STATUS)
    assert vetting.data() == "Drafting (archived)"
    assert model.index(model.row_of(1) or 0, Column.DAYS_LEFT).data() == "Published"
    assert model.index(model.row_of(3) or 0, Column.DAYS_LEFT).data() == "No publication date"


def test_sort_by_published_date_puts_undated_last() -> None:
    model = RegisterModel()
    proxy = RegisterFilterModel()
    proxy.setSourceModel(model)
    model.set_summaries(SUMMARIES, TODAY)
    proxy.sort(Column.PUBLISHED, Qt.SortOrder.AscendingOrder)
    assert _texts(proxy, Column.PUBLISHED) == [
        "02/05/2019",
        "07/07/2023",
        "20/07/2023",
        "01/08/2023",
        "",
    ]
    proxy.sort(Column.DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    assert _texts(proxy, Column.TITLE)[0] == "Norfolk PEEL 2018"  # most overdue first
    assert _texts(proxy, Column.TITLE)[-1] == "Spotlight"  # published last


@pytest.mark.parametrize(
    ("typed", "titles"),
    [
        ("peel 2018", ["Norfolk PEEL 2018"]),
        ("PEEL", ["Custody", "Norfolk PEEL 2018", "Spotlight", "Vetting"]),  # a type
        ("all forces", ["Undated thematic"]),  # forces are searched, every word must match
        ("published", ["Spotlight"]),  # status
        ("archived", ["Vetting"]),
        ("spotlight custody", []),
    ],
)
def test_filter_words(typed: str, titles: list[str]) -> None:
    model = RegisterModel()
    proxy = RegisterFilterModel()
    proxy.setSourceModel(model)
    model.set_summaries(SUMMARIES, TODAY)
    proxy.set_filter_text(typed)
    assert sorted(_texts(proxy, Column.TITLE)) == titles


def test_filter_narrows_as_you_type(window: MainWindow, qtbot: QtBot) -> None:
    register = window.register
    assert register.table.accessibleName() == "Inspections"
    assert register.filter_edit.accessibleName() == "Filter inspections"
    assert register.proxy.rowCount() == 2
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is register.filter_edit
    qtbot.keyClicks(register.filter_edit, "spo")
    assert register.proxy.rowCount() == 1
    assert register.proxy.index(0, Column.TITLE).data().startswith("PEEL Spotlight")
    qtbot.keyClicks(register.filter_edit, "x")
    assert register.proxy.rowCount() == 0
    assert "No inspection matches “spox”" in register.count_label.text()
    register.filter_edit.clear()
    qtbot.keyClicks(register.filter_edit, "norfolk constabulary")  # a force, not in the title
    assert register.proxy.rowCount() == 1
    assert register.count_label.text() == "1 of 2 inspections match the filter"


def test_click_on_published_header_sorts_by_date(window: MainWindow, qtbot: QtBot) -> None:
    table = window.register.table
    header = table.horizontalHeader()
    titles = lambda: _texts(window.register.proxy, Column.TITLE)  # noqa: E731
    assert titles()[0].startswith("PEEL Spotlight")  # newest first by default
    x = header.sectionViewportPosition(Column.PUBLISHED) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    order = header.sortIndicatorOrder()
    expected_first = "Norfolk" if order == Qt.SortOrder.AscendingOrder else "PEEL Spotlight"
    assert header.sortIndicatorSection() == Column.PUBLISHED
    assert titles()[0].startswith(expected_first)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() != order
