"""Counting words as a person does, in a response and in a whole inspection's responses."""

from __future__ import annotations

from app.domain.enums import FindingKind
from app.domain.model import Finding, Inspection, RoleTexts
from app.domain.word_count import (
    ResponseWords,
    count_markdown_words,
    count_words,
    response_words,
    words_label,
)


def test_words_are_counted_as_a_person_counts_them() -> None:
    assert count_words("") == 0
    assert count_words("The force – e.g. its well-being plan – works.") == 7
    assert count_words("  one\u2029two\u2028three ") == 3


def test_markdown_marks_and_link_addresses_are_not_counted() -> None:
    markdown = "# Heading\n\n- **bold** item\n1. [two words](https://example.org/a%20b)\n\\* x"
    assert count_markdown_words(markdown) == 6


def test_the_label_says_words() -> None:
    assert [words_label(n) for n in (0, 1, 312, 2048)] == [
        "0 words", "1 word", "312 words", "2,048 words"
    ]


def test_an_inspection_counts_the_responses_of_the_findings_that_apply() -> None:
    inspection = Inspection(
        "Report",
        overall=RoleTexts("One two three.", "**Four** five"),
        closing=RoleTexts("", "Six"),
        findings=[
            Finding(FindingKind.RECOMMENDATION, "R1", "Finding text is not counted",
                    responses=RoleTexts("- seven\n- eight", "nine")),
            Finding(FindingKind.RECOMMENDATION, "R2", applies=False,
                    responses=RoleTexts("left out", "left out")),
        ],
    )  # fmt: skip
    words = response_words(inspection)
    assert words == ResponseWords(chief_constable=5, commissioner=4)
    assert words.total == 9
