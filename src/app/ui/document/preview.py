"""The PDF preview: a QtPdf view over PDF bytes, with zoom and page navigation controls."""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QSpinBox, QToolBar, QVBoxLayout, QWidget

from app.domain.errors import DocumentError

ZOOM_STEP = 1.25
MIN_ZOOM = 0.25
MAX_ZOOM = 4.0
StandardKey = QKeySequence.StandardKey


def _action(parent: QWidget, text: str, name: str, tip: str, *keys: str | StandardKey) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if keys:
        action.setShortcuts([QKeySequence(key) for key in keys])
        shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shown})")
    return action


class PdfPreview(QWidget):
    """Shows one PDF (pages one under the other) and the bar that zooms and moves through it.

    Signals:
        pageChanged(int): the page at the top of the view changed (0-based).
    """

    pageChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

        self.view = QPdfView(self)
        self.view.setAccessibleName("Document preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.viewport().installEventFilter(self)
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self.view.zoomModeChanged.connect(lambda _mode: self._show_zoom())

        self.bar = QToolBar("Preview", self)
        self.bar.setAccessibleName("Preview controls")
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.zoom_out_action = _action(self, "Zoom &out", "zoomOut", "Make the page smaller",
                                       "Ctrl+-", StandardKey.ZoomOut)  # fmt: skip
        self.zoom_in_action = _action(self, "Zoom &in", "zoomIn", "Make the page larger",
                                      "Ctrl+=", StandardKey.ZoomIn)  # fmt: skip
        self.fit_width_action = _action(
            self, "Fit &width", "fitWidth", "Fit the page to the width of the preview", "Ctrl+0"
        )
        self.fit_width_action.setCheckable(True)
        self.previous_action = _action(
            self, "&Previous page", "previousPage", "Go to the previous page", "Ctrl+PgUp"
        )
        self.next_action = _action(
            self, "&Next page", "nextPage", "Go to the next page", "Ctrl+PgDown"
        )
        self.zoom_label = QLabel(self)
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("400%") + 12)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_box = QSpinBox(self)
        self.page_box.setAccessibleName("Page")
        self.page_box.setToolTip("The page shown; type a number to go to that page")
        self.page_box.setKeyboardTracking(False)
        self.page_box.setPrefix("Page ")
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_count_label = QLabel(self)
        self.page_count_label.setAccessibleName("Number of pages")

        self.bar.addAction(self.zoom_out_action)
        self.bar.addWidget(self.zoom_label)
        self.bar.addAction(self.zoom_in_action)
        self.bar.addAction(self.fit_width_action)
        self.bar.addSeparator()
        self.bar.addAction(self.previous_action)
        self.bar.addWidget(self.page_box)
        self.bar.addWidget(self.page_count_label)
        self.bar.addAction(self.next_action)
        for action in self.bar.actions():
            widget = self.bar.widgetForAction(action)
            if widget is not None and not widget.accessibleName():
                widget.setAccessibleName(action.text().replace("&", ""))
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.fit_width_action.triggered.connect(self.fit_width)
        self.previous_action.triggered.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_action.triggered.connect(lambda: self.go_to(self.current_page() + 1))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.bar)
        self._update_controls()

    # --- content -------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """The page at the top of the view, 0-based."""
        return self.view.pageNavigator().currentPage()

    def set_pdf(self, data: bytes) -> None:
        """Show ``data`` (a whole PDF file), staying on the same page number where it can.

        Raises DocumentError when QtPdf cannot read it.
        """
        page = self.current_page()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # reads a complete buffer before it returns
        old, self._buffer = self._buffer, buffer  # the document reads from the buffer it holds
        if old is not None:
            old.deleteLater()
        if self.document.status() is not QPdfDocument.Status.Ready:
            self.clear()
            raise DocumentError("The preview could not be shown: QtPdf could not read the PDF.")
        self._update_controls()
        self._return_to(min(page, self.page_count() - 1))

    def clear(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.deleteLater()
            self._buffer = None
        self._update_controls()

    # --- navigation and zoom -------------------------------------------------------------------

    def go_to(self, page: int) -> None:
        if not 0 <= page < self.page_count() or page == self.current_page():
            self._update_controls()
            return
        self._jump(page)

    def _return_to(self, page: int) -> None:
        """Stay on the page being read (not on the same scroll offset) once the view has laid
        itself out again after a new zoom or document."""
        QTimer.singleShot(0, self, lambda: self._jump(page))

    def _jump(self, page: int) -> None:
        if 0 <= page < self.page_count():
            navigator = self.view.pageNavigator()
            navigator.jump(page, QPointF(), navigator.currentZoom())

    def zoom_in(self) -> None:
        self._zoom_to(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()
        self._return_to(page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() is QEvent.Type.Resize:
            self._show_zoom()  # "fit width" changes the zoom with the width
        return super().eventFilter(watched, event)

    def effective_zoom(self) -> float:
        """The zoom factor in use; in "fit width" mode QPdfView reports 1.0, so work it out."""
        if self.view.zoomMode() is QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        points = self.document.pagePointSize(self.current_page()).width()
        pixels = points * self.view.logicalDpiX() / 72.0
        return room / pixels if pixels > 0 else 1.0

    def _zoom_to(self, factor: float) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(MIN_ZOOM, min(MAX_ZOOM, factor)))
        self._show_zoom()
        self._return_to(page)

    def _show_zoom(self) -> None:
        has_pages = self.page_count() > 0
        factor = self.effective_zoom()
        fitted = self.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
        self.zoom_label.setText(f"{round(factor * 100)}%" if has_pages else "")
        self.zoom_label.setAccessibleName(
            f"Zoom {self.zoom_label.text()}{', fitted to the width' if fitted else ''}"
        )
        self.zoom_in_action.setEnabled(has_pages and factor < MAX_ZOOM - 1e-6)
        self.zoom_out_action.setEnabled(has_pages and factor > MIN_ZOOM + 1e-6)
        self.fit_width_action.setEnabled(has_pages)
        self.fit_width_action.setChecked(fitted)

    def _page_changed(self, page: int) -> None:
        self._update_controls()
        self.pageChanged.emit(page)

    def _update_controls(self) -> None:
        count = self.page_count()
        page = self.current_page() if count else -1
        self.page_box.blockSignals(True)  # showing the page is not a request to move
        self.page_box.setRange(1 if count else 0, max(count, 0))
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.page_box.setEnabled(count > 1)
        self.page_box.setAccessibleDescription(f"Page {page + 1} of {count}" if count else "")
        self.page_count_label.setText(f" of {count}" if count else "")
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(0 <= page < count - 1)
        self._show_zoom()
