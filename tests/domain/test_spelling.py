"""Which words are checked for spelling, and the British "-ise" spelling."""

from __future__ import annotations

import pytest

from app.domain.spelling import british_variant, words_to_check


def checked(text: str) -> list[str]:
    return [word.word for word in words_to_check(text)]


def test_the_words_of_a_paragraph_are_checked_with_their_places() -> None:
    text = "The force's well-being plan, don’t delay."
    words = list(words_to_check(text))
    assert [w.word for w in words] == ["The", "force's", "well-being", "plan", "don’t", "delay"]
    assert all(text[w.start : w.end] == w.word for w in words)


@pytest.mark.parametrize(
    "text",
    [
        "https://www.justiceinspectorates.gov.uk/hmicfrs/report",
        "www.example.org/page",
        "write to pcc.office@example.police.uk",
        "see police.uk for more",
        "HMICFRS PEEL 2025 Q3 2nd 10,000 3.5% PCSOs TRiM",
        "** # - 1. > *",
        "a I x",
    ],
)
def test_addresses_numbers_capitals_and_marks_are_not_checked(text: str) -> None:
    assert checked(text) == [w for w in checked(text) if w in {"see", "for", "more", "write", "to"}]


def test_words_around_an_address_are_still_checked() -> None:
    assert checked("Read https://example.org/x now") == ["Read", "now"]


def test_the_oxford_ize_spelling_has_a_british_variant() -> None:
    known = {"organisation", "prioritise", "Organisations", "analyse", "capsize"}.__contains__
    assert british_variant("organization", known) == "organisation"
    assert british_variant("prioritize", known) == "prioritise"
    assert british_variant("organization's", known) == "organisation's"
    assert british_variant("organizations’", known) is None  # no "organisations" here
    assert british_variant("Organizations", known) == "Organisations"
    assert british_variant("analyze", known) == "analyse"
    assert british_variant("capsize", known) is None  # no "capsise"
    assert british_variant("prize", known) is None
    assert british_variant("size", known) is None
