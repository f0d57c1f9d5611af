"""Spell-checking in British English: the en_GB Hunspell dictionary (through spylls, Hunspell
in pure Python) and the database's own word list.

Loading the dictionary takes about a second, so :meth:`SpellChecker.load` is meant for a worker
thread; after that a checker is used from one thread. Looking a word up costs 0.01-0.2 ms in
spylls, so every answer is kept (a bounded cache): a paragraph checked again as it is typed only
looks up the word being typed. Suggestions take a few tenths of a second and are asked for only
from the context menu.

A short list shipped with the application (``en_GB-supplement.txt``) adds words British public
bodies use that the dictionary lacks ("wellbeing", "workstream").

The word list (``spelling_word``, migration 0004) holds the words this organisation uses that
the dictionary does not know: the force, places and people's names, "HMICFRS". A word entered in
lower case is accepted with a capital too, one entered with capitals only as it was entered
("Gwent", "HMICFRS"); a name is accepted with "'s" after it.
"""

from __future__ import annotations

import gc
import io
import itertools
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.db import records, word_store
from app.db.database import Database
from app.domain.spelling import Word, british_variant, words_to_check
from app.paths import resource_path

LOOKUP_CACHE = 100_000  # words remembered (a 2,000-word response has ~700 different words)
SUGGESTIONS = 5
_POSSESSIVE = re.compile(r"['’]s$")
_SPACES = re.compile(r"\s+")


_loaded: dict[Path, Any] = {}
_loading = threading.Lock()


def load_dictionary(path: Path) -> Any:
    """spylls' dictionary at ``path`` (``.aff`` and ``.dic``), read once a process.

    Read here rather than with ``Dictionary.from_files``, which leaves its files open."""
    with _loading:
        if path not in _loaded:
            from spylls.hunspell import Dictionary, readers
            from spylls.hunspell.readers.file_reader import BaseReader

            class MemoryReader(BaseReader):  # type: ignore[misc]
                def __init__(self, data: bytes, encoding: str = "Windows-1252") -> None:
                    self.data = data
                    super().__init__(self._open(encoding))

                def reset_encoding(self, encoding: str) -> None:
                    self.reset_io(self._open(encoding))

                def _open(self, encoding: str) -> io.StringIO:
                    return io.StringIO(self.data.decode(encoding, errors="surrogateescape"))

            aff_bytes = path.with_suffix(".aff").read_bytes()
            dic_bytes = path.with_suffix(".dic").read_bytes()
            # Half a million objects that live as long as the process. A full garbage
            # collection walks them all (about a second, holding Python's lock: the window
            # would freeze), so none runs while they are made, and once made they are frozen
            # out of every later collection (with whatever else exists by then).
            collecting = gc.isenabled()
            gc.disable()
            try:
                aff, context = readers.read_aff(MemoryReader(aff_bytes))
                dic = readers.read_dic(MemoryReader(dic_bytes, context.encoding), aff=aff,
                                       context=context)  # fmt: skip
                _loaded[path] = Dictionary(aff, dic)
                gc.freeze()
            finally:
                if collecting:
                    gc.enable()
        return _loaded[path]


