"""Search everything written (Ctrl+Shift+F): a panel docked beside the inspection.

Typing searches after a short pause, on the database worker (:class:`LatestRead`: an answer
to words since changed is dropped). Results are grouped by inspection, best first; each hit
says where its words are (the finding's reference, whose response, an earlier version) and
shows them in a snippet with the matched words in bold. Enter or a double click opens a hit:
:class:`SearchPanel` emits ``hitOpened`` and the window goes there (``app.ui.search_jump``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.english_dates import short_date
from app.domain.organisation import OrganisationSettings
from app.services.search import Hit, InspectionHits, Results, Source
from app.ui.context import AppContext
from app.ui.db_worker import LatestRead

PAUSE_MS = 250
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


def where(hit: Hit, organisation: OrganisationSettings) -> str:
    """Where a hit's words are, in words: "Recommendation 2 · Chief Constable's response"."""
    if hit.source is Source.INSPECTION:
        return "Title or report"
    if hit.source is Source.QUESTION:
        return f"Graded question {hit.reference.removeprefix('Q')}"
    if hit.source is Source.FINDING:
        return hit.reference
    who = organisation.role_title(hit.role) if hit.role else ""
    part = {"overall": "overall response", "closing": "closing response"}.get(
        hit.part.value if hit.part else "", f"response to {hit.reference}"
    )
    found = f"{who}’s {part}"
    if hit.source is Source.REVISION and hit.saved_at is not None:
        found += f" (earlier version, {short_date(hit.saved_at.date())})"
    return found


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` (its words in bold) where it has one."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                  ) -> QTextDocument:  # fmt: skip
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HTML_ROLE)))
        document.setTextWidth(self._width(option, index))
        return document

    def _width(self, option: QStyleOptionViewItem,
               index: QModelIndex | QPersistentModelIndex) -> int:  # fmt: skip
        """The text's width: the row's, or (asked for a size before any row is laid out) the
        view's less the indentation of this depth."""
        if option.rect.width() > 0:
            return max(120, option.rect.width())
        tree = self.parent()
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indentation = tree.indentation() * (depth + 1) if isinstance(tree, QTreeWidget) else 0
        view = tree.viewport().width() if isinstance(tree, QTreeWidget) else 300
        return max(120, view - indentation - 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        document = self._document(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        painter.save()
        rect = option.rect
        painter.translate(rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colours = QPalette.ColorRole
        role = colours.HighlightedText if selected else colours.Text
        context.palette.setColor(colours.Text, option.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:  # fmt: skip
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class _ResultTree(QTreeWidget):
    opened = Signal(object)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped snippets take another height

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self._open(current)
            return
        super().keyPressEvent(event)

    def _open(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        best = item.child(0)
        if hit is None and best is not None:  # an inspection: its best hit
            hit = best.data(0, HIT_ROLE)
        if hit is not None:
            self.opened.emit(hit)


class SearchPanel(QWidget):
    """The search box, its options and the results (see the module docstring).

    Signals:
        hitOpened(Hit): the person chose a hit to go to.
    """

    hitOpened = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Search")
        self.box = QLineEdit(self)
        self.box.setAccessibleName("Search everything")
        self.box.setPlaceholderText("Words to find; \"a phrase\" in quotes")
        self.box.setClearButtonEnabled(True)
        self.revisions = QCheckBox("Search earlier &versions of responses too", self)
        self.revisions.setAccessibleName("Search earlier versions of responses too")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Search results summary")
        self.tree = _ResultTree(self)
        self.tree.setAccessibleName("Search results")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_HtmlDelegate(self.tree))
        self.tree.itemActivated.connect(lambda item, _column: self.tree._open(item))
        self.tree.opened.connect(self.hitOpened)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.revisions)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.setTabOrder(self.box, self.revisions)
        self.setTabOrder(self.revisions, self.tree)

        self.results: Results | None = None
        self._reads = LatestRead(self)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        self.box.textChanged.connect(lambda _text: self._pause.start())
        self.box.returnPressed.connect(self._enter_in_box)
        self.revisions.toggled.connect(lambda _on: self.search_now())

    @property
    def searching(self) -> bool:
        return self._pause.isActive() or self._reads.loading

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search_now(self) -> None:
        from app.services import search

        self._pause.stop()
        typed, revisions, db = self.box.text(), self.revisions.isChecked(), self.context.db
        self._reads.run(
            lambda: search.search(db, typed, revisions=revisions), self._show, self._failed
        )

    def _enter_in_box(self) -> None:
        """Enter in the box: search at once, or go to the results already shown."""
        if self.searching or self.results is None:
            self.search_now()
        elif (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first.child(0) or first)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        self.results = None
        self.tree.clear()
        self.summary.setText(f"The search could not be made: {error}")

    def _show(self, results: Results) -> None:
        self.results = results
        self.tree.clear()
        organisation = self.context.organisation
        for group in results.groups:
            self.tree.addTopLevelItem(self._group_item(group, organisation))
        self.tree.expandAll()
        self.summary.setText(self._summary(results))

    def _summary(self, results: Results) -> str:
        if results.query.empty:
            return "" if not self.box.text().strip() else "Type a word to search for."
        if not results.groups:
            words = "Nothing found."
        else:
            places = "place" if results.count == 1 else "places"
            inspections = "inspection" if len(results.groups) == 1 else "inspections"
            words = f"Found in {results.count} {places} in {len(results.groups)} {inspections}."
        return f"{words} {results.notice}".strip()

    def _group_item(self, group: InspectionHits, organisation: OrganisationSettings
                    ) -> QTreeWidgetItem:  # fmt: skip
        published = f" ({short_date(group.published_on)})" if group.published_on else ""
        archived = " – archived" if group.archived else ""
        heading = f"{group.title}{published}{archived}"
        item = QTreeWidgetItem([heading])
        item.setData(0, HTML_ROLE, f"<b>{html.escape(heading)}</b>")
        for hit in group.hits:
            place = where(hit, organisation)
            child = QTreeWidgetItem([f"{place}: {hit.snippet}"])
            child.setData(0, HIT_ROLE, hit)
            words = hit.marked("<b>", "</b>", html.escape)  # the matched words in bold
            child.setData(0, HTML_ROLE, f"<i>{html.escape(place)}</i><br>{words}")
            child.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{place}: {hit.snippet}")
            item.addChild(child)
        return item


def search_dock(context: AppContext, parent: QWidget) -> tuple[QDockWidget, SearchPanel]:
    """The panel in a dock the person can move, float or close (Esc in the panel closes it)."""
    dock = QDockWidget("Search", parent)
    dock.setObjectName("searchDock")
    dock.setAccessibleName("Search panel")
    panel = SearchPanel(context, dock)
    dock.setWidget(panel)
    return dock, panel
