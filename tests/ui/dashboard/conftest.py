"""The dashboard's tests look at the window as a person does: shown on the screen."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow


@pytest.fixture
def shown(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window over the samples, shown."""
    window.show()
    qtbot.waitExposed(window)
    return window
