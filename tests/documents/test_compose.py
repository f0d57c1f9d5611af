"""The document model: what the response says, in the seed's order, before any writer."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys

from app.documents.compose import build_response_document
from app.documents.content import SectionKind
from app.documents.elements import blocks_text
from app.domain.enums import FindingKind, ProtectiveMarking
from app.domain.model import Finding, Inspection, RoleTexts
from app.domain.organisation import OrganisationSettings
from tests.documents.support import norfolk_settings

SEED_ORDER = [
    SectionKind.KEY_FINDINGS,
    SectionKind.RECOMMENDATIONS,
    SectionKind.AREAS_FOR_IMPROVEMENT,
    SectionKind.CHIEF_CONSTABLE_RESPONSE,
    SectionKind.COMMISSIONER_RESPONSE,
]


def test_spotlight_sections_follow_the_seed(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(spotlight, settings, internal=False)
    assert [s.kind for s in document.sections] == SEED_ORDER
    assert document.title == (
        "Police and Crime Commissioner response to inspections of Norfolk Constabulary "
        "published by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services "
        "(HMICFRS)"
    )
    assert document.organisation == settings.opcc_name
    assert "Section 55 of the Police Act 1996" in document.statutory
    assert document.warnings == ()


def test_header_fields_carry_the_statutory_deadline(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(spotlight, settings, internal=False)
    fields = {field.label: field for field in document.header_fields}
    assert list(fields) == [
        "Inspection Title",
        "Published on",
        "Publication Types",
        "Police Forces",
        "Link to Report",
        "Section 55 Response Deadline",
    ]
    assert fields["Published on"].value == "7 July 2023"
    assert fields["Publication Types"].value == "PEEL, Police performance and Spotlight"
    assert fields["Section 55 Response Deadline"].value == "31 August 2023"
    assert fields["Link to Report"].href == "https://justiceinspectorates.gov.uk"
    assert document.deadline_note == ""


def test_internal_copy_adds_the_office_checklist_and_deadline_note(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    today = dt.date(2023, 8, 1)
    document = build_response_document(spotlight, settings, internal=True, today=today)
    office = document.section(SectionKind.OFFICE_USE)
    assert office is not None and document.sections[-1] is office
    assert [row.step for row in office.steps] == [step.step for step in spotlight.office_steps]
    assert "1 August 2023" in blocks_text(office.intro)
    assert "1 September 2023" in document.deadline_note
    assert document.copy_label


def test_marking_defaults_to_the_settings_and_can_be_overridden(
    spotlight: Inspection,
) -> None:
    settings = norfolk_settings(protective_marking=ProtectiveMarking.OFFICIAL_SENSITIVE)
    document = build_response_document(spotlight, settings, internal=True)
    assert document.marking_text == "OFFICIAL-SENSITIVE"
    plain = build_response_document(
        spotlight, settings, internal=False, marking=ProtectiveMarking.NONE
    )
    assert plain.marking_text == ""


def test_responses_quote_each_applicable_finding_in_bold(
    spotlight: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(spotlight, settings, internal=False)
    for kind in (SectionKind.CHIEF_CONSTABLE_RESPONSE, SectionKind.COMMISSIONER_RESPONSE):
        section = document.section(kind)
        assert section is not None
        assert [e.heading for e in section.entries] == [
            "Recommendation 2",
            "Recommendation 3",
            "Recommendation 6",
        ]
        for entry in section.entries:
            assert entry.response
            first = entry.finding[0]
            assert all(span.bold for span in getattr(first, "spans", ()))
    commissioner = document.section(SectionKind.COMMISSIONER_RESPONSE)
    assert commissioner is not None
    assert blocks_text(commissioner.closing).startswith("All three recommendations")
    assert blocks_text(commissioner.closing).endswith(
        "Giles Orpen-Smellie\nPolice and Crime Commissioner"
    )


def test_role_titles_come_from_the_settings(spotlight: Inspection) -> None:
    settings = norfolk_settings(
        commissioner_title="Police, Fire and Crime Commissioner",
        chief_title="Commissioner of Police",
    )
    document = build_response_document(spotlight, settings, internal=False)
    assert document.title.startswith("Police, Fire and Crime Commissioner response to")
    headings = [s.heading for s in document.sections]
    assert "Commissioner of Police response to report and any " in headings[3]
    assert headings[4].startswith("Police, Fire and Crime Commissioner response")


def _inspection_with_kinds() -> Inspection:
    return Inspection(
        title="PEEL 2023–25",
        published_on=dt.date(2024, 3, 1),
        findings=[
            Finding(FindingKind.CAUSE_OF_CONCERN, "Cause of concern 1", "Crime recording."),
            Finding(
                FindingKind.RECOMMENDATION,
                "Recommendation 1",
                "Within six months…",
                parent="Cause of concern 1",
                responses=RoleTexts("We will.", "I will scrutinise."),
            ),
            Finding(
                FindingKind.RECOMMENDATION,
                "Recommendation 4",
                "The Home Office should…",
                addressee="the Home Office",
                applies=False,
            ),
            Finding(FindingKind.AREA_FOR_IMPROVEMENT, "AFI 1", "Supervision."),
        ],
        overall=RoleTexts("Overall CC.", "Overall PCC."),
    )


def test_causes_of_concern_hold_their_recommendations(settings: OrganisationSettings) -> None:
    document = build_response_document(_inspection_with_kinds(), settings, internal=False)
    kinds = [s.kind for s in document.sections]
    assert kinds.index(SectionKind.CAUSES_OF_CONCERN) == (
        kinds.index(SectionKind.AREAS_FOR_IMPROVEMENT) + 1
    )
    causes = document.section(SectionKind.CAUSES_OF_CONCERN)
    assert causes is not None
    assert [(e.heading, e.level) for e in causes.entries] == [
        ("Cause of concern 1", 3),
        ("Recommendation 1", 4),
    ]
    recommendations = document.section(SectionKind.RECOMMENDATIONS)
    assert recommendations is not None
    assert [e.heading for e in recommendations.entries] == ["Recommendation 4"]
    levels = [entry.level for entry in document.outline()]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_findings_not_for_the_force_are_listed_with_a_reason_but_not_answered(
    settings: OrganisationSettings,
) -> None:
    document = build_response_document(_inspection_with_kinds(), settings, internal=False)
    recommendations = document.section(SectionKind.RECOMMENDATIONS)
    assert recommendations is not None
    (entry,) = recommendations.entries
    assert not entry.applies
    assert "Not applicable to Norfolk Constabulary: it is addressed to the Home Office." in (
        blocks_text(entry.finding)
    )
    for kind in (SectionKind.CHIEF_CONSTABLE_RESPONSE, SectionKind.COMMISSIONER_RESPONSE):
        section = document.section(kind)
        assert section is not None
        assert "Recommendation 4" not in [e.heading for e in section.entries]


def test_missing_responses_are_shown_in_the_internal_copy_and_warned_about(
    peel: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(peel, settings, internal=True)
    assert (
        "Still empty (marked in this copy): Chief Constable response to Area for improvement 1."
        in document.warnings
    )
    cc = document.section(SectionKind.CHIEF_CONSTABLE_RESPONSE)
    assert cc is not None
    assert blocks_text(cc.entries[0].response) == "No response has been recorded."


def test_peel_key_findings_come_from_the_grades(
    peel: Inspection, settings: OrganisationSettings
) -> None:
    document = build_response_document(peel, settings, internal=False)
    key = document.section(SectionKind.KEY_FINDINGS)
    assert key is not None
    text = blocks_text(key.intro)
    assert "Effectiveness: Good" in text
    assert "Question 2: " in text and "Requires improvement" in text
    afis = document.section(SectionKind.AREAS_FOR_IMPROVEMENT)
    assert afis is not None and len(afis.entries) == 3


def test_control_characters_are_removed_with_a_warning(settings: OrganisationSettings) -> None:
    inspection = Inspection(
        title="Bell\x07 and\x00 null", overall=RoleTexts("Tab\tand\x1b escape", "ok")
    )
    document = build_response_document(inspection, settings, internal=False)
    assert document.header_fields[0].value == "Bell and null"
    cc = document.section(SectionKind.CHIEF_CONSTABLE_RESPONSE)
    assert cc is not None and blocks_text(cc.intro) == "Tab\tand escape"
    assert any("U+0007" in w and "inspection title" in w for w in document.warnings)
    assert any("U+001B" in w for w in document.warnings)


def test_anchors_are_unique(settings: OrganisationSettings) -> None:
    inspection = _inspection_with_kinds()
    inspection.findings.append(Finding(FindingKind.AREA_FOR_IMPROVEMENT, "AFI 1", "Again."))
    document = build_response_document(inspection, settings, internal=True)
    anchors = [entry.anchor for entry in document.outline()]
    assert len(anchors) == len(set(anchors))


def test_empty_settings_still_make_a_document() -> None:
    document = build_response_document(Inspection(title="T"), OrganisationSettings(), internal=True)
    assert "response to inspections of the force" in document.title
    assert document.info.author == "Police and Crime Commissioner"
    fields = {f.label: f.value for f in document.header_fields}
    assert fields["Published on"] == "Not recorded"
    assert fields["Link to Report"] == "Not recorded"
    office = document.section(SectionKind.OFFICE_USE)
    assert office is not None and len(office.steps) == len(OrganisationSettings().office_step_names)


def test_writing_a_pdf_does_not_load_the_other_writers() -> None:
    """The command line's PDF export starts fast: no python-docx, no HTML writer."""
    code = (
        "import sys\n"
        "from app.documents import build_response_document, render_pdf\n"
        "assert 'docx' not in sys.modules and 'app.documents.html' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
