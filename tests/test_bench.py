"""`parley bench`: a deterministic corpus and a report with the keys the issue asks for.

Only shape and consistency are asserted; speed claims come from running the command.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.quality import bench

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_corpus_is_deterministic_and_pages_differ() -> None:
    a, origin = bench.build_corpus(5)
    b, _ = bench.build_corpus(5)
    assert a == b
    assert len({html for _, html in a}) == 5
    if SHARED.exists():
        assert origin.startswith("ngec-synthetic")
    # Escaped: story text is data, never markup.
    assert all("<script" not in html for _, html in a)


def test_fallback_corpus_when_shared_is_absent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARLEY_SHARED", str(tmp_path / "nowhere"))
    pages, origin = bench.build_corpus(30)
    assert origin.startswith("shipped fallback")
    assert len({html for _, html in pages}) == 30  # more pages than stories: still all distinct


def test_run_bench_reports_the_required_keys() -> None:
    r = bench.run_bench(pages=3, workers=1, spacy_pages=2)
    for key in ("sentences_per_s", "sentences_per_s_per_core", "spacy_full_sentences_per_s", "ratio_vs_spacy_full", "peak_rss_mb", "cores", "pages_per_s", "words_per_s", "tokenizer_sentences_per_s", "stage_seconds"):
        assert key in r, key
    assert r["stored"] == 3 and r["sentences"] > 0 and r["words"] > r["sentences"]
    assert r["peak_rss_mb"] > 50  # spaCy is loaded
    assert r["sentences_per_s_per_core"] == pytest.approx(r["sentences_per_s"] / r["cores_used"], rel=0.01)
    assert r["ratio_vs_spacy_full"] == pytest.approx(r["sentences_per_s_per_core"] / r["spacy_full_sentences_per_s"], rel=0.05)
    assert {"extract", "annotate", "store"} <= set(r["stage_seconds"])
    text = bench.format_bench(r)
    assert "spaCy full pipeline" in text and "per core" in text


def test_run_bench_with_a_worker_pool() -> None:
    """Two workers warm their pool with the run's settings before the clock starts (the pool's
    warm-up had lost the settings argument and failed on every machine with two cores)."""
    r = bench.run_bench(pages=4, workers=2, spacy_pages=2)
    assert r["stored"] == 4 and r["workers"] == 2 and r["sentences"] > 0
