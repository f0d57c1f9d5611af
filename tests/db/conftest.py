"""Every test here that takes ``db`` runs on SQLite and on PostgreSQL (tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.conftest import parametrise_engines


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrise_engines(metafunc)
