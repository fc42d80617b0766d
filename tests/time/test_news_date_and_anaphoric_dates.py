"""The news date and the dates counted from it, on hand-written news text: a page published the
day after its lead event, weekdays counted from the page date, anaphoric dates counted from a
month or a day ("two weeks later", "a day after"), a year that names a thing ("the 2000 peace
agreement") rather than the time of the clause, and a pluperfect that marks background."""

from __future__ import annotations

from datetime import date

from conftest import hand_built_doc

from parley.records import Actor, Document, Event
from parley.time import stage as time_stage

# -- news date and deictic anchor ---------------------------------------------------------------

def _doc(paragraphs: list[list[str]], published: date | None, source: str | None) -> Document:
    return hand_built_doc(paragraphs, published, source, path="r9.txt", content_hash="1" * 64)


def _event(doc: Document, sentence: int, trigger: str) -> Event:
    s = doc.sentences[sentence]
    pos = s.start + s.text.index(trigger)
    a, b = Actor("Kenya", None, "KEN", "GOV", None), Actor("Somalia", None, "SOM", "GOV", None)
    return Event("CONSULT", a, b, sentence, s.text, s.start, s.end, trigger=trigger, trigger_start=pos)


def _run(paragraphs: list[list[str]], published: date, source: str, triggers: list[tuple[int, str]]) -> Document:
    doc = _doc(paragraphs, published, source)
    doc = time_stage.replace(doc, events=tuple(_event(doc, i, t) for i, t in triggers))
    return time_stage.run(doc)


def test_a_page_published_the_day_after_its_lead_event_dates_its_lead_by_the_lead_and_new_acts_by_the_page() -> None:
    # Published (trusted meta date) Wednesday 2018-06-13; the lead reports Tuesday. The news date
    # is the lead's day; an undated new act in another paragraph is the publication day's news
    # (the manual, section 5, steps 1 and 4; session 25's R1: the dev gold dates it so).
    out = _run(
        [["The Kenyan president met the Somali president in Nairobi on Tuesday, the first such meeting in years."],
         ["Ethiopia's foreign ministry welcomed the meeting and offered to host the next round."]],
        date(2018, 6, 13), "html-meta", [(0, "met"), (1, "welcomed")],
    )
    assert out.news_date is not None and out.news_date.first == date(2018, 6, 12) and out.news_date.source == "lead-event"
    lead, follow = out.events
    assert lead.date is not None and lead.date.value == "2018-06-12"
    assert follow.date is not None and follow.date.value == "2018-06-13", "an undated new act takes the publication date"
    assert not follow.historical


def test_an_absolute_lead_date_does_not_override_a_trusted_publication_date() -> None:
    out = _run([["On April 16, the two ministers held talks on security."]], date(2024, 7, 20), "html-meta", [(0, "held talks")])
    assert out.news_date is not None and out.news_date.first == date(2024, 7, 20)


def test_weekdays_count_from_the_page_date_when_the_lead_is_days_earlier() -> None:
    # A Thursday page (weak date line) whose lead reports Tuesday: "on Wednesday" is the day
    # after the lead, not the Wednesday of the week before.
    out = _run(
        [["Kenyan troops met Somali officials near the border on Tuesday, officials said."],
         ["On Wednesday the two foreign ministers held talks by telephone."]],
        date(2015, 11, 26), "page-date-line", [(0, "met"), (1, "held talks")],
    )
    assert out.news_date is not None and out.news_date.first == date(2015, 11, 24)
    call = out.events[1]
    assert call.date is not None and call.date.value == "2015-11-25" and not call.historical


def test_a_lead_far_before_a_weak_page_date_stays_the_anchor() -> None:
    # July page re-reporting an April call: "earlier this month" is April (unchanged behaviour).
    doc = _doc([["On April 16, the two ministers held talks on security."], ["They also held talks earlier this month."]],
               date(2024, 7, 20), "page-date-line")
    news = time_stage.infer_news_date(doc)
    assert time_stage.deictic_anchor(news, date(2024, 7, 20)) == date(2024, 4, 16)


# -- anaphoric dates and modifier years --------------------------------------------------------

def test_weeks_later_after_a_month_keeps_month_precision() -> None:
    out = _run(
        [["The Kenyan president met the Somali president in Nairobi on June 12, 2018."],
         ["In May, the Kenyan foreign minister held talks in Mogadishu."],
         ["Two weeks later Kenya called off the summit, before reversing course."]],
        date(2018, 6, 13), "html-meta", [(0, "met"), (1, "held talks"), (2, "called off")],
    )
    cancel = out.events[2]
    assert cancel.date is not None and cancel.date.value == "2018-05" and cancel.date.precision == "month"
    assert cancel.historical


