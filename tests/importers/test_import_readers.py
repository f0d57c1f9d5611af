"""Readers and the plain-sentence errors of import_document."""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph

from app.domain.enums import FindingKind
from app.importers import ImportFailure, import_document
from app.importers.addressee import find_addressee
from app.importers.blocks import BlockKind
from app.importers.dates import parse_date
from app.importers.lines import join_lines
from app.importers.read_html import read_html
from app.importers.read_pdf import read_pdf
from app.importers.read_text import read_text
from app.importers.references import parse_reference
from tests.importers.seed_formats import story_to_pdf

# --- errors -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match=r"^nowhere\.pdf does not exist\.$"):
        import_document(tmp_path / "nowhere.pdf")


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx", ".html"])
def test_empty_file(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"  \n")
    with pytest.raises(ImportFailure, match="is empty"):
        import_document(path)


def test_unsupported_and_old_word(tmp_path: Path) -> None:
    for name, expected in [("notes.odt", "not a supported type"), ("old.doc", "old-format Word")]:
        path = tmp_path / name
        path.write_bytes(b"data")
        with pytest.raises(ImportFailure, match=expected):
            import_document(path)


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ImportFailure, match="is a folder"):
        import_document(folder)


def test_binary_posing_as_text(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(ImportFailure, match="not a text file"):
        import_document(path)


def _pdf(paragraphs: list[object]) -> bytes:
    return story_to_pdf(paragraphs)


def test_encrypted_pdf(tmp_path: Path) -> None:
    style = getSampleStyleSheet()["Normal"]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf([Paragraph("Secret.", style)]))))
    writer.encrypt("a password", algorithm="AES-256")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(ImportFailure, match="protected by a password"):
        import_document(path)


def test_pdf_with_owner_password_only_opens(tmp_path: Path) -> None:
    style = getSampleStyleSheet()["Normal"]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf([Paragraph("Open to read.", style)]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "permissions.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    assert "Open to read." in import_document(path).inspection.report_text


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ngarbage")
    with pytest.raises(ImportFailure, match=r"damaged|no text"):
        import_document(path)


def test_pdf_without_text(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 200, 200, fill=1)
    page.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFailure, match="scanned image"):
        import_document(path)


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("This is plain text.", encoding="utf-8")
    with pytest.raises(ImportFailure, match=r"not a Word document"):
        import_document(path)


# --- PDF layout ---------------------------------------------------------------------------------


def test_pdf_running_header_and_page_numbers_are_dropped() -> None:
    styles = getSampleStyleSheet()
    styles["Normal"].spaceAfter = 6
    long = "The force has a plan to improve how it supervises investigations " * 6
    story: list[object] = [Paragraph("Report title", styles["Title"])]
    story += [Paragraph(f"Paragraph {n}. {long}", styles["Normal"]) for n in range(14)]
    story += [Paragraph("The last paragraph " + "goes on " * 30 + "and ends.", styles["Normal"])]
    story += [PageBreak(), Paragraph("2", styles["Normal"])]
    story += [Paragraph("How effective is the force?", styles["Normal"])]
    story += [Paragraph("Good", styles["Normal"])]
    document = read_pdf(_pdf(story), "x.pdf")
    texts = [block.text for block in document.blocks]
    assert not any("OFFICIAL" in text for text in texts)  # running header on every page
    assert texts[0] == "Report title" and document.blocks[0].kind is BlockKind.HEADING
    assert "2" in texts  # a question number is not a page number
    assert all(not text.isdigit() or text == "2" for text in texts)


def test_pdf_paragraph_across_pages_is_joined() -> None:
    style = ParagraphStyle("Spaced", parent=getSampleStyleSheet()["Normal"], spaceAfter=6)
    filler = [Paragraph("Filler sentence number one of many. " * 8, style) for _ in range(11)]
    words = " ".join(f"word{number}" for number in range(220))
    split = Paragraph(f"{words} until the end.", style)
    document = read_pdf(_pdf([*filler, split]), "x.pdf")
    assert document.blocks[-1].text == f"{words} until the end."


def test_join_lines_undoes_hyphenation() -> None:
    assert join_lines("the organis-", "ation is") == "the organisation is"
    assert join_lines("anti-", "social behaviour") == "anti-social behaviour"
    assert join_lines("by 2024 -", "Forces") == "by 2024 - Forces"


