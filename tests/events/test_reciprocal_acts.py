"""Acts of two sides against each other with no initiator told ("troops clashed", "exchanged
fire", "traded accusations", "expelled each other's diplomats") give one event in each direction
(docs/annotation.md section 3, reciprocal fighting; session23-rules R4)."""

from __future__ import annotations

import pytest

from conftest import rules_pairs



@pytest.mark.parametrize("sentence", [
    "Thai and Cambodian troops clashed on Monday near the temple.",
    "Thai troops clashed with Cambodian soldiers on Monday near the temple.",
    "Thai and Cambodian soldiers fought with sticks and stones on Monday near the temple.",
    "Thai and Cambodian border guards exchanged fire on Monday.",
])
def test_fighting_with_no_initiator_is_coded_each_way(sentence: str) -> None:
    assert rules_pairs(sentence, "ASSAULT") == {("THA", "KHM"), ("KHM", "THA")}


def test_a_row_told_as_traded_accusations_is_coded_each_way() -> None:
    assert rules_pairs("The French and Brazilian presidents traded accusations on Monday.", "ACCUSE") == {("FRA", "BRA"), ("BRA", "FRA")}


def test_an_act_on_each_other_is_coded_each_way() -> None:
    assert rules_pairs("Moscow and London expelled each other's diplomats on Monday.", "SANCTION") == {("RUS", "GBR"), ("GBR", "RUS")}


def test_an_attack_with_its_initiator_told_stays_one_way() -> None:
    # who struck is named: one event from that side
    assert rules_pairs("Thai troops shelled Cambodian positions on Monday.", "ASSAULT") == {("THA", "KHM")}
    assert rules_pairs("Ukraine fought Russian troops near Bakhmut on Monday.", "ASSAULT") == {("UKR", "RUS")}


def test_a_clash_within_one_state_stays_domestic() -> None:
    # one state's police and its protesters: no second state to turn it into an interaction
    pairs = rules_pairs("Thai police clashed with protesters in Bangkok on Monday.", "ASSAULT")
    assert pairs and all(s == t for s, t in pairs)
