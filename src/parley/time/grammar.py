"""The word tables and regex building blocks of the date grammar (time/expressions.py): month,
weekday and number words, the words around a number that make it a year or a quantity, and the
helpers that read the word before or after a match. Mostly a data table.
"""

from __future__ import annotations

import re

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
