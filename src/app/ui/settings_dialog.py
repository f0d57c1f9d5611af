"""Organisation settings: the names, titles and branding every response uses, and the words
the spell-checker accepts in this database."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.enums import ProtectiveMarking
from app.domain.errors import AppError
from app.domain.organisation import OrganisationSettings
from app.services.backups import BackupPolicy
from app.ui import file_dialogs
from app.ui.backup_commands import backup_policy, save_backup_policy
from app.ui.context import AppContext
from app.ui.responses.spelling import spelling_of
from app.ui.step_list import EditableList
from app.ui.widgets import ErrorLabel, save_cancel_layout
from app.ui.window_state import default_settings

LOGO_FILTER = "Images (*.png *.jpg *.jpeg)"
MAX_LOGO_BYTES = 2 * 1024 * 1024
_TEXT_FIELDS = (
    ("opcc_name", "&Office (OPCC) name", "e.g. Office of the Police and Crime Commissioner for …"),
    ("commissioner_title", "Commissioner’s &title", "e.g. Police and Crime Commissioner, Mayor"),
    ("commissioner_name", "Commissioner’s &name", ""),
    ("force_name", "&Force name", "e.g. Norfolk Constabulary"),
    ("chief_title", "Chief officer’s t&itle", "e.g. Chief Constable, Commissioner of Police"),
    ("chief_name", "Chief officer’s na&me", ""),
    ("website", "&Website", "https://…"),
)
_MARKINGS = {
    ProtectiveMarking.NONE: "None",
    ProtectiveMarking.OFFICIAL: "OFFICIAL",
    ProtectiveMarking.OFFICIAL_SENSITIVE: "OFFICIAL-SENSITIVE",
}


class SettingsDialog(QDialog):
    """Edits the organisation settings; Save writes them and tells every view."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None,
        window_settings: QSettings | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._window_settings = window_settings
        self.setWindowTitle("Organisation settings")
        self.context = context
        self._settings = dataclasses.replace(context.organisation)
        self._logo, self._logo_filename = self._settings.logo, self._settings.logo_filename
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for attribute, caption, placeholder in _TEXT_FIELDS:
            edit = QLineEdit(getattr(self._settings, attribute), self)
            edit.setAccessibleName(caption.replace("&", ""))
            edit.setPlaceholderText(placeholder)
            self._row(form, caption, edit)
            self.edits[attribute] = edit
        form.addRow(*self._logo_row())
        self.cc_days = QSpinBox(self)
        self.cc_days.setAccessibleName("Chief officer’s comments due (days after publication)")
        self.cc_days.setRange(0, 365)
        self.cc_days.setSuffix(" days after publication")
        self.cc_days.setValue(self._settings.cc_comments_days)
        self._row(form, "Chief officer’s comments &due", self.cc_days)
        self.marking = QComboBox(self)
        self.marking.setAccessibleName("Protective marking")
        for marking, label in _MARKINGS.items():
            self.marking.addItem(label, marking)
        self.marking.setCurrentIndex(self.marking.findData(self._settings.protective_marking))
        self._row(form, "&Protective marking", self.marking)
        self.steps = EditableList("Office steps", "office step", self)
        self.steps.set_items(list(self._settings.office_step_names))
        self._row(form, "Office st&eps (new inspections)", self.steps)
        self.spelling = spelling_of(context, context.db)
        self.words = EditableList("Spelling words", "word", self)
        self.words.list.setAccessibleDescription(
            "Words the spell-checker accepts in this database: the force, places, people’s "
            "names, abbreviations. British English is checked otherwise."
        )
        for key in ("up", "down"):  # kept in alphabetical order
            self.words.buttons[key].hide()
        try:
            self.words.set_items(self.spelling.words())
        except AppError:
            self.words.setEnabled(False)
        self._row(form, "Spellin&g words (this database)", self.words)
        if window_settings is not None:
            form.addRow(*self._backups_row(backup_policy(window_settings)))

        self.error = ErrorLabel(self)
        save_cancel_layout(self, form, self.error)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 110)
        self._show_logo()

    def _row(self, form: QFormLayout, caption: str, widget: QWidget) -> None:
        label = QLabel(caption + ":", self)
        label.setBuddy(widget.focusProxy() or widget)
        form.addRow(label, widget)

    def _logo_row(self) -> tuple[QLabel, QWidget]:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel(box)
        self.logo_preview.setAccessibleName("Logo preview")
        height = self.fontMetrics().height() * 4
        self.logo_preview.setFixedSize(height * 3, height)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_logo = QPushButton("&Choose logo…", box)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton("&Remove logo", box)
        self.remove_logo.clicked.connect(self._remove_logo)
        row.addWidget(self.logo_preview)
        row.addWidget(self.choose_logo)
        row.addWidget(self.remove_logo)
        row.addStretch(1)
        label = QLabel("&Logo:", self)
        label.setBuddy(self.choose_logo)
        return label, box

    def _backups_row(self, policy: BackupPolicy) -> tuple[QLabel, QWidget]:
        """How many automatic backups this computer keeps (a setting of this computer's, kept
        with the window's, not in the database)."""
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.backups_daily = QSpinBox(box)
        self.backups_daily.setAccessibleName("Daily backups kept")
        self.backups_daily.setRange(1, 365)
        self.backups_daily.setSuffix(" daily")
        self.backups_daily.setValue(max(1, policy.daily))
        self.backups_weekly = QSpinBox(box)
        self.backups_weekly.setAccessibleName("Weekly backups kept")
        self.backups_weekly.setRange(0, 520)
        self.backups_weekly.setSuffix(" weekly")
        self.backups_weekly.setValue(policy.weekly)
        row.addWidget(self.backups_daily)
        row.addWidget(self.backups_weekly)
        row.addStretch(1)
        label = QLabel("Automatic &backups kept:", self)
        label.setBuddy(self.backups_daily)
        return label, box

    # --- logo ----------------------------------------------------------------------------------

    def _choose_logo(self) -> None:
        path = file_dialogs.choose_file(self, "Choose the logo", LOGO_FILTER, default_settings())
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> bool:
        """Use the image at ``path`` as the logo; show why not if it cannot be used."""
        try:
            data = path.read_bytes()
        except OSError as error:
            self.error.show_message(f"Cannot read {path.name}: {error.strerror or error}.")
            return False
        if len(data) > MAX_LOGO_BYTES:
            self.error.show_message(f"{path.name} is larger than 2 MB: choose a smaller image.")
            return False
        if QImage.fromData(data).isNull():
            self.error.show_message(f"{path.name} is not a PNG or JPEG image.")
            return False
        self.error.clear_message()
        self._logo, self._logo_filename = data, path.name
        self._show_logo()
        return True

    def _remove_logo(self) -> None:
        self._logo, self._logo_filename = b"", ""
        self._show_logo()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.logo_preview.setToolTip(self._logo_filename)
            self.logo_preview.setAccessibleDescription(f"Logo: {self._logo_filename}")
        else:
            self.logo_preview.clear()
            self.logo_preview.setText("No logo")
            self.logo_preview.setAccessibleDescription("No logo")
        self.remove_logo.setEnabled(bool(self._logo))

    # --- saving --------------------------------------------------------------------------------

    def edited(self) -> OrganisationSettings:
        return dataclasses.replace(
            self._settings,
            **{attribute: edit.text().strip() for attribute, edit in self.edits.items()},
            logo=self._logo,
            logo_filename=self._logo_filename,
            cc_comments_days=self.cc_days.value(),
            protective_marking=ProtectiveMarking(self.marking.currentData()),
            office_step_names=self.steps.items(),
        )

    def accept(self) -> None:
        try:
            self.context.save_organisation(self.edited())
            if self.words.isEnabled() and self.words.items() != self.spelling.words():
                self.spelling.set_words(self.words.items())
        except AppError as error:
            self.error.show_message(error.message)
            return
        if self._window_settings is not None:
            policy = BackupPolicy(self.backups_daily.value(), self.backups_weekly.value())
            save_backup_policy(self._window_settings, policy)
        super().accept()
