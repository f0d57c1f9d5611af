"""Fixtures shared by every test: a fresh database and settings, never the user's real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless by default: set before anything can import Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db.database import Database
from app.services.samples import load_samples

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SPOTLIGHT_SEED = SEEDS / "000_45dd2ec332d1d151.txt"
PEEL_SEED = SEEDS / "003_13cad28066f6ee0a.txt"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every per-user location (data, config, Qt settings) at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name in (
        "HOME",
        "USERPROFILE",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "LOCALAPPDATA",
        "APPDATA",
    ):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("OPCC_RESPONSES_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "responses.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def sample_db(db: Database) -> Database:
    """A database holding the two sample inspections."""
    load_samples(db)
    return db
