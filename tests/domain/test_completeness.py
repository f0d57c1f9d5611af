"""The s55(5B) completeness check: refusal for Commissioner responses, warnings otherwise."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from app.domain.completeness import (
    applies_to_force,
    check_completeness,
    findings_needing_explanation,
)
from app.domain.enums import AuthorRole, FindingKind, InspectionStatus
from app.domain.model import Finding, Inspection, RoleTexts

REC = FindingKind.RECOMMENDATION
COC = FindingKind.CAUSE_OF_CONCERN
AFI = FindingKind.AREA_FOR_IMPROVEMENT
BEFORE_DEADLINE = dt.date(2023, 8, 1)


def finding(
    kind: FindingKind, reference: str, cc: str = "", pcc: str = "", **extra: object
) -> Finding:
    return Finding(kind, reference, responses=RoleTexts(cc, pcc), **extra)  # type: ignore[arg-type]


def inspection(*findings: Finding, overall_pcc: str = "Overall.") -> Inspection:
    return Inspection(
        "Spotlight", published_on=dt.date(2023, 7, 7), findings=list(findings),
        overall=RoleTexts("", overall_pcc),
    )  # fmt: skip


def test_complete_response_can_be_signed_off_without_warnings() -> None:
    complete = inspection(finding(REC, "Recommendation 2", "Force.", "PCC."))
    complete.overall.chief_constable = "The force welcomes the report."
    complete.closing = RoleTexts("Force closing.", "PCC closing.")
    report = check_completeness(complete, BEFORE_DEADLINE)
    assert report.can_sign_off
    assert report.refusal() == ""
    assert report.warnings() == []


def test_sign_off_is_refused_without_the_commissioners_overall_response() -> None:
    """Section 55(1): the Commissioner's comments on the report; AFIs alone need none each."""
    afis = [finding(AFI, f"Area for improvement {n}") for n in (1, 2, 3)]
    report = check_completeness(inspection(*afis, overall_pcc="  \n"), BEFORE_DEADLINE)
    assert not report.can_sign_off
    assert report.refusal() == (
        "It cannot be signed off yet: section 55(1) requires the Police and Crime "
        "Commissioner's comments on the report, and the Police and Crime Commissioner overall "
        "response is empty."
    )


def test_the_warning_names_every_empty_response_as_the_editor_does() -> None:
    afis = [finding(AFI, f"Area for improvement {n}") for n in (1, 2, 3)]
    report = check_completeness(inspection(*afis, overall_pcc="Overall."), BEFORE_DEADLINE)
    assert report.can_sign_off
    cc, pcc = "Chief Constable", "Police and Crime Commissioner"
    assert report.empty == [
        f"{cc} overall response",
        *(f"{who} response to Area for improvement {n}" for n in (1, 2, 3) for who in (cc, pcc)),
        f"{cc} closing response",
        f"{pcc} closing response",
    ]
    (warning,) = report.warnings()
    assert warning.startswith("9 responses are empty and are left out of the published document: ")
    assert all(name in warning for name in report.empty)


def test_sign_off_refused_naming_each_recommendation_without_a_commissioner_response() -> None:
    report = check_completeness(
        inspection(
            finding(REC, "Recommendation 2", "Force.", "PCC."),
            finding(REC, "Recommendation 3", "Force.", "   \n"),
            finding(REC, "Recommendation 6", "Force."),
        ),
        BEFORE_DEADLINE,
    )
    assert not report.can_sign_off
    assert report.missing_commissioner == ["Recommendation 3", "Recommendation 6"]
    assert "Recommendation 3 and Recommendation 6" in report.refusal()
    assert "section 55(5B)" in report.refusal()
    assert "Police and Crime Commissioner" in report.refusal()


def test_the_refusal_uses_the_organisations_role_titles() -> None:
    report = check_completeness(
        inspection(finding(REC, "Recommendation 1")), BEFORE_DEADLINE,
        {AuthorRole.COMMISSIONER: "Mayor", AuthorRole.CHIEF_CONSTABLE: "Commissioner of Police"},
    )  # fmt: skip
    assert "the Mayor's response" in report.refusal()
    assert "this recommendation has none: Recommendation 1." in report.refusal()
    assert "Commissioner of Police response to Recommendation 1" in report.empty
    assert "Mayor closing response" in report.empty


def test_recommendations_under_a_cause_count_and_a_cause_alone_stands_in() -> None:
    carried = inspection(
        finding(COC, "Cause of concern 1"),
        finding(REC, "Recommendation 1", parent="Cause of concern 1"),
        finding(COC, "Cause of concern 2"),  # its recommendations are bullets in its text
    )
    needed = [f.reference for f in findings_needing_explanation(carried)]
    assert needed == ["Recommendation 1", "Cause of concern 2"]
    assert check_completeness(carried, BEFORE_DEADLINE).missing_commissioner == needed


def test_areas_for_improvement_and_findings_that_do_not_apply_are_not_required() -> None:
    report = check_completeness(
        inspection(
            finding(AFI, "Area for improvement 1"),
            finding(REC, "Recommendation 1", applies=False, not_applicable_reason="Home Office"),
            finding(COC, "Cause of concern 1", applies=False),
            finding(REC, "Recommendation 2", parent="Cause of concern 1"),
        ),
        BEFORE_DEADLINE,
    )
    assert report.can_sign_off
    assert report.missing_chief_constable == []


def test_a_child_of_a_cause_that_does_not_apply_does_not_apply() -> None:
    cause = finding(COC, "Cause of concern 1", applies=False)
    child = finding(REC, "Recommendation 2", parent="Cause of concern 1")
    assert not applies_to_force(child, inspection(cause, child))
    assert applies_to_force(child, inspection(child))  # the parent is not recorded


def test_warnings_for_empty_chief_constable_responses_and_the_deadline() -> None:
    late = dt.date(2023, 9, 1)
    checked = inspection(finding(REC, "Recommendation 2", "", "PCC."))
    checked.overall.chief_constable = "Force."
    checked.closing = RoleTexts("", "PCC closing.")
    report = check_completeness(checked, late)
    assert report.can_sign_off
    assert report.warnings() == [
        "2 responses are empty and are left out of the published document: Chief Constable "
        "response to Recommendation 2 and Chief Constable closing response.",
        "The statutory deadline (31/08/2023, section 55(5A)) has passed.",
    ]
    on_the_day = check_completeness(inspection(), dt.date(2023, 8, 31))
    assert not on_the_day.deadline_passed


def test_no_deadline_warning_once_published_or_without_a_publication_date() -> None:
    published = inspection()
    published.status = InspectionStatus.PUBLISHED
    assert not check_completeness(published, dt.date(2024, 1, 1)).deadline_passed
    undated = Inspection("Undated", overall=RoleTexts("", "x"))
    assert not check_completeness(undated, dt.date(2024, 1, 1)).deadline_passed


@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), max_size=12))
def test_sign_off_is_allowed_exactly_when_every_applicable_recommendation_has_a_pcc_response(
    rows: list[tuple[bool, bool, bool]],
) -> None:
    findings = [
        finding(REC, f"Recommendation {n}", "cc" if cc else "", "pcc" if pcc else "",
                applies=applies)
        for n, (applies, cc, pcc) in enumerate(rows, 1)
    ]  # fmt: skip
    report = check_completeness(inspection(*findings), BEFORE_DEADLINE)
    assert report.can_sign_off == all(pcc for applies, _, pcc in rows if applies)
    for reference in report.missing_commissioner:
        assert reference in report.refusal()
