"""The journeys answer the window's questions as the responses view's tests do."""

from __future__ import annotations

from tests.ui.responses.conftest import person, spotlight

__all__ = ["person", "spotlight"]
