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
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

Precision = Literal["day", "month", "season", "quarter", "half", "year", "decade"]

# A yearless day after the anchor wins over last year's when it is at most this far ahead.
FUTURE_WINDOW_DAYS = 30

from .precision import PRECISION_ORDER  # noqa: E402 - one definition (time/precision.py)


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


# --------------------------------------------------------------------------- calendar helpers


def _month_last(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), _month_last(y, m)


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + n
    return idx // 12, idx % 12 + 1


def _add_months(d: date, n: int) -> date:
    y, m = _shift_month(d.year, d.month, n)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _week_span(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _quarter_span(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month_last(y, 3 * q)


def _half_span(y: int, h: int) -> tuple[date, date]:
    return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))


def _season_span(name: str, y: int) -> tuple[date, date]:
    """Meteorological season; winter `y` runs December y .. February y+1."""
    if name == "winter":
        return date(y, 12, 1), _month_last(y + 1, 2)
    start = {"spring": 3, "summer": 6, "autumn": 9}[name]
    return date(y, start, 1), _month_last(y, start + 2)


def _most_recent_month(month: int, anchor: date, strictly_before: bool = False) -> int:
    """Year of the latest `month` on/before (or strictly before) the anchor's month."""
    if month < anchor.month or (month == anchor.month and not strictly_before):
        return anchor.year
    return anchor.year - 1


def _resolve_yearless_day(month: int, day: int, anchor: date, weekday: int | None = None) -> date | None:
    cands = []
    for y in range(anchor.year - 4, anchor.year + 2):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    if weekday is not None:
        matching = [c for c in cands if c.weekday() == weekday]
        if matching:
            return min(matching, key=lambda c: (abs((c - anchor).days), c > anchor))
    past = [c for c in cands if c <= anchor]
    future = [c for c in cands if c > anchor]
    if future and (future[0] - anchor).days <= FUTURE_WINDOW_DAYS:
        return future[0]
    if past and (anchor - past[-1]).days <= 366:
        return past[-1]
    return future[0] if future else None


# --------------------------------------------------------------------------- lexicon

_MONTH_NUM = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_FULL = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"}
# Full month names that are dates on their own; the others ("May", "March", "April", "June",
# "August") are also names, verbs or nouns, and abbreviations ("Jun", "Mar") are also names.
_PLAIN_MONTHS = _MONTH_FULL - {"march", "april", "may", "june", "august"}
_WEEKDAY_NUM = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a couple of": 2, "a dozen": 12, "half a dozen": 6,
}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# Words before a month/year/season/decade that make it a date ("in May", "since 2022").
_TIME_PREPS = {
    "in", "since", "until", "till", "til", "by", "before", "after", "during", "from", "through",
    "throughout", "between", "of", "for", "around", "circa", "c.", "ca.", "late", "early", "mid",
    "over", "ending", "starting", "beginning", "dated", "effective", "on",
}
# Stronger subset for bare years: no count-noun check after them.
_YEAR_STRONG = {"in", "since", "until", "till", "til", "by", "before", "after", "during", "from",
                "through", "throughout", "circa", "c.", "ca.", "year", "between", "pre", "post"}
_YEAR_WEAK = {"of", "for", "around", "about", "as", "the", "a", "an", "its", "their", "his", "her",
              "our", "this", "that", "whose", "my", "your", "each", "every"}
# A number right after these is a quantity, not a year ("some 2022 people").
_QUANTIFIERS = {"some", "nearly", "almost", "over", "than", "least", "only", "just", "approximately",
                "roughly", "estimated", "total", "additional", "another", "extra", "all", "exactly"}
_COUNT_NOUNS = set("""
people persons residents civilians citizens soldiers troops police policemen officers fighters
militants rebels insurgents protesters demonstrators refugees migrants asylum prisoners detainees
hostages casualties deaths dead killed injured wounded victims cases votes voters members seats
delegates dollars euros pounds yuan rubles roubles rupees yen km kilometres kilometers miles metres
meters feet foot tons tonnes barrels hectares acres pages words units men women children kids
families households homes houses buildings vehicles cars trucks aircraft planes jets ships vessels
boats tanks workers employees jobs students pupils rounds missiles rockets drones shells bombs
weapons guns times hours minutes seconds days weeks months years items points percent per cent
signatures names patients beds doctors nurses teachers staff personnel votes ballots sq square
litres liters gallons calories posts tweets messages emails followers views copies passengers
participants attendees athletes pilgrims visitors tourists applicants infections samples flights
trips species firms companies businesses schools villages towns cities countries nations states
gmt utc hrs
""".split())
_CLOCK_WORDS = {"gmt", "utc", "hrs", "hours", "h", "local", "bst", "est", "edt", "cet", "cest", "pst", "pdt",
                "ist", "jst", "msk", "eet", "eest", "aest", "zulu"}
