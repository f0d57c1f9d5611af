"""Every file location the application uses, in one place.

The database lives in the user's local (not roaming) data directory unless ``--db`` or the
``OPCC_RESPONSES_DB`` environment variable says otherwise. Resources are found the same way in a
checkout, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app import APP_NAME

DB_ENV_VAR = "OPCC_RESPONSES_DB"
DB_FILE_NAME = "responses.sqlite3"


def data_dir() -> Path:
    import platformdirs  # a few milliseconds: not before the window's first paint

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def backups_dir(db_path: Path) -> Path:
    """Automatic backups (before a migration) sit beside the database they protect."""
    return db_path.parent / "backups"


def resolve_db_location(cli_value: str | os.PathLike[str] | None) -> Path | str:
    """Like :func:`resolve_db_path`, but a database server's address (``postgresql+psycopg://
    user@host/name``) is kept as the text it is."""
    for given in (cli_value, os.environ.get(DB_ENV_VAR, "").strip()):
        if isinstance(given, str) and given.strip().lower().startswith(SERVER_SCHEMES):
            return given.strip()
        if given:
            break
    return resolve_db_path(cli_value)


SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
"""How a database server's address starts (``app.db.backend`` reads the same)."""


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """``--db`` wins, then the environment variable, then the default location."""
    if cli_value:
        return Path(cli_value).expanduser()
    from_env = os.environ.get(DB_ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def resources_dir() -> Path:
    """``resources/`` in a checkout, inside the package when installed, or in a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "resources", here.parent.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("The application's resources folder is missing; reinstall it.")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def samples_dir() -> Path:
    return resource_path("samples")


def fonts_dir() -> Path:
    return resource_path("fonts")
