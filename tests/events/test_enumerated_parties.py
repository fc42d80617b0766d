"""Enumerated parties (manual section 4, "one event per pair"): the countries a group noun's own
"of"/"from" phrase enumerates are its parties, and a symmetric act among three or more named
parties gives one event per pair of them."""

from __future__ import annotations

import parley


def _pairs(text: str, type_: str) -> set[frozenset[str]]:
    doc = parley.analyse_text(text)
    return {frozenset((e.source.country, e.target.country)) for e in doc.events if e.type == type_ and e.modality == "asserted"}


def test_the_ministers_of_two_countries_are_two_parties() -> None:
    assert _pairs("Leaders of Kenya and Uganda agreed on Monday to build a new railway line.", "AGREE") == {frozenset(("KEN", "UGA"))}


def test_three_parties_of_a_meeting_give_three_pairs() -> None:
    pairs = _pairs("The foreign ministers of Kyrgyzstan, Kazakhstan and Uzbekistan met in Tashkent on Monday.", "CONSULT")
    assert pairs == {frozenset(("KGZ", "KAZ")), frozenset(("KGZ", "UZB")), frozenset(("KAZ", "UZB"))}


def test_two_parties_stay_one_pair_and_an_asymmetric_act_keeps_its_target() -> None:
    assert _pairs("Japan and South Korea agreed on Friday to hold regular talks.", "AGREE") == {frozenset(("JPN", "KOR"))}
    doc = parley.analyse_text("The presidents of Chile and Peru condemned the attack on Bolivia.")
    accusations = {(e.source.country, e.target.country) for e in doc.events if e.type == "ACCUSE"}
    assert accusations == {("CHL", "BOL"), ("PER", "BOL")}


def test_a_summit_of_three_named_parties_gives_three_pairs() -> None:
    pairs = _pairs("A summit of Brazil, Argentina and Chile opened in Brasilia on Monday.", "CONSULT")
    assert pairs == {frozenset(("BRA", "ARG")), frozenset(("BRA", "CHL")), frozenset(("ARG", "CHL"))}


def test_the_two_neighbours_are_the_pair_the_passage_named() -> None:
    """"urged the two neighbours": both parties of the passage's latest interaction (as "both
    sides"); "the neighbours that sent help", with no "two" or "both", is no pair phrase."""
    page = "PUBLISHED: 2024-01-02\n\nSomalia recalled its ambassador to Ethiopia on Tuesday over the port deal.\n\n"
    doc = parley.analyse_text(page + "The African Union chairman urged the two neighbours to resolve their differences through talks.\n")
    assert {(e.source.country, e.target.country) for e in doc.events if e.type == "REQUEST"} == {("IGO", "SOM"), ("IGO", "ETH")}
    doc = parley.analyse_text(page + "The African Union chairman thanked the neighbours that sent help.\n")
    assert all(not e.target.resolution.startswith("pair:") for e in doc.events)


def test_relations_normalised_together_give_support_each_way() -> None:
    """Manual 2.17: establishing, restoring or normalising relations is SUPPORT from each party
    that acts, each way when both do; signing one document together stays one event (open in the
    manual, section 9)."""
    doc = parley.analyse_text("Kenya and Eritrea restored diplomatic ties on Monday after a decade of silence.")
    assert {(e.source.country, e.target.country) for e in doc.events if e.type == "SUPPORT"} == {("KEN", "ERI"), ("ERI", "KEN")}
    doc = parley.analyse_text("Kenya and Eritrea signed a friendship treaty on Monday.")
    assert len([e for e in doc.events if e.type == "SUPPORT"]) == 1
