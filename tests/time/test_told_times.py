"""Times a text tells against another time it told (session 21): gaps counted in months and years
("six months after"), "N years ago today", a present participle's date, and "that year", "the
following month" read against the date told before them. Hand-written sentences, hand-placed
triggers; a parse only where the rule reads one."""

from __future__ import annotations

from datetime import date

from conftest import dated_by_time_stage, hand_built_doc

from parley.records import Actor, Document, Event, Parses
from parley.time import stage as time_stage
from parley.time.expressions import find_dates
from parley.time.told import told_unit_anaphora


def _run(paragraphs: list[list[str]], published: date, triggers: list[tuple[int, str]], parse: bool = False) -> Document:
    doc = hand_built_doc(paragraphs, published, "html-meta", path="told.txt", content_hash="2" * 64)
    sides = (Actor("Ukraine", None, "UKR", "GOV", None), Actor("Russia", None, "RUS", "GOV", None))
    return dated_by_time_stage(doc, triggers, sides, "ACCUSE", parse=parse)


def _dates(doc: Document) -> list[tuple[str, str]]:
    return [(e.date.value, e.date.precision) if e.date is not None else ("", "") for e in doc.events]


# -- gaps of months and years (R1, R1b) ------------------------------------------------------------

def test_a_gap_of_months_or_years_after_a_named_day_is_counted_back_at_that_precision() -> None:
    out = _run(
        [["Kyiv left the grain accord on Friday, six months after accusing Moscow of blocking its ports."],
         ["Kyiv expelled the envoy on Friday, two years after Moscow accused Ukraine of sabotage."]],
        date(2019, 8, 3), [(0, "accusing"), (1, "accused")],
    )
    assert _dates(out) == [("2019-02", "month"), ("2017", "year")]
    assert all(e.historical for e in out.events)


def test_a_vague_count_of_months_is_not_counted() -> None:
    out = _run([["Kyiv left the accord on Friday, months after accusing Moscow of blocking its ports."]], date(2019, 8, 3), [(0, "accusing")])
    assert _dates(out) == [("2019-08-02", "day")], "no count: the sentence's own day, as before"


def test_a_gap_counts_from_a_month_or_a_year_no_finer_than_its_date() -> None:
    out = _run(
        [["The two countries restored ties in 2001, a year after Ukraine accused Russia of meddling."],
         ["In March 2014, two months after Ukraine accused Russia of meddling, the talks failed."],
         ["The two countries restored ties in 2001, two months after Ukraine accused Russia of meddling."]],
        date(2019, 8, 3), [(0, "accused"), (1, "accused"), (2, "accused")],
    )
    assert _dates(out) == [("2000", "year"), ("2014-01", "month"), ("2001", "year")], "months are not counted from a year"


# -- "N years ago today" (R3) --------------------------------------------------------------------

def test_years_ago_today_is_one_day() -> None:
    [m] = find_dates("Twenty years ago today, the United States lowered its flag.", date(2019, 12, 31))
    assert (m.text, m.first, m.last, m.precision) == ("Twenty years ago today", date(1999, 12, 31), date(1999, 12, 31), "day")
    [m] = find_dates("The truce was signed 30 years ago this month.", date(2019, 12, 31))
    assert (m.first, m.last, m.precision) == (date(1989, 12, 1), date(1989, 12, 31), "month")
    texts = [m.text for m in find_dates("Ten years ago today's leaders were still students.", date(2019, 12, 31))]
    assert texts == ["Ten years ago", "today"], "a possessive 'today's' is not the anniversary"


# -- a present participle's date (R4) ---------------------------------------------------------------

def test_a_date_under_a_present_participle_dates_the_main_clause() -> None:
    out = _run(
        [["Ukraine and Russia signed a treaty confirming their border along the river in November 1990."],
         ["Ukraine and Russia agreed on Tuesday to revive the accord signed in 2015."]],
        date(2022, 10, 6), [(0, "signed"), (1, "agreed")], parse=True,
    )
    assert _dates(out) == [("1990-11", "month"), ("2022-10-04", "day")], "a past participle's 2015 still dates only the signing"