def supplement_words() -> list[str]:
    """resources/dictionaries/en_GB-supplement.txt: "wellbeing" and a few more."""
    text = resource_path("dictionaries", "en_GB-supplement.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def dictionary_path() -> Path:
    """en_GB.aff and en_GB.dic, without their suffix (as spylls wants it)."""
    return resource_path("dictionaries", "en_GB")


class SpellChecker:
    """The en_GB dictionary with this database's own words."""

    def __init__(
        self, dictionary: Any, own_words: Iterable[str] = (), supplement: Iterable[str] = ()
    ) -> None:
        self._dictionary = dictionary
        self._supplement = frozenset(supplement)
        self._exact: set[str] = set()
        self._folded: set[str] = set()
        self.set_own_words(own_words)
        self._knows = lru_cache(maxsize=LOOKUP_CACHE)(self._dictionary_knows)

    @classmethod
    def load(cls, own_words: Iterable[str] = (), path: Path | None = None) -> SpellChecker:
        """A checker with the dictionary at ``path`` (en_GB by default), read once a process:
        the first call takes about a second, so make it off the GUI thread."""
        return cls(load_dictionary(path or dictionary_path()), own_words, supplement_words())

    # --- the database's own words ----------------------------------------------------------------

    def set_own_words(self, words: Iterable[str]) -> None:
        self._exact = set()
        self._folded = set()
        for word in words:
            self.add_own_word(word)

    def add_own_word(self, word: str) -> None:
        word = word.strip()
        if word:
            self._exact.add(word)
            if word == word.lower():
                self._folded.add(word)

    def _is_own(self, word: str) -> bool:
        if word in self._exact or word.lower() in self._folded:
            return True
        bare = _POSSESSIVE.sub("", word)
        return bare != word and (bare in self._exact or bare.lower() in self._folded)

    # --- checking ---------------------------------------------------------------------------------

    def is_correct(self, word: str) -> bool:
        """Whether ``word`` is spelt as British English writes it (or is one of our words)."""
        return word in self._supplement or self._is_own(word) or self._knows(word)

    def _dictionary_knows(self, word: str) -> bool:
        lookup = self._dictionary.lookup
        if lookup(word):
            return british_variant(word, lookup) is None
        if "-" in word:  # "HMICFRS-led", "Smith-Jones": every part known on its own
            parts = [part for part in word.split("-") if part]
            return bool(parts) and all(self.is_correct(part) or part.isupper() for part in parts)
        return False

    def misspelt(self, text: str) -> list[Word]:
        """The words of paragraph ``text`` that are not spelt right."""
        return [word for word in words_to_check(text) if not self.is_correct(word.word)]

    def misspelt_again(self, old_text: str, old: list[Word], text: str) -> list[Word]:
        """:meth:`misspelt` for ``text``, knowing that the paragraph ``old_text`` had the
        misspelt words ``old``: only the words around the change are looked at again (a key
        typed in a paragraph of 2,000 words checks one word, not 2,000)."""
        if not old_text or not text:
            return self.misspelt(text)
        prefix = _common_prefix(old_text, text)
        limit = min(len(old_text), len(text)) - prefix
        suffix = _common_suffix(old_text, text, limit)
        low = _chunk_start(text, prefix)
        high = _chunk_end(text, len(text) - suffix)
        shift = len(text) - len(old_text)
        before = [word for word in old if word.end <= low]
        middle = [
            Word(word.start + low, word.end + low, word.word)
            for word in self.misspelt(text[low:high])
        ]
        after = [
            Word(word.start + shift, word.end + shift, word.word)
            for word in old
            if word.start >= high - shift
        ]
        return before + middle + after

    def suggestions(self, word: str, limit: int = SUGGESTIONS) -> list[str]:
        """Better spellings for ``word``, best first (the British spelling first for "-ize")."""
        found: list[str] = []
        british = british_variant(word, self._dictionary.lookup)
        if british:
            found.append(british)
        for suggestion in itertools.islice(self._dictionary.suggest(word), limit * 3):
            if suggestion != word and suggestion not in found and self.is_correct(suggestion):
                found.append(suggestion)
            if len(found) >= limit:
                break
        return found

    def cache_info(self) -> Any:
        return self._knows.cache_info()


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (string comparisons in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    """How many characters (at most ``limit``) ``a`` and ``b`` share at their end."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


def _chunk_start(text: str, at: int) -> int:
    """Where the run of non-space characters around ``at`` starts (words never cross a space,
    and neither do addresses)."""
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _chunk_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


# --- the word list in the database ----------------------------------------------------------------


def clean_words(words: Iterable[str]) -> list[str]:
    """The words of ``words`` (one or more to an entry, split at spaces), once each, sorted."""
    found = {piece for entry in words for piece in _SPACES.split(entry.strip()) if piece}
    return sorted(found, key=lambda word: (word.casefold(), word))


def read_own_words(db: Database) -> list[str]:
    """The database's word list, sorted."""
    with db.reading() as connection:
        return clean_words(records.read_spelling_words(connection))


def add_own_word(db: Database, word: str) -> None:
    """Add ``word`` to the database's word list (nothing happens when it is there)."""
    words = clean_words([word])
    with db.transaction() as session:
        word_store.add_words(session, words)


def save_own_words(db: Database, words: Iterable[str]) -> list[str]:
    """Make the database's word list exactly ``words``; returns the list as stored."""
    wanted = clean_words(words)
    with db.transaction() as session:
        word_store.replace_words(session, wanted)
    return wanted
