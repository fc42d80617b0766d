"""Times named by their unit and counted from the latest date the text told before them: "That
year Britain and Guatemala signed", "the same year", "the following month", "that summer". The
date grammar (`expressions`) reads "the same year" against the page's anchor; in a told history
it is the year of the date told just before."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .expressions import DateMention
from .spans import Precision, _add_months, _month_last, _season_span

_TOLD_UNIT = re.compile(
    r"\b(?:(?P<that>that)|the\s+(?P<rel>same|following|previous|preceding))\s+"
    r"(?P<unit>year|month|spring|summer|autumn|fall|winter|week|weekend|day)\b(?!['\u2019-])",
    re.IGNORECASE,
)
# Where "that spring" / "that fall" is a time: at the sentence's start, after a comma or a preposition of time.
_TIME_SLOT_BEFORE = re.compile(r"(?:^|,|\b(?:and|but|then|in|by|during|until|since|of|later|earlier))\s*$", re.IGNORECASE)
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)
_SEASON_NAMES = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}


def told_unit_anaphora(text: str, mentions: list[DateMention], told: DateMention | None, anchor: date | None) -> list[DateMention]:
    """`mentions` with each `_TOLD_UNIT` expression read against the latest date told before it:
    the one before it in this sentence, else `told` (earlier in the paragraph, else the paragraph
    before). A unit finer than that date ("that month" after "in 1990") is not read, nor a day or
    week after "the same", "the following"... (the anaphora reader of `_sentence_dates` counts
    those from the latest day). Offsets are the sentence's."""
    out = list(mentions)
    for g in _TOLD_UNIT.finditer(text):
        unit = g.group("unit").lower()
        if g.group("rel") and unit in ("week", "weekend", "day"):
            continue
        if g.group("that") and unit in ("spring", "fall") and not _TIME_SLOT_BEFORE.search(text[: g.start()]):
            continue  # "crises that spring from", "cases that fall under": a relative pronoun and a verb
        if any(m.start < g.end() and g.start() < m.end and not (m.start == g.start() and m.end == g.end()) for m in out):
            continue  # part of a longer expression already read
        # "in October of that year": the yearless month before "of" takes the year read here
        joined = next((m for m in out if unit == "year" and m.year_inferred and m.kind == "partial" and m.first.year == m.last.year
                       and _OF.fullmatch(text, m.end, g.start())), None)
        ref = _latest_before(g.start(), [m for m in out if m is not joined], told, anchor)
        if ref is None or ref.first.year != ref.last.year:
            continue
        read = _unit_of(unit, g.group("rel"), ref)
        if read is None:
            continue
        first, last, precision = read
        if joined is not None:
            try:
                whole = replace(joined, end=g.end(), text=text[joined.start : g.end()], first=joined.first.replace(year=first.year),
                                last=joined.last.replace(year=first.year), year_inferred=False)
            except ValueError:  # 29 February
                continue
            out = [m for m in out if m is not joined and not (m.start == g.start() and m.end == g.end())] + [whole]
            continue
        mention = DateMention(g.start(), g.end(), g.group(0), first, last, precision, True, "relative")
        out = [m for m in out if not (m.start == g.start() and m.end == g.end())] + [mention]
    return sorted(out, key=lambda m: m.start)


def _latest_before(at: int, mentions: list[DateMention], told: DateMention | None, anchor: date | None) -> DateMention | None:
    """The latest date told before offset `at`: in this sentence's `mentions` (the anchor's own
    day is no telling), else `told`."""
    before = [m for m in mentions if m.end <= at and not (m.first == m.last == anchor)]
    return max(before, key=lambda m: m.start) if before else told


def _unit_of(unit: str, rel: str | None, ref: DateMention) -> tuple[date, date, Precision] | None:
    """The `unit` that holds `ref` (shifted one unit for "the following"/"the previous"), or None
    when `ref` is coarser than the unit (a season needs only its year: it is named)."""
    step = {"following": 1, "previous": -1, "preceding": -1}.get((rel or "").lower(), 0)
    if unit == "year":
        y = ref.first.year + step
        return date(y, 1, 1), date(y, 12, 31), "year"
    if unit in _SEASON_NAMES:
        # the season is named: the year told is enough ("In 1990 ... That autumn")
        first, last = _season_span(_SEASON_NAMES[unit], ref.first.year + step)
        return first, last, "season"
    if unit == "month":
        if ref.precision not in ("day", "month") or ref.first.month != ref.last.month:
            return None
        first = _add_months(ref.first.replace(day=1), step)
        return first, _month_last(first.year, first.month), "month"
    if ref.precision != "day" or ref.first != ref.last:
        return None  # "that day", "that week(end)": a single day told before
    if unit == "day":
        return ref.first, ref.first, "day"
    monday = ref.first - timedelta(days=ref.first.weekday())
    return (monday + timedelta(days=5), monday + timedelta(days=6), "day") if unit == "weekend" else (monday, monday + timedelta(days=6), "day")


_YEARS_COUNTED = re.compile(r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d{1,3})\s+years?\s+"
                            r"(?P<dir>later|earlier|afterwards?)", re.IGNORECASE)
# Number words a count of days, months or years is written with (the gap readers of `gaps` use them too).
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}


def told_year_counts(mentions: list[DateMention], told: DateMention | None, anchor: date | None) -> list[DateMention]:
    """"Two years later", "a year earlier": a count of years from the latest date told before it
    (in this sentence, else `told`), at year precision ("In March 1985 ... Two years later" is
    1987, not January 1987). Without a date told, or one spanning years, left as read."""
    out: list[DateMention] = []
    for m in mentions:
        g = _YEARS_COUNTED.fullmatch(m.text)
        if g is None:
            out.append(m)
            continue
        ref = _latest_before(m.start, out, told, anchor)
        if ref is None or ref.first.year != ref.last.year:
            out.append(m)
            continue
        n = COUNT_WORDS.get(g.group("n").lower()) or int(g.group("n"))
        year = ref.first.year + (-n if g.group("dir").lower() == "earlier" else n)
        out.append(replace(m, first=date(year, 1, 1), last=date(year, 12, 31), precision="year"))
    return out
