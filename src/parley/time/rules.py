"""The rules of the date grammar (time/expressions.py): one compiled pattern per form of date
expression, each with a handler that validates the match in context and resolves it to a candidate
range, and the cheap whole-text gates that let `find_dates` skip rules that cannot match.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .grammar import (
    _AFTER_CLAUSE_END, _CLOCK_WORDS, _CONN_RANGE, _COUNT_NOUNS, _EVENT_NOUNS, _HOLIDAY_WEEKDAY, _I,
    _MONTH_FULL, _MONTH_MODS, _MONTH_NUM, _NOT_YEAR_AFTER, _NUM, _ORDINALS, _PLAIN_MONTHS, _QUANTIFIERS,
    _TIME_PREPS, _WD_FULL, _WD_PREFIX, _WEEKDAY_NUM, _YEAR_STRONG, _YEAR_WEAK, _cap, _day, _mon,
    _next_word, _next_word_raw, _num, _prev_word, _prev_word_raw, _year,
)
from .precision import PRECISION_ORDER
from .spans import (
    Precision, _half_span, _month_span, _most_recent_month, _narrow_month, _part_of, _quarter_span,
    _resolve_yearless_day, _season_span, _unit_shift, _unit_span, _week_span,
)


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
    # "the same evening", "that same night": the reference's day, as "the same day" is
    **{f"{det} same {part}": 0 for det in ("the", "that") for part in ("morning", "afternoon", "evening", "night")},
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
    """two years ago | three months ago | a week ago | two days later | a year earlier | ten years ago today"""
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
    if m.group("same"):
        # "twenty years ago today", "thirty years ago this week": the anchor's own day (week,
        # month) that many units back, one expression
        same = m.group("same").lower().split()[-1]
        if same == "today":
            return _Cand(m.start(), m.end(), when, when, "day", True, kind, "rel")
        first, last, prec = _unit_span(same, when)
        return _Cand(m.start(), m.end(), first, last, prec, True, kind, "rel")
    if unit == "day":
        return _Cand(m.start(), m.end(), when, when, "day", True, kind, "rel")
    if unit == "decade":
        unit = "year"
    first, last, prec = _unit_span(unit, when)
    return _Cand(m.start(), m.end(), first, last, prec, True, kind, "rel")


def _h_vague_later(m: re.Match[str], text: str, anchor: date | None) -> _Cand | None:
    """hours later | within hours | (a few) days later | within days | weeks later | months later:
    an uncounted offset after the time just told (the time stage counts it from there, and drops
    it where nothing was told). Hours keep the day; days, the month; weeks, the month of the
    span's middle (three weeks on for "weeks later", two for "within weeks"); months, the year
    three months on."""
    if anchor is None:
        return None
    unit = (m.group("unit") or m.group("unit2")).lower()
    if unit == "hour":
        return _Cand(m.start(), m.end(), anchor, anchor, "day", True, "vague_later", "rel")
    weeks_on = 14 if m.group("unit2") else 21
    when = anchor + timedelta(days={"day": 0, "week": weeks_on, "month": 91}[unit])
    first, last, prec = _unit_span("year" if unit == "month" else "month", when)
    return _Cand(m.start(), m.end(), first, last, prec, True, "vague_later", "rel")


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
        # the season holding the anchor, else that season of the anchor's year, passed or to come
        # ("visited this autumn" on 20 December is the autumn just gone)
        holding = [s for s in spans if s[0] <= anchor <= s[1]]
        pick = holding[0] if holding else _season_span(season, anchor.year)
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
                rf"{_DAYPART}|the\s+day\s+(?:before|after)|(?:the|that)\s+same\s+{_DAYPART}|(?:earlier|later)\s+(?:in\s+the|that)\s+day)\b",
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
                r"(?P<dir>ago|earlier|later|before|after|prior|previously|from\s+now|hence)\b"
                r"(?:(?<=ago)\s+(?P<same>today|this\s+week|this\s+month)\b(?!['’]))?", _I), _h_ago),
    # "48 hours later" is counted, not vague: no number before the unit
    (re.compile(r"(?<![\w,.])(?<!\d\s)(?:(?:a\s+few|several|some)\s+)?(?P<unit>hour|day|week|month)s\s+(?:later|afterwards?)\b"
                r"|\bwithin\s+(?:(?:a\s+few|several)\s+)?(?P<unit2>hour|day|week)s\b", _I), _h_vague_later),
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
    _h_numeric: ("year",), _h_vague_later: ("unit",),
}