# -- "that year", "the following month" (R5) ----------------------------------------------------------

def test_that_year_and_the_following_year_count_from_the_date_told_before() -> None:
    out = _run(
        [["The boundary was first drawn in 1859.", "That year Ukraine accused Russia of moving the markers.",
          "The following year Russia accused Ukraine of the same."]],
        date(2019, 5, 8), [(1, "accused"), (2, "accused")],
    )
    assert _dates(out) == [("1859", "year"), ("1860", "year")]


def test_told_units_need_a_date_at_least_as_fine_and_are_not_verbs() -> None:
    anchor = date(2019, 5, 8)
    told = find_dates("in 1990", anchor)[0]
    text = "That month the talks failed, and cases that fall under the treaty were dropped."
    assert told_unit_anaphora(text, find_dates(text, anchor), told, anchor) == [], "a month is not read from a year; 'that fall' is a verb here"
    text = "That autumn the talks failed."
    [m] = told_unit_anaphora(text, find_dates(text, anchor), told, anchor)
    assert (m.first, m.last, m.precision) == (date(1990, 9, 1), date(1990, 11, 30), "season")
    text = "That year the talks failed."
    assert told_unit_anaphora(text, find_dates(text, anchor), None, anchor) == [], "nothing told before: not a date"


def test_a_count_of_years_later_keeps_year_precision_and_counts_from_the_year_told() -> None:
    out = _run(
        [["In March 1985 Ukraine accused Russia of spying.", "Two years later, Russia accused Ukraine of the same."],
         ["In 1985 the two governments began talks.", "Six years later Ukraine accused Russia of stalling them."]],
        date(2019, 5, 8), [(0, "accused"), (1, "accused"), (3, "accused")],
    )
    assert _dates(out) == [("1985-03", "month"), ("1987", "year"), ("1991", "year")]


def test_an_undated_act_does_not_take_a_since_date_from_the_sentence_before() -> None:
    out = _run(
        [["Russia sent 56 military aircraft into the zone on Monday, the largest incursion on record."],
         ["Nearly 150 Russian aircraft have entered the zone since Friday, when Russia marked a holiday.",
          "Ukraine's premier accused Moscow of bullying the country."]],
        date(2021, 10, 5), [(2, "accused")],
    )
    assert out.news_date is not None and out.news_date.value == "2021-10-04"
    # (the publication date: the page is of Tuesday, its lead of Monday; session 25's R1)
    assert _dates(out) == [("2021-10-05", "day")], "the publication date, not Friday"


def test_this_season_is_the_season_of_the_current_year_passed_or_to_come() -> None:
    def season(text: str, anchor: date) -> tuple[date, date]:
        [m] = find_dates(text, anchor)
        return m.first, m.last

    assert season("Inspectors visited the plants this autumn.", date(2007, 12, 20)) == (date(2007, 9, 1), date(2007, 11, 30))
    assert season("The talks will resume this summer.", date(2007, 1, 10)) == (date(2007, 6, 1), date(2007, 8, 31))
    assert season("Fighting resumed this winter.", date(2007, 1, 10)) == (date(2006, 12, 1), date(2007, 2, 28)), "the winter holding the day"


def test_the_leads_news_day_is_the_one_its_main_clause_tells() -> None:
    """R12: "returned on Monday ..., after Nairobi last Wednesday accepted ...": the news is
    Monday's, though the first coded act (the acceptance) sits nearer last Wednesday."""
    out = _run(
        [["Monitors returned to Ukraine on Monday for the first time in four years, after Kyiv last Wednesday accepted a resolution demanding a ceasefire."],
         ["Moscow's envoy accused Kyiv of stalling the talks."]],
        date(2002, 11, 19), [(0, "accepted"), (1, "accused")], parse=True,
    )
    assert out.news_date is not None and out.news_date.value == "2002-11-18"
    # the undated new act of the next paragraph is the publication day's (session 25's R1)
    assert _dates(out) == [("2002-11-13", "day"), ("2002-11-19", "day")]


