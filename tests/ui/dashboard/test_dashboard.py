"""The dashboard, driven as a person does: found by accessible names, used with the keyboard
and the mouse, on the real window over the samples with a fixed today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.dashboard.bars import ProgressBars
from app.ui.dashboard.sections import LineSection
from app.ui.dashboard.timeline import DeadlineTimeline
from app.ui.dashboard.view import DashboardView
from app.ui.main_window import MainWindow
from app.ui.welcome import WelcomePanel
from tests.ui.journeys.person import ANSWER_MS, Person, find, find_all

BEFORE_NORFOLK = dt.date(2019, 6, 14)  # Norfolk's deadline is 26/06/2019
AFTER_SPOTLIGHT_TARGETS = dt.date(2024, 3, 1)  # the spotlight's were due by 31/01/2024
NORFOLK_LINE = "Norfolk PEEL 2018: Effectiveness — deadline 26/06/2019, 12 days left (Green)"
SPOTLIGHT = "PEEL Spotlight – Police performance: Getting a grip"


def _view(window: MainWindow) -> DashboardView:
    return find(window, "Dashboard", DashboardView)


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key as a person presses it, in the active window."""
    Person(qtbot, window).activate()
    QTest.keyClick(window.focusWidget() or window, key, modifier)


def _show_dashboard(qtbot: QtBot, window: MainWindow, today: dt.date) -> DashboardView:
    """View → Dashboard (Ctrl+D) on ``today``; wait for its read to be shown."""
    window.context.today = lambda: today
    _press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.home.view.isVisible(), timeout=ANSWER_MS)
    view = _view(window)
    qtbot.waitUntil(
        lambda: not view.loading and view.dashboard is not None and view.dashboard.today == today,
        timeout=ANSWER_MS,
    )
    lines = [button for section in view.findChildren(LineSection) for button in section.buttons]
    qtbot.waitUntil(lambda: all(button.isVisible() for button in lines), timeout=ANSWER_MS)
    return view


def _line(window: MainWindow, words: str) -> QPushButton:
    return find(window, words, QPushButton)


def _shows_inspection(qtbot: QtBot, window: MainWindow, title: str, tab: str) -> None:
    qtbot.waitUntil(lambda: window.page.isVisible(), timeout=ANSWER_MS)
    assert not window.home.view.isVisible()

    def chosen() -> bool:  # the register is read again on the database worker first
        summary = window.current_summary()
        return summary is not None and summary.title == title

    qtbot.waitUntil(chosen, timeout=ANSWER_MS)
    assert window.page.tabText(window.page.currentIndex()).replace("&", "") == tab


