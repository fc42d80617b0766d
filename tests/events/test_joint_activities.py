"""Joint patrols, exercises and drills are occurrences when launched, staged or carried out, as
when held or conducted; every pair of the parties that do them together cooperates."""

from __future__ import annotations

from conftest import event_pairs


def _pairs(text: str) -> set[frozenset[str | None]]:
    return {frozenset(p) for p in event_pairs(text, "COOPERATE")}


def test_launched_joint_patrols_pair_every_party() -> None:
    assert _pairs("Thailand, Laos and Cambodia launched joint patrols on the Mekong on Monday.") == {
        frozenset({"THA", "LAO"}), frozenset({"THA", "KHM"}), frozenset({"LAO", "KHM"})}


def test_staged_or_carried_out_drills_are_occurrences() -> None:
    assert _pairs("Peru and Chile staged naval drills off Arica on Tuesday.") == {frozenset({"PER", "CHL"})}
    assert _pairs("Egyptian and Saudi troops carried out a joint exercise near the Red Sea on Sunday.") == {frozenset({"EGY", "SAU"})}


def test_a_patrol_without_joint_is_no_cooperation() -> None:
    assert not _pairs("Thailand launched patrols on the Mekong on Monday.")
