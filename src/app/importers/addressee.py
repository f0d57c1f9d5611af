"""Who a recommendation is addressed to, and so whether it applies to a police force.

The addressee is the subject of the recommendation's main clause ("By January 2024, chief
constables should …", "The Home Office should …"). Recommendations for forces, chief constables
and police and crime commissioners apply to the force; those for national bodies do not.
"""

from __future__ import annotations

import re

from app.importers.blocks import plain_text

_APOSTROPHE = r"[’']"
_ADDRESSEES: tuple[tuple[str, str, bool], ...] = (
    (r"chief constables?|chief officers|chief officer", "chief constables", True),
    (
        r"police(?:,)? (?:fire and )?and crime commissioners?|(?:p|pf)ccs\b|local policing bodies"
        r"|mayors? with responsibility for policing",
        "police and crime commissioners",
        True,
    ),
    (
        r"(?:all )?(?:(?:local|territorial|police) )?forces(?! ?" + _APOSTROPHE + r")",
        "forces",
        True,
    ),
    (r"the force\b(?! ?" + _APOSTROPHE + r")", "the force", True),
    (r"the home office|the home secretary|home office", "the Home Office", False),
    (r"the college of policing|college of policing", "the College of Policing", False),
    (
        r"(?:the )?national police chiefs" + _APOSTROPHE + r"? council|(?:the )?npcc\b",
        "the National Police Chiefs’ Council",
        False,
    ),
    (r"(?:the )?ministry of justice", "the Ministry of Justice", False),
    (r"(?:the )?crown prosecution service|the cps\b", "the Crown Prosecution Service", False),
    (r"(?:the )?national crime agency|the nca\b", "the National Crime Agency", False),
    (
        r"his majesty" + _APOSTROPHE + r"s prison and probation service|hmpps",
        "HM Prison and Probation Service",
        False,
    ),
    (r"the government|ministers", "the Government", False),
    (r"the department (?:for|of) [a-z ,]+?(?= should| must| and|,)", "", False),
)
_PATTERN = re.compile(
    "|".join(
        f"(?P<a{index}>\\b(?:{pattern}))" for index, (pattern, _, _) in enumerate(_ADDRESSEES)
    ),
    re.IGNORECASE,
)
_MAIN_VERB = re.compile(
    r"\b(?:should|must|needs? to|are to|is to|to work with|will)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def find_addressee(text: str) -> tuple[str, bool] | None:
    """``(addressee, applies)`` for a recommendation's text, or None when it names nobody."""
    plain = plain_text(text)
    first_sentence = _SENTENCE_END.split(plain, maxsplit=1)[0]
    verb = _MAIN_VERB.search(first_sentence)
    for scope in (first_sentence[: verb.start()] if verb else "", first_sentence):
        found = _addressees(scope)
        if found:
            names = [name for name, _ in found]
            return _join(names), any(applies for _, applies in found)
    return None


def _addressees(text: str) -> list[tuple[str, bool]]:
    found: list[tuple[str, bool]] = []
    for match in _PATTERN.finditer(text):
        index = int(next(key for key, value in match.groupdict().items() if value)[1:])
        _, name, applies = _ADDRESSEES[index]
        name = name or match.group(0)
        if name not in [existing for existing, _ in found]:
            found.append((name, applies))
    return found


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
