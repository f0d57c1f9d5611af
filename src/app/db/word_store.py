"""Writing the spell-checker's word list (``spelling_word``), inside a unit of work.

``records.read_spelling_words`` reads it.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.models import SpellingWordRow


def add_words(session: Session, words: list[str]) -> None:
    """Add each of ``words`` that the list does not hold yet."""
    for word in words:
        if session.get(SpellingWordRow, word) is None:
            session.add(SpellingWordRow(word=word))


def replace_words(session: Session, words: list[str]) -> None:
    """Make the list exactly ``words``: the others are deleted, the missing ones added."""
    stored = set(session.scalars(select(SpellingWordRow.word)))
    gone = stored - set(words)
    if gone:
        session.execute(delete(SpellingWordRow).where(SpellingWordRow.word.in_(gone)))
    session.add_all(SpellingWordRow(word=word) for word in words if word not in stored)
