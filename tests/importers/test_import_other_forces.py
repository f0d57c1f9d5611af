"""Documents written like other forces' and OPCCs': nothing recognisable is lost or misplaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain.enums import AuthorRole, FindingKind
from app.importers import import_document, import_text

THEMATIC = """Skip to content
Home
Publications
An inspection of how well the police and National Crime Agency tackle the online sexual \
abuse and exploitation of children
Published on: 26 April 2023
Print this document
Summary
Forces are not always making sure that the risk to children is assessed quickly enough.
Recommendations
We made 5 recommendations in this report.
1. By 31 October 2023, chief constables should make sure that referrals are triaged on time.
2. By 31 October 2023, the National Crime Agency should review its process, and:
a. improve the quality of the information it sends to forces; and
b. reduce the time taken to disseminate referrals.
3. Within six months, the Home Office should fund undercover online teams.
4. By 31/03/2025, the NPCC lead for child protection should publish a national strategy.
5. By the end of 2024, forces should make sure that digital devices are examined within 90 days.
Introduction
In this inspection we visited eight forces.
"""


def test_thematic_report_numbered_list_with_lettered_sub_items() -> None:
    imported = import_text(THEMATIC)
    inspection = imported.inspection
    # Breadcrumbs are not the title, and a long title is not run into the date under it.
    assert inspection.title == (
        "An inspection of how well the police and National Crime Agency tackle the online "
        "sexual abuse and exploitation of children"
    )
    assert inspection.published_on == dt.date(2023, 4, 26)
    # "a." and "b." belong to recommendation 2: they are not recommendations 3 and 4, and the
    # real recommendations 3 and 4 are not dropped as duplicates of them.
    assert [(f.reference, f.addressee, f.due_on) for f in inspection.findings] == [
        ("Recommendation 1", "chief constables", dt.date(2023, 10, 31)),
        ("Recommendation 2", "the National Crime Agency", dt.date(2023, 10, 31)),
        ("Recommendation 3", "the Home Office", dt.date(2023, 10, 26)),
        ("Recommendation 4", "the National Police Chiefs’ Council", dt.date(2025, 3, 31)),
        ("Recommendation 5", "forces", dt.date(2024, 12, 31)),
    ]
    assert inspection.findings[1].text == (
        "By 31 October 2023, the National Crime Agency should review its process, and:\n\n"
        "- a. improve the quality of the information it sends to forces; and\n"
        "- b. reduce the time taken to disseminate referrals."
    )
    assert not any("appears twice" in warning for warning in imported.warnings)
    assert inspection.recommendations_note == "We made 5 recommendations in this report."


PEEL_2023_TEXT = """Skip to main content
Home
Publications
PEEL 2023–25: An inspection of Cleveland Police
Published on: 14 March 2024
Causes of concern
The force needs to improve how it responds to calls for service
The force isn't answering emergency calls quickly enough. Victims may not get the help they need.
Recommendations
By 31 July 2024, the force should make sure it attends incidents within its published times.
The force needs to improve how it investigates crime
The force doesn't always carry out effective investigations.
Recommendation
By 30 September 2024, the force should make sure that investigations are supervised.
Areas for improvement
The force should make sure that it records equality data about victims.
"""

PEEL_2023_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>PEEL 2023–25 | HMICFRS</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/p">Publications</a></li></ul></nav>
<main><h1>PEEL 2023–25: An inspection of Cleveland Police</h1>
<p>Published on: 14 March 2024</p>
<h2>Causes of concern</h2>
<h3>The force needs to improve how it responds to calls for service</h3>
<p>The force isn't answering emergency calls quickly enough.</p>
<h4>Recommendations</h4>
<p>Within three months, the force should make sure that:</p>
<ul><li>it answers emergency calls within national standards; and</li>
<li>it assesses risk at first contact.</li></ul>
<h3>The force needs to improve how it investigates crime</h3>
<p>The force doesn't always carry out effective investigations.</p>
<h4>Recommendation</h4>
<p>By 30 September 2024, the force should make sure that investigations are supervised.</p>
<h2>Areas for improvement</h2>
<p>The force should make sure that it records equality data about victims.</p>
</main></body></html>"""


def _structure(findings: list) -> list[tuple[FindingKind, str, str | None]]:  # type: ignore[type-arg]
    return [(f.kind, f.reference, f.parent) for f in findings]


