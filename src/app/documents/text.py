"""Plain-text helpers shared by the document model and the writers.

:class:`TextCleaner` removes the characters no output format can hold (control characters other
than tab and newline, lone surrogates, Unicode non-characters) and remembers what it removed, so
the user is told instead of text silently changing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from app.domain.english_dates import long_date

_KEPT_CONTROLS = frozenset("\t\n")
# Everything XML 1.0 (HTML, DOCX) or a PDF text string cannot carry, except tab and newline.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def format_date(day: dt.date | None, missing: str = "Not recorded") -> str:
    """A date the way UK public bodies write it: "7 July 2023" (independent of the locale)."""
    if day is None:
        return missing
    return long_date(day)


def join_words(items: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C" (the seed's "PEEL, Police performance and Spotlight")."""
    words = [item.strip() for item in items if item.strip()]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def slug(text: str) -> str:
    """An ASCII identifier for anchors and bookmarks ("Recommendation 2" → "recommendation-2")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "item"


def describe_character(char: str) -> str:
    """ "U+1F600 GRINNING FACE" — how a warning names a character a person cannot see."""
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} {name}" if name else code


class TextCleaner:
    """Cleans text for every output format and collects one warning per problem found."""

    def __init__(self) -> None:
        self._removed: dict[str, set[str]] = {}

    def clean(self, text: str, where: str) -> str:
        """``text`` with CR/LF normalised and unusable characters removed (noted per ``where``)."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not _UNWANTED.search(text):
            return text
        found = self._removed.setdefault(where, set())
        found.update(char for char in _UNWANTED.findall(text) if char not in _KEPT_CONTROLS)
        return _UNWANTED.sub("", text)

    @property
    def warnings(self) -> list[str]:
        return [
            f"Removed {len(chars)} kind(s) of control character from {where} "
            f"({', '.join(sorted(describe_character(c) for c in chars))}); "
            "they cannot appear in a document."
            for where, chars in self._removed.items()
        ]
