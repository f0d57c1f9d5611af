"""Key Findings for a PEEL report that has grades but no written key findings.

A PEEL force report imported from the inspectorate's page carries its pillars, graded questions
and their summaries; when nobody has written key findings yet, the grades are the key findings.
"""

from __future__ import annotations

from app.documents.content import ENTRY_LEVEL
from app.documents.elements import Block, Heading, ListBlock, ListItem, Paragraph, Span
from app.documents.markdown import parse_markdown
from app.documents.text import TextCleaner
from app.domain.model import Inspection


def graded_summary(inspection: Inspection, cleaner: TextCleaner) -> tuple[Block, ...]:
    """Each pillar with its grade and summary, then the questions (or areas) with their grades."""
    blocks: list[Block] = []
    for pillar in inspection.pillars:
        name = cleaner.clean(pillar.name, "the pillars")
        grade = cleaner.clean(pillar.grade, "the pillars").strip()
        blocks.append(Heading(ENTRY_LEVEL, (Span(f"{name}: {grade}" if grade else name),)))
        blocks += parse_markdown(cleaner.clean(pillar.summary, "the pillars"), ENTRY_LEVEL + 1)
    items = []
    for question in inspection.questions:
        wording = cleaner.clean(question.question, "the graded questions").strip()
        grade = cleaner.clean(question.grade, "the graded questions").strip() or "Not graded"
        if question.is_area:
            spans = (Span(f"{wording}: ", bold=True), Span(grade))
        else:
            spans = (Span(f"Question {question.number}: ", bold=True), Span(f"{wording} – {grade}"))
        items.append(ListItem((Paragraph(spans),)))
    if items:
        graded = "area" if all(q.is_area for q in inspection.questions) else "question"
        blocks.append(Paragraph((Span(f"The inspectorate graded each {graded} as follows:"),)))
        blocks.append(ListBlock(tuple(items)))
    return tuple(blocks)
