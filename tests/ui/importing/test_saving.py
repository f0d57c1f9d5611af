"""Updating a stored inspection from a new import keeps the work recorded since (Qt-free)."""

from __future__ import annotations

import datetime as dt

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind, InspectionStatus, ResponsePart
from app.domain.model import Finding, Inspection, OfficeStep, RoleTexts
from app.importers import import_document
from app.services import reading
from app.services.importing import find_existing, merge_update, save_imported
from tests.conftest import SPOTLIGHT_SEED
from tests.ui.importing.conftest import inspection_id

NOW = dt.datetime(2024, 1, 2, 10, 0)


def stored() -> Inspection:
    return Inspection(
        title="Report",
        published_on=dt.date(2023, 7, 7),
        url="https://example.org/report",
        status=InspectionStatus.DRAFTING,
        findings=[
            Finding(FindingKind.RECOMMENDATION, "Recommendation 1", "Do it.",
                    responses=RoleTexts(chief_constable="Typed by hand.")),
            Finding(FindingKind.RECOMMENDATION, "Recommendation 2", "Old text."),
            Finding(FindingKind.RECOMMENDATION, "Recommendation 9", "Gone from the report.",
                    responses=RoleTexts(commissioner="An answer worth keeping.")),
        ],
        office_steps=[OfficeStep("Sent to the Chief Constable", dt.date(2023, 7, 10), "AB")],
    )  # fmt: skip


def test_merge_keeps_people_s_work_where_the_import_is_silent() -> None:
    imported = Inspection(
        title="Report (revised)",
        findings=[
            Finding(FindingKind.RECOMMENDATION, "Recommendation 1", "Do it better.",
                    responses=RoleTexts(chief_constable="The published response.")),
            Finding(FindingKind.RECOMMENDATION, "Recommendation 2", "New text."),
        ],
        office_steps=[OfficeStep("Sent to the Chief Constable"), OfficeStep("Published")],
    )  # fmt: skip

    merged, kept = merge_update(stored(), imported, now=NOW, user="cd")

    assert merged.title == "Report (revised)"
    assert merged.published_on == dt.date(2023, 7, 7) and merged.url == "https://example.org/report"
    assert merged.status is InspectionStatus.DRAFTING
    assert [f.reference for f in merged.findings] == [
        "Recommendation 1", "Recommendation 2", "Recommendation 9",
    ]  # fmt: skip
    assert kept == ["Recommendation 9"]
    assert merged.findings[1].text == "New text."
    assert merged.findings[0].responses.chief_constable == "The published response."
    assert [(r.finding, r.part, r.text, r.saved_by) for r in merged.revisions] == [
        ("Recommendation 1", ResponsePart.RESPONSE, "Typed by hand.", "before import"),
        ("Recommendation 1", ResponsePart.RESPONSE, "The published response.", "cd"),
    ]
    assert merged.revisions[0].role is AuthorRole.CHIEF_CONSTABLE
    assert [(s.step, s.done_on, s.done_by) for s in merged.office_steps] == [
        ("Sent to the Chief Constable", dt.date(2023, 7, 10), "AB"),
        ("Published", None, ""),
    ]


def test_an_update_through_the_database_keeps_responses_and_history(sample_db: Database) -> None:
    existing = inspection_id(sample_db, "PEEL Spotlight")
    before = reading.get_inspection(sample_db, existing)
    imported = import_document(SPOTLIGHT_SEED).inspection
    imported.findings = imported.findings[:2]  # the person unticked Recommendation 6
    assert find_existing(sample_db, imported) is not None

    saved = save_imported(sample_db, imported, update_existing=True)

    assert (saved.action, saved.inspection_id) == ("updated", existing)
    assert saved.kept == ["Recommendation 6"]  # it holds responses, so it stays
    after = reading.get_inspection(sample_db, existing)
    assert [f.reference for f in after.findings] == [f.reference for f in before.findings]
    assert after.findings[2].responses == before.findings[2].responses
    assert len(reading.list_inspections(sample_db, include_archived=True)) == 2


def test_without_update_an_existing_report_is_skipped(sample_db: Database) -> None:
    imported = import_document(SPOTLIGHT_SEED).inspection
    saved = save_imported(sample_db, imported, update_existing=False)
    assert saved.action == "skipped"
    assert saved.inspection_id == inspection_id(sample_db, "PEEL Spotlight")
