"""A news dateline opening a sentence: where (and often when) the story was filed.

"SIEM REAP, Cambodia, Nov. 22 - ...", "NEW DELHI: ...", "KYIV (Reuters) -- ...", "NAIROBI, June 26,
2020 (AP) - ...": an ALL-CAPS place of up to four words, optionally a wire tag in parentheses,
then up to three parts (state or country, date; the first may follow without a comma), the tag
again, and a dash or colon. One definition, read by two stages: the actors stage reads no actor
from the dateline (it says where the story was filed, never who acted), and the time stage takes
the dispatch date in `when` as the news date.
"""

from __future__ import annotations

import re

_WIRE_TAG = r"(?:\s*\([A-Za-z][\w.&' ]{1,30}\))?"
_PART = r"[A-Z0-9][\w.'’\-]*(?:\s+[A-Za-z0-9][\w.'’\-]*){0,3}"
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?P<when>" + _WIRE_TAG + r"(?:(?:\s*,\s*|\s+)" + _PART + r")?(?:\s*,\s*" + _PART + r"){0,2}?" + _WIRE_TAG + r")"
    r"\s*(?:[—–]|-{1,2}|:)\s+(?=\S)"
)


def dateline_end(text: str) -> int:
    """Length of a leading dateline in a sentence (0 when there is none).

    The place must be at least three letters of capitals and must not be an organisation's
    acronym ("NATO: ..." is an actor speaking, not a dateline)."""
    from ..reference.gazetteer import lookup_country

    m = DATELINE.match(text)
    if m is None:
        return 0
    place = m.group("place")
    if sum(ch.isalpha() for ch in place) < 3:
        return 0
    ref = lookup_country(place)
    if ref is not None and ref.kind == "organisation":
        return 0
    return m.end()
