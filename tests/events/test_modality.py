"""Modality (`parley.events.modality`): negated, planned, hypothetical/conditional, requested and
question events are kept but not asserted; a past event reported in the present is asserted.
"""

from __future__ import annotations

import pytest

import parley
from conftest import analysed_events
from conftest import has_event as _has


def _modalities(text: str, etype: str) -> set[str]:
    doc = parley.analyse_text(text)
    return {e.modality for e in doc.events if e.type == etype}


@pytest.mark.parametrize(
    "text,etype,expected",
    [
        ("Indian Prime Minister Narendra Modi did not meet Chinese President Xi Jinping in Kazan.", "CONSULT", "negated"),
        ("Nigeria never accused Ghana of hosting the rebels, the ministry said.", "ACCUSE", "negated"),
        ("Israeli President Isaac Herzog refused to meet the Turkish envoy in Jerusalem.", "CONSULT", "negated"),
        ("French President Emmanuel Macron will visit Morocco next week, his office said.", "CONSULT", "planned"),
        ("The Egyptian foreign minister is due to meet his Ethiopian counterpart on Friday.", "CONSULT", "planned"),
        ("Kenya plans to deploy police officers to Haiti in January.", "MOBILIZE", "planned"),
        # one table of scheduling heads (events.words.SCHEDULING_HEADS), spaCy's lemma of "slated" too
        ("The foreign ministers of Vietnam and Laos are slated to hold talks in Hanoi next week.", "CONSULT", "planned"),
        ("Turkey could impose sanctions on Sweden if the protests continue, an aide said.", "SANCTION", "hypothetical"),
        ("If Serbia attacks Kosovo, NATO troops would respond, the alliance said.", "ASSAULT", "hypothetical"),
        ("Russian drones were reported over Odesa on Tuesday. Did Russia attack Ukrainian ports overnight? Kyiv has not said.", "ASSAULT", "question"),
        ("The Pentagon announced that Austin had met Chinese Defense Minister Dong Jun in Singapore.", "CONSULT", "asserted"),
        ("Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday.", "CONSULT", "asserted"),
        # the alternative not taken is no act (modality._not_taken)
        ("Analysts expect the United States to answer with threats rather than yield to North Korea's demands.", "CONCEDE", "negated"),
    ],
)
def test_modality(text: str, etype: str, expected: str) -> None:
    found = _modalities(text, etype)
    assert expected in found, (text, found)
    if expected != "asserted":
        assert "asserted" not in found, (text, found)


def test_planned_events_are_not_in_the_asserted_list_by_default() -> None:
    doc = parley.analyse_text("Greek Prime Minister Kyriakos Mitsotakis will travel to Ankara next month to meet Turkish President Recep Tayyip Erdogan.")
    assert doc.events
    assert not [e for e in doc.events if e.modality == "asserted"]


def test_conditional_offer_is_planned_not_asserted() -> None:
    evs = [e for e in analysed_events("Egypt said on Monday it would meet Sudan's envoy if Khartoum dropped its preconditions.") if e.type == "AGREE"]
    assert evs and all(e.modality == "planned" for e in evs)


def test_readiness_asked_of_someone_is_no_intent() -> None:
    text = "The Egyptian president said on Monday that the United States must be ready to mediate between Israel and Hamas."
    assert not any(e.type == "AGREE" and e.source.country == "USA" for e in analysed_events(text))
    assert all(e.modality != "planned" for e in analysed_events(text) if e.type == "CONSULT")
    # stated readiness still is an intent
    assert _has("The United States said it was ready to mediate between Israel and Hamas.", "AGREE", "USA")


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Athens demanded that its EU partners refuse to recognise the breakaway republic.", "REJECT"),
        ("The UN envoy demanded the warring parties to allow aid convoys into Darfur.", "CONCEDE"),
        ("The ILO reiterated its demand that Israel ease restrictions on Palestinian workers.", "CONCEDE"),
        ("Lebanon rejected a UN appeal for deploying troops along its southern border.", "MOBILIZE"),
    ],
)
def test_acts_asked_for_are_not_asserted(text: str, etype: str) -> None:
    evs = [e for e in analysed_events(text) if e.type == etype]
    assert all(e.modality != "asserted" for e in evs), [(e.type, e.modality, e.coder) for e in evs]


