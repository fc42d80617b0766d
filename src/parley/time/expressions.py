"""Date expressions in news English, resolved to calendar ranges.

`find_dates(text, anchor)` returns every date expression in `text` as a `DateMention`: its
character span, the inclusive range of days it denotes (`first`..`last`), a precision, and
whether the anchor (the news date, or the reference date of the sentence) was needed.

The grammar is a fixed set of regular expressions compiled once at import, each with a small
handler that validates the match in context and resolves it. dateparser is deliberately not used
at run time: it has no notion of "mid-2022" or "earlier this month", reads the "Jun" of "Dong
Jun" as June, and costs milliseconds a call; every form below is resolved with plain calendar
arithmetic instead (the tests cross-check the absolute forms against dateparser).

Guarding against names and numbers
----------------------------------
* Month and weekday words must be capitalised ("may" and "march" are verbs).
* "May", "March", "April", "June", "August" and every abbreviation ("Jun", "Mar", "Sept.") are
  dates only with a day or a year after them ("May 5", "Jun 2024"), a modifier before them
  ("last May", "mid-March", "the end of April") or a preposition before them ("in May", "since
  June", "by August"); or as the next item of a list or range of dates ("in April and May").
  So "Theresa May said", "Dong Jun", "Sun Jun" and "Mar-a-Lago" are not dates. The other full
  month names (January, February, July, September..December) are dates on their own.
* Abbreviated weekdays ("Sat.", "Sun") only count in front of a full date ("Sat. Jul 20th,
  2024"); full weekdays are dates unless they name a holiday ("Good Friday", "Super Tuesday")
  or a habit ("every Monday", "on Mondays").
* A four-digit number is a year only when used as one: after a preposition ("in 2022", "since
  2022"), as a modifier after a determiner or possessive ("the 2020 Sea Guardians exercise",
  "Russia's 2022 invasion"), before an event noun ("2024 elections"), with a modifier ("mid-2022",
  "the end of 2023"), or as the next item of a list/range of years. Never with a count noun
  after it ("2022 people"), after a quantifier ("some 2022"), or inside "$2,022" / "2022.5".
* A bare ordinal ("the 17th") is not a date: which month it means is not in the text.

Resolution conventions (documented choices)
-------------------------------------------
* Year missing on a day ("April 16", "on the 16th of April"): the most recent such day on or
  before the anchor, unless the next one after the anchor is at most `FUTURE_WINDOW_DAYS` ahead
  (news announces scheduled events that close: "the vote on April 28" in a mid-April article).
  A weekday given with it ("Tuesday, April 16") picks the year in which the weekday matches.
* Year missing on a month ("in January"): the most recent such month on or before the anchor's
  month (anchor April 2024 -> 2024-01; anchor January 2024 -> 2024-01; "in May" with anchor
  April 2024 -> 2023-05). "last May" is strictly before the anchor's month, "next May" strictly
  after, "this May" is the anchor year's May.
* A weekday ("on Tuesday", "Tuesday's meeting"): the most recent such day on or before the
  anchor (no tense analysis). "last Tuesday" is strictly before, "next Tuesday" strictly after,
  "this Tuesday" is the one in the anchor's Monday-Sunday week.
* Weeks are Monday-Sunday. Expressions spanning several days (a week, a weekend, "January 8-9")
  have precision "day" and `first` < `last`; `iso_at_precision(first, "day", last)` renders them
  as an ISO interval ("2024-04-08/2024-04-14").
* Seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug, autumn/fall
  Sep-Nov, winter Dec-Feb; "winter 2022" is the winter that starts in December 2022. "last
  summer" is the latest summer that ended before the anchor; "this summer" the one containing the
  anchor, else the next one; bare "in (the) summer" the latest one begun by the anchor.
* Parts of a year: early = Jan-Apr, mid = May-Aug, late = Sep-Dec (precision stays "year");
  "the start of 2024" = January and "the end of 2023" = December (precision "month"). Parts of a
  month: early/start = 1-10, mid = 11-20, late/end = 21-last (precision "month"). Parts of a
  decade: early = 0-3, mid = 4-6, late = 7-9.
* "N days/weeks/months/years ago" (also "earlier", "previously", and "later"/"from now" forward)
  is the day, the Monday-Sunday week, the month or the year that far from the anchor; "a decade
  ago" is the year ten years back. Vague counts ("a few days ago") are skipped.
* "the past two years" / "the last 24 hours" / "the next two weeks" are durations: the range from
  the anchor back (or forward) that far. "the past week" is a duration, "last week" the calendar
  week before the anchor's.
* "the next day", "the following day", "the day before", "the same day" are relative to the
  anchor passed in (callers pass the sentence's reference date). "the day before/after" only
  counts when nothing follows it ("the day before the vote" is relative to the vote).
* Without an anchor (`anchor=None`) anything that needs one is skipped, not guessed.

Kinds: 'absolute' (complete calendar date/month/year/season/quarter/decade), 'partial' (a
calendar expression missing its year, completed from the anchor), 'relative' (deictic:
"yesterday", "last week", "last November", "earlier this month"), 'duration_ago' ("two years
ago", "three days earlier"), 'duration_later' ("two days later", "a week from now"),
'duration' ("the past two years"), 'range' ("January 8-9", "from 2020 to 2022").

The grammar is split by concern: `grammar` holds the word tables and regex building blocks,
`spans` the calendar arithmetic, `rules` the patterns and their handlers; this module picks among
the candidates the rules propose, continues lists and merges ranges.
"""

