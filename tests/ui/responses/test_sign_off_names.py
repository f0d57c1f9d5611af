"""Sign-off of a report with only areas for improvement: the Commissioner's overall response is
required (section 55(1)), and the warning names every empty box as the editor names it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import InspectionStatus
from app.services import workflow
from app.ui.responses import ResponsesView
from tests.ui.conftest import MessageLog
from tests.ui.responses.conftest import Person, inspection_id, wait_for_workflow

PCC_OVERALL = "Police and Crime Commissioner overall response"


def test_nothing_written_is_refused_then_every_empty_box_is_named(
    sample_db: Database,
    make_view: Callable[[Database, int | None], ResponsesView],
    qtbot: QtBot,
    message_log: MessageLog,
    person: Person,
) -> None:
    peel = inspection_id(sample_db, "Norfolk PEEL 2018")  # three areas for improvement
    view = make_view(sample_db, peel)
    names = [editor.accessibleName() for editor in view.editors()]
    assert len(names) == 10

    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    assert person.warnings == []  # no "Sign off anyway" is offered
    (refusal,) = message_log.errors
    assert "section 55(1)" in refusal and PCC_OVERALL in refusal
    assert workflow.current_status(sample_db, peel) is InspectionStatus.NOT_STARTED

    editor = view.editor(PCC_OVERALL)
    editor.setFocus()
    qtbot.keyClicks(editor, "I welcome this report.")
    person.sign_off = False
    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    (warnings,) = person.warnings
    others = [name for name in names if name != PCC_OVERALL]
    assert warnings[0].startswith("9 responses are empty")
    assert all(name in warnings[0] for name in others)
    positions = [warnings[0].index(name) for name in others]
    assert positions == sorted(positions)  # in the editor's order
    assert workflow.current_status(sample_db, peel) is InspectionStatus.DRAFTING
    assert message_log.errors == [refusal]


def test_marking_as_published_names_what_the_publication_copy_leaves_out(
    sample_db: Database,
    spotlight: int,
    view: ResponsesView,
    qtbot: QtBot,
    message_log: MessageLog,
) -> None:
    editor = view.editor("Chief Constable response to Recommendation 6")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    view.workflow_bar.sign_off_button.click()  # warned, and signed off anyway
    wait_for_workflow(view)
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.SIGNED_OFF
    message_log.answer = False
    view.workflow_bar.publish_button.click()
    wait_for_workflow(view)
    (question,) = message_log.questions
    assert "Record that the response has been published?" in question
    assert "leaves these out" in question
    assert "Chief Constable response to Recommendation 6" in question
    assert workflow.current_status(sample_db, spotlight) is InspectionStatus.SIGNED_OFF
