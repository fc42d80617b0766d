"""Tests of the article-extraction benchmark metric and the quality gate on the real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.quality.extractbench import BenchScore, page_counts, run_benchmark, score_pages, shingles

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCH = SHARED / "eval" / "extraction"
FLOORS = Path(__file__).resolve().parent / "quality_floors.json"

BODY = "The council voted on Tuesday to approve the new harbour budget after a long debate"


def test_perfect_match_scores_one() -> None:
    score = score_pages({"a": BODY, "b": "Rain fell across the region all week"},
                        {"a": BODY, "b": "Rain fell across the region all week"})
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(1.0)
    assert score.pages == 2


def test_disjoint_text_scores_zero() -> None:
    score = score_pages({"a": "alpha beta gamma delta epsilon"}, {"a": BODY})
    assert score.precision == 0.0 and score.recall == 0.0 and score.f1 == 0.0


def test_partial_overlap_known_value() -> None:
    # truth: 6 tokens -> 3 shingles; prediction adds 2 tokens -> 5 shingles, 3 shared.
    truth = "one two three four five six"
    pred = "one two three four five six seven eight"
    tp, fp, fn = page_counts(truth, pred)
    assert (tp, fp, fn) == pytest.approx((3 / 5, 2 / 5, 0.0))
    score = score_pages({"x": pred}, {"x": truth}, rounds=10)
    assert score.precision == pytest.approx(0.6)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(2 * 0.6 / 1.6)


def test_macro_average_over_pages_and_f1_of_means() -> None:
    # page a: perfect; page b: half the truth shingles found, nothing extra.
    truth_b = "a b c d e f g h"  # 5 shingles
    pred_b = "a b c d e"  # 2 shingles, all correct
    score = score_pages({"a": BODY, "b": pred_b}, {"a": BODY, "b": truth_b}, rounds=10)
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx((1.0 + 2 / 5) / 2)
    p, r = score.precision, score.recall
    assert score.f1 == pytest.approx(2 * p * r / (p + r))


def test_tokens_are_word_runs_and_short_texts_form_one_shingle() -> None:
    assert shingles("Hi, there!") == {("Hi", "there"): 1}
    assert shingles("") == {}
    # punctuation and case of separators do not matter, case of words does
    assert page_counts("one-two three four", "one two three four") == (1.0, 0.0, 0.0)


def test_repeated_shingles_count_as_multiset() -> None:
    truth = "w x y z"
    pred = "w x y z w x y z"  # 5 shingles, 'w x y z' twice; one matches
    tp, fp, fn = page_counts(truth, pred)
    assert tp == pytest.approx(1 / 5) and fp == pytest.approx(4 / 5) and fn == 0.0


def test_empty_prediction_has_zero_recall_and_no_precision_vote() -> None:
    score = score_pages({"a": "", "b": BODY}, {"a": BODY, "b": BODY}, rounds=10)
    assert score.recall == pytest.approx(0.5)
    assert score.precision == pytest.approx(1.0)  # page a has no predicted shingles


def test_bootstrap_std_is_reproducible_and_positive_when_pages_differ() -> None:
    preds = {"a": BODY, "b": "totally different words in this one here"}
    truth = {"a": BODY, "b": BODY}
    s1, s2 = score_pages(preds, truth), score_pages(preds, truth)
    assert isinstance(s1, BenchScore)
    assert s1.f1_std == s2.f1_std
    assert s1.f1_std > 0


def test_quality_gate_full_benchmark() -> None:
    if not (BENCH / "ground-truth.json").exists():
        pytest.skip(f"shared benchmark data absent at {BENCH}")
    floor = json.loads(FLOORS.read_text())["extraction_f1"]
    score = run_benchmark(BENCH)
    assert score.pages == 181
    assert score.f1 >= floor, f"extraction F1 {score.f1:.4f} fell below floor {floor}"
