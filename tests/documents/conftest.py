"""Fixtures of the document tests: the two samples and Norfolk's organisation settings."""

from __future__ import annotations

import pytest

from app.domain.model import Inspection
from app.domain.organisation import OrganisationSettings
from tests.documents.support import PEEL_JSON, SPOTLIGHT_JSON, load_sample, norfolk_settings


@pytest.fixture
def settings() -> OrganisationSettings:
    return norfolk_settings()


@pytest.fixture
def spotlight() -> Inspection:
    return load_sample(SPOTLIGHT_JSON)


@pytest.fixture
def peel() -> Inspection:
    return load_sample(PEEL_JSON)
