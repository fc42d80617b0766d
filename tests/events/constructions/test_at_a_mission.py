"""Construction `at_a_mission`: a crowd protesting at a foreign embassy, consulate or high
commission protests against the mission's state, and is of the state the mission stands in."""

from __future__ import annotations

from conftest import event_pairs


def test_the_crowd_is_where_the_mission_stands() -> None:
    assert event_pairs("Dozens of students demonstrated outside the Indian embassy in Kathmandu on Tuesday.", "PROTEST") == {("NPL", "IND")}


def test_force_at_a_mission_is_a_protest_against_its_state() -> None:
    assert event_pairs("Crowds ransacked the British embassy in Tehran on Tuesday.", "PROTEST") == {("IRN", "GBR")}
    # the city of the first verb is the venue; the besieged embassy is the target
    assert ("CIV", "FRA") in event_pairs("In Abidjan, protesters blocked roads and besieged the French embassy.", "PROTEST")


def test_gathering_is_a_protest_only_with_a_sign_of_one() -> None:
    assert event_pairs("Several hundred people massed outside the Russian embassy in Tbilisi on Friday, holding placards.", "PROTEST") == {("GEO", "RUS")}
    assert not event_pairs("Hundreds of people gathered outside the US embassy in Lagos on Friday for visa interviews.", "PROTEST")


def test_near_misses() -> None:
    # no crowd
    assert not event_pairs("Police guarded the US embassy in Ankara on Friday.", "PROTEST")
    # a protester with a country of its own keeps it
    assert event_pairs("Turkish students rallied outside the Israeli embassy in Berlin on Friday.", "PROTEST") == {("TUR", "ISR")}
