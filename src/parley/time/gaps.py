"""Counted gaps between two acts a sentence tells ("two days after a drone strike killed ...",
"six months after accusing Moscow", "Two days after the summit, Kim fired ..."): the act the gap
phrase introduces is dated from the day (month, year) the text names, back or forward."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import Document, Event, EventDate, Precision, Sentence
from .expressions import DateMention
from .expressions import span_value as _value
from .spans import _add_months, _month_last
from .told import COUNT_WORDS

# "The strikes came a day after Indian jets bombed ...": the clause after the gap is the earlier
# event, dated back from the day the text has just named. The count may be missing or vague
# ("hours after", "days after", "a few weeks after"); "in the days after the war" is no gap.
_GAP = re.compile(
    r"(?<!\bthe\s)\b(?:(a\s+few|few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    r"(hours?|days?|weeks?|months?|years?)\s+(after|before)\s+",
    re.IGNORECASE,
)
# A vague count, read as its usual size: "days" about three, "weeks" about two, at month precision.
_VAGUE_DAYS = {"day": 3, "week": 14}


def _count_and_unit(g: re.Match[str]) -> tuple[int | None, str]:
    """A `_GAP` match's count (None when missing or vague: "days after", "a few weeks after") and
    its unit in the singular."""
    count = g.group(1)
    n = None if count is None else int(count) if count.isdigit() else COUNT_WORDS.get(count.lower())
    return n, g.group(2).lower().rstrip("s")


def _gap_days(g: re.Match[str]) -> tuple[int, Precision]:
    """The gap a `_GAP` match names, in days, and the precision it leaves: hours keep the day;
    a numbered gap under a week keeps the day; a longer or vague one, the month."""
    n, unit = _count_and_unit(g)
    if unit == "hour":
        return 0, "day"
    if n is None:
        return _VAGUE_DAYS[unit], "month"
    days = n * (7 if unit == "week" else 1)
    return days, "day" if days < 7 else "month"


def _counted(g: re.Match[str], day: date, back: bool) -> EventDate | None:
    """The date `g`'s gap away from `day` (back for the earlier event, else forward); None for a
    vague count of months or years ("months after"), too loose to count."""
    n, unit = _count_and_unit(g)
    if unit in ("month", "year"):
        # "six months after accusing Moscow", "two years after the war": calendar months, at the
        # unit's own precision
        if n is None:
            return None
        months = n * (12 if unit == "year" else 1)
        shifted = _add_months(day, -months if back else months)
        unit_precision: Precision = "year" if unit == "year" else "month"
        if unit == "year":
            first, last = date(shifted.year, 1, 1), date(shifted.year, 12, 31)
        else:
            first, last = shifted.replace(day=1), _month_last(shifted.year, shifted.month)
        return EventDate(_value(first, last, unit_precision), unit_precision, first, last, "sentence", g.group(0).strip())
    days, precision = _gap_days(g)
    day = day - timedelta(days=days) if back else day + timedelta(days=days)
    first = day if precision == "day" else day.replace(day=1)
    last = day if precision == "day" else _month_last(first.year, first.month)
    return EventDate(_value(first, last, precision), precision, first, last, "sentence", g.group(0).strip())


def references(doc: Document, per_sentence: dict[int, list[DateMention]]) -> dict[int, tuple[date, Precision]]:
    """The reference time at each sentence's start: the latest single day (or month) named
    before it in its paragraph, else in the paragraphs before."""
    out: dict[int, tuple[date, Precision]] = {}
    ref: tuple[date, Precision] | None = None
    for s in doc.sentences:
        if ref is not None:
            out[s.index] = ref
        for m in per_sentence.get(s.index, []):
            if m.first == m.last:
                ref = (m.first, "day")
            elif m.precision == "month":
                ref = (m.first, "month")
    return out


def gap_date(sent: Sentence, e: Event, ref: tuple[date, Precision] | None) -> EventDate | None:
    """An undated event inside "N days after/before ..." counted from the day just named: the
    main clause ("The strikes came a day after") is the event the text has just dated. After a
    fronted phrase ("Two days after the summit, ...") the main clause's event is the later one."""
    if ref is None or ref[1] != "day":
        return None
    for g in _GAP.finditer(sent.text):
        if sent.start + g.end() <= e.trigger_start:
            back = g.group(3).lower() == "after"
            if "," in sent.text[g.end() : e.trigger_start - sent.start]:
                # "Two days after the summit, Kim fired ...": a fronted phrase dates the main
                # clause forward from the day just named (the summit's)
                back = not back
            counted = _counted(g, ref[0], back)
            if counted is not None:
                return counted
    return None


def _inside(g: re.Match[str], sent: Sentence, offset: int) -> bool:
    """Whether the word at `offset` (page offsets) is told inside the clause the gap phrase `g`
    opens: after the phrase, with no comma between."""
    at = offset - sent.start
    return g.end() <= at and "," not in sent.text[g.end() : at]


def in_trailing_gap(sent: Sentence, offset: int) -> bool:
    """Whether a word at `offset` (page offsets) is told inside a gap clause of its sentence
    ("..., two weeks after a deadly clash")."""
    return any(_inside(g, sent, offset) for g in _GAP.finditer(sent.text))


def trailing_gap_date(sent: Sentence, e: Event, m: DateMention) -> EventDate | None:
    """An event told in a trailing gap clause after its sentence's own day ("Iraq's parliament
    voted on Sunday ..., two days after a U.S. drone strike killed Soleimani"): the killing is
    two days before Sunday. Only where the day comes before the gap phrase and the trigger after
    it, with no comma between phrase and trigger (the trigger is inside the clause)."""
    # counted from a single day; from a month by months or years, from a year by years ("restored
    # ties in 2001, a year after Ukraine accused Russia"): a gap finer than its date is not counted
    countable = {"day": ("hour", "day", "week", "month", "year"), "month": ("month", "year"), "year": ("year",)}
    if m.precision not in countable or (m.precision == "day" and m.first != m.last):
        return None
    for g in _GAP.finditer(sent.text):
        if _count_and_unit(g)[1] not in countable[m.precision]:
            continue
        if m.end <= sent.start + g.start() and _inside(g, sent, e.trigger_start):
            counted = _counted(g, m.first, back=g.group(3).lower() == "after")
            if counted is not None:  # a vague "months after" is skipped, not the end of the search
                return counted
    return None
