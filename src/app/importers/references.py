"""Finding references as sources write them: "Recommendation 6", "AFI 2", "Cause of concern 1"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.enums import FindingKind
from app.importers.blocks import Block, BlockKind, plain_text

_KIND_WORDS = (
    r"(?P<rec>recommendation|rec\.?|r(?=\d))"
    r"|(?P<afi>(?:area|action)\s+for\s+(?:further\s+)?improvement(?:\s*\(afi\))?|afi|a\.f\.i\.?)"
    r"|(?P<coc>cause\s+of\s+concern|coc)"
)
_REFERENCE = re.compile(
    rf"^(?:{_KIND_WORDS})\s*(?:no\.?\s*|number\s+|#\s*)?(?P<number>\d{{1,3}})\b"
    r"(?P<sep>\s*[:.\-–—)]\s*|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_SECTION = re.compile(
    r"^(?:(?:the|our|hmicfrs(?:’|')?s?|his majesty(?:’|')s inspector(?:ate)?(?:’|')?s?)\s+)?"
    r"(?:(?P<rec>recommendations?)|(?P<afi>areas?\s+for\s+improvement)|(?P<coc>causes?\s+of\s+concern))"
    r"(?:\s+(?:for|to)\s+[\w\s,’'-]{1,60})?\s*:?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reference:
    kind: FindingKind
    number: int
    written: str
    """The reference as the source writes it, without punctuation ("Recommendation 2")."""
    rest: str
    """Text after the reference on the same line ("By March 2024, forces should …")."""
    separated: bool
    """The reference is set off from ``rest`` by punctuation ("Recommendation 2: …")."""

    @property
    def key(self) -> tuple[FindingKind, int]:
        return (self.kind, self.number)


def _kind(match: re.Match[str]) -> FindingKind:
    if match.group("rec"):
        return FindingKind.RECOMMENDATION
    if match.group("afi"):
        return FindingKind.AREA_FOR_IMPROVEMENT
    return FindingKind.CAUSE_OF_CONCERN


def parse_reference(text: str) -> Reference | None:
    """The numbered reference a text begins with, or None."""
    text = plain_text(text).strip().strip("*").strip()
    match = _REFERENCE.match(text)
    if not match:
        return None
    written = " ".join(text[: match.end("number")].split())
    written = written[:1].upper() + written[1:]
    # "Action for Further Improvement (AFI) 7" is then called "AFI 7": keep the short form.
    written = re.sub(r"^.*\((\w+)\)\s*(\d+)$", r"\1 \2", written)
    separator = match.group("sep").strip()
    return Reference(
        kind=_kind(match),
        number=int(match.group("number")),
        written=written,
        rest=match.group("rest").strip(),
        separated=bool(separator),
    )


def reference_heading(block: Block) -> Reference | None:
    """The reference a block opens with, when the block is a reference heading.

    "Recommendation 2", "Recommendation 2:" and "Recommendation 2: By March 2024, …" are; a
    sentence such as "Recommendation 2 was accepted in full." is not.
    """
    if block.kind is BlockKind.TABLE:
        return None
    reference = parse_reference(block.text)
    if reference is None:
        return None
    if reference.rest and not reference.separated:
        return None
    return reference


def section_kind(block: Block) -> FindingKind | None:
    """The kind of findings a section heading introduces ("Recommendations", "Areas for …")."""
    if block.kind is BlockKind.TABLE or len(block.text) > 120:
        return None
    match = _SECTION.match(plain_text(block.text).strip())
    return _kind(match) if match else None


def canonical_reference(kind: FindingKind, number: int) -> str:
    return f"{kind.label} {number}"
