"""Date-expression grammar (parley.time.expressions): forms, negatives, resolution rules, properties, speed."""

from __future__ import annotations

import time
from datetime import date, timedelta

import dateparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.time.expressions import FUTURE_WINDOW_DAYS, DateMention, find_dates, iso_at_precision

ANCHOR = date(2024, 4, 16)  # a Tuesday


def found(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(m.text, m.iso, m.precision) for m in find_dates(text, anchor)]


def only(text: str, anchor: date | None = ANCHOR) -> DateMention:
    ms = find_dates(text, anchor)
    assert len(ms) == 1, ms
    return ms[0]


# --------------------------------------------------------------------------- positive forms

FORMS = [
    # absolute days
    ("The ministers spoke on April 16, 2024 by video link.", "April 16, 2024", "2024-04-16", "day", "absolute"),
    ("The ministers spoke on 16 April 2024 by video link.", "16 April 2024", "2024-04-16", "day", "absolute"),
    ("The summit opened on Sept. 5, 2023 in Jakarta.", "Sept. 5, 2023", "2023-09-05", "day", "absolute"),
    ("Sat. Jul 20th, 2024", "Sat. Jul 20th, 2024", "2024-07-20", "day", "absolute"),
    ("The accord was signed on the 3rd of March 2021.", "the 3rd of March 2021", "2021-03-03", "day", "absolute"),
    ("Filed 2023-11-02 at the registry.", "2023-11-02", "2023-11-02", "day", "absolute"),
    ("Dated 28/02/2022, the letter warned of sanctions.", "28/02/2022", "2022-02-28", "day", "absolute"),
    # yearless days (anchor 2024-04-16)
    ("On April 16, the Pentagon announced the call.", "April 16", "2024-04-16", "day", "partial"),
    ("Troops withdrew on April 3rd after talks.", "April 3rd", "2024-04-03", "day", "partial"),
    ("The envoy arrived on the 9th of April.", "the 9th of April", "2024-04-09", "day", "partial"),
    ("Protests began on Jan. 5 in the capital.", "Jan. 5", "2024-01-05", "day", "partial"),
    ("The blast on December 20 killed four.", "December 20", "2023-12-20", "day", "partial"),
    ("The vote is scheduled for April 28.", "April 28", "2024-04-28", "day", "partial"),
    ("Talks resumed Tuesday, April 9, in Geneva.", "Tuesday, April 9", "2024-04-09", "day", "partial"),
    # weekdays and deictic days
    ("Officials met on Tuesday to discuss the border.", "Tuesday", "2024-04-16", "day", "relative"),
    ("Ministers met on Friday in Brussels.", "Friday", "2024-04-12", "day", "relative"),
    ("Tuesday's meeting lasted two hours.", "Tuesday", "2024-04-16", "day", "relative"),
    ("The ceasefire collapsed last Friday.", "last Friday", "2024-04-12", "day", "relative"),
    ("The delegation will return next Monday.", "next Monday", "2024-04-22", "day", "relative"),
    ("Rockets struck the port yesterday.", "yesterday", "2024-04-15", "day", "relative"),
    ("The minister resigned today.", "today", "2024-04-16", "day", "relative"),
    ("The talks will continue tomorrow.", "tomorrow", "2024-04-17", "day", "relative"),
    ("Shelling resumed the next day.", "the next day", "2024-04-17", "day", "relative"),
    ("Police made arrests the following day.", "the following day", "2024-04-17", "day", "relative"),
    ("He had arrived the day before.", "the day before", "2024-04-15", "day", "relative"),
    # weeks, months, years relative to the anchor
    ("Clashes erupted last week near the border.", "last week", "2024-04-08/2024-04-14", "day", "relative"),
    ("Inspectors visit this week.", "this week", "2024-04-15/2024-04-21", "day", "relative"),
    ("Inspectors visit next week.", "next week", "2024-04-22/2024-04-28", "day", "relative"),
    ("The embassy closed last month.", "last month", "2024-03", "month", "relative"),
    ("The embassy reopens next month.", "next month", "2024-05", "month", "relative"),
    ("A delegation visited earlier this month.", "earlier this month", "2024-04", "month", "relative"),
    ("A delegation will visit later this month.", "later this month", "2024-04", "month", "relative"),
    ("Exports fell earlier this year.", "earlier this year", "2024", "year", "relative"),
    ("Elections were held last year.", "last year", "2023", "year", "relative"),
    ("The strike ended last November.", "last November", "2023-11", "month", "relative"),
    ("Strikes hit the capital over the weekend.", "the weekend", "2024-04-13/2024-04-14", "day", "relative"),
    # months
    ("The conference took place in January.", "January", "2024-01", "month", "partial"),
    ("He took office in December 2023.", "December 2023", "2023-12", "month", "absolute"),
    ("December 2023 was the deadliest month.", "December 2023", "2023-12", "month", "absolute"),
    ("Fighting intensified in mid-March.", "mid-March", "2024-03", "month", "partial"),
    ("Aid arrived in May.", "May", "2023-05", "month", "partial"),
    ("The May 2024 elections were postponed.", "May 2024", "2024-05", "month", "absolute"),
    # years and parts of years
    ("The last time they met was in 2022 in Cambodia.", "2022", "2022", "year", "absolute"),
    ("Dialogue has been frozen since 2022.", "2022", "2022", "year", "absolute"),
    ("He spoke at the 2020 Sea Guardians exercise in Karachi.", "2020", "2020", "year", "absolute"),
    ("Russia's 2022 invasion reshaped the alliance.", "2022", "2022", "year", "absolute"),
    ("The visit in mid-2022 angered Beijing.", "mid-2022", "2022", "year", "absolute"),
    ("Talks are expected in early 2023.", "early 2023", "2023", "year", "absolute"),
    ("The deal collapsed in late 2021.", "late 2021", "2021", "year", "absolute"),
    ("Troops will leave by the end of 2023.", "the end of 2023", "2023-12", "month", "absolute"),
    ("Output rose in the first quarter of 2024.", "the first quarter of 2024", "2024-Q1", "quarter", "absolute"),
    ("Output rose in Q1 2024.", "Q1 2024", "2024-Q1", "quarter", "absolute"),
    ("Imports slowed in the second half of 2023.", "the second half of 2023", "2023-H2", "half", "absolute"),
    ("The drought of summer 2022 hit farmers.", "summer 2022", "2022-summer", "season", "absolute"),
    ("The offensive began last summer.", "last summer", "2023-summer", "season", "relative"),
    ("The region was unstable in the 1990s.", "the 1990s", "1990s", "decade", "absolute"),
    ("The treaty dates from the early 1970s.", "the early 1970s", "1970s", "decade", "absolute"),
    # offsets and durations
    ("The base was built two years ago.", "two years ago", "2022", "year", "duration_ago"),
    ("The embassy closed three months ago.", "three months ago", "2024-01", "month", "duration_ago"),
    ("The truce began a week ago.", "a week ago", "2024-04-08/2024-04-14", "day", "duration_ago"),
    ("Four days later, the army withdrew.", "Four days later", "2024-04-20", "day", "duration_later"),
    ("Prices doubled over the past two years.", "the past two years", "2022-04-16/2024-04-16", "day", "duration"),
    ("At least 40 died in the last 24 hours.", "the last 24 hours", "2024-04-15/2024-04-16", "day", "duration"),
    # ranges
    ("The summit runs January 8-9 in Davos.", "January 8-9", "2024-01-08/2024-01-09", "day", "range"),
    ("The summit ran 8-9 January in Davos.", "8-9 January", "2024-01-08/2024-01-09", "day", "range"),
    ("Drills ran January 8 to 10.", "January 8 to 10", "2024-01-08/2024-01-10", "day", "range"),
    ("Drills ran between March 3 and March 5.", "between March 3 and March 5", "2024-03-03/2024-03-05", "day", "range"),
    ("He served from 2020 to 2022.", "from 2020 to 2022", "2020", "year", "range"),
    ("Exports grew between 2015 and 2019.", "between 2015 and 2019", "2015", "year", "range"),
    ("The talks ran March 30 to April 2, 2023.", "March 30 to April 2, 2023", "2023-03-30/2023-04-02", "day", "range"),
]


