"""The dashboard: deadlines coming and passed, comments late, findings overdue, and counts
(docs/product.md, "Deadlines"), on a fixed day, on both engines."""

from __future__ import annotations

import datetime as dt

from app.db.database import Database
from app.domain.enums import FindingKind, InspectionStatus, ProgressStatus, RagState
from app.domain.model import Finding, Inspection
from app.services import dashboard, inspections, tracker
from app.services.dashboard import load_dashboard

NORFOLK_DEADLINE = dt.date(2019, 6, 26)  # published 02/05/2019, + 55 days


def _inspection(
    title: str,
    published_on: dt.date | None,
    status: InspectionStatus = InspectionStatus.DRAFTING,
    *,
    cc_by: dt.date | None = None,
    findings: list[Finding] | None = None,
) -> Inspection:
    return Inspection(
        title, published_on, cc_comments_requested_by=cc_by, status=status, findings=findings or []
    )


def _recommendation(reference: str, due_on: dt.date | None) -> Finding:
    return Finding(FindingKind.RECOMMENDATION, reference, f"{reference} text", due_on=due_on)


def test_the_samples_on_a_day_before_norfolks_deadline(sample_db: Database) -> None:
    shown = load_dashboard(sample_db, dt.date(2019, 6, 14))
    assert [d.describe() for d in shown.due_soon] == [
        "Norfolk PEEL 2018: Effectiveness — deadline 26/06/2019, 12 days left (Green)"
    ]
    norfolk = shown.due_soon[0]
    assert (norfolk.deadline, norfolk.days_left, norfolk.rag) == (
        NORFOLK_DEADLINE,
        12,
        RagState.ON_TRACK,
    )
    assert shown.overdue_responses == () and shown.late_comments == ()
    assert shown.overdue_findings == ()  # the spotlight's are due by 31/01/2024
    assert dict(shown.inspection_counts) == {
        InspectionStatus.NOT_STARTED: 1, InspectionStatus.AWAITING_CHIEF_CONSTABLE: 0,
        InspectionStatus.DRAFTING: 0, InspectionStatus.READY_FOR_SIGN_OFF: 0,
        InspectionStatus.SIGNED_OFF: 0, InspectionStatus.PUBLISHED: 1,
    }  # fmt: skip
    assert [s for s, _n in shown.inspection_counts] == list(InspectionStatus)  # workflow order
    assert dict(shown.progress_counts)[ProgressStatus.OPEN] == 6 and shown.findings == 6
    assert shown.inspections == 2


def test_a_deadline_within_a_week_is_amber_and_a_passed_one_is_listed_as_overdue(
    sample_db: Database,
) -> None:
    amber = load_dashboard(sample_db, dt.date(2019, 6, 22)).due_soon[0]
    assert (amber.rag, amber.describe()) == (
        RagState.DUE_SOON,
        "Norfolk PEEL 2018: Effectiveness — deadline 26/06/2019, due in 4 days (Amber)",
    )
    today = load_dashboard(sample_db, NORFOLK_DEADLINE).due_soon[0]
    assert (today.days_left, today.state.words) == (0, "Due today")
    late = load_dashboard(sample_db, dt.date(2019, 6, 28))
    assert late.due_soon == ()
    assert [d.describe() for d in late.overdue_responses] == [
        "Norfolk PEEL 2018: Effectiveness — deadline 26/06/2019, overdue by 2 days (Red)"
    ]
    assert late.overdue_responses[0].days_left == -2


def test_only_the_next_eight_weeks_are_coming_and_published_or_archived_never_count(
    db: Database,
) -> None:
    today = dt.date(2024, 3, 1)
    # Deadlines: published + 55 days.
    last_day = inspections.create_inspection(
        db, _inspection("Last day", today - dt.timedelta(55) + dt.timedelta(56))
    )
    inspections.create_inspection(db, _inspection("Too far", today + dt.timedelta(2)))
    inspections.create_inspection(
        db, _inspection("Published", today - dt.timedelta(60), InspectionStatus.PUBLISHED)
    )
    archived = inspections.create_inspection(db, _inspection("Archived", today - dt.timedelta(60)))
    inspections.set_archived(db, archived, True)
    inspections.create_inspection(db, _inspection("Undated", None))
    shown = load_dashboard(db, today)
    assert [(d.inspection_id, d.deadline) for d in shown.due_soon] == [
        (last_day, today + dt.timedelta(56))
    ]
    assert shown.look_ahead_until == today + dt.timedelta(56)
    assert shown.overdue_responses == ()
    assert shown.inspections == 4  # the archived one is not counted
    assert dict(shown.inspection_counts)[InspectionStatus.DRAFTING] == 3


def test_comments_past_the_date_asked_while_still_awaited(db: Database) -> None:
    today = dt.date(2024, 3, 1)
    published = dt.date(2024, 1, 10)
    asked = dt.date(2024, 2, 7)
    waiting = inspections.create_inspection(
        db,
        _inspection("Waiting", published, InspectionStatus.AWAITING_CHIEF_CONSTABLE, cc_by=asked),
    )
    not_started = inspections.create_inspection(
        db,
        _inspection(
            "Not started", published, InspectionStatus.NOT_STARTED, cc_by=dt.date(2024, 2, 20)
        ),
    )
    inspections.create_inspection(db, _inspection("Drafting", published, cc_by=asked))
    inspections.create_inspection(
        db, _inspection("Asked for today", published, InspectionStatus.NOT_STARTED, cc_by=today)
    )
    shown = load_dashboard(db, today)
    assert [(c.inspection_id, c.days_late) for c in shown.late_comments] == [
        (waiting, 23), (not_started, 10),
    ]  # fmt: skip
    assert shown.late_comments[0].describe() == (
        "Waiting — comments asked for by 07/02/2024, 23 days late "
        "(Awaiting Chief Constable comments)"
    )


