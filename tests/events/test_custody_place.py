"""Custody told in an agentless passive (`parley.events.custody`): the state of the place holds
or frees the patient's people; no place, an agent, or the patient's own country codes nothing
from the place."""

from __future__ import annotations

import parley
from conftest import RULES_READING

_PAGE = "PUBLISHED: 2019-10-17\n\n"


def _events(sentence: str, type_: str) -> set[tuple[str | None, str | None]]:
    doc = parley.analyse_text(_PAGE + sentence + "\n", settings=RULES_READING)
    return {(e.source.country, e.target.country) for e in doc.events if e.type == type_ and e.coding.how == "custody-place"}


def test_a_detention_off_a_foreign_port_is_the_coastal_states() -> None:
    assert _events("Two Spanish trawlers were detained off the Moroccan port of Larache on Tuesday.", "COERCE") == {("MAR", "ESP")}


def test_a_detention_in_a_capital_is_its_states() -> None:
    assert _events("A former Canadian diplomat has been detained in Beijing, officials said.", "COERCE") == {("CHN", "CAN")}


def test_a_release_of_people_held_in_a_foreign_town() -> None:
    assert _events("Three Moroccan sailors held in Algeciras over a smuggling case were freed on bail on Thursday.", "RETREAT") == {("ESP", "MAR")}


def test_no_place_no_source() -> None:
    assert not _events("Two Spanish trawlers were detained on Tuesday.", "COERCE")


def test_an_agent_is_read_as_the_source_not_the_place() -> None:
    assert not _events("Two Lithuanian citizens were detained near Minsk by Russian border guards.", "COERCE")


def test_an_arrest_at_home_is_no_interaction() -> None:
    assert not _events("Two Spaniards were arrested in Madrid on Monday.", "COERCE")



def test_a_summons_in_a_capital_is_its_states() -> None:
    got = _events("The Bulgarian ambassador was summoned to the foreign ministry in Athens on Monday.", "ACCUSE")
    assert got == {("GRC", "BGR")}


def test_a_summons_with_no_place_names_no_summoner() -> None:
    assert not _events("The Russian ambassador was summoned on Monday.", "ACCUSE")


# -- session24 R3: a dateline as a second passive subject; the custody the passage told --

def test_a_dateline_the_parser_takes_as_a_subject_does_not_hide_the_patients() -> None:
    sentence = "JAKARTA, March 21 - Eight Chinese fishermen were detained near Indonesia's Natuna islands on Saturday."
    assert _events(sentence, "COERCE") == {("IDN", "CHN")}


def _passage(text: str, type_: str) -> set[tuple[str | None, str | None]]:
    doc = parley.analyse_text(_PAGE + text + "\n", settings=RULES_READING)
    return {(e.source.country, e.target.country) for e in doc.events if e.type == type_ and e.coding.how == "custody-passage"}


def test_a_release_with_no_place_is_by_the_custodian_the_passage_told() -> None:
    text = ("Malaysian marine police detained three Indonesian fisheries officers near Tanjung Berakit on Friday. "
            "Jakarta protested. The three officers were released on Tuesday evening.")
    assert _passage(text, "RETREAT") == {("MYS", "IDN")}


def test_patients_of_a_named_state_take_the_custodian_of_that_states_people() -> None:
    text = ("Nigeria's navy seized a tanker with a Ghanaian crew last week. India arrested 12 Bangladeshi fishermen in October. "
            "Two more Bangladeshi boats were detained in November.")
    assert _passage(text, "COERCE") == {("IND", "BGD")}


def test_with_no_custody_told_before_a_bare_release_stays_no_event() -> None:
    # manual section 3: nothing on the page says who held them
    assert not _passage("The Thai foreign minister visited Phnom Penh on Monday. The crew were released on Monday.", "RETREAT")
    assert not _passage("The crew were released on Monday.", "RETREAT")
