"""Screenshots of the window as a maximised window on a given screen, for docs/screenshots.

Run inside the virtual environment, on a real display (an X server such as Xvfb), e.g.::

    Xvfb :88 -screen 0 1366x768x24 &
    DISPLAY=:88 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.25 .venv/bin/python \\
        scripts/screenshots.py docs/screenshots/1366x768-125 --screen 1366x768

It opens the window over a new database holding the two samples, as at first start, sized as a
maximised window on Windows (the screen less the taskbar and the title bar, which scale too),
chooses the spotlight sample's Responses tab, clicks in its first response, and saves
``<stem>.png`` and, unless the side panel shows from the start (a page 1100 pixels wide or
more), ``<stem>-history.png``: the same with the History panel open. It also prints the sizes
that matter: the register, the page, the side panel and the first response editors' widths.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

TASKBAR = 40  # Windows' taskbar, at 100 %
TITLE_BAR = 31  # a window's title bar, at 100 %


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stem", type=Path, help="the PNG files' path without .png")
    parser.add_argument("--screen", default="1366x768", help="the screen in pixels (1366x768)")
    args = parser.parse_args()
    screen_width, screen_height = (int(n) for n in args.screen.split("x"))

    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.db.database import Database
    from app.services import reading, samples
    from app.ui import create_window
    from app.ui.responses import ResponsesView

    folder = Path(tempfile.mkdtemp())
    db = Database.open(folder / "screenshots.sqlite3")
    samples.load_samples(db)
    db.close()
    app = QApplication(sys.argv[:1])
    scale = app.primaryScreen().devicePixelRatio()
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    window = create_window(folder / "screenshots.sqlite3", settings)
    window.setGeometry(
        0, 0, round(screen_width / scale), round(screen_height / scale) - TASKBAR - TITLE_BAR
    )
    window.show()
    args.stem.parent.mkdir(parents=True, exist_ok=True)

    def open_responses() -> None:
        rows = reading.list_inspections(window.context.db)
        window.show_inspection(next(r.id for r in rows if "Getting a grip" in r.title))
        tabs = [window.page.widget(n) for n in range(window.page.count())]
        view = next(tab for tab in tabs if isinstance(tab, ResponsesView))
        window.page.setCurrentWidget(view)
        QTimer.singleShot(300, lambda: shoot(view, history=False))

    def shoot(view: ResponsesView, *, history: bool) -> None:
        assert isinstance(view, ResponsesView) and view.content is not None
        window.activateWindow()
        editor = view.content.editors()[0]
        QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
        if history:
            view.toolbar.history.trigger()
        QTimer.singleShot(400, lambda: save(view, history=history))

    def save(view: ResponsesView, *, history: bool) -> None:
        path = args.stem.with_name(args.stem.name + ("-history" if history else "") + ".png")
        window.grab().save(str(path))
        assert view.content is not None
        widths = ", ".join(str(e.width()) for e in view.content.editors()[:2])
        print(
            f"{path}: window {window.width()}×{window.height()} at {scale:.0%}, register "
            f"{window.register.width()} ({'cards' if window.register.compact else 'table'}), "
            f"page {window.page.width()}, side panel "
            f"{view.side.width() if view.side.isVisible() else 'closed'}, editors {widths}"
        )
        if history or view.side.isVisible():  # open from the start: the same picture again
            window.close()
            app.quit()
        else:
            shoot(view, history=True)

    QTimer.singleShot(800, open_responses)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
