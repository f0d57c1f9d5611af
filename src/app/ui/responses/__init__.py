"""The Responses tab: the side-by-side response editor, autosave, history and workflow."""

from __future__ import annotations

from app.ui.responses.view import ResponsesView

__all__ = ["ResponsesView"]