# --- text and HTML ------------------------------------------------------------------------------


def test_text_bullets_levels_and_joined_lines() -> None:
    text = (
        "Areas for improvement\n\n"
        "  • First item that is long enough to wrap\n"
        "    onto a second line\n"
        "      ◦ a sub-point\n"
        "  • Second item\n\n"
        "A paragraph broken\nin the middle, and\nNorfolk is a name.\n"
        "Last updated 02/05/2019\nGood"
    )
    blocks = read_text(text).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, 0, "Areas for improvement"),
        (BlockKind.LIST_ITEM, 1, "First item that is long enough to wrap onto a second line"),
        (BlockKind.LIST_ITEM, 2, "a sub-point"),
        (BlockKind.LIST_ITEM, 1, "Second item"),
        (BlockKind.PARAGRAPH, 0, "A paragraph broken in the middle, and Norfolk is a name."),
        (BlockKind.PARAGRAPH, 0, "Last updated 02/05/2019"),
        (BlockKind.PARAGRAPH, 0, "Good"),
    ]


def test_html_structure_and_chrome() -> None:
    page = (
        "<html><body><div class='cookie-banner'>Accept cookies</div><nav>Menu</nav>"
        "<h2>Heading <em>two</em></h2><p>Text with <strong>bold</strong> and "
        "<a href='https://example.org/r'>a link</a>.</p><ol><li>One<ol><li>Inner</li></ol></li>"
        "<li>Two</li></ol><table><tr><th>Step</th><th>Date</th></tr><tr><td>Sent</td>"
        "<td>1/2/2023</td></tr></table><p hidden>Hidden</p><script>alert(1)</script></body></html>"
    )
    blocks = read_html(page, "x.html").blocks
    assert [(b.kind, b.text) for b in blocks[:5]] == [
        (BlockKind.HEADING, "Heading two"),
        (BlockKind.PARAGRAPH, "Text with **bold** and [a link](https://example.org/r)."),
        (BlockKind.LIST_ITEM, "One"),
        (BlockKind.LIST_ITEM, "Inner"),
        (BlockKind.LIST_ITEM, "Two"),
    ]
    assert [b.level for b in blocks[2:5]] == [1, 2, 1]
    assert blocks[5].rows == (("Step", "Date"), ("Sent", "1/2/2023"))
    assert len(blocks) == 6


def test_docx_numbering_headings_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Recommendations", level=1)
    document.add_paragraph("By March 2025, chief constables should act.", style="List Number")
    document.add_paragraph("The Home Office should act.", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Step", "Done"
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    inspection = import_document(path).inspection
    assert [(f.kind, f.reference, f.applies) for f in inspection.findings] == [
        (FindingKind.RECOMMENDATION, "Recommendation 1", True),
        (FindingKind.RECOMMENDATION, "Recommendation 2", False),
    ]


# --- small parsers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02/05/2019", dt.date(2019, 5, 2)),
        ("7 July 2023", dt.date(2023, 7, 7)),
        ("7th Sept 2023", dt.date(2023, 9, 7)),
        ("July 7, 2023", dt.date(2023, 7, 7)),
        ("2023-07-07", dt.date(2023, 7, 7)),
        ("31/02/2023", None),
    ],
)
def test_dates_are_day_first(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_references() -> None:
    afi = parse_reference("AFI 1")
    assert afi is not None and afi.kind is FindingKind.AREA_FOR_IMPROVEMENT and afi.number == 1
    assert parse_reference("Recommendation 2 was accepted.") is not None
    assert parse_reference("Recommendations") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By January 2024, forces should review", ("forces", True)),
        ("By 2024, chief constables should review their force's plans", ("chief constables", True)),
        ("The Home Office should work with the NPCC", ("the Home Office", False)),
        ("PCCs should hold forces to account", ("police and crime commissioners", True)),
        (
            "The College of Policing and the NPCC should",
            ("the College of Policing and the National Police Chiefs’ Council", False),
        ),
        ("Nobody is named here.", None),
    ],
)
def test_addressee(text: str, expected: tuple[str, bool] | None) -> None:
    assert find_addressee(text) == expected


def test_folder_without_a_document_suffix(tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="is a folder, not a file"):
        import_document(tmp_path)


