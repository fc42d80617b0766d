"""Re-readings of a promise (`RE_READINGS` in `parley.events.coder`): a vow not to act is a
REJECT, a vow to use force a THREATEN (CAMEO 138); a vow to fight a social ill is neither.
"""

from __future__ import annotations

import pytest

import parley
from parley.settings import Settings
from conftest import analysed_events
from conftest import has_event as _has
from conftest import show_events as _show


# (type, sentence, source, target or None): each must be coded (any modality)
VOW_POSITIVE = [
    ("REJECT", "The Serbian president has vowed not to recognise Kosovo under any circumstances.", "SRB", "XKX"),
    ("THREATEN", "Chechen rebels have sworn to fight on until the last soldier leaves the republic, a rebel spokesman said.", "RUS", None),
    ("THREATEN", "Somali militants vowed to fight against Ethiopian troops until they withdraw from Mogadishu.", "SOM", "ETH"),
    ("THREATEN", "North Korea vowed to retaliate against South Korea for the naval drills.", "PRK", "KOR"),
    ("THREATEN", "The Iranian president promised to hit back at Israel after the strike on the embassy.", "IRN", "ISR"),
]


@pytest.mark.parametrize("etype,text,src,tgt", VOW_POSITIVE, ids=[f"{p[0]}-{i}" for i, p in enumerate(VOW_POSITIVE)])
def test_vow_is_re_read(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    """The vow is coded as a refusal or a threat."""
    assert _has(text, etype, src, tgt), _show(text)


def test_a_promise_not_to_act_is_a_refusal() -> None:
    text = "The Serbian president has vowed not to recognise Kosovo under any circumstances."
    assert not _has(text, "AGREE")
    # the promise to act is the rules' AGREE; read with the acceptor rating, not dropping (with
    # `event_acceptor = drop`, the default, it rates this lone sentence's pair 0.07 and drops it:
    # the minority's place is hardly the promise's addressee)
    promise = "The Serbian president has vowed to protect the Serb minority in Kosovo."
    rated = parley.analyse_text(promise, settings=Settings().with_overrides(event_acceptor="rate")).events
    assert any(e.type == "AGREE" and e.source.country == "SRB" for e in rated), _show(promise)


@pytest.mark.parametrize(
    "text",
    [
        "The Afghan president vowed to fight corruption in the police force.",
        "Pakistan's prime minister vowed to fight poverty and unemployment.",
    ],
)
def test_a_vow_to_fight_a_social_ill_is_no_threat(text: str) -> None:
    assert not _has(text, "THREATEN"), _show(text)


def test_a_vow_to_use_force_is_not_an_agreement() -> None:
    text = "North Korea vowed to retaliate against South Korea for the naval drills."
    assert not _has(text, "AGREE"), _show(text)
    # a vow to help still is an intent to cooperate
    assert _has("Japan vowed to help the Philippines rebuild after the typhoon.", "AGREE", "JPN")
