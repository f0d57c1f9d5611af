"""Documents other than the seeds: a thematic report, a 2023-style PEEL page, a letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain.enums import FindingKind, InspectionStatus
from app.importers import import_document, import_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importers"


def test_thematic_report_recommendation_headings_and_addressees() -> None:
    imported = import_document(FIXTURES / "thematic-fraud-older-people.txt")
    inspection = imported.inspection
    assert imported.kind == "report"
    assert (
        inspection.title == "An inspection of how well the police tackle fraud against older people"
    )
    assert inspection.published_on == dt.date(2024, 3, 12)
    summary = [
        (f.reference, f.addressee, f.applies, f.due_text, f.due_on) for f in inspection.findings
    ]
    college = "the College of Policing"
    assert summary == [
        (
            "Recommendation 1",
            "the Home Office",
            False,
            "By 30 September 2024",
            dt.date(2024, 9, 30),
        ),
        ("Recommendation 2", "chief constables", True, "Within six months", dt.date(2024, 9, 12)),
        ("Recommendation 3", college, False, "By 31 December 2024", dt.date(2024, 12, 31)),
    ]
    assert inspection.findings[1].text == (
        "Within six months, chief constables should make sure that:\n\n"
        "- every older victim of fraud is offered a needs assessment; and\n"
        "- officers record repeat victimisation on force systems."
    )
    # The contents entries ("Recommendation 1: The Home Office") are not findings, the
    # informal "We recommend that …" is not one when numbered recommendations exist, and the
    # whole text is kept for reading.
    assert "Our findings" in inspection.report_text
    assert any("names no police force" in warning for warning in imported.warnings)


def test_numbered_list_after_made_n_recommendations() -> None:
    text = (
        "State of policing: hate crime\n\nPublished on: 7 July 2021\n\n"
        "HMI made the following three recommendations:\n\n"
        "1. By March 2022, chief constables should make sure that hate crime is flagged.\n"
        "2. The Home Office should publish hate crime data every quarter.\n"
        "3. The National Police Chiefs’ Council should agree a common definition.\n\n"
        "The rest of the report follows."
    )
    inspection = import_text(text).inspection
    assert [(f.reference, f.addressee, f.applies) for f in inspection.findings] == [
        ("Recommendation 1", "chief constables", True),
        ("Recommendation 2", "the Home Office", False),
        ("Recommendation 3", "the National Police Chiefs’ Council", False),
    ]
    assert inspection.findings[0].due_on == dt.date(2022, 3, 31)


def test_we_recommend_sentences_when_nothing_is_numbered() -> None:
    text = (
        "Joint inspection of custody\n\nPublished on: 1 May 2022\n\n"
        "We found that detainees waited too long for a health assessment.\n\n"
        "We recommend that chief constables review custody staffing within six months.\n\n"
        "We recommend that the Home Office updates the custody codes of practice."
    )
    imported = import_text(text)
    findings = imported.inspection.findings
    assert [(f.reference, f.applies) for f in findings] == [
        ("Recommendation 1", True),
        ("Recommendation 2", False),
    ]
    assert any("We recommend that" in warning for warning in imported.warnings)


def test_peel_2023_page_causes_of_concern_with_their_recommendations() -> None:
    imported = import_document(FIXTURES / "peel-2023-causes-of-concern.html")
    inspection = imported.inspection
    assert imported.kind == "report"
    assert inspection.forces == ["Thames Valley Police"]
    assert inspection.publication_types == ["PEEL"]
    assert inspection.published_on == dt.date(2023, 11, 14)
    found = [(f.kind, f.reference, f.parent) for f in inspection.findings]
    assert found == [
        (FindingKind.CAUSE_OF_CONCERN, "Cause of concern 1", None),
        (FindingKind.RECOMMENDATION, "Recommendation 1", "Cause of concern 1"),
        (FindingKind.RECOMMENDATION, "Recommendation 2", "Cause of concern 1"),
        (FindingKind.AREA_FOR_IMPROVEMENT, "Area for improvement 1", None),
        (FindingKind.AREA_FOR_IMPROVEMENT, "Area for improvement 2", None),
    ]
    recommendation = inspection.findings[2]
    assert (
        recommendation.text
        == "make sure its **THRIVE** risk assessments are recorded for every call."
    )
    assert (recommendation.addressee, recommendation.due_on) == ("the force", dt.date(2024, 2, 14))
    assert inspection.findings[4].text.endswith(
        "\n\n- This includes investigations held by the public protection unit."
    )
    # Cookie banner, menus, breadcrumbs and scripts are not text of the report.
    assert "cookies" not in inspection.report_text.casefold()
    assert "Recommendation 9" not in inspection.report_text


def test_letter_style_response() -> None:
    imported = import_document(FIXTURES / "letter-response-suffolk.txt")
    inspection = imported.inspection
    assert imported.kind == "response"
    assert inspection.title == "Police performance: Getting a grip"
    assert inspection.published_on == dt.date(2023, 7, 7)
    assert inspection.overall.commissioner.startswith("I welcome this spotlight report")
    assert inspection.overall.commissioner.endswith("for the progress made.")
    assert inspection.overall.chief_constable.startswith("The Constabulary accepts")
    assert [(f.reference, f.responses.chief_constable[:22]) for f in inspection.findings] == [
        ("Recommendation 2", "We have introduced ret"),
        ("Recommendation 6", "Our performance framew"),
    ]
    assert inspection.closing.commissioner.startswith("I will monitor progress")
    assert inspection.status is InspectionStatus.PUBLISHED
    warnings = " ".join(imported.warnings)
    assert "Recommendation 2 is answered but its text is not listed" in warnings
    assert "Office of the Police and Crime Commissioner for Suffolk" in warnings


def test_web_page_response_from_line_and_prose() -> None:
    text = (
        "Response to HMICFRS PEEL inspection\n\n"
        "Response from: Office of the Police and Crime Commissioner for Kent\n\n"
        "Inspection Title: Kent Police PEEL 2021/22\n\nPublished on: 3 March 2022\n\n"
        "Police and Crime Commissioner’s response\n\n"
        "I am pleased that the force was graded good in four areas.\n\n"
        "Area for improvement 1\n\n"
        "The force should improve how it answers 101 calls.\n\n"
        "The Chief Constable has a plan, which I will monitor."
    )
    imported = import_text(text)
    inspection = imported.inspection
    assert imported.kind == "response"
    assert inspection.title == "Kent Police PEEL 2021/22"
    assert inspection.published_on == dt.date(2022, 3, 3)
    assert (
        inspection.overall.commissioner
        == "I am pleased that the force was graded good in four areas."
    )
    [finding] = inspection.findings
    assert finding.reference == "Area for improvement 1"
    # The page quotes the area for improvement above the Commissioner's words on it.
    assert finding.text == "The force should improve how it answers 101 calls."
    assert finding.responses.commissioner == "The Chief Constable has a plan, which I will monitor."
    assert any("Response from" in warning for warning in imported.warnings)
    assert any("taken from the line that introduces" in w for w in imported.warnings)
