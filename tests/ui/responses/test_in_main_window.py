"""The Responses tab inside the main window: nothing typed is lost, the register follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import archive, reading
from app.services.identity import current_user
from app.ui.main_window import MainWindow
from app.ui.responses import ResponsesView
from tests.ui.conftest import wait_for_tab
from tests.ui.responses.conftest import WORKER_TIMEOUT_MS, Person, wait_for_workflow

NAME = "Police and Crime Commissioner closing response"


def responses_tab(window: MainWindow) -> ResponsesView:
    page = window.page
    (index,) = [i for i in range(page.count()) if page.tabText(i) == "Responses"]
    page.setCurrentIndex(index)
    view = page.widget(index)
    assert isinstance(view, ResponsesView)
    wait_for_tab(view)  # the inspection chosen is read on the database worker
    return view


def test_typing_then_closing_the_window_straight_away_keeps_every_word(
    make_window: Callable[[Path], MainWindow], sample_db: Database, spotlight: int,
    db_path: Path, qtbot: QtBot,
) -> None:  # fmt: skip
    window = make_window(db_path)
    window.show()
    window.register.select_inspection(spotlight)
    view = responses_tab(window)
    editor = view.editor(NAME)
    editor.setFocus()
    qtbot.keyClicks(editor, "Typed just before closing.")
    window.close()  # no wait for the autosave timer

    again = make_window(db_path)
    again.register.select_inspection(spotlight)
    text = responses_tab(again).editor(NAME).toPlainText()
    assert text.endswith("Typed just before closing.")
    shown = archive.inspection_to_dict(reading.get_inspection(again.context.db, spotlight))
    assert shown["closing"]["commissioner"].endswith("Typed just before closing.")
    assert shown["revisions"][-1]["saved_by"] == current_user()
    again.close()


def test_sign_off_and_office_steps_refresh_the_register(
    window: MainWindow, spotlight: int, person: Person, qtbot: QtBot
) -> None:
    window.show()
    window.register.select_inspection(spotlight)
    view = responses_tab(window)
    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    wait_for_tab(window)  # the register is read again on the database worker
    row = window.register.model.row_data(window.register.model.row_of(spotlight) or 0)
    assert row.summary.status.label == "Signed off"
    assert row.summary.next_step.startswith("Response forwarded to HMICFRS")
    view.office_steps.rows[0].check.click()  # written on the database worker

    def next_step() -> str:
        row = window.register.model.row_data(window.register.model.row_of(spotlight) or 0)
        return row.summary.next_step

    qtbot.waitUntil(lambda: next_step() == "Response forwarded to Chief Constable",
                    timeout=WORKER_TIMEOUT_MS)  # fmt: skip
    window.close()


def test_a_first_response_shows_drafting_in_the_register_and_says_so(
    window: MainWindow, sample_db: Database, qtbot: QtBot
) -> None:
    window.show()
    peel = next(s.id for s in reading.list_inspections(sample_db) if "PEEL 2018" in s.title)
    window.register.select_inspection(peel)
    view = responses_tab(window)
    editor = view.editor("Police and Crime Commissioner response to Area for improvement 1")
    editor.setFocus()
    qtbot.keyClicks(editor, "We will review this with the force.")
    view.saver.save_all()
    wait_for_tab(view)  # the status is read again on the database worker…
    wait_for_tab(window)  # …and then the register
    row = window.register.model.row_data(window.register.model.row_of(peel) or 0)
    assert row.summary.status.label == "Drafting"
    assert window.statusBar().currentMessage() == (
        "The status is now “Drafting”: a response was saved."
    )
    window.close()
