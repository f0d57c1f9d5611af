"""The Document tab in the main window: rendered when opened, again after a change elsewhere."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.document import DocumentTab
from app.ui.main_window import MainWindow

from .conftest import inspection_id, wait_rendered


def document_tab(window: MainWindow) -> DocumentTab:
    (tab,) = [t for t in window.page.tabs() if isinstance(t, DocumentTab)]
    return tab


def test_the_window_has_a_document_tab_rendered_only_when_opened(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = document_tab(window)
    assert window.page.tabText(window.page.indexOf(tab)) == "Document"
    window.show()
    spotlight = inspection_id(window.context.db, "Getting a grip")
    assert window.register.select_inspection(spotlight)
    assert window.page.inspection_id == spotlight
    assert not tab.is_rendering and tab.rendered is None  # another tab is in front

    window.page.setCurrentWidget(tab)
    wait_rendered(qtbot, tab)
    assert tab.preview.page_count() == 8

    window.page.setCurrentIndex(0)
    window.page.reload()  # as after a change saved by a dialog or another tab
    assert not tab.is_rendering
    window.page.setCurrentWidget(tab)
    assert tab.is_rendering
    wait_rendered(qtbot, tab)
    window.close()
