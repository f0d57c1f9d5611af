"""Workflow in the view: the s55 refusal, sign-off locks, reopen unlocks; office steps; N/A."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import InspectionStatus
from app.domain.workflow import STARTED_DRAFTING_NOTE
from app.services import office_steps, reading, workflow
from app.services.identity import current_user
from app.services.responses import load_sheet, response_states
from app.ui.responses import ResponsesView
from tests.ui.conftest import MessageLog, wait_for_tab
from tests.ui.responses.conftest import (
    TODAY,
    WORKER_TIMEOUT_MS,
    Person,
    show,
    wait_for_workflow,
)

PCC_REC3 = "Police and Crime Commissioner response to Recommendation 3"


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_sign_off_is_refused_naming_the_missing_recommendation_then_allowed(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot,
    message_log: MessageLog, person: Person,
) -> None:  # fmt: skip
    editor = view.editor(PCC_REC3)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    click(qtbot, view.workflow_bar.sign_off_button)  # saves first, then checks
    wait_for_workflow(view)
    assert response_states(sample_db, spotlight)[editor.key].text == ""
    assert len(message_log.errors) == 1
    assert "Recommendation 3" in message_log.errors[0]
    assert "Recommendation 2" not in message_log.errors[0]
    assert person.warnings == []  # refused before any confirmation
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.DRAFTING
    assert not editor.isReadOnly()

    qtbot.keyClicks(editor, "I will hold the Chief Constable to account for this.")
    click(qtbot, view.workflow_bar.sign_off_button)
    wait_for_workflow(view)
    assert person.warnings == [  # complete, before the deadline: only the optional box
        ["1 response is empty and is left out of the published document: Chief Constable "
         "closing response."]
    ]  # fmt: skip
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.SIGNED_OFF
    assert view.workflow_bar.combo.currentText() == "Signed off"


def test_sign_off_warns_about_a_missing_chief_constable_response_and_the_deadline(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot, person: Person
) -> None:
    view.context.today = lambda: dt.date(2023, 9, 4)
    editor = view.editor("Chief Constable response to Recommendation 6")
    editor.selectAll()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    person.sign_off = False
    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    (warnings,) = person.warnings
    assert warnings[0] == (
        "2 responses are empty and are left out of the published document: Chief Constable "
        "response to Recommendation 6 and Chief Constable closing response."
    )
    assert "deadline (31/08/2023" in warnings[1]
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.DRAFTING


def test_signed_off_responses_are_locked_visibly_until_reopened(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot, person: Person
) -> None:
    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    editor = view.editor(PCC_REC3)
    before = editor.toPlainText()
    assert editor.isReadOnly()
    assert view.banner.isVisible() and "read-only" in view.banner.text()
    assert "signed off on" in view.banner.text() and current_user() in view.banner.text()
    assert view.content is not None
    assert view.content.rows[2].captions[next(iter(view.content.rows[2].captions))].text() == (
        "Chief Constable (read-only)"
    )
    assert not view.toolbar.bold.isEnabled()
    assert view.workflow_bar.reopen_button.isVisible()
    assert not view.workflow_bar.sign_off_button.isVisible()
    editor.setFocus()
    qtbot.keyClicks(editor, "ignored")
    assert editor.toPlainText() == before

    click(qtbot, view.workflow_bar.reopen_button)
    wait_for_workflow(view)
    assert person.asked == ["note"]
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.DRAFTING
    assert not editor.isReadOnly() and not view.banner.isVisible()
    history = [c.note for c in workflow.status_history(sample_db, spotlight)]
    assert history[-1] == "Correction"
    assert view.status_history.list.item(0).text().startswith("Drafting, ")
    qtbot.keyClicks(editor, "Now editable. ")
    view.save_pending()
    assert response_states(sample_db, spotlight)[editor.key].text.endswith("Now editable.")


def test_the_status_list_moves_working_statuses_and_publishes(
    sample_db: Database, spotlight: int, view: ResponsesView, message_log: MessageLog
) -> None:
    changed: list[int] = []
    view.inspectionChanged.connect(changed.append)
    combo = view.workflow_bar.combo
    combo.activated.emit(combo.findData(InspectionStatus.READY_FOR_SIGN_OFF))
    wait_for_workflow(view)
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.READY_FOR_SIGN_OFF
    assert changed == [spotlight]
    combo.activated.emit(combo.findData(InspectionStatus.PUBLISHED))
    wait_for_workflow(view)
    assert "sign it off first" in message_log.errors[-1]
    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    view.workflow_bar.publish_button.click()
    wait_for_workflow(view)
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.PUBLISHED
    assert message_log.questions  # publishing was confirmed
    assert combo.currentText() == "Published"


def test_typing_the_first_response_shows_drafting_and_the_status_can_move_on(
    sample_db: Database,
    make_view: Callable[[Database, int | None], ResponsesView],
    qtbot: QtBot,
    message_log: MessageLog,
) -> None:
    peel = next(s.id for s in reading.list_inspections(sample_db) if "PEEL 2018" in s.title)
    view = make_view(sample_db, peel)
    changed: list[int] = []
    notices: list[str] = []
    view.inspectionChanged.connect(changed.append)
    view.notice.connect(notices.append)
    assert view.workflow_bar.combo.currentText() == "Not started"
    editor = view.editor("Police and Crime Commissioner response to Area for improvement 1")
    editor.setFocus()
    qtbot.keyClicks(editor, "We will review this with the force.")
    view.saver.save_all()
    wait_for_tab(view)  # the status is read again on the database worker
    assert view.workflow_bar.combo.currentText() == "Drafting"
    newest = view.status_history.list.item(0).text()  # newest first
    assert newest.startswith("Drafting, ") and newest.endswith(STARTED_DRAFTING_NOTE)
    assert changed == [peel]  # the register is told
    assert notices == ["The status is now “Drafting”: a response was saved."]
    combo = view.workflow_bar.combo
    combo.activated.emit(combo.findData(InspectionStatus.READY_FOR_SIGN_OFF))
    wait_for_workflow(view)
    assert message_log.errors == []  # the bar knew the new status: no conflict
    assert workflow.current_status(sample_db, peel) is InspectionStatus.READY_FOR_SIGN_OFF


def test_a_status_changed_in_another_window_is_not_overruled(
    sample_db: Database, spotlight: int, view: ResponsesView, message_log: MessageLog
) -> None:
    workflow.change_status(
        sample_db, spotlight, InspectionStatus.READY_FOR_SIGN_OFF,
        expected_status=InspectionStatus.DRAFTING,
    )  # fmt: skip
    view.workflow_bar.combo.activated.emit(0)  # "Not started", from the stale Drafting
    wait_for_workflow(view)
    assert "changed to “Ready for sign-off” in another window" in message_log.errors[-1]
    assert view.workflow_bar.combo.currentText() == "Ready for sign-off"


def test_ticking_an_office_step_records_the_date_and_user(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    changed: list[int] = []
    view.inspectionChanged.connect(changed.append)
    view.side.setCurrentWidget(view.office_steps)
    row = view.office_steps.row("Response forwarded to Chief Constable")
    assert row.check.accessibleName() == "Response forwarded to Chief Constable"
    click(qtbot, row.check)  # written on the database worker: its outcome comes back later
    qtbot.waitUntil(lambda: changed == [spotlight], timeout=WORKER_TIMEOUT_MS)
    (step,) = [s for s in office_steps.office_steps(sample_db, spotlight) if s.done]
    assert (step.done_on, step.done_by) == (TODAY, current_user())
    assert row.date.isVisible() and row.by.text() == f"Done by {current_user()}"
    assert changed == [spotlight]
    row.date.setDate(QDate(2023, 8, 10))
    row.date.editingFinished.emit()
    row.note.setText("Sent by e-mail")
    row.note.editingFinished.emit()
    qtbot.waitUntil(lambda: len(changed) == 3, timeout=WORKER_TIMEOUT_MS)
    (step,) = [s for s in office_steps.office_steps(sample_db, spotlight) if s.done]
    assert (step.done_on, step.note) == (dt.date(2023, 8, 10), "Sent by e-mail")
    shown = reading.get_inspection(sample_db, spotlight).office_steps[1]
    assert (shown.done_on, shown.done_by) == (dt.date(2023, 8, 10), current_user())
    click(qtbot, row.check)
    qtbot.waitUntil(lambda: len(changed) == 4, timeout=WORKER_TIMEOUT_MS)
    assert not any(s.done for s in office_steps.office_steps(sample_db, spotlight))


def test_standard_steps_are_offered_when_an_inspection_has_none(
    sample_db: Database, view: ResponsesView, qtbot: QtBot
) -> None:
    (peel,) = [r.id for r in reading.list_inspections(sample_db) if "PEEL 2018" in r.title]
    show(view, peel)
    panel = view.office_steps
    assert panel.rows == [] and not panel.add_standard.isHidden()
    panel.add_standard.click()  # added on the database worker
    qtbot.waitUntil(lambda: bool(panel.rows), timeout=WORKER_TIMEOUT_MS)
    assert panel.rows[0].check.accessibleName() == "Sent to the Chief Constable for comments"
    assert panel.add_standard.isHidden()
    standard = len(panel.rows)
    panel.add_one.click()
    qtbot.waitUntil(lambda: len(panel.rows) > standard, timeout=WORKER_TIMEOUT_MS)
    assert panel.rows[-1].step.step == "Briefed the Panel"


def test_a_finding_marked_not_applicable_leaves_the_rows_but_stays_in_the_record(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot, person: Person,
    make_view: Callable[[Database, int | None], ResponsesView],
) -> None:  # fmt: skip
    assert view.content is not None
    rec6 = next(r for r in view.content.rows if r.heading == "Recommendation 6")
    assert rec6.not_applicable is not None
    click(qtbot, rec6.not_applicable)
    wait_for_tab(view)  # written, then read again, on the database worker
    assert person.asked == ["reason"]
    names = [e.accessibleName() for e in view.editors()]
    assert "Chief Constable response to Recommendation 6" not in names
    assert view.content.not_applicable is not None
    finding = load_sheet(sample_db, spotlight).findings[2]
    assert (finding.applies, finding.not_applicable_reason) == (False, "For the Home Office")
    assert finding.responses.commissioner  # kept
    assert make_view(sample_db, spotlight).content.not_applicable is not None  # type: ignore[union-attr]

    click(qtbot, view.content.not_applicable.buttons[0])
    wait_for_tab(view)
    assert "Chief Constable response to Recommendation 6" in [
        e.accessibleName() for e in view.editors()
    ]
    assert load_sheet(sample_db, spotlight).findings[2].applies


def test_the_lock_banner_of_a_sample_says_it_was_imported_not_published_then(
    sample_db: Database, make_view: Callable[[Database, int | None], ResponsesView]
) -> None:
    """Loading the samples is not publishing them: the banner says where they came from."""
    published = next(s.id for s in reading.list_inspections(sample_db) if "grip" in s.title)
    view = make_view(sample_db, published)
    assert view.banner.isVisible()
    assert view.banner.text().startswith("Locked: published when imported from the samples on")
