"""What someone is accused, charged or convicted of is not asserted (`_accusation_content`).
"""

from __future__ import annotations

from typing import Any

import parley


def _asserted(text: str, *, include_all: bool = False) -> list[Any]:
    """The asserted events of `text` (every event with `include_all`)."""
    doc = parley.analyse_text(text)
    return [e for e in doc.events if include_all or e.modality == "asserted"]


def _pairs(text: str, etype: str, *, include_all: bool = False) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country) for e in _asserted(text, include_all=include_all) if e.type == etype}


def test_accused_of_doing_asserts_only_the_accusation() -> None:
    text = "Serbia accused the Kosovo delegation of threatening retaliation against Serb villages."
    events = _asserted(text)
    assert {e.type for e in events} == {"ACCUSE"}
    assert ("SRB", "XKX") in _pairs(text, "ACCUSE")


def test_charged_with_an_act_is_not_that_act() -> None:
    text = "Ukraine freed two Hungarian nationals who had been charged with attacking a border post."
    assert not _pairs(text, "ASSAULT", include_all=True)
