"""Derived events (`parley.events.derived`): a stated intention to cooperate is an AGREE, an
ultimatum or a planned conflictual act a THREATEN, a refusal of cooperation a REJECT (addressed
to whoever pressed for the act).
"""

from __future__ import annotations

import pytest

import parley
from conftest import analysed_events
from conftest import has_event as _has
from conftest import show_events as _show


def test_refusal_is_itself_an_asserted_reject() -> None:
    doc = parley.analyse_text("Israeli President Isaac Herzog refused to meet the Turkish envoy in Jerusalem.")
    rejects = [e for e in doc.events if e.type == "REJECT"]
    assert any(e.modality == "asserted" and e.source.country == "ISR" and e.target.country == "TUR" for e in rejects)


def test_stated_yielding_is_an_asserted_agree_and_the_act_stays_planned() -> None:
    # docs/annotation.md section 6: a promise to give or yield is asserted when it is made
    # ("said it would send tents" is AGREE asserted); what it promises has not happened
    doc = parley.analyse_text("Iran said it would release the 15 detained British sailors on Thursday.")
    release = [e for e in doc.events if e.type == "RETREAT"]
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert release and all(e.modality == "planned" for e in release)
    assert agree and all(e.modality == "asserted" and e.coding.kind == "intent" for e in agree)


def test_a_narrators_schedule_and_an_announced_support_stay_planned() -> None:
    # no one in the sentence states the release: the narrator's schedule
    doc = parley.analyse_text("Iran will release the 15 detained British sailors on Thursday.")
    assert all(e.modality == "planned" for e in doc.events if e.type == "AGREE")
    # backing a bid is no giving or yielding: its intention stays a plan
    doc = parley.analyse_text("Portugal will support Turkey's bid to join the bloc, the Portuguese president said on Tuesday.")
    support = [e for e in doc.events if e.type == "SUPPORT"]
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert support and all(e.modality == "planned" for e in support)
    assert agree and all(e.modality == "planned" and e.coding.kind == "intent" for e in agree)


def test_a_conditional_offer_stays_planned() -> None:
    doc = parley.analyse_text("Egypt said on Monday it would meet Sudan's envoy if Khartoum dropped its preconditions.")
    agree = [e for e in doc.events if e.type == "AGREE" and e.coding.kind == "intent"]
    assert agree and all(e.modality == "planned" for e in agree)


def test_ultimatum_is_a_threat() -> None:
    doc = parley.analyse_text("Nigeria said it will withdraw its peacekeepers from Chad unless the government holds elections.")
    assert any(e.type == "THREATEN" and e.source.country == "NGA" and e.target.country == "TCD" for e in doc.events)


# (type, sentence, source, target or None): each must be coded (any modality)
DERIVED_POSITIVE = [
    # a conditional offer of a cooperative act is an intent to cooperate
    ("AGREE", "Egypt said on Monday it would meet Sudan's envoy if Khartoum dropped its preconditions.", "EGY", "SDN"),
    # refusals of one-sided and cooperative acts
    ("REJECT", "Peru's defence minister declined to resign on Monday despite mounting pressure from lawmakers.", "PER", None),
    ("REJECT", "Jordan says it will not accept any more refugees if the fighting spreads.", "JOR", None),
    # a conditional halt is an ultimatum
    ("THREATEN", "The Netherlands may halt aid to Mali if the junta delays the elections again, a Dutch spokesman said.", "NLD", "MLI"),
    ("REJECT", "The Peruvian president refused to resign despite growing pressure from the Congress of Peru.", "PER", "PER"),
    ("THREATEN", "Hamas said it would fire rockets at Israel unless Egypt reopened the border crossing.", "PSE", "EGY"),
]


@pytest.mark.parametrize("etype,text,src,tgt", DERIVED_POSITIVE, ids=[f"{p[0]}-{i}" for i, p in enumerate(DERIVED_POSITIVE)])
def test_intention_is_derived(etype: str, text: str, src: str | None, tgt: str | None) -> None:
    """The stated intention, ultimatum or refusal is coded."""
    assert _has(text, etype, src, tgt), _show(text)


# (type, sentence): near misses that must NOT be coded as that type (any modality)
DERIVED_NEGATIVE = [
    ("AGREE", "Egypt said on Monday it would attack the militants in Sudan unless they disarmed."),
    ("REJECT", "Peru's defence minister resigned on Monday after mounting pressure from lawmakers."),
    ("REJECT", "Jordan says it has accepted more refugees from Syria this year."),
    ("THREATEN", "The Netherlands may halt aid to Mali, a Dutch spokesman said."),
]


@pytest.mark.parametrize("etype,text", DERIVED_NEGATIVE, ids=[f"{n[0]}-{i}" for i, n in enumerate(DERIVED_NEGATIVE)])
def test_no_intention_without_its_modality(etype: str, text: str) -> None:
    """The act done, or threatened without a condition, derives nothing."""
    assert not _has(text, etype), _show(text)


def test_ultimatum_with_unless_stays_a_threat() -> None:
    text = "Ghana said it would withdraw its peacekeepers from Mali unless the junta freed the detained soldiers."
    assert _has(text, "THREATEN", "GHA")
    assert not _has(text, "AGREE", "GHA")


def test_a_refusal_despite_something_else_has_no_addressee() -> None:
    text = "The Peruvian president refused to resign despite heavy rain in Lima."
    assert all(e.target.country is None for e in analysed_events(text) if e.type == "REJECT"), _show(text)


def test_ultimatum_without_a_named_party_keeps_the_acts_target() -> None:
    text = "The African Union may suspend its mediation among Sudan's warring factions if the fighting spreads, the Kenyan foreign minister said."
    assert _has(text, "THREATEN", tgt="SDN"), _show(text)
    assert not _has(text, "THREATEN", tgt="KEN"), _show(text)


def test_a_pledge_the_sentence_model_proposes_is_asserted_when_stated() -> None:
    # no trigger row reads "give ... euros": the sentence model proposes AGREE; the future tense
    # belongs to what is promised, the promise itself was made
    said = [e for e in analysed_events("Germany said it would give 500 million euros to Indonesia over several years.") if e.type == "AGREE"]
    assert said and all(e.modality == "asserted" for e in said), _show("Germany said it would give 500 million euros to Indonesia over several years.")
    # the narrator's schedule: nothing is stated, nothing is asserted
    plain = "Germany will give 500 million euros to Indonesia over several years."
    assert not any(e.modality == "asserted" for e in analysed_events(plain) if e.type == "AGREE"), _show(plain)


def test_a_stated_act_is_the_clause_the_speaker_states_not_a_plans_purpose() -> None:
    # the withdrawal is what a planned trip is for: nothing is promised
    trip = "A US delegation will travel to Niamey in the coming days to arrange an orderly withdrawal, the Pentagon said."
    assert not any(e.modality == "asserted" for e in analysed_events(trip)), _show(trip)
    # the act named by its means is the stated act: a coercive step announced is a threat
    means = "Australian Foreign Minister Stephen Smith said Canberra would answer by expelling a Fijian diplomat."
    assert any(e.type == "THREATEN" and e.modality == "asserted" and e.target.country == "FJI" for e in analysed_events(means)), _show(means)
