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
        ("Turkey could impose sanctions on Sweden if the protests continue, an aide said.", "SANCTION", "hypothetical"),
        ("If Serbia attacks Kosovo, NATO troops would respond, the alliance said.", "ASSAULT", "hypothetical"),
        ("Russian drones were reported over Odesa on Tuesday. Did Russia attack Ukrainian ports overnight? Kyiv has not said.", "ASSAULT", "question"),
        ("The Pentagon announced that Austin had met Chinese Defense Minister Dong Jun in Singapore.", "CONSULT", "asserted"),
        ("Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday.", "CONSULT", "asserted"),
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
