"""Helpers for the UI tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)
LAPTOP = (1366, 768)


def show_on_a_laptop(window: W, qtbot: QtBot) -> W:
    """``window`` at a laptop's size, shown and active (keys and focus go to it)."""
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def answer_dialog(
    monkeypatch: pytest.MonkeyPatch, cls: type[D], fill: Callable[[D], None]
) -> list[D]:
    """Make ``cls.exec()`` fill the dialog in as a person would, press Save, and return.

    Returns the list of dialogs shown, for the test to inspect afterwards.
    """
    shown: list[D] = []

    def exec_(self: D) -> int:
        shown.append(self)
        fill(self)
        self.accept()
        return int(self.result())

    monkeypatch.setattr(cls, "exec", exec_)
    return shown
