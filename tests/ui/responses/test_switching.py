"""Nothing outlives what it points at: switching inspection leaves no control tied to the rows
of the inspection before (issue 9, defect 4: the formatting toolbar died after a switch)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFocusEvent
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import reading
from app.ui.main_window import MainWindow
from app.ui.responses import ResponsesView
from app.ui.responses.content import ResponsesContent
from tests.ui.journeys.person import Person

PEEL_AFI1 = "Police and Crime Commissioner response to Area for improvement 1"
PEEL_AFI2 = "Chief Constable response to Area for improvement 2"


def _responses(window: MainWindow) -> ResponsesView:
    view = next(t for t in window.page.tabs() if isinstance(t, ResponsesView))
    return view


def _on_peel_responses(
    make_window: Callable[[Path], MainWindow], db_path: Path, qtbot: QtBot
) -> tuple[MainWindow, Person]:
    """The window shown, with the PEEL sample's Responses tab open."""
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    person = Person(qtbot, window)
    person.choose_inspection("PEEL 2018")
    person.show_tab("Responses")
    return window, person


def test_a_late_focus_event_from_the_last_inspection_leaves_the_toolbar_working(
    make_window: Callable[[Path], MainWindow], spotlight: int, db_path: Path, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window, person = _on_peel_responses(make_window, db_path, qtbot)
    for name in (PEEL_AFI1, PEEL_AFI2):
        person.type(person.editor(name), " typed")
    view = _responses(window)
    old = view.editor(PEEL_AFI2)
    dispose = ResponsesContent.dispose

    def focus_arrives_while_taken_down(content: ResponsesContent) -> None:
        # The outgoing editor gets a focus event while its rows are taken down (a window
        # manager handing focus back, an event still queued): the view must not take it up.
        dispose(content)
        if content.isAncestorOf(old):
            event = QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason)
            QCoreApplication.sendEvent(old, event)

    monkeypatch.setattr(ResponsesContent, "dispose", focus_arrives_while_taken_down)
    person.choose_inspection("Getting a grip")
    qtbot.wait(50)  # the old rows are deleted in the event loop
    assert not shiboken6.isValid(old)

    editor = person.editor("Chief Constable closing response")
    person.click_into(editor)
    person.press_toolbar("Bold")
    qtbot.keyClicks(editor, "bold words")
    assert view.toolbar.editor is editor
    assert editor.markdown() == "**bold words**"
    view.save_pending()
    window.close()


def test_switching_inspection_with_focus_in_an_editor_moves_it_out_first(
    make_window: Callable[[Path], MainWindow], sample_db: Database, db_path: Path, qtbot: QtBot
) -> None:
    window, person = _on_peel_responses(make_window, db_path, qtbot)
    view = _responses(window)
    person.type(person.editor(PEEL_AFI1), " typed")
    old = view.editor(PEEL_AFI1)
    assert old.hasFocus()
    # Another inspection chosen while the keyboard focus is still in an editor (after an
    # import, a keyboard shortcut): the editor's rows go; the focus must not stay with them.
    spotlight = next(s.id for s in reading.list_inspections(sample_db) if "grip" in s.title)
    window.show_inspection(spotlight)
    qtbot.wait(50)
    assert not shiboken6.isValid(old) or not old.hasFocus()
    assert view.toolbar.editor is None or shiboken6.isValid(view.toolbar.editor)
    window.close()
