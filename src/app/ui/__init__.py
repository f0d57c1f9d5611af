"""The Qt user interface: the only package that imports PySide6 (pyproject's import-linter).

Importing ``app.ui`` itself stays cheap and Qt-free; :func:`create_window` loads Qt when called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from app.ui.main_window import MainWindow


def create_window(db_path: Path | str, settings: QSettings | None = None) -> MainWindow:
    """Open the database at ``db_path`` and build the main window (not yet shown).

    The caller owns the ``QApplication``. Raises :class:`app.domain.errors.AppError` when the
    database cannot be opened.
    """
    from app.ui import qt_import_check

    qt_import_check.install()  # before the window's modules are imported
    from app.ui.application import create_window as _create_window

    return _create_window(db_path, settings)


__all__ = ["create_window"]
