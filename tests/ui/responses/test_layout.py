"""The responses view on a narrow page: hints and tab names whole, every command by keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import FindingKind
from app.domain.model import Finding, Inspection
from app.services import inspections
from app.ui.responses import ResponsesView
from app.ui.responses.rows import MIN_EDITOR
from tests.ui.conftest import MessageLog
from tests.ui.responses.conftest import Person, wait_for_workflow

MakeView = Callable[[Database, "int | None"], ResponsesView]
NARROW_PAGE = 800  # the page beside the register on a 1366-pixel laptop screen


def test_hints_fit_a_narrow_editor_and_say_when_nothing_can_be_typed(
    view: ResponsesView, qtbot: QtBot, person: Person
) -> None:
    view.resize(NARROW_PAGE, 700)
    qtbot.wait(10)
    editor = view.editor("Chief Constable response to Recommendation 6")
    editor.clear()
    # A QTextEdit draws its hint on one line, cut at the edge: the whole hint must fit.
    width = editor.fontMetrics().horizontalAdvance(editor.placeholderText())
    assert width < editor.viewport().width()
    assert editor.placeholderText() == "Type or paste the response"

    view.save_pending()
    view.workflow_bar.sign_off_button.click()  # warned about the missing response, signed off
    wait_for_workflow(view)
    assert person.warnings and editor.isReadOnly() and not editor.toPlainText()
    assert editor.placeholderText() == "No response was written"


def test_side_panel_tab_names_are_never_cut(view: ResponsesView, qtbot: QtBot) -> None:
    view.resize(NARROW_PAGE, 700)
    view.toolbar.details.setChecked(True)
    view.splitter.setSizes([NARROW_PAGE, 0])  # squeezed as far as it goes
    qtbot.wait(10)
    bar = view.side.tabBar()
    for index in range(bar.count()):
        words = bar.tabText(index)
        assert bar.tabRect(index).width() > bar.fontMetrics().horizontalAdvance(words), words
        assert bar.tabRect(index).right() <= bar.width(), words


def _button(view: ResponsesView, text: str) -> QToolButton:
    action = next(a for a in view.toolbar.actions() if a.text() == text)
    button = view.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button


def test_view_commands_are_reached_with_tab_formatting_keeps_the_editor(
    view: ResponsesView, qtbot: QtBot, message_log: MessageLog
) -> None:
    view.window().activateWindow()
    assert _button(view, "Bold").focusPolicy() == Qt.FocusPolicy.NoFocus  # Ctrl+B does it
    collapse = _button(view, "Collapse all")
    view.workflow_bar.sign_off_button.setFocus()
    qtbot.waitUntil(view.workflow_bar.sign_off_button.hasFocus)
    seen = []
    for _ in range(6):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if collapse.hasFocus():
            break
    assert collapse.hasFocus(), [w.accessibleName() for w in seen if w is not None]
    qtbot.keyClick(collapse, Qt.Key.Key_Space)
    assert view.content is not None
    assert not any(row.is_expanded() for row in view.content.rows)


def test_forty_findings_collapse_to_a_list_of_headings_that_say_what_is_missing(
    db: Database, make_view: MakeView, qtbot: QtBot
) -> None:
    findings = [
        Finding(FindingKind.RECOMMENDATION, f"Recommendation {n}", f"Do thing {n}.")
        for n in range(1, 41)
    ]
    inspection = inspections.create_inspection(
        db, Inspection("Forty", published_on=dt.date(2023, 7, 7), findings=findings)
    )
    view = make_view(db, inspection)
    view.resize(NARROW_PAGE, 700)
    editor = view.editor("Police and Crime Commissioner response to Recommendation 40")
    editor.setFocus()
    qtbot.keyClicks(editor, "Accepted.")
    view.toolbar.collapse.trigger()
    assert view.content is not None
    rows = view.content.rows
    assert len(rows) == 42  # overall, forty findings, closing
    last = next(row for row in rows if row.heading == "Recommendation 40")
    assert last.summary.text() == "No Chief Constable response yet"
    qtbot.waitUntil(last.summary.isVisible)  # rows built late are shown by the event loop
    assert not last.body.isVisible()
    assert {row.summary.text() for row in rows[1:-2]} == {"No responses yet"}
    # Expanding one finding from the keyboard: its heading is a button that takes the focus.
    assert last.toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    last.toggle.setFocus()
    qtbot.keyClick(last.toggle, Qt.Key.Key_Space)
    assert last.is_expanded() and not rows[1].is_expanded()


def test_tab_goes_down_the_rows_before_the_side_panel(view: ResponsesView, qtbot: QtBot) -> None:
    view.resize(1300, 900)
    view.toolbar.details.setChecked(True)
    view.window().activateWindow()
    assert view.content is not None
    first_row = view.content.rows[0].toggle
    expand = _button(view, "Expand all")
    expand.setFocus()
    qtbot.waitUntil(expand.hasFocus)
    qtbot.keyClick(expand, Qt.Key.Key_Tab)  # the scroll area, which scrolls with the arrows
    qtbot.keyClick(view.scroll_area, Qt.Key.Key_Tab)
    assert first_row.hasFocus()
    last = view.editors()[-1]
    assert last.accessibleName() == "Police and Crime Commissioner closing response"
    last.setFocus()
    qtbot.waitUntil(last.hasFocus)
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert view.side.tabBar().hasFocus()
    qtbot.keyClick(view.side.tabBar(), Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not None and view.history.isAncestorOf(focus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.keyClick(view.side.tabBar(), Qt.Key.Key_Backtab)  # and back up to the rows
    assert last.hasFocus()


def test_editors_go_one_above_the_other_rather_than_narrower_than_420_pixels(
    view: ResponsesView, qtbot: QtBot
) -> None:
    editors = view.editors()
    cc, pcc = editors[2], editors[3]  # Recommendation 2
    view.resize(1300, 700)
    qtbot.waitUntil(lambda: cc.y() == pcc.y())  # side by side
    assert cc.width() >= MIN_EDITOR and pcc.x() > cc.x()
    view.resize(NARROW_PAGE, 700)
    qtbot.waitUntil(lambda: pcc.y() > cc.y() + cc.height())  # the Commissioner's below
    assert cc.width() >= MIN_EDITOR and pcc.x() == cc.x()
    assert pcc.width() == cc.width()
    view.resize(1300, 700)
    qtbot.waitUntil(lambda: cc.y() == pcc.y())
