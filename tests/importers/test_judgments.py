"""PEEL reports from 2021 on: graded areas from "Our judgments" tables, with their sections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from hypothesis import given
from hypothesis import strategies as st

from app.documents import build_response_document
from app.documents.elements import ListBlock, Paragraph
from app.domain.enums import FindingKind, Grade
from app.domain.model import Finding, GradedQuestion, place_of
from app.domain.organisation import OrganisationSettings
from app.importers import import_document, import_text
from app.importers.blocks import heading, table
from app.importers.judgments import parse_judgments
from app.ui.overview_text import inspection_markdown

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importers"
GRID_PAGE = FIXTURES / "peel-2023-judgments-grid.html"


def _graded(questions: list[GradedQuestion]) -> list[tuple[int, str, str]]:
    return [(q.number, q.question, q.grade) for q in questions]


def test_a_grid_of_grades_gives_each_area_its_grade_section_and_findings() -> None:
    imported = import_document(GRID_PAGE)
    inspection = imported.inspection
    assert inspection.published_on == dt.date(2024, 3, 6)
    assert _graded(inspection.questions) == [
        (1, "Preventing crime", "Good"),
        (2, "Responding to the public", "Adequate"),
        (3, "Investigating crime", "Requires improvement"),
        (4, "Protecting vulnerable people", "Inadequate"),
        (5, "Leadership and force management", "Outstanding"),
    ]
    investigating = inspection.questions[2]
    # The section's prose and sub-headings, without the grade line or the finding it lists.
    assert investigating.text == (
        "Dorset Police requires improvement at investigating crime.\n\n"
        "### Supervision of investigations\n\n"
        "Supervisors did not always review investigations at the right time."
    )
    # A heading that names the area and its grade ("Protecting vulnerable people – Inadequate").
    assert inspection.questions[3].text == (
        "Dorset Police is inadequate at protecting vulnerable people."
    )
    findings = [(f.kind, f.reference, f.question) for f in inspection.findings]
    assert findings == [
        (FindingKind.AREA_FOR_IMPROVEMENT, "Area for improvement 1", 3),
        (FindingKind.AREA_FOR_IMPROVEMENT, "Area for improvement 2", 4),
    ]
    assert not [w for w in imported.warnings if "judgments" in w]


def test_rows_pairing_areas_with_grades_in_a_word_file(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("PEEL 2023–25: An inspection of Cumbria Constabulary", 1)
    document.add_paragraph("Published on: 2 October 2024")
    document.add_heading("Our judgments", 2)
    table = document.add_table(rows=0, cols=2)
    for area, grade in [
        ("Area of policing", "Grade"),
        ("Good", "Responding to the public"),  # either order
        ("Investigating crime", "Adequate"),
        ("Managing offenders and suspects", "Requires improvement"),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = area, grade
    document.add_heading("Investigating crime", 2)
    document.add_paragraph("Adequate")
    document.add_paragraph("The force is adequate at investigating crime.")
    document.add_heading("Area for improvement 1", 3)
    document.add_paragraph("The force should improve the quality of its investigation plans.")
    document.add_heading("Managing offenders and suspects", 2)
    document.add_paragraph("The force manages registered sex offenders well.")
    path = tmp_path / "cumbria.docx"
    document.save(str(path))

    inspection = import_document(path).inspection
    assert _graded(inspection.questions) == [
        (1, "Responding to the public", "Good"),
        (2, "Investigating crime", "Adequate"),
        (3, "Managing offenders and suspects", "Requires improvement"),
    ]
    assert inspection.questions[1].text == "The force is adequate at investigating crime."
    assert inspection.questions[2].text == "The force manages registered sex offenders well."
    assert [(f.reference, f.question) for f in inspection.findings] == [
        ("Area for improvement 1", 2)
    ]


def test_judgments_lost_in_a_text_save_are_reported_not_guessed() -> None:
    text = (
        "PEEL 2023–25: An inspection of Dorset Police\n\n"
        "Published on: 6 March 2024\n\n"
        "Our judgments\n\n"
        "Outstanding Good Adequate Requires improvement Inadequate\n\n"
        "Preventing crime Responding to the public Investigating crime\n\n"
        "Area for improvement 1\n\n"
        "The force should make sure investigations are allocated to the right officers.\n"
    )
    imported = import_text(text)
    assert imported.inspection.questions == []
    assert any("“Our judgments”" in warning for warning in imported.warnings)
    assert [f.reference for f in imported.inspection.findings] == ["Area for improvement 1"]


def test_a_table_without_grades_is_not_taken_for_judgments(tmp_path: Path) -> None:
    page = tmp_path / "thematic.html"
    page.write_text(
        "<html><body><main><h1>An inspection of how forces handle stalking</h1>"
        "<p>Published on: 1 May 2024</p>"
        "<table><tr><th>Force</th><th>Cases</th></tr><tr><td>Kent Police</td><td>12</td></tr>"
        "<tr><td>Essex Police</td><td>Good</td></tr></table>"
        "<h2>Recommendation 1</h2><p>By 1 November 2024, chief constables should review"
        " stalking cases.</p></main></body></html>",
        encoding="utf-8",
    )
    imported = import_document(page)
    assert imported.inspection.questions == []
    assert not [w for w in imported.warnings if "judgments" in w]


def test_areas_are_shown_by_name_in_the_overview_and_the_response() -> None:
    inspection = import_document(GRID_PAGE).inspection
    overview = inspection_markdown(inspection)
    assert overview.count("## Graded areas") == 1
    assert "### Investigating crime" in overview
    assert "Question 3" not in overview
    assert "*Graded area: Investigating crime*" in overview  # where Area for improvement 1 is

    document = build_response_document(
        inspection, OrganisationSettings(force_name="Dorset Police"), internal=False
    )
    key_findings = next(s for s in document.sections if s.heading == "Key Findings")
    words = [
        "".join(span.text for span in block.spans)
        for block in key_findings.intro
        if isinstance(block, Paragraph)
    ]
    assert "The inspectorate graded each area as follows:" in words
    (grades,) = [block for block in key_findings.intro if isinstance(block, ListBlock)]
    first = grades.items[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert "".join(span.text for span in first.spans) == "Preventing crime: Good"


def test_a_question_and_an_area_are_told_apart_by_their_wording() -> None:
    question = GradedQuestion("Effectiveness", 2, "How effective is the force at investigating?")
    area = GradedQuestion("", 3, "Investigating crime", "Adequate")
    assert (question.is_area, question.label) == (
        False, "Question 2: How effective is the force at investigating?",
    )  # fmt: skip
    assert (area.is_area, area.label) == (True, "Investigating crime")
    finding = Finding(FindingKind.AREA_FOR_IMPROVEMENT, "AFI 1", question=3)
    assert place_of(finding, [question, area]) == "Investigating crime"
    assert place_of(Finding(FindingKind.AREA_FOR_IMPROVEMENT, "AFI 2", question=2), [question]) == (
        "question 2"
    )


cells = st.one_of(
    st.sampled_from([g.value for g in Grade] + ["", "Area", "Grade", "good ", "Our judgments"]),
    st.text(max_size=40),
)
tables = st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=8)


@given(st.lists(tables, max_size=3), st.lists(st.text(max_size=30), max_size=6))
def test_any_tables_give_distinct_areas_with_real_grades(
    found_tables: list[list[list[str]]], headings: list[str]
) -> None:
    blocks = [table(rows) for rows in found_tables] + [heading(text, 2) for text in headings]
    judged = parse_judgments(blocks)
    names = [area.question.casefold() for area in judged.areas]
    assert len(names) == len(set(names))
    assert all(Grade.parse(area.grade) is not None for area in judged.areas)
    assert [area.number for area in judged.areas] == list(range(1, len(names) + 1))
