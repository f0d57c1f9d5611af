"""PDF structure: headings from bold fonts (named so, or only described so) and tables from the
text's columns, so a PEEL report's "Our judgments" grades and a response's table of
recommendations are read from a PDF as from the same document's web page or Word file.

The PDFs are made here with reportlab in the layouts the inspectorate and the offices use: a
grid of grades over the areas graded (cells set at the foot of their row, or at the top with
several areas to a cell), rows of an area and its grade, a table of recommendation, force
response and Commissioner's comment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject

from app.domain.enums import AuthorRole
from app.importers import import_document
from app.importers.blocks import BlockKind
from app.importers.read_pdf import read_pdf

GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]


def _styles() -> Any:
    from reportlab.lib.styles import getSampleStyleSheet

    return getSampleStyleSheet()


def _build(path: Path, story: list[Any]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _peel_story(judgments: Any) -> list[Any]:
    from reportlab.platypus import Paragraph

    styles = _styles()
    body = styles["BodyText"]
    return [
        Paragraph("PEEL 2023–25: An inspection of Kent Police", styles["Title"]),
        Paragraph("Our judgments", styles["Heading2"]),
        Paragraph(
            "Our inspection assessed how good Kent Police is in nine areas of policing. We make "
            "graded judgments in eight of these nine as follows:",
            body,
        ),
        judgments,
        Paragraph(
            "We also inspected how effective the force is at protecting vulnerable people. "
            "This isn’t graded.",
            body,
        ),
        Paragraph("Preventing crime", styles["Heading2"]),
        Paragraph("Good", body),
        Paragraph("The force works well with partners to prevent crime.", body),
        Paragraph("Investigating crime", styles["Heading2"]),
        Paragraph("Requires improvement", body),
        Paragraph("The force doesn’t always carry out thorough investigations.", body),
    ]


def _cell(text: str) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(text, _styles()["BodyText"])


EXPECTED = [
    ("Preventing crime", "Good"),
    ("Responding to the public", "Adequate"),
    ("Investigating crime", "Requires improvement"),
    ("Police powers and public treatment", "Good"),
    ("Managing offenders and suspects", "Adequate"),
    ("Leadership and force management", "Requires improvement"),
]


def _graded(path: Path) -> list[tuple[str, str]]:
    imported = import_document(path)
    assert imported.kind == "report"
    return sorted((q.question, q.grade) for q in imported.inspection.questions)


def test_judgments_grid_with_cells_at_the_foot_of_their_rows(tmp_path: Path) -> None:
    """reportlab's default: a cell's text at the foot of its row, so a wrapped grade
    ("Requires / improvement") starts above the others and a short area below a long one."""
    from reportlab.platypus import Table

    rows = [
        [_cell(f"<b>{grade}</b>") for grade in GRADES],
        ["", _cell("Preventing crime"), _cell("Responding to the public"),
         _cell("Investigating crime"), ""],
        ["", _cell("Police powers and public treatment"),
         _cell("Managing offenders and suspects"), _cell("Leadership and force management"), ""],
    ]  # fmt: skip
    path = _build(tmp_path / "peel.pdf", _peel_story(Table(rows, colWidths=[90] * 5)))
    assert _graded(path) == sorted(EXPECTED)
    imported = import_document(path)
    assert any(
        "On page 1, lines set in columns were read as a table of 3 rows and 5 columns" in warning
        for warning in imported.warnings
    )
    inspection = imported.inspection
    preventing = next(q for q in inspection.questions if q.question == "Preventing crime")
    assert preventing.text.startswith("The force works well with partners")


def test_judgments_grid_with_several_areas_in_one_cell(tmp_path: Path) -> None:
    """The inspectorate's own layout: one row under the grades, each grade's areas listed one
    under another in its cell, set at the top."""
    from reportlab.platypus import Table, TableStyle

    def listed(*areas: str) -> list[Any]:
        return [_cell(area) for area in areas]

    rows = [
        [_cell(f"<b>{grade}</b>") for grade in GRADES],
        [
            "",
            listed("Preventing crime", "Police powers and public treatment"),
            listed("Responding to the public", "Managing offenders and suspects"),
            listed("Investigating crime", "Leadership and force management"),
            "",
        ],
    ]
    judgments = Table(rows, colWidths=[90] * 5)
    judgments.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    path = _build(tmp_path / "peel.pdf", _peel_story(judgments))
    assert _graded(path) == sorted(EXPECTED)


def test_judgments_as_rows_of_an_area_and_its_grade(tmp_path: Path) -> None:
    from reportlab.platypus import Table

    rows = [[_cell(area), _cell(grade)] for area, grade in EXPECTED]
    path = _build(tmp_path / "peel.pdf", _peel_story(Table(rows, colWidths=[250, 150])))
    assert _graded(path) == sorted(EXPECTED)


def test_bullets_and_numbered_paragraphs_are_not_tables(tmp_path: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    body = _styles()["BodyText"]
    bullet = ParagraphStyle("Bullet", parent=body, leftIndent=30, bulletIndent=6)
    story = [
        Paragraph("Recommendations", _styles()["Heading2"]),
        Paragraph("By 31 March 2025, all forces should:", body),
        Paragraph("review their use of force data;", bullet, bulletText="•"),
        Paragraph("publish it each quarter; and", bullet, bulletText="•"),
        Paragraph("train their officers in recording it.", bullet, bulletText="1."),
    ]
    document = read_pdf(_build(tmp_path / "list.pdf", story).read_bytes(), "list.pdf")
    assert not any(block.kind is BlockKind.TABLE for block in document.blocks)
    assert [block.plain for block in document.blocks if block.kind is BlockKind.LIST_ITEM][:2] == [
        "review their use of force data;",
        "publish it each quarter; and",
    ]


def test_response_in_a_table_of_recommendation_force_response_and_comment(
    tmp_path: Path,
) -> None:
    """A response set out as a table (recommendation, the force's response, the Commissioner's
    comment) is read as the same table in a Word file is."""
    from reportlab.platypus import Paragraph, Table

    styles = _styles()
    rows = [
        [_cell("<b>Recommendation</b>"), _cell("<b>Force response</b>"),
         _cell("<b>Commissioner’s comment</b>")],
        [_cell("Recommendation 1: By 31 March 2025, the force should improve how it records "
               "antisocial behaviour."),
         _cell("The force accepts this and has a new recording standard."),
         _cell("I will review progress at my performance board.")],
        [_cell("Recommendation 2: By 31 March 2025, the force should train its staff."),
         _cell("Training starts in January."),
         _cell("I welcome the training plan.")],
    ]  # fmt: skip
    story = [
        Paragraph(
            "Response to HMICFRS report: The policing response to antisocial behaviour",
            styles["Title"],
        ),
        Paragraph(
            "I welcome this report and asked the Chief Constable to respond.", styles["BodyText"]
        ),
        Table(rows, colWidths=[160, 150, 150]),
    ]
    imported = import_document(_build(tmp_path / "response.pdf", story))
    inspection = imported.inspection
    assert imported.kind == "response"
    assert [finding.reference for finding in inspection.findings] == [
        "Recommendation 1",
        "Recommendation 2",
    ]
    first = inspection.findings[0]
    assert first.text.startswith("By 31 March 2025, the force should improve")
    assert first.responses.get(AuthorRole.CHIEF_CONSTABLE) == (
        "The force accepts this and has a new recording standard."
    )
    assert first.responses.get(AuthorRole.COMMISSIONER) == (
        "I will review progress at my performance board."
    )


def _described_bold(source: Path, target: Path, *, weight: bool) -> Path:
    """``source`` with its bold font renamed so that its name no longer says so ("/TT2"), its
    weight given only by a font descriptor (/FontWeight 700, or the force-bold flag)."""
    reader = PdfReader(str(source))
    writer = PdfWriter()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts = resources["/Font"]
        for reference in fonts.values():
            font = reference.get_object()
            if str(font.get("/BaseFont")) == "/Helvetica-Bold":
                font[NameObject("/BaseFont")] = NameObject("/TT2")
                descriptor = DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/FontDescriptor"),
                        NameObject("/FontName"): NameObject("/TT2"),
                        NameObject("/Flags"): NumberObject(32 if weight else 32 | 1 << 18),
                    }
                )
                if weight:
                    descriptor[NameObject("/FontWeight")] = NumberObject(700)
                font[NameObject("/FontDescriptor")] = writer._add_object(descriptor)
        writer.add_page(page)
    with target.open("wb") as handle:
        writer.write(handle)
    return target


@pytest.mark.parametrize("weight", [True, False], ids=["font-weight", "force-bold"])
def test_bold_headings_from_a_font_whose_name_does_not_say_bold(
    tmp_path: Path, weight: bool
) -> None:
    from reportlab.platypus import Paragraph

    body = _styles()["BodyText"]
    story = [
        Paragraph("<b>Response to HMICFRS report: An inspection of race and policing</b>", body),
        Paragraph("<b>Chief Constable’s response</b>", body),
        Paragraph("The force accepts the recommendations and has a plan to meet them.", body),
        Paragraph("<b>Police and Crime Commissioner’s response</b>", body),
        Paragraph("I will hold the Chief Constable to account for the plan.", body),
    ]
    plain = _build(tmp_path / "plain.pdf", story)
    path = _described_bold(plain, tmp_path / "described.pdf", weight=weight)
    assert "Bold" not in path.read_bytes().decode("latin-1")
    inspection = import_document(path).inspection
    assert inspection.title == "An inspection of race and policing"
    assert inspection.overall.chief_constable == (
        "The force accepts the recommendations and has a plan to meet them."
    )
    assert inspection.overall.commissioner == (
        "I will hold the Chief Constable to account for the plan."
    )


def test_bold_drawn_filled_and_outlined_is_bold(tmp_path: Path) -> None:
    """Word draws bold for a font with no bold face by filling and outlining the letters
    (text render mode 2): such lines are headings as a bold font's would be."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "stroked.pdf"
    canvas = Canvas(str(path))
    lines = [
        (True, "Response to HMICFRS report: An inspection of race and policing"),
        (True, "Chief Constable’s response"),
        (False, "The force accepts the recommendations and has a plan to meet them."),
        (True, "Police and Crime Commissioner’s response"),
        (False, "I will hold the Chief Constable to account for the plan."),
    ]
    y = 780
    for stroked, words in lines:
        canvas.saveState()  # the render mode is graphics state: Q puts it back
        text = canvas.beginText(72, y)
        text.setFont("Helvetica", 11)
        if stroked:
            text.setTextRenderMode(2)
        text.textLine(words)
        canvas.drawText(text)
        canvas.restoreState()
        y -= 30
    canvas.save()
    inspection = import_document(path).inspection
    assert inspection.title == "An inspection of race and policing"
    assert inspection.overall.chief_constable == (
        "The force accepts the recommendations and has a plan to meet them."
    )
    assert inspection.overall.commissioner == (
        "I will hold the Chief Constable to account for the plan."
    )


