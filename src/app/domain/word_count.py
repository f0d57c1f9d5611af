"""Word counts, as a person counts words (HMICFRS and the panels set limits on responses).

A word is a run of characters between spaces with a letter or a digit in it: "well-being" and
"e.g." are one word each, a dash on its own is none. In stored Markdown the marks (``**``, ``#``,
list markers, escapes) and link addresses are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.enums import AuthorRole
from app.domain.model import Inspection

_MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_LIST_MARKER = re.compile(r"^[ \t]*(?:\d+[.)]|[-*+])[ \t]+", re.MULTILINE)
_ALPHANUMERIC = re.compile(r"[^\W_]")


def count_words(text: str) -> int:
    """How many words plain ``text`` has, as a person counts them."""
    return sum(1 for piece in text.split() if _ALPHANUMERIC.search(piece))


def count_markdown_words(markdown: str) -> int:
    """How many words stored Markdown has, its marks and link addresses left out."""
    text = _MARKDOWN_LINK_TARGET.sub("]", markdown)
    text = _MARKDOWN_LIST_MARKER.sub("", text)
    text = text.replace("\\", "")
    return count_words(text)


def words_label(count: int) -> str:
    """"1 word", "312 words", "2,048 words"."""
    return "1 word" if count == 1 else f"{count:,} words"


@dataclass(frozen=True, slots=True)
class ResponseWords:
    """The words of an inspection's responses (overall, each finding that applies, closing)."""

    chief_constable: int
    commissioner: int

    @property
    def total(self) -> int:
        return self.chief_constable + self.commissioner


def response_words(inspection: Inspection) -> ResponseWords:
    """How many words each author's responses to ``inspection`` have."""
    texts = [inspection.overall, inspection.closing]
    texts += [finding.responses for finding in inspection.findings if finding.applies]
    counts = {
        role: sum(count_markdown_words(texts_of.get(role)) for texts_of in texts)
        for role in (AuthorRole.CHIEF_CONSTABLE, AuthorRole.COMMISSIONER)
    }
    return ResponseWords(counts[AuthorRole.CHIEF_CONSTABLE], counts[AuthorRole.COMMISSIONER])
