"""Going to a search hit: its inspection, the tab that shows its words, the words marked.

A response (or an earlier version of one) and a finding open on the Responses tab, in the
response's editor (for a finding, its Chief Constable's one); the report's words and a graded
question's open on the Overview tab. The words found are marked until the text is next edited,
and the first of them is scrolled into view with the caret on it.

The inspection is read on the database worker, so the jump waits (briefly, on a timer) until
the page shows it; another jump, or a person choosing another inspection meanwhile, ends it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QColor, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QScrollArea, QTextEdit, QWidget

from app.domain.completeness import closing_name, finding_name, overall_name
from app.domain.enums import AuthorRole, ResponsePart
from app.services.search import Hit, Source
from app.ui.actions import ActionId

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

TRY_EVERY_MS = 40
GIVE_UP_AFTER = 250  # tries: ten seconds
SCROLL_AFTER_MS = (0, 150)
MARK = QColor("#ffe27a")  # a marker pen's yellow, dark text stays readable on it


def editor_name(hit: Hit, title: str) -> str:
    """The accessible name of the editor holding ``hit``'s words."""
    if hit.part is ResponsePart.OVERALL:
        return overall_name(title)
    if hit.part is ResponsePart.CLOSING:
        return closing_name(title)
    return finding_name(title, hit.reference)


def mark_words(editor: QTextEdit, words: Sequence[str]) -> int:
    """Mark every word beginning with one of ``words`` (so "organisation" marks
    "organisations"); the caret goes to the first. Returns how many were marked."""
    pattern = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True) if word)
    if not pattern:
        return 0
    expression = QRegularExpression(
        rf"\b(?:{pattern})\w*", QRegularExpression.PatternOption.CaseInsensitiveOption
    )
    document = editor.document()
    marks: list[QTextEdit.ExtraSelection] = []
    cursor = document.find(expression, 0)
    while not cursor.isNull() and len(marks) < 500:
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        mark.format.setBackground(MARK)
        mark.format.setForeground(QColor("black"))
        mark.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        marks.append(mark)
        cursor = document.find(expression, cursor, QTextDocument.FindFlag(0))
    editor.setExtraSelections(marks)
    if marks:
        first = QTextCursor(marks[0].cursor)
        first.setPosition(first.selectionStart())
        editor.setTextCursor(first)
        editor.ensureCursorVisible()
        # A response editor's own signal: the spell-checker underlining a word is no edit.
        edited = getattr(editor, "edited", editor.textChanged)
        edited.connect(
            lambda: editor.setExtraSelections([]), Qt.ConnectionType.SingleShotConnection
        )
    return len(marks)


def _scroll_to_caret(view: QWidget, editor: QTextEdit) -> None:
    """Scroll the Responses tab so that the editor's caret (on the first word found) shows."""
    scroll = getattr(view, "scroll_area", None)
    content = scroll.widget() if isinstance(scroll, QScrollArea) else None
    if scroll is None or content is None or not content.isAncestorOf(editor):
        return
    caret = editor.cursorRect()
    point = editor.viewport().mapTo(content, caret.center())
    scroll.ensureVisible(point.x(), point.y(), 8, caret.height() * 4)


class SearchJump(QObject):
    """Takes the window to one hit at a time (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hit: Hit | None = None
        self.words: list[str] = []
        self._tries = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TRY_EVERY_MS)
        self._timer.timeout.connect(self._try)

    @property
    def going(self) -> bool:
        return self._timer.isActive()

    def go(self, hit: Hit, words: Sequence[str]) -> None:
        self.hit, self.words, self._tries = hit, list(words), 0
        window = self.window
        archived = window.commands[ActionId.SHOW_ARCHIVED]
        if hit.archived and not archived.isChecked():
            archived.setChecked(True)  # the register must list it to show it
        if window.page.inspection_id != hit.inspection_id:
            window.show_inspection(hit.inspection_id)
        self._timer.start()

    def _try(self) -> None:
        self._tries += 1
        if self._tries > GIVE_UP_AFTER or self.hit is None:
            self._timer.stop()
            return
        hit = self.hit
        if self.window.page.inspection_id != hit.inspection_id:
            return
        target = self._target(hit)
        if target is None:
            return
        self._timer.stop()
        view, editor = target
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        found = mark_words(editor, self.words)
        for delay in SCROLL_AFTER_MS:  # once the rows just built are laid out
            QTimer.singleShot(delay, editor, lambda: _scroll_to_caret(view, editor))
        place = editor.accessibleName() or "the text"
        words = "the words found are marked" if found else "the words are not in the text now"
        self.window.statusBar().showMessage(f"{place}: {words}.", 8000)

    def _target(self, hit: Hit) -> tuple[QWidget, QTextEdit] | None:
        """The tab and the text showing ``hit``, once the tab shows its inspection."""
        from app.ui.overview import OverviewTab
        from app.ui.responses import ResponsesView

        in_overview = hit.source in (Source.INSPECTION, Source.QUESTION)
        wanted = OverviewTab if in_overview else ResponsesView
        tab = next((t for t in self.window.page.tabs() if isinstance(t, wanted)), None)
        if tab is None:
            self._timer.stop()
            return None
        self.window.page.setCurrentWidget(tab)
        if isinstance(tab, OverviewTab):
            return None if tab.loading else (tab, tab.browser)
        assert isinstance(tab, ResponsesView)
        if tab.loading or tab.inspection_id != hit.inspection_id:
            return None
        role = hit.role or AuthorRole.CHIEF_CONSTABLE
        name = editor_name(hit, self.window.context.organisation.role_title(role))
        try:
            return tab, tab.editor(name)
        except KeyError:  # the finding was removed since: its row is not there
            self._timer.stop()
            self.window.statusBar().showMessage("That text is no longer there.", 8000)
            return None
