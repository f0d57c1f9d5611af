"""Spell-checking in the response editors: the red wavy underline, suggestions and "Add to
dictionary" in the context menu.

One :class:`Spelling` per open database (:func:`spelling_of` finds it on the window's
:class:`~app.ui.context.AppContext`) holds the checker of :mod:`app.services.spelling`, whose
dictionary is read on a worker thread the first time an editor asks for it; until then nothing
is underlined. Each editor has a :class:`SpellHighlighter` (a ``QSyntaxHighlighter``).

A key typed checks, synchronously, only the words around it in its paragraph (the answers for
the rest are remembered); the word being typed is underlined once the caret leaves it. Whole
texts (when the dictionary arrives, when an editor is loaded, when the word list changes) are
checked in slices of a few milliseconds, the editors on screen first, so that the window never
stalls. Links are not checked. Qt reports new underlines as a change of text: the editor is
told (``underlining``) so that it does not take them for typing.

Signals (Spelling):
    ready(): the dictionary has been read; underlining starts.
    wordsChanged(): the database's word list changed.
"""

from __future__ import annotations

import logging
import math
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QWidget

from app.db.database import Database
from app.domain.errors import AppError
from app.domain.spelling import Word, words_to_check
from app.services import spelling as service
from app.services.spelling import SpellChecker
from app.ui import messages
from app.ui.db_worker import database_worker, wait_on_worker
from app.ui.tasks import run_in_background

log = logging.getLogger(__name__)

SLICE_SECONDS = 0.008  # checking whole texts gives the event loop back this often
TYPING_PAUSE = 0.3  # and waits while keys are being typed, until this long after the last
UNDERLINE = QColor(200, 0, 0)
ADD_TO_DICTIONARY = "Add to dictionary"
NO_SUGGESTIONS = "No suggestions"


