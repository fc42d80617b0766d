"""The learned sentence-type layer: the shipped artifact loads, predicts sensible types on
hand-written sentences, and codes an event only where the rules coded none."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parley.events.model import (
    MODEL_NAME,
    MODEL_PATH,
    NONE,
    V2_NAME,
    V2_PATH,
    EventModel,
    default_model,
    features,
    load,
    save,
)
from parley.settings import Settings

NEWS = Path(__file__).resolve().parents[1] / "training" / "news_sentences.jsonl"


@pytest.fixture(scope="module")
def model() -> EventModel:
    m = default_model(Settings(event_model="v1"))  # the TF-IDF model these tests are about (the default is minilm)
    if m is None:
        pytest.skip(f"{MODEL_PATH} not built (run training/train_eventmodel.py)")
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
    # the TF-IDF model these tests are about (the default partner is now minilm), with the
    # confidence it sets (the event acceptor, which would replace it, off)
    return list(run_stages(Document(page=Page("t", text, "text"), article=article), default_stages()[1:], Settings(event_model="v1", event_acceptor="off")).events)


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


# -- v2: NONE class, written news sentences, character n-grams --------------------------------
@pytest.fixture(scope="module")
def v2() -> EventModel:
    if not V2_PATH.exists():
        pytest.skip(f"{V2_PATH} not built (run training/train_eventmodel.py)")
    return load(V2_PATH)


def test_v2_artifact_is_small_versioned_and_has_none(v2: EventModel) -> None:
    assert V2_PATH.stat().st_size < 5_000_000
    assert v2.name == V2_NAME and V2_NAME.endswith("-v2") and v2.softmax and v2.common
    assert NONE in v2.labels and len(v2.labels) == 17
    assert 0.3 <= v2.threshold <= 0.95
    assert v2.coef.shape == (17, len(v2.vocab))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Police detained dozens of students outside the university on Sunday and held them overnight.", "COERCE"),
        ("The defence ministry said it had moved two armoured brigades closer to the frontier overnight.", "MOBILIZE"),
        ("Both governments agreed on Friday to reopen their embassies and resume consular services.", "AGREE"),
        ("The foreign minister flew to the neighbouring capital for talks with his counterpart, officials said.", "CONSULT"),
        ("Lawmakers from the ruling party condemned the neighbouring state for what they called an illegal annexation.", "ACCUSE"),
        ("Militants attacked an army outpost before dawn, killing three soldiers, the military said.", "ASSAULT"),
    ],
)
def test_v2_predicts_type_of_handwritten_sentences(v2: EventModel, text: str, expected: str) -> None:
    label, p = v2.predict(text)
    assert label == expected, (label, p)
    assert abs(sum(v2.probabilities(text).values()) - 1.0) < 1e-6


@pytest.mark.parametrize(
    "text",
    [
        "Consumer prices rose 4.2 percent in October from a year earlier, the statistics agency said.",
        "Heavy snow closed mountain passes in the north and more is forecast for the weekend.",
        "The home side won the cup final 2-0 in front of a crowd of 60,000.",
    ],
)
def test_v2_abstains_on_sentences_without_an_event(v2: EventModel, text: str) -> None:
    label, p = v2.predict(text)
    assert label != NONE and p < v2.threshold  # predict never offers NONE, and its p stays low


def test_v2_none_wins_on_an_economy_figure(v2: EventModel) -> None:
    assert v2.classify("Consumer prices rose 4.2 percent in October from a year earlier, the statistics agency said.")[0] == NONE


def test_v2_names_do_not_change_the_prediction(v2: EventModel) -> None:
    a = v2.probabilities("On Monday Ruritanian troops shelled villages near the border.")
    b = v2.probabilities("On Monday Freedonian troops shelled villages near the border.")
    assert a == b
    # a capitalised first word is a name unless the training text used it in lower case
    assert v2.probabilities("Ruritania shelled villages near the border.") == v2.probabilities("Freedonia shelled villages near the border.")
    assert "polic" in " ".join(features("Police shelled villages", v2.common))


def test_v2_round_trip_keeps_softmax_and_common_words(tmp_path: Path) -> None:
    m = EventModel("t-v2", ("A", NONE), {"x": 0, "y": 1}, np.ones(2), np.array([[2.0, -2.0], [-2.0, 2.0]]), np.zeros(2), 0.6, True, frozenset({"x"}))
    save(tmp_path / "m.npz", m)
    back = load(tmp_path / "m.npz")
    assert back.softmax and back.common == frozenset({"x"})
    assert back.predict("y y") == ("A", pytest.approx(back.probabilities("y y")["A"]))
    assert back.classify("y y")[0] == NONE


def test_written_training_sentences_cover_every_type() -> None:
    import json

    from parley.events.lexicon import PLOVER_TYPES

    rows = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["label"]] = counts.get(r["label"], 0) + 1
    assert len(rows) >= 800 and counts.get(NONE, 0) >= 100
    assert all(counts.get(t, 0) >= 40 for t in PLOVER_TYPES), counts
    assert set(counts) == set(PLOVER_TYPES) | {NONE}
    assert len({r["text"] for r in rows}) == len(rows)


def test_event_model_setting_chooses_the_model() -> None:
    from parley.settings import Settings

    assert default_model(Settings.from_env({"PARLEY_EVENT_MODEL": "off"})) is None
    if V2_PATH.exists():
        m = default_model(Settings.from_env({"PARLEY_EVENT_MODEL": "v2"}))
        assert m is not None and m.name == V2_NAME
    with pytest.raises(ValueError, match="not one of"):
        Settings.from_env({"PARLEY_EVENT_MODEL": "v3"})
