"""Construction `arms_against`: arming oneself "to use against" a named party is a THREATEN
(CAMEO 138) against it; arms supplied to someone else are not.
"""

from __future__ import annotations

import pytest

from conftest import analysed_events
from conftest import has_event as _has
from conftest import show_events as _show


# (type, sentence, source, target or None): each must be coded (any modality)
ARMS_POSITIVE = [
    ("THREATEN", "A militant group based in Pakistan claims to be building drones to use against India, a newspaper reported.", "PAK", "IND"),
]


@pytest.mark.parametrize("etype,text,src,tgt", ARMS_POSITIVE, ids=[f"{p[0]}-{i}" for i, p in enumerate(ARMS_POSITIVE)])
def test_arming_to_use_against_is_a_threat(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    """Own arms to use against a party."""
    assert _has(text, etype, src, tgt), _show(text)


@pytest.mark.parametrize(
    "text",
    [
        # arms handed to someone else: aid to them, not the supplier's threat
        "Iran supplied Russia with drones to use against Ukraine, officials said.",
        # no arms at all
        "Iranian engineers are building a dam to use against droughts in the region.",
    ],
)
def test_no_arms_threat_without_own_arms(text: str) -> None:
    assert not _has(text, "THREATEN"), _show(text)
