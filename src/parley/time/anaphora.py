"""Dates a text gives by pointing back: "the next day", "two years later", "the following month",
"within hours". Each is counted from the latest time the text told before it (the sentence's, else
its paragraph's), not from the news date; the time stage (`stage.py`) keeps the references as it
walks the page and asks this module to count.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..records import Precision
from .expressions import DateMention, find_dates
from .spans import _month_last

# Expressions relative to a day the text just named, not to the news date.
ANAPHORIC = re.compile(
    r"\b(?:(?:the|that)\s+(?:next|following|previous|preceding|same)\s+(?:day|morning|afternoon|evening|night|week)"
    r"|(?:the|that)\s+(?:next|following|previous|preceding)\s+(?:month|year)"
    r"|the\s+day\s+(?:before|after)|(?:earlier|later)\s+(?:in\s+the|that)\s+day"
    r"|(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|afterwards?)"
    r"|within\s+(?:(?:a\s+few|several)\s+)?(?:hours|days|weeks))\b",
    re.IGNORECASE,
)
# "the next year", "the following month": counted only from a time told in their own paragraph.
_UNIT_ANAPHORIC = re.compile(r"\b(?:the|that)\s+(?:next|following|previous|preceding)\s+(month|year)\b", re.IGNORECASE)
# An anaphor that counts back ("two days earlier", "the day before", "the previous week"): a
# flashback, which dates its own act but leaves the narrative's time where it was.
_COUNTS_BACK = re.compile(r"\b(?:earlier|before|previous|preceding)\b", re.IGNORECASE)
# "In 2011 ...", "during 2011": a year that sets the narrative's time (not "since 1929", "by
# 2011", "the 1937 massacre").
_YEAR_FRAME = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)


def reference(m: DateMention, text: str) -> tuple[date, Precision] | None:
    """What a mention of `text` gives the anaphoric dates after it to count from: a day (an
    anaphoric one too, once counted, unless it counts back), a month the text names ("In May"),
    a year it sets the time with ("In 2011")."""
    anaphoric = bool(ANAPHORIC.search(m.text))
    if anaphoric and _COUNTS_BACK.search(m.text):
        return None
    if m.precision == "day" and m.first == m.last:
        return m.first, "day"
    if anaphoric:
        return None
    if m.precision == "month" and m.kind in ("absolute", "partial"):
        return m.first, "month"
    if m.precision == "year" and m.kind == "absolute" and _YEAR_FRAME.search(text[: m.start]):
        return m.first, "year"
    return None


def counted_from_references(text: str, mentions: list[DateMention], before: tuple[date, Precision] | None,
                             anchor: date | None, in_paragraph: bool = True) -> list[DateMention]:
    """The sentence's anaphoric dates ("the next day", "two years later") counted from the latest
    date named before each: earlier in the sentence ("In 2011 protesters stormed the embassy, and
    Britain expelled its diplomats the next day"), else `before` (the paragraph's; with
    `in_paragraph` false, the previous paragraph's). From a month or a year, count from its middle
    and keep its precision: the text gives no finer date. "The next year", "the following month"
    count only from a time their own paragraph told (a new paragraph's "would resume the next
    year" is the news's next year), at their own unit's precision or the reference's if coarser.
    An uncounted offset ("days later", "within hours") with no past time told before it in its
    paragraph (a plan's "from February 1" is none) is dropped."""
    counted: dict[int, DateMention] = {}
    ref = before
    for k in sorted(range(len(mentions)), key=lambda k: mentions[k].start):
        m = mentions[k]
        unit = _UNIT_ANAPHORIC.search(m.text)
        # the previous paragraph's time counts for "the next day", not for "the next year" or "days later"
        from_last_paragraph = ref is before and not in_paragraph
        if m.kind == "vague_later" and (ref is None or (anchor is not None and ref[0] >= anchor) or from_last_paragraph):
            continue  # "within hours" with no past time told before it in its paragraph: no date of its own
        if ANAPHORIC.search(m.text) and ref is not None and ref[0] != anchor and not (unit and from_last_paragraph):
            day, precision = ref
            middle = day if precision == "day" else day.replace(day=15) if precision == "month" else date(day.year, 7, 1)
            again = next((x for x in find_dates(text, middle) if (x.start, x.end) == (m.start, m.end)), None)
            if again is not None and unit:
                m = as_year(again) if unit.group(1).lower() == "year" or precision == "year" else as_month(again)
            elif again is not None:
                m = as_month(again) if precision == "month" else as_year(again) if precision == "year" else again
        counted[k] = m
        ref = reference(m, text) or ref
    return [counted[k] for k in range(len(mentions)) if k in counted]


def as_year(m: DateMention) -> DateMention:
    """An anaphoric date counted from a year-precise reference, at year precision."""
    return replace(m, first=date(m.first.year, 1, 1), last=date(m.first.year, 12, 31), precision="year")


def as_month(m: DateMention) -> DateMention:
    """An anaphoric date counted from a month-precise reference, at month precision."""
    first = m.first.replace(day=1)
    return replace(m, first=first, last=_month_last(first.year, first.month), precision="month")
