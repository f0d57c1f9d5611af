"""What a person notices at a laptop's screen: nothing cut off, everything named, the keyboard.

The window is shown at 1366×768, the most common office laptop screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import APP_NAME
from app.db.database import Database
from app.domain.enums import AuthorRole
from app.services import reading
from app.ui.actions import ActionId
from app.ui.finding_dialog import FindingDialog
from app.ui.inspection_dialog import InspectionDialog
from app.ui.main_window import MainWindow, window_title
from app.ui.overview import OverviewTab
from app.ui.responses import ResponsesView
from app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import wait_for_tab
from tests.ui.helpers import show_on_a_laptop
from tests.ui.responses.conftest import inspection_id


@pytest.fixture
def shown(window: MainWindow, qtbot: QtBot) -> MainWindow:
    return show_on_a_laptop(window, qtbot)


def test_welcome_buttons_show_their_whole_words(
    make_window: Callable[[Path], MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    window = show_on_a_laptop(make_window(db_path), qtbot)
    assert window.stack.currentWidget() is window.welcome
    for button in window.welcome.buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
    # Each says what it does beside it, in words.
    descriptions = [label.text() for label in window.welcome.descriptions]
    assert descriptions[0] == "Add the two sample inspections (never twice)"
    assert all(descriptions)


def test_window_title_names_the_inspection_and_the_database(
    shown: MainWindow, sample_db: Database, db_path: Path
) -> None:
    assert shown.windowTitle() == f"{db_path.name} — {APP_NAME}"
    spotlight = inspection_id(sample_db, "Getting a grip")
    shown.register.select_inspection(spotlight)
    assert shown.windowTitle() == (
        f"PEEL Spotlight – Police performance: Getting a grip — {db_path.name} — {APP_NAME}"
    )


def test_window_title_shortens_a_long_title_and_leaves_out_the_usual_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    usual = tmp_path / "responses.sqlite3"
    monkeypatch.setattr("app.ui.main_window.default_db_path", lambda: usual)
    long_title = "An inspection of how well the police tackle serious and organised crime " * 3
    title = window_title(long_title, usual)
    first, application = title.split(" — ")
    assert application == APP_NAME
    assert len(first) == 80 and first.endswith("…")
    assert window_title(None, usual) == APP_NAME


# What the register shows on a laptop's screen: tests/ui/test_small_screens.py.


def test_tab_goes_round_the_window_through_the_filter(shown: MainWindow, qtbot: QtBot) -> None:
    shown.register.select_inspection(shown.register.model.row_data(0).summary.id)
    overview = shown.page.widget(0)
    assert isinstance(overview, OverviewTab)
    overview.browser.setFocus()
    qtbot.waitUntil(overview.browser.hasFocus)
    qtbot.keyClick(overview.browser, Qt.Key.Key_Tab)  # the page's last stop: round to the top
    assert shown.register.filter_edit.hasFocus()
    qtbot.keyClick(shown.register.filter_edit, Qt.Key.Key_Tab)
    assert shown.register.table.hasFocus()


def test_ctrl_and_a_number_shows_each_tab(shown: MainWindow, qtbot: QtBot) -> None:
    titles = [shown.page.tabText(i) for i in range(shown.page.count())]
    assert titles == ["Overview", "Findings", "Responses", "Document"]
    assert [a.shortcut().toString() for a in shown.tab_actions] == [
        "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4",
    ]  # fmt: skip
    assert all(a in shown.menus["View"].actions() for a in shown.tab_actions)
    shown.register.filter_edit.setFocus()
    qtbot.keyClick(shown.register.filter_edit, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert shown.page.currentIndex() == 2
    qtbot.keyClick(shown.register.filter_edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert shown.page.currentIndex() == 0


def test_hiding_the_register_keeps_the_typing_where_it_was(
    shown: MainWindow, sample_db: Database, qtbot: QtBot
) -> None:
    shown.register.select_inspection(inspection_id(sample_db, "PEEL 2018"))
    shown.tab_actions[2].trigger()
    page = shown.page.currentWidget()
    wait_for_tab(page)  # the inspection is read on the database worker
    editor = page.findChildren(QTextEdit, "Chief Constable overall response")[0]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    assert not shown.register.isVisible()
    assert editor.hasFocus()
    qtbot.keyClicks(editor, "Still typing")
    assert editor.toPlainText() == "Still typing"
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    assert shown.register.isVisible() and editor.hasFocus()
    # From the register itself, hiding it hands the keyboard to the inspection.
    shown.register.table.setFocus()
    qtbot.keyClick(shown.register.table, Qt.Key.Key_F9)
    assert _focused_within(shown.page)


def test_commands_name_the_chief_officer_as_the_settings_do(shown: MainWindow) -> None:
    action = shown.commands[ActionId.IMPORT_CC_COMMENTS]
    assert action.text() == "Import Chief Constable’s &comments…"
    settings = shown.context.organisation
    settings.chief_title = "Commissioner of Police"
    shown.context.save_organisation(settings)
    assert shown.context.organisation.role_title(AuthorRole.CHIEF_CONSTABLE) == (
        "Commissioner of Police"
    )
    assert action.text() == "Import Commissioner of Police’s &comments…"
    assert "Commissioner of Police’s responses" in action.statusTip()


def _unnamed(root: QWidget) -> list[str]:
    """Widgets the keyboard reaches that a screen reader could not name."""
    labels = root.findChildren(QLabel)
    missing = []
    for widget in root.findChildren(QWidget):
        if (
            widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or not widget.isVisible()
            or widget.objectName().startswith("qt_")  # a spin box's or combo box's insides
            or isinstance(widget, QLabel)  # a label is named by its own text
        ):
            continue
        if widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()):
            continue
        if any(label.buddy() is widget for label in labels):
            continue
        missing.append(f"{type(widget).__name__} in {widget.parentWidget()!r}")
    return missing


def test_every_control_the_keyboard_reaches_has_a_name(
    shown: MainWindow, sample_db: Database, qtbot: QtBot
) -> None:
    for words in ("Getting a grip", "PEEL 2018"):
        shown.register.select_inspection(inspection_id(sample_db, words))
        for index in range(shown.page.count()):
            shown.page.setCurrentIndex(index)
            qtbot.wait(10)
            assert _unnamed(shown) == [], shown.page.tabText(index)
        view = shown.page.widget(2)
        assert isinstance(view, ResponsesView)
        shown.page.setCurrentWidget(view)
        view.toolbar.details.setChecked(True)  # the side panel, hidden on a narrow page
        for index in range(view.side.count()):
            view.side.setCurrentIndex(index)
            qtbot.wait(10)
            assert _unnamed(shown) == [], view.side.tabText(index)


def test_every_control_of_the_dialogs_has_a_name(
    shown: MainWindow, sample_db: Database, qtbot: QtBot
) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    finding = reading.get_inspection(sample_db, peel).findings[0]
    dialogs: list[QDialog] = [
        InspectionDialog(shown.context, None, shown),
        InspectionDialog(shown.context, peel, shown),
        FindingDialog(shown.context, peel, finding, parent=shown),
        SettingsDialog(shown.context, shown),
    ]
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _unnamed(dialog) == [], dialog.windowTitle()
        dialog.close()


def _mnemonics(texts: list[str]) -> list[str]:
    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]


def test_alt_letters_are_not_shared_within_a_menu_or_a_page(
    shown: MainWindow, sample_db: Database, qtbot: QtBot
) -> None:
    for name, menu in shown.menus.items():
        letters = _mnemonics([action.text() for action in menu.actions()])
        assert len(letters) == len(set(letters)), name
    # The Responses tab with its Office steps panel open, on an inspection without steps.
    shown.register.select_inspection(inspection_id(sample_db, "PEEL 2018"))
    view = shown.page.widget(2)
    assert isinstance(view, ResponsesView)
    shown.page.setCurrentWidget(view)
    view.toolbar.details.setChecked(True)
    view.side.setCurrentWidget(view.office_steps)
    qtbot.waitUntil(view.office_steps.add_standard.isVisible)
    texts = [b.text() for b in view.findChildren(QPushButton) if b.isVisible()]
    texts += [label.text() for label in view.findChildren(QLabel) if label.buddy()]
    letters = _mnemonics(texts)
    assert len(letters) == len(set(letters)), texts


def _focused_within(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and widget.isAncestorOf(focus)