def test_days_later_after_a_day_still_counts_days() -> None:
    out = _run(
        [["The Kenyan president met the Somali president in Nairobi on June 2, 2018."],
         ["Three days later the two sides held talks again."]],
        date(2018, 6, 13), "html-meta", [(0, "met"), (1, "held talks")],
    )
    assert out.events[1].date is not None and out.events[1].date.value == "2018-06-05"


def test_a_year_naming_a_thing_does_not_date_the_clause() -> None:
    out = _run(
        [["Kenya's president met Somalia's president on Monday in Nairobi for talks on the border."],
         ["The thaw began last month, when Kenya said it would fully accept the 2000 peace agreement signed in Arusha."]],
        date(2018, 7, 10), "html-meta", [(0, "met"), (1, "accept")],
    )
    accept = out.events[1]
    assert accept.date is not None and accept.date.value == "2018-06", "'last month', not the agreement's year"
    # a year modifying the trigger itself dates it
    out = _run(
        [["Kenya's president met Somalia's president on Monday in Nairobi for talks on the border."],
         ["The two leaders last held talks at the 2016 Addis summit, officials said."]],
        date(2018, 7, 10), "html-meta", [(0, "met"), (1, "summit")],
    )
    summit = out.events[1]
    assert summit.date is not None and summit.date.value == "2016"


def test_an_event_inside_a_day_after_clause_is_dated_back_from_the_day_just_named() -> None:
    out = _run(
        [["Kenya and Somalia exchanged fire at the border on Wednesday, officials said."],
         ["The clashes came a day after Kenyan jets bombed a camp inside Somalia."],
         ["Two days after the clashes, Somalia's president held talks with Kenya's foreign minister."]],
        date(2019, 3, 2), "html-meta", [(0, "exchanged fire"), (1, "bombed"), (2, "held talks")],
    )
    fire, bomb, talks = out.events
    assert fire.date is not None and fire.date.value == "2019-02-27"
    assert bomb.date is not None and bomb.date.value == "2019-02-26", "a day before the Wednesday clashes"
    # the fronted phrase counts forward from the day just named (the clashes' Wednesday)
    assert talks.date is not None and talks.date.value == "2019-03-01"


def test_a_pluperfect_in_a_relative_clause_does_not_make_a_paragraph_background() -> None:
    out = _run(
        [["Kenyan troops met Somali officials near the border on Tuesday, officials said."],
         ["The Kenyan foreign minister cancelled a visit to Mogadishu that had been planned long before."],
         ["Relations had been tense for years. The two sides held talks in Nairobi."]],
        date(2015, 11, 26), "page-date-line", [(0, "met"), (1, "cancelled"), (2, "held talks")],
    )
    cancel, talks = out.events[1], out.events[2]
    assert cancel.date is not None and cancel.date.value == "2015-11-24" and not cancel.historical
    # a main-clause pluperfect still marks background: its undated event gets no date
    assert talks.date is None and talks.historical


def test_an_act_in_a_trailing_gap_clause_is_counted_back_from_its_sentences_day() -> None:
    """"Iraq's parliament voted on Sunday ..., two days after a U.S. drone strike killed ...": the
    killing is two days before Sunday; the vote keeps Sunday. A vague gap ("weeks after") keeps
    only the month, "hours after" the day."""
    out = _run(
        [["Kenya's parliament voted on Sunday to expel Somali envoys, two days after a Somali drone strike killed Kenyan soldiers."],
         ["Somalia recalled its envoy on Wednesday, weeks after Kenya agreed to lease a stretch of coast from a breakaway region."]],
        date(2020, 1, 9), "html-meta", [(0, "voted"), (0, "killed"), (1, "recalled"), (1, "agreed")],
    )
    vote, strike, recall, lease = out.events
    assert vote.date is not None and vote.date.value == "2020-01-05"
    assert strike.date is not None and strike.date.value == "2020-01-03", "two days before Sunday"
    assert recall.date is not None and recall.date.value == "2020-01-08"
    assert lease.date is not None and lease.date.value == "2019-12" and lease.date.precision == "month", "weeks: about two, at month precision"
    out = _run(
        [["Kenyan police arrested a Somali diplomat on Wednesday, hours after Somalia closed the border."]],
        date(2020, 1, 9), "html-meta", [(0, "closed")],
    )
    assert out.events[0].date is not None and out.events[0].date.value == "2020-01-08", "hours: the same day"


def test_in_the_days_after_is_no_gap() -> None:
    out = _run(
        [["Kenya closed the border on Sunday.", "Kenyan police arrested Somali traders in the days after the attack."]],
        date(2020, 1, 9), "html-meta", [(0, "closed"), (1, "arrested")],
    )
    arrest = out.events[1]
    assert arrest.date is not None and arrest.date.value == "2020-01-05", "the paragraph's day, not a counted gap"
