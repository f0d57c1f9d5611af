"""What an import found, written as Markdown for the preview's read-only pages (Qt-free)."""

from __future__ import annotations

from app.domain.enums import AuthorRole
from app.domain.model import GradedQuestion, Inspection, RoleTexts
from app.ui.formatting import escape_markdown, nest_headings, short_date


def _cell(text: str) -> str:
    return escape_markdown(text) or "—"


def questions_markdown(inspection: Inspection) -> str:
    """Pillars and graded questions, or a sentence saying there are none."""
    if not (inspection.pillars or inspection.questions):
        return "No graded questions or areas were found (only PEEL force reports have them)."
    parts = []
    named = {pillar.name for pillar in inspection.pillars}
    for pillar in inspection.pillars:
        grade = f": graded {escape_markdown(pillar.grade)}" if pillar.grade else ""
        parts.append(f"### {escape_markdown(pillar.name)}{grade}")
        parts += _question_table([q for q in inspection.questions if q.pillar == pillar.name])
        if pillar.summary:
            parts += ["#### Summary", nest_headings(pillar.summary, 4)]
    others = [q for q in inspection.questions if q.pillar not in named]
    if others:
        title = "Graded areas" if all(q.is_area for q in others) else "Other questions"
        parts += [f"### {title}", *_question_table(others)]
    return "\n\n".join(parts)


def _question_table(questions: list[GradedQuestion]) -> list[str]:
    if not questions:
        return []
    wording = "Area" if all(q.is_area for q in questions) else "Question"
    rows = [f"| No. | {wording} | Grade |", "|---|---|---|"]
    rows += [f"| {q.number} | {_cell(q.question)} | {_cell(q.grade)} |" for q in questions]
    return ["\n".join(rows)]


def _texts(heading: str, texts: RoleTexts, titles: dict[AuthorRole, str]) -> list[str]:
    parts = []
    for role in AuthorRole:
        text = texts.get(role).strip()
        if text:
            parts.append(f"#### {escape_markdown(titles[role])}: {escape_markdown(heading)}")
            parts.append(nest_headings(text, 4))
    return parts


def responses_markdown(inspection: Inspection, titles: dict[AuthorRole, str]) -> str:
    """Every response and office step found, or a sentence saying there are none."""
    parts = _texts("overall response", inspection.overall, titles)
    for finding in inspection.findings:
        parts += _texts(f"response to {finding.reference}", finding.responses, titles)
    parts += _texts("closing response", inspection.closing, titles)
    if inspection.office_steps:
        parts.append("#### For office use")
        parts.append(
            "\n".join(
                f"- {escape_markdown(step.step)}"
                + (f" — done {short_date(step.done_on)}" if step.done_on else " — not yet done")
                for step in inspection.office_steps
            )
        )
    if not parts:
        return (
            "No responses were found. That is expected for a report: the responses are "
            "written after the import."
        )
    return "\n\n".join(parts)


def count_responses(inspection: Inspection) -> int:
    texts = [inspection.overall, inspection.closing, *(f.responses for f in inspection.findings)]
    return sum(bool(t.get(role).strip()) for t in texts for role in AuthorRole)


def warning_text(warnings: list[str]) -> str:
    """Warnings as a plain list under one heading, for an inline message."""
    return "Please check:\n" + "\n".join(f"• {warning}" for warning in warnings)