def test_findings_past_their_target_and_still_expecting_work(db: Database) -> None:
    today = dt.date(2024, 3, 1)
    findings = [
        _recommendation("Recommendation 1", dt.date(2024, 1, 31)),
        _recommendation("Recommendation 2", dt.date(2024, 2, 29)),
        _recommendation("Recommendation 3", today),  # the day itself is not late
        _recommendation("Recommendation 4", None),
        _recommendation("Recommendation 5", dt.date(2023, 12, 31)),
    ]
    inspection_id = inspections.create_inspection(
        db,
        _inspection("Vetting", dt.date(2023, 6, 1), InspectionStatus.PUBLISHED, findings=findings),
    )
    rows = {row.reference: row for row in tracker.tracker_rows(db, today=today)}
    tracker.record_progress(db, rows["Recommendation 5"].id, ProgressStatus.COMPLETED, "Done.")
    tracker.record_progress(db, rows["Recommendation 2"].id, ProgressStatus.IN_PROGRESS)
    tracker.set_target(db, rows["Recommendation 4"].id, dt.date(2024, 2, 1))  # set by hand
    tracker.set_target(db, rows["Recommendation 1"].id, dt.date(2024, 6, 30))  # moved on
    shown = load_dashboard(db, today)
    late = shown.overdue_findings
    assert [(f.reference, f.target_on, f.days_overdue, f.status) for f in late] == [
        ("Recommendation 4", dt.date(2024, 2, 1), 29, ProgressStatus.OPEN),
        ("Recommendation 2", dt.date(2024, 2, 29), 1, ProgressStatus.IN_PROGRESS),
    ]  # fmt: skip
    assert {f.inspection_id for f in shown.overdue_findings} == {inspection_id}
    assert shown.overdue_findings[1].describe() == (
        "Recommendation 2 — overdue by 1 day, target 29/02/2024 (In progress) — Vetting"
    )
    # The same findings as the tracker's own overdue rows.
    overdue = tracker.tracker_rows(db, tracker.TrackerFilter(overdue_only=True), today=today)
    assert {r.id for r in overdue} == {f.finding_id for f in shown.overdue_findings}
    counts = dict(shown.progress_counts)
    assert counts == {
        ProgressStatus.OPEN: 3, ProgressStatus.IN_PROGRESS: 1,
        ProgressStatus.AWAITING_EVIDENCE: 0, ProgressStatus.COMPLETED: 1,
        ProgressStatus.SUPERSEDED: 0, ProgressStatus.NOT_ACCEPTED: 0,
    }  # fmt: skip
    assert counts == {c.status: c.count for c in tracker.summarise(tracker.tracker_rows(db)).counts}
    assert [
        (c.inspection_id, c.inspection_title, c.count)
        for c in dashboard.inspections_at(db, ProgressStatus.OPEN)
    ] == [(inspection_id, "Vetting", 3)]
    assert dashboard.inspections_at(db, ProgressStatus.SUPERSEDED) == []
    assert shown.overdue_finding_count == 2


def test_findings_of_an_archived_inspection_or_removed_or_not_applying_are_left_out(
    db: Database,
) -> None:
    today = dt.date(2024, 3, 1)
    late = dt.date(2024, 1, 1)
    archived = inspections.create_inspection(
        db,
        _inspection(
            "Archived",
            dt.date(2023, 6, 1),
            InspectionStatus.PUBLISHED,
            findings=[_recommendation("Recommendation 1", late)],
        ),
    )
    inspections.set_archived(db, archived, True)
    not_applying = _recommendation("Recommendation 1", late)
    not_applying.applies = False
    not_applying.not_applicable_reason = "Addressed to the College of Policing."
    kept = inspections.create_inspection(
        db,
        _inspection(
            "Kept",
            dt.date(2023, 6, 1),
            InspectionStatus.PUBLISHED,
            findings=[
                not_applying,
                _recommendation("Recommendation 2", late),
                _recommendation("Recommendation 3", late),
            ],
        ),
    )
    removed = next(r for r in tracker.tracker_rows(db) if r.reference == "Recommendation 3")
    inspections.remove_finding(db, removed.id)
    shown = load_dashboard(db, today)
    assert [(f.inspection_id, f.reference) for f in shown.overdue_findings] == [
        (kept, "Recommendation 2")
    ]
    assert shown.findings == 1
    assert [c.inspection_id for c in dashboard.inspections_at(db, ProgressStatus.OPEN)] == [kept]


def test_an_empty_database_has_an_empty_dashboard(db: Database) -> None:
    shown = load_dashboard(db, dt.date(2024, 3, 1))
    assert (
        shown.due_soon,
        shown.overdue_responses,
        shown.late_comments,
        shown.overdue_findings,
    ) == ((), (), (), ())
    assert shown.inspections == 0 and shown.findings == 0
    assert dashboard.RAG_WORDS[RagState.OVERDUE] == "Red"
