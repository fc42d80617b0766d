"""Trade measures are SANCTION (manual: economic sanctions, embargoes, penalty tariffs): a ban on
the target's goods or a duty on them; a ban on the target's people stays COERCE."""

from __future__ import annotations

import parley


def _rule_events(text: str) -> set[tuple[str, str | None, str | None]]:
    doc = parley.analyse_text(text)
    return {(e.type, e.source.country, e.target.country) for e in doc.events if e.coder.startswith("rule:")}


def test_a_ban_on_goods_is_a_sanction() -> None:
    assert ("SANCTION", "RUS", "GEO") in _rule_events("Russia banned imports of Georgian wine and mineral water in 2006.")
    assert ("SANCTION", "HKG", "JPN") in _rule_events("Hong Kong banned seafood from ten Japanese prefectures on Thursday.")


def test_a_duty_slapped_on_goods_is_a_sanction() -> None:
    assert ("SANCTION", "CHN", "AUS") in _rule_events("China slapped duties of more than 80 percent on Australian barley on Monday.")


def test_a_ban_on_people_stays_coercion() -> None:
    found = _rule_events("Turkmenistan banned Russian journalists from entering the country.")
    assert ("COERCE", "TKM", "RUS") in found and not any(t == "SANCTION" for t, _, _ in found)


def test_ordering_a_measure_is_the_measure_not_a_request() -> None:
    found = _rule_events("Colombia's president answered within hours, ordering a tariff of the same size on Ecuadorean goods.")
    assert ("SANCTION", "COL", "ECU") in found and not any(t == "REQUEST" for t, _, _ in found)


def test_ordering_envoys_to_leave_is_an_expulsion_and_an_order_to_act_stays_a_request() -> None:
    assert ("SANCTION", "USA", "RUS") in _rule_events("The US on Thursday ordered 35 Russian diplomats to leave the country within 72 hours.")
    assert ("REQUEST", "NGA", "GHA") in _rule_events("Nigeria ordered Ghana to hand over the suspects.")
