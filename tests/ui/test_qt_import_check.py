"""PySide's check of each imported module, made cheap, answers as PySide's own does."""

from __future__ import annotations

import importlib
import inspect
import sys
from types import ModuleType

import pytest

from app.ui import qt_import_check


def _pyside_s_answer(module: ModuleType) -> bool:
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


@pytest.mark.parametrize("name", [
    "app.ui.main_window", "app.ui.qt_import_check", "app.domain.model", "app.db.records",
    "sqlalchemy.orm.session", "json", "sys", "pytestqt.qtbot",
])  # fmt: skip
def test_the_cheap_check_answers_as_pyside_s_own(name: str) -> None:
    module = importlib.import_module(name)
    assert qt_import_check.uses_pyside(module, _pyside_s_answer) is _pyside_s_answer(module)


def test_installed_once_and_in_use() -> None:
    qt_import_check.install()
    feature = sys.modules[qt_import_check.FEATURE_MODULE]
    assert getattr(feature._mod_uses_pyside, "cheap", False)
    assert qt_import_check.install() is False  # already in place: nothing changed twice
