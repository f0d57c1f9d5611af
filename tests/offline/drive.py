"""The whole program driven as a person and a script would, for the no-network tests.

``python -m tests.offline.drive window FOLDER`` opens the window (offscreen) on a database in
FOLDER and goes through the register's filter, typing a response (autosaved), an import, the
Document tab's PDF, HTML and Word files, printing to a PDF, a backup and a restore, and a
report's link. ``python -m tests.offline.drive cli FOLDER`` runs every command. Either way it
installs an audit hook first and prints, as JSON, every network event Python raised
(``socket.connect``, ``socket.getaddrinfo``, ``socket.bind``, ``urllib.Request``…) and the
steps it completed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

NETWORK_EVENTS = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.bind", "socket.sendto", "socket.sendmsg",
    "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo", "urllib.Request",
    "http.client.connect", "ftplib.connect", "smtplib.connect", "webbrowser.open",
})  # fmt: skip
seen: list[str] = []
steps: list[str] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event in NETWORK_EVENTS:
        seen.append(f"{event} {args!r}"[:300])


sys.addaudithook(_hook)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
START = time.monotonic()
SEED = ROOT / "tests" / "fixtures" / "seeds" / "003_13cad28066f6ee0a.txt"


def drive_cli(folder: Path) -> None:
    from app.cli import main

    db = str(folder / "cli.sqlite3")
    other = folder / "other-report.txt"
    other.write_text(SEED.read_text("utf-8").replace("Norfolk", "Suffolk"), "utf-8")
    commands = [
        ["--version"], ["samples"], ["list"], ["list", "--json", "--all"], ["show", "1"],
        ["show", "2", "--json"], ["export-json", str(folder / "all.json")],
        ["export", "2", "--pdf", str(folder / "r.pdf"), "--html", str(folder / "r.html"),
         "--docx", str(folder / "r.docx"), "--internal"],
        ["import", str(other)], ["import", str(folder / "all.json"), "--yes", "--json"],
        ["check"], ["check", "--json"], ["backup", str(folder / "copy.sqlite3")],
        ["restore", str(folder / "copy.sqlite3")],
    ]  # fmt: skip
    for command in commands:
        try:
            code = main(["--db", db, *command])
        except SystemExit as stop:  # --version
            code = int(stop.code or 0)
        if code != 0:
            raise SystemExit(f"{command[0]} exited {code}")
        steps.append(command[0])


def drive_window(folder: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    from app.db.database import Database
    from app.services.samples import load_samples
    from app.ui import backup_commands, create_window, file_dialogs, messages
    from app.ui.actions import ActionId
    from app.ui.document import DocumentTab, printing
    from app.ui.document.files import Format
    from app.ui.responses import ResponsesView
    from app.ui.responses.editor import ResponseEditor

    _app = QApplication(sys.argv[:1])  # kept alive for the whole drive
    db_path = folder / "window.sqlite3"
    database = Database.open(db_path)
    load_samples(database)
    database.close()
    answers: dict[str, Path] = {}

    def wait_until(what: str, condition: Callable[[], bool], seconds: float = 60) -> None:
        for _ in range(int(seconds * 50)):
            if condition():
                steps.append(f"{what} {time.monotonic() - START:.1f}")
                return
            QTest.qWait(20)
        raise SystemExit(f"gave up waiting: {what}")

    def save_path(*_args: object, **_kwargs: object) -> str:
        return str(answers["save"])

    file_dialogs.choose_save_path = save_path
    backup_commands.choose_save_path = save_path  # type: ignore[attr-defined]
    backup_commands.choose_file = lambda *_a, **_k: str(answers["open"])  # type: ignore[attr-defined]
    messages.confirm = lambda *_args: True
    messages.show_error = lambda _p, text, *_a: seen.append(f"(error shown) {text}")

    window = create_window(db_path, QSettings(str(folder / "window.ini"),
                                              QSettings.Format.IniFormat))  # fmt: skip
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(3000):  # until its tabs are built and its register filled (≤ 30 s)
        if window.is_ready:
            break
        QTest.qWait(10)
    window.backups.start_automatic()
    wait_until("automatic backup", lambda: any((folder / "backups").glob("*-auto-*")))

    search = next(w for w in window.findChildren(QLineEdit)
                  if w.accessibleName() == "Filter inspections")  # fmt: skip
    QTest.keyClicks(search, "Norfolk")
    wait_until("register filtered", lambda: window.register.proxy.rowCount() == 1)
    search.clear()

    window.refresh(select=1)
    view = next(tab for tab in window.page.tabs() if isinstance(tab, ResponsesView))
    window.page.setCurrentWidget(view)
    while window.loading or view.loading:  # read on the database worker (not a step)
        QTest.qWait(20)
    editor = next(e for e in view.findChildren(ResponseEditor)
                  if e.accessibleName() == "Police and Crime Commissioner overall response")
    editor.setFocus()
    QTest.keyClicks(editor, "Typed while offline.")
    status = next(w for w in view.findChildren(QLabel) if w.accessibleName() == "Save status")
    wait_until("response autosaved", lambda: status.text().startswith("Saved"))

    other = folder / "other-report.txt"
    other.write_text(SEED.read_text("utf-8").replace("Norfolk", "Suffolk"), "utf-8")
    window.importer.import_file(other)
    wait_until("import previewed", lambda: window.importer.preview is not None)
    preview = window.importer.preview
    assert preview is not None
    preview.accept()
    wait_until("import saved", lambda: window.register.model.rowCount() == 3)

    window.refresh(select=2)
    while window.loading:  # read on the database worker (not a step)
        QTest.qWait(20)
    document = next(tab for tab in window.page.tabs() if isinstance(tab, DocumentTab))
    window.page.setCurrentWidget(document)
    wait_until("document rendered", lambda: document.rendered is not None)
    for file_format in Format:
        answers["save"] = folder / f"response{file_format.value.suffix}"
        document.save_actions[file_format].trigger()
        wait_until(f"saved as {file_format.name}", answers["save"].exists)

    printed = folder / "printed.pdf"

    def pdf_printer(*_args: object, **_kwargs: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    printing.choose_printer = pdf_printer
    document.print_action.trigger()
    wait_until("printed to PDF", lambda: document._print_task is None and printed.exists())

    answers["save"] = folder / "copy.sqlite3"
    window.commands[ActionId.BACK_UP].trigger()
    wait_until("backed up", answers["save"].exists)
    answers["open"] = answers["save"]
    window.commands[ActionId.RESTORE_BACKUP].trigger()
    wait_until("restored", lambda: window.register.model.rowCount() == 3)

    window.page.setCurrentIndex(0)
    wait_until("report link shown", lambda: window.page.currentIndex() == 0)
    window.close()
    QTest.qWait(1)


def probe(_folder: Path) -> None:
    """What the hook sees when something does go on the network (the test's own check)."""
    import socket
    import urllib.request

    socket.getaddrinfo("localhost", 80)
    with contextlib.suppress(OSError):  # the discard port here: refused, nothing leaves
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=2)
    steps.append("probe")


if __name__ == "__main__":
    target = Path(sys.argv[2])
    drives = {"window": drive_window, "cli": drive_cli, "probe": probe}
    try:
        drives[sys.argv[1]](target)
    finally:
        print(json.dumps({"events": seen, "steps": steps}), flush=True)
