"""Colours for deadline states. A colour never stands alone: the words go with it."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.domain.enums import RagState

# Light backgrounds with dark text of the same hue: readable (WCAG AA) in light and dark
# themes alike, because both colours are always set together.
_COLOURS: dict[RagState, tuple[str, str]] = {
    RagState.OVERDUE: ("#f8d7da", "#58151c"),
    RagState.DUE_SOON: ("#fff0c2", "#4d3800"),
    RagState.ON_TRACK: ("#d1e7dd", "#0a3622"),
    RagState.PUBLISHED: ("#e2e3e5", "#2b2f32"),
}


def rag_background(state: RagState) -> QColor | None:
    colours = _COLOURS.get(state)
    return QColor(colours[0]) if colours else None


def rag_foreground(state: RagState) -> QColor | None:
    colours = _COLOURS.get(state)
    return QColor(colours[1]) if colours else None


def rag_style_sheet(state: RagState) -> str:
    """A style sheet for a label showing the state's words."""
    colours = _COLOURS.get(state)
    if colours is None:
        return ""
    return f"background-color: {colours[0]}; color: {colours[1]}; padding: 1px 6px;"