_NOT_YEAR_AFTER = _COUNT_NOUNS | _CLOCK_WORDS
# A number followed by one of these is a quantity or a clock time, never a year ("2022 people").
_COUNT_AFTER = r"(?!\s+(?:" + "|".join(sorted(_COUNT_NOUNS, key=len, reverse=True)) + r")\b)"
_EVENT_NOUNS = set("""
election elections census budget olympics games summit invasion war coup referendum protests
uprising revolution agreement accord deal ceasefire truce treaty report survey campaign offensive
earthquake floods flood attack attacks crisis talks visit exercise exercises drills law
constitution decision ruling vote polls poll season conference meeting meetings cup championship
tournament world expo festival debate primaries primary midterms midterm hurricane tsunami
pandemic outbreak massacre bombing bombings riots strike strikes shooting incident clashes
""".split())
_HOLIDAY_WEEKDAY = {"black", "good", "super", "cyber", "ash", "holy", "maundy", "easter", "palm",
                    "shrove", "fat", "bloody", "blue", "giving", "every", "each", "alternate",
                    "pentecost", "whit", "plough", "sundays", "mondays"}

_CONN_RANGE = {"-", "–", "—", "to", "through", "thru", "until", "till"}

# --------------------------------------------------------------------------- regex blocks

_I = re.IGNORECASE


def _mon(name: str) -> str:
    full = "january|february|march|april|may|june|july|august|september|october|november|december"
    abbr = "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
    # A month word glued to a lowercase hyphenated tail is a name: "Mar-a-Lago".
    return rf"(?P<{name}>(?:{full})\b|(?:{abbr})\b\.?)(?!-(?-i:[a-z]))"


def _day(name: str) -> str:
    # Not a time ("16:30"), a decimal, a thousands group, a percentage or a compound ("16-year-old").
    return (rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
            r"(?![:.,]\d|\s*%|\s*per\s*cent|-(?-i:[a-z]))")


def _year(name: str, counts: bool = True) -> str:
    # `counts=False` leaves the count-noun test to the handler ("in 2022 people voted" is a year).
    return rf"(?P<{name}>(?:1[7-9]|20)\d\d)(?![\w%]|[.,]\d)" + (_COUNT_AFTER if counts else "")


_WD_FULL = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WD_ANY = _WD_FULL + "|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
_WD_PREFIX = rf"(?:\b(?P<wd>{_WD_ANY})\b\.?,?\s+)?"
_NUM = (r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|a\s+couple\s+of|half\s+a\s+dozen|a\s+dozen|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_MONTH_MODS = (r"last|next|this|early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|"
               r"the\s+middle\s+of|end\s+of|start\s+of|beginning\s+of|middle\s+of|end")

_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.'’]*)\s*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z-]*)")
_RANGE_PRE = re.compile(r"\b(from|between)\s+$", _I)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|,?\s*&|-|–|—|to|through|thru|until|till)\s*", _I)
_AFTER_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\]\"”’']|$)")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1).lower().rstrip(".") if m else ""


