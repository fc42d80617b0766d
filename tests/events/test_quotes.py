"""Quotes: attributed to the subject of their speech verb, stored with the event; events inside a
quote are the speaker's words, not the page's events.
"""

from __future__ import annotations

from typing import Any

import parley
from conftest import asserted_events as _asserted


def test_backtick_quote_is_attributed_to_its_speaker_and_stored_with_the_event() -> None:
    text = "Chinese Defense Minister Dong Jun called on the US to `take concrete actions,` the ministry said."
    evs = [e for e in _asserted(text) if e.type == "REQUEST"]
    assert evs
    quotes = evs[0].quotes
    assert quotes and quotes[0].text.startswith("take concrete actions")
    assert quotes[0].speaker is not None and quotes[0].speaker.country == "CHN"


def test_quote_speaker_is_the_subject_of_the_speech_verb() -> None:
    text = "Poland accused Belarus of staging the crossings, and Polish Prime Minister Donald Tusk said “this is a hybrid attack.” Belarus denied it."
    evs = [e for e in _asserted(text) if e.type == "ACCUSE"]
    assert evs and evs[0].quotes
    assert evs[0].quotes[0].speaker is not None and evs[0].quotes[0].speaker.country == "POL"


def test_events_inside_quotes_are_not_coded_as_the_page_s_events() -> None:
    evs = _asserted("`We will never attack Georgia,` the Russian envoy told reporters in Geneva.")
    assert not [e for e in evs if e.type == "ASSAULT"]
