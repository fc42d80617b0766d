"""A news dateline opening a sentence ("KYIV (Reuters) - ..."): where the story was filed.

It says where the story was filed, never who acted, so the actor and event stages read nothing
from it.
"""

from __future__ import annotations

import re


# A news dateline opening a sentence: an ALL-CAPS place, optionally a wire tag "(Reuters)", then
# up to three comma parts (state or country, date), then a dash or colon: "SIEM REAP, Cambodia,
# Nov. 22 - ...", "NEW DELHI: ...", "KYIV (Reuters) - ...". It says where the story was filed,
# never who acted, so no actor is read from it.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:\s*\([A-Za-z][\w.&' ]{1,30}\))?"
    r"(?:\s*,\s*[A-Z][\w.'’\-]*(?:\s+[A-Za-z0-9][\w.'’\-]*){0,3}){0,3}?"
    r"(?:\s*\([A-Za-z][\w.&' ]{1,30}\))?"
    r"\s*(?:[—–]|-{1,2}|:)\s+(?=\S)"
)


def dateline_end(text: str) -> int:
    """Length of a leading dateline in a sentence (0 when there is none).

    The place must be at least three letters of capitals and must not be an organisation's
    acronym ("NATO: ..." is an actor speaking, not a dateline)."""
    from ..reference.gazetteer import lookup_country

    m = _DATELINE.match(text)
    if m is None:
        return 0
    place = m.group("place")
    if sum(ch.isalpha() for ch in place) < 3:
        return 0
    ref = lookup_country(place)
    if ref is not None and ref.kind == "organisation":
        return 0
    return m.end()