def _prev_word_raw(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


def _next_word_raw(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _cap(token: str) -> bool:
    return token[:1].isupper()


def _num(s: str) -> int:
    s = " ".join(s.lower().split())
    if s.isdigit():
        return int(s)
    if s in _NUM_WORDS:
        return _NUM_WORDS[s]
    tens, _, unit = s.partition("-")
    return _NUM_WORDS[tens] + (_NUM_WORDS[unit] if unit else 0)


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    first: date
    last: date
    precision: Precision
    relative: bool
    kind: str
    tag: str  # day | month | year | decade | season | quarter | weekday | rel | duration | range
    year_inferred: bool = False
    conditional: bool = False  # only a date as the next item of a list/range of dates


_Handler = Callable[[re.Match[str], str, "date | None"], "_Cand | None"]


def _day_cand(start: int, end: int, y: int | None, mo: int, d: int, anchor: date | None,
              weekday: int | None = None) -> _Cand | None:
    if y is not None:
        exact = date(y, mo, d)
        return _Cand(start, end, exact, exact, "day", False, "absolute", "day")
    if anchor is None:
        return None
    if d > (29 if mo == 2 else calendar.monthrange(2001, mo)[1]):
        return None
    when = _resolve_yearless_day(mo, d, anchor, weekday)
    if when is None:
        return None
    return _Cand(start, end, when, when, "day", True, "partial", "day", year_inferred=True)


def _weekday_of(m: re.Match[str], start: int) -> tuple[int | None, int]:
    """Weekday named before a date ("Sat. Jul 20th"), and where the expression then starts."""
    wd = m.group("wd")
    if wd and _cap(wd):
        return _WEEKDAY_NUM[wd.lower()], m.start("wd")
    return None, start


def _h_month_day(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """April 16 | April 16th, 2024 | Sat. Jul 20th, 2024 | Tuesday, April 16"""
    if not _cap(m.group("m")):
        return None
    weekday, start = _weekday_of(m, m.start("m"))
    y = int(m.group("y")) if m.group("y") else None
    return _day_cand(start, m.end(), y, _MONTH_NUM[m.group("m").lower().rstrip(".")], int(m.group("d")), anchor, weekday)


def _h_day_month(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """16 April 2024 | 16th April | the 16th of April | Tuesday, 16 April"""
    if not _cap(m.group("m")):
        return None
    day_tok = text[m.start("d"):m.start("m")]
    ordinal = bool(re.match(r"\d+(?:st|nd|rd|th)", day_tok, _I))
    if m.group("of") and not (ordinal or m.group("the")):
        return None
    if m.group("the") and not ordinal:
        return None
    weekday, start = _weekday_of(m, m.start("the") if m.group("the") else m.start("d"))
    y = int(m.group("y")) if m.group("y") else None
    return _day_cand(start, m.end(), y, _MONTH_NUM[m.group("m").lower().rstrip(".")], int(m.group("d")), anchor, weekday)


def _range_cand(start: int, end: int, first: _Cand, last: _Cand) -> _Cand | None:
    if first.first > last.last:
        return None
    prec = first.precision if PRECISION_ORDER[first.precision] <= PRECISION_ORDER[last.precision] else last.precision
    return _Cand(start, end, first.first, last.last, prec, first.relative or last.relative, "range", "range",
                 year_inferred=first.year_inferred and last.year_inferred)


def _day_range(start: int, end: int, y: int | None, mo: int, d1: int, d2: int, anchor: date | None) -> _Cand | None:
    if d2 <= d1:
        return None
    if y is None:
        if anchor is None:
            return None
        last = _resolve_yearless_day(mo, d2, anchor)
        if last is None:
            return None
        y = last.year
        first_d, last_d = date(y, mo, d1), last
        return _Cand(start, end, first_d, last_d, "day", True, "range", "range", year_inferred=True)
    return _Cand(start, end, date(y, mo, d1), date(y, mo, d2), "day", False, "range", "range")


def _day_range_match(m: re.Match[str], text: str, anchor: date | None, start_group: str) -> _Cand | None:
    """Shared by both word orders of a day range; `start_group` is where the expression begins
    when it has no "between"/"from"."""
    if not _cap(m.group("m")):
        return None
    conn = m.group("conn").lower()
    pre = (m.group("pre") or "").lower()
    if pre == "between" and conn != "and" or pre == "from" and conn == "and":
        return None
    if _next_word(text, m.end()) in _COUNT_NOUNS:
        return None
    start = m.start("pre") if pre else m.start(start_group)
    y = int(m.group("y")) if m.group("y") else None
    mo = _MONTH_NUM[m.group("m").lower().rstrip(".")]
    return _day_range(start, m.end(), y, mo, int(m.group("d")), int(m.group("d2")), anchor)


def _h_month_day_range(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """January 8-9 | January 8 to 10, 2024 | between January 8 and 10"""
    return _day_range_match(m, text, anchor, "m")


def _h_day_day_month(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """8-9 January | 8 to 10 January 2024 | between 8 and 10 January"""
    return _day_range_match(m, text, anchor, "d")


def _narrow_month(y: int, mo: int, part: str) -> tuple[date, date]:
    first, last = _month_span(y, mo)
    if part in ("early", "start of", "beginning of"):
        return first, date(y, mo, 10)
    if part in ("mid", "middle of"):
        return date(y, mo, 11), date(y, mo, 20)
    if part in ("late", "end of", "end"):
        return date(y, mo, 21), last
    return first, last


def _norm_mod(mod: str | None) -> str:
    if not mod:
        return ""
    mod = " ".join(mod.lower().split())
    return mod[4:] if mod.startswith("the ") else mod


def _h_month(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """in May | May 2024 | last November | mid-March | the end of April 2023 | January's vote"""
    tok = m.group("m")
    if not _cap(tok):
        return None
    name = tok.lower().rstrip(".")
    mo = _MONTH_NUM[name]
    mod = _norm_mod(m.group("mod"))
    start = m.start("mod") if mod else m.start("m")
    end = m.end("y") if m.group("y") else m.end("m")
    if m.group("y"):
        y = int(m.group("y"))
        if mod in ("last", "next", "this"):
            start, mod = m.start("m"), ""
        first, last = _narrow_month(y, mo, mod)
        return _Cand(start, end, first, last, "month", False, "absolute", "month")
    if mod in ("last", "next", "this"):
        if anchor is None:
            return None
        if mod == "this":
            y = anchor.year
        elif mod == "last":
            y = _most_recent_month(mo, anchor, strictly_before=True)
        else:
            y = anchor.year if mo > anchor.month else anchor.year + 1
        first, last = _month_span(y, mo)
        return _Cand(start, end, first, last, "month", True, "relative", "month")
    conditional = False
    if not mod:
        prev = _prev_word(text, start)
        if prev in _TIME_PREPS or name in _PLAIN_MONTHS:
            pass
        elif prev == "the" and name in _MONTH_FULL and name != "may" and _next_word_raw(text, end)[:1].islower():
            pass  # "the April meeting" (but "the May government" is Theresa May's)
        else:
            conditional = True  # a date only as the next item of a list: "in April and May"
    if anchor is None:
        return None
    y = _most_recent_month(mo, anchor)
    first, last = _narrow_month(y, mo, mod)
    return _Cand(start, end, first, last, "month", True, "partial", "month", year_inferred=True, conditional=conditional)


def _h_weekday(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """on Tuesday | Tuesday's meeting | last Friday | next Monday"""
    tok = m.group("wd")
    if not _cap(tok) or anchor is None:
        return None
    mod = _norm_mod(m.group("mod"))
    start = m.start("mod") if mod else m.start("wd")
    prev = _prev_word(text, start)
    if prev in _HOLIDAY_WEEKDAY:
        return None
    after = m.end("wd")
    if not mod and prev not in _TIME_PREPS and text[after:after + 1] == " " and _cap(_next_word_raw(text, after)):
        return None  # a title: "the Sunday Times", "Monday Night Football"
    wd = _WEEKDAY_NUM[tok.lower()]
    back = (anchor.weekday() - wd) % 7
    if mod in ("last", "previous", "preceding", "this past"):
        when = anchor - timedelta(days=back or 7)
    elif mod in ("next", "following", "this coming", "coming"):
        when = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    elif mod == "this":
        when = _week_span(anchor)[0] + timedelta(days=wd)
    else:
        when = anchor - timedelta(days=back)
    return _Cand(start, m.end("wd"), when, when, "day", True, "relative", "weekday")


_REL_WORD_OFFSETS = {
    "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
    "this morning": 0, "this afternoon": 0, "this evening": 0,
    "the day before yesterday": -2, "the day after tomorrow": 2,
    "the day before": -1, "the day after": 1, "the same day": 0, "that same day": 0,
    "earlier in the day": 0, "later that day": 0, "later in the day": 0, "earlier that day": 0,
}


def _h_rel_word(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """yesterday | today | the next day | the following morning | the day before"""
    if anchor is None:
        return None
    w = " ".join(m.group(0).lower().split())
    if w in ("the day before", "the day after") and not _AFTER_CLAUSE_END.match(text, m.end()):
        return None
    if w == "today" and m.group(0)[0] == "T" and _cap(_prev_word_raw(text, m.start())):
        return None  # a title: "USA Today"
    if w in _REL_WORD_OFFSETS:
        off = _REL_WORD_OFFSETS[w]
    else:  # "(the) next/following/previous/preceding day|morning|evening|night"
        off = -1 if ("previous" in w or "preceding" in w) else 1
    when = anchor + timedelta(days=off)
    return _Cand(m.start(), m.end(), when, when, "day", True, "relative", "rel")


def _unit_span(unit: str, d: date) -> tuple[date, date, Precision]:
    if unit == "week":
        a, b = _week_span(d)
        return a, b, "day"
    if unit == "month":
        a, b = _month_span(d.year, d.month)
        return a, b, "month"
    if unit == "quarter":
        a, b = _quarter_span(d.year, (d.month - 1) // 3 + 1)
        return a, b, "quarter"
    return date(d.year, 1, 1), date(d.year, 12, 31), "year"


def _unit_shift(unit: str, d: date, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "quarter":
        return _add_months(d, 3 * n)
    if unit == "decade":
        return _add_months(d, 120 * n)
    return _add_months(d, 12 * n)


def _part_of(unit: str, first: date, last: date, prec: Precision, part: str, anchor: date,
             deictic_this: bool) -> tuple[date, date, Precision]:
    """Narrow a week/month/quarter/year span to its part ("early", "the end of", "earlier")."""
    if not part:
        return first, last, prec
    if part in ("earlier", "rest of", "later") and deictic_this and first <= anchor <= last:
        return (first, anchor, prec) if part == "earlier" else (anchor, last, prec)
    part = {"earlier": "early", "later": "late", "rest of": ""}.get(part, part)
    if not part:
        return first, last, prec
    if unit == "week":
        cuts = {"early": (0, 1), "start of": (0, 0), "beginning of": (0, 0), "mid": (2, 3),
                "middle of": (2, 3), "late": (4, 6), "end of": (4, 6)}
        lo, hi = cuts[part]
        return first + timedelta(days=lo), first + timedelta(days=hi), "day"
    if unit == "month":
        d1, d2 = _narrow_month(first.year, first.month, part)
        return d1, d2, "month"
    if unit == "quarter":
        k = {"early": 0, "start of": 0, "beginning of": 0, "mid": 1, "middle of": 1, "late": 2, "end of": 2}[part]
        return _month_span(first.year, first.month + k) + ("month",)
    y = first.year
    if part in ("start of", "beginning of"):
        return _month_span(y, 1) + ("month",)
    if part == "end of":
        return _month_span(y, 12) + ("month",)
    k = {"early": 1, "mid": 5, "middle of": 5, "late": 9}[part]
    return date(y, k, 1), _month_last(y, k + 3), "year"


def _h_rel_unit(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """last week | this month | next year | earlier this month | the end of last year | the past week"""
    if anchor is None:
        return None
    unit = m.group("unit").lower()
    mod = " ".join(m.group("mod").lower().split())
    part = _norm_mod(m.group("part"))
    if re.match(r"\s+of\b", text[m.end():m.end() + 6], _I) and mod in ("the last", "the past", "the first"):
        return None  # "the last week of March" is relative to March
    if mod in ("the past", "past", "this past", "the last"):
        if part:
            return None
        return _Cand(m.start(), m.end(), _unit_shift(unit, anchor, -1), anchor, "day", True, "duration", "duration")
    if mod in ("the coming", "coming"):
        if part:
            return None
        return _Cand(m.start(), m.end(), anchor, _unit_shift(unit, anchor, 1), "day", True, "duration", "duration")
    if mod in ("last", "previous", "the previous", "preceding", "the preceding"):
        n = -1
    elif mod in ("next", "the next", "following", "the following", "this coming"):
        n = 1
    else:  # this | the current | current | the same | this same
        n = 0
    ref = _unit_shift(unit, anchor, n)
    first, last, prec = _unit_span(unit, ref)
    if part.endswith(("quarter of", "half of")):
        if unit != "year":
            return None
        k, qh = _ORDINALS.get(m.group("ord").lower(), 4 if m.group("qh").lower() == "quarter" else 2), m.group("qh").lower()
        if qh == "quarter":
            first, last = _quarter_span(first.year, k)
            prec = "quarter"
        else:
            first, last = _half_span(first.year, k)
            prec = "half"
    else:
        first, last, prec = _part_of(unit, first, last, prec, part, anchor, n == 0)
    return _Cand(m.start(), m.end(), first, last, prec, True, "relative", "rel")


def _h_weekend(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """over the weekend | last weekend | this weekend | next weekend"""
    if anchor is None:
        return None
    mod = " ".join((m.group("mod") or "").lower().split())
    in_weekend = anchor.weekday() >= 5
    recent_sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if mod in ("", "the past", "this past"):
        sat = recent_sat
    elif mod in ("last", "the previous", "previous"):
        sat = recent_sat - timedelta(days=7) if in_weekend else recent_sat
    elif mod == "this":
        sat = recent_sat if in_weekend else recent_sat + timedelta(days=7)
    else:  # next | the coming | the following
        sat = recent_sat + timedelta(days=7 if in_weekend or mod != "next" else 14)
    start = m.start("mod") if m.group("mod") else m.start("the")
    return _Cand(start, m.end(), sat, sat + timedelta(days=1), "day", True, "relative", "rel")


def _h_ago(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """two years ago | three months ago | a week ago | two days later | a year earlier"""
    if anchor is None:
        return None
    direction = " ".join(m.group("dir").lower().split())
    if direction in ("before", "after", "prior") and not _AFTER_CLAUSE_END.match(text, m.end()):
        return None  # "two days before the vote" is relative to the vote
    n = _num(m.group("n"))
    if n > 2000:
        return None
    unit = m.group("unit").lower()
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    when = _unit_shift(unit, anchor, sign * n)
    kind = "duration_later" if sign > 0 else "duration_ago"
    if unit == "day":
        return _Cand(m.start(), m.end(), when, when, "day", True, kind, "rel")
    if unit == "decade":
        unit = "year"
    first, last, prec = _unit_span(unit, when)
    return _Cand(m.start(), m.end(), first, last, prec, True, kind, "rel")


def _h_past_n(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """the past two years | the last 24 hours | the next three weeks"""
    if anchor is None:
        return None
    if re.match(r"\s+of\b", text[m.end():m.end() + 6], _I):
        return None  # "the last two weeks of March"
    n = _num(m.group("n"))
    if n < 1 or n > 500:
        return None
    unit = m.group("unit").lower()
    mod = m.group("mod").lower()
    if unit == "hour":
        unit, n = "day", max(1, -(-n // 24))
    sign = 1 if mod in ("next", "coming", "following") else -1
    other = _unit_shift(unit, anchor, sign * n)
    first, last = (other, anchor) if sign < 0 else (anchor, other)
    # Endpoints are exact days counted from the anchor: an interval of days, not a calendar unit.
    return _Cand(m.start(), m.end(), first, last, "day", True, "duration", "duration")


def _year_context(text: str, start: int, end: int) -> str:
    """'strong' | 'weak' | 'event' | 'possessive' | '' for a bare four-digit number."""
    prev = _prev_word(text, start)
    nxt = _next_word(text, end)
    if nxt in _CLOCK_WORDS:
        return ""  # "by 1800 GMT" is a time of day
    if text[end:end + 2] in ("'s", "’s"):
        return "possessive"
    if prev in _YEAR_STRONG:
        return "strong"
    if nxt in _COUNT_NOUNS or prev in _QUANTIFIERS and prev not in _YEAR_WEAK:
        return ""
    if prev in _YEAR_WEAK or prev.endswith(("'s", "’s")):
        if prev in ("of", "for", "around", "about", "as"):
            return "weak"
        # determiner or possessive: "the 2020 Sea Guardians exercise" -- needs a following word
        return "weak" if nxt and text[end:end + 1].isspace() else ""
    if nxt in _EVENT_NOUNS:
        return "event"
    if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")":
        return "weak"
    return ""


def _h_year(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """in 2022 | since 2022 | the 2020 exercise | 2022's budget"""
    y = int(m.group("y"))
    ctx = _year_context(text, m.start("y"), m.end("y"))
    conditional = not ctx
    if conditional and (_next_word(text, m.end("y")) in _NOT_YEAR_AFTER or _prev_word(text, m.start()) in _QUANTIFIERS):
        return None
    return _Cand(m.start("y"), m.end("y"), date(y, 1, 1), date(y, 12, 31), "year", False, "absolute", "year",
                 conditional=conditional)


def _h_year_mod(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """mid-2022 | early 2023 | the end of 2023 | the first quarter of 2024 | Q1 2024 | H2 2023"""
    y = int(m.group("y"))
    mod = _norm_mod(m.group("mod"))
    if m.group("q"):
        q = m.group("q").upper()
        if q[0] == "Q":
            first, last = _quarter_span(y, int(q[1]))
            return _Cand(m.start(), m.end(), first, last, "quarter", False, "absolute", "quarter")
        first, last = _half_span(y, int(q[1]))
        return _Cand(m.start(), m.end(), first, last, "half", False, "absolute", "quarter")
    if m.group("qh"):
        qh = m.group("qh").lower()
        k = _ORDINALS.get(m.group("ord").lower(), 4 if qh == "quarter" else 2)
        if qh == "quarter":
            first, last = _quarter_span(y, k)
            return _Cand(m.start(), m.end(), first, last, "quarter", False, "absolute", "quarter")
        if k > 2:
            return None
        first, last = _half_span(y, k)
        return _Cand(m.start(), m.end(), first, last, "half", False, "absolute", "quarter")
    if mod in ("year", "calendar year"):
        return _Cand(m.start(), m.end(), date(y, 1, 1), date(y, 12, 31), "year", False, "absolute", "year")
    first, last, prec = _part_of("year", date(y, 1, 1), date(y, 12, 31), "year", mod, date(y, 1, 1), False)
    return _Cand(m.start(), m.end(), first, last, prec, False, "absolute", "year")


def _h_year_q(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """2024 Q1 | 2023-H2"""
    y, q = int(m.group("y")), m.group("q").upper()
    if q[0] == "Q":
        first, last = _quarter_span(y, int(q[1]))
        return _Cand(m.start(), m.end(), first, last, "quarter", False, "absolute", "quarter")
    first, last = _half_span(y, int(q[1]))
    return _Cand(m.start(), m.end(), first, last, "half", False, "absolute", "quarter")


def _h_year_range(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """from 2020 to 2022 | between 2020 and 2022 | in 2020-2022 | the 2022-23 season"""
    y1 = int(m.group("y"))
    y2 = int(m.group("y2")) if m.group("y2") else y1 // 100 * 100 + int(m.group("yy"))
    if not y1 < y2 <= y1 + 100:
        return None
    conn = m.group("conn").lower()
    pre = (m.group("pre") or "").lower()
    if pre == "between" and conn != "and" or pre == "from" and conn not in _CONN_RANGE or not pre and conn == "and":
        return None
    start = m.start("pre") if pre else m.start("y")
    if not pre:
        ctx = _year_context(text, m.start("y"), m.end())
        if not ctx:
            return None
    return _Cand(start, m.end(), date(y1, 1, 1), date(y2, 12, 31), "year", False, "range", "range")


def _h_decade(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """in the 1990s | the early 2000s | the mid-1980s | the '90s"""
    tok = m.group("dec")
    if tok[0] in "'’‘":
        two = int(tok[1])
        base = 1900 + two * 10 if two >= 2 else 2000 + two * 10
    else:
        base = int(tok[:4])
    mod = (m.group("mod") or "").lower()
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(mod, (0, 9))
    start = m.start("the") if m.group("the") else m.start("mod") if mod else m.start("dec")
    conditional = not m.group("the") and _prev_word(text, start) not in _TIME_PREPS
    return _Cand(start, m.end("dec"), date(base + lo, 1, 1), date(base + hi, 12, 31), "decade", False, "absolute",
                 "decade", conditional=conditional)


def _h_season(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """summer 2022 | the summer of 2022 | last summer | in the spring | winter 2022-23"""
    season = m.group("s").lower()
    season = "autumn" if season == "fall" else season
    mod = " ".join((m.group("mod") or "").lower().split())
    start = m.start("mod") if mod else m.start("the") if m.group("the") else m.start("s")
    if m.group("y"):
        y = int(m.group("y"))
        first, last = _season_span(season, y)
        return _Cand(start, m.end(), first, last, "season", False, "absolute", "season")
    if re.match(r"\s+of\b", text[m.end():m.end() + 4], _I):
        return None  # "the spring of discontent", "the fall of Kabul"
    if m.group("s").lower() == "fall" and mod not in ("last", "this", "next", "this past", "this coming"):
        if not (m.group("the") and _prev_word(text, start) in ("in", "during", "by", "until", "since", "over")):
            return None
    if mod not in ("last", "this", "next", "this past", "this coming") and _prev_word(text, start) not in _TIME_PREPS:
        return None
    if anchor is None:
        return None
    spans = [_season_span(season, y) for y in range(anchor.year - 2, anchor.year + 2)]
    if mod in ("last", "this past"):
        pick = [s for s in spans if s[1] < anchor][-1]
    elif mod in ("next", "this coming"):
        pick = [s for s in spans if s[0] > anchor][0]
    elif mod == "this":
        holding = [s for s in spans if s[0] <= anchor <= s[1]]
        pick = holding[0] if holding else [s for s in spans if s[0] > anchor][0]
    else:
        pick = [s for s in spans if s[0] <= anchor][-1]
    return _Cand(start, m.end(), pick[0], pick[1], "season", True, "relative", "season")


def _h_iso(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """2024-04-16 | 2024/04/16"""
    when = date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return _Cand(m.start(), m.end(), when, when, "day", False, "absolute", "day")


def _h_numeric(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """16/04/2024 | 07/20/2024 -- only when day and month cannot be confused."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a > 12 >= b:
        d, mo = a, b
    elif b > 12 >= a:
        d, mo = b, a
    elif a == b:
        d = mo = a
    else:
        return None
    when = date(y, mo, d)
    return _Cand(m.start(), m.end(), when, when, "day", False, "absolute", "day")


_DAYPART = r"(?:day|morning|afternoon|evening|night)"
_RULES: list[tuple[re.Pattern[str], _Handler]] = [
    (re.compile(rf"\b{_WD_PREFIX}{_mon('m')}\s+{_day('d')}(?:(?:,\s*|\s+){_year('y')})?", _I), _h_month_day),
    (re.compile(rf"{_WD_PREFIX}(?:\b(?P<the>the)\s+)?(?<![\w.,$£€/:-]){_day('d')}\s+(?:(?P<of>of)\s+)?{_mon('m')}"
                rf"(?:,?\s+{_year('y')})?", _I), _h_day_month),
    (re.compile(rf"(?:\b(?P<pre>from|between)\s+)?\b{_mon('m')}\s+{_day('d')}\s*(?P<conn>-|–|—|to\b|through\b|thru\b|until\b|till\b|and\b)"
                rf"\s*{_day('d2')}(?:(?:,\s*|\s+){_year('y')})?", _I), _h_month_day_range),
    (re.compile(rf"(?:\b(?P<pre>from|between)\s+)?(?<![\w.,$£€/:-]){_day('d')}\s*(?P<conn>-|–|—|to\b|and\b)\s*{_day('d2')}"
                rf"\s+(?:of\s+)?{_mon('m')}(?:,?\s+{_year('y')})?", _I), _h_day_day_month),
    (re.compile(rf"\b(?:(?P<mod>{_MONTH_MODS})(?:\s+|-))?{_mon('m')}(?:,?\s+(?:of\s+)?{_year('y')})?", _I), _h_month),
    (re.compile(rf"\b(?:(?P<mod>last|next|this\s+past|this\s+coming|this|the\s+previous|the\s+following|the\s+preceding)\s+)?"
                rf"(?P<wd>{_WD_FULL})\b", _I), _h_weekday),
    (re.compile(r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight"
                r"|last\s+night|this\s+(?:morning|afternoon|evening)|(?:the\s+)?(?:next|following|previous|preceding)\s+"
                rf"{_DAYPART}|the\s+day\s+(?:before|after)|(?:the|that)\s+same\s+day|(?:earlier|later)\s+(?:in\s+the|that)\s+day)\b",
                _I), _h_rel_word),
    (re.compile(r"\b(?:(?P<part>earlier|later|early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|"
                r"the\s+middle\s+of|the\s+rest\s+of|end\s+of|start\s+of|beginning\s+of|"
                r"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?P<qh>quarter|half)\s+of)(?:\s+|-))?"
                r"(?P<mod>(?:the|this)\s+(?:last|next|previous|preceding|following|past|coming|current|same)|"
                r"last|next|previous|preceding|following|past|coming|current|this)\s+(?P<unit>week|month|year|quarter)\b", _I),
     _h_rel_unit),
    (re.compile(r"\b(?:(?P<mod>last|next|this\s+past|this|the\s+past|the\s+coming|the\s+previous|the\s+following)\s+|"
                r"(?:over|at|during|on)\s+(?P<the>the)\s+)weekend\b", _I), _h_weekend),
    (re.compile(rf"(?<![\w,.]){_NUM.replace('(?:', '(?P<n>', 1)}\s+(?P<unit>day|week|month|year|decade)s?\s+"
                r"(?P<dir>ago|earlier|later|before|after|prior|previously|from\s+now|hence)\b", _I), _h_ago),
    (re.compile(rf"\b(?:(?:the|these|this)\s+)?(?P<mod>past|last|previous|next|coming|following)\s+"
                rf"{_NUM.replace('(?:', '(?P<n>', 1)}\s+(?P<unit>hour|day|week|month|year|decade)s?\b", _I), _h_past_n),
    (re.compile(rf"(?<![\w$£€¥#.,/:'’-]){_year('y', counts=False)}(?!\s*[-–/]\s*\d)", _I), _h_year),
    (re.compile(r"\b(?P<mod>early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
                r"end\s+of|start\s+of|beginning\s+of|middle\s+of|"
                r"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?P<qh>quarter|half)\s+of|"
                rf"(?:the\s+)?(?:calendar\s+)?year|(?P<q>q[1-4]|h[12])(?:\s+of)?)(?:\s+|-){_year('y')}", _I), _h_year_mod),
    (re.compile(rf"(?<![\w$£€.,/-]){_year('y')}\s*[-/]?\s*(?P<q>q[1-4]|h[12])\b", _I), _h_year_q),
    (re.compile(rf"(?:\b(?P<pre>from|between)\s+)?(?<![\w$£€¥#.,/:'’-]){_year('y')}\s*(?P<conn>-|–|—|/|to\b|and\b|through\b|until\b|till\b)"
                rf"\s*(?:{_year('y2')}|(?P<yy>\d\d)(?![\w%]|[.,]\d))", _I), _h_year_range),
    (re.compile(r"(?:\b(?P<the>the)\s+)?(?:\b(?P<mod>early|mid|late)(?:\s+|-))?(?<![\w$£€.,])"
                r"(?P<dec>(?:1[7-9]|20)\d0s|['’‘]\d0s)(?!\w)", _I), _h_decade),
    (re.compile(r"\b(?:(?P<mod>last|this\s+past|this\s+coming|this|next|early|late|mid)(?:\s+|-))?(?:(?P<the>the)\s+)?"
                rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:,?\s+(?:of\s+)?{_year('y')}(?:\s*[-–/]\s*(?:\d\d)?\d\d\b)?)?", _I),
     _h_season),
    (re.compile(rf"(?<![\w/.-]){_year('y')}(?P<sep>[-/])(?P<mo>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"), _h_iso),
    (re.compile(rf"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep){_year('y')}"), _h_numeric),
]


# Cheap whole-text tests that let find_dates skip rules that cannot match (most sentences have no
# month name, no four-digit number, no season...): a large saving when called sentence by sentence.
_GATES: dict[str, tuple[str, ...]] = {  # substrings of the lowercased text
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "digit": tuple("0123456789"),
    "year": ("17", "18", "19", "20"),
    "weekday": ("day",),
    "dayword": ("day", "night", "morning", "afternoon", "evening", "tomorrow"),
    "unit": ("day", "week", "month", "year", "decade", "quarter", "hour"),
    "decade": ("0s",),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
}
_RULE_GATES: dict[_Handler, tuple[str, ...]] = {
    _h_month_day: ("month", "digit"), _h_day_month: ("month", "digit"), _h_month_day_range: ("month", "digit"),
    _h_day_day_month: ("month", "digit"), _h_month: ("month",), _h_weekday: ("weekday",),
    _h_rel_word: ("dayword",), _h_rel_unit: ("unit",), _h_weekend: ("unit",), _h_ago: ("unit",),
    _h_past_n: ("unit",), _h_year: ("year",), _h_year_mod: ("year",), _h_year_q: ("year",),
    _h_year_range: ("year",), _h_decade: ("decade",), _h_season: ("season",), _h_iso: ("year",),
    _h_numeric: ("year",),
}


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
