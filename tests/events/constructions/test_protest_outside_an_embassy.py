"""A protest outside, at or past a state's embassy or consulate is aimed at that state
(docs/annotation.md section 3: "the embassy stands for France"); a square or a road is only where
it happened."""

from __future__ import annotations

from conftest import analysed_events


def _protests(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.source.country, e.target.country) for e in analysed_events(text) if e.type == "PROTEST"]


def test_a_rally_outside_an_embassy_targets_its_state() -> None:
    assert _protests("Hundreds of protesters rallied outside the French embassy in Ankara on Friday.") == [("TUR", "FRA")]
    assert _protests("Protesters demonstrated outside the Japanese consulate in Shanghai on Sunday.") == [("CHN", "JPN")]


def test_a_rally_in_a_square_has_no_foreign_target() -> None:
    found = _protests("Thousands of protesters rallied outside the parliament in Ankara on Friday.")
    assert all(target in (None, "TUR") for _, target in found)
