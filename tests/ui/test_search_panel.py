"""Searching from the window: Ctrl+Shift+F, type, Enter, and the words are in front of you."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QTextEdit, QTreeWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import AuthorRole, ResponsePart
from app.services import inspections, reading, responses
from app.services.responses import ResponseKey
from app.ui.main_window import MainWindow
from tests.ui.journeys.person import Person, find

WAIT_MS = 10_000  # a search answers in milliseconds; ten seconds for a busy machine
CC_REC2 = "Chief Constable response to Recommendation 2"


def _open_search(window: MainWindow, qtbot: QtBot) -> QLineEdit:
    window.show()
    qtbot.waitExposed(window)
    Person(qtbot, window).activate()
    handle = window.windowHandle()  # as the system delivers a key: shortcuts are looked up
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    box = find(window, "Search everything", QLineEdit)
    qtbot.waitUntil(box.hasFocus, timeout=WAIT_MS)
    return box


def _results(window: MainWindow, qtbot: QtBot, typed: str) -> QTreeWidget:
    box = find(window, "Search everything", QLineEdit)
    box.selectAll()
    QTest.keyClicks(box, typed)
    tree = find(window, "Search results", QTreeWidget)
    assert window.search is not None
    qtbot.waitUntil(lambda: not window.search.searching if window.search else False,
                    timeout=WAIT_MS)  # fmt: skip
    return tree


def _texts(tree: QTreeWidget) -> list[str]:
    rows = []
    for top in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(top)
        assert group is not None
        rows.append(group.text(0))
        rows += ["  " + (child.text(0) if (child := group.child(i)) else "")
                 for i in range(group.childCount())]  # fmt: skip
    return rows


def _focused_editor(qtbot: QtBot, name: str) -> QTextEdit:
    """The editor called ``name``, once the jump has put the keyboard in it."""

    def there() -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and focused.accessibleName() == name

    qtbot.waitUntil(there, timeout=WAIT_MS)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QTextEdit)
    return editor


def _marked_words(editor: QTextEdit) -> list[str]:
    return [mark.cursor.selectedText().casefold() for mark in editor.extraSelections()]


def test_ctrl_shift_f_then_enter_opens_the_response_with_the_words_marked(
    window: MainWindow, qtbot: QtBot
) -> None:
    box = _open_search(window, qtbot)
    tree = _results(window, qtbot, "exit interviews")
    rows = _texts(tree)
    assert rows[0].startswith("PEEL Spotlight – Police performance: Getting a grip (07/07/2023)")
    cc_hit = "  Chief Constable’s response to Recommendation 2: …"
    assert any(row.startswith(cc_hit) for row in rows)
    summary = find(window, "Search results summary", QLabel).text()
    assert summary.startswith("Found in 2 places in 1 inspection")

    QTest.keyClick(box, Qt.Key.Key_Return)  # to the results
    assert tree.hasFocus()
    current = tree.currentItem()
    assert current is not None and current.text(0).startswith("Chief Constable’s response")
    QTest.keyClick(tree, Qt.Key.Key_Return)  # open it
    editor = _focused_editor(qtbot, CC_REC2)
    assert window.page.tabText(window.page.currentIndex()) == "Responses"
    assert "interviews" in _marked_words(editor)
    caret = editor.textCursor()
    caret.select(caret.SelectionType.WordUnderCursor)
    assert caret.selectedText().casefold() in {"exit", "interviews"}  # the caret is on them


def test_the_marks_go_with_the_first_edit(window: MainWindow, qtbot: QtBot) -> None:
    db = window.context.db
    peel = next(s.id for s in reading.list_inspections(db) if "Norfolk" in s.title)
    finding = reading.get_inspection(db, peel).findings[0]
    key = ResponseKey(finding.id, AuthorRole.COMMISSIONER, ResponsePart.RESPONSE)
    responses.save_response(db, peel, key, "We saw wombats near the station.", 0)
    box = _open_search(window, qtbot)
    _results(window, qtbot, "wombat")
    QTest.keyClick(box, Qt.Key.Key_Return)
    QTest.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Return)
    name = f"Police and Crime Commissioner response to {finding.reference}"
    editor = _focused_editor(qtbot, name)
    assert _marked_words(editor) == ["wombats"]
    QTest.keyClicks(editor, "x")
    assert editor.extraSelections() == []


def test_a_hit_in_an_archived_inspection_opens_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    db = window.context.db
    spotlight = next(s.id for s in reading.list_inspections(db) if "Spotlight" in s.title)
    inspections.set_archived(db, spotlight, True)
    _open_search(window, qtbot)
    tree = _results(window, qtbot, "exit interviews")
    assert _texts(tree)[0].endswith("– archived")
    group = tree.topLevelItem(0)
    assert group is not None
    tree.setCurrentItem(group)
    QTest.keyClick(tree, Qt.Key.Key_Return)  # an inspection opens at its best hit
    qtbot.waitUntil(lambda: window.page.inspection_id == spotlight, timeout=WAIT_MS)
    assert "interviews" in _marked_words(_focused_editor(qtbot, CC_REC2))


def test_earlier_versions_are_searched_when_ticked_and_nothing_found_says_so(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open_search(window, qtbot)
    tree = _results(window, qtbot, "zyzzyva")
    assert tree.topLevelItemCount() == 0
    assert find(window, "Search results summary", QLabel).text() == "Nothing found."
    find(window, "Search earlier versions of responses too", QCheckBox).click()
    qtbot.waitUntil(lambda: window.search is not None and not window.search.searching,
                    timeout=WAIT_MS)  # fmt: skip
    assert find(window, "Search results summary", QLabel).text() == "Nothing found."


def test_a_report_word_opens_the_overview_with_the_word_marked(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open_search(window, qtbot)
    tree = _results(window, qtbot, "Norfolk")
    group = next(
        g for i in range(tree.topLevelItemCount()) if (g := tree.topLevelItem(i)) is not None
        and g.text(0).startswith("Norfolk PEEL 2018")
    )  # fmt: skip
    report = next(
        c for i in range(group.childCount()) if (c := group.child(i)) is not None
        and c.text(0).startswith("Title or report")
    )  # fmt: skip
    tree.setCurrentItem(report)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.page.tabText(window.page.currentIndex()) == "Overview",
                    timeout=WAIT_MS)  # fmt: skip
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QTextEdit), timeout=WAIT_MS)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QTextEdit) and "norfolk" in _marked_words(focused)
