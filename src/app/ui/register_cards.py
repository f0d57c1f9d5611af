"""The register when it is narrow (a laptop's screen): each inspection as a small card.

Two columns stay: the title, with the status and the next step under it, and the days left,
with the section 55 deadline under them. Everything the wide table shows in five columns is
then in view without scrolling sideways; a title too long for two lines is cut with "…" and
shown whole in its tooltip, as the next step is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.register_model import TEXTS_ROLE, Column

AnyIndex = QModelIndex | QPersistentModelIndex
TITLE_LINES = 2  # and as many for the status, for the next step and for the days left
DEADLINE_SAMPLE = "due 00/00/0000"
REMEMBERED = 50_000  # card heights kept (a few widths of a large register)
PADDING = 4  # around the lines, inside the cell
ELIDE = Qt.TextElideMode.ElideRight


@dataclass(frozen=True, slots=True)
class CardLine:
    text: str
    bold: bool = False
    quiet: bool = False  # a secondary line, in the placeholder text's colour


def wrap(text: str, metrics: QFontMetrics, width: int, most: int) -> list[str]:
    """``text`` in lines no wider than ``width``, at most ``most`` of them, the last cut "…"."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for n, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if not current or metrics.horizontalAdvance(trial) <= width:
            current = trial
            continue
        lines.append(current)
        if len(lines) == most - 1:
            return [*lines, metrics.elidedText(" ".join(words[n:]), ELIDE, width)]
        current = word
    if current:
        lines.append(metrics.elidedText(current, ELIDE, width))
    return lines


def card_lines(index: AnyIndex, font: QFont, width: int) -> list[CardLine]:
    """What the card shows in the cell at ``index``, ``width`` pixels wide inside its padding."""

    texts = index.data(TEXTS_ROLE)  # every column's words at once, from the register's model

    def text(column: Column) -> str:
        if isinstance(texts, tuple):
            return str(texts[column] or "")
        return str(index.model().index(index.row(), column, index.parent()).data() or "")

    if index.column() == Column.TITLE:
        bold = QFont(font)
        bold.setBold(True)
        lines = [
            CardLine(line, bold=True)
            for line in wrap(text(Column.TITLE), QFontMetrics(bold), width, TITLE_LINES)
        ]
        metrics = QFontMetrics(font)
        lines += [CardLine(line) for line in wrap(text(Column.STATUS), metrics, width, 2)]
        step = text(Column.NEXT_STEP)
        if step:
            lines += [CardLine(line, quiet=True)
                      for line in wrap(f"Next: {step}", metrics, width, 2)]  # fmt: skip
        return lines
    if index.column() == Column.DAYS_LEFT:
        words = wrap(text(Column.DAYS_LEFT), QFontMetrics(font), width, 2)
        lines = [CardLine(line) for line in words]
        deadline = text(Column.DEADLINE)
        return [*lines, CardLine(f"due {deadline}")] if deadline else lines
    return [CardLine(text(Column(index.column())))]


def days_width(font: QFont) -> int:
    """The days-left column's width among cards: the deadline's, the days left wrap under it."""
    metrics = QFontMetrics(font)
    widest = max(metrics.horizontalAdvance(DEADLINE_SAMPLE), metrics.horizontalAdvance("Days left"))
    return widest + 2 * PADDING + metrics.averageCharWidth()


class CardDelegate(QStyledItemDelegate):
    """Paints the title and days-left cells of the narrow register as cards (see above).

    A table sizing its rows to their contents asks every row's height several times while the
    window is laid out, and again for every row when a filter brings them back: each card's
    height is worked out once for its words, width and font, and looked up by row until the
    model's rows change (:meth:`watch`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_row: dict[tuple[int, int, int, str], int] = {}
        self._by_words: dict[tuple[object, ...], int] = {}

    def watch(self, model: QAbstractItemModel) -> None:
        """Forget the heights before ``model``'s rows change (before any view sizes them)."""
        for signal in (model.modelAboutToBeReset, model.layoutAboutToBeChanged,
                       model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved,
                       model.rowsAboutToBeMoved, model.dataChanged):  # fmt: skip
            signal.connect(self._by_row.clear)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""  # the background, the selection and the focus frame only
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)

        selected = bool(view_option.state & QStyle.StateFlag.State_Selected)
        palette = view_option.palette
        role = QPalette.ColorRole
        text_colour = palette.color(role.HighlightedText if selected else role.Text)
        quiet_colour = palette.color(role.HighlightedText if selected else role.PlaceholderText)
        area = view_option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        font = view_option.font
        painter.save()
        top = area.top()
        for line in card_lines(index, font, area.width()):
            line_font = QFont(font)
            line_font.setBold(line.bold)
            painter.setFont(line_font)
            painter.setPen(quiet_colour if line.quiet else text_colour)
            height = QFontMetrics(line_font).lineSpacing()
            painter.drawText(
                QRect(area.left(), top, area.width(), height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line.text,
            )
            top += height
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """As tall as the card's lines at the column's width (the table asks, word-wrapping)."""
        width = option.rect.width() - 2 * PADDING
        font_key = option.font.key()
        row_key = (index.row(), index.column(), width, font_key)
        height = self._by_row.get(row_key)
        if height is None:
            words_key = (index.column(), width, font_key, index.data(TEXTS_ROLE))
            height = self._by_words.get(words_key)
            if height is None:
                height = self._height(option.font, card_lines(index, option.font, max(width, 1)))
                if len(self._by_words) >= REMEMBERED:
                    self._by_words.clear()
                self._by_words[words_key] = height
            self._by_row[row_key] = height
        return QSize(option.rect.width(), height)

    @staticmethod
    def _height(font: QFont, lines: list[CardLine]) -> int:
        height = 2 * PADDING + 1
        for line in lines:
            line_font = QFont(font)
            line_font.setBold(line.bold)
            height += QFontMetrics(line_font).lineSpacing()
        return height
