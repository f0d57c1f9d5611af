"""Spell-checking and word counts in the response editors, driven through the real editor."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.responses import ResponseState
from app.services.spelling import read_own_words
from app.ui.responses import ResponsesView
from app.ui.responses.conflict import ConflictDialog
from app.ui.responses.editor import ResponseEditor
from app.ui.responses.spelling import ADD_TO_DICTIONARY, Spelling, spelling_of

PCC_REC2 = "Police and Crime Commissioner response to Recommendation 2"
WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def spelling(view: ResponsesView) -> Spelling:
    return spelling_of(view.context, view.db)


def underlined(editor: ResponseEditor) -> list[str]:
    """The words of ``editor`` drawn with the spell-check underline."""
    found = []
    block = editor.document().begin()
    while block.isValid():
        for change in block.layout().formats():
            if change.format.underlineStyle() == WAVY:
                found.append(block.text()[change.start : change.start + change.length])
        block = block.next()
    return found


def ready_editor(view: ResponsesView, qtbot: QtBot) -> ResponseEditor:
    checker = spelling(view)
    qtbot.waitUntil(lambda: checker.checker is not None and not checker.busy(), timeout=20_000)
    editor = view.editor(PCC_REC2)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def type_paragraph(editor: ResponseEditor, qtbot: QtBot, text: str) -> None:
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "\r")
    qtbot.keyClicks(editor, text)


def menu_at_word(editor: ResponseEditor, word: str) -> QMenu:
    start = editor.toPlainText().rindex(word)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start + 2)
    return editor.context_menu(editor.cursorRect(cursor).center())


def texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions()]


def test_a_misspelt_word_typed_is_underlined_and_corrected_from_the_menu(
    view: ResponsesView, qtbot: QtBot
) -> None:
    editor = ready_editor(view, qtbot)
    assert underlined(editor) == []  # the sample's British English passes
    type_paragraph(editor, qtbot, "We will recieve the organization's colour report. ")
    qtbot.waitUntil(lambda: underlined(editor) == ["recieve", "organization's"])

    menu = menu_at_word(editor, "recieve")
    assert texts(menu)[0] == "receive"
    assert ADD_TO_DICTIONARY in texts(menu)
    assert "Copy" in " ".join(texts(menu))  # Qt's own entries stay, after the suggestions
    next(a for a in menu.actions() if a.text() == "receive").trigger()
    menu.deleteLater()
    assert "We will receive the organization's" in editor.toPlainText()
    qtbot.waitUntil(lambda: underlined(editor) == ["organization's"])

    menu = menu_at_word(editor, "organization")
    assert texts(menu)[0] == "organisation's"
    menu.actions()[0].trigger()
    menu.deleteLater()
    qtbot.waitUntil(lambda: underlined(editor) == [])
    assert "the organisation's colour report" in editor.toPlainText()
    editor.undo()  # a correction is one step to undo
    assert "the organization's colour report" in editor.toPlainText()


def test_links_addresses_capitals_and_markdown_marks_are_not_underlined(
    view: ResponsesView, qtbot: QtBot
) -> None:
    editor = ready_editor(view, qtbot)
    type_paragraph(
        editor, qtbot,
        "See https://exmple.org/reprot and pcc@exmple.police.uk, HMICFRS PEEL Q3 **bold** # x",
    )  # fmt: skip
    qtbot.keyClicks(editor, " Finally wrods ")
    qtbot.waitUntil(lambda: underlined(editor) == ["wrods"])
    qtbot.keyClicks(editor, "Linkd")  # a link's text is not checked
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.WordLeft, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.set_link("https://example.org/linkd")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " ")
    qtbot.waitUntil(lambda: underlined(editor) == ["wrods"])
    assert editor.toPlainText().endswith("wrods Linkd ")


def test_add_to_dictionary_stops_the_underline_and_is_kept_in_the_database(
    view: ResponsesView, sample_db: Database, qtbot: QtBot
) -> None:
    editor = ready_editor(view, qtbot)
    other = view.editor("Chief Constable response to Recommendation 2")
    type_paragraph(editor, qtbot, "Supt Blenkinsopp briefed the panel.")
    qtbot.waitUntil(lambda: "Blenkinsopp" in underlined(editor))
    other.moveCursor(QTextCursor.MoveOperation.End)
    other.insertPlainText(" Blenkinsopp agrees.")
    qtbot.waitUntil(lambda: "Blenkinsopp" in underlined(other))

    menu = menu_at_word(editor, "Blenkinsopp")
    next(a for a in menu.actions() if a.text() == ADD_TO_DICTIONARY).trigger()
    menu.deleteLater()
    qtbot.waitUntil(lambda: "Blenkinsopp" in read_own_words(sample_db))  # the database worker
    qtbot.waitUntil(lambda: "Blenkinsopp" not in underlined(editor) + underlined(other))
    menu = menu_at_word(editor, "Blenkinsopp")
    assert ADD_TO_DICTIONARY not in texts(menu)  # no longer misspelt
    menu.deleteLater()


def test_the_word_count_under_an_editor_follows_typing(
    view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(PCC_REC2)
    row = next(r for r in view.content.rows if editor in r.editors.values())  # type: ignore[union-attr]
    label = next(row.counts[role] for role, e in row.editors.items() if e is editor)
    assert label.accessibleName() == f"Word count of {PCC_REC2}"
    before = int(label.text().split()[0].replace(",", ""))
    assert before > 0 and label.text().endswith(" words")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " three more words")
    qtbot.waitUntil(lambda: label.text() == f"{before + 3:,} words")
    editor.selectAll()
    qtbot.keyClicks(editor, "One")
    qtbot.waitUntil(lambda: label.text() == "1 word")


def test_the_menu_key_opens_the_menu_at_the_caret(view: ResponsesView, qtbot: QtBot) -> None:
    editor = ready_editor(view, qtbot)
    type_paragraph(editor, qtbot, "Teh")
    assert underlined(editor) == []  # not while the word is being typed
    qtbot.keyClicks(editor, " ")
    qtbot.waitUntil(lambda: underlined(editor) == ["Teh"])
    editor.moveCursor(QTextCursor.MoveOperation.Left)
    qtbot.waitUntil(lambda: underlined(editor) == ["Teh"])  # at its end, after typing: shown
    menu = editor.context_menu(editor.cursorRect().center() - QPoint(2, 0))
    assert "The" in texts(menu)
    menu.deleteLater()


def test_the_merged_text_of_a_conflict_is_checked_too(view: ResponsesView, qtbot: QtBot) -> None:
    ready_editor(view, qtbot)
    editor = view.editor(PCC_REC2)
    theirs = ResponseState(editor.key, "Their text", 4, None, "jsmith")
    dialog = ConflictDialog(PCC_REC2, "My text has a mistaek in it.", theirs, view)
    qtbot.addWidget(dialog)
    dialog.merge.click()
    assert dialog.merged.spell is not None
    qtbot.waitUntil(lambda: underlined(dialog.merged) == ["mistaek"])


def test_underlining_is_no_edit_to_save(view: ResponsesView, qtbot: QtBot) -> None:
    """Qt reports new underlines as a change of text: the editors must not take it as typing."""
    editor = ready_editor(view, qtbot)
    edited: list[str] = []
    for each in view.editors():
        each.edited.connect(lambda e=each: edited.append(e.accessibleName()))
    qtbot.keyClicks(editor, " Teh")
    assert edited == [PCC_REC2] * 4
    view.save_pending()
    edited.clear()
    spelling(view).add_word("Austerity")  # every editor checked again
    other = view.editor("Chief Constable response to Recommendation 2")
    other.setFocus()  # the caret leaves "Teh": underlined now
    qtbot.waitUntil(lambda: not spelling(view).busy() and underlined(editor) == ["Teh"])
    assert edited == []
    assert view.indicator.text().startswith("Saved")
