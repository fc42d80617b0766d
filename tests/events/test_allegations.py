"""What someone is accused, charged or convicted of is not asserted (`_accusation_content`).
"""

from __future__ import annotations

from typing import Any

import parley
from conftest import asserted_events as _asserted
from conftest import event_pairs as _pairs


def test_accused_of_doing_asserts_only_the_accusation() -> None:
    text = "Serbia accused the Kosovo delegation of threatening retaliation against Serb villages."
    events = _asserted(text)
    assert {e.type for e in events} == {"ACCUSE"}
    assert ("SRB", "XKX") in _pairs(text, "ACCUSE")


def test_charged_with_an_act_is_not_that_act() -> None:
    text = "Ukraine freed two Hungarian nationals who had been charged with attacking a border post."
    assert not _pairs(text, "ASSAULT", include_all=True)
