"""The Qt binding in use must not leak references to None (PySide6 6.12.0 on Python 3.11 does,
and aborts the whole application with "none_dealloc" after some thousands of calls).

Only Python 3.11 can tell: from 3.12 on None and True are immortal, their reference counts never
move, and these checks would pass whatever the binding did (pyproject.toml pins 3.11 to PySide6
6.11.3 for this reason)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None and True are immortal from Python 3.12: their reference counts cannot leak",
)


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 100


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_keeps_true_alive(qtbot: QtBot) -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for number in range(5000):
        emitter.fired.emit(number)
    assert abs(sys.getrefcount(True) - before) < 100
