"""PEEL structure: pillars (Effectiveness…), numbered questions, grades and findings text.

A question is recognised by its shape, not its words: a number on its own followed by a line
ending in "?" (as the inspectorate's pages save to text), or "2. How effective …?" on one line,
then a grade within the next couple of blocks. A pillar is one of the PEEL pillar names standing
alone as a heading; its grade is the first grade after it, and its summary the paragraphs up to
its questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.enums import Grade
from app.domain.model import GradedQuestion, Pillar
from app.importers.blocks import Block, BlockKind, heading, is_heading_like
from app.importers.dates import published_date, updated_date
from app.importers.findings import FindingCollector
from app.importers.render import blocks_to_markdown
from app.importers.sections import SectionReader

PILLARS = ("Effectiveness", "Efficiency", "Legitimacy", "Leadership")
_PILLAR = re.compile(rf"^(?P<name>{'|'.join(PILLARS)})\s*:?$", re.IGNORECASE)
_INLINE_QUESTION = re.compile(
    r"^(?:question\s+)?(?P<number>\d{1,2})\s*[.:)–-]?\s+(?P<text>.+\?)$", re.I
)
_LABELLED_GRADE = re.compile(
    r"^(?:our\s+)?(?:grade|judgment|judgement|rating)\s*[:\-–]?\s*(?P<grade>.+)$", re.I
)
_QUESTIONS_FOR = re.compile(r"^questions?\s+(?:for|on|about)\s+\w+", re.IGNORECASE)
_GRADE_LOOKAHEAD = 3


@dataclass(slots=True)
class _Start:
    index: int
    number: int
    question: str
    grade: str
    content: int
    """Index of the first block of the question's findings text."""


@dataclass(slots=True)
class PeelResult:
    pillars: list[Pillar] = field(default_factory=list)
    questions: list[GradedQuestion] = field(default_factory=list)
    start: int = 0
    """Index of the first block that belongs to the PEEL structure (everything after it does)."""
    found: bool = False


def grade_of(block: Block) -> Grade | None:
    if block.kind is BlockKind.TABLE or len(block.text) > 60:
        return None
    text = block.plain.rstrip(".:")
    grade = Grade.parse(text)
    if grade is None and (match := _LABELLED_GRADE.match(text)):
        grade = Grade.parse(match.group("grade"))
    return grade


def _question_at(blocks: list[Block], index: int) -> _Start | None:
    block = blocks[index]
    text = block.plain
    if text.isdigit() and len(text) <= 2 and index + 1 < len(blocks):
        question = blocks[index + 1].plain
        if not question.endswith("?") or len(question) > 400:
            return None
        number, after = int(text), index + 2
    elif (
        block.kind is BlockKind.LIST_ITEM
        and block.number
        and text.endswith("?")
        and len(text) < 400
    ):
        number, question, after = block.number, text, index + 1
    elif (match := _INLINE_QUESTION.match(text)) and len(text) < 400:
        number, question, after = int(match.group("number")), match.group("text"), index + 1
    else:
        return None
    for offset in range(_GRADE_LOOKAHEAD):
        if after + offset >= len(blocks):
            break
        grade = grade_of(blocks[after + offset])
        if grade is not None:
            return _Start(index, number, question.strip(), grade.value, after + offset + 1)
    return None


def _pillar_at(block: Block) -> str | None:
    if not is_heading_like(block):
        return None
    match = _PILLAR.match(block.plain)
    return match.group("name").capitalize() if match else None


def parse_peel(blocks: list[Block], collector: FindingCollector) -> PeelResult:
    starts = [start for index in range(len(blocks)) if (start := _question_at(blocks, index))]
    pillar_marks = [
        (index, name) for index, block in enumerate(blocks) if (name := _pillar_at(block))
    ]
    result = PeelResult()
    if not starts:
        return result
    result.found = True
    # Pillars that own questions, or that come before the first one.
    pillar_marks = [mark for mark in pillar_marks if mark[0] < starts[-1].index]
    result.start = min([starts[0].index] + [index for index, _ in pillar_marks])
    for position, (index, name) in enumerate(pillar_marks):
        end = pillar_marks[position + 1][0] if position + 1 < len(pillar_marks) else len(blocks)
        first_question = next((s.index for s in starts if index < s.index < end), end)
        result.pillars.append(_pillar(name, blocks[index + 1 : first_question]))
    for position, start in enumerate(starts):
        end = starts[position + 1].index if position + 1 < len(starts) else len(blocks)
        end = min([end] + [index for index, _ in pillar_marks if start.index < index < end])
        owner = [name for index, name in pillar_marks if index < start.index]
        text = _question_text(blocks[start.content : end], collector, start.number)
        result.questions.append(
            GradedQuestion(
                owner[-1] if owner else "", start.number, start.question, start.grade, text
            )
        )
    return result


def _pillar(name: str, blocks: list[Block]) -> Pillar:
    grade = ""
    summary_from = 0
    for index, block in enumerate(blocks):
        found = grade_of(block)
        if found is not None:
            grade, summary_from = found.value, index + 1
            break
    summary = [
        block
        for block in blocks[summary_from:]
        if not _is_furniture(block) and not (not grade and block.plain.endswith("?"))
    ]
    return Pillar(name, grade, blocks_to_markdown(summary))


def _is_furniture(block: Block) -> bool:
    text = block.plain
    if _QUESTIONS_FOR.match(text) and is_heading_like(block):
        return True
    return len(text) < 80 and (published_date(text) is not None or updated_date(text) is not None)


def _question_text(blocks: list[Block], collector: FindingCollector, number: int) -> str:
    """The findings text: sub-headings as ``###``, without the findings taken out of it."""
    kept = SectionReader(collector, question=number).read(blocks).rest
    shaped = [
        heading(block.plain)
        if block.kind is BlockKind.PARAGRAPH and is_heading_like(block)
        else block
        for block in kept
        if not _is_furniture(block)
    ]
    return blocks_to_markdown(shaped)