def test_a_learned_event_named_by_a_dated_participle_takes_the_participles_date() -> None:
    """R2b: the sentence model's COERCE, coded at the main verb "dropped", is the arrest the
    reduced relative clause tells, dated "last month"; a learned event whose type the main verb
    names keeps the main clause's day."""
    from parley.annotate import nlp

    doc = hand_built_doc([["Prosecutors in Kyiv on Friday dropped all charges against a Russian journalist arrested last month."]],
                         date(2019, 11, 23), "html-meta", path="told.txt", content_hash="3" * 64)
    s = doc.sentences[0]
    a, b = Actor("Ukraine", None, "UKR", "GOV", None), Actor("Russia", None, "RUS", "GOV", None)

    def learned(type_: str) -> Event:
        return Event(type_, a, b, 0, s.text, s.start, s.end, trigger="dropped", trigger_start=s.start + s.text.index("dropped"),
                     coder=f"model:parley-minilm-2.4:{type_}:in-clause")

    doc = time_stage.replace(doc, parses=Parses({0: next(iter(nlp.full().pipe([s.text])))}), events=(learned("COERCE"), learned("RETREAT")))
    out = time_stage.run(doc)
    assert {e.type: (e.date.value if e.date else "") for e in out.events} == {"COERCE": "2019-10", "RETREAT": "2019-11-22"}


def test_a_yearless_month_of_that_year_takes_the_year_told() -> None:
    anchor = date(2020, 5, 8)
    told = find_dates("in 1978", anchor)[0]
    text = "Troops occupied the salient in October of that year."
    [m] = told_unit_anaphora(text, find_dates(text, anchor), told, anchor)
    assert (m.text, m.first, m.last, m.precision) == ("October of that year", date(1978, 10, 1), date(1978, 10, 31), "month")
    text = "On 5 October of the following year they left."
    [m] = told_unit_anaphora(text, find_dates(text, anchor), told, anchor)
    assert (m.first, m.precision) == (date(1979, 10, 5), "day")


def test_a_learned_event_at_a_frame_verb_takes_the_date_of_the_relative_clause_naming_it() -> None:
    """T1b (session 31): the model codes SUPPORT at "dates", a verb that names no act; the one
    verb naming SUPPORT heads a full relative clause with its own year ("a treaty that Borduria
    signed with it in 1907"), which dates it. Where the model's trigger is itself an act word
    ("expelled"), a relative clause tells another act and the main clause's day stands."""
    from parley.annotate import nlp

    doc = hand_built_doc([["Ruritania's claim dates back to a treaty that Borduria signed with it in 1907.",
                           "Borduria expelled a diplomat who had signed a petition in 2015."]],
                         date(2021, 3, 4), "html-meta", path="frame.txt", content_hash="4" * 64)
    a, b = Actor("Ruritania", None, "RUR", "GOV", None), Actor("Borduria", None, "BOR", "GOV", None)

    def learned(k: int, type_: str, trigger: str) -> Event:
        s = doc.sentences[k]
        return Event(type_, a, b, k, s.text, s.start, s.end, trigger=trigger, trigger_start=s.start + s.text.index(trigger),
                     coder=f"model:parley-minilm-2.4:{type_}:in-clause")

    parses = Parses({k: sdoc for k, sdoc in enumerate(nlp.full().pipe([s.text for s in doc.sentences]))})
    doc = time_stage.replace(doc, parses=parses, events=(learned(0, "SUPPORT", "dates"), learned(1, "SUPPORT", "expelled")))
    out = {e.sentence: e for e in time_stage.run(doc).events}
    assert out[0].date is not None and out[0].date.value == "1907"
    assert out[1].date is None or out[1].date.value != "2015"
