"""Fixtures shared by every test: a fresh database and settings, never the user's real data."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless by default: set before anything can import Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db.database import Database
from app.domain import clock
from app.services.samples import load_samples
from tests.postgres import NO_SERVER, Cluster, start_cluster

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


ENGINES = ("sqlite", "postgresql")


def parametrise_engines(metafunc: pytest.Metafunc) -> None:
    """Run a test that takes ``db`` (or ``sample_db``) on SQLite and on PostgreSQL, unless it
    works on the file itself (it asks for ``db_path``) or is marked ``sqlite_only``."""
    if "db" not in metafunc.fixturenames or "db_path" in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine ``db`` is on: SQLite unless the test is parametrised over both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One throw-away PostgreSQL server for the whole run (tests/postgres.py)."""
    cluster = start_cluster()
    if cluster is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the PostgreSQL half: " + NO_SERVER)
        pytest.skip(NO_SERVER)
    yield cluster
    cluster.stop()


@pytest.fixture
def db(engine: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if engine == "postgresql":
        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        url = cluster.new_database()
        database = Database.open(url)
        yield database
        database.close()
        cluster.drop(url)
        return
    database = Database.open(request.getfixturevalue("db_path"))
    yield database
    database.close()


@pytest.fixture
def db_location(db: Database) -> Path | str:
    """Where ``db`` is (a file's path or a server's address): a second ``Database.open`` of it
    is another running copy of the program on the same records."""
    return db.path if db.on_file else db.name


@pytest.fixture
def sample_db(db: Database) -> Database:
    """A database holding the two sample inspections."""
    load_samples(db)
    return db


@pytest.fixture
def london() -> Iterator[None]:
    """The machine's local time is the United Kingdom's: BST in summer, GMT in winter."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() changes the local time zone on Unix only")
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


class FakeClock:
    """The moment the application takes for now (``app.domain.clock.now_utc``), set by a test."""

    def __init__(self) -> None:
        self.moment = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)

    def set(self, moment: dt.datetime) -> None:
        self.moment = moment

    def now_utc(self) -> dt.datetime:
        return self.moment


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(clock, "now_utc", fake.now_utc)
    return fake
