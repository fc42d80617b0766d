"""Construction `called_to` and the object "both sides": "called X to do Y" is a REQUEST, no phone
call; "urged both sides" asks each party of the passage's latest interaction."""

from __future__ import annotations

from conftest import asserted_events as _asserted
from conftest import event_pairs as _pairs


def test_called_to_act_is_a_request_not_a_call() -> None:
    text = "China on Monday called Myanmar to stop the fighting near its border."
    assert _pairs(text, "REQUEST") == {("CHN", "MMR")}
    assert not _pairs(text, "CONSULT")


def test_a_call_to_talk_is_still_a_call() -> None:
    text = "Kenyan President William Ruto on Monday called his Tanzanian counterpart to discuss the border dispute."
    assert _pairs(text, "CONSULT") == {("KEN", "TZA")}


def test_both_sides_as_an_object_are_the_passages_latest_pair() -> None:
    text = "Russian troops shelled Ukrainian positions near Donetsk on Monday. Washington urged both sides to calm the situation."
    requests = {(e.source.country, e.target.country) for e in _asserted(text) if e.type == "REQUEST"}
    assert requests == {("USA", "RUS"), ("USA", "UKR")}
    # with no interaction before it, "both sides" names nobody
    assert not _pairs("Washington urged both sides to calm the situation.", "REQUEST")