from __future__ import annotations

import bisect
import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .grammar import _CONN_RANGE, _LIST_GAP, _RANGE_PRE
from .rules import _Cand, _GATES, _RULES, _RULE_GATES, _range_cand
from .spans import FUTURE_WINDOW_DAYS, Precision

__all__ = ["FUTURE_WINDOW_DAYS", "DateMention", "Precision", "find_dates", "iso_at_precision"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str  # text[start:end] of the input
    first: date  # inclusive range the expression denotes
    last: date
    precision: Precision
    relative: bool  # resolved against the anchor (not an explicit absolute date)
    kind: str  # absolute | partial | relative | duration_ago | duration_later | duration | range
    year_inferred: bool = False  # written without its year ("March 1", "in May"): the year is the anchor's

    @property
    def iso(self) -> str:
        return iso_at_precision(self.first, self.precision, self.last)


_SEASON_OF_MONTH = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
                    6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}


def iso_at_precision(first: date, precision: Precision | str, last: date | None = None) -> str:
    """ISO-style text for a date at its precision.

    day "2024-04-16" (with `last` after `first`: the interval "2024-04-08/2024-04-14"),
    month "2024-04", season "2022-summer" (winter named by the year its December is in),
    quarter "2024-Q1", half "2024-H2", year "2024", decade "1990s".
    """
    if precision == "day":
        if last is not None and last > first:
            return f"{first.isoformat()}/{last.isoformat()}"
        return first.isoformat()
    if precision == "month":
        return f"{first.year:04d}-{first.month:02d}"
    if precision == "season":
        name = _SEASON_OF_MONTH[first.month]
        year = first.year - 1 if first.month in (1, 2) else first.year
        return f"{year:04d}-{name}"
    if precision == "quarter":
        return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{first.year:04d}-H{1 if first.month <= 6 else 2}"
    if precision == "year":
        return f"{first.year:04d}"
    if precision == "decade":
        return f"{first.year // 10 * 10:04d}s"
    raise ValueError(f"unknown precision {precision!r}")



# --------------------------------------------------------------------------- selection


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (start, end))
    if i < len(spans) and spans[i][0] < end:
        return True
    return i > 0 and spans[i - 1][1] > start


def _list_compatible(prev: _Cand, cand: _Cand) -> bool:
    if cand.tag == "month":
        return prev.tag in ("month", "day")
    if cand.tag == "year":
        return prev.tag in ("year", "decade") or (prev.tag in ("month", "day", "season", "range") and not prev.year_inferred)
    if cand.tag == "decade":
        return prev.tag in ("decade", "year")
    return False


def _with_year(c: _Cand, y: int) -> _Cand | None:
    """A yearless day/month moved to year `y` (a range's other end gave the year)."""
    if c.precision == "day" and c.first == c.last:
        try:
            d = c.first.replace(year=y)
        except ValueError:
            return None
        return _Cand(c.start, c.end, d, d, c.precision, False, "absolute", c.tag)
    if c.tag == "month":
        f = date(y, c.first.month, c.first.day)
        # cut to the month's length in year `y`: February 29 of a leap anchor year is the 28th
        last = date(y, c.last.month, min(c.last.day, calendar.monthrange(y, c.last.month)[1]))
        return _Cand(c.start, c.end, f, last, c.precision, False, "absolute", c.tag)
    return None


