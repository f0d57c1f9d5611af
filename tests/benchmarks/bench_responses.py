"""The Responses tab of a very long inspection (issue 9, item 14): showing it, and typing in it.

An inspection of 2,000 findings (every other one with both responses written) is shown in a
Responses view of a 1366×768 laptop's page; the same figures for 40 findings are measured in the
same run as the reference. "Shown" is from choosing the inspection to its first paint, with
the rows on screen built and laid out, and "usable" until no more rows are being built; a
keystroke is typing one key in the first finding's Chief Constable editor until the view has
laid out and repainted what changed (the first keystroke after showing, then the median and the
slowest of the next ones). The last two figures are the worst case: the person has scrolled
down to the very end, so that every row is built.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.db.database import Database
from app.domain.enums import FindingKind
from app.domain.model import Finding, Inspection, RoleTexts
from app.services import inspections
from app.ui.context import AppContext
from app.ui.responses import ResponsesView
from tests.benchmarks.timing import run_event_loop_until

MANY = 2000
FEW = 40
SHOW_BUDGET = 0.300
KEY_BUDGET = 0.050
KEYSTROKES = 25
PAGE = (950, 700)  # the page beside the register on a maximised 1366×768 window
FIRST_EDITOR = "Chief Constable response to Finding 1"
TEXT = "A paragraph of a response, long enough to wrap over a line or two. " * 3


def long_inspection(db: Database, count: int) -> int:
    findings = [
        Finding(
            FindingKind.AREA_FOR_IMPROVEMENT if n % 3 else FindingKind.RECOMMENDATION,
            f"Finding {n}",
            f"The force should do thing {n}.\n\n- first point\n- second point",
            responses=RoleTexts(TEXT, TEXT) if n % 2 else RoleTexts(),
        )
        for n in range(1, count + 1)
    ]
    return inspections.create_inspection(
        db, Inspection(f"{count} findings", published_on=dt.date(2023, 7, 7), findings=findings)
    )


def _settle() -> None:
    app = QApplication.instance()
    assert app is not None
    QTest.qWait(0)
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _until_built(view: ResponsesView) -> None:
    """Run the event loop while the view builds rows in the background."""
    run_event_loop_until(lambda: view.content is None or not view.content.is_building())


def _show(view: ResponsesView, inspection_id: int) -> tuple[float, float]:
    """Seconds to the first paint, and until the event loop is idle again."""
    view.show_inspection(None)
    _settle()
    start = time.perf_counter()
    view.show_inspection(inspection_id)
    run_event_loop_until(lambda: not view.loading)  # read on the database worker
    QTest.qWait(0)  # layout requests
    view.grab()  # the first paint
    painted = time.perf_counter() - start
    _until_built(view)
    return painted, time.perf_counter() - start


def _keystrokes(view: ResponsesView, count: int) -> tuple[float, float, float]:
    """Seconds for the first keystroke, then the median and the slowest of the next ones.

    Every eighth key is Return: a new line makes the editor taller, and the rows below move.
    """
    assert view.content is not None  # not view.editor(), which builds every row
    editor = next(e for e in view.content.editors() if e.accessibleName() == FIRST_EDITOR)
    editor.setFocus()
    _settle()
    samples = []
    for n in range(count):
        key = Qt.Key.Key_Return if n % 8 == 7 else Qt.Key.Key_A
        start = time.perf_counter()
        QTest.keyClick(editor, key)
        QTest.qWait(0)  # the layout and the repaint that follow it
        samples.append(time.perf_counter() - start)
    view.saver.forget()  # leave the file as it was: the next run shows it afresh
    return samples[0], statistics.median(samples[1:]), max(samples[1:])


def _median_pair(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


@contextmanager
def _view() -> Iterator[tuple[ResponsesView, int, int]]:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.sqlite3")
        try:
            few, many = long_inspection(db, FEW), long_inspection(db, MANY)
            view = ResponsesView(AppContext(db, today=lambda: dt.date(2023, 8, 14)))
            view.resize(*PAGE)
            view.show()
            try:
                yield view, few, many
            finally:
                view.saver.forget()
                view.close()
                view.deleteLater()
                _settle()
        finally:
            db.close()


def run() -> list[tuple[str, float, str]]:
    """(what was measured, seconds, the target or reference it is compared with)."""
    with _view() as (view, few, many):
        _show(view, many)  # warm up
        few_shown, few_idle = _median_pair([_show(view, few) for _ in range(5)])
        few_first, few_key, few_slowest = _keystrokes(view, KEYSTROKES)
        many_shown, many_idle = _median_pair([_show(view, many) for _ in range(3)])
        many_first, many_key, many_slowest = _keystrokes(view, KEYSTROKES)
        assert view.content is not None
        view.content.ensure_built()  # as if the person had scrolled down to the very end
        _settle()
        _, all_key, all_slowest = _keystrokes(view, KEYSTROKES)

    def verdict(seconds: float, budget: float) -> str:
        return f"< {budget * 1000:.0f} ms ({'met' if seconds < budget else 'NOT met'})"

    return [
        (f"responses: shown, {MANY} findings (first paint)", many_shown,
         f"{verdict(many_shown, SHOW_BUDGET)}; {FEW} findings {few_shown * 1000:.0f} ms"),
        (f"responses: usable, {MANY} findings (rows built)", many_idle,
         f"{verdict(many_idle, SHOW_BUDGET)}; {FEW} findings {few_idle * 1000:.0f} ms"),
        (f"responses: first keystroke, {MANY} findings", many_first,
         f"{verdict(many_first, KEY_BUDGET)}; {FEW} findings {few_first * 1000:.0f} ms"),
        (f"responses: keystroke median, {MANY} findings", many_key,
         f"{verdict(many_key, KEY_BUDGET)}; {FEW} findings {few_key * 1000:.1f} ms"),
        (f"responses: slowest keystroke (new line), {MANY} findings", many_slowest,
         f"{verdict(many_slowest, KEY_BUDGET)}; {FEW} findings {few_slowest * 1000:.1f} ms"),
        (f"responses: keystroke median, all {MANY} rows built", all_key,
         verdict(all_key, KEY_BUDGET)),
        (f"responses: slowest keystroke, all {MANY} rows built", all_slowest,
         verdict(all_slowest, KEY_BUDGET)),
    ]  # fmt: skip
