"""The program always ends when its window closes, even with work still running that cannot
be stopped (issue 12: an import cancelled, then the window closed, held the process for ever)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.conftest import PEEL_SEED

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from app.importers import api
    api._parse = lambda *args: time.sleep(600)  # reading that no checkpoint interrupts
    app = QApplication(sys.argv[:1])
    from app.ui import application

    def drive():
        window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
        if not window.is_ready:  # its importer is made once the register is in
            QTimer.singleShot(50, drive)
            return
        window.importer.import_file(Path(sys.argv[2]))
        QTimer.singleShot(600, window.importer.cancel_all)
        QTimer.singleShot(900, window.close)

    QTimer.singleShot(300, drive)
    application.run_gui(Path(sys.argv[1]))
    print("returned normally", flush=True)
    """
)


def test_the_process_ends_when_the_window_closes_whatever_is_running(
    db_path: Path, sample_db: object
) -> None:
    start = time.monotonic()
    command = [sys.executable, "-c", SCRIPT, str(db_path), str(PEEL_SEED)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=False)  # fmt: skip
    took = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    assert "returned normally" not in done.stdout  # it did not wait for the reading to end
    assert took < 15, f"the window took {took:.1f} s to close"
