"""Helpers for the UI tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


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
