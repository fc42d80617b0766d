"""Construction `said_that_must`: "X said Y must ..." is X's REQUEST to Y; a leader's own country
"must" is no request.
"""

from __future__ import annotations

from typing import Any

import pytest

import parley
from conftest import analysed_events
from conftest import has_event as _has
from conftest import asserted_events as _asserted
from conftest import show_events as _show


def test_said_that_y_must_is_a_request_to_y() -> None:
    evs = [e for e in _asserted("The Japanese foreign minister said on Monday that North Korea must stop its missile tests.") if e.type == "REQUEST"]
    assert any(e.source.country == "JPN" and e.target.country == "PRK" for e in evs)


# (type, sentence, source, target or None): each must be coded (any modality)
MUST_POSITIVE = [
    ("REQUEST", "The Red Cross working in Yemen said Saudi forces must allow aid convoys to reach Hodeidah.", None, "SAU"),
]


@pytest.mark.parametrize("etype,text,src,tgt", MUST_POSITIVE, ids=[f"{p[0]}-{i}" for i, p in enumerate(MUST_POSITIVE)])
def test_misparsed_speaker_still_requests(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    """The subject of the participle subject is the speaker."""
    assert _has(text, etype, src, tgt), _show(text)


def test_own_country_must_is_no_request() -> None:
    text = "Chancellor Olaf Scholz declined to send the missiles, saying Germany must avoid becoming a party to the war."
    assert not _has(text, "REQUEST", "DEU", "DEU")
    # another country told what it must do is a request
    assert _has("Chancellor Olaf Scholz said on Friday that Russia must withdraw its troops from Ukraine.", "REQUEST", "DEU", "RUS")
