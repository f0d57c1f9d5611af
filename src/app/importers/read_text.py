"""Plain text (a saved web page, a copy from Word, pasted text) to blocks."""

from __future__ import annotations

import re

from app.importers.blocks import SourceDocument
from app.importers.lines import lines_to_blocks, wrap_width

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise_text(text: str) -> str:
    """Line ends as ``\\n``, no byte-order mark or control characters, no blank edges."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _CONTROL.sub("", text).strip()


def read_text(text: str) -> SourceDocument:
    text = normalise_text(text)
    lines = text.split("\n")
    return SourceDocument(lines_to_blocks(lines, wrap_width(lines)), text)
