"""Under each finding: the most similar findings of other inspections and what was said then.

Collapsed until opened (nothing is read for a finding nobody asks about); opening it asks the
database worker (``app.services.reuse``), so typing never waits for it. Each past response has
a "Start from this" button that puts it into this finding's editor for the same author as a
starting point, recorded as such in the version it begins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.ui.db_worker import LatestRead

if TYPE_CHECKING:  # rapidfuzz is loaded when a panel is first opened, not at start-up
    from app.services.reuse import Suggestion

    Suggest = Callable[[int], list[Suggestion]]
    """The suggestions for a finding (run on the database worker)."""

PREVIEW_CHARACTERS = 600
StartFrom = Callable[[AuthorRole, str, str], None]
"""Put ``text`` from ``source`` into this finding's editor for ``role``."""


class ReusePanel(QWidget):
    def __init__(
        self,
        finding_id: int,
        heading: str,
        titles: dict[AuthorRole, str],
        suggest: Suggest,
        start_from: StartFrom,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.finding_id = finding_id
        self.heading = heading
        self.titles = titles
        self._suggest = suggest
        self._start_from = start_from
        self._reads = LatestRead(self)
        self.asked = False
        self.locked = False
        self.buttons: list[QPushButton] = []
        self.toggle = QToolButton(self)
        self.toggle.setText("Similar findings elsewhere")
        self.toggle.setAccessibleName(f"Similar findings elsewhere for {heading}")
        self.toggle.setToolTip("Responses given before to findings like this one")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._toggled)
        self.body = QWidget(self)
        self.body.setVisible(False)
        self.list = QVBoxLayout(self.body)
        self.list.setContentsMargins(18, 0, 0, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)

    def set_locked(self, locked: bool) -> None:
        """A signed-off response takes no starting point (the past ones can still be read)."""
        self.locked = locked
        for button in self.buttons:
            button.setEnabled(not locked)

    @property
    def loading(self) -> bool:
        return self._reads.loading

    def _toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.body.setVisible(shown)
        if shown and not self.asked:
            self.asked = True
            self._say("Looking for similar findings…")
            finding_id, suggest = self.finding_id, self._suggest
            self._reads.run(lambda: suggest(finding_id), self._show, self._failed)

    def _clear(self) -> None:
        self.buttons.clear()
        while (item := self.list.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    def _say(self, words: str) -> QLabel:
        label = QLabel(words, self.body)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.list.addWidget(label)
        return label

    def _failed(self, error: BaseException) -> None:
        self._clear()
        self.asked = False  # opening it again tries again
        self._say(f"Similar findings could not be read: {error}")

    def _show(self, found: list[Suggestion]) -> None:
        self._clear()
        if not found:
            self._say("No similar findings with responses in other inspections.")
            return
        for suggestion in found:
            self._add(suggestion)

    def _add(self, suggestion: Suggestion) -> None:
        from app.ui.responses.rows import plain_text

        heading = self._say(f"{suggestion.source()} · {suggestion.similarity:.0f} % similar")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        text = self._say(_preview(plain_text(suggestion.finding.text)))
        text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for role, said in suggestion.finding.responses.items():
            title = self.titles[role]
            self._say(f"{title} then: {_preview(plain_text(said))}")
            button = QPushButton(f"Start the {title} response from this", self.body)
            button.setAccessibleName(
                f"Start {title} response to {self.heading} from {suggestion.source()}"
            )
            source = suggestion.source()
            button.clicked.connect(
                lambda _checked=False, r=role, t=said, s=source: self._start_from(r, t, s)
            )
            button.setEnabled(not self.locked)
            self.buttons.append(button)
            self.list.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARACTERS else flat[:PREVIEW_CHARACTERS].rstrip() + "…"


def suggestions(db: Database, finding_id: int) -> list[Suggestion]:
    """Reuse suggestions for a finding, on the database worker (rapidfuzz is loaded on the
    first)."""
    from app.services.reuse import suggestions as found

    return found(db, finding_id)
