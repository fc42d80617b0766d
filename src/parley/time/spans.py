"""Calendar arithmetic for date expressions (time/expressions.py): month, week, quarter, half and
season spans, shifting by a unit, narrowing a span to its part ("early", "the end of"), and the
year a yearless day or month falls in relative to the anchor.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "season", "quarter", "half", "year", "decade"]

# A yearless day after the anchor wins over last year's when it is at most this far ahead.
FUTURE_WINDOW_DAYS = 30


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


def _narrow_month(y: int, mo: int, part: str) -> tuple[date, date]:
    first, last = _month_span(y, mo)
    if part in ("early", "start of", "beginning of"):
        return first, date(y, mo, 10)
    if part in ("mid", "middle of"):
        return date(y, mo, 11), date(y, mo, 20)
    if part in ("late", "end of", "end"):
        return date(y, mo, 21), last
    return first, last


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