@pytest.mark.parametrize(("sentence", "span", "iso", "precision", "kind"), FORMS)
def test_forms(sentence: str, span: str, iso: str, precision: str, kind: str) -> None:
    m = only(sentence)
    assert (m.text, m.iso, m.precision, m.kind) == (span, iso, precision, kind)
    assert sentence[m.start:m.end] == span
    assert m.relative == (kind != "absolute" and span not in _EXPLICIT_RANGES)


_EXPLICIT_RANGES = {"from 2020 to 2022", "between 2015 and 2019", "March 30 to April 2, 2023"}


def test_seed_like_paragraph_dates_each_event_to_its_own_time() -> None:
    text = ("Mr. Dong, who took office in December 2023, spoke at the opening of the 2020 Sea Guardians "
            "exercise in Karachi in January 2020. The visit to Taiwan in mid-2022 froze dialogue, which "
            "resumed in 2023 after a summit in November 2023. Delegates attended the 17th round of talks in "
            "January and a maritime meeting earlier this month.")
    assert [(t, iso) for t, iso, _ in found(text)] == [
        ("December 2023", "2023-12"), ("2020", "2020"), ("January 2020", "2020-01"), ("mid-2022", "2022"),
        ("2023", "2023"), ("November 2023", "2023-11"), ("January", "2024-01"), ("earlier this month", "2024-04"),
    ]


