"""Modality: negated, planned, hypothetical/conditional and question events are kept but not
asserted; a past event reported in the present is asserted. Hand-written sentences."""

from __future__ import annotations

import pytest

import parley


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


def test_refusal_is_itself_an_asserted_reject() -> None:
    doc = parley.analyse_text("Israeli President Isaac Herzog refused to meet the Turkish envoy in Jerusalem.")
    rejects = [e for e in doc.events if e.type == "REJECT"]
    assert any(e.modality == "asserted" and e.source.country == "ISR" and e.target.country == "TUR" for e in rejects)


def test_stated_intention_is_a_planned_agree_not_an_asserted_act() -> None:
    doc = parley.analyse_text("Portugal will support Turkey's bid to join the bloc, the Portuguese president said on Tuesday.")
    support = [e for e in doc.events if e.type == "SUPPORT"]
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert support and all(e.modality == "planned" for e in support)
    assert agree and all(e.modality == "planned" and e.coder.startswith("rule:intent") for e in agree)


def test_ultimatum_is_a_threat() -> None:
    doc = parley.analyse_text("Nigeria said it will withdraw its peacekeepers from Chad unless the government holds elections.")
    assert any(e.type == "THREATEN" and e.source.country == "NGA" and e.target.country == "TCD" for e in doc.events)


def test_planned_events_are_not_in_the_asserted_list_by_default() -> None:
    doc = parley.analyse_text("Greek Prime Minister Kyriakos Mitsotakis will travel to Ankara next month to meet Turkish President Recep Tayyip Erdogan.")
    assert doc.events
    assert not [e for e in doc.events if e.modality == "asserted"]
