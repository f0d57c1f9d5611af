"""The application's icon, made from ``resources/icons/opcc-responses.png`` (the same image
the Windows programs and installers carry as an .ico)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app.paths import resource_path

ICON_FILE = ("icons", "opcc-responses.png")


def application_icon() -> QIcon:
    return QIcon(str(resource_path(*ICON_FILE)))
