"""In a few words, what a saved version of a response changed from the one before it.

The History list shows, beside each version's time and author, the first words it added,
removed or replaced, so that versions saved in the same minute can be told apart at a glance.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from app.documents.elements import blocks_text
from app.documents.markdown import parse_markdown

WORDS_SHOWN = 6


def plain_words(markdown: str) -> list[str]:
    return blocks_text(parse_markdown(markdown, 3)).split()


def _quote(words: list[str]) -> str:
    shown = " ".join(words[:WORDS_SHOWN])
    return f"“{shown}…”" if len(words) > WORDS_SHOWN else f"“{shown}”"


def describe_change(older: str | None, newer: str) -> str:
    """"added “…”", "removed “…”", "“…” → “…”", "first version", or "no change in the words"."""
    after = plain_words(newer)
    if older is None:
        return "first version" if after else "first version (empty)"
    before = plain_words(older)
    for tag, b0, b1, a0, a1 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "insert":
            return "added " + _quote(after[a0:a1])
        if tag == "delete":
            return "removed " + _quote(before[b0:b1])
        if tag == "replace":
            return f"{_quote(before[b0:b1])} → {_quote(after[a0:a1])}"
    return "no change in the words (formatting only)"
