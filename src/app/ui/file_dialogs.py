"""The file dialogs: where they start, and what they may touch.

Where they start: the last folder used (remembered between runs), else Documents, else the
home folder; never the program's own folder, and never a folder that does not exist (a missing
folder would be offered as a file name).

What they may touch: Qt's own dialog (the one used on Linux) works out each file's type by
opening the file and reading its first bytes when the name does not tell, which it does for the
database's ``-wal`` and ``-shm`` files whenever a dialog shows the database's folder. On
POSIX systems a process's locks on a file go when *any* of its descriptors for that file is
closed, so that one peek released the locks SQLite held, another copy then took itself to be
the only one and deleted the write-ahead log under the running window. The dialogs here show
icons and types from the name alone (:class:`NamesOnly`), so nothing in the program opens the
live database's files except SQLite.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo, QSettings, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

LAST_FOLDER = "files/last_folder"


class NamesOnly(QAbstractFileIconProvider):
    """Icons and type names from a file's name, never from its content."""

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        pixmaps = QStyle.StandardPixmap
        folder = what.isDir() if isinstance(what, QFileInfo) else (
            what is QAbstractFileIconProvider.IconType.Folder
        )  # fmt: skip
        return QApplication.style().standardIcon(
            pixmaps.SP_DirIcon if folder else pixmaps.SP_FileIcon
        )

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


def start_folder(settings: QSettings | None = None) -> str:
    """The last folder used if it still exists, else Documents, else the home folder."""
    remembered = str(settings.value(LAST_FOLDER, "") or "") if settings is not None else ""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (remembered, documents):
        if candidate and Path(candidate).is_dir():
            return candidate
    return str(Path.home())


def remember_folder(settings: QSettings | None, chosen: str) -> None:
    if settings is not None and chosen:
        settings.setValue(LAST_FOLDER, str(Path(chosen).parent))


def make_dialog(parent: QWidget | None, title: str, name_filter: str, folder: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, name_filter)
    if sys.platform not in ("win32", "darwin"):
        # The system's dialog on Linux (GTK, portals) may run in this process and peek into
        # files too; Qt's own, with names-only icons, does not.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.setIconProvider(NamesOnly())
    return dialog


def make_open_dialog(
    parent: QWidget | None, title: str, name_filter: str, folder: str
) -> QFileDialog:
    dialog = make_dialog(parent, title, name_filter, folder)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return dialog


def choose_file(
    parent: QWidget | None, title: str, name_filter: str, settings: QSettings | None = None,
    folder: str | None = None,
) -> str:  # fmt: skip
    """A file chosen to open, or "" when the person cancelled."""
    dialog = make_open_dialog(parent, title, name_filter, folder or start_folder(settings))
    return _answer(dialog, settings)


def _answer(dialog: QFileDialog, settings: QSettings | None) -> str:
    """Show ``dialog``; the file chosen ("" if cancelled), its folder remembered."""
    try:
        chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    finally:
        dialog.deleteLater()
    remember_folder(settings, chosen)
    return chosen


def choose_save_path(
    parent: QWidget | None, title: str, name_filter: str, file_name: str,
    settings: QSettings | None = None,
) -> str:  # fmt: skip
    """Where to save ``file_name`` (a name, no folder), or "" when the person cancelled."""
    folder = start_folder(settings)
    dialog = make_dialog(parent, title, name_filter, folder)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(str(Path(folder) / file_name))
    return _answer(dialog, settings)
