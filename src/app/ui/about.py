"""Help → About: the version, where the data is, and the licences of everything bundled.

Read with the keyboard alone: Tab goes from the database file to the backups folder, the list
of components (arrows choose one, and its licence is shown) and the licence's text; Escape or
Close ends it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from app import APP_NAME, __version__
from app.licences import Component, bundled_components
from app.paths import backups_dir
from app.ui.icons import application_icon

SUMMARY = (
    "Section 55 responses to HMICFRS inspection reports, for Offices of Police and Crime "
    "Commissioners. Everything is kept in one file on this computer. The application never "
    "uses the network: it sends nothing anywhere, collects no usage data and never updates "
    "itself."
)
QT_NOTICE = (
    "Qt and PySide6 are used under the GNU Lesser General Public License, version 3 (LGPL), "
    "shown below with the GNU General Public License it adds to. They are separate library "
    "files in the program's folder (_internal\\PySide6), so you may replace them with your own "
    "build of the same Qt version; Qt's source code is published by the Qt Project "
    "(code.qt.io). Every other part bundled is listed with its licence."
)


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setObjectName("aboutDialog")
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        summary = QLabel(SUMMARY, self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        form = QFormLayout()
        form.addRow("&Database file:", self._read_only(str(db_path), "Database file"))
        form.addRow("Bac&kups:", self._read_only(str(backups_dir(db_path)), "Backups folder"))
        layout.addLayout(form)
        notice = QLabel(QT_NOTICE, self)
        notice.setWordWrap(True)
        layout.addWidget(notice)
        self.components = self._component_list(bundled_components(qVersion()))
        components_label = QLabel("&Bundled components:", self)
        components_label.setBuddy(self.components)
        layout.addWidget(components_label)
        layout.addWidget(self.components, 1)
        self.licence = QPlainTextEdit(self)
        self.licence.setReadOnly(True)
        self.licence.setAccessibleName("Licence text")
        self.licence.setTabChangesFocus(True)
        self.licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        licence_label = QLabel("&Licence:", self)
        licence_label.setBuddy(self.licence)
        layout.addWidget(licence_label)
        layout.addWidget(self.licence, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.components.currentItemChanged.connect(self._show_licence)
        self.components.setCurrentIndex(self.components.model().index(0, 0))
        self.resize(720, 680)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(application_icon().pixmap(64, 64))
        row.addWidget(icon)
        title = QLabel(f"<b>{APP_NAME}</b><br>Version {__version__}", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(title, 1)
        return row

    def _read_only(self, text: str, name: str) -> QLineEdit:
        field = QLineEdit(text, self)
        field.setReadOnly(True)
        field.setAccessibleName(name)
        field.setCursorPosition(0)
        return field

    def _component_list(self, components: list[Component]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName("Bundled components")
        tree.setHeaderLabels(["Component", "Version", "Licence"])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        for component in components:
            item = QTreeWidgetItem([component.name, component.version, component.licence])
            item.setData(0, Qt.ItemDataRole.UserRole, component)
            tree.addTopLevelItem(item)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _show_licence(self, item: QTreeWidgetItem | None) -> None:
        component = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(component, Component):
            text = component.licence_text() or f"{component.name}: {component.licence}."
            self.licence.setPlainText(text)

