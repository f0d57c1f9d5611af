"""Nothing in the running program opens the live database's files except SQLite (issue 9,
defect 5).

On POSIX systems SQLite's locks belong to the process, and any other open and close of the
database, its ``-wal`` or its ``-shm`` releases them: another copy then deletes the log under
the running window. Qt's own file dialog did exactly that, peeking into ``-wal`` and ``-shm`` to
guess their type whenever it showed the database's folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.conftest import PEEL_SEED
from tests.ui.conftest import MessageLog

PROBE = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    from app.db.database import Database
    from app.services.samples import load_samples
    from app.ui.importing import questions

    path = Path(sys.argv[1])
    database = Database.open(path)
    load_samples(database)
    with database.transaction():
        pass  # one connection stays open in the pool, as in the window
    app = QApplication([])
    (path.parent / "MARKER").touch()  # from here on, every open is the dialog's

    def close_the_dialog() -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                widget.reject()

    QTimer.singleShot(1500, close_the_dialog)
    questions.choose_file(None, "Import a report or response", "All files (*)", str(path.parent))
    (path.parent / "MARKER-END").touch()
    database.close()
    """
)


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (.ci/run installs it)")
@pytest.mark.skipif(sys.platform != "linux", reason="the locks at stake are POSIX ones")
def test_the_import_dialog_on_the_database_folder_opens_none_of_its_files(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "responses.sqlite3"
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    trace = tmp_path / "trace.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=openat,open", "-o", str(trace),
         sys.executable, str(probe), str(database)],
        check=True, env=env, timeout=300, capture_output=True,
    )  # fmt: skip
    lines = trace.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(n for n, line in enumerate(lines) if "MARKER" in line)
    end = next(n for n, line in enumerate(lines) if "MARKER-END" in line)
    opened = [line for line in lines[start:end] if str(database) in line]
    assert opened == [], "the dialog opened the live database's files:\n" + "\n".join(opened)


@pytest.fixture
def python_opens(db_path: Path) -> Iterator[list[str]]:
    """Every ``open`` the Python code makes of the database's files while the fixture lasts."""
    watched = {str(db_path.resolve()) + end for end in ("", "-wal", "-shm", "-journal")}
    seen: list[str] = []
    active = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if active[0] and event == "open" and args and isinstance(args[0], str | Path):
            name = os.path.abspath(os.fspath(args[0]))
            if name in watched:
                seen.append(name)

    sys.addaudithook(hook)  # hooks cannot be removed; this one switches itself off
    yield seen
    active[0] = False


def test_a_working_session_opens_the_database_only_through_sqlite(
    window: MainWindow, qtbot: QtBot, python_opens: list[str], db_path: Path,
    message_log: MessageLog,
) -> None:  # fmt: skip
    from tests.ui.journeys.person import Person

    window.show()
    person = Person(qtbot, window)
    person.choose_inspection("PEEL 2018")
    person.show_tab("Responses")
    person.type(person.editor("Police and Crime Commissioner overall response"), "Words.")
    window.importer.import_file(PEEL_SEED)
    qtbot.waitUntil(lambda: window.importer.preview is not None, timeout=30_000)
    assert window.importer.preview is not None
    window.importer.preview.reject()
    # Picking the database itself in File → Import is refused before it is read.
    assert window.importer.import_file(db_path) is None
    assert any("own database" in error for error in message_log.errors)
    for end in ("-wal", "-shm"):
        assert window.importer.import_file(Path(f"{db_path}{end}")) is None
    person.show_tab("Document")
    qtbot.wait(200)
    window.close()
    assert python_opens == []
