"""Fixtures for the responses view: a view over the samples, and a person answering prompts."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import InspectionStatus
from app.services import reading, workflow
from app.services.responses import ResponseState
from app.ui.context import AppContext
from app.ui.db_worker import database_worker
from app.ui.responses import ResponsesView, prompts
from app.ui.responses.conflict import Resolution
from tests.ui.conftest import wait_for_tab

WORKER_TIMEOUT_MS = 10_000  # a database worker's call takes milliseconds; ≥ 10× for a busy machine
TODAY = dt.date(2023, 8, 14)  # after publication, before the statutory deadline


@dataclass
class Person:
    """Answers the view's questions; records what was asked."""

    reason: str | None = "For the Home Office"
    note: str | None = "Correction"
    link: str | None = "https://www.norfolk-pcc.gov.uk"
    sign_off: bool = True
    conflict: tuple[Resolution, str] | None = (Resolution.KEEP_MINE, "")
    conflicts: list[tuple[str, str, ResponseState]] = field(default_factory=list)
    warnings: list[list[str]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)


@pytest.fixture(autouse=True)
def person(monkeypatch: pytest.MonkeyPatch) -> Person:
    answers = Person()

    def resolve(_p: object, name: str, mine: str, theirs: ResponseState) -> object:
        answers.conflicts.append((name, mine, theirs))
        return answers.conflict

    def confirm_sign_off(_p: object, warnings: list[str]) -> bool:
        answers.warnings.append(warnings)
        return answers.sign_off

    def asker(kind: str, value: Callable[[], str | None]) -> Callable[..., str | None]:
        def ask(*_args: object) -> str | None:
            answers.asked.append(kind)
            return value()

        return ask

    monkeypatch.setattr(prompts, "resolve_conflict", resolve)
    monkeypatch.setattr(prompts, "confirm_sign_off", confirm_sign_off)
    monkeypatch.setattr(prompts, "ask_reason", asker("reason", lambda: answers.reason))
    monkeypatch.setattr(prompts, "ask_note", asker("note", lambda: answers.note))
    monkeypatch.setattr(prompts, "ask_link", asker("link", lambda: answers.link))
    monkeypatch.setattr(prompts, "ask_step_name", asker("step", lambda: "Briefed the Panel"))
    return answers


def inspection_id(db: Database, words: str) -> int:
    (row,) = [r for r in reading.list_inspections(db) if words in r.title]
    return row.id


@pytest.fixture
def spotlight(sample_db: Database) -> int:
    """The spotlight sample, reopened for drafting (the sample is published)."""
    found = inspection_id(sample_db, "Getting a grip")
    workflow.reopen(sample_db, found, expected_status=InspectionStatus.PUBLISHED)
    return found


@pytest.fixture
def make_view(qtbot: QtBot) -> Iterator[Callable[[Database, int | None], ResponsesView]]:
    def make(db: Database, shown: int | None) -> ResponsesView:
        view = ResponsesView(AppContext(db, today=lambda: TODAY))
        # Closed views are deleted only later: stop their autosave first, or its timer saves
        # into this test's database during the next test, through an engine already disposed.
        qtbot.addWidget(view, before_close_func=lambda _: view.saver.forget())
        view.resize(1300, 900)
        view.show()
        show(view, shown)
        return view

    yield make
    # The views read on the database worker: let that end before the database is closed
    # (its fixture was made before this one, so it is closed after).
    database_worker().flush(WORKER_TIMEOUT_MS / 1000)


@pytest.fixture
def view(
    sample_db: Database, spotlight: int, make_view: Callable[[Database, int | None], ResponsesView]
) -> ResponsesView:
    return make_view(sample_db, spotlight)


def show(view: ResponsesView, inspection_id: int | None) -> None:
    """Show an inspection in the view and wait until it has been read (on the database
    worker)."""
    view.show_inspection(inspection_id)
    wait_for_tab(view)


def settle(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for_workflow(view: ResponsesView, seconds: float = WORKER_TIMEOUT_MS / 1000) -> None:
    """Wait until the status changes asked for have been written on the database worker and
    shown (milliseconds; ``seconds`` bounds it for a busy machine)."""
    deadline = time.monotonic() + seconds
    while view.workflow_bar.busy:
        assert time.monotonic() < deadline, "the status change did not come back"
        QTest.qWait(10)