_RANGEABLE = {"day", "month", "year", "weekday", "quarter", "season", "decade"}


def _try_merge(text: str, a: _Cand, b: _Cand) -> _Cand | None:
    """'between March 3 and March 5', 'from January to March 2024', 'March 30 to April 2'."""
    if a.tag not in _RANGEABLE or b.tag not in _RANGEABLE or b.start - a.end > 12:
        return None
    conn = " ".join(text[a.end:b.start].split()).lower()
    pm = _RANGE_PRE.search(text, max(0, a.start - 9), a.start)
    pre = pm.group(1).lower() if pm else ""
    if pre == "between":
        if conn != "and":
            return None
    elif conn not in _CONN_RANGE:
        return None
    if a.year_inferred and not b.year_inferred:
        a2 = _with_year(a, b.first.year)
        if a2 is not None and a2.first > b.first:
            a2 = _with_year(a, b.first.year - 1)
        if a2 is None:
            return None
        a = a2
    elif b.year_inferred and not a.year_inferred:
        b2 = _with_year(b, a.last.year)
        if b2 is not None and b2.last < a.first:
            b2 = _with_year(b, a.last.year + 1)
        if b2 is None:
            return None
        b = b2
    elif a.tag == b.tag == "weekday" and b.last < a.first:
        b = _Cand(b.start, b.end, b.first + timedelta(days=7), b.last + timedelta(days=7), b.precision, b.relative, b.kind, b.tag)
    elif a.year_inferred and b.year_inferred and a.first > b.last:
        a2 = _with_year(a, b.first.year - 1)
        if a2 is None:
            return None
        a = a2
    start = pm.start(1) if pm else a.start
    return _range_cand(start, b.end, a, b)


def find_dates(text: str, anchor: date | None) -> list[DateMention]:
    """All date expressions in `text`, sorted and non-overlapping (see the module docstring)."""
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    cands: list[_Cand] = []
    gates: dict[str, bool] = {}
    low = text.lower()
    for pattern, handler in _RULES:
        needed = _RULE_GATES[handler]
        for g in needed:
            if g not in gates:
                gates[g] = any(w in low for w in _GATES[g])
        if not all(gates[g] for g in needed):
            continue
        for m in pattern.finditer(text):
            try:
                c = handler(m, text, anchor)
            except (ValueError, OverflowError, IndexError):
                continue  # impossible calendar date ("February 30") or out of date's range
            if c is not None and c.end > c.start:
                cands.append(c)
    # Longest expression wins; among equals, the earlier one; conditional ones wait for a list.
    firm = sorted((c for c in cands if not c.conditional), key=lambda c: (c.start - c.end, c.start))
    spans: list[tuple[int, int]] = []
    chosen: list[_Cand] = []
    for c in firm:
        if not _overlaps(spans, c.start, c.end):
            bisect.insort(spans, (c.start, c.end))
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    # One sweep adds conditional candidates that continue a list ("in April and May", "2021, 2022").
    listed: list[_Cand] = []
    j = 0
    for c in sorted((c for c in cands if c.conditional), key=lambda c: (c.start, c.start - c.end)):
        while j < len(chosen) and chosen[j].start < c.start:
            listed.append(chosen[j])
            j += 1
        if not listed or listed[-1].end > c.start or (j < len(chosen) and chosen[j].start < c.end):
            continue
        if _LIST_GAP.fullmatch(text, listed[-1].end, c.start) and _list_compatible(listed[-1], c):
            listed.append(c)
    listed.extend(chosen[j:])
    chosen = listed
    merged: list[_Cand] = []
    i = 0
    while i < len(chosen):
        if i + 1 < len(chosen):
            r = _try_merge(text, chosen[i], chosen[i + 1])
            if r is not None:
                merged.append(r)
                i += 2
                continue
        merged.append(chosen[i])
        i += 1
    return [DateMention(c.start, c.end, text[c.start:c.end], c.first, c.last, c.precision, c.relative, c.kind, c.year_inferred)
            for c in merged]


def span_value(first: date, last: date, precision: Precision) -> str:
    """An ISO value for a date range at its precision: one day, one unit, or "a/b" across units."""
    if precision == "day":
        return iso_at_precision(first, "day", last)
    a, b = iso_at_precision(first, precision), iso_at_precision(last, precision)
    return a if a == b else f"{a}/{b}"
