"""The formatting toolbar: bold, italic, lists and links for the editor being used.

The buttons act on the last editor that had the keyboard focus; a click takes no focus, so
typing carries on where it was. The formatting shortcuts are the editor's own (Ctrl+B, Ctrl+I…);
History, Details, Collapse all and Expand all are reached with Tab.

Signals:
    linkRequested(): the Link button was pressed (the view asks for the address).
    expandAll(bool): show (True) or collapse (False) every row.
    historyRequested(): show the History panel for the current response.
    detailsToggled(bool): show or hide the side panel (History, Status, Office steps).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

from app.ui.responses.editor import BULLETS, NUMBERS, ResponseEditor, shortcut_text


class FormattingBar(QToolBar):
    """Formatting for the current editor (see the module docstring for its signals)."""

    linkRequested = Signal()
    expandAll = Signal(bool)
    historyRequested = Signal()
    detailsToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Formatting", parent)
        self.setAccessibleName("Formatting")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.editor: ResponseEditor | None = None
        self.bold = self._action("Bold", f"Bold ({shortcut_text('bold')})", checkable=True)
        self.italic = self._action("Italic", f"Italic ({shortcut_text('italic')})", checkable=True)
        self._style(self.bold, bold=True)
        self._style(self.italic, italic=True)
        self.bullets = self._action("• List", f"Bulleted list ({shortcut_text('bullets')})")
        self.bullets.setText("• List")
        self.numbers = self._action("1. List", f"Numbered list ({shortcut_text('numbers')})")
        self.link = self._action("Link…", f"Link ({shortcut_text('link')})")
        self.addSeparator()
        # These act on the view, not on the text: the keyboard reaches them with Tab.
        self.history = self._action("History", "Saved versions of this response", focus=True)
        self.details = self._action(
            "Details", "Show or hide the History, Status and Office steps panel", checkable=True,
            focus=True,
        )  # fmt: skip
        self.details.setChecked(True)
        self.collapse = self._action(
            "Collapse all", "Show only the headings of the findings", focus=True
        )
        self.expand = self._action("Expand all", "Show every finding in full", focus=True)
        for action in (self.bullets, self.numbers):
            action.setAutoRepeat(False)
        self.bold.triggered.connect(lambda: self._on_editor(lambda e: e.toggle_bold()))
        self.italic.triggered.connect(lambda: self._on_editor(lambda e: e.toggle_italic()))
        self.bullets.triggered.connect(lambda: self._on_editor(lambda e: e.toggle_list(BULLETS)))
        self.numbers.triggered.connect(lambda: self._on_editor(lambda e: e.toggle_list(NUMBERS)))
        self.link.triggered.connect(self.linkRequested)
        self.history.triggered.connect(self.historyRequested)
        self.details.toggled.connect(self.detailsToggled)
        self.collapse.triggered.connect(lambda: self.expandAll.emit(False))
        self.expand.triggered.connect(lambda: self.expandAll.emit(True))
        self.set_editor(None)

    def _action(
        self, text: str, tip: str, *, checkable: bool = False, focus: bool = False
    ) -> QAction:
        """A button; ``focus`` lets Tab reach it (a click never takes the editor's focus).

        The action is made here, in Python, and then added: an action that Qt makes (as
        ``addAction(text)`` does) gets its Python wrapper later, and PySide may hand it a stale
        wrapper of an object deleted at that address before; when that object's old parent
        went, the toolbar's buttons went dead ("QAction already deleted").
        """
        action = QAction(text, self)
        self.addAction(action)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        button = self.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus if focus else Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(tip)
        return action

    def _style(self, action: QAction, *, bold: bool = False, italic: bool = False) -> None:
        font = QFont(action.font())
        font.setBold(bold)
        font.setItalic(italic)
        action.setFont(font)

    def _on_editor(self, change: object) -> None:
        editor = self.editor
        if editor is not None and shiboken6.isValid(editor) and callable(change):
            change(editor)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.update_state()

    def set_editor(self, editor: ResponseEditor | None) -> None:
        """Act on ``editor`` from now on (the one that last had the focus).

        The bar outlives every editor it serves (they go with each inspection), so it lets go
        of one as soon as it is destroyed, and never touches one that is gone.
        """
        previous = self.editor
        if previous is not None and shiboken6.isValid(previous):
            previous.currentCharFormatChanged.disconnect(self.update_state)
            previous.cursorPositionChanged.disconnect(self.update_state)
            previous.destroyed.disconnect(self._editor_destroyed)
        self.editor = editor if editor is not None and shiboken6.isValid(editor) else None
        if self.editor is not None:
            self.editor.currentCharFormatChanged.connect(self.update_state)
            self.editor.cursorPositionChanged.connect(self.update_state)
            self.editor.destroyed.connect(self._editor_destroyed)
        self.update_state()

    def _editor_destroyed(self) -> None:
        self.editor = None
        self.update_state()

    def update_state(self, *_args: object) -> None:
        editor = self.editor if self.editor is not None and shiboken6.isValid(self.editor) else None
        editable = editor is not None and not editor.isReadOnly()
        for action in (self.bold, self.italic, self.bullets, self.numbers, self.link):
            action.setEnabled(editable)
        self.history.setEnabled(editor is not None)
        self.bold.setChecked(editor is not None and editor.is_bold())
        self.italic.setChecked(editor is not None and editor.currentCharFormat().fontItalic())
