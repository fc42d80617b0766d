"""The learned layer (`parley.events.learned.model_events`) with a stand-in sentence model: what the
rules let the model code, and with which sides. The stand-in answers each sentence from a table,
so these tests fix the layer's behaviour, not the shipped model's."""

from __future__ import annotations

from typing import Any

import pytest

import parley
from parley.events import minilm
from parley.events.minilm import Prediction, Span
from parley.settings import Settings


class StandIn:
    """A `LearnedExtractor` look-alike: sentence -> (types, [(role, words)])."""

    version = "stand-in-model"

    def __init__(self, answers: dict[str, tuple[dict[str, float], list[tuple[str, str]]]]) -> None:
        self.answers = answers

    def predict(self, texts: list[str], batch: int = 1) -> list[Prediction]:
        out = []
        for text in texts:
            types, spans = self.answers.get(text, ({}, []))
            probs = {"NONE": 0.9, **types} if not types else {"NONE": 0.05, **types}
            found = tuple(Span(text.index(words), text.index(words) + len(words), role, words) for role, words in spans)
            out.append(Prediction(probs, found, "asserted"))
        return out


def _events(monkeypatch: pytest.MonkeyPatch, text: str, types: dict[str, float], spans: list[tuple[str, str]]) -> list[Any]:
    monkeypatch.setattr(minilm, "shipped", lambda: StandIn({text: (types, spans)}))
    # the layer's events as coded: the acceptor that rates (and by default drops) them is off
    settings = Settings().with_overrides(event_acceptor="off")
    return [e for e in parley.analyse_text(text, settings=settings).events if e.modality == "asserted"]


DOCUMENT_SUBJECT = "The announcement followed talks between the Turkmen president and a Chinese vice premier."


def test_a_document_subject_lets_the_model_code_an_event_its_tagger_gives_both_sides(monkeypatch: pytest.MonkeyPatch) -> None:
    events = _events(monkeypatch, DOCUMENT_SUBJECT, {"CONSULT": 0.95},
                     [("SRC", "the Turkmen president"), ("TGT", "a Chinese vice premier")])
    assert [(e.type, e.source.country, e.target.country) for e in events] == [("CONSULT", "TKM", "CHN")]
    assert events[0].coder.startswith("model:stand-in-model:CONSULT:tagged")


def test_a_document_subject_with_one_tagged_side_codes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _events(monkeypatch, DOCUMENT_SUBJECT, {"CONSULT": 0.95}, [("SRC", "the Turkmen president")]) == []


def test_a_document_acting_codes_nothing_without_tagged_sides(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The accord, signed by Iran and Iraq last year, limits fishing in the northern gulf."
    assert _events(monkeypatch, text, {"AGREE": 0.9}, []) == []


def test_beside_the_rules_events_the_tagged_branch_adds_only_types_they_did_not_code(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The announcement came after Turkish officials met Greek diplomats in Athens on Monday."
    events = _events(monkeypatch, text, {"CONSULT": 0.95, "AGREE": 0.8},
                     [("SRC", "Turkish officials"), ("TGT", "Greek diplomats")])
    # the rules coded the meeting; the model adds its other type, not a second CONSULT
    consults = [e for e in events if e.type == "CONSULT"]
    assert len(consults) == 1 and consults[0].coder.startswith("rule:"), [(e.type, e.coder) for e in events]
    assert [(e.source.country, e.target.country) for e in events if e.type == "AGREE"] == [("TUR", "GRC")]


def test_a_meeting_the_delegations_are_due_to_hold_is_planned(monkeypatch: pytest.MonkeyPatch) -> None:
    """"are due to meet": the main clause's verb schedules; the model's event takes the
    infinitive's modality (planned), as the rules read it, and is not reported as held."""
    text = "Ukrainian and Russian delegations are due to meet on the Belarusian border on Monday."
    monkeypatch.setattr(minilm, "shipped", lambda: StandIn({text: ({"CONSULT": 0.95}, [("SRC", "Ukrainian"), ("TGT", "Russian")])}))
    events = parley.analyse_text(text, settings=Settings().with_overrides(event_acceptor="off")).events
    consults = [e for e in events if e.type == "CONSULT"]
    assert consults and all(e.modality == "planned" for e in consults), [(e.coder, e.modality) for e in consults]


def test_an_object_a_verb_reading_forbids_rules_out_that_type_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # "order" is no REQUEST with "embargo" as its object (the lexicon's row), but the sentence
    # still tells the model's SANCTION
    text = "The Security Council on Saturday ordered a trade embargo, a flight ban and a freeze on sporting contacts against Serbia."
    events = _events(monkeypatch, text, {"SANCTION": 0.8, "REQUEST": 0.7}, [])
    assert {(e.type, e.source.country, e.target.country) for e in events} == {("SANCTION", "UNO", "SRB")}


def test_a_type_told_by_a_subordinate_clauses_own_subject_is_not_the_main_subjects(monkeypatch: pytest.MonkeyPatch) -> None:
    """"Laos opened its dam gates after Cambodia asked for help": the model's REQUEST is
    Cambodia's, told in the "after" clause; coded at the main clause it would be Laos asking
    Cambodia. A type the main clause tells is still coded."""
    text = "Laos opened its dam gates in May after Cambodia asked for help during a drought."
    assert [e for e in _events(monkeypatch, text, {"REQUEST": 0.8}, []) if e.type == "REQUEST" and e.source.country == "LAO"] == []
    text = "Laos sent engineers to Cambodia in May after the river flooded."
    assert ("AID", "LAO", "KHM") in {(e.type, e.source.country, e.target.country) for e in _events(monkeypatch, text, {"AID": 0.8}, [])}


def test_a_meeting_called_off_or_asked_for_is_no_meeting(monkeypatch: pytest.MonkeyPatch) -> None:
    """"cancelled a meeting with his Danish counterpart": the model's CONSULT is named only by the
    object of a verb that calls it off (or asks for it), which the rules read as no occurrence."""
    text = "Norway's trade minister cancelled a meeting with his Danish counterpart on Friday."
    assert [e for e in _events(monkeypatch, text, {"CONSULT": 0.9}, []) if e.type == "CONSULT"] == []
    text = "Norway's trade minister held a meeting with his Danish counterpart on Friday."
    assert any(e.type == "CONSULT" for e in _events(monkeypatch, text, {"CONSULT": 0.9}, []))
