"""Updating a stored inspection from a document or an archive loses nothing recorded here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind, InspectionStatus, ResponsePart
from app.domain.model import Finding, Inspection, ProgressUpdate, Revision, RoleTexts
from app.domain.workflow import LockedError
from app.services import archive, inspections, reading, workflow
from app.services.importing import import_archive, save_imported
from app.services.responses import ResponseKey, load_sheet, save_response

S = InspectionStatus
CC, PCC = AuthorRole.CHIEF_CONSTABLE, AuthorRole.COMMISSIONER


def _report(**finding: object) -> Inspection:
    """A report as an importer gives it: one recommendation, no responses."""
    recommendation = Finding(
        FindingKind.RECOMMENDATION, "Recommendation 1", "By March 2025, forces should act.",
        due_text="By March 2025", due_on=dt.date(2025, 3, 31),
    )  # fmt: skip
    for name, value in finding.items():
        setattr(recommendation, name, value)
    return Inspection(
        title="A thematic report", published_on=dt.date(2024, 3, 1), findings=[recommendation]
    )


def _finding_id(db: Database, inspection_id: int, reference: str = "Recommendation 1") -> int:
    found = reading.get_inspection(db, inspection_id).finding_by_reference(reference)
    assert found is not None and found.id is not None
    return found.id


def _update(db: Database, inspection: Inspection) -> Inspection:
    saved = save_imported(db, inspection, update_existing=True)
    assert saved.action == "updated"
    return reading.get_inspection(db, saved.inspection_id)


def test_progress_recorded_here_survives_an_update_that_brings_progress(db: Database) -> None:
    typed = ProgressUpdate(dt.date(2024, 6, 1), "In progress", "Typed by the office", "asmith")
    inspections.import_inspections(db, [_report(progress=[typed])], update_existing=False)
    register = ProgressUpdate(dt.date(2024, 9, 1), "Complete", "From the register", "HMICFRS")
    updated = _update(db, _report(progress=[register]))
    assert updated.findings[0].progress == [typed, register]


def test_a_due_date_set_by_hand_survives_an_update_with_the_same_due_text(db: Database) -> None:
    first = save_imported(db, _report(), update_existing=False).inspection_id
    stored = reading.get_inspection(db, first)
    stored.findings[0].due_on = dt.date(2025, 1, 15)  # agreed with the force
    inspections.update_finding(db, _finding_id(db, first), stored.findings[0])
    assert _update(db, _report()).findings[0].due_on == dt.date(2025, 1, 15)
    # A source that now says something else about the date is taken at its word.
    changed = _report()
    changed.findings[0].due_text, changed.findings[0].due_on = "By June 2025", dt.date(2025, 6, 30)
    assert _update(db, changed).findings[0].due_on == dt.date(2025, 6, 30)


def _archived(db: Database, inspection_id: int, path: Path) -> list[Inspection]:
    archive.write_archive(path, [reading.get_inspection(db, inspection_id)])
    return archive.read_archive(path)


def test_updating_from_an_archive_keeps_responses_and_revisions_typed_here(
    db: Database, tmp_path: Path
) -> None:
    first = save_imported(db, _report(), update_existing=False).inspection_id
    key = ResponseKey.finding(_finding_id(db, first), PCC)
    save_response(db, first, key, "Written on the other computer.", 0, user="other")
    records = _archived(db, first, tmp_path / "from-elsewhere.json")
    # Meanwhile, on this computer, the office carries on writing.
    save_response(db, first, key, "Written here since.", 1, user="here")
    save_response(db, first, ResponseKey.overall(CC), "Chief Constable's words.", 0, user="here")
    outcome = import_archive(db, records, update_existing=True)
    assert outcome.updated == [first]
    stored = reading.get_inspection(db, first)
    assert stored.overall.chief_constable == "Chief Constable's words."
    texts = [r.text for r in stored.revisions if r.finding == "Recommendation 1"]
    assert "Written here since." in texts and "Written on the other computer." in texts
    saved = [(r.finding, r.text, r.saved_at, r.saved_by) for r in stored.revisions]
    assert len(saved) == len(set(saved))  # both histories, each revision once
    current = stored.findings[0].responses.commissioner
    assert texts[-1] == current  # the newest revision is the text in force


def test_updating_from_an_archive_adds_its_revisions(db: Database, tmp_path: Path) -> None:
    first = save_imported(db, _report(), update_existing=False).inspection_id
    records = _archived(db, first, tmp_path / "archive.json")
    moment = dt.datetime(2024, 4, 2, 10, 30)
    records[0].findings[0].responses = RoleTexts("", "Drafted elsewhere.")
    records[0].revisions = [
        Revision("Recommendation 1", PCC, ResponsePart.RESPONSE, "Drafted elsewhere.", moment, "b")
    ]
    import_archive(db, records, update_existing=True)
    stored = reading.get_inspection(db, first)
    assert stored.findings[0].responses.commissioner == "Drafted elsewhere."
    assert [(r.text, r.saved_by) for r in stored.revisions] == [("Drafted elsewhere.", "b")]


def test_the_status_history_survives_an_archive_round_trip(
    sample_db: Database, tmp_path: Path
) -> None:
    (peel,) = [r.id for r in reading.list_inspections(sample_db) if "PEEL 2018" in r.title]
    workflow.change_status(
        sample_db, peel, S.AWAITING_CHIEF_CONSTABLE, expected_status=S.NOT_STARTED,
        note="Sent on 10 May", user="asmith",
    )  # fmt: skip
    before = workflow.status_history(sample_db, peel)
    path = tmp_path / "archive.json"
    archive.write_archive(path, [reading.get_inspection(sample_db, peel)])
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        (added,) = inspections.import_inspections(
            other, archive.read_archive(path), update_existing=False
        ).added
        assert workflow.status_history(other, added) == before
    finally:
        other.close()


def test_revisions_saved_in_the_same_second_keep_their_order_through_archives(
    sample_db: Database, tmp_path: Path
) -> None:
    """Filling the Chief Constable's comments saves many responses within one second."""
    (peel,) = [r.id for r in reading.list_inspections(sample_db) if "PEEL 2018" in r.title]
    sheet = load_sheet(sample_db, peel)
    keys = [ResponseKey.overall(PCC)] + [
        ResponseKey.finding(f.id, role) for f in sheet.findings if f.id for role in (PCC, CC)
    ]
    for number, key in enumerate(keys):
        save_response(sample_db, peel, key, f"Text {number}", 0, user="asmith")
    exports = [tmp_path / "first.json"]
    archive.write_archive(exports[0], [reading.get_inspection(sample_db, peel)])
    for round_trip in range(2):
        database = Database.open(tmp_path / f"copy-{round_trip}.sqlite3")
        try:
            (added,) = inspections.import_inspections(
                database, archive.read_archive(exports[-1]), update_existing=False
            ).added
            exports.append(tmp_path / f"copy-{round_trip}.json")
            archive.write_archive(exports[-1], [reading.get_inspection(database, added)])
        finally:
            database.close()
    revisions = [json.loads(p.read_text(encoding="utf-8"))["inspections"][0]["revisions"]
                 for p in exports]  # fmt: skip
    assert revisions[0] == revisions[1] == revisions[2]


def test_an_update_may_not_change_signed_off_responses(sample_db: Database) -> None:
    (spotlight,) = [r.id for r in reading.list_inspections(sample_db) if "grip" in r.title]
    stored = reading.get_inspection(sample_db, spotlight)
    assert stored.status is S.PUBLISHED  # locked
    same = reading.get_inspection(sample_db, spotlight)
    same.revisions, same.status_history = [], []
    assert _update(sample_db, same).findings[0].responses == stored.findings[0].responses
    changed = reading.get_inspection(sample_db, spotlight)
    changed.findings[0].responses.commissioner = "A different response, after sign-off."
    with pytest.raises(LockedError, match="Reopen"):
        save_imported(sample_db, changed, update_existing=True)
    after = reading.get_inspection(sample_db, spotlight)
    assert after.findings[0].responses == stored.findings[0].responses
