"""Run-time hook of the frozen programs, in place of PyInstaller's PySide6 hook.

PyInstaller's hook imports PySide6.QtCore in every process, which loads Qt (and with it ICU)
before even ``--version`` runs: the command line would start half as fast again as unfrozen,
while the application keeps Qt out of every command. This one only tells Qt where the
bundle's plugins are; PySide6 sets up the rest when the window imports it.
"""

import os
import sys


def _qt_plugin_path() -> None:
    package = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
    qt = package if sys.platform == "win32" else os.path.join(package, "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


_qt_plugin_path()
del _qt_plugin_path
