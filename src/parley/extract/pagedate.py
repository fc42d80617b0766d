"""The page's own date, from every cue the page gives, ranked by how far each can be trusted.

A news page states its date in many places, and no one of them is always there:

  rank  source            where it is read
  0     page-header       a `PUBLISHED:` / `DATE:` header line of a scraped .txt page
  1     json-ld           JSON-LD `datePublished` / `dateCreated` (HTML)
  1     html-meta         publication meta tags (`article:published_time`, `pubdate`, ...),
                          `itemprop="datePublished"`, `<time pubdate>` (HTML)
  2     published-line    a byline line that says so: "Published: April 16, 2024 10:32",
                          "Posted on Tue 16 Apr 2024 by ...", "First published ...",
                          "Release date: ...", "Issued: ...", "FOR RELEASE: 10/31/91", "Posted
                          by admin on ...", "Date of issue: 20101124", the same labels and month names
                          in a foreign site's chrome ("Publicado el 3 de mayo de 2019",
                          "Geplaatst: 4 december 1997"; `parley.extract.foreign_dates`)
  3     url               the date in the page's URL (`URL:` header or canonical link;
                          `parley.extract.url_dates`): /2024/04/16/slug, slug-20240601-id.html,
                          slug-05312024073900.html, /20230827/slug, slug-29062017.html (day
                          first only where a month cannot be), ?date=2010-04-08; a web archive's
                          copy by the archived page's URL, never the capture time
  4     html-byline       a date line of an HTML page's visible text between its headline and its
                          lead ("March 5, 2014 — Staff Report", "By Ana Ruiz, ..., March 5, 2014"),
                          or a date-classed element of the headline's article
                          (`parley.extract.markup_dates`, where the HTML cues are read)
  5     htmldate          htmldate's reading of the markup (`<time>` elements, other meta) with
                          `original_date=True`, modification tags, asides, captions, comments
                          and cookie notices removed: publication only (consulted only when
                          no meta tag, JSON-LD or URL date is there to beat it; its first date
                          is often the chrome's, a header's render date, an archive's capture)
  6     dateline          a wire dateline opening the lead ("KYIV, April 16 (Reuters) -",
                          "Manila, March 28 -", "Geneva, 10 December 2009 –"): the dispatch
                          date, in the article's own words; its year from the other cues
  7     trafilatura       trafilatura's own metadata date (HTML; its free-text search can take a
                          related story's date; dropped when it is a day the page labels as an
                          update)
  8     byline-date       an unlabelled date line (or "date ..." index line, or "By Jane Doe |
                          April 16, 2024") between the headline and the lead
  9     page-date-line    the same above the headline ("Sat. Jul 20th, 2024"): the site's
                          header, often the day it rendered the page, so the time stage treats
                          it as weak
  10    updated-line      "Updated: ..." / "Last updated ...": the page is at least that old
  11    footer-date-line  a bare date line after the article text (before any comments or
                          related posts)

Numeric dates whose day and month could be swapped ("09/10/2018") are read in the page's own
order: a numeric date elsewhere on it with a part above 12 tells it, else its URL's country
domain (`numeric_order`); with neither they stay unread. A machine-translated date ("17 of
September of 2020 year") reads as written; a heading closed by its date in brackets ("Weekly
Media Briefing (June 08, 2017)") is a date line. A 1 January that a date library gives and the
page never writes (its fill-in for a year alone) is no cue.

The most trusted cue wins (`published_source`); every other one is kept as a loser
(`parley extract --explain` lists them). Impossible dates (30 February, month 13, a
14-digit URL number that is no timestamp) are refused, and so is any date before 1990.

Where dates are never read from: a photo caption, a list of related posts (the lines under a
"Related" / "Read more" heading), the comment section (after "3 Comments", "Leave a Reply")
and a cookie notice. Bare date lines count only before the lead; labelled bylines also after
it (some sites put "Published" under the article) but never past the comments.

When no cue gives a day, the year alone is still worth having: dates written without a year
("on March 1") are completed from it (`year_hint`, from the URL's year or month, else the
page's copyright line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from ..time.expressions import find_dates
from .foreign_dates import english_dates, writes_day_first
from .url_dates import EARLIEST_YEAR, MONTHS as _MONTHS, url_date, valid_day as _valid  # url_date re-exported
from ..records import DateCandidate

RANK = {
    "page-header": 0,
    "json-ld": 1,
    "html-meta": 1,
    "published-line": 2,
    "url": 3,
    "html-byline": 4,
    "htmldate": 5,
    # the lead's own day, above trafilatura's free-text search (which takes any date it meets)
    "dateline": 6,
    "trafilatura": 7,
    "byline-date": 8,
    "page-date-line": 9,
    "updated-line": 10,
    "footer-date-line": 11,
}
# Publication statements the time stage can anchor on; the others may be render dates.
# (A dateline is left to the time stage, which makes the dispatch date the news date itself.)
STRONG_SOURCES = frozenset({"page-header", "json-ld", "html-meta", "published-line", "byline-date", "html-byline", "htmldate", "url", "trafilatura"})
_MONTH_NAME = r"(january|february|march|april|may|june|july|august|september|october|november|december)"


# -- copyright line ---------------------------------------------------------------------------

_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*[-–]\s*)?((?:19|20)\d{2})\b", re.I)


def copyright_year(text: str) -> int | None:
    """The year of the page's copyright line ("© 2024 ...", "Copyright 2010-2024"); the latest
    one when there are several (a footer can quote an old notice)."""
    years = [int(m.group(1)) for m in _COPYRIGHT.finditer(text)]
    return max(years) if years else None


# -- scraped text: bylines, date lines, the lead's dateline ------------------------------------

# The publication labels of Chinese, Japanese and Korean chrome (发布时间, 公開日, 입력, ...).
_CJK_LABELS = (r"\u53d1\u5e03\u65f6\u95f4|\u53d1\u5e03\u65e5\u671f|\u767c\u4f48\u6642\u9593|\u767c\u5e03\u6642\u9593|\u53d1\u8868\u65f6\u95f4|"
               r"\u516c\u958b\u65e5|\u63b2\u8f09\u65e5|\u6295\u7a3f\u65e5|\uc785\ub825")
_LABEL = (
    r"(?P<label>published\s+in\s+print|first\s+published|originally\s+published|published|posted|updated|last\s+updated|"
    r"last\s+modified|modified|release\s+date|date\s+of\s+release|released|issued|date\s+issued|"
    r"for\s+immediate\s+release|for\s+release|date\s+of\s+issue|(?:this\s+(?:article|story)\s+was\s+)?(?:first\s+)?published|story\s+filed|filed|"
    r"(?:live\s+blog\s+)?started|reported|print\s+edition|(?:originally\s+)?printed|print\s+date|(?:judgment\s+)?delivered|"
    r"streamed(?:\s+live)?|(?:first\s+)?aired|(?:first\s+)?broadcast|premiered|publish\s+(?:date|time)|"
    r"publication\s+date|date\s+of\s+publication|date\s+published|"
    # Korean sites' English editions translate 입력 ("entered") as "Input"
    r"input|inputted|"
    # the same labels in a foreign site's chrome around an English article
    r"publicado|publicada|publi\u00e9e?|publie|ver\u00f6ffentlicht|veroeffentlicht|pubblicato|opublikovano|"
    r"diterbitkan|dipublikasikan|gepubliceerd|geplaatst|publicerad|publiceret|publisert|julkaistu|"
    r"yay\u0131nlanma|yayinlanma|publicat|publikov\u00e1no|opublikowano|"
    r"\u043e\u043f\u0443\u0431\u043b\u0438\u043a\u043e\u0432\u0430\u043d\u043e|\u043e\u043f\u0443\u0431\u043b\u0456\u043a\u043e\u0432\u0430\u043d\u043e|\u0436\u0430\u0440\u0438\u044f\u043b\u0430\u043d\u0434\u044b|"  # Russian, Ukrainian, Kazakh
    r"\u092a\u094d\u0930\u0915\u093e\u0936\u093f\u0924|\u0e40\u0e1c\u0e22\u0e41\u0e1e\u0e23\u0e48|"  # Hindi, Thai
    r"\u0646\u064f?\u0634\u0650?\u0631|\u062a\u0627\u0631\u064a\u062e\s+\u0627\u0644\u0646\u0634\u0631|"  # Arabic: nushira, tarikh al-nashr
    + _CJK_LABELS + r"|\ub4f1\ub85d|"  # Chinese, Japanese, Korean
    r"\u66f4\u65b0\u65e5|\u66f4\u65b0\u65f6\u95f4|\uc218\uc815|"  # updated: Japanese, Chinese, Korean
    r"\u0622\u062e\u0631\s+\u062a\u062d\u062f\u064a\u062b(?:\s+\u0644\u0644\u0645\u0648\u0642\u0639)?|"  # updated: Arabic ("of the site")
    r"(?:page\s+)?last\s+reviewed|reviewed|"
    r"actualizado|mis\s+\u00e0\s+jour|aktualisiert|aggiornato|obnovleno|diperbarui|dikemaskini|dikemas\s+kini|g\u00fcncelleme|guncelleme|"
    r"c\u1eadp\s+nh\u1eadt|(?:laatst\s+)?bijgewerkt|atualizad[oa]|zaktualizowano|uppdaterad|opdateret|oppdatert|p\u00e4ivitetty|aktualizov\u00e1no|actualizat|"
    r"\u043e\u0431\u043d\u043e\u0432\u043b\u0435\u043d\u043e|\u043e\u043d\u043e\u0432\u043b\u0435\u043d\u043e|\u0436\u0430\u04a3\u0430\u0440\u0442\u044b\u043b\u0434\u044b|"  # updated: Russian, Ukrainian, Kazakh
    r"\u0e1b\u0e23\u0e31\u0e1a\u0e1b\u0e23\u0e38\u0e07\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14|\u0905\u092a\u0921\u0947\u091f|"  # updated: Thai, Hindi
    r"date|dated)"
)
# Labels that are also a byline's verb ("Reported by Jane Roe | 25/05/2017"): without a date
# right after them, the line is read as a byline.
_BY_VERBS = {"reported", "filed", "story filed", "issued", "released", "reviewed", "printed", "delivered", "broadcast", "aired",
             "premiered", "streamed", "started"}
# Labels that say the page was changed then, not first published.
_UPDATE_LABELS = {"updated", "last updated", "last modified", "modified", "actualizado", "mis \u00e0 jour", "aktualisiert",
                  "aggiornato", "obnovleno", "diperbarui", "dikemaskini", "dikemas kini", "g\u00fcncelleme", "guncelleme",
                  "last reviewed", "page last reviewed", "reviewed",
                  "bijgewerkt", "laatst bijgewerkt", "c\u1eadp nh\u1eadt", "atualizado", "atualizada", "zaktualizowano", "uppdaterad",
                  "opdateret", "oppdatert", "p\u00e4ivitetty", "aktualizov\u00e1no", "actualizat",
                  "\u043e\u0431\u043d\u043e\u0432\u043b\u0435\u043d\u043e", "\u043e\u043d\u043e\u0432\u043b\u0435\u043d\u043e", "\u0436\u0430\u04a3\u0430\u0440\u0442\u044b\u043b\u0434\u044b",
                  "\u0e1b\u0e23\u0e31\u0e1a\u0e1b\u0e23\u0e38\u0e07\u0e25\u0e48\u0e32\u0e2a\u0e38\u0e14", "\u0905\u092a\u0921\u0947\u091f",
                  "\u66f4\u65b0\u65e5", "\u66f4\u65b0\u65f6\u95f4", "\uc218\uc815",
                  "\u0622\u062e\u0631 \u062a\u062d\u062f\u064a\u062b", "\u0622\u062e\u0631 \u062a\u062d\u062f\u064a\u062b \u0644\u0644\u0645\u0648\u0642\u0639"}
# Verbs that label a date only at the line's start or after a separator ("Originally printed: ...",
# "48,551 views · Streamed live on ..."); after a comma they are a sentence's ("Text of the daily
# part, printed 14 February 2005.").
_START_ONLY_LABELS = {"started", "live blog started", "printed", "originally printed", "delivered", "judgment delivered",
                      "streamed", "streamed live", "aired", "first aired", "broadcast", "first broadcast", "premiered"}
# The publication labels of Chinese, Japanese and Korean chrome, which sit among other fields
# set apart by spaces alone ("来源：华夏日报   发布时间：2012-11-16 09:12   责任编辑：刘晓").
_CJK_LABEL = re.compile(rf"(?:{_CJK_LABELS})\s*[:\uff1a]?\s*")
# "Published: ...", "Posted on ...", "By Jane Doe | Published ...", "Jane Doe · Updated ..."
# What may stand between a label and its date: "on", "at" (and their words in foreign chrome), a colon.
# (?!\w), not \b: a Thai label ends in a vowel mark; "Posted by admin on ...": a blog's author may
# come between; "نُشر في" (Arabic: published on)
_AFTER_LABEL = r"(?!\w)\s*(?:by\s+[^|\u2022\u00b7\d:]{2,40}?\s+(?=(?:on|at)\b))?(?:on|at|em|le|am|el|\u0641\u064a)?\s*[:\uff1a|-]?\s*"
_LABELLED = re.compile(rf"^(?:(?:by\s+)?[^|•·]{{1,60}}?\s*[|•·,-]\s*)?{_LABEL}{_AFTER_LABEL}", re.IGNORECASE)
# The same label at the line's very start ("Filed: ... | Updated: ...": the first one).
_LABEL_FIRST = re.compile(rf"^{_LABEL}{_AFTER_LABEL}", re.IGNORECASE)


def _label(m: re.Match[str] | None) -> str | None:
    """The label a pattern above matched, lower case and single-spaced ("Last  Updated" ->
    "last updated"), or None."""
    return " ".join(m.group("label").lower().split()) if m is not None else None


def _labelled_source(label: str) -> str:
    """The source name of a date a label gives: an update, a bare "Date:", else a publication."""
    return "updated-line" if label in _UPDATE_LABELS else "page-date-line" if label in ("date", "dated") else "published-line"


_BY_AUTHOR = re.compile(r"^(?:by\s+)?[^|•·/\d]{2,60}?\s*[|•·/]\s*|^by\s+[^,\d]{2,40},\s*(?:[^,\d]{2,30},\s*)?", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
# What may follow the date on a byline line: a time, a zone, an author, a photo credit.
_MAX_WORDS_AFTER_DATE = 12
_MAX_BARE_LINE_WORDS = 16
_LINK_LIST_HEADING = re.compile(
    r"^(?:related(?:\s+(?:posts?|articles?|stories|news|content|coverage))?|read\s+(?:more|next|also)|also\s+read|see\s+also|"
    r"more\s+(?:from|on)\s+.{1,40}|more\s+(?:stories|news)|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|"
    r"trending(?:\s+now)?|most\s+(?:read|popular|viewed)|popular\s+posts?|latest\s+(?:news|posts?|stories)|"
    r"recent\s+posts?|top\s+stories|editor'?s\s+picks?)\s*:?$",
    re.IGNORECASE,
)
# Where the article ends and readers' comments begin.
_COMMENTS_START = re.compile(
    r"^(?:\d+\s+comments?|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|"
    r"join\s+the\s+(?:conversation|discussion)|show\s+comments|view\s+comments|responses?)\s*:?$",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT = re.compile(r"\b(?:accept|consent|agree|continu\w*|experience|privacy|settings|preferences)\b", re.IGNORECASE)
_CAPTION = re.compile(
    r"^(?:photo|image|picture|file\s+photo|caption|credit|pictured)\s*[:|-]|"
    r"(?:\(|\|\s*)(?:photo|image|file photo|credit)\b[^)]*\)?\s*$|"
    r"\b(?:photo|image|credit)\s*:\s*[A-Z][\w .&/-]{1,60}$|"
    r"\b(?:REUTERS|AFP|AP|EPA|Getty Images|Xinhua|Anadolu)(?:/[\w .-]+)?\s*$",
)
_LEAD_MIN_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")
# A wire dateline: "NAIROBI, June 26 (Reuters) -", "Manila, March 28 -", "TOKYO, Feb. 22:".
# Place names are capitalised (the city in capitals or not); only the month word is read in any case.
_MONTH_WORD = r"(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?"
_DATELINE = re.compile(
    rf"^\s*(?P<city>[A-Z][\w'.\u2019-]+(?:[ -][A-Z][\w'.\u2019-]+){{0,3}}(?:,\s*[A-Z][\w.]+)?),\s+{_MONTH_WORD}\s+(?P<day>\d{{1,2}})\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\)\s*)?(?P<sep>[-\u2013\u2014:/|])"
)
# The same with the day first, as European and UN releases write it ("Geneva, 10 December 2009 –").
_DATELINE_DAY_FIRST = re.compile(
    rf"^\s*(?P<city>[A-Z][\w'.\u2019-]+(?:[ -][A-Z][\w'.\u2019-]+){{0,3}}(?:,\s*[A-Z][\w.]+)?),\s+(?P<day>\d{{1,2}})\s+{_MONTH_WORD}"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\)\s*)?(?P<sep>[-\u2013\u2014:/|])"
)


# "17 of September of 2020 year": a date as machine translation renders "17 сентября 2020 года".
_TRANSLATED = re.compile(rf"^(\d{{1,2}})\s+of\s+{_MONTH_NAME}\s+of\s+((?:19|20)\d{{2}})(?:\s+years?)?", re.IGNORECASE)
# "09:41 GMT, ": a time of day (and zone) before the date it belongs to.
_CLOCK_FIRST = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?,?\s+", re.IGNORECASE)
# "11-Apr-2006": day, month's short name and year joined by hyphens.
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*-((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
# "09/10/2018": day and month that could be either way round, read in the page's order (`numeric_order`).
_NUMERIC = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d{2})(?!\d)")


# "14/03/05", "09-Feb-01": a two-digit year, read only right after a publication label.
_NUMERIC_SHORT_YEAR = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?![\d/.-])")
_NAMED_SHORT_YEAR = re.compile(r"(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(\d{2})(?![\d/.-])", re.IGNORECASE)
# "17 Nov. '05", "Nov. 17, '05": a two-digit year marked by an apostrophe, after a month's name
# (read wherever a date is: the apostrophe makes it a year)
_APOSTROPHE_YEAR = re.compile(
    r"(?:(?P<d1>\d{1,2})\s+(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d2>\d{1,2})),?\s+['\u2019](?P<yy>\d{2})(?!\d)",
    re.IGNORECASE)


def _full_year(yy: int) -> int:
    """A two-digit year: 20YY unless that lies after this year, else 19YY."""
    return 2000 + yy if 2000 + yy <= date.today().year else 1900 + yy


def _short_year_date(text: str, order: str | None) -> tuple[date, int] | None:
    """The day a labelled date with a two-digit year begins `text` with ("14/03/05 17:22 GMT"),
    day and month in the page's `order` unless one of them is above 12; the year the latest of
    19YY and 20YY not after this year."""
    named = _NAMED_SHORT_YEAR.match(text)
    if named:
        day = _valid(_full_year(int(named.group(3))), _MONTHS[named.group(2).lower()], int(named.group(1)))
        return (day, named.end()) if day else None
    m = _NUMERIC_SHORT_YEAR.match(text)
    if m is None:
        return None
    a, b, yy = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if a > 12 >= b:
        order = "dmy"
    elif b > 12 >= a:
        order = "mdy"
    if m.group(2) == "." and order is None:
        order = "dmy"  # dots put the day first (as `_date_at_start` reads them)
    if order is None:
        return None
    year = _full_year(yy)
    day = _valid(year, b, a) if order == "dmy" else _valid(year, a, b)
    return (day, m.end()) if day else None


_COMPACT_DAY = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])")


def _date_or_short(text: str, order: str | None) -> tuple[date, int] | None:
    """After a label: a complete date, one with a two-digit year (`_short_year_date`), or eight
    digits that make a YYYYMMDD ("Date of issue: 20101124")."""
    got = _date_at_start(text, order) or _short_year_date(text, order)
    compact = _COMPACT_DAY.match(text) if got is None else None
    if compact is not None:
        day = _valid(int(compact.group(1)), int(compact.group(2)), int(compact.group(3)))
        got = (day, compact.end()) if day else None
    return got


def _date_at_start(text: str, order: str | None = None) -> tuple[date, int] | None:
    """The complete day a text begins with (a weekday may come first), and where it ends.
    `order` ("dmy" or "mdy") reads a numeric date whose day and month could be swapped."""
    clock = _CLOCK_FIRST.match(text)
    if clock:
        # "09:41 GMT, Monday, 14 June 2004": the time of day, then the date
        got = _date_at_start(text[clock.end():], order)
        return (got[0], clock.end() + got[1]) if got else None
    rest = _WEEKDAY_WORD.sub("", text, count=1)
    offset = len(text) - len(rest)
    marked = _APOSTROPHE_YEAR.match(rest)
    if marked:
        # "18 Nov. '13": the apostrophe makes the two digits a year
        month = _MONTHS[(marked.group("m1") or marked.group("m2")).lower()]
        day = _valid(_full_year(int(marked.group("yy"))), month, int(marked.group("d1") or marked.group("d2")))
        return (day, offset + marked.end()) if day else None
    dashed = _DAY_MON_YEAR.match(rest)
    if dashed:
        day = _valid(int(dashed.group(3)), _MONTHS[dashed.group(2).lower()[:3]], int(dashed.group(1)))
        return (day, offset + dashed.end()) if day else None
    mt = _TRANSLATED.match(rest)
    if mt:
        day = _valid(int(mt.group(3)), _MONTHS[mt.group(2).lower()[:3]], int(mt.group(1)))
        return (day, offset + mt.end()) if day else None
    num = _NUMERIC.match(rest)
    if num and order and int(num.group(1)) <= 12 and int(num.group(2)) <= 12:
        a, b, y = int(num.group(1)), int(num.group(2)), int(num.group(3))
        day = _valid(y, b, a) if order == "dmy" else _valid(y, a, b)
        return (day, offset + num.end()) if day else None
    # "2018-06-11T23:40:00-04:00": the day as written, its time of day and zone with it
    iso = re.match(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?", rest)
    if iso:
        day = _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return (day, offset + iso.end()) if day else None
    # "05.03.2014": dots put the day first wherever they are the separator (German, Russian,
    # Scandinavian, Turkish sites); slashes are left to the parser, "05/03" being a month first in
    # the US
    dotted = re.match(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)", rest)
    if dotted:
        day = _valid(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        return (day, offset + dotted.end()) if day else None
    found = find_dates(rest[:60], None)
    if not found or found[0].start > 1 or found[0].precision != "day" or found[0].first != found[0].last:
        return None
    m = found[0]
    if m.kind != "absolute" or m.first.year < EARLIEST_YEAR:
        return None
    return m.first, offset + m.end


# A place and a comma before the date of a release or a letter ("Lima, 5 March 2014", "NEW YORK,
# 12 June 2019"): the line is only that, so a place name cannot be a sentence's subject here.
_PLACE_FIRST = re.compile(r"^[A-Z][\w'.\u2019-]+(?:[ -][A-Z][\w'.\u2019-]+){0,3},\s+(?=[A-Za-z]*\.?,?\s*\d|\d)")
# "Press briefing by the spokesperson, Wednesday, 5 March 2014": a heading that ends in its day,
# with its weekday: without one, a heading's date is as often the date it remembers ("The accord
# that ended a war, 26 October 1998").
_ENDING_DATE = re.compile(r",\s+(?P<date>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+[^,]{3,25}?(?:,\s+(?:19|20)\d{2})?)\s*$", re.IGNORECASE)


def _date_at_end(line: str) -> tuple[date, str] | None:
    """The complete day (with its year) a short heading or date line ends with, after a comma."""
    if _SENTENCE_END.search(line):
        return None
    m = _ENDING_DATE.search(line)
    if m is None or not re.search(r"(?:19|20)\d{2}\s*$", m.group("date")):
        return None
    got = _date_at_start(m.group("date"))
    if got is None or _words_after(m.group("date")[got[1]:]):
        return None
    return got[0], "page-date-line"


_DATEISH = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?<!\d)(?:19|20)\d{6}(?!\d)")


def _words_after(text: str) -> int:
    return len(re.findall(r"\w+", text))


# Country domains whose sites write the day first (the US writes the month first).
_DAY_FIRST_DOMAINS = frozenset({"uk", "au", "nz", "ie", "in", "za", "pk", "bd", "lk", "ng", "ke", "gh", "ug", "tz", "zw", "sg", "my",
                                "ph", "hk", "fr", "es", "it", "de", "nl", "be", "pt", "br", "ar", "cl", "co", "pe", "mx", "ru", "ua",
                                "pl", "tr", "gr", "il", "eg", "ae", "sa", "qa", "jo", "lb", "id", "vn", "th", "kz", "ge", "am", "az"})


# A date format the page writes out for its reader ("Search by date (DD/MM/YYYY)", a form's
# "mm/dd/yyyy" placeholder, the French "JJ/MM/AAAA"): the order of its numeric dates.
_STATED_ORDER = re.compile(r"(?<![A-Za-z])(?:(?P<dmy>[DdJj]{1,2}[/.-][Mm]{1,2})|(?P<mdy>[Mm]{1,2}[/.-][DdJj]{1,2}))[/.-](?:[Yy]{2}|[Yy]{4}|[Aa]{2}|[Aa]{4})(?![A-Za-z])")


def numeric_order(raw: str, url: str | None = None) -> str | None:
    """The order ("dmy" or "mdy") in which a page writes numeric dates: told by any of its
    numeric dates whose first or second part is above 12 ("13/04/2016" day first; "4/13/2016"
    month first), else by a format the page states ("DD/MM/YYYY"), else by its URL's country
    domain (".co.uk" day first, ".us" month first); None when nothing tells (such a date then
    stays unread)."""
    votes = {"dmy": 0, "mdy": 0}
    for m in _NUMERIC.finditer(raw):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            votes["dmy"] += 1
        elif b > 12 >= a:
            votes["mdy"] += 1
    if votes["dmy"] != votes["mdy"] and min(votes.values()) == 0:
        return "dmy" if votes["dmy"] else "mdy"
    stated = {"dmy" if m.group("dmy") else "mdy" for m in _STATED_ORDER.finditer(raw)}
    if len(stated) == 1:
        return stated.pop()
    host = re.match(r"^[a-z]+://([^/:?#]+)", (url or "").strip(), re.I)
    tld = host.group(1).lower().rsplit(".", 1)[-1] if host else ""
    return "dmy" if tld in _DAY_FIRST_DOMAINS else "mdy" if tld == "us" else None


# "Transcript of Weekly Media Briefing by the Official Spokesperson (June 08, 2017)": a heading
# closed by its day in brackets.
_BRACKETED_DATE = re.compile(r"\((?P<date>[^()]{6,32})\)\s*$")


_TIME_AT_END = re.compile(r"(?:\b[ap]\.\s?m\.|\u0e19\.)\s*$", re.IGNORECASE)
# A line of parts set apart by bars or dots ("ቅዳሜ ጥር 12 ቀን 2010 ዓ.ም | Saturday, 20 January 2018").
_PARTS = re.compile(r"\s+[|\u00b7\u2022]\s+")


def _before_update_part(line: str) -> str:
    """The line up to a later part that an update label opens ("3 March 2022, 14:25 · Updated:
    4 March 2022, 08:00 · Jane Roe" -> "3 March 2022, 14:25"): that part dates a change, and
    its words would pass for a sentence's."""
    parts = _PARTS.split(line)
    if len(parts) < 2 or _label(_LABEL_FIRST.match(parts[0])) in _UPDATE_LABELS:
        return line
    for k in range(1, len(parts)):
        if _label(_LABEL_FIRST.match(parts[k])) in _UPDATE_LABELS:
            return " | ".join(parts[:k])
    return line


# A document or issue named by its number, then its date: a release's or a newsletter's heading.
_NUMBERED_HEADING = re.compile(
    r"^(?:[A-Z][\w'-]*\s+){0,4}?(?:no\.?|n[o\u00b0\u00ba]\.?|number|#)\s*\d[\w/.-]*\s*[,\u2014\u2013|:-]\s*", re.IGNORECASE)


_WIDE_GAP = re.compile(r"\s{3,}")
# A numeric date whose day and month could be swapped ("09/05/2023", "09-05-23")
_AMBIGUOUS_NUMERIC = re.compile(r"(?<!\d)\d{1,2}[/-]\d{1,2}[/-]\d{2,4}(?!\d)")


def read_byline(line: str, order: str | None = None) -> tuple[date, str] | None:
    """A byline or date line's day and its source name ("published-line", "updated-line",
    "page-date-line"), or None when the line is anything else (a sentence, a caption).
    `order`: the page's numeric date order (`numeric_order`). A line of fields set apart by wide
    gaps ("Release No. 20101124-031      Date of issue: 20101124      Source: ...") is read,
    when it is nothing as a whole, for its first field that a label dates."""
    got = _read_line(line, order)
    if got is None and len(fields := _WIDE_GAP.split(line.strip())) >= 2:
        for field in fields:
            labelled = _read_line(field, order)
            if labelled is not None and labelled[1] == "published-line":
                return labelled
    return got


def _read_line(line: str, order: str | None) -> tuple[date, str] | None:
    line = line.strip()
    if not line or len(line) > 200:
        return None
    raw = line
    line = english_dates(line)  # "Geplaatst: 4 december 1997", "प्रकाशित: 22 जनवरी 2020"
    if not _DATEISH.search(line) or _CAPTION.search(line):
        return None  # a day is written with a month's name or as numbers (16/04/2024, 2024-04-16)
    if order is None and _AMBIGUOUS_NUMERIC.search(line) and writes_day_first(raw):
        order = "dmy"  # "Thứ ba, 09/05/2023": a site that writes its weekday in Vietnamese
    line = _before_update_part(line)
    m = _LABELLED.match(line)
    first = _LABEL_FIRST.match(line)
    if (m is not None and first is not None and m.start("label") > 0 and _label(first) not in _UPDATE_LABELS
            and _date_or_short(line[first.end():], order)):
        # the line's own first label, when it dates the line: "Posted by X on 17 Nov. '05 · Filed
        # under REGION"; "Filed: 14.02.2017 | Updated: 15.02.2017" (publication wins over update)
        m = first
    if m and line[: m.start("label")].rstrip().endswith(",") and _label(m) in _START_ONLY_LABELS:
        m = None
    cjk = _CJK_LABEL.search(line) if m is None else None
    if cjk is not None:
        got = _date_at_start(line[cjk.end():], order)
        if got is not None and _words_after(line[cjk.end() + got[1]:]) <= _MAX_WORDS_AFTER_DATE:
            return got[0], "published-line"
    if m:
        label = _label(m)
        got = _date_or_short(line[m.end():], order)
        if got is None and label not in _BY_VERBS:
            return None
        if got is not None:
            day, end = got
            if _words_after(line[m.end() + end:]) > _MAX_WORDS_AFTER_DATE:
                return None
            return day, _labelled_source(label)
        # "Reported by Jane Roe | 25/05/2017": a verb with its author, read as a byline below
    bracketed = _BRACKETED_DATE.search(line)
    if bracketed and len(line.split()) <= 30 and not _SENTENCE_END.search(line[: bracketed.start()]):
        got = _date_at_start(bracketed.group("date").strip(), order)
        if got is not None and not _words_after(bracketed.group("date").strip()[got[1]:]):
            return got[0], "page-date-line"
    numbered = _NUMBERED_HEADING.match(line)
    if numbered:
        # "Statement No. 214/2016, 19 September 2016", "Issue #212 — Wednesday 6 April 2022"
        got = _date_at_start(line[numbered.end():], order)
        if got is not None and _words_after(line[numbered.end() + got[1]:]) <= 3:
            return got[0], "page-date-line"
    words = [w for w in line.split() if re.search(r"\w", w)]  # a separator ("·", "|") is no word
    # "... at 8:15 a.m.": a time's abbreviation is no sentence's end
    if len(words) > _MAX_BARE_LINE_WORDS or (len(words) >= 8 and _SENTENCE_END.search(_TIME_AT_END.sub("", line))):
        return None  # a sentence that happens to open with a date
    by = _BY_AUTHOR.match(line) or _PLACE_FIRST.match(line)
    if by:
        line = line[by.end():]  # "By Jane Doe, Reuters | April 16, 2024 10:32", "Lima, 5 March 2014"
    got = _date_at_start(line, order)
    if got is None:
        for part in _PARTS.split(line)[1:]:
            # a later part that is a complete date alone (another calendar's date came first)
            whole = _date_at_start(part, order)
            if whole is not None and _words_after(part[whole[1]:]) <= 3:
                return whole[0], "page-date-line"
        return _date_at_end(line)
    day, end = got
    if _words_after(line[end:]) > _MAX_WORDS_AFTER_DATE:
        return None
    return day, "page-date-line"


def _is_headline(line: str) -> bool:
    """A headline, not a site menu: menus are runs of capitalised section names set apart by
    bars or wide gaps ("Home | Politics | Sport", "News  Nation  Regions")."""
    words = line.split()
    if not 4 <= len(words) <= 30 or line.rstrip().endswith((".", ":", ";", ",")):
        return False
    if re.search(r"[|•·]|\S {2,}\S|^menu\b", line, re.IGNORECASE):
        return False
    return any(w[:1].islower() or w[:1].isdigit() for w in words) or bool(re.search(r"[:,'\u2019?!]", line))


def _is_body(line: str) -> bool:
    """The first line of running text (the lead): a sentence, not a caption."""
    return len(line.split()) >= 5 and bool(_SENTENCE_END.search(line)) and not _CAPTION.search(line)


def _is_lead(line: str) -> bool:
    return len(line.split()) >= _LEAD_MIN_WORDS and bool(_SENTENCE_END.search(line)) and not _CAPTION.search(line)


@dataclass(frozen=True)
class Dateline:
    month: int
    day: int
    year: int | None
    text: str


def read_dateline(lead: str) -> Dateline | None:
    """The wire dateline a lead opens with ("KYIV, April 16 (Reuters) - ...")."""
    m = _DATELINE.match(lead) or _DATELINE_DAY_FIRST.match(lead)
    if not m:
        return None
    month = _MONTHS[m.group("mon").lower()[:3]]
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    return Dateline(month, day, int(m.group("year")) if m.group("year") else None, m.group(0).strip())


@dataclass(frozen=True)
class TextCues:
    candidates: tuple[DateCandidate, ...]  # in page order
    dateline: Dateline | None
    copyright_year: int | None


def text_cues(raw: str, url: str | None = None) -> TextCues:
    """Date cues of a scraped text page, read line by line (see the module docstring)."""
    found, dateline = line_cues(raw, numeric_order(raw, url))
    return TextCues(found, dateline, copyright_year(raw))


_LABEL_ALONE = re.compile(rf"^{_LABEL}\s*:?$", re.IGNORECASE)


def line_cues(raw: str, order: str | None = None) -> tuple[tuple[DateCandidate, ...], Dateline | None]:
    """The date lines of a text, in page order, and its lead's dateline (`text_cues` without the
    copyright line: the HTML stage reads that from the raw page once). `order`: the page's
    numeric date order (`numeric_order`)."""
    found: list[DateCandidate] = []
    title_seen = lead_seen = False
    title_at = 0  # how many cues were found when the headline was seen
    menu_at: int | None = None  # how many cues were found when a menu bar under the "headline" was met
    second_headline = False  # a headline-shaped line after that menu bar, before the lead
    in_link_list = False
    dateline: Dateline | None = None
    label_alone: str | None = None  # "FOR IMMEDIATE RELEASE" alone on its line: the next line's date takes it
    skipped: list[str] = []  # the lines last skipped as a link list's, in page order
    lines = [ln.strip() for ln in raw.replace("\u00a0", " ").split("\n")]
    for line in lines:
        if not line:
            if in_link_list and not lead_seen:
                in_link_list = False  # a list above the article ends with its block
            skipped = []
            continue
        pending, label_alone = label_alone, None
        if _COMMENTS_START.match(line):
            break  # readers' comments: their "Posted on" dates are not the page's
        if _LINK_LIST_HEADING.match(line):
            in_link_list = True
            continue
        if in_link_list:
            if not _is_lead(line) and len(line.split()) <= 25:
                skipped.append(line)
                continue  # a linked headline or its date
            in_link_list = False
            if not lead_seen:
                # a menu heading ("Top stories") opened the list, and the article's headline and
                # byline were read as its entries: the lines right above the lead are its byline
                for before in skipped[-3:]:
                    got = read_byline(before, order)
                    if got is not None and got[1] == "page-date-line":
                        found.append(DateCandidate("byline-date", got[0], before[:120], RANK["byline-date"]))
            skipped = []
        if _COOKIE.search(line) and ((len(line.split()) <= 60 and not _is_lead(line)) or _CONSENT.search(line)):
            continue  # a cookie notice, however long, is not the lead
        got = read_byline(line, order)
        if pending is not None and got is not None and got[1] == "page-date-line":
            got = (got[0], _labelled_source(pending))
        alone = _LABEL_ALONE.match(line) if got is None else None
        if alone is not None:
            label_alone = _label(alone)
            continue
        if got is not None:
            day, source = got
            if source == "page-date-line" and lead_seen:
                source = "footer-date-line"
            elif source == "page-date-line" and title_seen:
                source = "byline-date"  # under the headline: the article's date, not the site's
            found.append(DateCandidate(source, day, line[:120], RANK[source]))
            if second_headline and source == "byline-date":
                # a menu bar, a second headline and a date under it: the first "headline" was the
                # site's tagline ("NewsRiver - all your news in one stream"), the date under it the
                # site header's (a share bar under the byline, then the lead, is no such sign)
                found[title_at:menu_at] = [DateCandidate("page-date-line", c.value, c.evidence, RANK["page-date-line"])
                                           if c.source == "byline-date" else c for c in found[title_at:menu_at]]
                second_headline = False
            continue
        if not lead_seen and _is_body(line) and (title_seen or _is_lead(line)):
            # (a short line above the headline is a promo or a notice, not the lead)
            lead_seen = True
            dateline = read_dateline(line)
        elif not title_seen and _is_headline(line):
            title_seen, title_at = True, len(found)
        elif title_seen and not lead_seen and menu_at is None and _is_menu_bar(line):
            menu_at = len(found)
        elif menu_at is not None and not second_headline and not lead_seen and _is_headline(line):
            second_headline = True
    return tuple(found), dateline


_BAR = re.compile(r"\s*[|\u2022\u00b7]\s*")


def _is_menu_bar(line: str) -> bool:
    """A site's menu bar: four or more short parts set apart by bars or bullets, no digits
    ("Top Stories | World | Africa | Business | Sign in")."""
    parts = [p for p in _BAR.split(line) if p]
    return len(parts) >= 4 and not re.search(r"\d", line) and all(len(p.split()) <= 3 for p in parts)


# "2024-04-16" inside a meta value, a JSON-LD string or a header line.
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")


def _iso_day(value: str | None) -> date | None:
    m = _ISO_DATE.search(value or "")
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


# -- ranking ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageDate:
    published: date | None
    source: str | None
    candidates: tuple[DateCandidate, ...]  # the winner first, then the losers by rank
    year_hint: int | None  # for dates written without a year
    year_hint_source: str | None  # page-date | url | copyright

    @property
    def losers(self) -> tuple[DateCandidate, ...]:
        return self.candidates[1:] if self.published else self.candidates


def _dateline_day(line: Dateline, near: date | None, year: int | None) -> date | None:
    """The dateline's day: its own year; else the occurrence nearest the page date; else `year`."""
    if line.year:
        return _valid(line.year, line.month, line.day)
    if near is not None:
        days = [d for d in (_valid(near.year + k, line.month, line.day) for k in (-1, 0, 1)) if d]
        return min(days, key=lambda d: abs((d - near).days)) if days else None
    return _valid(year, line.month, line.day) if year else None


def decide(
    cues: Iterable[DateCandidate],
    url: str | None = None,
    dateline: Dateline | None = None,
    copyright: int | None = None,
) -> PageDate:
    """Rank every cue (module docstring) and pick the page date."""
    found = [c for c in cues if c.value.year >= EARLIEST_YEAR]
    # A library's guess that is a day the page labels as an update ("Page last reviewed: ...")
    # is no publication date.
    updated = {c.value for c in found if c.source == "updated-line"}
    found = [c for c in found if not (c.source in ("htmldate", "trafilatura") and c.value in updated)]
    in_url = url_date(url)
    if in_url is not None and in_url.day is not None:
        found.append(DateCandidate("url", in_url.day, in_url.text, RANK["url"]))
    # Stable sort: among equal ranks the cue met first (nearest the headline) wins.
    found.sort(key=lambda c: c.rank)
    best = found[0].value if found else None
    hint, hint_source = (best.year, "page-date") if best else (None, None)
    if hint is None and in_url is not None and in_url.year:
        hint, hint_source = in_url.year, "url"
    if hint is None and copyright:
        hint, hint_source = copyright, "copyright"
    if dateline is not None:
        day = _dateline_day(dateline, best, hint)
        if day is not None:
            via = "its own year" if dateline.year else ("the nearest other cue" if best else f"the {hint_source} year")
            found.append(DateCandidate("dateline", day, f"{dateline.text} (year from {via})", RANK["dateline"]))
            found.sort(key=lambda c: c.rank)
    if not found:
        return PageDate(None, None, (), hint, hint_source)
    winner = found[0]
    return PageDate(winner.value, winner.source, tuple(found), winner.value.year, "page-date")
