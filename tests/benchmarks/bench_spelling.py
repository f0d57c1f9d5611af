"""Spell-checking a 2,000-word response as it is typed (issue 15, item 3).

A response editor holds 2,000 words of British English (ten paragraphs of 200 words, and, as
the worst case, one paragraph of 2,000) with the spell-checker attached and its first pass
over the text finished. Then 200 keys are typed at the end of the text: words the text already
has, words it has not (whose lookups are not cached yet) and misspellings. The figure is the
time the spell-checker adds to each keystroke, measured inside it (every ``highlightBlock`` a
key causes, added up), p95 and the slowest; beside it the whole keystroke without and with the
spell-checker (median and p95) and the difference of their p95s, which also counts Qt laying
the paragraph out again with its underlines. Also: reading the dictionary (on a
worker thread, once a process), the first pass over the 2,000 words (in slices: the figure is
the longest slice, the time the window cannot respond) and the suggestions for one word (the
context menu).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.services import spelling as service
from app.services.responses import ResponseKey
from app.ui.responses import spelling as ui_spelling
from app.ui.responses.editor import ResponseEditor
from app.ui.responses.spelling import Spelling

WORDS = 2000
KEY_BUDGET = 0.005
TYPED = (
    "The organisation will prioritise neighbourhood policing and recieve further "
    "funding for safeguarding vulnerable people across Norfolk this year, while "
    "the Commissioner scrutinises progress with the colour coded dashbord. "
)[:200]
SENTENCES = [
    "The Constabulary has reviewed its approach to neighbourhood policing and agreed a plan.",
    "Officers and staff will receive further training in safeguarding vulnerable people.",
    "The Commissioner will scrutinise progress through the performance and accountability board.",
    "We welcome the inspectorate's findings and recognise that there is more to do.",
    "A programme of work is under way to improve the quality of crime recording.",
    "Victims should receive a consistent service wherever they live in the county.",
]


def response_text(words: int, paragraphs: int) -> str:
    """``words`` words of plausible British English in ``paragraphs`` paragraphs."""
    pool = " ".join(SENTENCES).split()
    per = words // paragraphs
    return "\n\n".join(
        " ".join(pool[(p * per + n) % len(pool)] for n in range(per)) for p in range(paragraphs)
    )


def _wait(done: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not done() and time.perf_counter() < end:
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


class _Timed:
    """Adds up the time spent in a highlighter's ``highlightBlock``."""

    def __init__(self, highlighter: Any) -> None:
        self.spent = 0.0
        original = highlighter.highlightBlock

        def timed(text: str) -> None:
            start = time.perf_counter()
            original(text)
            self.spent += time.perf_counter() - start

        highlighter.highlightBlock = timed


def _keystrokes(editor: ResponseEditor, timed: _Timed | None) -> tuple[list[float], list[float]]:
    """Seconds per key (whole keystroke) and, with ``timed``, the spell-checker's share."""
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    whole, added = [], []
    for char in TYPED:
        before = timed.spent if timed else 0.0
        start = time.perf_counter()
        QTest.keyClicks(editor, char)
        whole.append(time.perf_counter() - start)
        added.append((timed.spent - before) if timed else 0.0)
    return whole, added


MEMORY = (
    "import gc\n"
    "def rss():\n"
    "    with open('/proc/self/status') as status:\n"
    "        return next(int(l.split()[1]) for l in status if l.startswith('VmRSS:'))\n"
    "from app.services.spelling import SpellChecker\n"
    "before = rss()\n"
    "checker = SpellChecker.load()\n"
    "gc.collect()\n"
    "print(before, rss())\n"
)


def _memory_mb() -> float | None:
    """What the dictionary adds to a fresh process's resident memory (MB), where Linux's
    /proc says it (a peak from ``resource`` would count the parent's memory before exec)."""
    if not Path("/proc/self/status").is_file():
        return None
    done = subprocess.run([sys.executable, "-c", MEMORY], capture_output=True, text=True,
                          check=True)  # fmt: skip
    before, after = (int(n) for n in done.stdout.split())
    return (after - before) / 1024