def test_act_done_after_a_demand_is_still_asserted() -> None:
    # a coordinated act is done, not asked for
    assert _has("Greece demanded an apology and recalled its ambassador from Turkey.", "SANCTION", "GRC", "TUR", asserted_only=True)


# A threat, a demand or an offer is asserted when it is made; the act it announces keeps its own
# modality, and a threat that is itself future, conditional or asked about is not asserted.
@pytest.mark.parametrize(
    "text,etype,expected",
    [
        # (the addressee is named: without it the only THREATEN once found was Poland->Poland, the
        # dateline city taken as its target, which the shared dateline pattern now rightly strips)
        ("WARSAW, March 3, 2024 - Poland warned Ukraine on Sunday that it could widen the ban on Ukrainian grain if Kyiv did not accept controls.", "THREATEN", "asserted"),
        ("PARIS, March 3, 2024 - France offered on Sunday to send engineers to help Lebanon rebuild its port.", "AGREE", "asserted"),
        ("TOKYO, March 3, 2024 - Japan could threaten China with sanctions, analysts said on Sunday.", "THREATEN", "hypothetical"),
        ("TOKYO, March 3, 2024 - Did Japan threaten China on Sunday?", "THREATEN", "question"),
        ("TOKYO, March 3, 2024 - Japan did not threaten China on Sunday, the ministry said.", "THREATEN", "negated"),
    ],
)
def test_statements_are_asserted_when_made(text: str, etype: str, expected: str) -> None:
    assert _modalities(text, etype) == {expected}


def test_a_warning_about_future_measures_is_an_asserted_threat() -> None:
    """The repo's own example page: "warned that Beijing would take resolute measures"."""
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "examples" / "austin_dong_singapore.txt"
    doc = parley.analyse_text(page.read_text(encoding="utf-8"), path=str(page))
    threats = [e for e in doc.events if e.type == "THREATEN" and "resolute measures" in e.evidence]
    assert threats and all(e.modality == "asserted" for e in threats)


def test_the_announced_act_keeps_its_own_modality() -> None:
    doc = parley.analyse_text("YEREVAN, April 19, 2024 - Armenia agreed on Friday to hand back four villages to Azerbaijan.")
    assert {e.modality for e in doc.events if e.type == "RETREAT"} == {"planned"}


def test_an_occasion_an_act_followed_took_place() -> None:
    """"agreed to set aside the dispute after talks in Ankara": the talks came before the
    agreement and happened; the plan ("to set aside") is not their modality. After an act still
    to come ("will sign ... after talks next week") they are still to come too."""
    assert _modalities("Ethiopia and Somalia agreed on Thursday to set aside their dispute after talks in Ankara.", "CONSULT") == {"asserted"}
    assert _modalities("Peru and Chile will sign the accord after talks in Lima next week.", "CONSULT") == {"planned"}


@pytest.mark.parametrize(
    "text,verb,expected",
    [
        ("Instead of bowing to Beijing's demands, the Lithuanian government expelled the Chinese envoy.", "bowing", "negated"),
        ("Seoul chose to protest rather than comply with the ruling.", "comply", "negated"),
        ("Seoul chose to protest rather than comply with the ruling.", "protest", "asserted"),
        ("The Lithuanian government expelled the Chinese envoy instead.", "expelled", "asserted"),
    ],
)
def test_the_alternative_not_taken_is_negated(text: str, verb: str, expected: str) -> None:
    from parley.annotate import nlp
    from parley.events.modality import modality_reason

    sdoc = nlp.full()(text)
    tok = next(t for t in sdoc if t.text == verb)
    assert modality_reason(text, tok, tok)[0] == expected
