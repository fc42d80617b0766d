"""The learned sentence-type layer: the shipped artifact loads, predicts sensible types on
hand-written sentences, and codes an event only where the rules coded none."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parley.eventmodel import MODEL_NAME, MODEL_PATH, EventModel, default_model, features, load, save


@pytest.fixture(scope="module")
def model() -> EventModel:
    m = default_model()
    if m is None:
        pytest.skip(f"{MODEL_PATH} not built (run scripts/train_eventmodel.py)")
    return m


def test_artifact_is_small_versioned_and_loads(model: EventModel) -> None:
    assert MODEL_PATH.stat().st_size < 5_000_000
    assert model.name == MODEL_NAME and MODEL_NAME.endswith("-v1")
    assert len(model.labels) == 16
    assert 0.3 <= model.threshold <= 0.95
    assert model.coef.shape == (16, len(model.vocab))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("A car bomb exploded outside the barracks on Sunday, killing six soldiers and wounding a dozen.", "ASSAULT"),
        ("Thousands of workers marched through the capital to protest against the pension reform.", "PROTEST"),
        ("Police arrested more than forty opposition activists and detained them without charge.", "COERCE"),
        ("The rebels threatened to resume attacks unless the government freed their comrades.", "THREATEN"),
        ("The army pulled its troops out of the border town after the truce.", "RETREAT"),
    ],
)
def test_predicts_type_of_handwritten_sentences(model: EventModel, text: str, expected: str) -> None:
    label, p = model.predict(text)
    assert label == expected, (label, p)
    probs = model.probabilities(text)
    assert abs(sum(probs.values()) - 1.0) < 1e-6


def test_names_do_not_change_the_prediction(model: EventModel) -> None:
    a = model.probabilities("On Monday Ruritanian troops shelled villages near the border.")
    b = model.probabilities("On Monday Freedonian troops shelled villages near the border.")
    assert a == b
    assert "ruritanian" not in " ".join(features("On Monday Ruritanian troops shelled villages"))


def test_unknown_words_give_a_flat_answer(model: EventModel) -> None:
    probs = model.probabilities("Zzxq qqzx xxqz.")
    assert max(probs.values()) - min(probs.values()) < 1e-9


def test_save_load_round_trip(tmp_path: Path) -> None:
    m = EventModel("t-v1", ("A", "B"), {"x": 0, "y": 1}, np.ones(2), np.array([[2.0, -2.0], [-2.0, 2.0]]), np.zeros(2), 0.6)
    save(tmp_path / "m.npz", m)
    back = load(tmp_path / "m.npz")
    assert back.predict("x x")[0] == "A" and back.predict("and y")[0] == "B"
    assert back.threshold == 0.6


def test_bad_artifact_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ValueError, match="bad.npz"):
        load(bad)


def _events(text: str) -> list:
    from parley.pipeline import default_stages, run_stages
    from parley.records import Article, Document, Page, Paragraph

    article = Article(None, text, (Paragraph(0, len(text)),), None, None, "test")
    return list(run_stages(Document(page=Page("t", text, "text"), article=article), default_stages()[1:]).events)


def test_model_codes_a_sentence_the_rules_miss(model: EventModel) -> None:
    # "fired shells at targets": no trigger reading fits, the model's ASSAULT does
    evs = _events("Syrian tanks fired several shells at targets, witnesses said, in a rare incident in Lebanon.")
    model_evs = [e for e in evs if e.coder.startswith("model:")]
    assert model_evs, evs
    e = model_evs[0]
    assert e.type == "ASSAULT" and e.source.country == "SYR" and e.target.country == "LBN"
    assert e.coder.startswith(f"model:{MODEL_NAME}:ASSAULT")
    assert model.threshold <= e.confidence <= 1.0


def test_model_stays_silent_when_rules_code_the_sentence(model: EventModel) -> None:
    evs = _events("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.")
    assert evs and not any(e.coder.startswith("model:") for e in evs)


def test_model_needs_a_second_party_outside_the_reporters(model: EventModel) -> None:
    # the only other country names where the witnesses are, not whom the tanks fired at
    evs = _events("Syrian tanks fired several shells at targets near the town, witnesses in Lebanon said.")
    assert not any(e.coder.startswith("model:") for e in evs)
