"""Writing responses: named editors, autosave, Markdown, history, collapsing, switching."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.services.responses import ResponseKey, list_revisions, load_sheet, response_states
from app.ui.responses import ResponsesView
from app.ui.responses.autosave import DELAY_MS
from tests.ui.conftest import wait_for_tab
from tests.ui.responses.conftest import inspection_id, show

CC_TITLE, PCC_TITLE = "Chief Constable", "Police and Crime Commissioner"
PCC_REC2 = "Police and Crime Commissioner response to Recommendation 2"
MakeView = Callable[[Database, "int | None"], ResponsesView]


def stored(db: Database, inspection: int, name: str, view: ResponsesView) -> str:
    return response_states(db, inspection)[view.editor(name).key].text


def test_editors_are_named_in_report_order_from_the_role_titles(view: ResponsesView) -> None:
    names = [editor.accessibleName() for editor in view.editors()]
    expected = [f"{CC_TITLE} overall response", f"{PCC_TITLE} overall response"]
    for number in (2, 3, 6):
        expected += [
            f"{role} response to Recommendation {number}" for role in (CC_TITLE, PCC_TITLE)
        ]
    expected += [f"{CC_TITLE} closing response", f"{PCC_TITLE} closing response"]
    assert names == expected
    assert (
        view.editor(f"{CC_TITLE} response to Recommendation 2")
        .toPlainText()
        .startswith("At present, the identification")
    )
    assert "<" not in view.editor(PCC_REC2).accessibleName()


def test_tab_moves_from_editor_to_editor(view: ResponsesView, qtbot: QtBot) -> None:
    first = view.editor(f"{CC_TITLE} overall response")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert view.editor(f"{PCC_TITLE} overall response").hasFocus()
    assert first.toPlainText().startswith("This spotlight report")  # no tab typed into it


def test_typing_is_saved_within_a_second_and_found_after_a_rebuild(
    sample_db: Database, spotlight: int, view: ResponsesView, make_view: MakeView, qtbot: QtBot
) -> None:
    editor = view.editor(PCC_REC2)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    started = time.monotonic()
    qtbot.keyClicks(editor, " Typed by hand.")
    assert view.indicator.text() == "Unsaved changes"
    qtbot.waitUntil(lambda: view.indicator.text().startswith("Saved "), timeout=2000)
    assert time.monotonic() - started < 1.0 + DELAY_MS / 1000
    assert stored(sample_db, spotlight, PCC_REC2, view).endswith("Typed by hand.")
    revisions = list_revisions(sample_db, spotlight, editor.key)
    assert len(revisions) == 2  # the imported text kept first, then the edit
    again = make_view(sample_db, spotlight)
    assert again.editor(PCC_REC2).toPlainText().endswith("appreciated. Typed by hand.")
    assert not again.editor(PCC_REC2).is_modified()


def test_opening_and_leaving_editors_creates_no_revisions(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    for editor in view.editors():
        editor.setFocus()
        qtbot.waitUntil(editor.hasFocus)
    view.save_pending()
    show(view, spotlight)
    for editor in view.editors():
        assert list_revisions(sample_db, spotlight, editor.key) == []
    assert view.indicator.text() == ""


def test_leaving_an_editor_saves_at_once(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    closing = view.editor(f"{CC_TITLE} closing response")
    closing.setFocus()
    qtbot.keyClicks(closing, "Thank you.")
    view.editor(PCC_REC2).setFocus()
    key = closing.key
    qtbot.waitUntil(
        lambda: getattr(response_states(sample_db, spotlight).get(key), "text", "") == "Thank you.",
        timeout=DELAY_MS // 2,  # sooner than the timer would have
    )


def test_undo_and_redo_never_undo_the_loading(view: ResponsesView, qtbot: QtBot) -> None:
    editor = view.editor(PCC_REC2)
    loaded = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == loaded  # nothing to undo yet: the text stays
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Extra")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == loaded
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == loaded + " Extra"


def test_ctrl_s_saves_at_once_and_ctrl_b_ctrl_i_format(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(f"{CC_TITLE} closing response")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Bold")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " and ")
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "italic")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # Saved on the database worker, sooner than the timer would have.
    qtbot.waitUntil(lambda: view.indicator.text().startswith("Saved "), timeout=DELAY_MS // 2)
    assert stored(sample_db, spotlight, editor.accessibleName(), view) == "**Bold** and *italic*"


def test_toolbar_lists_and_links(view: ResponsesView, qtbot: QtBot) -> None:
    editor = view.editor(f"{CC_TITLE} closing response")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "First")
    view.toolbar.bullets.trigger()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Second")
    assert editor.markdown() == "- First\n- Second"
    view.toolbar.numbers.trigger()
    assert editor.markdown().startswith("1. First\n2. Second")
    view.toolbar.numbers.trigger()  # the paragraph with the cursor leaves the list
    assert editor.markdown() == "1. First\n\nSecond"
    editor.selectAll()
    view.toolbar.numbers.trigger()
    view.toolbar.numbers.trigger()  # the whole selection becomes a list, then plain again
    assert editor.markdown() == "First\n\nSecond"
    editor.selectAll()
    view.toolbar.link.trigger()
    assert (
        "[First" in editor.markdown() and "](https://www.norfolk-pcc.gov.uk)" in editor.markdown()
    )


def test_markup_characters_survive_a_save_as_text(
    sample_db: Database, spotlight: int, view: ResponsesView, make_view: MakeView, qtbot: QtBot
) -> None:
    name = f"{CC_TITLE} closing response"
    editor = view.editor(name)
    editor.setFocus()
    qtbot.keyClicks(editor, "<font size=40>big</font> and a<b")
    view.save_pending()
    again = make_view(sample_db, spotlight)
    assert again.editor(name).toPlainText() == "<font size=40>big</font> and a<b"
    saved = stored(sample_db, spotlight, name, view)
    assert "size=40" in saved and "**" not in saved


def test_history_lists_versions_and_restores_one_as_a_new_revision(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(f"{CC_TITLE} closing response")
    editor.setFocus()
    qtbot.keyClicks(editor, "First draft.")
    view.save_pending()
    editor.selectAll()
    qtbot.keyClicks(editor, "Second draft.")
    view.save_pending()
    view.toolbar.history.trigger()
    wait_for_tab(view)
    history = view.history
    assert history.list.count() == 2
    assert "(current)" in history.list.item(0).text()
    assert not history.restore_button.isEnabled()
    history.list.setCurrentRow(1)
    assert history.preview.toPlainText() == "First draft."
    qtbot.mouseClick(history.restore_button, Qt.MouseButton.LeftButton)
    wait_for_tab(view)  # the History is read again on the database worker
    assert editor.toPlainText() == "First draft."
    assert not editor.is_modified()
    texts = [r.text for r in list_revisions(sample_db, spotlight, editor.key)]
    assert texts == ["First draft.", "Second draft.", "First draft."]
    assert history.list.count() == 3


def test_a_row_collapses_to_its_heading_which_says_what_is_written(
    view: ResponsesView, qtbot: QtBot
) -> None:
    assert view.content is not None
    row = view.content.rows[-1]  # closing comments: only the Commissioner wrote some
    assert row.summary.text() == f"No {CC_TITLE} response yet"
    qtbot.mouseClick(row.toggle, Qt.MouseButton.LeftButton)
    assert not row.body.isVisible()
    assert row.summary.isVisible()
    view.toolbar.expand.trigger()
    assert row.body.isVisible()
    view.toolbar.collapse.trigger()
    assert not any(r.body.isVisible() for r in view.content.rows)


def test_switching_inspection_saves_what_was_just_typed(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(PCC_REC2)
    editor.setFocus()
    key = editor.key
    qtbot.keyClicks(editor, "Quick words")
    show(view, inspection_id(sample_db, "PEEL 2018"))
    assert response_states(sample_db, spotlight)[key].text.endswith("Quick words")
    names = [e.accessibleName() for e in view.editors()]
    assert f"{PCC_TITLE} response to Area for improvement 1" in names


def test_role_titles_come_from_the_organisation_settings(
    sample_db: Database, spotlight: int, view: ResponsesView
) -> None:
    settings = view.context.organisation
    settings.commissioner_title = "Police, Fire and Crime Commissioner"
    view.context.save_organisation(settings)
    wait_for_tab(view)  # the rows are built again from the inspection read afresh
    view.editor("Police, Fire and Crime Commissioner response to Recommendation 2")
    view.editor("Police, Fire and Crime Commissioner overall response")


def test_a_long_report_is_built_quickly(db: Database, make_view: MakeView) -> None:
    import datetime as dt

    from app.domain.enums import FindingKind
    from app.domain.model import Finding, Inspection, RoleTexts
    from app.services import inspections

    text = "A paragraph of a response, long enough to wrap over a line or two. " * 4
    findings = [
        Finding(FindingKind.AREA_FOR_IMPROVEMENT if n % 3 else FindingKind.RECOMMENDATION,
                f"Finding {n}", "- first point\n- second point",
                responses=RoleTexts(f"{text}\n\n{text}", text))
        for n in range(1, 41)
    ]  # fmt: skip
    inspection = inspections.create_inspection(
        db, Inspection("Long report", published_on=dt.date(2023, 7, 7), findings=findings)
    )
    started = time.perf_counter()
    view = make_view(db, inspection)
    elapsed = time.perf_counter() - started
    assert len(view.editors()) == 84
    assert elapsed < 3.0, f"building 40 findings took {elapsed:.2f}s"
    sheet = load_sheet(db, inspection)
    assert view.editor("Chief Constable response to Finding 40").key == ResponseKey.finding(
        sheet.findings[-1].id or 0, AuthorRole.CHIEF_CONSTABLE
    )


def test_steady_typing_reaches_the_file_at_least_every_two_seconds(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    """Someone who never pauses for the autosave's 0.7 s still has their words saved."""
    editor = view.editor(PCC_REC2)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    start = time.monotonic()
    saved_while_typing: list[float] = []
    while time.monotonic() - start < 4.5:
        qtbot.keyClicks(editor, "w")
        qtbot.wait(120)  # steadier than the 0.7 s the debounce waits for
        if stored(sample_db, spotlight, PCC_REC2, view).endswith("w"):
            saved_while_typing.append(time.monotonic() - start)
    assert saved_while_typing, "nothing typed in 4.5 s of steady typing reached the file"
    assert saved_while_typing[0] < 2.0 + 0.5  # the first keystroke is saved within 2 s


def test_saved_at_belongs_to_the_inspection_saved_not_the_next_one_shown(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(PCC_REC2)
    editor.setFocus()
    qtbot.keyClicks(editor, " More.")
    view.save_pending()
    assert view.indicator.text().startswith("Saved ")
    show(view, inspection_id(sample_db, "PEEL 2018"))
    assert view.indicator.text() == ""  # nothing has been saved in this one
    show(view, spotlight)
    assert view.indicator.text() == ""


def test_history_entries_tell_versions_of_one_minute_apart(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(PCC_REC2)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for words in (" First addition.", " Second addition."):
        qtbot.keyClicks(editor, words)
        view.save_pending()
    view._show_history_tab()
    wait_for_tab(view)
    entries = [view.history.list.item(n).text() for n in range(view.history.list.count())]
    assert len(entries) == 3 and len(set(entries)) == 3
    newest, middle, oldest = entries
    assert "(current)" in newest and "added “Second addition.”" in newest
    assert "added “First addition.”" in middle
    assert "first version" in oldest
    time_shown = newest.split(" – ")[0]
    assert len(time_shown.split(":")) == 3  # hh:mm:ss: saves of one minute differ
