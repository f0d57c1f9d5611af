"""Which words of a response are checked for spelling, and how many words it has.

Free of Qt and of any dictionary: :mod:`app.services.spelling` looks the words up (Hunspell's
en_GB dictionary through spylls); the editors underline what it rejects.

Not checked: web addresses and e-mail addresses, numbers and words with a digit in them
("2nd", "Q3"), abbreviations and words with more than one capital ("HMICFRS", "PEEL", "PCSOs",
"TRiM"), single letters, and Markdown's
own marks (``**``, ``#``, list markers: they are not letters, so they never make a word).

The en_GB dictionary also accepts Oxford spellings ("organization", "prioritize"); British
public bodies write "-ise" and "-yse", so :func:`british_variant` offers the "-ise" spelling
for a word the dictionary accepts only because of that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SKIPPED = re.compile(
    r"(?:https?://|ftp://|mailto:|file:|www\.)\S+"  # web addresses
    r"|[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|police|info|io)\b(?:/\S*)?",  # police.uk
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# Oxford "-ize" and American "-yze" endings with at least three letters before them: "prize",
# "seize" and "size" keep their z, "capsize" has no "capsise" to prefer.
_IZE = re.compile(r"(?<=[^\W\d_]{3})(iz|yz)(e|es|ed|ing|er|ers|ation|ations|ational|able)$",
                  re.IGNORECASE)  # fmt: skip
_POSSESSIVE = re.compile(r"['’][sS]?$")


@dataclass(frozen=True, slots=True)
class Word:
    """A word to look up: ``text[start:end] == word``."""

    start: int
    end: int
    word: str


def words_to_check(text: str) -> Iterator[Word]:
    """The words of ``text`` (one paragraph) that a spelling dictionary should look up."""
    skipped = [(m.start(), m.end()) for m in _SKIPPED.finditer(text)] if _maybe_skip(text) else []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 2 or _DIGIT.search(word) or _capitals(word) > 1:
            continue
        start, end = match.span()
        if skipped and any(s < end and start < e for s, e in skipped):
            continue
        yield Word(start, end, word)


def _capitals(word: str) -> int:
    return sum(1 for c in word if c.isupper())


def _maybe_skip(text: str) -> bool:
    """Quick test before the slower address search: most paragraphs have no address."""
    return "@" in text or "." in text or ":" in text


def british_variant(word: str, accepts: Callable[[str], bool]) -> str | None:
    """The "-ise"/"-yse" spelling of an Oxford or American "-ize"/"-yze" ``word`` when
    ``accepts`` (the dictionary) knows it, else None: "organization" gives "organisation",
    "organization's" gives "organisation's"."""
    possessive = _POSSESSIVE.search(word)
    base = word[: possessive.start()] if possessive else word
    match = _IZE.search(base)
    if match is None:
        return None
    z = match.group(1)
    swapped = z[0] + ("S" if z[1] == "Z" else "s")
    british = base[: match.start()] + swapped + base[match.end(1) :]
    if not accepts(british):
        return None
    return british + (possessive.group() if possessive else "")
