"""training/agreement.py: the inter-annotator agreement measures on tiny hand-built annotations
(issue #14), and the sampler's stratification on a made-up corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "training" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


agreement = _load("agreement")
sample_for_review = _load("sample_for_review")


def actor(text, code, sector="GOV"):
    return {"text": text, "code": code, "sector": sector}


def event(kind, trigger, source, target, modality="asserted", historical=False, mode=None):
    return {"type": kind, "mode": mode, "trigger": trigger, "source": source, "target": target,
            "modality": modality, "date": "2025-03-11", "historical": historical}


SUMMONED = event("ACCUSE", "summoned", actor("Canberra", "AUS"), actor("China's ambassador", "CHN"), mode="allege")
MET = event("CONSULT", "met", actor("The Kenyan foreign minister", "KEN"), actor("his Ethiopian counterpart", "ETH"))
FIRED = event("ASSAULT", "shelled", actor("Russian artillery", "RUS", "MIL"), actor("a power plant in Kharkiv", "UKR", "CVL"))


def annotation():
    return {("own-1", 0): [SUMMONED], ("own-1", 1): [], ("own-1", 2): [MET, FIRED], ("own-1", 3): []}


def test_kappa_of_identical_annotations_is_one():
    result = agreement.compare(annotation(), annotation())
    assert result.kappa == 1.0
    assert result.event_f1 == 1.0
    assert result.spans["source"].exact_f1 == 1.0 and result.spans["target"].token_f1 == 1.0
    assert result.code_agree["both"] == result.matched == 3  # three events, all matched
    assert result.disagreements == []


def test_cohen_kappa_known_values():
    # observed 3/4, chance 1/2 (each annotator says yes half / a quarter of the time) -> 0.5
    assert agreement.cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx(0.5)
    # complete disagreement on a balanced binary decision -> -1
    assert agreement.cohen_kappa([1, 0], [0, 1]) == pytest.approx(-1.0)
    # one label used throughout by both: perfect agreement, not a division by zero
    assert agreement.cohen_kappa(["NONE"] * 3, ["NONE"] * 3) == 1.0
    with pytest.raises(ValueError):
        agreement.cohen_kappa([1, 0], [1])


def test_a_missed_event_gives_the_expected_kappa():
    # the review misses the ACCUSE of sentence 0 and gives it no event instead.
    # 4 sentences x 17 labels = 68 decisions; they differ on 2 (ACCUSE and NONE of sentence 0).
    # yes-counts: original 5 (ACCUSE, CONSULT, ASSAULT, NONE, NONE), review 5 (CONSULT, ASSAULT, 3x NONE)
    # observed 66/68; chance (5*5 + 63*63) / 68^2 = 3994/4624; kappa = (66/68 - 3994/4624) / (1 - 3994/4624)
    review = annotation()
    review[("own-1", 0)] = []
    result = agreement.compare(annotation(), review)
    observed, chance = 66 / 68, 3994 / 4624
    assert result.kappa == pytest.approx((observed - chance) / (1 - chance))
    assert result.per_label["ACCUSE"]["first_only"] == 1
    assert [d.kind for d in result.disagreements] == ["event-vs-none"]
    assert result.event_f1 == pytest.approx(2 * 2 / (3 + 2))


def test_span_f1_exact_and_token_overlap():
    review = annotation()
    shorter = dict(SUMMONED, target=actor("the ambassador", "CHN"))  # the review's span is shorter
    review[("own-1", 0)] = [shorter]
    result = agreement.compare(annotation(), review)
    target = result.spans["target"]
    # exact: 2 of 3 target spans equal -> F1 2*2/(3+3)
    assert target.exact_f1 == pytest.approx(4 / 6)
    # tokens: "china s ambassador" (3) vs "the ambassador" (2) share 1; plus 2 identical spans
    overlap = 1 + len(agreement.tokens(MET["target"]["text"])) + len(agreement.tokens(FIRED["target"]["text"]))
    total_first = 3 + len(agreement.tokens(MET["target"]["text"])) + len(agreement.tokens(FIRED["target"]["text"]))
    total_second = total_first - 1
    assert target.token_f1 == pytest.approx(2 * overlap / (total_first + total_second))
    assert result.code_agree["both"] == 3  # the codes still agree


def test_symmetric_types_match_in_either_direction_and_codes_are_compared():
    review = annotation()
    swapped_meeting = dict(MET, source=MET["target"], target=MET["source"])
    wrong_code = dict(FIRED, source=actor("Russian artillery", "BLR", "MIL"))
    review[("own-1", 2)] = [swapped_meeting, wrong_code]
    result = agreement.compare(annotation(), review)
    assert result.matched == 3
    assert result.code_agree["both"] == 2
    assert [d.kind for d in result.disagreements] == ["code"]


def test_type_confusion_is_a_type_disagreement_and_modality_is_tallied():
    review = annotation()
    review[("own-1", 0)] = [dict(SUMMONED, type="PROTEST", mode=None)]
    review[("own-1", 2)] = [MET, dict(FIRED, modality="hypothetical", historical=True)]
    result = agreement.compare(annotation(), review)
    kinds = sorted(d.kind for d in result.disagreements)
    assert kinds == ["historical", "modality", "type"]
    assert agreement.share(result.modality_pairs) == pytest.approx(1 / 2)


def test_compare_refuses_different_sentence_sets():
    review = annotation()
    del review[("own-1", 3)]
    with pytest.raises(ValueError, match="different sentences"):
        agreement.compare(annotation(), review)


def test_sampler_stratifies_and_is_reproducible():
    texts = [{"id": f"own-{t}", "sentences": [{"text": f"s{s}", "events": [MET] if s % 4 == 0 else []}
                                             for s in range(20)]} for t in range(5)]
    picked = sample_for_review.draw_sample(texts, 20, seed=3)
    with_events = [p for p in picked if texts[p[0]]["sentences"][p[1]]["events"]]
    assert len(picked) == len(set(picked)) == 20
    assert len(with_events) == 10
    assert picked == sample_for_review.draw_sample(texts, 20, seed=3)
    # fewer event sentences than half the sample: all of them, the rest from the others
    assert len([p for p in sample_for_review.draw_sample(texts, 60, seed=3)
                if texts[p[0]]["sentences"][p[1]]["events"]]) == 25
