"""The window's frame is painted before the data layer is loaded: importing the main window
(and everything it imports) must not load SQLAlchemy, which is loaded after the paint; nor may
making the frame make PySide's ``Qt`` namespace (see app.ui.main_window)."""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.ui import qt_import_check
qt_import_check.install()
import app.ui.application
from app.ui.main_window import MainWindow
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("sqlalchemy", "alembic"))
print(" ".join(loaded[:5]) or "none")
"""


def test_the_main_window_s_modules_load_without_sqlalchemy() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          env=env, check=True, timeout=120)  # fmt: skip
    assert done.stdout.split("\n")[-2 if done.stdout.endswith("\n") else -1] == "none"


MADE = """
import sys
from pathlib import Path
import PySide6.QtCore
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
made_lazily = "Qt" not in vars(PySide6.QtCore)  # PySide makes its namespaces on first use
from app.ui import create_window
window = create_window(Path(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
print("sqlalchemy loaded" if "sqlalchemy" in sys.modules else "no sqlalchemy")
print("Qt made" if made_lazily and "Qt" in vars(PySide6.QtCore) else "no Qt namespace")
"""


def test_the_window_is_made_without_sqlalchemy_or_the_qt_namespace(
    sample_db: object, db_path: object, tmp_path: object
) -> None:
    """The frame is made without SQLAlchemy (loaded on the worker and alongside it, after the
    paint) and without PySide's ``Qt`` namespace (11 ms of enums, made after the paint)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-c", MADE, str(db_path), f"{tmp_path}/w.ini"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True,
                          timeout=120)  # fmt: skip
    assert done.stdout.strip().splitlines()[-2:] == ["no sqlalchemy", "no Qt namespace"]