def test_bold_words_inside_a_paragraph_are_marked_as_from_a_web_page(tmp_path: Path) -> None:
    from reportlab.platypus import Paragraph

    from app.importers.read_html import read_html

    words = "<b>Recommendation 1</b> By 31 March 2025, forces should <b>review</b> the data."
    pdf = _build(tmp_path / "inline.pdf", [Paragraph(words, _styles()["BodyText"])])
    page = f"<html><body><p>{words.replace('b>', 'strong>')}</p></body></html>"
    (from_pdf,) = read_pdf(pdf.read_bytes(), "inline.pdf").blocks
    (from_html,) = read_html(page, "inline.html").blocks
    assert from_pdf.text == from_html.text == (
        "**Recommendation 1** By 31 March 2025, forces should **review** the data."
    )


def test_headings_set_in_a_typeface_of_their_own(tmp_path: Path) -> None:
    """A response whose Word style sets headings in another face at the body size (not in
    bold): the face kept for short lines marks the headings, and the warning names it."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    body = ParagraphStyle("Body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    head = ParagraphStyle("Head", parent=body, fontName="Times-Roman")
    story = [
        Paragraph("Response to HMICFRS report: An inspection of race and policing", head),
        Paragraph("Chief Constable’s response", head),
        Paragraph("The force accepts the recommendations and has a plan to meet them.", body),
        Paragraph("Police and Crime Commissioner’s response", head),
        Paragraph("I will hold the Chief Constable to account for the plan.", body),
        Paragraph(
            "The plan will come to my performance board each quarter, and I will publish my "
            "assessment of it on my website so that the public can see the progress made.",
            body,
        ),
    ]
    imported = import_document(_build(tmp_path / "faces.pdf", story))
    inspection = imported.inspection
    assert inspection.title == "An inspection of race and policing"
    assert inspection.overall.chief_constable == (
        "The force accepts the recommendations and has a plan to meet them."
    )
    assert inspection.overall.commissioner.startswith(
        "I will hold the Chief Constable to account for the plan."
    )
    assert any("typeface “Times-Roman”" in warning for warning in imported.warnings)


def test_a_short_line_just_above_a_table_is_not_its_first_row(tmp_path: Path) -> None:
    from reportlab.platypus import Paragraph, Table

    body = _styles()["BodyText"]
    rows = [[_cell(f"<b>{grade}</b>") for grade in GRADES]]
    rows.append(["", _cell("Preventing crime"), _cell("Investigating crime"), "", ""])
    story = [
        Paragraph("We make graded judgments in these areas", body),
        Paragraph("as follows:", body),
        Table(rows, colWidths=[90] * 5),
    ]
    document = read_pdf(_build(tmp_path / "grid.pdf", story).read_bytes(), "grid.pdf")
    (grid,) = [block for block in document.blocks if block.kind is BlockKind.TABLE]
    assert grid.rows[0] == tuple(GRADES)
