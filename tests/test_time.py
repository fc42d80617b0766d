"""time stage: news date vs page date, anchoring, precision, ranges, background events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import hand_built_doc

from parley.time.expressions import DateMention
from parley.pipeline import analyse
from parley.records import Actor, Document, Event, Page
from parley.settings import Settings
from parley.read import files as read_stage
from parley.time import stage as time_stage

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "memory"


def _doc(paragraphs: list[list[str]], published: date | None, source: str | None) -> Document:
    return hand_built_doc(paragraphs, published, source, path="mem.txt", content_hash="0" * 64)


def _event(doc: Document, sentence: int, trigger: str) -> Event:
    s = doc.sentences[sentence]
    pos = s.start + s.text.index(trigger)
    us, cn = Actor("the US", None, "USA", "GOV", None), Actor("China", None, "CHN", "GOV", None)
    return Event("CONSULT", us, cn, sentence, s.text, s.start, s.end, trigger=trigger, trigger_start=pos)


def _parsed(doc: Document, events: tuple[Event, ...]) -> Document:
    from parley.annotate import nlp
    from parley.records import Parses

    parsed = {s.index: sdoc for s, sdoc in zip(doc.sentences, nlp.full().pipe(s.text for s in doc.sentences))}
    return time_stage.replace(doc, parses=Parses(parsed), events=events)


# -- news date ---------------------------------------------------------------------------------

def test_weak_page_date_yields_to_the_lead_event() -> None:
    doc = _doc([["On April 16, the two defense ministers held a video call on security issues."], ["They spoke earlier this month too."]],
               date(2024, 7, 20), "page-date-line")
    news = time_stage.infer_news_date(doc)
    assert news is not None and news.first == date(2024, 4, 16) and news.source == "lead-event"


def test_strong_page_date_is_kept() -> None:
    doc = _doc([["On April 16, the two defense ministers held a video call on security issues."]], date(2024, 7, 20), "html-meta")
    news = time_stage.infer_news_date(doc)
    assert news is not None and news.first == date(2024, 7, 20)


def test_a_day_the_lead_writes_within_the_week_before_a_strong_page_date_is_the_news_date() -> None:
    """"On 12 August" in a report published on 15 August dates the news (manual step 1); an older
    written day stays background beside a trusted page date (session 19's R2: taking it too
    lost dev pages)."""
    doc = _doc([["On 12 August, the agency registered 3,400 new arrivals at the border crossing."]], date(2016, 8, 15), "url")
    news = time_stage.infer_news_date(doc)
    assert news is not None and news.first == date(2016, 8, 12) and news.source == "lead-event"
    doc = _doc([["On 2 August, the agency registered 3,400 new arrivals at the border crossing."]], date(2016, 8, 15), "url")
    news = time_stage.infer_news_date(doc)
    assert news is not None and news.first == date(2016, 8, 15)


def test_byline_is_not_the_lead_and_background_sentences_are_skipped() -> None:
    doc = _doc([["By Jane Doe"], ["The last time the two met was on March 3, 2023 in Jakarta, officials said today."],
                ["Officials met again on Tuesday, June 11 in Manila for a new round of talks."]],
               date(2024, 6, 14), "page-date-line")
    # The lead is the background sentence paragraph: its date is background, so the page date stays.
    news = time_stage.infer_news_date(doc)
    assert news is not None and news.first == date(2024, 6, 14)


def test_without_page_date_a_yearless_lead_date_is_not_guessed() -> None:
    doc = _doc([["On April 16, the two defense ministers held a video call on security issues."]], None, None)
    assert time_stage.infer_news_date(doc) is None
    doc = _doc([["On April 16, 2024, the two defense ministers held a video call on security issues."]], None, None)
    news = time_stage.infer_news_date(doc)
    assert news is not None and news.first == date(2024, 4, 16)


# -- event dates ---------------------------------------------------------------------------------

def test_multi_day_range_keeps_start_and_end() -> None:
    m = DateMention(0, 11, "January 8-9", date(2024, 1, 8), date(2024, 1, 9), "day", True, "range")
    d = time_stage._event_date(m, "sentence")
    assert (d.first, d.last, d.precision, d.value) == (date(2024, 1, 8), date(2024, 1, 9), "day", "2024-01-08/2024-01-09")


def test_duration_and_since_are_coarse_ranges() -> None:
    dur = DateMention(0, 18, "the past two years", date(2022, 4, 16), date(2024, 4, 16), "day", True, "duration")
    d = time_stage._event_date(dur, "sentence")
    assert d.precision == "year" and d.value == "2022/2024"
    since = DateMention(6, 10, "2020", date(2020, 1, 1), date(2020, 12, 31), "year", False, "absolute")
    d = time_stage._event_date(since, "sentence", "talks since ", date(2024, 4, 16))
    assert d.first == date(2020, 1, 1) and d.last == date(2024, 4, 16) and d.value == "2020/2024"


def test_anaphoric_dates_follow_the_day_just_named() -> None:
    doc = _doc([["Officials from both sides met in Hanoi on January 8, 2024 for a first round.", "They met again the next day."]],
               date(2024, 4, 16), "html-meta")
    per = time_stage._sentence_dates(doc, date(2024, 4, 16))
    nxt = per[1][0]
    assert nxt.first == date(2024, 1, 9), "'the next day' is the day after January 8, not after the news date"


def test_an_anaphor_counts_from_a_date_earlier_in_its_own_sentence_and_from_a_year() -> None:
    """"In 2012 ..., and ... the next day": counted from 2012 at year precision, not from the page's
    date; "two years later" after "In 2015" is 2017."""
    doc = _doc([["In 2012 a crowd broke into the Danish embassy in Damascus, and Denmark withdrew its envoy the next day."],
                ["In 2015 the two sides reopened their embassies.", "Two years later they upgraded their ties."]],
               date(2020, 5, 5), "html-meta")
    per = time_stage._sentence_dates(doc, date(2020, 5, 5))
    nxt = next(m for m in per[0] if m.text == "the next day")
    assert (nxt.precision, nxt.first, nxt.last) == ("year", date(2012, 1, 1), date(2012, 12, 31))
    later = per[2][0]
    assert later.precision == "year" and later.first.year == 2017


def test_a_year_that_sets_no_time_and_a_flashback_are_no_reference() -> None:
    """"since 1929" describes, it does not set the narrative's year; "two days earlier" dates the
    shooting, and "the same day" after it is the day of the act the sentence before told."""
    doc = _doc([["The tribunal decided in September 2013 that settlers present since 1931 held no title.",
                 "Ruritania withdrew its envoy two months later."],
                ["Farmers closed the highway on July 30, 2015 over a raid two days earlier.",
                 "The border police filed a complaint the same day."]],
               date(2015, 8, 2), "html-meta")
    per = time_stage._sentence_dates(doc, date(2015, 8, 2))
    assert (per[1][0].precision, per[1][0].first.month, per[1][0].first.year) == ("month", 11, 2013)
    earlier = next(m for m in per[2] if m.text == "two days earlier")
    assert earlier.first == date(2015, 7, 28)
    assert per[3][0].first == date(2015, 7, 30)


def test_run_dates_news_background_and_lead() -> None:
    doc = _doc(
        [["On April 16, the US held talks with China on maritime safety, after dialogue had been frozen for months."],
         ["Previously, the US had held talks with China on several occasions."],
         ["The US also held talks with China in January 2020 in Karachi."]],
        date(2024, 7, 20), "page-date-line",
    )
    doc = time_stage.replace(doc, events=(_event(doc, 0, "held talks"), _event(doc, 1, "held talks"), _event(doc, 2, "held talks")))
    out = time_stage.run(doc)
    lead, background, dated = out.events
    assert out.news_date is not None and out.news_date.first == date(2024, 4, 16)
    assert lead.date is not None and lead.date.value == "2024-04-16" and not lead.historical, "the lead is never background"
    assert background.date is None and background.historical, "an undated background event gets no date, never the page's"
    assert dated.date is not None and dated.date.value == "2020-01" and dated.historical


# -- end to end on a hand-written page ----------------------------------------------------------

@pytest.fixture(scope="module")
def july_page() -> Document:
    pages = list(read_stage.read_inputs([str(EXAMPLES / "april-call-july-page.txt")], Settings()))
    assert isinstance(pages[0], Page)
    return analyse(Document(page=pages[0]))


def test_page_dated_july_dates_the_april_call_april(july_page: Document) -> None:
    art = july_page.article
    assert art is not None and art.published == date(2024, 7, 19)
    assert july_page.news_date is not None and july_page.news_date.value == "2024-04-22"
    call = [e for e in july_page.events if e.type == "CONSULT" and e.mode == "phone"]
    assert call and call[0].date is not None and call[0].date.value == "2024-04-22" and not call[0].historical
    # "earlier this month" is April (the news month), not July; and it is background.
    visit = [e for e in july_page.events if e.type == "CONSULT" and e.mode == "visit"]
    assert visit and visit[0].date is not None and visit[0].date.value == "2024-04" and visit[0].historical
    assert all(e.date is None or e.date.first < date(2024, 7, 1) for e in july_page.events), "nothing takes the July page date"


def test_background_events_land_in_their_own_years(july_page: Document) -> None:
    old = [e for e in july_page.events if "2016" in e.evidence]
    assert old and all(e.date is not None and e.date.value == "2016" and e.historical for e in old)


def test_planned_weekday_moves_forward_but_past_frames_do_not() -> None:
    doc = _doc([["The US will hold talks with China on Saturday, officials said on Friday."],
                ["Officials agreed to hold talks with China in January."]],
               date(2024, 2, 23), "html-meta")
    planned = [time_stage.replace(_event(doc, 0, "hold talks"), modality="planned"),
               time_stage.replace(_event(doc, 1, "hold talks"), modality="planned")]
    out = time_stage.run(time_stage.replace(doc, events=tuple(planned)))
    future, past_frame = out.events
    assert future.date is not None and future.date.value == "2024-02-24" and future.modality == "planned" and not future.historical
    # "agreed ... in January": a plan whose date has passed is reported as done, in its own month.
    assert past_frame.date is not None and past_frame.date.value == "2024-01" and past_frame.modality == "asserted"


def test_wire_dateline_sets_the_news_date() -> None:
    """A weak site date line (July) gives way to the dispatch date in the dateline (June 26), and
    "on Tuesday" is the Tuesday before the dispatch."""
    import parley

    text = (
        "Fri. Jul 5th, 2024\n\nKenyan police land in Port-au-Prince\n\n"
        "NAIROBI, June 26 (Wire) - Kenyan President William Ruto met Haitian officials on Tuesday, his office said.\n"
    )
    doc = parley.analyse_text(text)
    assert doc.news_date is not None and (doc.news_date.value, doc.news_date.source) == ("2024-06-26", "dateline")
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and consult[0].date is not None and consult[0].date.value == "2024-06-25"


def test_a_date_in_another_clause_does_not_date_the_event() -> None:
    """"since last year" belongs to the seeking in the relative clause, not to the agreement."""
    import parley

    text = (
        "Posted 1 June 2024\n\nDefense chiefs meet in Singapore\n\n"
        "SINGAPORE, May 31 - US Secretary of Defense Lloyd Austin met Chinese Defense Minister Dong Jun on Friday.\n\n"
        "The two sides agreed to keep military channels open, including a theater commander call that Washington has sought since last year.\n"
    )
    doc = parley.analyse_text(text)
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert agree, [(e.type, e.evidence) for e in doc.events]
    assert all(e.date is None or e.date.value != "2023" and not e.date.value.startswith("2023/") for e in agree)
    assert not any(e.historical for e in agree)


# -- undated pages, year inference, plans (issue 13) ---------------------------------------------

def _with_hint(doc: Document, year: int | None, source: str | None) -> Document:
    assert doc.article is not None
    return time_stage.replace(doc, article=time_stage.replace(doc.article, year_hint=year, year_hint_source=source))


def test_undated_page_leaves_relative_dates_unresolved() -> None:
    """No page date and no year anywhere: "on Tuesday" and "last month" stay unread, the event
    is stored without a date (never today's, never guessed)."""
    doc = _doc([["The US held talks with China on Tuesday, officials said."], ["The US held talks with China last month as well."]], None, None)
    doc = time_stage.replace(doc, events=(_event(doc, 0, "held talks"), _event(doc, 1, "held talks")))
    out = time_stage.run(doc)
    assert out.news_date is None
    assert [e.date for e in out.events] == [None, None]


def test_year_of_a_yearless_date_from_the_url_or_copyright_when_no_page_date() -> None:
    """"on March 1" takes the URL's (or copyright line's) year and says so; "on Tuesday" still
    needs a day to count from and stays unread."""
    paragraphs = [["The US held talks with China on March 1 in Geneva, officials said."], ["The US held talks with China on Tuesday too."]]
    for source in ("url", "copyright"):
        doc = _with_hint(_doc(paragraphs, None, None), 2022, source)
        doc = time_stage.replace(doc, events=(_event(doc, 0, "held talks"), _event(doc, 1, "held talks")))
        march, tuesday = time_stage.run(doc).events
        assert march.date is not None and (march.date.value, march.date.year_from) == ("2022-03-01", source)
        assert tuesday.date is None


def test_every_event_date_says_where_its_year_came_from() -> None:
    doc = _doc([["The US held talks with China on March 1, 2023 in Geneva."], ["The US held talks with China on Tuesday."],
                ["The US held talks with China in May."]], date(2024, 4, 18), "html-meta")
    doc = time_stage.replace(doc, events=tuple(_event(doc, i, "held talks") for i in range(3)))
    written, weekday, month = time_stage.run(doc).events
    assert written.date is not None and written.date.year_from == "text"
    assert weekday.date is not None and (weekday.date.value, weekday.date.year_from) == ("2024-04-16", "page-date")
    assert month.date is not None and (month.date.value, month.date.year_from) == ("2023-05", "page-date")


def test_a_visit_announced_for_a_coming_day_is_not_the_news_date() -> None:
    """A page with no page date whose lead announces a visit on a coming day: that day is not
    the news date (with no other cue, the news date stays unknown)."""
    doc = _doc([["The US Secretary of State will visit China on April 24, 2024 for talks on trade, the State Department said."]], None, None)
    doc = time_stage.replace(doc, events=(time_stage.replace(_event(doc, 0, "visit"), modality="planned"),))
    assert time_stage.infer_news_date(doc) is None
    doc = _doc([["The US Secretary of State is due to arrive in Beijing on April 24, 2024 for talks on trade."]], None, None)
    doc = time_stage.replace(doc, events=(_event(doc, 0, "arrive"),))
    assert time_stage.infer_news_date(doc) is None
    # A happening in the lead still dates the news.
    doc = _doc([["The US Secretary of State arrived in Beijing on April 24, 2024 for talks on trade."]], None, None)
    doc = time_stage.replace(doc, events=(_event(doc, 0, "arrived"),))
    news = time_stage.infer_news_date(doc)
    assert news is not None and news.first == date(2024, 4, 24)


def test_a_background_date_in_a_side_clause_does_not_date_the_next_act() -> None:
    """A paragraph steps back into history for a side clause and returns to the news: the
    undated act after it takes the news date, not the background year. A background year told
    in a main clause sets the scene for the acts told after it; a recent day named earlier in the
    paragraph carries over too."""
    doc = _doc(
        [["On Tuesday, the US held talks with China in Geneva, officials said."],
         ["The talks, which had been frozen since a row in 2019, resumed.", "The US held talks with China on trade again."],
         ["In 2019, the US held talks with China in Lima.", "The US held talks with China on fisheries too."],
         ["The US held talks with China on Monday in Lima.", "The US held talks with China on tariffs too."]],
        date(2024, 5, 9), "meta",
    )
    doc = _parsed(doc, tuple(_event(doc, k, "held talks") for k in (0, 2, 3, 4, 5, 6)))
    out = time_stage.run(doc)
    lead, after_side_clause, in_2019, after_2019, monday, after_monday = out.events
    assert out.news_date is not None and out.news_date.value == "2024-05-07"
    assert lead.date is not None and lead.date.value == "2024-05-07"
    assert after_side_clause.date is not None and after_side_clause.date.value == "2024-05-07" and not after_side_clause.historical
    assert in_2019.date is not None and in_2019.date.value == "2019" and in_2019.historical
    assert after_2019.date is not None and after_2019.date.value == "2019" and after_2019.historical, "a main clause's year sets the scene"
    assert monday.date is not None and monday.date.value == "2024-05-06"
    assert after_monday.date is not None and after_monday.date.value == "2024-05-06", "a recent day still carries over"


def test_a_wire_datelines_day_yields_to_the_acts_own_day() -> None:
    """"LIMA, Oct 3 - ... on Tuesday": the dateline is the filing day; the act is Tuesday's. A
    sentence dated only by its dateline keeps that day."""
    doc = _doc(
        [["LIMA, Oct 3 - The US held talks with China on Tuesday in Lima, officials said."],
         ["LIMA, Oct 3 - The US held talks with China in Lima, officials said."]],
        date(2013, 10, 3), "meta",
    )
    doc = time_stage.replace(doc, events=(_event(doc, 0, "held talks"), _event(doc, 1, "held talks")))
    tuesday, filed = time_stage.run(doc).events
    assert tuesday.date is not None and tuesday.date.value == "2013-10-01"
    assert filed.date is not None and filed.date.value == "2013-10-03"


def test_a_present_perfect_act_does_not_take_an_earlier_sentences_date() -> None:
    """"The US held talks with China on Monday. China has rejected the plan.": English does not
    put the present perfect with a definite past time, so the undated act is the news's, not
    Monday's. The simple past after it still carries Monday over."""
    doc = _doc(
        [["On Thursday, the US held talks with China in Geneva, officials said."],
         ["The US held talks with China on Monday in Lima.", "The US has held talks with China on tariffs too."],
         ["The US held talks with China on Monday in Quito.", "The US held talks with China on fisheries too."],
         ["The US held talks with China on Monday in Bogota.", "The US holds talks with China on steel too."]],
        date(2024, 5, 9), "meta",
    )
    doc = _parsed(doc, tuple(_event(doc, k, "holds talks" if k == 6 else "held talks") for k in (1, 2, 4, 6)))
    monday, perfect, past, present = time_stage.run(doc).events
    assert present.date is not None and present.date.value == "2024-05-09", "the present simple is the news's"
    assert monday.date is not None and monday.date.value == "2024-05-06"
    assert perfect.date is not None and perfect.date.value == "2024-05-09", "the present perfect is the news's"
    assert past.date is not None and past.date.value == "2024-05-06", "the simple past carries the day over"


def test_a_date_inside_an_infinitive_dates_the_plan_unless_it_is_past_and_the_agreement_names_none() -> None:
    """"agreed to hold talks in June", told in May: June dates the talks (the infinitive), not
    the agreement, which is the news's; "agreed on Monday to hold talks in June" dates the
    agreement by its own clause. "agreed to hold talks in March 2024", told in May: the talks
    were in March, so the agreement was no later; with no date of its own, it takes March (the
    parser hangs the date on the infinitive, English leaves the attachment open). A month whose
    year is not written ("in June") may be the coming one: it never dates the agreement."""
    doc = _doc(
        [["On Thursday, the US held talks with China in Geneva, officials said."],
         ["The US agreed to hold talks with China in June.", "The US agreed on Monday to hold talks with China in June.",
          "The US agreed to hold talks with China in March 2024."]],
        date(2024, 5, 9), "meta",
    )
    doc = _parsed(doc, (_event(doc, 1, "agreed"), _event(doc, 2, "agreed"), _event(doc, 3, "agreed")))
    in_june, monday, in_march = time_stage.run(doc).events
    assert in_june.date is not None and in_june.date.value == "2024-05-09"
    assert monday.date is not None and monday.date.value == "2024-05-06"
    assert in_march.date is not None and in_march.date.value == "2024-03"


def test_a_titled_person_out_of_office_does_not_take_a_background_date() -> None:
    """"In 1948, Costa Rica abolished its army. President Laura Chinchilla accused Nicaragua ...":
    the officeholder file has her president from 2010, so the act is the news's, not 1948's. An
    untitled party in the same place still takes the paragraph's year."""
    import parley

    html = ("<html><head><meta property='article:published_time' content='2010-11-03T10:00:00Z'></head><body><article>"
            "<p>Costa Rica accused Nicaragua on Wednesday of sending troops onto its territory along the San Juan river.</p>"
            "<p>In 1948, Costa Rica abolished its army. President Laura Chinchilla accused Nicaragua of dumping sediment on Costa Rican land."
            " Costa Rica accused Nicaragua of violating the border too.</p></article></body></html>")
    doc = parley.analyse_text(html, html=True)
    accusations = [e for e in doc.events if e.type == "ACCUSE" and e.source.country == "CRI" and e.target.country == "NIC"]
    by_sentence = {e.evidence.split()[0]: e for e in accusations}
    assert by_sentence["President"].date is not None and by_sentence["President"].date.value == "2010-11-03"
    untitled = [e for e in accusations if e.evidence.startswith("Costa Rica accused Nicaragua of violating")]
    assert untitled and untitled[0].date is not None and untitled[0].date.value == "1948"


def test_a_live_blogs_news_date_is_its_page_date() -> None:
    """A live blog's timestamped posts are the page's day's news: the lead's earlier day ("two
    dams burst on Sunday night") dates only its own sentence. The same lead on an ordinary page
    with a weak page date still makes the news date."""
    posts = [["08:10 Rescuers are still searching the town, where two dams burst on Sunday night."],
             ["09:20 Turkey says two ships carrying field hospitals have set sail."],
             ["10:35 The UN has released 10 million dollars from its emergency fund."]]
    blog = _doc(posts, date(2023, 9, 14), "page-date-line")
    news = time_stage.infer_news_date(blog)
    assert news is not None and news.first == date(2023, 9, 14)
    plain = _doc([[p[0][6:]] for p in posts], date(2023, 9, 14), "page-date-line")
    news = time_stage.infer_news_date(plain)
    assert news is not None and news.first == date(2023, 9, 10)


def test_a_recent_day_named_further_back_does_not_date_a_later_act() -> None:
    """A recent day named two sentences back dated an earlier happening; the act reported after it
    is the news's. The sentence just after still takes it, and a background year still carries
    through the paragraph."""
    doc = _doc(
        [["On Thursday, the US held talks with China in Geneva, officials said."],
         ["The US held talks with China on Monday in Lima.", "Officials described the mood as tense.", "The US held talks with China on tariffs too."],
         ["The US held talks with China on Monday in Quito.", "The US held talks with China on steel too."],
         ["In 2019, the US held talks with China in Lima.", "Officials described the mood as tense.", "The US held talks with China on fisheries too."]],
        date(2024, 5, 9), "meta",
    )
    doc = _parsed(doc, tuple(_event(doc, k, "held talks") for k in (3, 5, 8)))
    further_back, adjacent, historical = time_stage.run(doc).events
    assert further_back.date is not None and further_back.date.value == "2024-05-09"
    assert adjacent.date is not None and adjacent.date.value == "2024-05-06"
    assert historical.date is not None and historical.date.value == "2019"


def test_a_new_act_after_a_background_sentence_is_the_news_not_the_background() -> None:
    """"In March, the US suspended ... . NATO said it backed the decision.": an undated act that
    does not continue the background occasion is told as the news (docs/annotation.md section 5,
    step 4). One that continues it ("also", "too", a pronoun subject) keeps the background's date."""
    doc = _doc(
        [["On Thursday, the US held talks with China in Geneva, officials said."],
         ["In 2019, the US held talks with China in Lima.", "The US welcomed China's offer of a trade deal."],
         ["In 2019, the US held talks with China in Quito.", "The US also held talks with China on fisheries."],
         ["In 2019, the US held talks with China in Bogota.", "They held talks with China on steel in the same city."]],
        date(2024, 5, 9), "meta",
    )
    doc = _parsed(doc, tuple(_event(doc, k, trigger) for k, trigger in ((2, "welcomed"), (4, "held talks"), (6, "held talks"))))
    welcomed, also, pronoun = time_stage.run(doc).events
    assert welcomed.date is not None and welcomed.date.value == "2024-05-09" and not welcomed.historical
    assert also.date is not None and also.date.value == "2019" and also.historical
    assert pronoun.date is not None and pronoun.date.value == "2019" and pronoun.historical


def test_a_past_date_in_the_complements_own_clause_dates_the_act_a_describing_clause_does_not() -> None:
    """"declined to hand over the archive when Angola became independent in November 1975": the
    complement's adverbial clause times the refusal; "agreed to study moving a memorial that
    veterans put up near the consulate in 2009": 2009 dates the putting up, not the agreement."""
    doc = _doc([["Portugal returned the colonial archive to Angola on Monday."],
                ["Lisbon declined to hand over the archive when Angola became independent in November 1975."]],
               date(1994, 3, 1), "meta")
    [refused] = time_stage.run(_parsed(doc, (_event(doc, 1, "declined"),))).events
    assert refused.date is not None and refused.date.value == "1975-11"
    doc = _doc([["Chile and Peru settled their quarrel on Monday."],
                ["Lima agreed to study moving a memorial that veterans put up near the Chilean consulate in 2009."]],
               date(2015, 12, 29), "meta")
    [agreed] = time_stage.run(_parsed(doc, (_event(doc, 1, "agreed"),))).events
    assert agreed.date is None or agreed.date.value != "2009"


def test_a_pluperfect_in_reported_speech_is_no_background_cue() -> None:
    """"the navy said none of its ships had been in the strait" shifts the speaker's tense back;
    it does not step the paragraph back in time. A pluperfect the paragraph tells itself still
    does."""
    assert not time_stage.is_background_text("Ankara rejected the charge on Friday, and the navy said none of its ships had been in the strait.")
    assert time_stage.is_background_text("The two ministers had met twice before the war.")
    assert time_stage.is_background_text("Officials said the talks went well. The two sides had been at odds for months.")


def test_the_same_evening_is_the_day_just_named() -> None:
    """"the same evening", "that same night": the reference's day, as "the same day" is."""
    doc = _doc([["On July 14, 1969, the troops of Ruritania crossed the border.", "The same evening its planes bombed the capital's airport.",
                 "That same night the border guards withdrew."]],
               date(1992, 9, 13), "html-meta")
    per = time_stage._sentence_dates(doc, date(1992, 9, 13))
    assert per[1][0].first == date(1969, 7, 14) and per[1][0].precision == "day"
    assert per[2][0].first == date(1969, 7, 14)


def test_a_clause_that_tells_a_dated_nouns_occasion_takes_its_year() -> None:
    """"the 1962 raid, when commandos seized the harbour": the "when" clause is the raid's own
    time; "a 1985 accord that the two envoys signed": signing makes the accord. "the 1990 treaty
    that Lisbon broke": the breaking is not 1990."""
    def dated(sentence: str, trigger: str) -> Event:
        doc = _doc([["The two states quarrelled again on Monday."], [sentence]], date(2011, 6, 6), "meta")
        [e] = time_stage.run(_parsed(doc, (_event(doc, 1, trigger),))).events
        return e

    raid = dated("Islanders still remember the 1962 raid, when commandos seized the harbour.", "seized")
    assert raid.date is not None and raid.date.value == "1962"
    accord = dated("Ruritania based its claim on a 1985 accord that the two envoys signed.", "signed")
    assert accord.date is not None and accord.date.value == "1985"
    broke = dated("Madrid cited the 1990 treaty that Lisbon broke.", "broke")
    assert broke.date is None or broke.date.value != "1990"


def test_a_model_event_told_in_a_trailing_gap_clause_is_counted_back() -> None:
    """The sentence model codes its event at the main clause's verb; where the one word naming
    its type is inside a trailing "three weeks after ..." clause, the gap dates it ("blocked the
    websites on Tuesday, three weeks after a deadly clash": the clash is June, not July 14). A
    rule event keeps its own trigger, and a type the main clause names is not moved."""
    doc = _doc([["Ruritania blocked dozens of websites from Borduria on Tuesday, three weeks after a deadly clash on the border."]],
               date(2020, 7, 15), "html-meta")

    def dated(type_: str, coder: str) -> Event:
        e = replace(_event(doc, 0, "blocked"), type=type_, coder=coder)
        [out] = time_stage.run(_parsed(doc, (e,))).events
        return out

    clash = dated("ASSAULT", "model:test:ASSAULT:in-clause")
    assert clash.date is not None and clash.date.value == "2020-06"
    # the same model event as a rule's event: dated at its own trigger, the Tuesday
    ruled = dated("ASSAULT", "rule:ASSAULT:clash/verb:parse")
    assert ruled.date is not None and ruled.date.value == "2020-07-14"


def test_the_next_year_counts_from_the_year_the_paragraph_set() -> None:
    """T2b (session 31): "In 2014 ... The next year ..." is 2015, not the year after the news;
    "the following month" counts from a month the text named. A new paragraph's "the next year"
    is still the news's next year, not the last paragraph's."""
    doc = _doc([["In 2014 Ruritania passed a law on the border villages.", "The next year Borduria banned imports of its cattle.",
                 "In May 2009 the two capitals exchanged notes.", "The following month the commission met in Tarvo."],
                ["Officials said the talks would resume the next year."]],
               date(2024, 3, 12), "html-meta")
    per = time_stage._sentence_dates(doc, date(2024, 3, 12))
    assert (per[1][0].first.year, per[1][0].precision) == (2015, "year")
    assert (per[3][0].first, per[3][0].precision) == (date(2009, 6, 1), "month")
    assert per[4][0].first.year == 2025


def test_uncounted_offsets_count_from_the_past_time_their_paragraph_told() -> None:
    """T3 (session 31): "within hours" keeps the day (or the coarser time) told before it,
    "within days" its month, "weeks later" the month three weeks on; a new paragraph's "within
    hours" with no time of its own has no date (it is not read against the last paragraph)."""
    doc = _doc([["In August 1999 a quake struck the coast of Ruritania, and Borduria sent search teams within hours.",
                 "Weeks later, when Borduria itself was hit, Ruritanian teams returned the favour."],
                ["Within hours, the council condemned the attack."],
                ["On July 14, 1969, Ruritanian troops crossed the border.", "The regional bloc brokered a ceasefire within days."]],
               date(2020, 5, 8), "html-meta")
    per = time_stage._sentence_dates(doc, date(2020, 5, 8))
    assert [(m.first, m.precision) for m in per[0]] == [(date(1999, 8, 1), "month"), (date(1999, 8, 1), "month")]
    assert [(m.first, m.precision) for m in per[1]] == [(date(1999, 9, 1), "month")]
    assert per[2] == []
    assert [(m.first, m.precision) for m in per[4]] == [(date(1969, 7, 1), "month")]


# -- headlines that restate the body -----------------------------------------------------------

def _headline_page(headline: str) -> Document:
    return _doc([[headline], ["Beijing on Tuesday urged Seoul to halt the deployment of the missile system."],
                 ["Officials in Seoul said the work would go on."]], date(2017, 3, 8), "html-meta")


def _request(doc: Document, sentence: int, trigger: str) -> Event:
    s = doc.sentences[sentence]
    cn, kr = Actor("Beijing", None, "CHN", "GOV", None), Actor("Seoul", None, "KOR", "GOV", None)
    return Event("REQUEST", cn, kr, sentence, s.text, s.start, s.end, trigger=trigger, trigger_start=s.start + s.text.index(trigger))


def test_a_headline_that_restates_a_body_event_is_no_second_event() -> None:
    """The manual: a headline restates the body, and the body is the record. The headline's
    REQUEST (dated by the page) and the body's (dated "on Tuesday") are one event, told once."""
    doc = _headline_page("Beijing demands a halt as the first launchers arrive in Seoul")
    events = [_request(doc, 0, "demands"), _request(doc, 1, "urged")]
    kept = time_stage.drop_restated_headlines(doc, events)
    assert [e.sentence for e in kept] == [1]


def test_a_headline_the_body_does_not_tell_and_a_cut_off_paragraph_stay() -> None:
    doc = _headline_page("Beijing demands a halt as the first launchers arrive in Seoul")
    alone = [_request(doc, 0, "demands")]
    assert time_stage.drop_restated_headlines(doc, alone) == alone  # the body's mention may be missed
    # a long paragraph the scrape cut off mid-sentence is body text, not a headline
    cut = ("After a week of talks in the capital and a call between the two leaders on Friday, Beijing urged Seoul to "
           "halt the deployment of the system, including a proposal to")
    doc = _headline_page(cut)
    events = [_request(doc, 0, "urged"), _request(doc, 1, "urged")]
    assert time_stage.headline_sentences(doc) == set()
    assert time_stage.drop_restated_headlines(doc, events) == events
