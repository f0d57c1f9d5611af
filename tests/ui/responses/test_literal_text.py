"""What a person types is what is stored and published (issue 9, defect 6).

Typed ``&lt;tag&gt; &#65;`` came back as ``&lt;tag> A``; typed ``**not bold**`` came back as
italic. The text goes through the real editor, the file, a reload of the editor and all three
exports, and must read the same everywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import hypothesis.strategies as st
import lxml.html
import pytest
from hypothesis import HealthCheck, example, given, settings
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.services.publishing import export_response
from app.services.responses import ResponseKey
from app.ui.responses import ResponsesView
from app.ui.responses.editor import ResponseEditor
from tests.documents.support import pdf_body_text

NAME = "Police and Crime Commissioner closing response"
TYPED = [
    "&lt;tag&gt; &#65; &amp; AT&T",
    "**not bold** and __not bold__ and *not italic*",
    "<b>bold?</b> <font size=40>big</font> [not a link](https://x.example)",
    "# not a heading",
    "1. not a list",
    "- not a bullet",
    "`not code` ~~not struck~~ | not | a | table |",
    "back\\slash and a trailing backslash\\",
]
ALPHABET = st.one_of(
    st.sampled_from("\\`*_{}[]()<>#+-.!|~&;:=\"' /"),
    st.sampled_from("abcXYZ019 ŵéñßΩжπ€‘’“”…–—"),
)
MakeView = Callable[[Database, "int | None"], ResponsesView]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def type_into(editor: ResponseEditor, text: str, qtbot: QtBot) -> None:
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)


def reloaded(text: str) -> str:
    """What an editor shows after loading the Markdown ``text`` (a reload)."""
    fresh = ResponseEditor(ResponseKey.closing(AuthorRole.COMMISSIONER), "check")
    try:
        fresh.load(text, 1)
        return fresh.toPlainText()
    finally:
        fresh.deleteLater()


@pytest.mark.parametrize("text", TYPED)
def test_typed_text_comes_back_exactly_after_saving_and_reloading(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot, text: str,
    make_view: MakeView,
) -> None:  # fmt: skip
    editor = view.editor(NAME)
    editor.clear()
    type_into(editor, text, qtbot)
    view.save_pending()
    again = make_view(sample_db, spotlight)
    assert again.editor(NAME).toPlainText() == text
    assert not again.editor(NAME).is_modified()


def test_typed_text_is_published_exactly_in_pdf_html_and_word(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot, tmp_path: Path
) -> None:
    editor = view.editor(NAME)
    editor.clear()
    for number, text in enumerate(TYPED):
        if number:
            editor.textCursor().insertBlock()
        type_into(editor, text, qtbot)
    view.save_pending()
    out = {kind: tmp_path / f"response.{kind}" for kind in ("pdf", "html", "docx")}
    export_response(sample_db, spotlight, pdf=out["pdf"], html=out["html"], docx=out["docx"])
    root = lxml.html.document_fromstring(out["html"].read_bytes().decode("utf-8"))
    word = docx.Document(io.BytesIO(out["docx"].read_bytes()))
    published = {
        "PDF": pdf_body_text(out["pdf"].read_bytes()),
        "HTML": "".join(root.find("body").itertext()),
        "Word": "\n".join(paragraph.text for paragraph in word.paragraphs),
    }
    for writer, text in published.items():
        for typed in TYPED:
            assert _squeeze(typed) in _squeeze(text), f"{writer} lost {typed!r}"


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30))
@example("&#65;**x**")
def test_any_typed_characters_survive_the_editor_round_trip(
    view: ResponsesView, text: str
) -> None:
    editor = view.editor(NAME)
    editor.clear()
    editor.insertPlainText(text)
    stored = editor.markdown()
    assert reloaded(stored) == text.strip(), stored