# --------------------------------------------------------------------------- negatives

NOT_DATES = [
    "Chinese Defense Minister Dong Jun said the talks were frank.",
    "Sun Jun, a spokesman, declined to comment.",
    "Theresa May said the vote would go ahead.",
    "Officials may meet again, the ministry said.",
    "Protesters march on the capital every week.",
    "The former president hosted guests at Mar-a-Lago.",
    "In Mar-a-Lago the guests waited.",
    "Some 2022 people signed the petition.",
    "The fund paid out $2,022 per family.",
    "The council adopted Resolution 2022 unanimously.",
    "The claim appears on page 2022 of the report.",
    "They attended the 17th conference on maritime safety.",
    "More than 2022 soldiers were deployed.",
    "The April Ryan interview aired late.",
    "August Wilson wrote the play.",
    "Crowds gathered for Good Friday prayers.",
    "Voters went to the polls on Super Tuesday.",
    "The Sunday Times reported the leak.",
    "The market opens on Mondays.",
    "He scored 2.2022 on the index.",
    "The 16-year-old was detained.",
    "The meeting ended at 16:30 local time.",
    "He described the spring of discontent.",
    "Analysts recalled the fall of Kabul.",
    "The Arab Spring toppled several governments.",
    "USA Today published the letter.",
    "The ferry carried the 1800 passengers to safety.",
    "The deadline is 1800 GMT on the day of the vote.",
    "Jan Egeland said aid could not get through.",
    "Flight 1549 landed on the river.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, ANCHOR) == []


def test_name_next_to_real_date_is_not_merged() -> None:
    text = "Defense Minister Dong Jun met Austin on April 16 and again in May."
    assert found(text) == [("April 16", "2024-04-16", "day"), ("May", "2023-05", "month")]


def test_may_needs_context_but_lists_carry_it() -> None:
    assert found("Aid was cut in April and May.") == [("April", "2024-04", "month"), ("May", "2023-05", "month")]
    assert found("Elections were held in 2021, 2022 and 2023.") == [
        ("2021", "2021", "year"), ("2022", "2022", "year"), ("2023", "2023", "year")]
    # a name after an unrelated sentence gets no list context
    assert found("He left in April. May said nothing.") == [("April", "2024-04", "month")]


def test_year_with_count_noun_after_strong_preposition_is_still_a_year() -> None:
    assert found("In 2022 people voted in record numbers.") == [("2022", "2022", "year")]
    # ...but a count noun after a date's year makes it a quantity, not the date's year
    assert found("On 12 March, 2023 troops crossed the river.") == [("12 March", "2024-03-12", "day")]


def test_day_before_a_named_event_is_not_anchor_relative() -> None:
    assert found("He arrived the day before the vote.") == []
    assert found("Two days before the vote, polls closed.") == []
    assert found("He had arrived two days before.") == [("two days before", "2024-04-14", "day")]


# --------------------------------------------------------------------------- resolution rules


def test_in_january_is_most_recent_january_on_or_before_anchor_month() -> None:
    assert only("in January", date(2024, 4, 16)).iso == "2024-01"
    assert only("in January", date(2024, 1, 20)).iso == "2024-01"
    assert only("in December", date(2024, 1, 20)).iso == "2023-12"
    assert only("last January", date(2024, 1, 20)).iso == "2023-01"
    assert only("next January", date(2024, 1, 20)).iso == "2025-01"
    assert only("this December", date(2024, 1, 20)).iso == "2024-12"


def test_yearless_day_prefers_past_but_takes_near_future() -> None:
    anchor = date(2024, 4, 16)
    near = anchor + timedelta(days=FUTURE_WINDOW_DAYS)
    far = anchor + timedelta(days=FUTURE_WINDOW_DAYS + 1)
    assert only(f"on {near:%B} {near.day}", anchor).first == near
    assert only(f"on {far:%B} {far.day}", anchor).first == far.replace(year=far.year - 1)
    assert only("on April 16", anchor).first == anchor
    # a weekday given with the date picks the matching year
    assert only("Friday, April 19", date(2024, 12, 1)).first == date(2024, 4, 19)
    assert only("Wednesday, April 19", date(2024, 12, 1)).first == date(2023, 4, 19)


def test_weekday_is_most_recent_on_or_before_anchor() -> None:
    assert only("on Tuesday", ANCHOR).first == ANCHOR  # anchor is a Tuesday
    assert only("on Wednesday", ANCHOR).first == date(2024, 4, 10)
    assert only("last Tuesday", ANCHOR).first == date(2024, 4, 9)
    assert only("next Tuesday", ANCHOR).first == date(2024, 4, 23)
    assert only("this Thursday", ANCHOR).first == date(2024, 4, 18)


def test_seasons() -> None:
    assert only("last summer", date(2024, 7, 10)).iso == "2023-summer"
    assert only("last summer", date(2024, 10, 1)).iso == "2024-summer"
    m = only("the winter of 2022", ANCHOR)
    assert (m.first, m.last) == (date(2022, 12, 1), date(2023, 2, 28))
    assert only("in the spring", ANCHOR).iso == "2024-spring"


def test_parts_of_units() -> None:
    m = only("the end of last year", ANCHOR)
    assert (m.first, m.last, m.precision) == (date(2023, 12, 1), date(2023, 12, 31), "month")
    m = only("late March", ANCHOR)
    assert (m.first, m.last) == (date(2024, 3, 21), date(2024, 3, 31))
    m = only("the mid-1980s", ANCHOR)
    assert (m.first.year, m.last.year, m.precision) == (1984, 1986, "decade")


def test_range_takes_year_from_its_other_end() -> None:
    m = only("from January to March 2023", ANCHOR)
    assert (m.first, m.last, m.relative, m.kind) == (date(2023, 1, 1), date(2023, 3, 31), False, "range")
    m = only("December 28 to January 3, 2024", ANCHOR)
    assert (m.first, m.last) == (date(2023, 12, 28), date(2024, 1, 3))


def test_without_anchor_relative_forms_are_skipped() -> None:
    text = "On April 16, a day after talks in May 2023, officials met on Tuesday; in 2022 they met last week."
    assert [m.text for m in find_dates(text, None)] == ["May 2023", "2022"]
    assert all(not m.relative for m in find_dates(text, None))


def test_iso_at_precision() -> None:
    d = date(2022, 7, 1)
    assert iso_at_precision(d, "day") == "2022-07-01"
    assert iso_at_precision(d, "day", date(2022, 7, 3)) == "2022-07-01/2022-07-03"
    assert iso_at_precision(d, "month") == "2022-07"
    assert iso_at_precision(d, "quarter") == "2022-Q3"
    assert iso_at_precision(d, "half") == "2022-H2"
    assert iso_at_precision(d, "year") == "2022"
    assert iso_at_precision(date(1994, 1, 1), "decade") == "1990s"
    assert iso_at_precision(date(2022, 12, 1), "season") == "2022-winter"
    assert iso_at_precision(date(2023, 1, 1), "season") == "2022-winter"
    assert iso_at_precision(date(2022, 3, 1), "season") == "2022-spring"
    with pytest.raises(ValueError):
        iso_at_precision(d, "fortnight")


def test_datetime_anchor_is_accepted() -> None:
    from datetime import datetime

    assert only("yesterday", datetime(2024, 4, 16, 23, 59)).first == date(2024, 4, 15)


# --------------------------------------------------------------------------- properties

_VOCAB = [
    "in", "on", "since", "the", "of", "last", "next", "this", "early", "mid-", "late", "between", "and",
    "from", "to", "-", ",", ".", "May", "may", "March", "Jun", "Jun.", "Sept.", "December", "Tuesday",
    "Sat.", "Sun", "summer", "fall", "spring", "2022", "1990s", "'90s", "16", "16th", "3", "31", "8-9",
    "Q1", "quarter", "first", "half", "week", "month", "year", "ago", "two", "a", "days", "later",
    "yesterday", "today", "the day before", "weekend", "past", "earlier", "2020-22", "$", "people",
    "Dong", "Theresa", "Mar-a-Lago", "24", "hours", "end", "29", "February", "2024-02-29", "07/20/2024",
]
_date_text = st.lists(st.sampled_from(_VOCAB), max_size=30).map(" ".join)
_anchors = st.one_of(st.none(), st.dates())


def _check_invariants(text: str, anchor: date | None) -> None:
    ms = find_dates(text, anchor)
    prev_end = 0
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.first <= m.last
        assert m.start >= prev_end  # sorted and non-overlapping
        prev_end = m.end
        assert iso_at_precision(m.first, m.precision, m.last)
        if anchor is None:
            assert not m.relative


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), _anchors)
def test_never_raises_on_arbitrary_text(text: str, anchor: date | None) -> None:
    _check_invariants(text, anchor)


