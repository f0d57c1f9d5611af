"""The Qt binding in use must not leak references to None (PySide6 6.12.0 on Python 3.11 does,
and aborts the whole application with "none_dealloc" after some thousands of calls)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


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
