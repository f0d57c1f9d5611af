"""The JSON archive round-trips everything, and a malformed archive gives a plain error."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db.database import Database
from app.domain.enums import (
    AuthorRole,
    FindingKind,
    HmicfrsStatus,
    InspectionStatus,
    ProgressStatus,
    ResponsePart,
)
from app.domain.errors import ArchiveError
from app.domain.model import (
    Finding,
    GradedQuestion,
    Inspection,
    OfficeStep,
    Pillar,
    ProgressUpdate,
    Revision,
    RoleTexts,
)
from app.domain.workflow import StatusChange
from app.services import archive, inspections, reading
from app.services.samples import sample_files

# Any text a person or a report may hold: markup characters, every script, long runs.
HOSTILE = [
    "<font size=40>",
    "a<b",
    "AT&T",
    "**not bold",
    "# not a heading",
    "\\",
    "'\"",
    "😀",
    "Ωμέγα",
    "Кириллица",
    "عربى",
    "\t",
    "x" * 5000,
]
text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=60),
    st.sampled_from(HOSTILE),
)
nonblank = text.filter(lambda t: bool(t.strip()))
dates = st.one_of(st.none(), st.dates(dt.date(1995, 1, 1), dt.date(2090, 12, 31)))
roles = st.builds(RoleTexts, text, text)
moments = st.datetimes(
    dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC)
).map(lambda moment: moment.replace(microsecond=0))  # as the application takes them


@st.composite
def inspections_(draw: st.DrawFn) -> Inspection:
    references = draw(st.lists(nonblank, max_size=4, unique_by=str))
    findings = [
        Finding(
            kind=draw(st.sampled_from(FindingKind)),
            reference=reference,
            text=draw(text),
            addressee=draw(text),
            applies=draw(st.booleans()),
            not_applicable_reason=draw(text),
            question=draw(st.one_of(st.none(), st.integers(1, 20))),
            parent=draw(st.one_of(st.none(), nonblank)),
            due_text=draw(text),
            due_on=draw(dates),
            responses=draw(roles),
            progress=draw(
                st.lists(
                    st.builds(
                        ProgressUpdate, dates, text, text, text, st.one_of(st.none(), moments)
                    ),
                    max_size=2,
                )
            ),
            progress_status=draw(st.sampled_from(ProgressStatus)),
            owner=draw(text),
            target_on=draw(dates),
            hmicfrs_status=draw(st.one_of(st.none(), st.sampled_from(HmicfrsStatus))),
        )
        for reference in references
    ]
    # In any order: revisions keep the order they are listed in, whatever their times.
    times = draw(st.lists(moments, max_size=4, unique=True))
    revisions = []
    for moment in times:
        reference = draw(st.one_of(st.none(), st.sampled_from(references))) if references else None
        part = (
            ResponsePart.RESPONSE
            if reference
            else draw(st.sampled_from([ResponsePart.OVERALL, ResponsePart.CLOSING]))
        )
        revisions.append(
            Revision(
                reference,
                draw(st.sampled_from(AuthorRole)),
                part,
                draw(text),
                moment,
                draw(text),
            )
        )
    return Inspection(
        title=draw(nonblank),
        published_on=draw(dates),
        publication_types=draw(st.lists(text, max_size=3)),
        forces=draw(st.lists(text, max_size=2)),
        url=draw(text),
        url_label=draw(text),
        stated_deadline=draw(dates),
        cc_comments_requested_by=draw(dates),
        status=draw(st.sampled_from(InspectionStatus)),
        archived=draw(st.booleans()),
        key_findings=draw(text),
        recommendations_note=draw(text),
        areas_for_improvement_note=draw(text),
        causes_of_concern_note=draw(text),
        report_text=draw(text),
        pillars=draw(st.lists(st.builds(Pillar, nonblank, text, text), max_size=2)),
        questions=draw(
            st.lists(
                st.builds(GradedQuestion, text, st.integers(1, 9), text, text, text), max_size=3
            )
        ),
        findings=findings,
        overall=draw(roles),
        closing=draw(roles),
        office_steps=draw(st.lists(st.builds(OfficeStep, nonblank, dates, text, text), max_size=3)),
        revisions=revisions,
        status_history=[
            StatusChange(draw(st.sampled_from(InspectionStatus)), moment, draw(text), draw(text))
            for moment in draw(st.lists(moments, min_size=1, max_size=3))
        ],
    )


def _without_ids(data: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in data.items() if key != "id"}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(original=inspections_())
def test_archive_round_trip_through_the_database_loses_nothing(
    original: Inspection, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    expected = archive.inspection_to_dict(original)
    path = folder / "archive.json"
    archive.write_archive(path, [original])
    database = Database.open(folder / "db.sqlite3")
    try:
        outcome = inspections.import_inspections(
            database, archive.read_archive(path), update_existing=False
        )
        stored = reading.get_inspection(database, outcome.added[0])
    finally:
        database.close()
    assert _without_ids(archive.inspection_to_dict(stored)) == _without_ids(expected)


def test_export_import_export_is_identical_apart_from_ids(
    sample_db: Database, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    archive.write_archive(first, reading.all_inspections(sample_db))
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        inspections.import_inspections(other, archive.read_archive(first), update_existing=False)
        second = tmp_path / "second.json"
        archive.write_archive(second, reading.all_inspections(other))
    finally:
        other.close()
    one, two = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    assert [_without_ids(i) for i in one["inspections"]] == [
        _without_ids(i) for i in two["inspections"]
    ]


def test_sample_archives_load_exactly(sample_db: Database) -> None:
    expected = {}
    for path in sample_files():
        for record in json.loads(path.read_text(encoding="utf-8"))["inspections"]:
            expected[record["title"]] = _without_ids(record)
    for stored in reading.all_inspections(sample_db):
        data = _without_ids(archive.inspection_to_dict(stored))
        # The samples were written before archives kept the workflow history: loading starts it.
        history: Any = data.pop("status_history")
        assert [c["note"] for c in history] == ["Imported from the samples"]
        assert data == expected[stored.title]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "should be a JSON object"),
        ('{"inspections": []}', "not an OPCC Inspection Responses archive"),
        ('{"format": "opcc-responses/9", "inspections": []}', "this version reads"),
        ('{"format": "opcc-responses/1"}', "no list of inspections"),
        ('{"format": "opcc-responses/1", "inspections": [{"title": ""}]}', "'title' is missing"),
        (
            '{"format": "opcc-responses/1",'
            ' "inspections": [{"title": "T", "published_on": "7/7/23"}]}',
            "not a date",
        ),
        (
            '{"format": "opcc-responses/1", "inspections": [{"title": "T",'
            ' "findings": [{"reference": "R1", "kind": "wish"}]}]}',
            "unknown value",
        ),
        ('{"format": "opcc-responses/1", "inspections": [{"title": 3}]}', "wrong type"),
    ],
)
def test_malformed_archives_raise_a_plain_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArchiveError, match=message):
        archive.read_archive(path)


def test_unknown_keys_and_computed_keys_are_ignored() -> None:
    data = {
        "format": "opcc-responses/1",
        "future_key": 1,
        "inspections": [{"id": 99, "title": "T", "deadline": "1999-01-01", "colour": "red"}],
    }
    (inspection,) = archive.archive_from_dict(data)
    assert inspection.title == "T" and inspection.id is None


def test_writing_to_an_unwritable_place_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="Cannot save the archive in"):
        archive.write_archive(tmp_path / "missing-folder" / "out.json", [Inspection("T")])


def test_times_are_archived_in_utc_and_an_older_archives_naive_times_read_as_local(
    london: None,
) -> None:
    revision = {"finding": None, "role": "commissioner", "part": "overall", "text": "Kept."}
    data = {
        "format": archive.FORMAT,
        "inspections": [
            {
                "title": "T",
                "revisions": [
                    {**revision, "saved_at": "2026-07-01T12:00:00"},  # an earlier version's: BST
                    {**revision, "saved_at": "2026-07-01T12:00:00+02:00"},
                    {**revision, "saved_at": "2026-12-01T12:00:00"},  # local in winter: GMT
                ],
                "status_history": [{"status": "drafting", "changed_at": "2026-07-01T12:00:00"}],
            }
        ],
    }
    (inspection,) = archive.archive_from_dict(data)
    written = archive.inspection_to_dict(inspection)
    assert [r["saved_at"] for r in written["revisions"]] == [
        "2026-07-01T11:00:00+00:00",
        "2026-07-01T10:00:00+00:00",
        "2026-12-01T12:00:00+00:00",
    ]
    assert [c["changed_at"] for c in written["status_history"]] == ["2026-07-01T11:00:00+00:00"]
    assert archive.archive_to_dict([])["exported_at"].endswith("+00:00")


def test_an_archive_without_the_trackers_keys_imports_with_every_finding_open() -> None:
    data = {
        "format": "opcc-responses/1",
        "inspections": [
            {
                "title": "T",
                "findings": [
                    {"reference": "R1", "progress": [{"on": "2024-02-01", "status": "Started"}]}
                ],
            }
        ],
    }
    ((finding,),) = [i.findings for i in archive.archive_from_dict(data)]
    assert (finding.progress_status, finding.owner, finding.target_on) == (
        ProgressStatus.OPEN, "", None,
    )  # fmt: skip
    assert finding.hmicfrs_status is None
    assert finding.progress == [ProgressUpdate(dt.date(2024, 2, 1), "Started")]


def test_the_trackers_fields_go_out_and_come_back_through_another_database(
    sample_db: Database, tmp_path: Path
) -> None:
    from app.services import tracker

    rows = tracker.tracker_rows(sample_db)
    finding = rows[-1].id
    tracker.record_progress(sample_db, finding, ProgressStatus.IN_PROGRESS, "Plan agreed.", "Ann")
    tracker.set_owner(sample_db, finding, "Head of Crime")
    tracker.set_target(sample_db, finding, dt.date(2025, 3, 31))
    tracker.set_hmicfrs_status(sample_db, finding, HmicfrsStatus.AWAITING_REVIEW)
    path = tmp_path / "tracker.json"
    archive.write_archive(path, reading.all_inspections(sample_db))
    written = json.loads(path.read_text(encoding="utf-8"))
    finding_data = written["inspections"][-1]["findings"][-1]
    assert {key: finding_data[key] for key in (
        "progress_status", "owner", "target_on", "hmicfrs_status"
    )} == {
        "progress_status": "in_progress", "owner": "Head of Crime", "target_on": "2025-03-31",
        "hmicfrs_status": "awaiting_review",
    }  # fmt: skip
    assert finding_data["progress"][0]["recorded_at"].endswith("+00:00")
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        inspections.import_inspections(other, archive.read_archive(path), update_existing=False)
        (back,) = [r for r in tracker.tracker_rows(other) if r.reference == rows[-1].reference]
    finally:
        other.close()
    assert (back.status, back.owner, back.target_on, back.hmicfrs_status) == (
        ProgressStatus.IN_PROGRESS, "Head of Crime", dt.date(2025, 3, 31),
        HmicfrsStatus.AWAITING_REVIEW,
    )  # fmt: skip
    assert [(u.note, u.by) for u in back.updates] == [("Plan agreed.", "Ann")]
    assert back.updates == tracker.tracker_rows(sample_db)[-1].updates
