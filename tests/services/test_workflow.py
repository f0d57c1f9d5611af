"""Workflow service: recorded status changes, sign-off with the s55 check, reopen; office steps."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole, InspectionStatus
from app.domain.errors import ConflictError, ValidationError
from app.domain.workflow import STARTED_DRAFTING_NOTE, WorkflowError
from app.services import archive, importing, office_steps, reading, workflow
from app.services.responses import ResponseKey, load_sheet, save_response

S = InspectionStatus
PCC = AuthorRole.COMMISSIONER


def inspection_id(db: Database, words: str) -> int:
    (row,) = [r for r in reading.list_inspections(db) if words in r.title]
    return row.id


def test_each_change_is_recorded_with_who_when_and_note(sample_db: Database) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    workflow.change_status(
        sample_db, peel, S.AWAITING_CHIEF_CONSTABLE, expected_status=S.NOT_STARTED,
        note="Sent on 10 May", user="asmith",
    )  # fmt: skip
    workflow.change_status(sample_db, peel, S.DRAFTING, expected_status=S.AWAITING_CHIEF_CONSTABLE)
    history = workflow.status_history(sample_db, peel)
    assert [c.status for c in history] == [S.NOT_STARTED, S.AWAITING_CHIEF_CONSTABLE, S.DRAFTING]
    assert (history[1].changed_by, history[1].note) == ("asmith", "Sent on 10 May")
    assert isinstance(history[2].changed_at, dt.datetime)
    assert workflow.current_status(sample_db, peel) is S.DRAFTING
    assert reading.get_inspection(sample_db, peel).status is S.DRAFTING


def test_the_first_saved_response_starts_drafting_and_says_so_in_the_history(
    sample_db: Database,
) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    sheet = load_sheet(sample_db, peel)
    first = sheet.findings[0]
    assert first.id is not None and sheet.status is S.NOT_STARTED
    key = ResponseKey.finding(first.id, PCC)
    save_response(sample_db, peel, key, "", 0)  # nothing typed: nothing started
    assert workflow.current_status(sample_db, peel) is S.NOT_STARTED
    save_response(sample_db, peel, key, "We will act on this.", 0, user="asmith")
    history = workflow.status_history(sample_db, peel)
    assert workflow.current_status(sample_db, peel) is S.DRAFTING
    assert (history[-1].status, history[-1].changed_by, history[-1].note) == (
        S.DRAFTING, "asmith", STARTED_DRAFTING_NOTE,
    )  # fmt: skip
    save_response(sample_db, peel, key, "We will act on this now.", 1)
    assert len(workflow.status_history(sample_db, peel)) == len(history)  # recorded once


def test_comments_awaited_move_on_when_the_chief_constables_are_saved(
    sample_db: Database,
) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    workflow.change_status(
        sample_db, peel, S.AWAITING_CHIEF_CONSTABLE, expected_status=S.NOT_STARTED
    )
    finding_id = load_sheet(sample_db, peel).findings[0].id
    assert finding_id is not None
    save_response(sample_db, peel, ResponseKey.finding(finding_id, PCC), "Our draft.", 0)
    assert workflow.current_status(sample_db, peel) is S.AWAITING_CHIEF_CONSTABLE
    chief = ResponseKey.finding(finding_id, AuthorRole.CHIEF_CONSTABLE)
    save_response(sample_db, peel, chief, "The force has begun.", 0)
    assert workflow.current_status(sample_db, peel) is S.DRAFTING


def test_a_status_changed_elsewhere_is_a_conflict(sample_db: Database) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    workflow.change_status(sample_db, peel, S.DRAFTING, expected_status=S.NOT_STARTED)
    with pytest.raises(ConflictError, match="Drafting"):
        workflow.change_status(sample_db, peel, S.READY_FOR_SIGN_OFF, expected_status=S.NOT_STARTED)
    with pytest.raises(WorkflowError):
        workflow.change_status(sample_db, peel, S.PUBLISHED, expected_status=S.DRAFTING)


def test_sign_off_is_refused_naming_missing_recommendations_then_allowed(
    sample_db: Database,
) -> None:
    spotlight = inspection_id(sample_db, "Getting a grip")
    workflow.reopen(sample_db, spotlight, expected_status=S.PUBLISHED, note="Correction")
    sheet = load_sheet(sample_db, spotlight)
    rec3 = sheet.findings[1]
    assert rec3.reference == "Recommendation 3" and rec3.id is not None
    key = ResponseKey.finding(rec3.id, PCC)
    version = save_response(sample_db, spotlight, key, "", sheet.state(key).version).version

    assert not workflow.check_sign_off(sample_db, spotlight).can_sign_off
    with pytest.raises(workflow.SignOffRefused, match="Recommendation 3") as refused:
        workflow.sign_off(sample_db, spotlight, expected_status=S.DRAFTING)
    assert refused.value.report.missing_commissioner == ["Recommendation 3"]
    assert workflow.current_status(sample_db, spotlight) is S.DRAFTING

    save_response(sample_db, spotlight, key, "The PCC will monitor this.", version)
    report = workflow.sign_off(
        sample_db, spotlight, expected_status=S.DRAFTING, today=dt.date(2023, 9, 5)
    )
    assert report.can_sign_off
    assert any("deadline" in w for w in report.warnings())  # warned, not refused
    assert workflow.current_status(sample_db, spotlight) is S.SIGNED_OFF
    workflow.change_status(sample_db, spotlight, S.PUBLISHED, expected_status=S.SIGNED_OFF)
    history = workflow.status_history(sample_db, spotlight)
    assert [c.status for c in history][-4:] == [S.PUBLISHED, S.DRAFTING, S.SIGNED_OFF, S.PUBLISHED]
    assert history[-3].note == "Correction"


def test_reopen_needs_a_locked_inspection(sample_db: Database) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    with pytest.raises(ValidationError):
        workflow.reopen(sample_db, peel, expected_status=S.NOT_STARTED)


def test_office_steps_record_date_and_user_and_reach_the_archive(sample_db: Database) -> None:
    spotlight = inspection_id(sample_db, "Getting a grip")
    steps = office_steps.office_steps(sample_db, spotlight)
    assert [s.step for s in steps][1] == "Response forwarded to Chief Constable"
    assert not any(s.done for s in steps)
    ticked = office_steps.set_step_done(sample_db, steps[1].id, True, user="asmith")
    assert (ticked.done_on, ticked.done_by) == (dt.date.today(), "asmith")
    corrected = office_steps.set_step_date(sample_db, steps[1].id, dt.date(2023, 8, 30))
    assert corrected.done_on == dt.date(2023, 8, 30)
    office_steps.set_step_note(sample_db, steps[3].id, " https://www.norfolk-pcc.gov.uk/x ")
    shown = archive.inspection_to_dict(reading.get_inspection(sample_db, spotlight))
    assert shown["office_steps"][1] == {
        "step": "Response forwarded to Chief Constable", "done_on": "2023-08-30",
        "done_by": "asmith", "note": "",
    }  # fmt: skip
    assert shown["office_steps"][3]["note"] == "https://www.norfolk-pcc.gov.uk/x"
    unticked = office_steps.set_step_done(sample_db, steps[1].id, False)
    assert (unticked.done_on, unticked.done_by) == (None, "")


def test_standard_steps_come_from_the_organisation_settings(sample_db: Database) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    assert office_steps.office_steps(sample_db, peel) == []
    added = office_steps.add_standard_steps(sample_db, peel)
    assert added[0].step == "Sent to the Chief Constable for comments"
    assert len(office_steps.add_standard_steps(sample_db, peel)) == len(added)  # no duplicates
    extra = office_steps.add_step(sample_db, peel, "Briefed the Panel chair")
    assert extra.position == len(added)
    with pytest.raises(ValidationError):
        office_steps.add_step(sample_db, peel, "  ")
    summaries = {s.id: s for s in reading.list_inspections(sample_db)}
    assert summaries[peel].next_step == "Sent to the Chief Constable for comments"


def test_filling_several_responses_at_once_starts_drafting_once(sample_db: Database) -> None:
    peel = inspection_id(sample_db, "PEEL 2018")
    findings = load_sheet(sample_db, peel).findings[:2]
    by_finding = {f.id: f"Comment on {f.reference}." for f in findings if f.id is not None}
    plan = importing.plan_comments(sample_db, peel, "Overall comments.", by_finding)
    before = len(workflow.status_history(sample_db, peel))
    outcome = importing.fill_comments(sample_db, plan, replace=False, user="asmith")
    assert len(outcome.filled) == 3
    history = workflow.status_history(sample_db, peel)
    assert [c.note for c in history[before:]] == [STARTED_DRAFTING_NOTE]
    assert workflow.current_status(sample_db, peel) is S.DRAFTING
