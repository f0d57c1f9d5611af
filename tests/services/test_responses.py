"""Responses: saving with versions and revisions, conflicts between copies, restore, locking."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole, InspectionStatus, ResponsePart
from app.domain.errors import NotFoundError, ValidationError
from app.domain.workflow import LockedError
from app.services import inspections, reading, workflow
from app.services.responses import (
    IMPORTED_BY,
    ResponseConflict,
    ResponseKey,
    list_revisions,
    load_sheet,
    response_states,
    restore_revision,
    save_response,
    set_finding_applies,
)

CC, PCC = AuthorRole.CHIEF_CONSTABLE, AuthorRole.COMMISSIONER


def spotlight(db: Database) -> int:
    """The spotlight sample, reopened for drafting (it is published in the sample)."""
    (row,) = [r for r in reading.list_inspections(db) if "Getting a grip" in r.title]
    workflow.reopen(db, row.id, expected_status=InspectionStatus.PUBLISHED)
    return row.id


def peel(db: Database) -> int:
    (row,) = [r for r in reading.list_inspections(db) if "PEEL 2018" in r.title]
    return row.id


def finding_id(db: Database, inspection_id: int, reference: str) -> int:
    sheet = load_sheet(db, inspection_id)
    (found,) = [f.id for f in sheet.findings if f.reference == reference]
    assert found is not None
    return found


def test_the_sheet_holds_findings_in_order_states_and_titles(sample_db: Database) -> None:
    sheet = load_sheet(sample_db, spotlight(sample_db))
    assert [f.reference for f in sheet.findings] == [
        "Recommendation 2", "Recommendation 3", "Recommendation 6",
    ]  # fmt: skip
    assert sheet.titles == {CC: "Chief Constable", PCC: "Police and Crime Commissioner"}
    rec2 = sheet.findings[0].id
    assert rec2 is not None
    state = sheet.state(ResponseKey.finding(rec2, CC))
    assert state.text.startswith("At present, the identification")
    assert state.version == 1
    assert sheet.state(ResponseKey.closing(CC)).version == 0  # never written


def test_a_new_response_is_saved_with_a_revision_by_the_current_user(sample_db: Database) -> None:
    inspection_id = peel(sample_db)
    afi = finding_id(sample_db, inspection_id, "Area for improvement 1")
    key = ResponseKey.finding(afi, PCC)
    state = save_response(sample_db, inspection_id, key, "We will **act**.\n\n", 0, user="asmith")
    assert (state.text, state.version, state.updated_by) == ("We will **act**.", 1, "asmith")
    state = save_response(sample_db, inspection_id, key, "We will act now.", 1, user="asmith")
    assert state.version == 2
    revisions = list_revisions(sample_db, inspection_id, key)
    assert [r.text for r in revisions] == ["We will act now.", "We will **act**."]
    assert {r.saved_by for r in revisions} == {"asmith"}
    assert response_states(sample_db, inspection_id)[key] == state


def test_saving_unchanged_text_writes_no_version_and_no_revision(sample_db: Database) -> None:
    inspection_id = peel(sample_db)
    key = ResponseKey.overall(CC)
    save_response(sample_db, inspection_id, key, "Opening.", 0)
    again = save_response(sample_db, inspection_id, key, "Opening.\n\n", 1)
    assert again.version == 1
    assert len(list_revisions(sample_db, inspection_id, key)) == 1
    empty = save_response(sample_db, inspection_id, ResponseKey.closing(CC), "  \n", 0)
    assert empty.version == 0
    assert list_revisions(sample_db, inspection_id, ResponseKey.closing(CC)) == []


def test_the_first_edit_of_imported_text_keeps_the_original_as_a_revision(
    sample_db: Database,
) -> None:
    inspection_id = spotlight(sample_db)
    key = ResponseKey.finding(finding_id(sample_db, inspection_id, "Recommendation 2"), CC)
    original = load_sheet(sample_db, inspection_id).state(key).text
    assert list_revisions(sample_db, inspection_id, key) == []
    save_response(sample_db, inspection_id, key, "Replaced.", 1, user="asmith")
    revisions = list_revisions(sample_db, inspection_id, key)
    assert [(r.text, r.saved_by) for r in revisions] == [
        ("Replaced.", "asmith"), (original, IMPORTED_BY),
    ]  # fmt: skip
    save_response(sample_db, inspection_id, key, "Again.", 2)
    assert len(list_revisions(sample_db, inspection_id, key)) == 3  # the original kept once


def test_a_stale_version_is_a_conflict_carrying_the_other_text(sample_db: Database) -> None:
    inspection_id = peel(sample_db)
    key = ResponseKey.overall(PCC)
    save_response(sample_db, inspection_id, key, "First copy's text.", 0, user="first")
    with pytest.raises(ResponseConflict) as caught:
        save_response(sample_db, inspection_id, key, "Second copy's text.", 0, user="second")
    theirs = caught.value.theirs
    assert (theirs.text, theirs.version, theirs.updated_by) == ("First copy's text.", 1, "first")
    assert "another window" in caught.value.message
    stored = response_states(sample_db, inspection_id)[key]
    assert stored.text == "First copy's text."  # nothing overwritten
    # Agreeing with the newer text is not a conflict.
    assert save_response(sample_db, inspection_id, key, "First copy's text.", 0).version == 1
    # Keeping mine after seeing theirs is a deliberate save over their version.
    mine = save_response(sample_db, inspection_id, key, "Second copy's text.", theirs.version)
    assert mine.version == 2
    assert len(list_revisions(sample_db, inspection_id, key)) == 2


def test_two_database_objects_on_one_file_detect_each_others_saves(
    sample_db: Database, db_location: Path | str
) -> None:
    inspection_id = spotlight(sample_db)
    key = ResponseKey.finding(finding_id(sample_db, inspection_id, "Recommendation 3"), PCC)
    other = Database.open(db_location)
    try:
        base = load_sheet(other, inspection_id).state(key).version
        save_response(sample_db, inspection_id, key, "Saved by the first copy.", base)
        with pytest.raises(ResponseConflict) as caught:
            save_response(other, inspection_id, key, "Saved by the second copy.", base)
        assert caught.value.theirs.text == "Saved by the first copy."
    finally:
        other.close()


def test_restore_makes_an_old_version_current_as_a_new_revision(sample_db: Database) -> None:
    inspection_id = peel(sample_db)
    key = ResponseKey.overall(CC)
    save_response(sample_db, inspection_id, key, "One.", 0)
    save_response(sample_db, inspection_id, key, "Two.", 1)
    oldest = list_revisions(sample_db, inspection_id, key)[-1]
    restored = restore_revision(sample_db, inspection_id, key, oldest.id, 2)
    assert (restored.text, restored.version) == ("One.", 3)
    texts = [r.text for r in list_revisions(sample_db, inspection_id, key)]
    assert texts == ["One.", "Two.", "One."]
    two = list_revisions(sample_db, inspection_id, key)[1]
    with pytest.raises(ResponseConflict):
        restore_revision(sample_db, inspection_id, key, two.id, 2)
    with pytest.raises(NotFoundError):
        restore_revision(sample_db, inspection_id, ResponseKey.overall(PCC), oldest.id, 0)


def test_signed_off_responses_refuse_saves_until_reopened(sample_db: Database) -> None:
    inspection_id = spotlight(sample_db)
    key = ResponseKey.overall(PCC)
    version = load_sheet(sample_db, inspection_id).state(key).version
    workflow.sign_off(sample_db, inspection_id, expected_status=InspectionStatus.DRAFTING)
    with pytest.raises(LockedError, match="Reopen"):
        save_response(sample_db, inspection_id, key, "Too late.", version)
    workflow.reopen(sample_db, inspection_id, expected_status=InspectionStatus.SIGNED_OFF)
    assert save_response(sample_db, inspection_id, key, "In time.", version).text == "In time."


def test_keys_must_match_their_part(sample_db: Database) -> None:
    inspection_id = peel(sample_db)
    with pytest.raises(ValidationError):
        save_response(
            sample_db, inspection_id, ResponseKey(None, CC, ResponsePart.RESPONSE), "x", 0
        )
    with pytest.raises(NotFoundError):
        save_response(sample_db, inspection_id, ResponseKey.finding(99999, CC), "x", 0)
    with pytest.raises(NotFoundError):
        save_response(sample_db, 99999, ResponseKey.overall(CC), "x", 0)


def test_markup_is_stored_as_written(sample_db: Database) -> None:
    inspection_id = peel(sample_db)
    key = ResponseKey.overall(CC)
    save_response(sample_db, inspection_id, key, "<font size=40>big</font> a<b", 0)
    assert response_states(sample_db, inspection_id)[key].text == "<font size=40>big</font> a<b"


def test_a_finding_marked_not_applicable_keeps_its_reason_and_its_responses(
    sample_db: Database,
) -> None:
    inspection_id = spotlight(sample_db)
    rec6 = finding_id(sample_db, inspection_id, "Recommendation 6")
    with pytest.raises(ValidationError, match="Say why"):
        set_finding_applies(sample_db, inspection_id, rec6, False, " ")
    set_finding_applies(sample_db, inspection_id, rec6, False, "For the Home Office")
    finding = load_sheet(sample_db, inspection_id).findings[2]
    assert (finding.applies, finding.not_applicable_reason) == (False, "For the Home Office")
    assert finding.responses.chief_constable  # kept in the record
    set_finding_applies(sample_db, inspection_id, rec6, True)
    finding = load_sheet(sample_db, inspection_id).findings[2]
    assert (finding.applies, finding.not_applicable_reason) == (True, "")


def test_signed_off_responses_cannot_be_removed_with_their_finding(sample_db: Database) -> None:
    inspection_id = spotlight(sample_db)
    rec6 = finding_id(sample_db, inspection_id, "Recommendation 6")
    workflow.sign_off(sample_db, inspection_id, expected_status=InspectionStatus.DRAFTING)
    with pytest.raises(LockedError, match="Reopen"):
        inspections.remove_finding(sample_db, rec6)
    finding = load_sheet(sample_db, inspection_id).findings[2]
    assert finding.reference == "Recommendation 6" and finding.responses.commissioner


def test_a_signed_off_finding_cannot_be_marked_not_applicable_by_editing_it(
    sample_db: Database,
) -> None:
    inspection_id = spotlight(sample_db)
    rec6 = finding_id(sample_db, inspection_id, "Recommendation 6")
    workflow.sign_off(sample_db, inspection_id, expected_status=InspectionStatus.DRAFTING)
    finding = load_sheet(sample_db, inspection_id).findings[2]
    finding.text += " (typo fixed)"
    # The finding's own words may change.
    finding.version = inspections.update_finding(sample_db, rec6, finding)
    finding.applies, finding.not_applicable_reason = False, "For the Home Office"
    with pytest.raises(LockedError, match="Reopen"):
        inspections.update_finding(sample_db, rec6, finding)
    stored = load_sheet(sample_db, inspection_id).findings[2]
    assert stored.applies and stored.text.endswith("(typo fixed)")
