"""Switching inspection reads the responses view's whole content in one snapshot (issue 10)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest

from app.db.database import Database
from app.ui.responses import ResponsesView
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