@pytest.mark.parametrize(
    ("style", "numbers", "markers"),
    [
        ("a", [1, 2, 26, 27, 53], ["a", "b", "z", "aa", "ba"]),
        ("A", [3], ["C"]),
        ("i", [1, 4, 9, 14, 40], ["i", "iv", "ix", "xiv", "xl"]),
        ("I", [1994], ["MCMXCIV"]),
        ("", [1], [""]),
    ],
)
def test_list_markers_as_a_browser_or_word_shows_them(
    style: str, numbers: list[int], markers: list[str]
) -> None:
    from app.importers.blocks import list_marker

    assert [list_marker(style, number) for number in numbers] == markers


LETTERED_HTML = """<main><h1>An inspection of custody</h1><p>Published on: 1 May 2024</p>
<h2>Recommendation 1</h2>
<p>By 1 November 2024, chief constables should make sure that:</p>
<ol type="a"><li>detainees are offered a solicitor; and</li>
<li>every detention is reviewed:<ol style="list-style-type: lower-roman">
<li>on time; and</li><li>in person.</li></ol></li></ol>
</main>"""

LETTERED_TEXT = (
    "By 1 November 2024, chief constables should make sure that:\n\n"
    "- a. detainees are offered a solicitor; and\n"
    "- b. every detention is reviewed:\n"
    "  - i. on time; and\n"
    "  - ii. in person."
)


def test_a_lettered_list_in_a_web_page_keeps_its_letters(tmp_path: Path) -> None:
    page = tmp_path / "custody.html"
    page.write_text(LETTERED_HTML, encoding="utf-8")
    (finding,) = import_document(page).inspection.findings
    assert finding.text == LETTERED_TEXT


def test_a_lettered_list_in_a_word_file_keeps_its_letters(tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("An inspection of custody", 1)
    document.add_paragraph("Published on: 1 May 2024")
    document.add_heading("Recommendation 1", 2)
    document.add_paragraph("By 1 November 2024, chief constables should make sure that:")
    items = [
        (0, "detainees are offered a solicitor; and"),
        (0, "every detention is reviewed:"),
        (1, "on time; and"),
        (1, "in person."),
    ]
    for level, text in items:
        paragraph = document.add_paragraph(text, style="List Number" if level == 0 else None)
        number = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        number.get_or_add_ilvl().val = level
        number.get_or_add_numId().val = 1
    # Show numbering 1's first level as letters and its second as roman numerals.
    numbering = document.part.numbering_part.element
    (num,) = [n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == "1"]
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstracts = numbering.iter(qn("w:abstractNum"))
    (abstract,) = [a for a in abstracts if a.get(qn("w:abstractNumId")) == abstract_id]
    first = abstract.find(qn("w:lvl"))
    second = copy.deepcopy(first)
    second.set(qn("w:ilvl"), "1")
    first.addnext(second)
    first.find(qn("w:numFmt")).set(qn("w:val"), "lowerLetter")
    second.find(qn("w:numFmt")).set(qn("w:val"), "lowerRoman")
    path = tmp_path / "custody.docx"
    document.save(str(path))
    (finding,) = import_document(path).inspection.findings
    assert finding.text == LETTERED_TEXT


def test_pdf_bold_lines_at_body_size_are_headings(tmp_path: Path) -> None:
    """A Word response saved as PDF marks its headings by bold, not size: they are found as
    the same response's HTML headings are, and its sections go to their authors."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story = [
        Paragraph("<b>Response to HMICFRS report: An inspection of race and policing</b>", body),
        Paragraph("<b>Chief Constable’s response</b>", body),
        Paragraph("The force accepts the recommendations and has a plan to meet them.", body),
        Paragraph("<b>Police and Crime Commissioner’s response</b>", body),
        Paragraph("I will hold the Chief Constable to account for the plan.", body),
    ]
    path = tmp_path / "bold.pdf"
    SimpleDocTemplate(str(path)).build(story)
    imported = import_document(path)
    inspection = imported.inspection
    assert inspection.title == "An inspection of race and policing"
    assert inspection.overall.chief_constable == (
        "The force accepts the recommendations and has a plan to meet them."
    )
    assert inspection.overall.commissioner == (
        "I will hold the Chief Constable to account for the plan."
    )
