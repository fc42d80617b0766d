"""Actors named in ways the parser or a naive reading gets wrong, on hand-written news text: a
weekday the parser chains to a surname, "In May" as a month, states named by a description ("the
kingdom", "the Islamic Republic", "the North"; "the Islamic State" is none), and a capital that
only places an event."""

from __future__ import annotations

from datetime import date

from conftest import find_actor as find
from conftest import resolve_actors as resolve

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


def _two_paragraph_actors(first: str, second: str, published: date) -> list:
    from parley.pipeline import default_stages, run_stages
    from parley.records import Article, Document, Page, Paragraph

    text = f"{first}\n\n{second}\n"
    start = len(first) + 2
    art = Article(None, text, (Paragraph(0, len(first)), Paragraph(start, start + len(second))), published, "html-meta", "test")
    stages = [s for s in default_stages() if s.name in ("annotate", "actors")]
    doc = run_stages(Document(page=Page("t", text, "text"), article=art), stages)
    return [a for sent in doc.actors for a in sent]


def test_a_surname_the_tagger_reads_as_a_common_noun_is_the_person_the_page_named() -> None:
    # a paragraph opening with "Trump" is tagged NOUN with no entity: the page's earlier full
    # name decides who it is
    acts = _two_paragraph_actors(
        "U.S. President Donald Trump spoke on Monday.",
        "Trump met with Kim for the first time at the Singapore summit in June 2018.",
        date(2020, 2, 14),
    )
    later = [a for a in acts if a.text == "Trump"]
    assert later and later[0].country == "USA" and later[0].name == "Donald Trump"


def test_a_capitalised_word_no_one_on_the_page_bears_stays_no_person() -> None:
    acts = _two_paragraph_actors("U.S. President Donald Trump spoke on Monday.", "Talks with Seoul resumed on Tuesday.", date(2018, 3, 1))
    assert not any(a.text.startswith("Talks") for a in acts)


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


def test_the_islamic_state_is_no_state_epithet() -> None:
    acts = resolve("Iran's foreign minister said on Monday that the Islamic State had attacked a shrine.")
    assert not any(a.text == "the Islamic State" and a.resolution == "epithet" for a in acts)


def test_a_countrys_side_is_its_delegation_as_a_party_not_as_a_place() -> None:
    acts = resolve("The Chinese side said it had held frank talks with the Japanese side in Beijing.")
    assert find(acts, "The Chinese side").country == "CHN"
    assert find(acts, "the Japanese side").country == "JPN"
    acts = resolve("Troops massed on the Russian side of the border on Monday.")
    assert not any(a.text == "the Russian side of the border" or a.text == "the Russian side" for a in acts)
