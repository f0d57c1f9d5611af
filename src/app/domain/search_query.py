"""What a person typed into a search box, as the terms every engine's search understands.

Words are runs of letters and digits, as the full-text index splits text ("force's" is
"force" and "s"); every term must match (AND). Words in double quotes are one phrase, in that
order; a word ending in ``*`` matches every word it begins. Nothing typed is syntax beyond
that: brackets, colons, minus signs and SQL are just characters between words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PHRASE = re.compile(r'"([^"]*)"?')
_WORD = re.compile(r"([^\W_]+)(\*?)")


@dataclass(frozen=True, slots=True)
class Term:
    """One word, or a phrase of several in order; ``prefix``: the last word may go on."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    terms: tuple[Term, ...]

    @classmethod
    def parse(cls, typed: str) -> SearchQuery:
        terms: list[Term] = []
        position = 0
        for phrase in _PHRASE.finditer(typed):
            terms.extend(_words(typed[position : phrase.start()]))
            words = tuple(word.casefold() for word, _star in _WORD.findall(phrase.group(1)))
            if words:
                terms.append(Term(words))
            position = phrase.end()
        terms.extend(_words(typed[position:]))
        return cls(tuple(dict.fromkeys(terms)))

    @property
    def empty(self) -> bool:
        return not self.terms

    @property
    def words(self) -> list[str]:
        """Every word of every term, for highlighting where the engine cannot."""
        return [word for term in self.terms for word in term.words]

    def for_fts5(self) -> str:
        """SQLite FTS5's query syntax: each term a quoted phrase, all of them required."""
        return " ".join(
            '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "") for term in self.terms
        )

    def for_tsquery(self) -> str:
        """PostgreSQL's ``to_tsquery`` syntax: phrases with ``<->``, prefixes with ``:*``."""
        return " & ".join(
            "(" + " <-> ".join(term.words) + (":*" if term.prefix else "") + ")"
            for term in self.terms
        )


def _words(text: str) -> list[Term]:
    return [Term((word.casefold(),), prefix=bool(star)) for word, star in _WORD.findall(text)]