@settings(max_examples=400, deadline=None)
@given(_date_text, _anchors)
def test_invariants_on_date_like_text(text: str, anchor: date | None) -> None:
    _check_invariants(text, anchor)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%A, %B %d, %Y"]))
def test_absolute_days_agree_with_dateparser(d: date, fmt: str) -> None:
    text = d.strftime(fmt)
    m = only(f"The accord was signed on {text} in Geneva.", ANCHOR)
    assert m.text == text and m.precision == "day" and not m.relative
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    assert parsed is not None and parsed.date() == m.first == d


# --------------------------------------------------------------------------- speed

_BENCH_SENTENCES = [
    "On April 16, the defense ministers held a video call, the first in nearly 18 months.",
    "The last time they met was in 2022 in Cambodia, officials said on Tuesday.",
    "Dialogue froze after a visit to the island in mid-2022 and resumed earlier this month.",
    "Some 2022 people attended the rally, which police said was peaceful.",
    "Talks are scheduled for January 8-9 and a follow-up meeting next month.",
    "Theresa May said the plan could be revisited, and officials may meet again.",
    "Exports fell in the first quarter of 2024 after rising between 2020 and 2022.",
    "Two years ago, the base was expanded; three days later the navy arrived.",
    "The delegation, led by Dong Jun, left the capital for the coastal city.",
    "The ceasefire that began last November collapsed over the weekend.",
]


