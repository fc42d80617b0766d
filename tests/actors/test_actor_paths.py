"""Actor resolution on hand-written news sentences: each path of `actors.stage`, plus the
end-to-end role at the event's date and the PLOVER actor-side floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import analysed_events as _events

from parley.records import Actor, Article, Document, Page, Paragraph, Parses

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FLOORS = json.loads((Path(__file__).parents[1] / "quality_floors.json").read_text(encoding="utf-8"))


def resolve(text: str) -> list[tuple[str, Actor]]:
    """(head token text, actor) for every resolved phrase of a small page, in page order."""
    from parley.annotate import nlp
    from parley.actors.stage import resolve_document
    from parley.annotate.stage import split_sentences

    paras = (Paragraph(0, len(text)),)
    sents = tuple(split_sentences(text, paras))
    parsed = dict(zip((s.index for s in sents), nlp.full().pipe(s.text for s in sents)))
    doc = Document(page=Page("t", text, "text"), article=Article(None, text, paras, None, None, "test"),
                   sentences=sents, parses=Parses(parsed))
    _, per = resolve_document(doc)
    return [(parsed[i][t].text, a) for i in sorted(per) for t, a in sorted(per[i].items())]


def find(actors: list[tuple[str, Actor]], text: str) -> Actor:
    hits = [a for _, a in actors if a.text == text]
    assert hits, f"{text!r} not resolved; got {[a.text for _, a in actors]}"
    return hits[0]


def test_title_surname_honorific_and_variant_spelling() -> None:
    acts = resolve(
        "US Secretary of Defense Lloyd Austin held a video call with Chinese Defense Minister Dong Jun on Tuesday. "
        "Secretary Austin stressed the importance of communication. Mr. Dong Quan said the two militaries "
        "should respect each other. Mr. Dong also raised Taiwan."
    )
    austin = find(acts, "Secretary Austin")
    assert austin.person_id == "lloyd-austin" and austin.country == "USA" and austin.resolution == "surname"
    quan = find(acts, "Mr. Dong Quan")
    assert quan.person_id == "dong-jun" and quan.name == "Dong Jun" and quan.resolution == "variant-spelling"
    dong = find(acts, "Mr. Dong")
    assert dong.person_id == "dong-jun" and dong.country == "CHN"


def test_two_people_sharing_a_surname_stay_apart() -> None:
    acts = resolve(
        "Chinese Premier Li Qiang met the visiting delegation in Beijing on Monday. "
        "Defence Minister Li Shangfu, speaking separately, warned against provocations."
    )
    premier = find(acts, "Chinese Premier Li Qiang")
    minister = find(acts, "Defence Minister Li Shangfu")
    assert premier.person_id == "li-qiang"
    assert minister.person_id == "li-shangfu"
    assert premier.person_id != minister.person_id


def test_unknown_person_gets_country_sector_role_from_the_page() -> None:
    acts = resolve("Ruritanian officials said Chinese Defense Minister Zhao Mingxuan would visit Hanoi next week.")
    zhao = find(acts, "Chinese Defense Minister Zhao Mingxuan")
    assert (zhao.country, zhao.sector, zhao.office, zhao.person_id) == ("CHN", "GOV", "defense_minister", None)
    assert zhao.name == "Zhao Mingxuan" and zhao.role and "Defense Minister" in zhao.role


def test_metonymy_states_speak() -> None:
    acts = resolve("Beijing said on Friday it would retaliate, while the Pentagon announced new patrols.")
    beijing = find(acts, "Beijing")
    assert beijing.country == "CHN" and beijing.resolution == "metonymy:capital"
    pentagon = find(acts, "the Pentagon")
    assert pentagon.country == "USA" and pentagon.resolution == "metonymy:seat"


def test_organisations_and_groups() -> None:
    acts = resolve(
        "NATO and the United Nations condemned the attack. Senior Hungarian and Romanian officials agreed to meet. "
        "In Kenya, police fired tear gas at protesters as rebels attacked a convoy."
    )
    assert find(acts, "NATO").country == "IGO" and find(acts, "NATO").sector == "MIL"
    assert find(acts, "the United Nations").country == "UNO"
    by_country = {a.country for _, a in acts if a.resolution == "coordinated-modifier"}
    assert by_country == {"HUN", "ROU"}
    police = find(acts, "police")
    assert police.sector == "COP" and police.country == "KEN" and police.resolution.startswith("group")
    assert find(acts, "protesters").sector == "CVL"
    assert find(acts, "rebels").sector == "REB"


def test_group_without_any_country_stays_unknown() -> None:
    acts = resolve("Police fired tear gas at protesters in the capital, witnesses said.")
    assert find(acts, "Police").country is None


def test_ethnic_group_is_coded_to_its_host_state() -> None:
    acts = resolve("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday.")
    albanians = find(acts, "three ethnic Albanians")
    assert albanians.country == "SRB" and albanians.resolution == "ethnic-group"


def test_country_adjective_groups() -> None:
    acts = resolve("Palestinian prisoners began a hunger strike as Israeli helicopters circled the camp.")
    assert find(acts, "Palestinian prisoners").country == "PSE"
    assert find(acts, "Israeli helicopters").country == "ISR"


def test_pronoun_only_when_safe() -> None:
    acts = resolve("Japanese Prime Minister Fumio Kishida arrived in Manila on Friday. He met local leaders.")
    he = [a for tok, a in acts if tok == "He"]
    assert he and he[0].person_id == "fumio-kishida" and he[0].resolution == "pronoun"
    # Two people named after the subject: "he" is ambiguous and stays unresolved.
    acts = resolve(
        "Japanese Prime Minister Fumio Kishida arrived in Manila on Friday, where he was met by "
        "Philippine President Ferdinand Marcos Jr. and Foreign Secretary Enrique Manalo. "
        "He said talks would continue."
    )
    assert not [a for tok, a in acts if tok == "He"]


def test_counterpart_is_marked_for_the_time_stage() -> None:
    acts = resolve("Austin met his Chinese counterpart on the sidelines of the forum.")
    cp = [a for _, a in acts if a.resolution == "counterpart"]
    assert cp and cp[0].country == "CHN"


# -- end to end: roles fixed at the event's date by the time stage -------------------------------

def test_counterpart_at_the_event_date_end_to_end() -> None:
    evs = _events(
        "WASHINGTON, April 16, 2024 -- US Secretary of Defense Lloyd Austin held a video call with Chinese "
        "Defense Minister Dong Jun on Tuesday.\n\n"
        "The last time Austin met his Chinese counterpart was in November 2022 in Cambodia."
    )
    names = {(e.date.value[:4] if e.date else None, a.name) for e in evs for a in (e.source, e.target) if a.country == "CHN"}
    assert ("2024", "Dong Jun") in names
    assert ("2022", "Wei Fenghe") in names


def test_person_who_changed_office_end_to_end() -> None:
    # Prabowo was defence minister in 2022 and president from October 2024.
    early = _events("On June 10, 2022, Prabowo Subianto met Australian Defence Minister Richard Marles in Jakarta.")
    late = _events("On June 10, 2025, Prabowo Subianto met Australian Prime Minister Anthony Albanese in Jakarta.")
    early_roles = {a.office for e in early for a in (e.source, e.target) if a.person_id == "prabowo-subianto"}
    late_roles = {a.office for e in late for a in (e.source, e.target) if a.person_id == "prabowo-subianto"}
    assert early_roles == {"defense_minister"}
    assert late_roles and late_roles <= {"head_of_state", "head_of_government"}


# -- PLOVER actor side, independent of the event coder ------------------------------------------

def test_plover_actor_countries_floor() -> None:
    path = SHARED / "eval" / "plover" / "PLOVER_GSR_CAMEO.json"
    if not path.exists():
        pytest.skip("shared PLOVER records not available")
    from parley.cli.actors import plover_actor_report

    rep = plover_actor_report(path)
    assert rep["gold_actors_checked"] > 500
    assert rep["country_agreement"] >= FLOORS["plover_actor_countries"]


# -- historic leaders, armed groups, pair phrases ---------------------------------------------
def by_head(actors: list[tuple[str, Actor]], head: str) -> Actor:
    hits = [a for h, a in actors if h == head]
    assert hits, f"{head!r} not resolved; got {[h for h, _ in actors]}"
    return hits[0]


def test_dateline_end_recognises_wire_datelines_only() -> None:
    from parley.actors.stage import dateline_end

    for text, lead in [("ADDIS ABABA, Ethiopia, May 4 - The African Union said ...", "ADDIS ABABA, Ethiopia, May 4 - "),
                       ("KYIV (Reuters) - Ukraine said ...", "KYIV (Reuters) - "),
                       ("NEW DELHI: India said ...", "NEW DELHI: ")]:
        assert text[: dateline_end(text)] == lead
    for text in ["NATO: allies agreed to ...", "US - China talks resumed.", "The EU - a bloc of 27 - said ..."]:
        assert dateline_end(text) == 0


def test_historic_leaders_and_their_governments() -> None:
    found = resolve("President Reagan welcomed Chancellor Helmut Kohl. Francois Mitterand also spoke.")
    assert by_head(found, "Reagan").country == "USA"
    assert by_head(found, "Kohl").country == "DEU"
    assert by_head(found, "Mitterand").country == "FRA"
    admin = by_head(resolve("The Clinton administration criticised Serbia."), "administration")
    assert admin.country == "USA" and admin.sector == "GOV" and admin.name is None


def test_ambiguous_historic_surname_without_a_date_gives_the_country_only() -> None:
    bush = by_head(resolve("President Bush warned Iraq on Tuesday."), "Bush")
    assert bush.country == "USA" and bush.person_id is None


def test_armed_groups_are_coded_to_their_base_country() -> None:
    found = resolve("Hezbollah fighters and Hamas officials met al-Qaeda envoys.")
    assert by_head(found, "fighters").country == "LBN"
    assert by_head(resolve("Hezbollah said it fired rockets."), "Hezbollah").sector == "REB"
    assert {a.country for _, a in found} >= {"LBN", "PSE", "IMG"}


def test_head_country_wins_over_a_modifier_organisation() -> None:
    assert by_head(resolve("NATO-member Denmark summoned the envoy."), "Denmark").country == "DNK"


def test_the_two_ministers_get_no_guessed_country() -> None:
    found = resolve("During the call, the two ministers condemned North Korea.")
    assert all(a.country != "PRK" for h, a in found if h == "ministers")


# -- general rules for countries of groups, places and misspellings --------------------


def test_misspelt_country_names_resolve_but_names_and_places_do_not() -> None:
    acts = resolve("Ethopia has agreed to reopen its border. Quatar's emir launched a mediation effort on Saturday.")
    assert find(acts, "Ethopia").country == "ETH"
    assert find(acts, "Quatar's emir").country == "QAT"
    # A given name one letter off a country, and a real city one letter off another country
    acts = resolve("Roland Weber, a local farmer, said the harvest was poor. Officials in Granada said the festival would go ahead.")
    assert all(a.country != "POL" for _, a in acts)
    assert all(a.country != "GRD" for _, a in acts)


def test_stateless_people_are_coded_to_their_host_state() -> None:
    acts = resolve("A group of Yoruba leaders said they would back the president's bid for a second term.")
    assert find(acts, "A group of Yoruba leaders").country == "NGA"
    # the host the sentence names wins over the main host
    acts = resolve("The Mozambique government on Thursday accepted demands from Shona rebels to reform the constitution.")
    shona = find(acts, "Shona rebels")
    assert shona.country == "MOZ" and shona.resolution == "ethnic-group:context" and shona.sector == "REB"
    acts = resolve("Sri Lankan troops were accused of holding Tamil civilian refugees as human shields.")
    assert find(acts, "Tamil civilian refugees").country == "LKA"
    # "Karen" as a person's name is not the Karen people
    acts = resolve("Karen said the meeting with the mayor had gone well.")
    assert all(a.country != "MMR" for _, a in acts)


def test_resident_adjective_and_located_people() -> None:
    acts = resolve("Bosnian Serbs demanded a truce before allowing aid convoys through.")
    assert find(acts, "Bosnian Serbs").country == "BIH"
    acts = resolve("The Albanians of southern Serbia are demanding autonomy from Belgrade.")
    assert find(acts, "The Albanians of southern Serbia").country == "SRB"
    # a plain demonym is still the state's people
    acts = resolve("Serbs voted on Sunday in a tense election.")
    assert find(acts, "Serbs").country == "SRB"


def test_faith_words_do_not_block_the_sentence_country() -> None:
    acts = resolve("Egyptian police opened fire to disperse Moslem fundamentalist demonstrators on Monday night.")
    assert find(acts, "Moslem fundamentalist demonstrators").country == "EGY"
    # with two countries in the sentence, no guess
    acts = resolve("Islamic fundamentalists from Sudan and Egypt met in secret.")
    assert find(acts, "Islamic fundamentalists").country is None


def test_groups_located_in_a_place() -> None:
    acts = resolve("Security forces in Guinea have tortured scores of refugees, a rights group said.")
    sf = find(acts, "Security forces")
    assert sf.country == "GIN" and sf.resolution == "group+located-in"
    acts = resolve("A Christian missionary from Calgary was arrested for spying.")
    assert find(acts, "A Christian missionary").country == "CAN"
    # "Tripoli" is the Lebanese port when the sentence speaks of Lebanon, the Libyan capital otherwise
    acts = resolve("Syrian officers ended mediation between rival militias in Tripoli as shells hit the north Lebanese port.")
    assert find(acts, "rival militias").country == "LBN"
    acts = resolve("Rival militias in Tripoli clashed overnight near the airport.")
    assert find(acts, "Rival militias").country == "LBY"
    acts = resolve("Darfur rebels accused the army of bombing villages.")
    assert find(acts, "Darfur rebels").country == "SDN"


def test_attackers_take_the_country_of_the_attack_place() -> None:
    acts = resolve("Gunmen killed two U.S. contractors in Kabul on Tuesday.")
    g = find(acts, "Gunmen")
    assert g.country == "AFG" and g.resolution == "group+context:attack-place"
    # two attack places in two countries: no guess
    acts = resolve("Gunmen attacked U.S. convoys in Kabul and in Baghdad on Tuesday.")
    assert find(acts, "Gunmen").country is None


def test_stance_and_sponsor_words_give_no_membership() -> None:
    acts = resolve("A prominent anti-Syria journalist was killed in eastern Beirut.")
    assert find(acts, "A prominent anti-Syria journalist").country == "LBN"
    acts = resolve("Iranian-backed militias fired rockets at the base.")
    assert find(acts, "Iranian-backed militias").country is None
    acts = resolve("Saudi-led forces bombed the port on Monday.")
    assert find(acts, "Saudi-led forces").country == "SAU"


def test_places_as_participants_but_not_as_settings() -> None:
    acts = resolve("Israeli tanks fired shells at targets in Jericho, witnesses said.")
    j = by_head(acts, "Jericho")
    assert j.country == "PSE" and j.resolution == "place"
    acts = resolve("A minefield explosion near the town of Samarra killed two youths.")
    assert by_head(acts, "Samarra").country == "IRQ"
    # where something happened, attached to the verb, is not an actor
    acts = resolve("Switzerland expelled two Russian diplomats based in Geneva for spying.")
    assert "Geneva" not in [h for h, _ in acts]
    assert find(acts, "two Russian diplomats").country == "RUS"


def test_titled_person_takes_the_sentence_country_or_place() -> None:
    acts = resolve("Judge Alejandro Rivera opened fraud investigations against 28 Chilean government officials.")
    assert find(acts, "Judge Alejandro Rivera").country == "CHL"
    acts = resolve("An attempt to kill the deputy governor of the Tyumen region, Oleg Chemezov, was foiled.")
    assert next(a for _, a in acts if a.name and "Chemezov" in a.name).country == "RUS"
    # a cleric speaking about another country is not of that country
    acts = resolve("Archbishop Desmond Okoye on Sunday called for sanctions against Nigeria.")
    assert find(acts, "Archbishop Desmond Okoye").country is None


def test_coordinated_countries_of_a_non_actor_head() -> None:
    acts = resolve("The Turkish and Greek sides of the island agreed to share information.")
    countries = {a.country for _, a in acts}
    assert {"TUR", "GRC"} <= countries


def test_jewish_settlers_are_israeli() -> None:
    acts = resolve("Jewish settlers in the West Bank city of Hebron set fire to a shop overnight.")
    assert find(acts, "Jewish settlers").country == "ISR"
    acts = resolve("Palestinian settlers returned to the village.")
    assert find(acts, "Palestinian settlers").country == "PSE"


def test_phrase_text_never_swallows_the_clause() -> None:
    acts = resolve("Thousands of students protested in Dhaka on Monday.")
    t = by_head(acts, "Thousands")
    assert t.text == "Thousands of students" and t.country == "BGD" and t.resolution != "metonymy:capital"
    # parentheses that belong to the phrase stay in it
    acts = resolve("The rebel Revolutionary United Front (RUF) announced it would hand back weapons.")
    assert by_head(acts, "Front").text == "The rebel Revolutionary United Front (RUF)"


def test_people_from_a_national_group_and_title_words() -> None:
    acts = resolve("Doctors from two American aid groups arrived at the camp on Friday.")
    assert find(acts, "Doctors").country == "USA"
    # "Federal" is part of the title, not an unknown name that blocks the sentence's country
    acts = resolve("The Federal Minister allowed the rally after talks with Pakistani police.")
    assert find(acts, "The Federal Minister").country == "PAK"
    # an unknown proper name still blocks the guess (it may name a body we do not know)
    acts = resolve("The Zorvan Minister met Pakistani police on Friday.")
    assert find(acts, "The Zorvan Minister").country is None


def test_ner_person_label_on_a_country_is_ignored() -> None:
    acts = resolve("Soldiers in Mali attacked a village near the border with Niger.")
    niger = by_head(acts, "Niger")
    assert niger.country == "NER" and niger.person_id is None and niger.resolution == "country-term"


def test_organisation_split_by_the_parser_keeps_its_country() -> None:
    acts = resolve("The rebel Kurdistan Workers' Party issued a declaration demanding information on its leader.")
    w = by_head(acts, "Workers")
    assert w.country == "TUR" and w.resolution == "organisation" and w.sector == "REB"
    # a word inside no known organisation gets nothing from this rule
    acts = resolve("The Zorvan Workers' Party issued a declaration on Monday.")
    assert all(a.country is None for h, a in acts if h == "Workers")


def test_a_state_noun_whose_sentence_names_only_its_counterpart_is_the_passages_state() -> None:
    """"The junta told Danish special forces to leave": the sentence's one state is named in the
    object of the junta's own act, so it is the counterpart; the junta is the state the passage
    is about. With no state before it, and for a state named in a reported clause ("said Kenya
    would ..."), the sentence's one state is still the reading."""
    acts = resolve("Mali's military rulers ended the defence pact on Monday. The junta told Danish special forces to leave.")
    junta = find(acts, "The junta")
    assert junta.country == "MLI" and junta.resolution == "group+context:passage"
    assert find(acts, "Danish special forces").country == "DNK"
    acts = resolve("Sudan protested on Sunday. The ministry summoned the Egyptian ambassador over the triangle.")
    assert find(acts, "The ministry").country == "SDN"
    # with nothing before it the sentence's own state is still the only guess
    acts = resolve("The junta told Danish special forces to leave.")
    assert find(acts, "The junta").country == "DNK"
    # a state named in a reported clause is no counterpart of the speaker
    acts = resolve("Somalia held talks on Monday. The government said Kenya would reopen the border crossing.")
    assert find(acts, "The government").country == "KEN"



def test_private_people_named_again_keep_their_nationality() -> None:
    # "the fishermen" after "15 Honduran fishermen": the nationality they were named with, not the
    # country of the sentence that names them again (rules.named_again)
    acts = resolve("Nicaraguan naval forces detained 15 Honduran fishermen in the gulf last week. "
                   "Managua released the fishermen on Wednesday and returned their boat.")
    assert find(acts, "the fishermen").country == "HND"
    assert find(acts, "the fishermen").resolution == "named-again"


def test_a_noun_never_named_with_a_country_is_not_named_again() -> None:
    # no earlier "Honduran fishermen": the rule has nothing to recall, the sentence decides
    acts = resolve("Managua released the fishermen on Wednesday and returned their boat.")
    assert all(a.resolution != "named-again" for _, a in acts)


def test_an_indefinite_mention_is_not_named_again() -> None:
    # "two fishermen" is a new group, not the one named before
    acts = resolve("Nicaraguan naval forces detained 15 Honduran fishermen last week. "
                   "Managua also detained two fishermen on Sunday.")
    assert all(a.resolution != "named-again" for _, a in acts)
