"""An HMICFRS report (PEEL force report, spotlight, thematic, joint) to an inspection."""

from __future__ import annotations

import re

from app.domain.enums import FindingKind
from app.domain.model import Inspection
from app.importers.blocks import Block, BlockKind, SourceDocument
from app.importers.findings import FindingCollector
from app.importers.judgments import parse_judgments
from app.importers.peel import parse_peel
from app.importers.render import blocks_to_markdown
from app.importers.report_meta import read_report_meta
from app.importers.result import ImportedInspection
from app.importers.sections import SectionReader
from app.importers.tidy import tidy
from app.importers.tracker import read_rows, register_entry

_WE_RECOMMEND = re.compile(r"(?:^|(?<=[.!?]\s))we (?:therefore )?recommend that\b", re.IGNORECASE)


def parse_report(document: SourceDocument, source_name: str = "") -> ImportedInspection:
    blocks = tidy(document.blocks)
    meta = read_report_meta(blocks, document, source_name)
    collector = FindingCollector()
    peel = parse_peel(blocks, collector)
    outside = blocks[: peel.start] if peel.found else blocks
    row_warnings: list[str] = []
    if not peel.found:
        outside, row_warnings = read_rows(outside, collector)
    notes = SectionReader(collector).read(outside).notes
    if not collector.count(FindingKind.RECOMMENDATION):
        row_warnings += register_entry(outside, collector)
    if collector.count(FindingKind.RECOMMENDATION) == 0:
        _recommend_sentences(outside, collector)
    questions = peel.questions
    judgments = parse_judgments(blocks) if not peel.found else None
    if judgments is not None:
        questions = judgments.areas
    findings = collector.finish(meta.published_on)
    if judgments is not None:
        judgments.link(findings)
    title = meta.title
    if len(peel.pillars) == 1 and peel.pillars[0].name.casefold() not in title.casefold():
        title = f"{title}: {peel.pillars[0].name}"
    inspection = Inspection(
        title=title,
        published_on=meta.published_on,
        publication_types=meta.publication_types,
        forces=meta.forces,
        report_text=document.text,
        pillars=peel.pillars,
        questions=questions,
        findings=findings,
        # The words that open each list ("We made eight recommendations.") are kept with it.
        recommendations_note=blocks_to_markdown(notes.get(FindingKind.RECOMMENDATION, [])),
        areas_for_improvement_note=blocks_to_markdown(
            notes.get(FindingKind.AREA_FOR_IMPROVEMENT, [])
        ),
        causes_of_concern_note=blocks_to_markdown(notes.get(FindingKind.CAUSE_OF_CONCERN, [])),
    )
    warnings = [*document.warnings, *meta.warnings, *row_warnings, *collector.warnings]
    if judgments is not None:
        warnings += judgments.warnings
    if not inspection.findings:
        warnings.append(
            "No recommendations, areas for improvement or causes of concern were found; add any "
            "by hand."
        )
    return ImportedInspection(inspection, warnings, "report")


def _recommend_sentences(blocks: list[Block], collector: FindingCollector) -> None:
    """Recommendations written only as "We recommend that …" paragraphs."""
    found = False
    for block in blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and _WE_RECOMMEND.search(
            block.plain
        ):
            collector.add(FindingKind.RECOMMENDATION, [Block(BlockKind.PARAGRAPH, block.text)])
            found = True
    if found:
        collector.warnings.append(
            "Recommendations were taken from sentences beginning “We recommend that”; check them."
        )
