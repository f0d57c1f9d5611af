"""Printing: the pages chosen in the dialog, each drawn at 300 dpi, on a PDF-format QPrinter."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from app.db.database import Database
from app.documents import render_pdf
from app.domain.errors import DocumentError
from app.services import reading
from app.services.publishing import response_document
from app.services.samples import load_samples
from app.ui.document import printing

A4_WIDTH_AT_300_DPI = round(210 / 25.4 * 300)  # 2480 pixels


@pytest.fixture(scope="module")
def spotlight_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The spotlight sample's internal copy (made once: laying it out takes a moment)."""
    db = Database.open(tmp_path_factory.mktemp("printing") / "responses.sqlite3")
    try:
        load_samples(db)
        (spotlight,) = [s.id for s in reading.list_inspections(db) if "grip" in s.title]
        document = response_document(db, spotlight, internal=True)
        return render_pdf(document).data
    finally:
        db.close()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def page_images(page: Any) -> list[tuple[int, int]]:
    objects = page["/Resources"]["/XObject"]
    return [
        (int(image["/Width"]), int(image["/Height"]))
        for image in (objects[name].get_object() for name in objects)
        if image["/Subtype"] == "/Image"
    ]


def test_every_page_is_printed_as_a_300_dpi_picture(spotlight_pdf: bytes, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    count = len(PdfReader(io.BytesIO(spotlight_pdf)).pages)
    pages = printing.pages_to_print(printer, count, current_page=0)
    assert pages == list(range(count))

    assert printing.print_pdf(spotlight_pdf, printer, pages) == count

    printed = PdfReader(out)
    assert len(printed.pages) == count
    for page in printed.pages:
        ((width, height),) = page_images(page)
        assert abs(width - A4_WIDTH_AT_300_DPI) <= 2  # the printer itself runs at 1200 dpi
        assert abs(height / width - 297 / 210) < 0.01  # the page is not stretched


def test_only_the_range_chosen_is_printed(spotlight_pdf: bytes, tmp_path: Path) -> None:
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)

    pages = printing.pages_to_print(printer, 8, current_page=0)
    assert pages == [1, 2]
    printing.print_pdf(spotlight_pdf, printer, pages)
    assert len(PdfReader(out).pages) == 2


def test_current_page_order_and_copies(tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "unused.pdf")
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert printing.pages_to_print(printer, 8, current_page=5) == [5]

    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert printing.pages_to_print(printer, 3, current_page=0) == [2, 1, 0]

    # A PDF file cannot make copies itself, so the pages are sent once per copy.
    printer.setPageOrder(QPrinter.PageOrder.FirstPageFirst)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert printing.pages_to_print(printer, 3, current_page=0) == [0, 1, 2, 0, 1, 2]
    printer.setCollateCopies(False)
    assert printing.pages_to_print(printer, 3, current_page=0) == [0, 0, 1, 1, 2, 2]


def test_a_range_past_the_end_prints_nothing(tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "unused.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(9, 12)
    assert printing.pages_to_print(printer, 8, current_page=0) == []


def test_a_printer_that_cannot_start_is_a_plain_error(spotlight_pdf: bytes, tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "no such folder" / "printed.pdf")
    with pytest.raises(DocumentError, match="could not be printed") as raised:
        printing.print_pdf(spotlight_pdf, printer, [0])
    assert "no such folder" in raised.value.message


def test_a_damaged_pdf_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="could not read the PDF"):
        printing.print_pdf(b"%PDF-1.4 not really", pdf_printer(tmp_path / "x.pdf"), [0])
