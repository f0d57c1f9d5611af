"""Report or response? Decided by the document's structure, not by any one template's words.

A response has header fields ("Inspection Title:", "Published on:", or a table of them),
sections written by an author ("Chief Constable response …", "Commissioner's comments"), an
office-use checklist, or the shape of a letter. A report has graded questions, grades, a "Last
updated" line and the inspectorate's own voice. The stronger set of signs wins; a tie is a
report, because a report imports usefully with nothing but its text.
"""

from __future__ import annotations

import re

from app.domain.enums import AuthorRole
from app.importers.blocks import Block, BlockKind, is_heading_like
from app.importers.peel import grade_of
from app.importers.response_header import Field, label_at, table_labels, template_label_at
from app.importers.response_roles import (
    ANSWERING_BYLINE,
    is_signature,
    named_roles,
    role_of_heading,
    speaker_of,
)
from app.importers.response_table import read_response_table

_OFFICE = re.compile(r"\bfor\s+office\s+use\b|\boffice\s+use\s+only\b", re.IGNORECASE)
_SALUTATION = re.compile(r"^dear\s+\S", re.IGNORECASE)
_VALEDICTION = re.compile(r"^yours\s+(?:sincerely|faithfully)", re.IGNORECASE)
_S55 = re.compile(r"\bsection\s+55\b|\bs\.?\s?55\b", re.IGNORECASE)
_REPORT_VOICE = re.compile(
    r"\bwe found\b|\bour inspection\b|\bwe inspected\b|\bwe recommend\b|\bHMI\b|\bour judgment\b",
    re.IGNORECASE,
)
# The office speaking for itself ("As the Police and Crime Commissioner for Warwickshire …"), and
# the inspectorate's report spoken of from outside ("the HMICFRS report", "this report from the
# HMICFRS"): a response's voice, not the inspectorate's own.
_OFFICE_VOICE = re.compile(
    r"\b(?:as|I am)\s+(?:the\s+|your\s+)?(?:police(?:,)?\s+(?:fire\s+)?and\s+crime\s+"
    r"commissioners?|pf?ccs?|commissioners?)\b|\bmy\s+police(?:,)?\s+(?:fire\s+)?and\s+crime\s+plan\b",
    re.IGNORECASE,
)
_REPORT_FROM_OUTSIDE = re.compile(
    r"\b(?:hmicfrs|hmic|inspectorate)(?:['’]s?)?\s+(?:\w+\s+)?(?:report|inspection)\b"
    r"|\breport\s+from\s+(?:the\s+)?(?:hmicfrs|hmic|inspectorate)\b",
    re.IGNORECASE,
)
# The office answering, told in the third person: "Leicestershire's Police and Crime Commissioner
# has written to the Home Office …, responding to …", "PEEL: … 2016 - Lord X responds".
_OFFICE_ANSWERS = re.compile(
    r"\b(?:commissioner|pf?cc)\b[^.“\"]{0,120}?\b(?:has\s+(?:written|responded|replied)|"
    r"respond(?:s|ed|ing)\s+to|(?:has\s+)?commented\s+on|has\s+welcomed|welcomes)\b",
    re.IGNORECASE,
)
# A heading that names the document a response: "Response to Recommendations", "State of
# Policing 2022 report: government response".
_NAMED_RESPONSE = re.compile(
    r"\bresponse\s+to\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:recommendations|report|inspection)\b"
    r"|\breport\s*[:–-]\s*(?:\w+\s+)?response$",
    re.IGNORECASE,
)
_OUTSIDE_MOST = 2
_UPDATED = re.compile(r"^(?:last\s+updated|published(?:\s+on)?)\s*:?\s*\d", re.IGNORECASE)


def looks_like_response(blocks: list[Block]) -> bool:
    response = report = 0
    roles = 0
    labels: set[Field] = set()
    role_kinds: set[AuthorRole] = set()
    speakers: set[object] = set()
    outside = 0
    names = named_roles(blocks)
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            # "Recommendation | Force response | Commissioner's comment": each author's column
            # counts as a section by that author would.
            for row in read_response_table(block) or []:
                role_kinds.update(row.responses)
            labels.update(
                name for name, _ in table_labels(block) or [] if name is not Field.PUBLISHED
            )
            continue
        text = block.plain
        label = template_label_at(block) or label_at(block)
        if label is not None and label[0] is not Field.PUBLISHED:  # reports say "Published on:" too
            labels.add(label[0])
        if is_heading_like(block):
            role = role_of_heading(block)
            if role is not None:
                roles += 1
                role_kinds.add(role)
            if _OFFICE.search(text):
                response += 2
            if grade_of(block) is not None:
                report += 1
        if _SALUTATION.match(text) and len(text) < 80:
            response += 2
        if _VALEDICTION.match(text):
            response += 1
        if _S55.search(text):
            response += 1
        if _UPDATED.match(text):
            report += 2
        report += 1 if _REPORT_VOICE.search(text) else 0
        if (speaker := speaker_of(block, names)) is not None:
            speakers.add(speaker[0])
        elif is_signature(block):
            speakers.add("signature")
        if _OFFICE_VOICE.search(text) or _OFFICE_ANSWERS.search(text):
            speakers.add("office")
        if is_heading_like(block) and ANSWERING_BYLINE.search(text):
            speakers.add("answering title")
        if is_heading_like(block) and _NAMED_RESPONSE.search(text):
            speakers.add("named as a response")
        outside += bool(_REPORT_FROM_OUTSIDE.search(text))
    response += len(labels) * 2 + len(role_kinds) * 3 + min(roles, 4)
    response += 3 * len(speakers) + min(outside, _OUTSIDE_MOST)
    return response >= 3 and response > min(report, 12)
