"""The police forces HMICFRS inspects, to recognise a force report's subject from its title."""

from __future__ import annotations

import re

FORCES: tuple[str, ...] = (
    "Avon and Somerset Constabulary", "Bedfordshire Police", "Cambridgeshire Constabulary",
    "Cheshire Constabulary", "City of London Police", "Cleveland Police", "Cumbria Constabulary",
    "Derbyshire Constabulary", "Devon and Cornwall Police", "Dorset Police", "Durham Constabulary",
    "Dyfed-Powys Police", "Essex Police", "Gloucestershire Constabulary",
    "Greater Manchester Police", "Gwent Police", "Hampshire and Isle of Wight Constabulary",
    "Hertfordshire Constabulary", "Humberside Police", "Kent Police", "Lancashire Constabulary",
    "Leicestershire Police", "Lincolnshire Police", "Merseyside Police",
    "Metropolitan Police Service", "Norfolk Constabulary", "North Wales Police",
    "North Yorkshire Police", "Northamptonshire Police", "Northumbria Police",
    "Nottinghamshire Police", "South Wales Police", "South Yorkshire Police",
    "Staffordshire Police", "Suffolk Constabulary", "Surrey Police", "Sussex Police",
    "Thames Valley Police", "Warwickshire Police", "West Mercia Police", "West Midlands Police",
    "West Yorkshire Police", "Wiltshire Police", "British Transport Police",
    "Ministry of Defence Police", "Civil Nuclear Constabulary",
)  # fmt: skip

_SUFFIX = re.compile(r"\s+(?:Constabulary|Police Service|Police)$")
_PLACES = {force: _SUFFIX.sub("", force) for force in FORCES}
_PLACES["Hampshire and Isle of Wight Constabulary"] = "Hampshire"
_PLACES["Metropolitan Police Service"] = "Metropolitan"


def forces_named_in(title: str) -> list[str]:
    """Forces a title names, in full or by place ("Norfolk PEEL 2018" → Norfolk Constabulary)."""
    found: list[tuple[int, str]] = []
    folded = title.casefold()
    for force, place in _PLACES.items():
        for name in (force, place):
            match = re.search(rf"(?<![\w-]){re.escape(name.casefold())}(?![\w-])", folded)
            if match:
                found.append((match.start(), force))
                break
    # "West Midlands" must not also yield a force called "Midlands"; longest names win.
    found.sort()
    result: list[str] = []
    for _, force in found:
        if not any(_PLACES[force] in _PLACES[other] and force != other for other in result):
            result.append(force)
    return result
