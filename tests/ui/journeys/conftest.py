"""The journeys answer the window's questions as the responses view's tests do."""

from __future__ import annotations

from tests.ui.responses.conftest import person

__all__ = ["person"]
