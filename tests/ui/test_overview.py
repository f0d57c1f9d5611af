"""Opening an inspection shows it for reading: header fields, grades, findings in full."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest

from app.db.database import Database
from app.domain.enums import FindingKind
from app.domain.model import Finding, Inspection
from app.services.inspections import create_inspection
from app.services.reading import list_inspections
from app.ui.formatting import escape_markdown, nest_headings
from app.ui.main_window import MainWindow
from app.ui.overview import LOADING, PLACEHOLDER, OverviewTab
from app.ui.overview_text import inspection_markdown
from tests.ui.conftest import wait_for_tab


def _open(window: MainWindow, title_start: str) -> OverviewTab:
    summary = next(
        s for s in list_inspections(window.context.db) if s.title.startswith(title_start)
    )
    assert window.register.select_inspection(summary.id)
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    wait_for_tab(overview)
    return overview


def test_nothing_chosen_shows_a_hint(window: MainWindow) -> None:
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    assert window.page.inspection_id is None
    assert overview.browser.toPlainText() == PLACEHOLDER


def test_spotlight_header_deadline_and_findings(window: MainWindow) -> None:
    window.context.today = lambda: dt.date(2023, 8, 28)
    overview = _open(window, "PEEL Spotlight")
    assert overview.title.text() == "PEEL Spotlight – Police performance: Getting a grip"
    assert overview.header_text("Published") == "7 July 2023"
    deadline = overview.fields["Section 55 deadline"].value
    assert deadline.text().startswith("31 August 2023")
    assert "section 55(5A) of the Police Act 1996" in deadline.text()
    assert "day 1" in deadline.toolTip() and "56 days" in deadline.toolTip()
    stated = overview.fields["Stated deadline"]
    assert not stated.value.isHidden()
    assert "1 September 2023, 1 day later than the statutory deadline" in stated.value.text()
    assert overview.header_text("Status") == "Published"
    assert overview.header_text("Days left") == "Published"
    assert overview.header_text("Publication types") == "PEEL, Police performance, Spotlight"
    assert overview.header_text("Forces") == "All local forces in England and Wales"

    text = overview.browser.toPlainText()
    assert "Key findings" in text
    for reference in ("Recommendation 2", "Recommendation 3", "Recommendation 6"):
        assert reference in text
    # The sub-bullets of Recommendation 2 are kept as a list, word for word.
    assert "how they conduct exit interviews and use this information" in text
    assert "There are no areas for improvement made." in text
    assert "Due: By January 2024 (31 January 2024)" in text
    html = overview.browser.toHtml()
    assert "<li" in html


def test_peel_grades_and_questions(window: MainWindow) -> None:
    overview = _open(window, "Norfolk PEEL 2018")
    text = overview.browser.toPlainText()
    assert "Effectiveness: Good" in text
    grades = [line for line in text.splitlines() if line.startswith("Grade: ")]
    assert grades == [
        "Grade: Good", "Grade: Requires improvement", "Grade: Good", "Grade: Good",
        "Grade: Ungraded",
    ]  # fmt: skip
    assert "Question 2: How effective is the force at investigating crime" in text
    assert "Investigation quality" in text  # a ### sub-heading of the question text
    assert "Areas for improvement" in text
    assert text.count("Area for improvement 1") >= 2  # mentioned under question 2, then in full
    assert overview.fields["Stated deadline"].value.isHidden()


def test_user_text_stays_literal(
    make_window: Callable[[Path], MainWindow], db: Database, db_path: Path
) -> None:
    create_inspection(db, Inspection(
        title="Tags <b>not</b> bold", published_on=dt.date(2024, 1, 10),
        key_findings="Text with <font size=40>markup</font> & a<b",
        findings=[Finding(FindingKind.RECOMMENDATION, "Rec *1*", "- first\n- second")],
    ))  # fmt: skip
    window = make_window(db_path)
    overview = _open(window, "Tags")
    assert overview.title.text() == "Tags <b>not</b> bold"
    text = overview.browser.toPlainText()
    assert "Text with <font size=40>markup</font> & a<b" in text
    assert "Rec *1*" in text
    assert "first\nsecond" in text


def test_markdown_helpers() -> None:
    assert nest_headings("### Sub\n\ntext\n\n#### Deeper", 3) == "#### Sub\n\ntext\n\n##### Deeper"
    assert nest_headings("## Already low?", 1) == "## Already low?"
    assert nest_headings("No headings", 3) == "No headings"
    assert escape_markdown("A *b* [c] #1 <x>") == r"A \*b\* \[c\] \#1 \<x\>"


def test_markdown_of_an_empty_inspection() -> None:
    assert "No key findings" in inspection_markdown(Inspection(title="Empty"))


def test_the_report_link_opens_in_the_browser_only_when_clicked(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    overview = _open(window, "PEEL Spotlight")
    link = overview.fields["Link"].value
    assert "<a href=" in link.text() and opened == []  # shown, not opened
    link.linkActivated.emit("https://hmicfrs.justiceinspectorates.gov.uk/report")
    assert opened == ["https://hmicfrs.justiceinspectorates.gov.uk/report"]
    link.linkActivated.emit("file:///etc/passwd")
    assert len(opened) == 1  # only web addresses


def test_an_answer_about_the_inspection_before_is_dropped(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read on the database worker: moving on before the answer comes back shows "Loading…",
    and only the answer about the inspection asked for last is shown."""
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    first, second = (window.register.model.row_data(row).summary for row in range(2))
    overview.show_inspection(None)
    shown: list[int | None] = []
    refresh = overview._refresh

    def spy() -> None:
        shown.append(overview.inspection.id if overview.inspection else None)
        refresh()

    monkeypatch.setattr(overview, "_refresh", spy)
    overview.show_inspection(first.id)
    overview.show_inspection(second.id)
    assert overview.loading and overview.browser.toPlainText() == LOADING
    assert overview.title.isHidden()
    wait_for_tab(overview)
    QTest.qWait(50)  # the first answer has come back too, and was dropped
    assert shown == [second.id]
    assert overview.title.text() == second.title
