"""The Findings tab: add, edit, remove and reorder findings by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import FindingKind
from app.domain.model import Finding, Inspection
from app.services import inspections, reading
from app.ui.context import AppContext
from app.ui.finding_dialog import FindingDialog
from app.ui.findings_model import FindingsModel
from app.ui.findings_tab import FindingsTab
from app.ui.main_window import MainWindow
from app.ui.overview import OverviewTab
from tests.ui.conftest import MessageLog, wait_for_tab
from tests.ui.helpers import answer_dialog


@pytest.fixture
def tab(db: Database, qtbot: QtBot) -> FindingsTab:
    inspection_id = inspections.create_inspection(db, Inspection(
        title="Custody", published_on=dt.date(2023, 7, 7),
        findings=[
            Finding(FindingKind.RECOMMENDATION, "Recommendation 1", "Do one thing."),
            Finding(FindingKind.RECOMMENDATION, "Recommendation 2", "- a\n- b",
                    addressee="the Home Office", applies=False,
                    not_applicable_reason="For the Home Office"),
        ],
    ))  # fmt: skip
    tab = FindingsTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.show_inspection(inspection_id)
    wait_for_tab(tab)
    return tab


def _references(tab: FindingsTab) -> list[str]:
    return [tab.model.finding(row).reference for row in range(tab.model.rowCount())]


def test_model_passes_the_model_tester(tab: FindingsTab, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(tab.model)
    assert tab.model.index(1, 2).data() == "No: For the Home Office"
    empty = FindingsModel()
    qtmodeltester.check(empty)


def test_add_finding_with_due_date_worked_out(
    tab: FindingsTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed: list[int] = []
    tab.inspectionChanged.connect(changed.append)

    def fill(dialog: FindingDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(FindingKind.AREA_FOR_IMPROVEMENT))
        dialog.reference.setText("Area for improvement 1")
        dialog.text.setPlainText("The force should, within six months, review:\n\n- custody")
        dialog.work_out.click()
        assert dialog.due_text.text() == "Within six months"
        assert dialog.due_on.date() == dt.date(2024, 1, 7)

    answer_dialog(monkeypatch, FindingDialog, fill)
    tab.buttons["add"].click()
    wait_for_tab(tab)  # read again on the database worker
    assert _references(tab) == ["Recommendation 1", "Recommendation 2", "Area for improvement 1"]
    added = tab.current_finding()
    assert added is not None and added.kind is FindingKind.AREA_FOR_IMPROVEMENT
    assert added.due_on == dt.date(2024, 1, 7)
    assert added.text.endswith("- custody")
    assert changed == [tab.inspection.id if tab.inspection else -1]
    assert "custody" in tab.preview.toPlainText()


def test_reference_required_and_unique(tab: FindingsTab, db: Database) -> None:
    assert tab.inspection is not None and tab.inspection.id is not None
    dialog = FindingDialog(tab.context, tab.inspection.id)
    dialog.accept()
    assert "needs a reference" in dialog.error.text()
    dialog.reference.setText("Recommendation 1")
    dialog.text.setPlainText("Kept after the refusal")
    dialog.accept()
    assert "already has a finding called “Recommendation 1”" in dialog.error.text()
    assert dialog.text.toPlainText() == "Kept after the refusal"
    assert dialog.result() != FindingDialog.DialogCode.Accepted


def test_edit_applies_and_reason(tab: FindingsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    tab.table.selectRow(1)

    def fill(dialog: FindingDialog) -> None:
        assert not dialog.applies.isChecked() and dialog.reason.isEnabled()
        dialog.applies.setChecked(True)
        assert not dialog.reason.isEnabled()
        dialog.addressee.setText("forces")

    answer_dialog(monkeypatch, FindingDialog, fill)
    tab.buttons["edit"].click()
    wait_for_tab(tab)
    edited = tab.current_finding()
    assert edited is not None and edited.reference == "Recommendation 2"
    assert edited.applies and edited.not_applicable_reason == "" and edited.addressee == "forces"
    assert edited.text == "- a\n- b"


def test_move_and_remove(tab: FindingsTab, message_log: MessageLog) -> None:
    tab.table.selectRow(1)
    assert not tab.buttons["down"].isEnabled()
    tab.buttons["up"].click()
    wait_for_tab(tab)  # written, then read again, on the database worker
    assert _references(tab) == ["Recommendation 2", "Recommendation 1"]
    assert tab.current_finding() is not None
    assert tab.current_finding().reference == "Recommendation 2"  # type: ignore[union-attr]
    message_log.answer = False
    tab.buttons["remove"].click()
    assert len(_references(tab)) == 2
    message_log.answer = True
    tab.buttons["remove"].click()
    wait_for_tab(tab)
    assert message_log.questions[-1] == "Remove “Recommendation 2”?"
    assert _references(tab) == ["Recommendation 1"]


def test_findings_tab_in_the_window_refreshes_the_overview(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    peel = next(s for s in reading.list_inspections(window.context.db)
                if s.title.startswith("Norfolk"))  # fmt: skip
    window.register.select_inspection(peel.id)
    findings = window.page.widget(1)
    assert isinstance(findings, FindingsTab)
    window.page.setCurrentWidget(findings)  # a person opens the tab to add a finding
    wait_for_tab(findings)

    def fill(dialog: FindingDialog) -> None:
        dialog.reference.setText("Recommendation 9")
        dialog.text.setPlainText("A new recommendation typed by hand.")

    answer_dialog(monkeypatch, FindingDialog, fill)
    findings.add_finding()
    wait_for_tab(findings)  # written on the database worker
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    window.page.setCurrentWidget(overview)  # a tab out of view reads when it comes into view
    wait_for_tab(overview)
    overview_text = overview.browser.toPlainText()
    assert "A new recommendation typed by hand." in overview_text


def test_tab_follows_the_page_from_the_buttons_down(tab: FindingsTab, qtbot: QtBot) -> None:
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    first = tab.buttons["add"]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    order = [first.accessibleName()]
    for _ in range(6):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().accessibleName())  # type: ignore[union-attr]
    # Move up is disabled on the first finding, so Tab passes it by.
    assert order == [
        "Add finding", "Edit finding", "Remove finding", "Move finding down",
        "Findings", "Finding text", "Add finding",
    ]  # fmt: skip
