"""Printing a PDF: the print dialog, the pages it chose, and each page drawn as a ~300 dpi image.

The PDF is drawn as pictures (rendered by QtPdf) rather than sent as PDF, because that is what
every printer driver accepts; 300 dpi is as sharp as office printers print text.

:func:`print_pdf` touches no widget, so it may run on a worker thread (``app.ui.tasks``):
painting on a ``QPrinter`` outside the GUI thread is supported by Qt, and it loads its own
``QPdfDocument`` so that the preview can carry on meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.errors import DocumentError

PRINT_DPI = 300
PrintRange = QPrinter.PrintRange


def choose_printer(parent: QWidget | None, *, title: str, page_count: int) -> QPrinter | None:
    """Ask with the system's print dialog; the printer to use, or None when cancelled.

    The dialog offers all pages, a range, or the current page (see :func:`pages_to_print`).
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the response")
    options = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(
        options.PrintPageRange | options.PrintCurrentPage | options.PrintCollateCopies
        | options.PrintToFile | options.PrintShowPageSize
    )  # fmt: skip
    dialog.setMinMax(1, max(page_count, 1))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def pages_to_print(printer: QPrinter, page_count: int, current_page: int) -> list[int]:
    """The 0-based pages to print, in order, as chosen in the dialog (range, order, copies)."""
    chosen = printer.printRange()
    if chosen is PrintRange.CurrentPage:
        pages = [current_page] if 0 <= current_page < page_count else []
    elif chosen is PrintRange.PageRange and not printer.pageRanges().isEmpty():
        ranges = printer.pageRanges()
        pages = [page for page in range(page_count) if ranges.contains(page + 1)]
    else:
        pages = list(range(page_count))
    if printer.pageOrder() is QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    # A printer that makes copies itself is told how many; for the others (a PDF file, some
    # drivers) the pages are sent once per copy.
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _copy in range(copies)]


def load_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over ``data``; keep the buffer as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() is not QPdfDocument.Status.Ready:
        raise DocumentError("The document could not be printed: QtPdf could not read the PDF.")
    return document, buffer


def print_pdf(data: bytes, printer: QPrinter, pages: Sequence[int]) -> int:
    """Print ``pages`` (0-based) of the PDF ``data`` on ``printer``; return how many were sent.

    Raises DocumentError when the printer cannot be started or refuses a page.
    """
    document, _buffer = load_pdf(data)
    return print_document(document, printer, pages)


def print_document(document: QPdfDocument, printer: QPrinter, pages: Sequence[int]) -> int:
    """Draw each page of ``document`` in ``pages`` on its own sheet, fitted to the paper."""
    printer.setFullPage(True)  # the PDF's own margins place the text, not the printer's
    _check_output_file(printer)
    painter = QPainter()
    if not painter.begin(printer):
        where = printer.printerName() or "the printer"
        raise DocumentError(f"The document could not be printed: {where} could not be started.")
    try:
        for sheet, page in enumerate(pages):
            if sheet and not printer.newPage():
                raise DocumentError("The document could not be printed: the printer stopped.")
            _draw_page(painter, printer, document, page)
    finally:
        painter.end()
    return len(pages)


def _check_output_file(printer: QPrinter) -> None:
    """Printing to a file in a folder that cannot be written: say so in words before Qt tries
    (Qt would only log a warning)."""
    name = printer.outputFileName()
    if not name:
        return
    folder = Path(name).parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise DocumentError(
            f"The document could not be printed to {name}: the folder {folder} "
            "does not exist or cannot be written to."
        )


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    device_dpi = printer.resolution()
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    points = document.pagePointSize(page)
    natural_width = points.width() * device_dpi / 72.0
    natural_height = points.height() * device_dpi / 72.0
    if natural_width <= 0 or natural_height <= 0:
        return
    # Actual size where it fits; shrunk to the paper where it does not (A4 on Letter).
    scale = min(1.0, paper.width() / natural_width, paper.height() / natural_height)
    target = QRectF(
        (paper.width() - natural_width * scale) / 2,
        0.0,
        natural_width * scale,
        natural_height * scale,
    )
    image_scale = min(1.0, PRINT_DPI / device_dpi)
    size = QSize(round(target.width() * image_scale), round(target.height() * image_scale))
    painter.drawImage(target, _opaque(document.render(page, size)))


def _opaque(image: QImage) -> QImage:
    """QtPdf leaves the page background transparent; printers want white paper, not alpha."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet
