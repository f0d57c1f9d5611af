"""The recommendation tracker: statuses, owners, target dates and progress updates across
every inspection (docs/product.md, "Vocabulary": progress update)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.database import Database
from app.domain.enums import FindingKind, HmicfrsStatus, ProgressStatus
from app.domain.errors import NotFoundError, ValidationError
from app.domain.model import Finding, Inspection
from app.domain.tracking import TrackedFinding
from app.paths import samples_dir
from app.services import archive, importing, inspections, reading, tracker
from app.services.tracker import TrackerFilter

AFTER_DUE = dt.date(2024, 3, 1)  # the spotlight's recommendations were due by 31/01/2024


def _row(db: Database, reference: str, today: dt.date = AFTER_DUE) -> TrackedFinding:
    return next(r for r in tracker.tracker_rows(db, today=today) if r.reference == reference)


def test_every_finding_that_applies_is_tracked_and_starts_open(sample_db: Database) -> None:
    rows = tracker.tracker_rows(sample_db, today=AFTER_DUE)
    assert [(r.reference, r.kind) for r in rows] == [
        ("Area for improvement 1", FindingKind.AREA_FOR_IMPROVEMENT),
        ("Area for improvement 2", FindingKind.AREA_FOR_IMPROVEMENT),
        ("Area for improvement 3", FindingKind.AREA_FOR_IMPROVEMENT),
        ("Recommendation 2", FindingKind.RECOMMENDATION),
        ("Recommendation 3", FindingKind.RECOMMENDATION),
        ("Recommendation 6", FindingKind.RECOMMENDATION),
    ]
    assert {r.status for r in rows} == {ProgressStatus.OPEN}
    spotlight = rows[3]
    assert spotlight.inspection_title.startswith("PEEL Spotlight")
    assert (spotlight.target_on, spotlight.target_set) == (dt.date(2024, 1, 31), False)
    assert spotlight.owner == "" and spotlight.hmicfrs_status is None and not spotlight.updates


def test_a_finding_past_its_target_is_overdue_until_closed(sample_db: Database) -> None:
    assert not _row(sample_db, "Recommendation 2", dt.date(2024, 1, 31)).overdue  # the day itself
    assert _row(sample_db, "Recommendation 2").overdue
    assert not _row(sample_db, "Area for improvement 1").overdue  # no due date, no target
    finding_id = _row(sample_db, "Recommendation 2").id
    tracker.record_progress(
        sample_db, finding_id, ProgressStatus.SUPERSEDED, "Replaced by the 2025 report."
    )
    assert not _row(sample_db, "Recommendation 2").overdue
    overdue = tracker.tracker_rows(sample_db, TrackerFilter(overdue_only=True), today=AFTER_DUE)
    assert [r.reference for r in overdue] == ["Recommendation 3", "Recommendation 6"]


def test_progress_is_kept_as_dated_history_with_who_and_when(sample_db: Database) -> None:
    finding_id = _row(sample_db, "Recommendation 3").id
    tracker.record_progress(
        sample_db, finding_id, ProgressStatus.IN_PROGRESS, "  Working group set up. ",
        by="A. Analyst", on=dt.date(2024, 2, 1),
    )  # fmt: skip
    shown = tracker.record_progress(
        sample_db, finding_id, ProgressStatus.AWAITING_EVIDENCE, "Training delivered.",
        by="B. Officer", target_on=dt.date(2024, 6, 30), on=dt.date(2024, 3, 1), today=AFTER_DUE,
    )  # fmt: skip
    assert shown.status is ProgressStatus.AWAITING_EVIDENCE
    assert (shown.target_on, shown.target_set, shown.overdue) == (dt.date(2024, 6, 30), True, False)
    assert [(u.on, u.status, u.note, u.by) for u in shown.updates] == [
        (dt.date(2024, 2, 1), "in_progress", "Working group set up.", "A. Analyst"),
        (dt.date(2024, 3, 1), "awaiting_evidence", "Training delivered.", "B. Officer"),
    ]
    assert all(u.recorded_at is not None and u.recorded_at.tzinfo for u in shown.updates)
    assert shown.latest_note == "Training delivered."
    assert _row(sample_db, "Recommendation 3") == shown  # stored as shown
    # The inspection's own record carries the same fields (the archive writes them).
    stored = reading.get_inspection(sample_db, shown.inspection_id)
    finding = stored.finding_by_reference("Recommendation 3")
    assert finding is not None and finding.progress_status is ProgressStatus.AWAITING_EVIDENCE
    assert len(finding.progress) == 2


def test_a_note_without_a_change_of_status_is_an_update_too(sample_db: Database) -> None:
    finding_id = _row(sample_db, "Recommendation 6").id
    shown = tracker.record_progress(
        sample_db, finding_id, ProgressStatus.OPEN, "Awaiting the plan."
    )
    assert [u.note for u in shown.updates] == ["Awaiting the plan."]
    with pytest.raises(ValidationError, match="already “Open”: write a note"):
        tracker.record_progress(sample_db, finding_id, ProgressStatus.OPEN, "  ")
    assert len(_row(sample_db, "Recommendation 6").updates) == 1


def test_owner_target_and_hmicfrs_status_are_set_and_owners_offered_again(
    sample_db: Database,
) -> None:
    first, second, third = (_row(sample_db, f"Recommendation {n}").id for n in (2, 3, 6))
    tracker.set_owner(sample_db, first, "  Head of  Crime ")
    tracker.set_owner(sample_db, second, "Head of Crime")
    tracker.set_owner(sample_db, third, "Superintendent Smith")
    assert tracker.known_owners(sample_db) == ["Head of Crime", "Superintendent Smith"]
    mine = tracker.tracker_rows(sample_db, TrackerFilter(owner="head of crime"), today=AFTER_DUE)
    assert [r.id for r in mine] == [first, second]
    assert tracker.set_target(sample_db, first, dt.date(2025, 3, 31)).target_on == dt.date(
        2025, 3, 31
    )
    back = tracker.set_target(sample_db, first, None)
    assert (back.target_on, back.target_set) == (dt.date(2024, 1, 31), False)
    marked = tracker.set_hmicfrs_status(sample_db, first, HmicfrsStatus.NO_FURTHER_ACTION)
    assert marked.hmicfrs_status is HmicfrsStatus.NO_FURTHER_ACTION
    assert marked.status is ProgressStatus.OPEN  # ours is kept apart from the inspectorate's


def test_filters_by_status_inspection_kind_and_force(sample_db: Database) -> None:
    rows = tracker.tracker_rows(sample_db, today=AFTER_DUE)
    norfolk = rows[0].inspection_id
    tracker.record_progress(sample_db, rows[0].id, ProgressStatus.COMPLETED, "Done.")
    done = TrackerFilter(statuses=frozenset({ProgressStatus.COMPLETED}))
    assert [r.id for r in tracker.tracker_rows(sample_db, done)] == [rows[0].id]
    by_inspection = tracker.tracker_rows(sample_db, TrackerFilter(inspection_id=norfolk))
    assert len(by_inspection) == 3
    recommendations = TrackerFilter(kinds=frozenset({FindingKind.RECOMMENDATION}))
    assert len(tracker.tracker_rows(sample_db, recommendations)) == 3
    assert len(tracker.tracker_rows(sample_db, TrackerFilter(force="norfolk"))) == 3
    summary = tracker.summarise(tracker.tracker_rows(sample_db, today=AFTER_DUE))
    counts = {c.status: (c.count, c.overdue) for c in summary.counts}
    assert counts[ProgressStatus.OPEN] == (5, 3) and counts[ProgressStatus.COMPLETED] == (1, 0)
    assert summary.total == 6 and len(summary.counts) == len(ProgressStatus)


def test_wrong_input_is_refused_with_one_sentence(sample_db: Database) -> None:
    finding_id = _row(sample_db, "Recommendation 2").id
    with pytest.raises(
        ValidationError, match=r"^The target date 01/01/1800 is not a plausible date\.$"
    ):
        tracker.set_target(sample_db, finding_id, dt.date(1800, 1, 1))
    with pytest.raises(ValidationError, match="at most 200 characters"):
        tracker.set_owner(sample_db, finding_id, "x" * 201)
    with pytest.raises(NotFoundError, match="no finding with id 999999"):
        tracker.record_progress(sample_db, 999999, ProgressStatus.COMPLETED, "Done.")
    assert _row(sample_db, "Recommendation 2").status is ProgressStatus.OPEN


def test_findings_that_do_not_apply_and_archived_inspections_are_left_out(db: Database) -> None:
    inspection_id = inspections.create_inspection(
        db,
        Inspection(
            "A national report",
            published_on=dt.date(2024, 5, 1),
            findings=[
                Finding(FindingKind.RECOMMENDATION, "Recommendation 1"),
                Finding(FindingKind.RECOMMENDATION, "Recommendation 2", applies=False),
            ],
        ),
    )
    assert [r.reference for r in tracker.tracker_rows(db)] == ["Recommendation 1"]
    national = reading.get_inspection(db, inspection_id).findings[1]
    assert national.id is not None
    with pytest.raises(ValidationError, match="does not apply to the force"):
        tracker.record_progress(db, national.id, ProgressStatus.COMPLETED, "Done.")
    inspections.set_archived(db, inspection_id, True)
    assert tracker.tracker_rows(db) == []
    assert len(tracker.tracker_rows(db, TrackerFilter(include_archived=True))) == 1


def test_updating_from_the_report_again_keeps_what_the_tracker_recorded(
    sample_db: Database,
) -> None:
    finding_id = _row(sample_db, "Recommendation 2").id
    tracker.record_progress(sample_db, finding_id, ProgressStatus.IN_PROGRESS, "Plan agreed.")
    tracker.set_owner(sample_db, finding_id, "Head of Performance")
    tracker.set_target(sample_db, finding_id, dt.date(2024, 9, 30))
    tracker.set_hmicfrs_status(sample_db, finding_id, HmicfrsStatus.AWAITING_REVIEW)
    report = archive.read_archive(samples_dir() / "spotlight-getting-a-grip.json")
    importing.import_archive(sample_db, report, update_existing=True, source="spotlight.json")
    kept = _row(sample_db, "Recommendation 2")
    assert kept.id == finding_id
    assert (kept.status, kept.owner, kept.target_on, kept.hmicfrs_status) == (
        ProgressStatus.IN_PROGRESS,
        "Head of Performance",
        dt.date(2024, 9, 30),
        HmicfrsStatus.AWAITING_REVIEW,
    )
    assert [u.note for u in kept.updates] == ["Plan agreed."]
