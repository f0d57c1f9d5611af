"""A dashboard section: a few lines at first, more on asking, and a word about the rest."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.domain.enums import RagState
from app.ui.dashboard.sections import SHOWN_AT_FIRST, SHOWN_MORE, Line, LineSection


def _lines(count: int, opened: list[int]) -> list[Line]:
    def opener(n: int) -> Callable[[], None]:
        return lambda: opened.append(n)

    return [Line(f"Line {n}", opener(n)) for n in range(count)]


def test_a_long_list_shows_its_first_lines_then_more_on_asking(qtbot: QtBot) -> None:
    opened: list[int] = []
    section = LineSection("Overdue responses", "None.", counted=True)
    qtbot.addWidget(section)
    section.show()
    qtbot.waitExposed(section)
    section.set_lines(_lines(SHOWN_AT_FIRST + SHOWN_MORE + 5, opened))
    assert section.heading.text() == f"Overdue responses ({SHOWN_AT_FIRST + SHOWN_MORE + 5})"
    assert len(section.buttons) == SHOWN_AT_FIRST
    assert section.more.text() == f"Show {SHOWN_MORE} more (of {SHOWN_AT_FIRST + SHOWN_MORE + 5})"
    QTest.mouseClick(section.more, Qt.MouseButton.LeftButton)
    assert len(section.buttons) == SHOWN_AT_FIRST + SHOWN_MORE
    assert section.focusWidget() is section.buttons[SHOWN_AT_FIRST]  # the first line added
    assert section.more.text() == f"Show 5 more (of {SHOWN_AT_FIRST + SHOWN_MORE + 5})"
    QTest.mouseClick(section.more, Qt.MouseButton.LeftButton)
    assert len(section.buttons) == SHOWN_AT_FIRST + SHOWN_MORE + 5
    qtbot.waitUntil(lambda: section.more.isHidden())
    line = section.buttons[3]
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened == [3])
    QTest.keyClick(line, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: opened == [3, 3])


def test_only_the_most_urgent_are_listed_and_the_rest_are_said(qtbot: QtBot) -> None:
    section = LineSection("Recommendations past their target date", "None.")
    qtbot.addWidget(section)
    section.show()
    section.set_lines(_lines(3, []), total=16450)
    assert section.heading.text() == "Recommendations past their target date (16,450)"
    assert not section.more.isVisibleTo(section)
    assert section.beyond.isVisibleTo(section)
    assert section.beyond.text() == (
        "The 3 most urgent are listed here; 16,447 more are in the recommendation tracker."
    )


def test_an_empty_section_says_so_and_a_rag_line_has_its_word_beside_it(qtbot: QtBot) -> None:
    section = LineSection("Responses due in the next 8 weeks", "No response is due.")
    section.resize(900, 300)
    qtbot.addWidget(section)
    section.show()
    assert section.none_label.isVisibleTo(section)
    assert section.heading.text() == "Responses due in the next 8 weeks"
    words = "Norfolk — deadline 26/06/2019, due in 4 days (Amber)"
    section.set_lines([Line(words, lambda: None, RagState.DUE_SOON, "Amber",
                            "Norfolk — deadline 26/06/2019, due in 4 days")])  # fmt: skip
    assert not section.none_label.isVisibleTo(section)
    button = section.buttons[0]
    assert button.accessibleName() == words  # all of it said, the colour's word included
    assert button.text() == "Norfolk — deadline 26/06/2019, due in 4 days"
    holder = button.parentWidget()
    assert holder is not None
    chip = holder.findChildren(type(section.heading))[0]
    assert chip.text() == "Amber" and "background-color" in chip.styleSheet()
