"""The response editor: a QTextEdit that reads and writes Markdown, sized to its text.

Text is loaded with ``MarkdownNoHTML`` so that ``<font size=40>`` typed in a response stays
text, and written back through :mod:`app.ui.responses.rich_text`, which escapes whatever was
typed (Qt's own ``toMarkdown()`` would store a typed ``**`` as bold). The editor remembers the
Markdown it produced when it was loaded (``baseline``) and is modified only when its Markdown
differs from that: opening an inspection never creates revisions.

Signals:
    edited(): the person changed the text or its formatting (not the spell-checker's
        underlines, though Qt reports those as a change of text).
    focusEntered(): the editor got the keyboard focus.
    focusLeft(): the editor lost the keyboard focus (a moment to save).
    saveRequested(): Ctrl+S.
    caretMoved(): the text cursor moved (the view keeps it in sight).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextListFormat,
)
from PySide6.QtWidgets import QFrame, QMenu, QSizePolicy, QTextEdit, QWidget

from app.services.responses import ResponseKey
from app.ui.responses.paste import html_to_fragment
from app.ui.responses.rich_text import document_markdown

if TYPE_CHECKING:
    from app.ui.responses.spelling import SpellHighlighter

NO_HTML = QTextDocument.MarkdownFeature.MarkdownNoHTML
MIN_LINES = 3

BULLETS = QTextListFormat.Style.ListDisc
NUMBERS = QTextListFormat.Style.ListDecimal
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LINK_KEY = QKeyCombination(CTRL, Qt.Key.Key_K)
BULLETS_KEY = QKeyCombination(CTRL | SHIFT, Qt.Key.Key_L)
NUMBERS_KEY = QKeyCombination(CTRL | SHIFT, Qt.Key.Key_N)
_SHORTCUTS: dict[str, QKeySequence.StandardKey | QKeyCombination] = {
    "bold": QKeySequence.StandardKey.Bold,
    "italic": QKeySequence.StandardKey.Italic,
    "link": LINK_KEY,
    "bullets": BULLETS_KEY,
    "numbers": NUMBERS_KEY,
}


def shortcut_text(name: str) -> str:
    """How the shortcut for ``name`` is written on this platform ("Ctrl+B")."""
    # Built on demand: QKeySequence's native text needs a running QGuiApplication.
    key = _SHORTCUTS[name]
    if isinstance(key, QKeyCombination):
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class ResponseEditor(QTextEdit):
    """One response (see the module docstring for its signals)."""

    edited = Signal()
    focusEntered = Signal()
    focusLeft = Signal()
    saveRequested = Signal()
    caretMoved = Signal()
    linkRequested = Signal()

    def __init__(
        self,
        key: ResponseKey,
        name: str,
        parent: QWidget | None = None,
        *,
        fit_to_text: bool = True,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.fit_to_text = fit_to_text
        self.version = 0
        self.baseline = ""
        self._loading = False
        self.spell: SpellHighlighter | None = None  # set by Spelling.attach
        # Above zero while only the spell-checker's underlines change: Qt reports that as a
        # change of text (textChanged), which is no edit to save.
        self.underlining = 0
        self.starting_point = ""
        """Where text put in as a starting point came from, until the save that records it."""
        self.setAccessibleName(name)
        self.setObjectName(name)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDocumentMargin(6)
        if fit_to_text:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.textChanged.connect(self._changed)
        self.cursorPositionChanged.connect(self.caretMoved)
        self._fit()

    # --- loading and saving -----------------------------------------------------------------------

    def load(self, text: str, version: int) -> None:
        """Show stored Markdown; the undo history starts afresh."""
        self._loading = True
        try:
            document = self.document()
            document.setUndoRedoEnabled(False)
            document.setMarkdown(text, NO_HTML)
            document.setUndoRedoEnabled(True)
            self.baseline = document_markdown(document)
            self.version = version
        finally:
            self._loading = False
        self._fit()

    @property
    def loading(self) -> bool:
        """A stored text is being put in (not typing)."""
        return self._loading

    def markdown(self) -> str:
        return document_markdown(self.document())

    def is_modified(self) -> bool:
        return self.markdown() != self.baseline

    def mark_saved(self, markdown: str, version: int) -> None:
        """The text ``markdown`` is stored as ``version``."""
        self.baseline = markdown
        self.version = version

    def is_blank(self) -> bool:
        return not self.toPlainText().strip()

    def set_locked(self, locked: bool) -> None:
        """Read-only, with the background of a read-only field, when signed off."""
        self.setReadOnly(locked)
        palette = self.palette()
        parent = self.parentWidget()
        parent_palette = parent.palette() if parent is not None else palette
        base = parent_palette.color(
            QPalette.ColorRole.Window if locked else QPalette.ColorRole.Base
        )
        palette.setColor(QPalette.ColorRole.Base, base)
        self.setPalette(palette)

    def _changed(self) -> None:
        if not self._loading and not self.underlining:
            self.edited.emit()

    # --- size: as tall as the text, so the page scrolls and not each editor -----------------------

    def _fit(self) -> None:
        if not self.fit_to_text:
            return
        lines = self.fontMetrics().lineSpacing() * MIN_LINES
        height = max(int(self.document().size().height()), lines + 12)
        self.setFixedHeight(height + 2 * self.frameWidth())

    def sizeHint(self) -> QSize:
        return QSize(320, self.height()) if self.fit_to_text else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(100, self.height()) if self.fit_to_text else super().minimumSizeHint()

    # --- formatting -------------------------------------------------------------------------------

    def is_bold(self) -> bool:
        return self.currentCharFormat().fontWeight() > QFont.Weight.Medium

    def toggle_bold(self) -> None:
        if self.isReadOnly():
            return
        char_format = QTextCharFormat()
        weight = QFont.Weight.Normal if self.is_bold() else QFont.Weight.Bold
        char_format.setFontWeight(weight)
        self.mergeCurrentCharFormat(char_format)

    def toggle_italic(self) -> None:
        if self.isReadOnly():
            return
        char_format = QTextCharFormat()
        char_format.setFontItalic(not self.currentCharFormat().fontItalic())
        self.mergeCurrentCharFormat(char_format)

    def list_style(self) -> QTextListFormat.Style | None:
        current = self.textCursor().currentList()
        return current.format().style() if current is not None else None

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """Make the paragraphs a list of ``style``, or plain paragraphs if they already are."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            document = self.document()
            block = document.findBlock(cursor.selectionStart())
            last = document.findBlock(cursor.selectionEnd())
            while block.isValid():
                text_list = block.textList()
                if text_list is not None:
                    text_list.remove(block)
                    plain = QTextBlockFormat(block.blockFormat())
                    plain.setIndent(0)
                    QTextCursor(block).setBlockFormat(plain)
                if block == last:
                    break
                block = block.next()
        elif current is not None:
            list_format = current.format()
            list_format.setStyle(style)
            current.setFormat(list_format)
        else:
            cursor.createList(style)
        cursor.endEditBlock()

    def link_at_cursor(self) -> str:
        return self.currentCharFormat().anchorHref() if self.currentCharFormat().isAnchor() else ""

    def set_link(self, url: str) -> None:
        """Link the selection (or insert the address as its own text); "" removes the link."""
        if self.isReadOnly():
            return
        url = url.strip().replace(" ", "%20")
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        char_format = QTextCharFormat()
        char_format.setAnchor(bool(url))
        char_format.setAnchorHref(url)
        char_format.setFontUnderline(bool(url))
        if url:
            char_format.setForeground(self.palette().color(QPalette.ColorRole.Link))
        else:
            char_format.setForeground(self.palette().color(QPalette.ColorRole.Text))
        cursor.beginEditBlock()
        if not cursor.hasSelection() and url:
            cursor.insertText(url, char_format)
        else:
            cursor.mergeCharFormat(char_format)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # --- paste: from Word or the web, without fonts, colours and sizes ----------------------------

    def start_from(self, markdown: str, source: str) -> None:
        """Put a past response in as a starting point: the whole text when the editor is
        blank, else after what is there; one step to undo. The next save records ``source``."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if self.is_blank():
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.removeSelectedText()
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock()
        cursor.insertFragment(QTextDocumentFragment.fromMarkdown(markdown, NO_HTML))
        cursor.endEditBlock()
        self.starting_point = source
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.isReadOnly():
            return
        if source.hasHtml():
            fragment = html_to_fragment(source.html())
            cursor = self.textCursor()
            cursor.beginEditBlock()
            # HTML drops the spaces around a pasted phrase; the plain text still has them.
            pasted = fragment.toPlainText()
            plain = source.text() if "\u2029" not in pasted and source.hasText() else ""
            if plain[:1].isspace() and not pasted[:1].isspace():
                cursor.insertText(" ")
            cursor.insertFragment(fragment)
            if plain[-1:].isspace() and not pasted[-1:].isspace():
                cursor.insertText(" ")
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        elif source.hasText():
            self.textCursor().insertText(source.text())
            self.ensureCursorVisible()

    # --- the context menu: spelling suggestions first ---------------------------------------------

    def context_menu(self, position: QPoint) -> QMenu:
        """The menu for ``position`` (in the viewport): suggestions and "Add to dictionary" for
        a misspelt word there, then Qt's own entries."""
        menu = self.createStandardContextMenu(position)
        if self.spell is not None:
            self.spell.add_actions(menu, self.cursorForPosition(position))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = event.pos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key: at the caret
            position = self.cursorRect().center()
        menu = self.context_menu(position)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(position))

    # --- keys and focus ---------------------------------------------------------------------------

    def _own_shortcut(self, event: QKeyEvent) -> bool:
        return (
            event.matches(QKeySequence.StandardKey.Bold)
            or event.matches(QKeySequence.StandardKey.Italic)
            or event.matches(QKeySequence.StandardKey.Save)
            or event.keyCombination() in (LINK_KEY, BULLETS_KEY, NUMBERS_KEY)
        )

    def event(self, event: QEvent) -> bool:
        # The editor's shortcuts win over any window-wide action with the same keys.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._own_shortcut(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Save):
            self.saveRequested.emit()
        elif event.matches(QKeySequence.StandardKey.Bold):
            self.toggle_bold()
        elif event.matches(QKeySequence.StandardKey.Italic):
            self.toggle_italic()
        elif event.keyCombination() == LINK_KEY:
            self.linkRequested.emit()
        elif event.keyCombination() == BULLETS_KEY:
            self.toggle_list(BULLETS)
        elif event.keyCombination() == NUMBERS_KEY:
            self.toggle_list(NUMBERS)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focusEntered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu, not leaving
            self.focusLeft.emit()
