"""Switching inspection reads the responses view's whole content in one snapshot (issue 10), on
the database worker, and only the latest inspection asked for is shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from PySide6.QtTest import QTest

from app.db.database import Database
from app.ui.responses import ResponsesView
from app.ui.responses.view import LOADING
from tests.ui.conftest import wait_for_tab
from tests.ui.responses.conftest import inspection_id, show


def test_switching_inspection_is_one_read_and_no_transaction(
    sample_db: Database,
    spotlight: int,
    make_view: Callable[[Database, int | None], ResponsesView],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = make_view(sample_db, spotlight)
    peel = inspection_id(sample_db, "PEEL 2018")
    opened: list[str] = []

    def counted(kind: str, real: Callable[[], AbstractContextManager[Any]]) -> Callable[[], Any]:
        @contextmanager
        def wrapper() -> Iterator[Any]:
            opened.append(kind)
            with real() as inside:
                yield inside

        return wrapper

    monkeypatch.setattr(sample_db, "reading", counted("reading", sample_db.reading))
    monkeypatch.setattr(sample_db, "transaction", counted("transaction", sample_db.transaction))
    show(view, peel)
    assert opened == ["reading"]
    assert view.sheet is not None and view.workflow_bar.history == view.sheet.history
    assert [row.step.id for row in view.office_steps.rows] == [s.id for s in view.sheet.steps]
    opened.clear()
    show(view, spotlight)
    assert opened == ["reading"]


def test_an_answer_about_the_inspection_before_never_replaces_the_one_asked_for(
    sample_db: Database,
    spotlight: int,
    make_view: Callable[[Database, int | None], ResponsesView],
) -> None:
    view = make_view(sample_db, None)
    peel = inspection_id(sample_db, "PEEL 2018")
    view.show_inspection(spotlight)
    assert view.loading and view.placeholder.text() == LOADING  # quietly, until it is read
    view.show_inspection(peel)  # before the first answer came back
    wait_for_tab(view)
    assert view.inspection_id == peel
    assert view.sheet is not None and view.sheet.inspection_id == peel
    QTest.qWait(50)  # nothing late comes back to replace it
    assert view.inspection_id == peel
