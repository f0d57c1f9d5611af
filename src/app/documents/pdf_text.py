"""User text → reportlab Paragraph markup: escaped, drawable with the embedded fonts, never lost.

reportlab's Paragraph parses its text as markup, so ``a<b`` raises and ``<font size=40>`` is
obeyed unless every piece of user text is escaped first; everything that reaches a Paragraph
passes through :class:`PdfText`. A character the embedded font cannot draw (CJK, some emoji)
becomes a visible replacement character and is named in a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from app.documents.elements import Span
from app.documents.pdf_styles import LINK, font_for
from app.documents.text import describe_character

REPLACEMENT = "\ufffd"
_MAX_LISTED = 12
_KEPT = frozenset("\n")
# Scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan… and their
# presentation forms), which the PDF draws in typed order because reportlab does not shape them.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_LINK_COLOUR = LINK.hexval().replace("0x", "#")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    return escape(text).replace('"', "&quot;")


class PdfText:
    """Builds Paragraph markup and remembers the characters it had to replace."""

    def __init__(self, coverage: Mapping[str, frozenset[str]]) -> None:
        self._coverage = coverage
        self._missing: dict[str, None] = {}
        self._right_to_left = False

    def plain(self, text: str, *, bold: bool = False, italic: bool = False) -> str:
        """Markup for literal text in one font (labels, table cells, headings)."""
        return self.spans((Span(text),), bold=bold, italic=italic)

    def spans(self, spans: Iterable[Span], *, bold: bool = False, italic: bool = False) -> str:
        """Markup for formatted spans; ``bold``/``italic`` apply on top of each span's own."""
        parts: list[str] = []
        for span in spans:
            if span.is_break:
                parts.append("<br/>")
                continue
            is_bold, is_italic = bold or span.bold, italic or span.italic
            text = escape(self.drawable(span.text, font_for(is_bold, is_italic)))
            text = text.replace("\n", "<br/>")
            if span.bold and not bold:
                text = f"<b>{text}</b>"
            if span.italic and not italic:
                text = f"<i>{text}</i>"
            if span.href:
                href = escape_attribute(span.href)
                text = f'<a href="{href}" color="{_LINK_COLOUR}"><u>{text}</u></a>'
            parts.append(text)
        return "".join(parts)

    def preformatted(self, spans: Iterable[Span]) -> str:
        """Code blocks: runs of spaces kept (as no-break spaces after the first)."""
        markup = self.spans(spans)
        return markup.replace("  ", " \u00a0")

    def drawable(self, text: str, font: str) -> str:
        """``text`` with what ``font`` cannot draw replaced (and remembered for the warning)."""
        text = text.replace("\t", " ")
        if text.isascii():
            return text
        if _RIGHT_TO_LEFT.search(text):
            self._right_to_left = True
        missing = set(text) - self._coverage[font] - _KEPT
        if not missing:
            return text
        for char in sorted(missing):
            self._missing.setdefault(char)
        return "".join(REPLACEMENT if char in missing else char for char in text)

    @property
    def warnings(self) -> list[str]:
        found: list[str] = []
        if self._missing:
            names = [describe_character(char) for char in list(self._missing)[:_MAX_LISTED]]
            more = len(self._missing) - len(names)
            listed = "; ".join(names) + (f"; and {more} more" if more > 0 else "")
            found.append(
                f"The PDF font cannot show {len(self._missing)} character(s), drawn as "
                f"{REPLACEMENT} instead: {listed}. The HTML and DOCX exports keep them."
            )
        if self._right_to_left:
            found.append(
                "Right-to-left text (such as Arabic or Hebrew) appears in the PDF in typed "
                "order, not shaped; use the HTML or DOCX export where it matters."
            )
        return found
