"""The window's frame is painted before the data layer is loaded: importing the main window
(and everything it imports) must not load SQLAlchemy, which the database worker loads after."""

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
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.ui import create_window
window = create_window(Path(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
print("loaded" if "sqlalchemy" in sys.modules else "none")
"""


def test_the_window_is_made_without_sqlalchemy(sample_db: object, db_path: object,
                                               tmp_path: object) -> None:  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-c", MADE, str(db_path), f"{tmp_path}/w.ini"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True,
                          timeout=120)  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "none"
