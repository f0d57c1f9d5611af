"""The body of the Overview tab as one Markdown document (shown with Markdown's HTML off).

Stored text (key findings, summaries, findings) is Markdown and goes in as it is, its headings
pushed below the ones added here; plain fields (references, questions, names) are escaped so
that they show exactly as typed.
"""

from __future__ import annotations

from app.domain.enums import FindingKind
from app.domain.model import Finding, GradedQuestion, Inspection, owner_of
from app.ui.formatting import escape_markdown, long_date, nest_headings

# Causes of concern first: their recommendations follow them in reports.
KIND_ORDER = (
    FindingKind.CAUSE_OF_CONCERN,
    FindingKind.RECOMMENDATION,
    FindingKind.AREA_FOR_IMPROVEMENT,
)


def _note_of(inspection: Inspection, kind: FindingKind) -> str:
    return {
        FindingKind.RECOMMENDATION: inspection.recommendations_note,
        FindingKind.AREA_FOR_IMPROVEMENT: inspection.areas_for_improvement_note,
        FindingKind.CAUSE_OF_CONCERN: inspection.causes_of_concern_note,
    }[kind].strip()


def _text(markdown: str, under: int) -> str:
    return nest_headings(markdown.strip(), under)


def _finding_details(finding: Finding, questions: list[GradedQuestion]) -> str:
    details: list[str] = []
    if finding.addressee.strip():
        details.append(f"For: {escape_markdown(finding.addressee)}")
    if finding.due_text.strip() or finding.due_on:
        due = escape_markdown(finding.due_text) if finding.due_text.strip() else ""
        if finding.due_on:
            date = long_date(finding.due_on)
            due = f"{due} ({date})" if due else date
        details.append(f"Due: {due}")
    if finding.question is not None:
        owner = owner_of(finding, questions)
        if owner is not None and owner.is_area:
            details.append(f"Graded area: {escape_markdown(owner.question)}")
        else:
            details.append(f"Question {finding.question}")
    if finding.parent:
        details.append(f"Under {escape_markdown(finding.parent)}")
    if not finding.applies:
        reason = escape_markdown(finding.not_applicable_reason)
        details.append("Does not apply to this force" + (f": {reason}" if reason else ""))
    return "*" + " · ".join(details) + "*" if details else ""


def _findings_section(inspection: Inspection, kind: FindingKind) -> list[str]:
    findings = inspection.findings_of(kind)
    note = _note_of(inspection, kind)
    if not findings and not note:
        return []
    parts = [f"## {kind.plural_label}"]
    if note:
        parts.append(_text(note, 2))
    for finding in findings:
        parts.append(f"### {escape_markdown(finding.reference)}")
        if finding.text.strip():
            parts.append(_text(finding.text, 3))
        details = _finding_details(finding, inspection.questions)
        if details:
            parts.append(details)
    return parts


def _question_heading(question: GradedQuestion) -> str:
    return f"### {escape_markdown(question.label)}"


def _questions_section(inspection: Inspection) -> list[str]:
    """One section per PEEL pillar, with its grade and summary, then its graded questions."""
    parts: list[str] = []
    # Each pillar once, in order: the named pillars, then any only the questions name.
    pillar_names = list(
        dict.fromkeys(
            [p.name for p in inspection.pillars] + [q.pillar for q in inspection.questions]
        )
    )
    pillars = {pillar.name: pillar for pillar in inspection.pillars}
    areas = all(q.is_area for q in inspection.questions)
    untitled = "Graded areas" if areas else "Graded questions"
    for name in pillar_names:
        pillar = pillars.get(name)
        grade = f": {escape_markdown(pillar.grade)}" if pillar and pillar.grade else ""
        parts.append(f"## {escape_markdown(name) or untitled}{grade}")
        if pillar and pillar.summary.strip():
            parts.append(_text(pillar.summary, 2))
        for question in (q for q in inspection.questions if q.pillar == name):
            parts.append(_question_heading(question))
            parts.append(f"**Grade: {escape_markdown(question.grade) or 'not given'}**")
            related = [f.reference for f in inspection.findings if f.question == question.number]
            if related:
                parts.append("*See " + escape_markdown(", ".join(related)) + " below.*")
            if question.text.strip():
                parts.append(_text(question.text, 3))
    return parts


def inspection_markdown(inspection: Inspection) -> str:
    parts: list[str] = []
    if inspection.key_findings.strip():
        parts += ["## Key findings", _text(inspection.key_findings, 2)]
    parts += _questions_section(inspection)
    for kind in KIND_ORDER:
        parts += _findings_section(inspection, kind)
    if not parts:
        parts.append("*No key findings, graded questions or findings have been recorded yet.*")
    return "\n\n".join(parts) + "\n"
