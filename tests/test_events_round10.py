"""Events round 10: constructions the rules missed or misread, each with hand-written positive
and near-miss negative sentences (news-like, invented facts).

- A vow to use force ("vowed to fight on until ...", "vowed to retaliate against X", "promised
  to hit back") is a THREATEN (CAMEO 138), not an AGREE; a vow to fight a social ill
  ("fight corruption") is not a threat. "Struck a deal" is no strike.
- Widening political freedoms and loosening restrictions are CONCEDE (CAMEO 081/083).
- Arming oneself "to use against" a named party is a THREATEN against it; supplying arms to
  someone else is not.
- A refusal "despite pressure from X" is a REJECT addressed to X.
- An ultimatum's addressee is the condition's subject only when it follows its "if"/"unless".
- A third party's mediation "between X and Y": the mediator consults each side.
- An unnamed crowd protesting in a place is of that place; police blocking streets is no protest.
- "opened fire to disperse X": the firing is aimed at X.
"""

from __future__ import annotations

import pytest
from conftest import analysed_events as _events
from conftest import has_event as _has


def _show(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source.country, e.target.country, e.coder) for e in _events(text)]


# (type, sentence, source, target or None): each must be coded
POSITIVE = [
    ("THREATEN", "Chechen rebels have sworn to fight on until the last soldier leaves the republic, a rebel spokesman said.", "RUS", None),
    ("THREATEN", "Somali militants vowed to fight against Ethiopian troops until they withdraw from Mogadishu.", "SOM", "ETH"),
    ("THREATEN", "North Korea vowed to retaliate against South Korea for the naval drills.", "PRK", "KOR"),
    ("THREATEN", "The Iranian president promised to hit back at Israel after the strike on the embassy.", "IRN", "ISR"),
    ("CONCEDE", "Vietnam's government has taken steps to expand political freedoms ahead of the party congress.", "VNM", None),
    ("CONCEDE", "The Egyptian government loosened restrictions on foreign media on Monday.", "EGY", None),
    ("THREATEN", "A militant group based in Pakistan claims to be building drones to use against India, a newspaper reported.", "PAK", "IND"),
    ("REJECT", "The Peruvian president refused to resign despite growing pressure from the Congress of Peru.", "PER", "PER"),
    ("THREATEN", "Hamas said it would fire rockets at Israel unless Egypt reopened the border crossing.", "PSE", "EGY"),
    ("CONSULT", "Norway launched a mediation effort between Sudan and South Sudan on Monday.", "NOR", "SSD"),
    ("PROTEST", "Hundreds of thousands of people blocked roads in Bangkok to demand early elections.", "THA", None),
    ("ASSAULT", "Pakistani police opened fire to disperse Afghan refugees near the border, killing two.", "PAK", "AFG"),
]


@pytest.mark.parametrize("etype,text,src,tgt", POSITIVE)
def test_construction_is_coded(etype: str, text: str, src: str, tgt: str | None) -> None:
    assert _has(text, etype, src, tgt), _show(text)


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


def test_striking_a_deal_is_no_attack() -> None:
    text = "The Pakistani prime minister struck a deal with India over water sharing on Monday."
    assert not _has(text, "ASSAULT"), _show(text)
    assert _has("Israeli jets struck Hamas positions in Gaza overnight.", "ASSAULT", "ISR")


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese government has expanded its navy in recent years.",
        "Uzbekistan tightened restrictions on foreign media on Monday.",
    ],
)
def test_no_concession_without_freedoms_widened(text: str) -> None:
    assert not _has(text, "CONCEDE"), _show(text)


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


def test_a_refusal_despite_something_else_has_no_addressee() -> None:
    text = "The Peruvian president refused to resign despite heavy rain in Lima."
    assert all(e.target.country is None for e in _events(text) if e.type == "REJECT"), _show(text)


def test_ultimatum_without_a_named_party_keeps_the_acts_target() -> None:
    text = "The African Union may suspend its mediation among Sudan's warring factions if the fighting spreads, the Kenyan foreign minister said."
    assert _has(text, "THREATEN", tgt="SDN"), _show(text)
    assert not _has(text, "THREATEN", tgt="KEN"), _show(text)


def test_security_forces_blocking_streets_is_no_protest() -> None:
    assert not _has("Riot police blocked streets in Bangkok on Sunday.", "PROTEST")


def test_fire_with_no_one_aimed_at_is_not_coded() -> None:
    text = "Thai police opened fire on Monday to stop the spread of the riot."
    assert not _has(text, "ASSAULT"), _show(text)
