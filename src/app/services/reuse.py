"""Reuse: for a finding, the most similar findings of other inspections and what was said.

The finding's text is compared with those of other inspections' findings that were answered
(``app.db.reuse_records``) by rapidfuzz's ``token_sort_ratio`` on normalised words: the order
and the small words matter little, and a short finding is not "the same" as a long one merely
because its words are among the long one's. The best :data:`LIMIT` at or above
:data:`THRESHOLD` (of 100) come back, best first, with both authors' responses then.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from app.db import reuse_records
from app.db.database import Database
from app.db.reuse_records import PastFinding
from app.domain.search_query import SearchQuery

LIMIT = 5
THRESHOLD = 55.0
KEY_WORDS = 24
_SMALL = (
    "a an and are as at be by for from has have in into is it its of on or should that the "
    "their them these they this to was were which will with within"
)
_SMALL_WORDS = frozenset(_SMALL.split())


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A finding of another inspection like this one, and the responses given to it."""

    finding: PastFinding
    similarity: float
    """0 to 100."""

    def source(self) -> str:
        """Where it comes from, in words, for the revision it starts."""
        past = self.finding
        published = f" ({past.published_on:%B %Y})" if past.published_on else ""
        return f"{past.inspection_title}{published}, {past.reference}"


def key_words(text: str) -> list[str]:
    """The finding's telling words, most frequent first (the index narrows by them)."""
    words = [w for w in SearchQuery.parse(text).words if len(w) > 3 and w not in _SMALL_WORDS]
    return [word for word, _count in Counter(words).most_common(KEY_WORDS)]


def suggestions(db: Database, finding_id: int, *, limit: int = LIMIT) -> list[Suggestion]:
    """The findings most like ``finding_id`` in other inspections (see the module docstring)."""
    with db.reading() as connection:
        found = reuse_records.finding_text(connection, finding_id)
        if found is None or not found[1].strip():
            return []
        inspection_id, text = found
        pool = reuse_records.candidates(connection, inspection_id, key_words(text))
        best = process.extract(
            utils.default_process(text), {c.finding_id: c.text for c in pool},
            scorer=fuzz.token_sort_ratio, processor=utils.default_process, limit=limit,
            score_cutoff=THRESHOLD,
        )  # fmt: skip
        past = reuse_records.past_findings(connection, [key for _text, _score, key in best])
    return [Suggestion(past[key], score) for _text, score, key in best if key in past]
