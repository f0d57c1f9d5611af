"""A person typing into a response in a real window, to be killed (SIGKILL) at any moment.

Run as ``python -m tests.crash.typist DB SETTINGS MODE SEED``. It opens the window on DB
(offscreen), puts the cursor at the end of the Commissioner's overall response of inspection 1
and types ``TEXT`` from the start, in bursts (``burst``: 5 to 40 keys at once, then a pause of
0.2 to 1 s) or steadily (``steady``: a key every 50 to 90 ms). It prints ``READY``, then
``<time.monotonic()> <keys typed>`` after every key, so that the test knows what had been typed
by the moment it killed the process.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

TEXT = ("the chief constable will report progress to the panel every quarter " * 200).strip()
EDITOR = "Police and Crime Commissioner overall response"


def main(db: str, settings: str, mode: str, seed: int) -> int:
    app = QApplication(sys.argv[:1])
    from app.ui import create_window
    from app.ui.responses import ResponsesView
    from app.ui.responses.editor import ResponseEditor

    window = create_window(Path(db), QSettings(settings, QSettings.Format.IniFormat))
    window.show()
    for _ in range(3000):  # until its tabs are built and its register filled (≤ 30 s)
        if window.is_ready:
            break
        QTest.qWait(10)
    window.refresh(select=1)
    view = next(tab for tab in window.page.tabs() if isinstance(tab, ResponsesView))
    window.page.setCurrentWidget(view)
    for _ in range(3000):  # until the register and the inspection are read (≤ 30 s)
        if not window.loading and not view.loading:
            break
        QTest.qWait(10)
    editor = next(e for e in view.findChildren(ResponseEditor) if e.accessibleName() == EDITOR)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    rng = random.Random(seed)
    typed = 0
    print("READY", flush=True)

    def type_some() -> None:
        nonlocal typed
        keys = rng.randint(5, 40) if mode == "burst" else 1
        for _ in range(keys):
            QTest.keyClicks(editor, TEXT[typed])
            typed += 1
            sys.stdout.write(f"{time.monotonic():.4f} {typed}\n")
            sys.stdout.flush()
        pause = rng.uniform(0.2, 1.0) if mode == "burst" else rng.uniform(0.05, 0.09)
        QTimer.singleShot(int(pause * 1000), type_some)

    QTimer.singleShot(0, type_some)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