def test_speed_report() -> None:
    """~100k words of news-like sentences, as one text and sentence by sentence (how the time stage
    calls it); both must find the same mentions. Run with -s to see the rates."""
    sentences: list[str] = []
    n_words = 0
    while n_words < 100_000:
        s = _BENCH_SENTENCES[len(sentences) % len(_BENCH_SENTENCES)]
        sentences.append(s)
        n_words += len(s.split())
    text = " ".join(sentences)
    t0 = time.perf_counter()
    whole = find_dates(text, ANCHOR)
    t_whole = time.perf_counter() - t0
    t0 = time.perf_counter()
    per_sentence = sum(len(find_dates(s, ANCHOR)) for s in sentences)
    t_sent = time.perf_counter() - t0
    counts = [len(find_dates(s, ANCHOR)) for s in _BENCH_SENTENCES]
    expected = sum(counts[i % len(counts)] for i in range(len(sentences)))
    print(f"\nfind_dates over {n_words} words: whole text {len(whole)} mentions in {t_whole:.2f}s "
          f"({len(whole) / t_whole:,.0f} mentions/s, {n_words / t_whole:,.0f} words/s); per sentence "
          f"{per_sentence} in {t_sent:.2f}s ({per_sentence / t_sent:,.0f} mentions/s, {n_words / t_sent:,.0f} words/s)")
    # Speed is reported (run with -s), never asserted: these machines are noisy.
    assert len(whole) == per_sentence == expected
