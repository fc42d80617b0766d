"""Construction `protest_message`: what a protest says ("demonstrated calling for") is not a
second act by the protesters; a demand with no protest is kept.
"""

from __future__ import annotations

import pytest

from conftest import analysed_events
from conftest import has_event as _has


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Kurds demonstrated in Diyarbakir on Sunday calling for the release of jailed politicians.",
        "Tens of thousands of Serbian students staged rallies in Belgrade to demand the government's resignation.",
    ],
)
def test_a_protests_message_is_not_a_second_event(text: str) -> None:
    evs = analysed_events(text)
    assert any(e.type == "PROTEST" for e in evs)
    assert not any(e.type == "REQUEST" for e in evs), [(e.type, e.coder) for e in evs]


def test_a_demand_of_its_own_is_kept() -> None:
    # no protest: the demand is the event
    assert _has("Kurdish politicians on Sunday demanded the release of jailed party leaders in Turkey.", "REQUEST")
