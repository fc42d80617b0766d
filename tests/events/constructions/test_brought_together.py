"""Construction `brought_together`: a meeting that brought together the people of several states
is a CONSULT between every two of them (docs/annotation.md, section 3: one event per pair)."""

from __future__ import annotations

from conftest import rules_pairs


def _unordered(pairs: set[tuple[str | None, str | None]]) -> set[frozenset[str | None]]:
    return {frozenset(p) for p in pairs}


def test_a_meeting_that_brought_ministers_together_is_a_consult_per_pair() -> None:
    pairs = rules_pairs("The Arctic talks in Tromso brought together ministers from Norway, Finland, Iceland and Canada.", "CONSULT")
    assert _unordered(pairs) == {frozenset(p) for p in [("NOR", "FIN"), ("NOR", "ISL"), ("NOR", "CAN"), ("FIN", "ISL"), ("FIN", "CAN"), ("ISL", "CAN")]}


def test_gathered_and_drew_together_read_the_same() -> None:
    three = {frozenset(p) for p in [("KAZ", "KGZ"), ("KAZ", "TJK"), ("KGZ", "TJK")]}
    assert _unordered(rules_pairs("The meeting in Almaty gathered the foreign ministers of Kazakhstan, Kyrgyzstan and Tajikistan.", "CONSULT")) == three
    assert _unordered(rules_pairs("The conference drew Kazakhstan, Kyrgyzstan and Tajikistan together.", "CONSULT")) == three


def test_no_meeting_no_consult() -> None:
    # the subject decides: a crisis or a standing alliance is no meeting
    assert not rules_pairs("The border crisis brought Chile and Bolivia together.", "CONSULT")
    assert not rules_pairs("The alliance brings together Estonia, Latvia and Lithuania.", "CONSULT")


def test_a_meeting_to_come_is_not_asserted() -> None:
    assert not rules_pairs("Next week's summit will bring together the leaders of Chile and Peru.", "CONSULT")
