"""The date a page's URL carries: /2024/04/16/slug, slug-20240601-id.html, /2016/feb/04/,
slug-21-december-1999, ?date=2010-04-08, a year and month alone (/2024/04/), and an archived
copy's (the page archived, not the capture). Ranked with the page's other cues by `parley.extract.pagedate`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

EARLIEST_YEAR = 1990

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def valid_day(y: int, m: int, d: int) -> date | None:
    """The date, or None when there is no such day or it lies before `EARLIEST_YEAR`."""
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return day if day.year >= EARLIEST_YEAR else None


@dataclass(frozen=True)
class UrlDate:
    day: date | None  # the full date, when the URL has one
    year: int | None
    month: int | None
    text: str  # the part of the URL it was read from


_URL_YMD = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=/|[^\d]|$)")
_URL_YM = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(?!\d)")
# "/2016/feb/04/": year, the month's short name, day.
_URL_Y_MON_D = re.compile(r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\d{1,2})(?=/|$)", re.IGNORECASE)
_URL_Y = re.compile(r"/((?:19|20)\d{2})/(?!\d)")
# A date spelled in the slug: "/press-conference-21-december-1999", "...-december-21-1999-...",
# the month's name in full or in three letters, between hyphens, underscores or slashes.
_MONTH_WORD = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_URL_SLUG_DMY = re.compile(rf"(?<![a-z0-9])(\d{{1,2}})[-_]{_MONTH_WORD}[-_]((?:19|20)\d{{2}})(?![a-z0-9])", re.IGNORECASE)
_URL_SLUG_MDY = re.compile(rf"(?<![a-z0-9]){_MONTH_WORD}[-_](\d{{1,2}})[-_]((?:19|20)\d{{2}})(?![a-z0-9])", re.IGNORECASE)
# A run of digits bounded by URL punctuation: 8 (YYYYMMDD, MMDDYYYY) or 12/14 (with a time).
_URL_DIGITS = re.compile(r"(?<![\d])(\d{8}|\d{12}|\d{14})(?![\d])")


def _compact(run: str) -> date | None:
    """A date in a digit run: YYYYMMDD[hhmm[ss]] or MMDDYYYY[hhmm[ss]]; the time, when there is
    one, must be a time of day, so that an id number is not read as a date."""
    def time_ok(t: str) -> bool:
        if not t:
            return True
        hh, mm, ss = int(t[0:2]), int(t[2:4]), int(t[4:6] or 0)
        return hh < 24 and mm < 60 and ss < 60

    head, tail = run[:8], run[8:]
    if not time_ok(tail):
        return None
    found = []
    if head[:2] in ("19", "20"):
        found.append(valid_day(int(head[:4]), int(head[4:6]), int(head[6:8])))
    if head[4:6] in ("19", "20"):
        month_first = valid_day(int(head[4:8]), int(head[0:2]), int(head[2:4]))
        # DDMMYYYY ("...-ruling-29062017.html") only where a month cannot come first
        found.append(month_first or valid_day(int(head[4:8]), int(head[2:4]), int(head[0:2])))
    days = [d for d in found if d is not None]
    return days[0] if len(days) == 1 else None


# "article.php?id=4471&date=2010-04-08": a date the URL's query names as the page's
_URL_QUERY_DATE = re.compile(r"[?&](?:date|pubdate|published|publish_date|pub_date|d)=((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)", re.I)


# A web archive's copy ("https://web.archive.org/web/19991012040311/http://site/news/1.html"): the
# number is the capture's time, not the page's; the archived page's own URL follows it.
_ARCHIVED = re.compile(r"/web/\d{8,14}[a-z_]*/+(?P<inner>(?:https?:/+)?[\w.-]+\.[a-z]{2,}(?:[/?#].*)?)$", re.IGNORECASE)


def url_date(url: str | None) -> UrlDate | None:
    """The date (or year and month) a URL carries in its path (an archived copy's: that of the
    page archived), or None."""
    if not url:
        return None
    archived = _ARCHIVED.search(url.strip())
    if archived is not None:
        url = archived.group("inner")
        if not re.match(r"[a-z]+:/", url, re.I):
            url = "http://" + url
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I).split("?")[0].split("#")[0]
    m = _URL_YMD.search(path)
    if m:
        day = valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            return UrlDate(day, day.year, day.month, m.group(0))
    m = _URL_Y_MON_D.search(path)
    if m:
        day = valid_day(int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3)))
        if day:
            return UrlDate(day, day.year, day.month, m.group(0))
    m = _URL_SLUG_DMY.search(path)
    if m:
        day = valid_day(int(m.group(3)), MONTHS[m.group(2).lower()[:3]], int(m.group(1)))
        if day:
            return UrlDate(day, day.year, day.month, m.group(0))
    m = _URL_SLUG_MDY.search(path)
    if m:
        day = valid_day(int(m.group(3)), MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
        if day:
            return UrlDate(day, day.year, day.month, m.group(0))
    for m in _URL_DIGITS.finditer(path):
        day = _compact(m.group(1))
        if day:
            return UrlDate(day, day.year, day.month, m.group(1))
    q = _URL_QUERY_DATE.search(url)
    if q:
        day = valid_day(int(q.group(1)), int(q.group(2)), int(q.group(3)))
        if day:
            return UrlDate(day, day.year, day.month, q.group(0)[1:])
    m = _URL_YM.search(path)
    if m and 1 <= int(m.group(2)) <= 12 and int(m.group(1)) >= EARLIEST_YEAR:
        return UrlDate(None, int(m.group(1)), int(m.group(2)), m.group(0))
    m = _URL_Y.search(path)
    if m and int(m.group(1)) >= EARLIEST_YEAR:
        return UrlDate(None, int(m.group(1)), None, m.group(0))
    return None
