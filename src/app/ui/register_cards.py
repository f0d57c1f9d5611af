"""The register when it is narrow (a laptop's screen): each inspection as a small card.

Two columns stay: the title, with the status and the next step under it, and the days left,
with the section 55 deadline under them. Everything the wide table shows in five columns is
then in view without scrolling sideways; a title too long for two lines is cut with "…" and
shown whole in its tooltip, as the status and the next step are, one line each.

Every card is the same height (:func:`card_height`: two lines of title and two more), so the
table never measures its rows: sizing 2,000 cards to their words took a third of a second at
start-up, and again whenever a filter brought rows back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.register_model import TEXTS_ROLE, Column

AnyIndex = QModelIndex | QPersistentModelIndex
TITLE_LINES = 2  # then one line for the status and one for the next step
DAYS_LINES = 2  # the days left, then the deadline under them
DEADLINE_SAMPLE = "due 00/00/0000"
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
        if len(lines) == most - 1:  # the last line allowed: the rest of the words, cut "…"
            return [*lines, metrics.elidedText(" ".join(words[n - len(current.split()):]),
                                               ELIDE, width)]  # fmt: skip
        lines.append(current)
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
        lines += [CardLine(line) for line in wrap(text(Column.STATUS), metrics, width, 1)]
        step = text(Column.NEXT_STEP)
        if step:
            lines += [CardLine(line, quiet=True)
                      for line in wrap(f"Next: {step}", metrics, width, 1)]  # fmt: skip
        return lines
    if index.column() == Column.DAYS_LEFT:
        words = wrap(text(Column.DAYS_LEFT), QFontMetrics(font), width, DAYS_LINES)
        lines = [CardLine(line) for line in words]
        deadline = text(Column.DEADLINE)
        return [*lines, CardLine(f"due {deadline}")] if deadline else lines
    return [CardLine(text(Column(index.column())))]


def card_height(font: QFont) -> int:
    """Every card's height: two lines of bold title, a line of status and one of next step."""
    bold = QFont(font)
    bold.setBold(True)
    return 2 * PADDING + 1 + TITLE_LINES * QFontMetrics(bold).lineSpacing() + 2 * QFontMetrics(
        font
    ).lineSpacing()


def days_width(font: QFont) -> int:
    """The days-left column's width among cards: the deadline's, the days left wrap under it."""
    metrics = QFontMetrics(font)
    widest = max(metrics.horizontalAdvance(DEADLINE_SAMPLE), metrics.horizontalAdvance("Days left"))
    return widest + 2 * PADDING + metrics.averageCharWidth()


class CardDelegate(QStyledItemDelegate):
    """Paints the title and days-left cells of the narrow register as cards (see above)."""

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
        """Every card alike (:func:`card_height`): the table never measures its rows."""
        return QSize(option.rect.width(), card_height(option.font))
