"""Round 9 of page-level actors and dates, on hand-written news text: a weekday the parser chains
to a surname, "In May" as a month, states named by a description ("the kingdom", "the Islamic
Republic", "the North"), a capital that only places an event, the news date of a page published
the day after its lead event, anaphoric dates counted from a month, and a year that names a
thing ("the 2000 peace agreement") rather than the time of the clause."""

from __future__ import annotations

from datetime import date

from conftest import find_actor as find
from conftest import hand_built_doc
from conftest import resolve_actors as resolve

from parley.records import Actor, Document, Event
from parley.time import stage as time_stage

# -- names and dates the parser runs together ---------------------------------------------------

def test_a_weekday_chained_to_a_surname_leaves_the_surname_a_person() -> None:
    acts = resolve(
        "Russian Foreign Minister Sergei Lavrov arrived in Minsk late on Monday. "
        "On Wednesday Lavrov spoke by telephone with his Belarusian counterpart, the ministry said."
    )
    lavrov = find(acts, "Lavrov")
    assert lavrov.country == "RUS" and lavrov.name is not None and "Lavrov" in lavrov.name
    assert not any("Wednesday" in a.text for a in acts), "the weekday is no part of the actor"


def test_in_may_is_the_month_not_a_person_called_may() -> None:
    acts = resolve("In May, the secretary of state flew to Pyongyang and held talks with officials there.")
    assert not any(a.text == "May" for a in acts), "'In May,' is a date"
    acts = resolve("Since May the two governments have exchanged several letters.")
    assert not any(a.text == "May" for a in acts)
    # the name stays a name where it is an argument with no time preposition before it
    acts = resolve("British Prime Minister Theresa May met German Chancellor Angela Merkel in Berlin.", date(2018, 2, 16))
    may = find(acts, "British Prime Minister Theresa May")
    assert may.country == "GBR" and may.name == "Theresa May"


# -- states named by a description --------------------------------------------------------------

def test_the_kingdom_is_the_monarchy_the_page_named() -> None:
    acts = resolve(
        "Saudi Arabia hosted talks with Yemen's government on Sunday. "
        "Relations soured in 2019, when the kingdom blamed Iran for attacks on its oil facilities."
    )
    kingdom = find(acts, "the kingdom")
    assert kingdom.country == "SAU" and kingdom.resolution == "epithet"


def test_the_kingdom_prefers_a_monarchy_other_than_the_sentences_own_states() -> None:
    acts = resolve(
        "Jordan's foreign minister met his Moroccan counterpart in Amman on Monday. "
        "Morocco has long backed the plan, and the kingdom urged Morocco to help fund it."
    )
    assert find(acts, "the kingdom").country == "JOR"


def test_a_description_with_no_fitting_state_on_the_page_stays_unresolved() -> None:
    acts = resolve("France and Germany held talks in Paris. The kingdom was not represented.")
    assert not any(a.text.lower() == "the kingdom" for a in acts)


def test_single_state_descriptions_and_the_north_of_a_korean_page() -> None:
    acts = resolve("The Islamic Republic denied the charge, and officials said the Jewish state would respond.")
    assert find(acts, "The Islamic Republic").country == "IRN"
    assert find(acts, "the Jewish state").country == "ISR"
    acts = resolve(
        "South Korea and the United States began joint drills on Monday. "
        "The North called the exercises a rehearsal for invasion."
    )
    assert find(acts, "The North").country == "PRK"
    # without a Korean state on the page, "the North" is a direction, not a state
    acts = resolve("Heavy rains hit Italy on Monday. The North was worst affected, officials said.")
    assert not any(a.text == "The North" and a.country == "PRK" for a in acts)
    # "the north of the country" is a region
    acts = resolve("North Korea fired a missile on Monday. Troops moved to the north of the country.")
    assert not any(a.text.startswith("the north") and a.country == "PRK" for a in acts)


# -- capitals that place an event ---------------------------------------------------------------

def test_a_capital_after_in_on_a_verb_is_a_place_but_a_target_capital_stays_a_government() -> None:
    acts = resolve("Ethiopia said it would accept the peace agreement signed in Algiers and the border ruling.")
    algiers = find(acts, "Algiers")
    assert algiers.resolution == "place" and algiers.country == "DZA"
    acts = resolve("The European Union imposed new sanctions on Moscow on Friday.")
    assert find(acts, "Moscow").resolution == "metonymy:capital"
    acts = resolve("Officials accused Beijing of coercion at a briefing.")
    assert find(acts, "Beijing").resolution == "metonymy:capital"


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


def test_a_page_published_the_day_after_its_lead_event_dates_undated_news_by_the_lead() -> None:
    # Published (trusted meta date) Wednesday 2018-06-13; the lead reports Tuesday.
    out = _run(
        [["The Kenyan president met the Somali president in Nairobi on Tuesday, the first such meeting in years."],
         ["After a working lunch, the two leaders held talks on border security."]],
        date(2018, 6, 13), "html-meta", [(0, "met"), (1, "held talks")],
    )
    assert out.news_date is not None and out.news_date.first == date(2018, 6, 12) and out.news_date.source == "lead-event"
    lead, follow = out.events
    assert lead.date is not None and lead.date.value == "2018-06-12"
    assert follow.date is not None and follow.date.value == "2018-06-12", "an undated news sentence takes the lead's day"
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


def test_the_islamic_state_is_no_state_epithet() -> None:
    acts = resolve("Iran's foreign minister said on Monday that the Islamic State had attacked a shrine.")
    assert not any(a.text == "the Islamic State" and a.resolution == "epithet" for a in acts)


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
