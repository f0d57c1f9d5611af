"""Two copies on one database file never overwrite each other's responses silently."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import InspectionStatus
from app.domain.errors import ConflictError
from app.domain.workflow import LockedError
from app.services import workflow
from app.services.responses import list_revisions, response_states
from app.ui.responses import ResponsesView
from app.ui.responses.conflict import ConflictDialog, Resolution
from tests.ui.conftest import MessageLog, wait_for_tab
from tests.ui.responses.conftest import Person, show

NAME = "Police and Crime Commissioner response to Recommendation 3"
MakeView = Callable[[Database, "int | None"], ResponsesView]


@pytest.fixture
def second_db(db_path: Path, sample_db: Database) -> Iterator[Database]:
    """A second copy of the application: its own Database on the same file."""
    other = Database.open(db_path)
    yield other
    other.close()


def type_at_end(qtbot: QtBot, view: ResponsesView, text: str) -> None:
    editor = view.editor(NAME)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)


@pytest.fixture
def two_views(
    sample_db: Database, second_db: Database, spotlight: int, make_view: MakeView
) -> tuple[ResponsesView, ResponsesView]:
    return make_view(sample_db, spotlight), make_view(second_db, spotlight)


def test_the_second_save_is_a_conflict_and_nothing_is_overwritten_silently(
    sample_db: Database, spotlight: int, two_views: tuple[ResponsesView, ResponsesView],
    qtbot: QtBot, person: Person,
) -> None:  # fmt: skip
    first, second = two_views
    key = first.editor(NAME).key
    type_at_end(qtbot, first, " First copy.")
    first.save_pending()
    type_at_end(qtbot, second, " Second copy.")
    person.conflict = None  # the person closes the dialog without choosing
    with pytest.raises(ConflictError, match="still in the editor"):
        second.save_pending()
    ((name, mine, theirs),) = person.conflicts
    assert name == NAME
    assert mine.rstrip().endswith("Second copy.")
    assert theirs.text.endswith("First copy.")
    assert response_states(sample_db, spotlight)[key].text.endswith("First copy.")
    assert second.editor(NAME).toPlainText().endswith("Second copy.")  # not lost either
    assert second.indicator.text() == "Not saved: changed in another window"

    person.conflict = (Resolution.KEEP_MINE, "")
    second.save_pending()
    assert response_states(sample_db, spotlight)[key].text.endswith("Second copy.")
    texts = [r.text for r in list_revisions(sample_db, spotlight, key)]
    assert texts[0].endswith("Second copy.") and texts[1].endswith("First copy.")


def test_taking_theirs_replaces_the_editor_text(
    sample_db: Database, spotlight: int, two_views: tuple[ResponsesView, ResponsesView],
    qtbot: QtBot, person: Person,
) -> None:  # fmt: skip
    first, second = two_views
    type_at_end(qtbot, first, " First copy.")
    first.save_pending()
    type_at_end(qtbot, second, " Second copy.")
    person.conflict = (Resolution.TAKE_THEIRS, "")
    second.save_pending()
    editor = second.editor(NAME)
    assert editor.toPlainText().endswith("First copy.") and not editor.is_modified()
    type_at_end(qtbot, second, " Then more.")
    second.save_pending()  # from their version now: no second conflict
    assert len(person.conflicts) == 1
    stored = response_states(sample_db, spotlight)[editor.key].text
    assert stored.endswith("First copy. Then more.")


def test_merging_by_hand_saves_the_merged_text(
    sample_db: Database, spotlight: int, two_views: tuple[ResponsesView, ResponsesView],
    qtbot: QtBot, person: Person,
) -> None:  # fmt: skip
    first, second = two_views
    type_at_end(qtbot, first, " First copy.")
    first.save_pending()
    type_at_end(qtbot, second, " Second copy.")
    person.conflict = (Resolution.MERGED, "Both: **first** and second.")
    second.save_pending()
    assert response_states(sample_db, spotlight)[first.editor(NAME).key].text == (
        "Both: **first** and second."
    )
    assert second.editor(NAME).toPlainText() == "Both: first and second."
    show(first, spotlight)  # the first copy shows it when it looks again
    assert first.editor(NAME).toPlainText() == "Both: first and second."


def test_autosave_meets_the_conflict_too(
    sample_db: Database, spotlight: int, two_views: tuple[ResponsesView, ResponsesView],
    qtbot: QtBot, person: Person,
) -> None:  # fmt: skip
    first, second = two_views
    type_at_end(qtbot, first, " First copy.")
    first.save_pending()
    type_at_end(qtbot, second, " Second copy.")
    qtbot.waitUntil(lambda: bool(person.conflicts), timeout=2000)
    key = first.editor(NAME).key
    # The person chose to keep theirs, over the first copy's version; the autosave saves it on
    # the database worker, so the test waits for it to land.
    qtbot.waitUntil(
        lambda: response_states(sample_db, spotlight)[key].text.endswith("Second copy."),
        timeout=2000,
    )


def test_a_copy_that_did_not_type_picks_up_the_other_copys_text(
    spotlight: int, two_views: tuple[ResponsesView, ResponsesView], qtbot: QtBot
) -> None:
    first, second = two_views
    type_at_end(qtbot, first, " First copy.")
    first.save_pending()
    second._poll()  # reads on the database worker
    qtbot.waitUntil(lambda: second.editor(NAME).toPlainText().endswith("First copy."))


def test_sign_off_in_one_copy_locks_the_other(
    sample_db: Database, second_db: Database, spotlight: int,
    two_views: tuple[ResponsesView, ResponsesView], qtbot: QtBot, message_log: MessageLog,
) -> None:  # fmt: skip
    _first, second = two_views
    workflow.sign_off(sample_db, spotlight, expected_status=InspectionStatus.DRAFTING)
    type_at_end(qtbot, second, " Too late.")
    with pytest.raises(LockedError):
        second.save_pending()
    assert "signed off in another window" in message_log.errors[-1]
    wait_for_tab(second)  # the status is read again on the database worker
    editor = second.editor(NAME)
    assert editor.isReadOnly() and editor.toPlainText().endswith("Too late.")
    assert not response_states(second_db, spotlight)[editor.key].text.endswith("Too late.")


def test_the_conflict_dialog_shows_both_texts_and_merges(qtbot: QtBot) -> None:
    from app.domain.enums import AuthorRole
    from app.services.responses import ResponseKey, ResponseState

    theirs = ResponseState(ResponseKey.overall(AuthorRole.COMMISSIONER), "Their **text**", 4,
                           None, "jsmith")  # fmt: skip
    dialog = ConflictDialog(
        "Police and Crime Commissioner overall response", "My text", theirs, None
    )
    qtbot.addWidget(dialog)
    assert dialog.mine.toPlainText() == "My text"
    assert dialog.theirs.toPlainText() == "Their text"
    assert dialog.theirs.accessibleName() == "Text saved in another window"
    assert dialog.merged.isHidden()
    dialog.merge.click()
    assert not dialog.merged.isHidden()
    dialog.merged.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dialog.merged, " and theirs")
    dialog.save_merged.click()
    assert dialog.resolution is Resolution.MERGED
    assert dialog.merged_text().strip() == "My text and theirs"