def test_peel_2023_causes_of_concern_under_their_own_headings(tmp_path: Path) -> None:
    page = tmp_path / "cleveland.html"
    page.write_text(PEEL_2023_HTML, encoding="utf-8")
    expected_parents = ["Cause of concern 1", "Cause of concern 1", "Cause of concern 2"]
    for imported in (import_text(PEEL_2023_TEXT), import_document(page)):
        inspection = imported.inspection
        assert inspection.title == "PEEL 2023–25: An inspection of Cleveland Police"
        assert inspection.forces == ["Cleveland Police"]
        causes = inspection.findings_of(FindingKind.CAUSE_OF_CONCERN)
        assert [c.text.split("\n\n")[0] for c in causes] == [
            "The force needs to improve how it responds to calls for service",
            "The force needs to improve how it investigates crime",
        ]
        recommendations = inspection.findings_of(FindingKind.RECOMMENDATION)
        parents = [r.parent for r in recommendations]
        assert parents == expected_parents[-len(parents) :] and len(parents) >= 2
        assert recommendations[-1].due_on == dt.date(2024, 9, 30)
        assert len(inspection.findings_of(FindingKind.AREA_FOR_IMPROVEMENT)) == 1


def test_an_unreadable_causes_of_concern_section_is_named_in_a_warning() -> None:
    text = "Report on Kent Police\n\nPublished on: 1 May 2024\n\nCauses of concern\n\n| a | b |"
    imported = import_text(text)
    assert any("Causes of concern" in warning for warning in imported.warnings)


LETTER = """Office of the Police and Crime Commissioner for Lancashire

12 June 2023

Dear Home Secretary,

Response to HMICFRS report: An inspection of vetting, misconduct, and misogyny in the police service

I welcome this report, published on 2 November 2022.

Commissioner's comments

I am reassured that Lancashire Constabulary has made progress.

Recommendation 1: By 30 April 2023, chief constables should make sure their vetting units \
are adequately resourced.

The force has added four posts to its vetting unit.

Yours sincerely,

Andrew Snowden
"""


def test_letter_with_subject_line_and_findings_quoted_in_the_answers() -> None:
    imported = import_text(LETTER)
    inspection = imported.inspection
    assert imported.kind == "response"
    title = "An inspection of vetting, misconduct, and misogyny in the police service"
    assert inspection.title == title
    assert inspection.published_on == dt.date(2022, 11, 2)
    [finding] = inspection.findings
    assert finding.text.startswith("By 30 April 2023, chief constables should")
    assert (finding.addressee, finding.due_on) == ("chief constables", dt.date(2023, 4, 30))
    assert finding.responses.commissioner == "The force has added four posts to its vetting unit."
    assert any("check it against the report" in warning for warning in imported.warnings)


RESPONSE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>PCC response | Dorset PCC</title></head><body><main>
<h1>PCC response to HMICFRS report: An inspection of race and policing</h1>
<p>Published on: 21 September 2023</p>
<h2>Police and Crime Commissioner's response</h2>
<p>I welcome this report &amp; its focus on <strong>disproportionality</strong>.</p>
<h2>Recommendations and responses</h2>
<table>
<thead><tr><th>Recommendation</th><th>Force response</th><th>Commissioner's comment</th></tr>
</thead>
<tbody>
<tr><td>Recommendation 1: By 31 March 2024, chief constables should publish search data.</td>
<td>Dorset Police publishes this data monthly.</td><td>I will scrutinise this.</td></tr>
<tr><td>Recommendation 4: By 30 June 2024, forces should review use of force recording.</td>
<td>A review is under way &lt;due December&gt;.</td><td>I am satisfied with progress.</td></tr>
</tbody></table>
</main></body></html>"""


def test_response_page_with_a_table_of_findings_and_both_responses(tmp_path: Path) -> None:
    page = tmp_path / "response.html"
    page.write_text(RESPONSE_PAGE, encoding="utf-8")
    imported = import_document(page)
    inspection = imported.inspection
    assert inspection.title == "An inspection of race and policing"
    assert inspection.overall.commissioner == (
        "I welcome this report & its focus on **disproportionality**."
    )
    cc = AuthorRole.CHIEF_CONSTABLE
    assert [
        (f.reference, f.text[:20], f.responses.get(cc), f.responses.commissioner)
        for f in inspection.findings
    ] == [
        ("Recommendation 1", "By 31 March 2024, ch", "Dorset Police publishes this data monthly.",
         "I will scrutinise this."),
        ("Recommendation 4", "By 30 June 2024, for", "A review is under way <due December>.",
         "I am satisfied with progress."),
    ]  # fmt: skip