class Spelling(QObject):
    """The checker for one database and the editors it underlines (module docstring)."""

    ready = Signal()
    wordsChanged = Signal()

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        load: Callable[[list[str]], SpellChecker] = SpellChecker.load,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.checker: SpellChecker | None = None
        self._load = load
        self._loading = False
        self._highlighters: weakref.WeakSet[SpellHighlighter] = weakref.WeakSet()
        # Texts to check whole: those just asked for (not yet looked at), then those on
        # screen, then the rest; each highlighter in one of them at most (``_queued``).
        self._new: deque[SpellHighlighter] = deque()
        self._on_screen: deque[SpellHighlighter] = deque()
        self._off_screen: deque[SpellHighlighter] = deque()
        self._queued: weakref.WeakSet[SpellHighlighter] = weakref.WeakSet()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self.last_typed = -math.inf  # time.perf_counter() when a key last changed a text
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.underline.setUnderlineColor(UNDERLINE)

    # --- the dictionary ---------------------------------------------------------------------------

    def start(self) -> None:
        """Read the dictionary on a worker thread, once."""
        if self.checker is not None or self._loading:
            return
        self._loading = True
        db, load = self.db, self._load

        def read_and_load() -> SpellChecker:  # on a worker thread: a read, then the dictionary
            try:
                words = service.read_own_words(db)
            except AppError as error:  # the word list can wait; the dictionary still helps
                log.warning("The spelling word list could not be read: %s", error)
                words = []
            return load(words)

        run_in_background(self, read_and_load, self._loaded, self._failed)

    def _loaded(self, checker: SpellChecker) -> None:
        self._loading = False
        self.checker = checker
        self.ready.emit()
        self.recheck_all()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        log.warning("The spelling dictionary could not be read", exc_info=error)

    def attach(self, editor: QTextEdit) -> SpellHighlighter:
        """Underline the misspelt words of ``editor``.

        Attach before the text is loaded: given a document with text, Qt goes over it once on
        the next turn of the event loop and then reports a change of text (textChanged), which
        a response editor would take for typing."""
        highlighter = SpellHighlighter(editor, self)
        if hasattr(editor, "spell"):
            editor.spell = highlighter
        self._highlighters.add(highlighter)
        self.start()
        if self.checker is not None:
            self.schedule(highlighter)
        return highlighter

    # --- the word list ----------------------------------------------------------------------------

    def add_word(self, word: str) -> None:
        """Accept ``word`` in this database from now on, and stop underlining it (written on
        the database worker; a refusal is told in one sentence)."""
        db = self.db

        def added(_none: None) -> None:
            if self.checker is not None:
                self.checker.add_own_word(word)
            self.wordsChanged.emit()
            self.recheck_all(containing=word)

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error
            messages.show_error(None, error.message, "The word could not be added")

        database_worker().run(lambda: service.add_own_word(db, word), added, failed, owner=self)

    def set_words(self, words: list[str]) -> list[str]:
        """Make the word list ``words`` (the settings dialog's save, which waits for it on the
        database worker); returns it as stored."""
        db = self.db
        stored = wait_on_worker(lambda: service.save_own_words(db, words))
        if self.checker is not None:
            self.checker.set_own_words(stored)
        self.wordsChanged.emit()
        self.recheck_all()
        return stored

    def words(self) -> list[str]:
        """The word list (for the settings dialog, which waits for it on the database worker)."""
        db = self.db
        return wait_on_worker(lambda: service.read_own_words(db))

    # --- checking whole texts in slices, the editors on screen first ------------------------------

    def recheck_all(self, containing: str = "") -> None:
        for highlighter in list(self._highlighters):
            if not containing or containing in highlighter.document().toPlainText():
                self.schedule(highlighter)

    def is_pending(self, highlighter: SpellHighlighter) -> bool:
        return highlighter in self._queued

    def schedule(self, highlighter: SpellHighlighter) -> None:
        """Check every paragraph of ``highlighter``'s document again, soon."""
        highlighter.restart()
        if highlighter not in self._queued:
            self._queued.add(highlighter)
            self._new.append(highlighter)
        if not self._timer.isActive():
            self._timer.start(0)

    def busy(self) -> bool:
        """Whether whole texts are still being checked (for tests and the benchmark)."""
        return bool(self._new or self._on_screen or self._off_screen) or self._loading

    def _work(self) -> None:
        """One slice of checking whole texts. Whether an editor is on screen is asked once,
        when it is first looked at (asking thousands of editors each time would cost more
        than the checking)."""
        now = time.perf_counter()
        if now - self.last_typed < TYPING_PAUSE:
            self._timer.start(int((self.last_typed + TYPING_PAUSE - now) * 1000) + 1)
            return
        deadline = now + SLICE_SECONDS
        while self._new and time.perf_counter() < deadline:
            highlighter = self._new.popleft()
            if highlighter.alive():
                on_screen = highlighter.on_screen()
                (self._on_screen if on_screen else self._off_screen).append(highlighter)
            else:
                self._queued.discard(highlighter)
        for queue in (self._on_screen, self._off_screen):
            while queue and not self._new and time.perf_counter() < deadline:
                highlighter = queue[0]
                if not highlighter.alive() or not highlighter.check_next_block(deadline):
                    queue.popleft()
                    self._queued.discard(highlighter)
        if self._new or self._on_screen or self._off_screen:
            self._timer.start(0)


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines one editor's misspelt words (see the module docstring)."""

    def __init__(self, editor: QTextEdit, spelling: Spelling) -> None:
        super().__init__(editor.document())
        self.editor = editor
        self.spelling = spelling
        self.next_block = 0
        # Paragraphs numbered below this are checked as they change; the others wait for the
        # pass through the whole text (Qt also asks for every paragraph when a text is loaded).
        self.live_below = 0.0
        self._forcing = False
        self._warming: Iterator[Word] | None = None  # the pass: words yet to look up
        self._held: tuple[int, int] | None = None  # the word being typed: paragraph, end
        # Each paragraph's text and misspelt words when last checked, by paragraph number: a
        # key typed then checks only the words around it (SpellChecker.misspelt_again).
        self._checked: dict[int, tuple[str, list[Word]]] = {}
        editor.cursorPositionChanged.connect(self._caret_moved)

    def alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self.editor)

    def on_screen(self) -> bool:
        return self.editor.isVisible() and not self.editor.visibleRegion().isEmpty()

    def restart(self) -> None:
        """A pass through the whole text starts."""
        self.next_block = 0
        self.live_below = 0.0
        self._checked.clear()  # the word list or the text changed: every word looked at again
        self._warming = None

    def check_next_block(self, deadline: float) -> bool:
        """Go on with the pass until ``deadline`` (``time.perf_counter()``); False when it is
        over. A paragraph's words are looked up first, a few at a time (a paragraph of 2,000
        words takes tens of milliseconds cold), then it is underlined in one go."""
        checker = self.spelling.checker
        block = self.document().findBlockByNumber(self.next_block)
        if not block.isValid() or checker is None:
            self.live_below = math.inf
            return False
        if self._warming is None:
            self._warming = words_to_check(block.text())
        for word in self._warming:
            checker.is_correct(word.word)  # remembered: underlining will find it cached
            if time.perf_counter() > deadline:
                return True
        self._warming = None
        self.next_block += 1
        self.live_below = self.next_block
        self._underline_again(block)
        return True

    def highlightBlock(self, text: str) -> None:
        checker = self.spelling.checker
        if checker is None:
            return
        if not self._forcing:
            if getattr(self.editor, "loading", False):  # a new text: a pass, in slices
                self.spelling.schedule(self)
                return
            if self.currentBlock().blockNumber() >= self.live_below:
                if not self.spelling.is_pending(self):
                    self.spelling.schedule(self)
                return
        if not self._forcing:
            self.spelling.last_typed = time.perf_counter()  # a key: the passes wait
        block = self.currentBlock()
        number = block.blockNumber()
        previous = self._checked.get(number)
        if previous is None:
            misspelt = checker.misspelt(text)
        else:
            misspelt = checker.misspelt_again(previous[0], previous[1], text)
        self._checked[number] = (text, misspelt)
        links = _link_ranges(block) if misspelt else []
        held = self._word_being_typed(block)
        for word in misspelt:
            if links and any(s < word.end and word.start < e for s, e in links):
                continue
            if word.end == held:
                self._held = (number, held)
                continue
            self.setFormat(word.start, word.end - word.start, self.spelling.underline)

    def _word_being_typed(self, block: QTextBlock) -> int:
        """Where in ``block`` the caret is while typing there (the word it ends is underlined
        only once the caret leaves it), or -1."""
        if self._forcing or not self.editor.hasFocus():
            return -1
        cursor = self.editor.textCursor()
        if cursor.hasSelection() or cursor.block() != block:
            return -1
        return cursor.position() - block.position()

    def _caret_moved(self) -> None:
        """Underline the word just typed once the caret has left it."""
        if self._held is None:
            return
        cursor = self.editor.textCursor()
        number, end = self._held
        if not cursor.hasSelection() and (cursor.blockNumber(), cursor.positionInBlock()) == (
            number, end
        ):
            return  # still typing that word
        block = self.document().findBlockByNumber(number)
        self._held = None
        if block.isValid() and self.spelling.checker is not None:
            self._underline_again(block)

    def _underline_again(self, block: QTextBlock) -> None:
        """Check ``block`` now: only its underlines change, which is no edit."""
        self._forcing = True
        self._quiet(+1)
        try:
            self.rehighlightBlock(block)
        finally:
            self._quiet(-1)
            self._forcing = False

    def _quiet(self, step: int) -> None:
        if hasattr(self.editor, "underlining") and shiboken6.isValid(self.editor):
            self.editor.underlining += step

    # --- the context menu -------------------------------------------------------------------------

    def misspelt_at(self, cursor: QTextCursor) -> tuple[QTextBlock, Word] | None:
        """The misspelt word at ``cursor``, with its paragraph, or None."""
        checker = self.spelling.checker
        if checker is None:
            return None
        block = cursor.block()
        at = cursor.position() - block.position()
        for word in words_to_check(block.text()):
            if word.start <= at <= word.end:
                links = _link_ranges(block)
                if any(s < word.end and word.start < e for s, e in links):
                    return None
                return None if checker.is_correct(word.word) else (block, word)
        return None

    def add_actions(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Put the suggestions for the misspelt word at ``cursor`` and "Add to dictionary" at
        the top of ``menu``."""
        found = self.misspelt_at(cursor)
        checker = self.spelling.checker
        if found is None or checker is None:
            return
        block, word = found
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        if not self.editor.isReadOnly():
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                suggestions = checker.suggestions(word.word)
            finally:
                QApplication.restoreOverrideCursor()
            for suggestion in suggestions:
                action = QAction(suggestion, menu)
                font = QFont(action.font())
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(
                    lambda _=False, s=suggestion: self.replace(block, word, s)
                )
                added.append(action)
            if not suggestions:
                none = QAction(NO_SUGGESTIONS, menu)
                none.setEnabled(False)
                added.append(none)
        add = QAction(ADD_TO_DICTIONARY, menu)
        add.setToolTip(f"Accept “{word.word}” in this database’s responses")
        add.triggered.connect(lambda _=False, w=word.word: self.spelling.add_word(w))
        added.append(add)
        menu.insertActions(first, added)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]

    def replace(self, block: QTextBlock, word: Word, replacement: str) -> None:
        """Put ``replacement`` in place of ``word``, as one step to undo."""
        if self.editor.isReadOnly() or block.text()[word.start : word.end] != word.word:
            return
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + word.start)
        cursor.setPosition(block.position() + word.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)


def _link_ranges(block: QTextBlock) -> list[tuple[int, int]]:
    """Where in ``block`` its links are (positions in the paragraph)."""
    ranges = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.charFormat().isAnchor():
            start = fragment.position() - block.position()
            ranges.append((start, start + fragment.length()))
        iterator += 1
    return ranges


def spelling_of(owner: QObject, db: Database) -> Spelling:
    """The :class:`Spelling` of ``db``, made the first time on ``owner`` (the window's
    context, so that every editor of the window shares one)."""
    for child in owner.findChildren(Spelling):
        if child.db is db:
            return child
    return Spelling(db, owner)


def spelling_near(widget: QWidget | None) -> Spelling | None:
    """The :class:`Spelling` of the view ``widget`` is in (a dialog's parent), if any."""
    while widget is not None:
        context = getattr(widget, "context", None)
        if isinstance(context, QObject):
            found = context.findChild(Spelling)
            if found is not None:
                return found
        widget = widget.parentWidget()
    return None
