"""Actor resolution on hand-written news sentences: organisations named by a generic
head noun with no state in the name (NGO), leaders of a people (elites, not the government),
Muslim groups with no state (ISM), crowds placed by where they are, and the junta."""

from __future__ import annotations

from conftest import find_actor as find
from conftest import resolve_actors as resolve


# -- 1. non-governmental organisations ------------------------------------------------------------
def test_a_named_organisation_with_no_state_is_an_ngo() -> None:
    forum = find(resolve("The Global Clean Air Forum urged rich nations on Tuesday to cut emissions faster."),
                 "The Global Clean Air Forum")
    assert (forum.country, forum.sector) == ("NGO", "SOC")
    cttee = find(resolve("The Truce Monitoring Committee has finished its inquiry into the shelling of the market."),
                 "The Truce Monitoring Committee")
    assert cttee.country == "NGO"


def test_members_of_a_named_association_take_its_code_and_sector_from_the_name() -> None:
    acts = resolve("Members of the Association of Asian Lawyers visited detainees held without trial, they said.")
    assoc = find(acts, "Members of the Association of Asian Lawyers")
    assert (assoc.country, assoc.sector) == ("NGO", "JUD")


def test_a_common_noun_rights_group_is_an_ngo() -> None:
    group = find(resolve("Police are ignoring complaints from farmers, a human rights group said on Friday."),
                 "a human rights group")
    assert group.country == "NGO"
    aid = find(resolve("The camps will run out of water within days, several aid agencies warned on Monday."),
               "several aid agencies")
    assert aid.country == "NGO"


def test_state_bodies_keep_their_country() -> None:
    kacc = find(resolve("The Kenya Anti-Corruption Commission charged two county officials on Monday."),
                "The Kenya Anti-Corruption Commission")
    assert (kacc.country, kacc.sector) == ("KEN", "GOV")
    acts = resolve("The National Security Council met in Nairobi to discuss the border clashes.")
    nsc = find(acts, "The National Security Council")
    assert nsc.country != "NGO" and nsc.sector == "GOV"
    # a country-named group is that country's, not a stateless NGO
    kenyan = find(resolve("A Kenyan rights group accused police of abductions on Sunday."), "A Kenyan rights group")
    assert kenyan.country == "KEN"


def test_a_plain_group_is_no_ngo() -> None:
    acts = resolve("A rebel group attacked an army post near Goma on Sunday.")
    assert all(a.country != "NGO" for a in acts)


# -- 2. leaders of a people ------------------------------------------------------------------------
def test_ethnic_leaders_are_elites_of_their_host_state_not_its_government() -> None:
    acts = resolve("A group of Igbo leaders said on Tuesday they would back the president's bid for a second term.")
    igbo = find(acts, "Igbo leaders")
    assert (igbo.country, igbo.sector) == ("NGA", "ELI")
    kurds = find(resolve("Kurdish leaders in northern Iraq rejected the budget plan on Monday."), "Kurdish leaders")
    assert (kurds.country, kurds.sector) == ("IRQ", "ELI")


def test_a_people_that_is_not_led_keeps_the_civilian_sector() -> None:
    acts = resolve("Tamil refugees in southern India staged a sit-in outside the camp on Monday.")
    assert all(a.sector != "ELI" for a in acts)


# -- 3. Muslim groups with no state -----------------------------------------------------------------
def test_muslim_group_with_no_state_is_ism() -> None:
    hackers = find(resolve("Muslim hackers defaced hundreds of government websites over the past week."), "Muslim hackers")
    assert hackers.country == "ISM"
    fighters = find(resolve("Islamist militants attacked a checkpoint overnight, killing three soldiers."), "Islamist militants")
    assert (fighters.country, fighters.sector) == ("ISM", "REB")


def test_a_placed_or_national_muslim_group_keeps_its_state() -> None:
    acts = resolve("Islamist militants in northern Mali attacked a convoy on Sunday.")
    assert find(acts, "Islamist militants").country == "MLI"
    acts = resolve("Pakistani Muslim clerics condemned the attack on Friday.")
    assert all(a.country != "ISM" for a in acts)
    # a state named in the sentence: the group is that state's, not transnational
    acts = resolve("Islamic fundamentalists began a hunger strike to demand the resignation of the Tunisian president.")
    assert all(a.country != "ISM" for a in acts)
    # a faith word before a thing is no actor
    assert all(a.country != "ISM" for a in resolve("Muslim holidays begin next week, the ministry said."))


# -- 4. crowds placed by the place ------------------------------------------------------------------
def test_a_crowd_takes_the_country_of_the_place_it_is_in() -> None:
    crowd = find(resolve("Tens of thousands of people marched in Hong Kong on Sunday to demand free elections."),
                 "Tens of thousands of people")
    assert (crowd.country, crowd.sector) == ("HKG", "CVL")
    inmates = find(resolve("Inmates rioted at a prison in Kathmandu on Sunday, officials said."), "Inmates")
    assert inmates.country == "NPL"


def test_protesters_belong_to_the_place_they_protest_in_not_to_the_building_they_face() -> None:
    # docs/annotation.md: citizens placed in one country take its code; the consulate of another
    # state in the sentence does not make them its citizens, nor does a second state's building.
    protesters = find(resolve("Protesters demonstrated outside the Japanese consulate in Shanghai on Sunday."), "Protesters")
    assert (protesters.country, protesters.sector) == ("CHN", "CVL")
    protesters = find(resolve("Protesters blocked the road next to Iran's consulate in Istanbul on Friday."), "Protesters")
    assert protesters.country == "TUR"


def test_people_without_a_count_or_place_are_not_a_crowd() -> None:
    acts = resolve("People familiar with the talks said the deal was close.")
    assert all(a.sector != "CVL" for a in acts)
    acts = resolve("Hundreds of people blocked the highway on Monday, witnesses said.")
    assert all(a.country is None for a in acts if a.text.startswith("Hundreds"))


# -- 5. the junta -----------------------------------------------------------------------------------
def test_the_junta_is_the_country_the_sentence_is_about() -> None:
    junta = find(resolve("The junta in Myanmar arrested dozens of activists on Monday."), "The junta")
    assert (junta.country, junta.sector) == ("MMR", "MIL")
