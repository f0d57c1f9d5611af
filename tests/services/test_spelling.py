"""The en_GB dictionary through spylls, the database's own words, and the word list stored."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.db.database import Database
from app.services import spelling
from app.services.spelling import SpellChecker


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    return SpellChecker.load(["HMICFRS", "Gwent", "blaenau"])


@pytest.mark.parametrize(
    "word", ["organisation", "prioritise", "colour", "Constabulary", "force's", "don’t",
             "well-being", "analyse", "programme", "size", "prize", "capsize", "wellbeing",
             "workstreams"],
)  # fmt: skip
def test_british_spellings_pass(checker: SpellChecker, word: str) -> None:
    assert checker.is_correct(word)


@pytest.mark.parametrize(
    "word",
    ["organization", "color", "prioritize", "analyze", "behavior", "recieve", "Organizations"],
)
def test_american_and_wrong_spellings_are_flagged(checker: SpellChecker, word: str) -> None:
    assert not checker.is_correct(word)


def test_own_words_pass_with_their_capitals_and_possessive(checker: SpellChecker) -> None:
    assert checker.is_correct("Gwent") and checker.is_correct("Gwent's")
    assert not checker.is_correct("gwent")  # entered with a capital: accepted only so
    assert checker.is_correct("blaenau") and checker.is_correct("Blaenau")
    assert checker.is_correct("HMICFRS-led")


def test_misspelt_words_of_a_paragraph(checker: SpellChecker) -> None:
    text = "The organization must recieve **HMICFRS** advice at https://exmaple.org/colr"
    assert [(w.start, w.word) for w in checker.misspelt(text)] == [
        (4, "organization"), (22, "recieve")
    ]


def test_suggestions_put_the_british_spelling_first(checker: SpellChecker) -> None:
    assert checker.suggestions("organization")[0] == "organisation"
    assert "receive" in checker.suggestions("recieve")
    assert "colour" in checker.suggestions("color")
    assert all(checker.is_correct(s) for s in checker.suggestions("prioritize"))


def test_the_word_list_is_kept_in_the_database(db: Database) -> None:
    assert spelling.read_own_words(db) == []
    spelling.add_own_word(db, " HMICFRS ")
    spelling.add_own_word(db, "HMICFRS")
    spelling.add_own_word(db, "Gwent")
    assert spelling.read_own_words(db) == ["Gwent", "HMICFRS"]
    stored = spelling.save_own_words(db, ["PEEL", "Dyfed-Powys  Gwent", "", "aardvark"])
    assert stored == ["aardvark", "Dyfed-Powys", "Gwent", "PEEL"]
    assert spelling.read_own_words(db) == stored


@pytest.mark.parametrize(
    ("old_text", "text"),
    [
        ("The organization will recieve it", "The organization will recieve it."),
        ("The organization will recieve it", "The organisation will recieve it"),
        ("The organization will recieve it", "The organization wil recieve it"),
        ("The organization will recieve it", "Teh organization will recieve it now"),
        ("The organization will recieve it", "The organizationwill recieve it"),
        ("See https://exmple.org/x now", "See https://exmple.org/x nowe"),
        ("See https://exmple.org/x now", "See https//exmple.org/x now"),
        ("abc", ""),
        ("", "wrods here"),
        ("same teh text", "same teh text"),
    ],
)
def test_checking_again_after_a_change_finds_what_checking_afresh_finds(
    checker: SpellChecker, old_text: str, text: str
) -> None:
    old = checker.misspelt(old_text)
    assert checker.misspelt_again(old_text, old, text) == checker.misspelt(text)


@given(
    st.text(alphabet="ab teh.:/@'-\u2028", max_size=30),
    st.integers(0, 30), st.integers(0, 5), st.text(alphabet="ab teh.:/@'-", max_size=5),
)  # fmt: skip
def test_checking_again_matches_checking_afresh_for_any_edit(
    checker: SpellChecker, old_text: str, at: int, removed: int, inserted: str
) -> None:
    at = min(at, len(old_text))
    text = old_text[:at] + inserted + old_text[at + removed :]
    old = checker.misspelt(old_text)
    assert checker.misspelt_again(old_text, old, text) == checker.misspelt(text)
