"""An existing tracker matched to the stored findings, previewed, then recorded as updates."""

from __future__ import annotations

import datetime as dt

from app.db.database import Database
from app.domain.enums import FindingKind, ProgressStatus
from app.domain.model import Finding, Inspection
from app.importers.tracker_sheet import SheetRow, TrackerSheet
from app.services import inspections, tracker
from app.services.tracker_import import apply_import, plan_import, reference_key

EXIT = "Forces should review how they conduct exit interviews and use what they learn."
LEAVERS = "Forces should identify people thinking of leaving and act to keep them."


def _inspection(db: Database, title: str) -> int:
    return inspections.create_inspection(db, Inspection(
        title=title, published_on=dt.date(2023, 7, 7),
        findings=[Finding(FindingKind.RECOMMENDATION, "Recommendation 2", text=EXIT),
                  Finding(FindingKind.RECOMMENDATION, "Recommendation 3", text=LEAVERS)],
    ))  # fmt: skip


def _sheet(*rows: SheetRow) -> TrackerSheet:
    return TrackerSheet("tracker.xlsx", {"reference": "Ref", "text": "Recommendation"}, rows)


def test_references_are_read_loosely() -> None:
    assert reference_key("Rec 3") == (FindingKind.RECOMMENDATION, "3")
    assert reference_key("3") == (None, "3")
    assert reference_key("AFI 1") == (FindingKind.AREA_FOR_IMPROVEMENT, "1")
    assert reference_key("Recommendation") is None


def test_rows_match_by_reference_and_wording_within_the_named_inspection(db: Database) -> None:
    _inspection(db, "Spotlight: getting a grip")
    wanted = _inspection(db, "Workforce retention 2024")
    plan = plan_import(db, _sheet(
        SheetRow(2, "Rec 2", "Review exit interviews and use what they learn.",
                 ProgressStatus.COMPLETED, "Completed", "HR", dt.date(2024, 1, 31), "Done.",
                 "Workforce retention"),
        SheetRow(3, "", LEAVERS.upper(), inspection="Workforce retention 2024"),
        SheetRow(4, "Recommendation 9", "Something nobody recommended.", ProgressStatus.OPEN),
    ))  # fmt: skip
    first, second, third = plan.matches
    assert first.finding is not None and first.finding.inspection_id == wanted
    assert (first.finding.reference, first.how) == ("Recommendation 2", "reference and wording")
    assert first.changes == (
        "Status: Open → Completed", "Owner: none → HR", "Target date: none → 31/01/2024",
        "Note: Done.",
    )  # fmt: skip
    assert second.finding is not None and second.finding.reference == "Recommendation 3"
    assert (second.how, second.changes) == ("wording", ())
    assert third.finding is None and plan.unmatched == [third]


def test_recording_keeps_the_history_and_says_where_it_came_from(db: Database) -> None:
    inspection_id = _inspection(db, "Workforce retention 2024")
    row = SheetRow(7, "2", EXIT, ProgressStatus.IN_PROGRESS, "ongoing", "DCI Smith",
                   dt.date(2024, 6, 30), "Survey launched.")  # fmt: skip
    plan = plan_import(db, _sheet(row))
    assert apply_import(db, plan, [7], by="Analyst", on=dt.date(2024, 2, 1)) == 1
    (stored,) = [r for r in tracker.tracker_rows(db) if r.reference == "Recommendation 2"]
    assert stored.inspection_id == inspection_id
    assert (stored.status, stored.owner, stored.target_on) == (
        ProgressStatus.IN_PROGRESS, "DCI Smith", dt.date(2024, 6, 30)
    )
    (update,) = stored.updates
    assert (update.on, update.by, update.note) == (
        dt.date(2024, 2, 1), "Analyst", "From the tracker tracker.xlsx, row 7: Survey launched."
    )
    again = plan_import(db, _sheet(row))  # the same tracker once more: nothing new
    assert again.matches[0].changes == ()
    assert apply_import(db, again, [7]) == 0


def test_rows_left_out_of_the_preview_change_nothing(db: Database) -> None:
    _inspection(db, "Workforce retention 2024")
    plan = plan_import(db, _sheet(SheetRow(2, "2", EXIT, ProgressStatus.COMPLETED, "Completed")))
    assert apply_import(db, plan, []) == 0
    assert {r.status for r in tracker.tracker_rows(db)} == {ProgressStatus.OPEN}
