"""Times on screen are local, and saves across the autumn clock change keep their order.

At 02:00 BST on the last Sunday of October the clocks go back to 01:00 GMT: a save at 01:30 BST
is followed, forty minutes later, by one at 01:10 GMT. The History list shows the newest first,
each at the local time it was made; the status line and the lock banner say local time too.
"""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from app.ui.responses import ResponsesView
from tests.conftest import FakeClock
from tests.ui.conftest import wait_for_tab
from tests.ui.responses.conftest import Person, wait_for_workflow

CLOSING = "Chief Constable closing response"
BEFORE = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # 01:30 BST
AFTER = dt.datetime(2026, 10, 25, 1, 10, tzinfo=dt.UTC)  # 01:10 GMT
SUMMER = dt.datetime(2026, 7, 1, 11, 5, tzinfo=dt.UTC)  # 12:05 BST


def test_history_lists_saves_across_the_clock_change_newest_first_in_local_time(
    london: None, fake_clock: FakeClock, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(CLOSING)
    editor.setFocus()
    fake_clock.set(BEFORE)
    qtbot.keyClicks(editor, "Before the clocks went back.")
    view.save_pending()
    assert view.indicator.text() == "Saved 01:30"
    fake_clock.set(AFTER)
    editor.selectAll()
    qtbot.keyClicks(editor, "After the clocks went back.")
    view.save_pending()
    assert view.indicator.text() == "Saved 01:10"
    view.toolbar.history.trigger()
    wait_for_tab(view)
    versions = view.history.list
    labels = [versions.item(n).text() for n in range(versions.count())]
    assert [label[:16] for label in labels] == ["25/10/2026 01:10", "25/10/2026 01:30"]
    assert "(current)" in labels[0]
    versions.setCurrentRow(1)
    assert view.history.preview.toPlainText() == "Before the clocks went back."


def test_the_status_history_and_the_lock_banner_say_local_time(
    london: None, fake_clock: FakeClock, view: ResponsesView, person: Person
) -> None:
    fake_clock.set(SUMMER)
    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    assert " on 01/07/2026 at 12:05" in view.banner.text()
    assert view.status_history.list.item(0).text().startswith("Signed off, 01/07/2026 12:05")
