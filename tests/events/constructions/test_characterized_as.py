"""Construction `characterized_as`: "called Kosovo's decision a provocation" is ACCUSE toward the
act's owner; "called X a Y" is no phone call."""

from __future__ import annotations

from conftest import asserted_events as _asserted
from conftest import event_pairs as _pairs


def test_a_reproach_of_a_partys_act_is_an_accusation_of_that_party() -> None:
    assert _pairs("Serbia on Monday called Kosovo's decision a provocation.", "ACCUSE") == {("SRB", "XKX")}
    assert _pairs("The Serbian government described Kosovo's ban as illegal.", "ACCUSE") == {("SRB", "XKX")}


def test_an_anaphoric_act_takes_the_party_the_passage_just_named() -> None:
    text = "Kosovo banned Serbian goods on Monday. Serbia called the decision a provocation."
    evs = [e for e in _asserted(text) if e.type == "ACCUSE"]
    assert [(e.source.country, e.target.country) for e in evs] == [("SRB", "XKX")]


def test_near_misses() -> None:
    # a characterization that reproaches no one
    assert not _pairs("Brazil on Monday called the talks with Argentina constructive.", "ACCUSE")
    # "called X a Y" is no phone call
    assert not _pairs("Serbia on Monday called Kosovo's decision a provocation.", "CONSULT")
    # a phone call dated by "on": no "call on" request
    assert _pairs("Biden called Xi on Tuesday, the White House said.", "CONSULT") == {("USA", "CHN")}
    assert not _pairs("US President Joe Biden called Chinese President Xi Jinping on Tuesday.", "REQUEST")
    # a relative clause the parser hangs on a name: the characterized thing is no act of that name
    text = "Trump said the United States would stop its joint military exercises with South Korea, which he called provocative."
    assert not _pairs(text, "ACCUSE")
