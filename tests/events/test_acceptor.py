"""The learned event acceptor (parley.events.acceptor): what it judges, what its weights make it
do, its artifact and its setting.

Its logic is tested with weights written here by hand; the shipped artifact only for its shape
and for what the setting does with it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import parley
from parley.events.acceptor import ARTIFACT, EventAcceptor, as_confidence, event_features, judged, shipped
from parley.settings import Settings

PASSAGE = (
    "Colombia's defence minister accused Ecuador on Monday of sheltering rebel commanders near the border. "
    "Quito rejected the charge on Tuesday, a day after talks in Lima had ended. "
    "Ecuador declared a state of emergency in two provinces."
)


def _doc(mode: str = "off"):
    return parley.analyse_text(PASSAGE, settings=Settings().with_overrides(event_acceptor=mode))


def _interactions(doc):
    return [e for e in doc.events if judged(e)]


def test_only_asserted_interactions_of_two_countries_are_judged() -> None:
    doc = _doc()
    events = list(doc.events)
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert judged(accusation)
    assert not judged(replace(accusation, modality="planned"))
    assert not judged(replace(accusation, target=replace(accusation.target, country=None)))
    assert not judged(replace(accusation, target=replace(accusation.target, country=accusation.source.country)))


def test_features_name_how_the_event_was_coded_and_what_the_v2_model_rates() -> None:
    doc = _doc()
    events = list(doc.events)
    accusation = next(e for e in events if e.type == "ACCUSE")
    f = event_features(doc, accusation, events, {"ACCUSE": 0.7, "NONE": 0.1, "REJECT": 0.2})
    assert f["bias"] == 1.0 and f["type=ACCUSE"] == 1.0
    assert f[f"kind={accusation.coding.kind}"] == 1.0
    assert f["v2_type"] == 0.7 and f["v2_none"] == 0.1 and f["v2_is_best"] == 1.0
    # a type the v2 model does not rate best is marked so
    g = event_features(doc, accusation, events, {"ACCUSE": 0.2, "REJECT": 0.6})
    assert g["v2_is_best"] == 0.0


def test_hand_weights_rate_and_drop_only_the_judged_events() -> None:
    doc = _doc()
    events = list(doc.events)
    assert any(judged(e) for e in events)
    # bias -> probability 0.5 for every judged event; others untouched
    even = EventAcceptor("test", {"bias": 0.0}, 0.3)
    rated = even.judge(doc, events)
    assert len(rated) == len(events)
    for before, after in zip(events, rated):
        assert after.confidence == (0.5 if judged(before) else before.confidence)
    # a strong weight against ACCUSE drops it when dropping, keeps it (low) when only rating
    against = EventAcceptor("test", {"bias": 2.0, "type=ACCUSE": -6.0}, 0.3)
    kept = against.judge(doc, events)
    assert 0 < next(e for e in kept if e.type == "ACCUSE").confidence < 0.1
    dropped = against.judge(doc, events, drop=True)
    assert not any(e.type == "ACCUSE" for e in dropped)
    # every event that is not an ACCUSE stays (the bias alone rates it 0.88)
    assert [(e.type, e.sentence) for e in dropped] == [(e.type, e.sentence) for e in events if e.type != "ACCUSE"]


def test_the_shipped_artifact_is_versioned_and_a_broken_one_is_a_clear_error(tmp_path: Path) -> None:
    acceptor = shipped()
    assert acceptor is not None and acceptor.version.startswith("parley-acceptor-")
    assert 0.0 <= acceptor.threshold < 0.5 and "bias" in acceptor.weights
    data = json.loads(ARTIFACT.read_text(encoding="utf-8"))
    assert data["trained_on"]["pages"] > 1000 and data["cross_validated"]
    broken = tmp_path / "acceptor.json"
    broken.write_text('{"version": "x"}', encoding="utf-8")
    with pytest.raises(ValueError, match="acceptor.json: not a parley event-acceptor artifact"):
        EventAcceptor.load(broken)


def _events_stage(mode: str):
    """The document as the events stage leaves it (the time stage, which may merge events of
    one sentence, not run)."""
    from parley.pipeline import default_stages, run_stages
    from parley.read.files import page_from_bytes
    from parley.records import Document

    settings = Settings().with_overrides(event_acceptor=mode)
    stages = default_stages()
    stages = stages[: [s.name for s in stages].index("events") + 1]
    page = page_from_bytes("<text>", PASSAGE.encode("utf-8"), "text", settings)
    return run_stages(Document(page=page), stages, settings)


def test_the_setting_rates_drops_or_leaves_the_events() -> None:
    off, rate, drop = _events_stage("off"), _events_stage("rate"), _events_stage("drop")
    # rating changes confidences only, never which events are made
    assert [(e.type, e.source.country, e.target.country) for e in off.events] == [(e.type, e.source.country, e.target.country) for e in rate.events]
    probs = shipped().rate(off, list(off.events))  # type: ignore[union-attr]
    assert any(p is not None for p in probs)
    for e, p in zip(rate.events, probs):
        if p is not None:
            assert e.confidence == as_confidence(p)
    # dropping keeps exactly the judged events rated at the threshold or more
    threshold = shipped().threshold  # type: ignore[union-attr]
    expected = [e for e, p in zip(off.events, probs) if p is None or p >= threshold]
    assert [(e.type, e.sentence) for e in drop.events] == [(e.type, e.sentence) for e in expected]
    with pytest.raises(ValueError, match="PARLEY_EVENT_ACCEPTOR"):
        Settings.from_env({"PARLEY_EVENT_ACCEPTOR": "maybe"})
