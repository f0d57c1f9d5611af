"""Pasting from Word or a web page keeps bold, italic, lists and links, and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.responses import response_states
from app.ui.responses import ResponsesView
from app.ui.responses.paste import html_to_markdown, word_lists_to_html
from tests.ui.responses.conftest import wait_for_workflow

NAME = "Chief Constable closing response"

# What Word puts on the clipboard (trimmed): styles, fonts, colours, Word's own list markup.
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!--
p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
--></style><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head>
<body lang=EN-GB><!--StartFragment-->
<h2><span style='font-family:"Arial Black";color:#2F5496'>Our response</span></h2>
<p class=MsoNormal><b><span style='font-size:14.0pt;font-family:"Times New Roman";color:red'>The
Constabulary</span></b><span style='font-size:14.0pt'> has <i>already</i> reviewed&nbsp;its
<u>processes</u> <span style='background:yellow'>in full</span>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>exit
interviews<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if
!supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>patterns and
<b>trends</b><o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>retention
<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
!supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span><![endif]>First step<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
!supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;
</span></span><![endif]>Second <a href="https://www.norfolk-pcc.gov.uk/plan">step</a><o:p></o:p></p>
<p class=MsoNormal><span style='font-family:"Courier New"'>Literal &lt;font size=40&gt;</span></p>
<img src="file:///C:/Users/x/image001.png">
<!--EndFragment--></body></html>"""

EXPECTED = (
    "**Our response**\n\n"
    "**The Constabulary** has *already* reviewed its processes in full.\n\n"
    "- exit interviews\n"
    "  - patterns and **trends**\n"
    "- retention\n"
    "1. First step\n"
    "2. Second [step](https://www.norfolk-pcc.gov.uk/plan)\n\n"
    "Literal \\<font size=40\\>"
)


def paste(view: ResponsesView, html: str, *, text: str = "") -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text or "plain")
    editor = view.editor(NAME)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertFromMimeData(mime)


def test_word_list_paragraphs_become_html_lists() -> None:
    html = word_lists_to_html(WORD_HTML)
    assert "<ul><li>exit\ninterviews<o:p></o:p><ul><li>patterns and" in html
    assert "<ol><li>First step" in html
    assert "supportLists" not in html and "·" not in html


def test_pasting_from_word_keeps_bold_italic_lists_and_links_only(
    sample_db: Database, spotlight: int, view: ResponsesView
) -> None:
    paste(view, WORD_HTML)
    editor = view.editor(NAME)
    assert editor.markdown() == EXPECTED
    assert "Times" not in editor.toHtml() and "Calibri" not in editor.toHtml()
    assert "#ff0000" not in editor.toHtml().lower()
    view.save_pending()
    saved = response_states(sample_db, spotlight)[editor.key].text
    assert saved == EXPECTED


def test_a_pasted_phrase_joins_the_paragraph_with_its_spaces(
    view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(NAME)
    editor.setFocus()
    qtbot.keyClicks(editor, "We")
    phrase = "<span style='font-size:30pt;color:blue'> <b>fully</b> accept </span>"
    paste(view, phrase, text=" fully accept ")
    qtbot.keyClicks(editor, "it.")
    assert editor.markdown() == "We **fully** accept it."


def test_plain_text_is_pasted_as_it_is(view: ResponsesView) -> None:
    mime = QMimeData()
    mime.setText("**not bold** <b>")
    editor = view.editor(NAME)
    editor.insertFromMimeData(mime)
    assert editor.toPlainText() == "**not bold** <b>"


def test_nothing_is_pasted_into_a_locked_response(view: ResponsesView) -> None:
    view.workflow_bar.sign_off_button.click()
    wait_for_workflow(view)
    paste(view, "<b>late</b>")
    assert view.editor(NAME).toPlainText() == ""


def test_html_to_markdown_drops_tables_and_images_but_keeps_their_text() -> None:
    markdown = html_to_markdown(
        "<table><tr><td>cell <i>a</i></td><td>cell b</td></tr></table><img src='x.png'>"
        "<p style='color:red'><a href='https://x.example/a b'>link</a></p>"
    )
    assert markdown == "cell *a*\n\ncell b\n\n[link](https://x.example/a%20b)"