def _gui_gaps_while_loading(db: Database) -> tuple[float, float]:
    """Reading the dictionary afresh on the worker thread, as the window does: seconds until
    it is ready, and the longest the GUI thread's event loop went without a turn meanwhile
    (the worker holds Python's lock for a few milliseconds at a time)."""
    saved = dict(service._loaded)
    service._loaded.clear()
    spelling = Spelling(db, None)
    gaps, last = [0.0], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    spelling.start()
    _wait(lambda: spelling.checker is not None)
    ready = time.perf_counter() - start
    timer.stop()
    service._loaded.update(saved)
    spelling.deleteLater()
    return ready, max(gaps)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def run() -> list[tuple[Any, ...]]:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    results: list[tuple[Any, ...]] = []
    folder = Path(tempfile.mkdtemp(prefix="bench-spelling-"))
    db = Database.open(folder / "bench.sqlite3")
    try:
        ready, gap = _gui_gaps_while_loading(db)
        results.append(("spelling: reading the en_GB dictionary (worker thread, once)",
                        ready, "off the GUI thread"))  # fmt: skip
        results.append(("spelling: the GUI thread's longest wait while it is read", gap,
                        "reference"))  # fmt: skip
        memory = _memory_mb()
        if memory is not None:
            results.append(("spelling: memory the dictionary holds (resident)", memory, "reference",
                            "MB"))  # fmt: skip
        checker = service.SpellChecker.load()
        start = time.perf_counter()
        suggestions = checker.suggestions("recieve")
        results.append((f"spelling: suggestions for one word ({suggestions[0]}…, context menu)",
                        time.perf_counter() - start, "on right-click"))  # fmt: skip

        for paragraphs in (10, 1):
            key = ResponseKey.overall(AuthorRole.COMMISSIONER)
            plain = ResponseEditor(key, "Plain")
            plain.resize(800, 600)
            plain.show()
            plain.load(response_text(WORDS, paragraphs), 1)
            whole_plain, _ = _keystrokes(plain, None)

            spelling = Spelling(db, None)
            longest = [0.0]
            original = spelling._work

            def work(
                original: Callable[[], None] = original, longest: list[float] = longest
            ) -> None:
                start = time.perf_counter()
                original()
                longest[0] = max(longest[0], time.perf_counter() - start)

            spelling._timer.timeout.disconnect()
            spelling._timer.timeout.connect(work)
            editor = ResponseEditor(key, "Checked")
            editor.resize(800, 600)
            editor.show()
            editor.load(response_text(WORDS, paragraphs), 1)
            highlighter = spelling.attach(editor)
            start = time.perf_counter()
            def checked(s: Any = spelling) -> bool:
                return s.checker is not None and not s.busy()

            _wait(checked)
            first_pass = time.perf_counter() - start
            timed = _Timed(highlighter)
            whole, added = _keystrokes(editor, timed)
            shape = f"{paragraphs} paragraph{'s' if paragraphs > 1 else ''}"
            results += [
                (f"spelling: first pass over {WORDS:,} words ({shape}), longest slice",
                 longest[0], f"{ui_spelling.SLICE_SECONDS * 1000:.0f} ms slices"),
                (f"spelling: first pass over {WORDS:,} words ({shape}), start to end",
                 first_pass, "in the background"),
                (f"spelling: added per keystroke, {WORDS:,} words ({shape}), p95",
                 _p95(added), f"< {KEY_BUDGET * 1000:.0f} ms"),
                (f"spelling: added per keystroke, {WORDS:,} words ({shape}), slowest",
                 max(added), "reference"),
                (f"keystroke without spell-checking ({shape}), median / p95",
                 statistics.median(whole_plain), f"p95 {_p95(whole_plain) * 1000:.1f} ms"),
                (f"keystroke with spell-checking ({shape}), median / p95",
                 statistics.median(whole), f"p95 {_p95(whole) * 1000:.1f} ms"),
                (f"spelling: whole keystroke, with minus without ({shape}), p95",
                 _p95(whole) - _p95(whole_plain), f"< {KEY_BUDGET * 1000:.0f} ms"),
            ]  # fmt: skip
            for widget in (plain, editor):
                widget.close()
                widget.deleteLater()
            spelling.deleteLater()
    finally:
        db.close()
    return results
