"""Construction `brokered`: a broker consults each party of the deal it brokered (CONSULT mediate)."""

from __future__ import annotations

from conftest import event_pairs as _pairs


def test_a_broker_consults_each_party() -> None:
    assert _pairs("Turkey brokered a deal between Ethiopia and Somalia in December.", "CONSULT") == {("TUR", "ETH"), ("TUR", "SOM")}
    text = "Slovenia and Croatia agreed on Sunday to suspend their declarations, in a deal brokered by Austria."
    assert _pairs(text, "CONSULT") == {("AUT", "SVN"), ("AUT", "HRV")}
    # the brokering is told as done, whatever the plan in the clause around it: no derived offer
    assert not {p for p in _pairs(text, "AGREE") if p[0] == "AUT"}


def test_a_brokering_not_told_as_done_is_not_asserted() -> None:
    assert not _pairs("Qatar would broker talks between Egypt and Israel.", "CONSULT")
