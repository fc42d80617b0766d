"""Events round 8: constructions behind PLOVER misses, each with hand-written positive and
near-miss negative sentences (news-like, invented facts).

Constructions: conditional offers and ultimatums (derived AGREE / THREATEN), "is prepared /
willing to" (the copula's subject acts), "is committed to" (a stance, not a passive), refusals
of one-sided acts ("declined to resign"), speech products that demand ("issued a statement
demanding that"), "pushing for X to", "X said Y must" with a misparsed speaker, censorship
orders, human shields, inspectors sent to a country, "put under investigation in X", military
intelligence provided, evidence shared, "days of war games", deliveries named by their part
("the first group of troops arrived"), and "... is out of the question"."""

from __future__ import annotations

import pytest
from conftest import analysed_events as _events
from conftest import has_event as _has

# (type, sentence, source, target or None): each must be coded (any modality but question)
POSITIVE = [
    # a conditional offer of a cooperative act is an intent to cooperate
    ("AGREE", "Egypt said on Monday it would meet Sudan's envoy if Khartoum dropped its preconditions.", "EGY", "SDN"),
    # the adjective's controller is the copula's subject
    ("AGREE", "Chile's president said he is prepared to lift the ban on the Communist Party of Chile.", "CHL", None),
    ("AGREE", "Vietnam is committed to opening its banking sector to foreign lenders, the minister said.", "VNM", None),
    # refusals of one-sided and cooperative acts
    ("REJECT", "Peru's defence minister declined to resign on Monday despite mounting pressure from lawmakers.", "PER", None),
    ("REJECT", "Jordan says it will not accept any more refugees if the fighting spreads.", "JOR", None),
    # a conditional halt is an ultimatum
    ("THREATEN", "The Netherlands may halt aid to Mali if the junta delays the elections again, a Dutch spokesman said.", "NLD", "MLI"),
    # a speech product speaks for its issuer
    ("REQUEST", "Colombia's ELN rebels issued a statement demanding that the government of Venezuela release their commanders.", "COL", "VEN"),
    ("REQUEST", "Germany is pushing hard for France to back its energy plan, diplomats said.", "DEU", "FRA"),
    ("REQUEST", "The Red Cross working in Yemen said Saudi forces must allow aid convoys to reach Hodeidah.", None, "SAU"),
    # COERCE: censorship orders and human shields
    ("COERCE", "Myanmar's military government ordered the independent newspaper to suspend publication indefinitely.", "MMR", None),
    ("COERCE", "Syrian troops have been holding villagers as human shields near the Turkish border, activists said.", "SYR", None),
    # ACCUSE investigate
    ("ACCUSE", "The United Nations dispatched inspectors to Syria on Monday to examine the chemical plants.", None, "SYR"),
    ("ACCUSE", "The United Nations sent 30 experts to Haiti on Friday to investigate the prison killings.", None, "HTI"),
    ("ACCUSE", "A French journalist has been put under investigation in Turkey for alleged spying.", "TUR", "FRA"),
    # AID / COOPERATE
    ("AID", "Britain is providing satellite intelligence to Ukraine, British officials said.", "GBR", "UKR"),
    ("COOPERATE", "Turkish prosecutors shared evidence with Saudi Arabia about the killing, officials said.", "TUR", "SAU"),
    ("COOPERATE", "Indian and French warships began five days of war games in the Arabian Sea on Monday.", None, None),
    ("AID", "The first contingent of Kenyan troops arrived in Haiti on Tuesday, officials said.", "KEN", "HTI"),
    # ruling an act out is a refusal
    ("REJECT", "Iran's foreign minister said that talks with Britain are out of the question.", "IRN", "GBR"),
]

# (type, sentence): near misses that must NOT be coded as that type (any modality but question)
NEGATIVE = [
    ("AGREE", "Egypt said on Monday it would attack the militants in Sudan unless they disarmed."),
    ("AGREE", "The crime was committed to intimidate voters in Hanoi, the Vietnamese police said."),
    ("REJECT", "Peru's defence minister resigned on Monday after mounting pressure from lawmakers."),
    ("REJECT", "Jordan says it has accepted more refugees from Syria this year."),
    ("THREATEN", "The Netherlands may halt aid to Mali, a Dutch spokesman said."),
    ("REQUEST", "Colombia's army issued a statement describing the attack on its base near Venezuela."),
    ("REQUEST", "German troops pushed into the town of Kunduz for the first time."),
    ("COERCE", "Myanmar's military government ordered the army to suspend operations in Rakhine."),
    ("COERCE", "Myanmar's military government ordered the newspaper to pay a fine to the Thai embassy."),
    ("COERCE", "Syrian troops have been holding positions near the Turkish border, activists said."),
    ("ACCUSE", "The United Nations dispatched a delegation to Syria on Monday for talks."),
    ("ACCUSE", "The United Nations sent 30 experts to Haiti on Friday to help rebuild schools."),
    ("ACCUSE", "A French journalist has been put under investigation for alleged spying."),
    ("AID", "Britain's spy agency said the intelligence provided by informants in Ukraine was unreliable."),
    ("COOPERATE", "Indian and French analysts wrote about war games in a report on Monday."),
    ("REJECT", "Iran's foreign minister said that talks with Britain are not out of the question."),
    ("REJECT", "Iran's foreign minister said the question of talks with Britain was raised in parliament."),
]


@pytest.mark.parametrize("etype,text,src,tgt", POSITIVE, ids=[f"{p[0]}-{i}" for i, p in enumerate(POSITIVE)])
def test_round8_positive(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    got = [(e.type, e.source.country, e.target.country, e.modality) for e in _events(text)]
    assert _has(text, etype, src, tgt), got


@pytest.mark.parametrize("etype,text", NEGATIVE, ids=[f"{n[0]}-{i}" for i, n in enumerate(NEGATIVE)])
def test_round8_negative(etype: str, text: str) -> None:
    got = [(e.type, e.source.country, e.target.country, e.modality) for e in _events(text)]
    assert not _has(text, etype), got


def test_conditional_offer_is_planned_not_asserted() -> None:
    evs = [e for e in _events("Egypt said on Monday it would meet Sudan's envoy if Khartoum dropped its preconditions.") if e.type == "AGREE"]
    assert evs and all(e.modality == "planned" for e in evs)


def test_ultimatum_with_unless_stays_a_threat() -> None:
    text = "Ghana said it would withdraw its peacekeepers from Mali unless the junta freed the detained soldiers."
    assert _has(text, "THREATEN", "GHA")
    assert not _has(text, "AGREE", "GHA")


def test_act_ruled_out_is_not_asserted() -> None:
    text = "Iran's foreign minister said that talks with Britain are out of the question."
    assert not [e for e in _events(text) if e.type == "CONSULT" and e.modality == "asserted"]
