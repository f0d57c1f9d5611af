"""The window's layout (size, position, splitter, register columns), kept between sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from app import APP_NAME

GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTER = "window/splitter"
REGISTER_HEADER = "register/header"
SHOW_ARCHIVED = "register/showArchived"
CURRENT_INSPECTION = "register/currentInspection"


def default_settings() -> QSettings:
    """The user's settings file (an INI file in the per-user configuration folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def read_bytes(settings: QSettings, key: str) -> QByteArray:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) else QByteArray()


def read_int(settings: QSettings, key: str) -> int | None:
    value = settings.value(key)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def read_bool(settings: QSettings, key: str, default: bool = False) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):  # INI files give text back
        return value.lower() in ("true", "1", "yes")
    return bool(value)