def test_the_dashboard_is_the_first_thing_seen_when_there_are_inspections(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    view = _view(window)  # visible: the home, beside the register
    assert find(window, "Inspections").isVisible()
    assert not window.page.isVisible()
    qtbot.waitUntil(lambda: view.dashboard is not None, timeout=ANSWER_MS)


def test_the_dashboard_says_it_is_loading_until_its_reading_comes(
    shown: MainWindow, qtbot: QtBot
) -> None:
    """Before the first reading, no section claims "No response is due…" of a register not
    yet read: the dashboard says it is loading, and its sections come with the reading."""
    fresh = DashboardView(shown.context)
    qtbot.addWidget(fresh)
    assert fresh.summary.text() == "Loading the dashboard…"
    assert not fresh.sections.isVisibleTo(fresh)
    fresh.show()  # shown: read
    qtbot.waitUntil(lambda: fresh.dashboard is not None, timeout=ANSWER_MS)
    assert fresh.sections.isVisibleTo(fresh)
    assert fresh.summary.text().startswith("2 inspections")


def test_an_empty_database_keeps_the_welcome_panel(
    make_window: Callable[[Path], MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    assert find(window, "Welcome", WelcomePanel).isVisible()
    _press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(20)
    assert find(window, "Welcome", WelcomePanel).isVisible()
    assert not window.home.view.isVisible()


def test_the_lines_for_a_day_before_norfolks_deadline(shown: MainWindow, qtbot: QtBot) -> None:
    window = shown
    _show_dashboard(qtbot, window, BEFORE_NORFOLK)
    line = _line(window, NORFOLK_LINE)
    assert line.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert find(window, "Green").isVisible()  # the RAG word beside it, in its colour
    assert find(window, "Responses due in the next 8 weeks (1)").isVisible()
    assert find(window, "Overdue responses").isVisible()
    assert find(window, "Recommendations past their target date").isVisible()
    statuses = [spoken_name(b) for b in find_all(window, QPushButton, "Not started: ")]
    assert statuses == ["Not started: 1"]


def spoken_name(widget: QWidget) -> str:
    return widget.accessibleName()


def _lines_ending(window: MainWindow, end: str) -> list[str]:
    """The lines shown whose words end with ``end``, in order."""
    names = [b.accessibleName() for b in find_all(window, QPushButton, "")]
    return [name for name in names if name.endswith(end)]


def test_late_responses_and_recommendations_past_their_target(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    _show_dashboard(qtbot, window, AFTER_SPOTLIGHT_TARGETS)
    assert _line(window, "Norfolk PEEL 2018: Effectiveness — deadline 26/06/2019, "
                         "overdue by 1710 days (Red)")  # fmt: skip
    late = [b.accessibleName() for b in find_all(window, QPushButton, "Recommendation ")]
    assert late == [
        f"Recommendation {n} — overdue by 30 days, target 31/01/2024 (Open) — {SPOTLIGHT}"
        for n in (2, 3, 6)
    ]
    assert find(window, "Responses due in the next 8 weeks").isVisible()  # none: no count


def test_enter_on_a_line_opens_that_inspection_at_its_responses(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    _show_dashboard(qtbot, window, BEFORE_NORFOLK)
    line = _line(window, NORFOLK_LINE)
    line.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(line, Qt.Key.Key_Return)
    _shows_inspection(qtbot, window, "Norfolk PEEL 2018: Effectiveness", "Responses")
    Person(qtbot, window).see_the_answer()
    # View → Dashboard goes back.
    _show_dashboard(qtbot, window, BEFORE_NORFOLK)
    assert not window.page.isVisible()


def test_a_late_recommendation_opens_its_inspections_findings(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    _show_dashboard(qtbot, window, AFTER_SPOTLIGHT_TARGETS)
    line = find_all(window, QPushButton, "Recommendation 3 — overdue")[0]
    QTest.mouseClick(line, Qt.MouseButton.LeftButton)
    _shows_inspection(qtbot, window, SPOTLIGHT, "Findings")
    Person(qtbot, window).see_the_answer()


def test_the_timeline_says_its_deadlines_and_opens_one_with_enter(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    _show_dashboard(qtbot, window, dt.date(2019, 6, 22))
    timeline = find(window, "Coming section 55 deadlines", DeadlineTimeline)
    assert timeline.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert timeline.accessibleDescription() == (
        "Coming section 55 deadlines, from 22/06/2019 to 17/08/2019: 1 — Norfolk PEEL 2018: "
        "Effectiveness — deadline 26/06/2019, due in 4 days (Amber)."
    )
    timeline.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(timeline, Qt.Key.Key_Right)  # only one mark: stays on it
    assert timeline.current_words().endswith("due in 4 days (Amber)")
    QTest.keyClick(timeline, Qt.Key.Key_Return)
    _shows_inspection(qtbot, window, "Norfolk PEEL 2018: Effectiveness", "Responses")
    Person(qtbot, window).see_the_answer()


def test_the_chart_says_its_counts_and_a_bar_chosen_with_the_keyboard_emits_its_status(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    view = _show_dashboard(qtbot, window, AFTER_SPOTLIGHT_TARGETS)
    bars = find(window, "Recommendations by progress status", ProgressBars)
    assert bars.accessibleDescription() == (
        "Recommendations by progress status: Open 6, In progress 0, Implemented – awaiting "
        "evidence 0, Completed 0, Superseded 0, Not accepted 0."
    )
    bars.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(bars, Qt.Key.Key_Down)
    QTest.keyClick(bars, Qt.Key.Key_Up)
    with qtbot.waitSignal(view.statusChosen, timeout=ANSWER_MS) as chosen:
        QTest.keyClick(bars, Qt.Key.Key_Return)
    assert chosen.args == ["open"]
    # The bar opens what it counts: the tracker, at that status.
    tracker = window.tracker
    assert tracker is not None
    qtbot.waitUntil(lambda: tracker.isVisible() and not tracker.loading, timeout=ANSWER_MS)
    assert find(window, "Status filter", QComboBox).currentText() == "Open"
    qtbot.waitUntil(
        lambda: find(window, "Number of findings shown", QLabel).text().startswith(
            "6 findings shown: 6 open"
        ),
        timeout=ANSWER_MS,
    )


def test_a_click_on_a_bar_chooses_it(shown: MainWindow, qtbot: QtBot) -> None:
    window = shown
    view = _show_dashboard(qtbot, window, AFTER_SPOTLIGHT_TARGETS)
    bars = view.bars
    completed = bars.mark_rects()[3]
    with qtbot.waitSignal(bars.statusChosen, timeout=ANSWER_MS) as chosen:
        QTest.mouseClick(bars, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         completed.center().toPoint())  # fmt: skip
    assert chosen.args == ["completed"] and bars.current == 3


def test_choosing_an_inspection_in_the_register_leaves_the_dashboard(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    _show_dashboard(qtbot, window, BEFORE_NORFOLK)
    Person(qtbot, window).choose_inspection("Norfolk")
    qtbot.waitUntil(lambda: window.page.isVisible(), timeout=ANSWER_MS)
    _show_dashboard(qtbot, window, BEFORE_NORFOLK)
    Person(qtbot, window).choose_inspection("Norfolk")  # the register's current row again
    qtbot.waitUntil(lambda: window.page.isVisible(), timeout=ANSWER_MS)


def test_a_status_line_lists_those_inspections_in_the_register(
    shown: MainWindow, qtbot: QtBot
) -> None:
    window = shown
    _show_dashboard(qtbot, window, BEFORE_NORFOLK)
    QTest.mouseClick(_line(window, "Published: 1"), Qt.MouseButton.LeftButton)
    assert window.register.filter_edit.text() == "Published"
    assert window.register.proxy.rowCount() == 1
    assert window.home.view.isVisible()  # the dashboard stays beside the register
