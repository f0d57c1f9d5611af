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
from app.ui.register_cards import PADDING, card_lines
from app.ui.register_model import Column, RegisterFilterModel, RegisterModel
from app.ui.register_view import RegisterPanel

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

    def titles() -> list[str]:
        return _texts(window.register.proxy, Column.TITLE)

    assert titles()[0].startswith("PEEL Spotlight")  # newest first by default
    x = header.sectionViewportPosition(Column.PUBLISHED) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    order = header.sortIndicatorOrder()
    expected_first = "Norfolk" if order == Qt.SortOrder.AscendingOrder else "PEEL Spotlight"
    assert header.sortIndicatorSection() == Column.PUBLISHED
    assert titles()[0].startswith(expected_first)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() != order


@pytest.fixture
def panel(qtbot: QtBot) -> RegisterPanel:
    panel = RegisterPanel()
    qtbot.addWidget(panel)
    panel.set_summaries(SUMMARIES, TODAY)
    panel.resize(panel.wide_enough + 40, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _visible_columns(panel: RegisterPanel) -> list[Column]:
    return [c for c in Column if not panel.table.isColumnHidden(c)]


def test_a_narrow_register_shows_cards_with_the_status_next_step_and_deadline(
    panel: RegisterPanel, qtbot: QtBot
) -> None:
    assert not panel.compact and len(_visible_columns(panel)) == len(Column)
    panel.resize(300, 400)
    qtbot.waitUntil(lambda: panel.compact)
    assert _visible_columns(panel) == [Column.TITLE, Column.DAYS_LEFT]
    table = panel.table
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.proxy.index(r, Column.TITLE).data() == "Norfolk PEEL 2018")  # fmt: skip
    title = panel.proxy.index(row, Column.TITLE)
    width = table.columnWidth(Column.TITLE) - 2 * PADDING
    lines = [line.text for line in card_lines(title, table.font(), width)]
    assert lines == ["Norfolk PEEL 2018", "Drafting", "Next: Sent to HMICFRS"]
    days = panel.proxy.index(row, Column.DAYS_LEFT)
    width = table.columnWidth(Column.DAYS_LEFT) - 2 * PADDING
    assert " ".join(line.text for line in card_lines(days, table.font(), width)) == (
        "Overdue by 1524 days due 26/06/2019"
    )
    # Each row is as tall as its card, and the viewport shows them whole, without scrolling.
    assert table.rowHeight(row) >= 3 * table.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    tip = title.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Norfolk PEEL 2018\nForces: Norfolk Constabulary\nStatus: Drafting\n" \
        "Next step: Sent to HMICFRS"  # fmt: skip
    panel.resize(panel.wide_enough + 40, 400)
    qtbot.waitUntil(lambda: not panel.compact)
    assert len(_visible_columns(panel)) == len(Column)


def test_the_tables_columns_are_kept_while_cards_show_and_remembered(
    panel: RegisterPanel, qtbot: QtBot
) -> None:
    panel.table.setColumnWidth(Column.TITLE, 321)
    panel.resize(300, 400)
    qtbot.waitUntil(lambda: panel.compact)
    panel.table.sortByColumn(Column.DAYS_LEFT, Qt.SortOrder.DescendingOrder)  # among the cards
    state = panel.header_state()  # as the window saves it on closing
    assert panel.compact and _visible_columns(panel) == [Column.TITLE, Column.DAYS_LEFT]

    again = RegisterPanel()
    qtbot.addWidget(again)
    again.resize(300, 400)
    again.show()
    qtbot.waitUntil(lambda: again.compact)
    again.restore_header_state(state)
    assert _visible_columns(again) == [Column.TITLE, Column.DAYS_LEFT]
    again.resize(again.wide_enough + 40, 400)
    qtbot.waitUntil(lambda: not again.compact)
    assert again.table.columnWidth(Column.TITLE) == 321
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.DAYS_LEFT
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
