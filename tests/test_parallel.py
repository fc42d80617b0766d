"""Batching and process parallelism change speed only: the stored results are the same."""

from __future__ import annotations

from conftest import dump_db

import importlib
from pathlib import Path

from parley.quality.bench import build_corpus
from parley.records import Document, Page
from parley.annotate import stage as annotate

ingest_mod = importlib.import_module("parley.ingest")


def _corpus(folder: Path, n: int) -> list[str]:
    corpus, _ = build_corpus(n)
    folder.mkdir()
    for name, text in corpus:
        (folder / name).write_text(text, encoding="utf-8")
    # One duplicate (same content, other name) and one unreadable input, to check that the
    # statuses come out the same and in order.
    (folder / "zz-copy.html").write_text(corpus[0][1], encoding="utf-8")
    (folder / "zz-notes.pdf").write_bytes(b"%PDF-1.4")
    return [str(folder)]


def _dump(db_path: Path) -> dict[str, list[dict[str, object]]]:
    return dump_db(db_path)


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "pages", 4)
    one = ingest_mod.ingest(inputs, tmp_path / "one.db", workers=1)
    two = ingest_mod.ingest_pages(ingest_mod.iter_pages(inputs, ingest_mod.Settings()), tmp_path / "two.db", workers=2, chunk_pages=2)
    assert [(s.path, s.status) for s in one.statuses] == [(s.path, s.status) for s in two.statuses]
    assert one.stored == 4 and one.skipped == 2
    a, b = _dump(tmp_path / "one.db"), _dump(tmp_path / "two.db")
    assert a["events"], "the corpus should yield events"
    assert a == b
    # Stage timings are collected from the workers too.
    assert {"extract", "annotate", "actors", "events", "store"} <= set(two.stage_seconds)


def test_batch_annotation_equals_one_page_at_a_time() -> None:
    import hashlib

    corpus, _ = build_corpus(3)
    pages = [Page(n, t, "html", content_hash=hashlib.sha256(t.encode()).hexdigest()) for n, t in corpus]
    batch = ingest_mod.analyse_pages(pages)
    alone = [ingest_mod.analyse_pages([p])[0] for p in pages]
    assert all(isinstance(d, Document) for d in batch)
    assert batch == alone  # Document equality covers sentences, paragraphs (captions), events


def test_caption_check_uses_tags_only_and_agrees_with_full_parse() -> None:
    from parley.annotate import nlp

    full = nlp.full()
    texts = ["Foreign Minister Ana Ruiz at a news conference in Lima on March 3.", "The minister said talks would resume in May."]
    off = [n for n in full.pipe_names if n not in annotate._TAGGING_PIPES]
    for text in texts:
        assert annotate._verbless(full(text)) == annotate._verbless(next(full.pipe([text], disable=off)))
    assert annotate._verbless(full(texts[0])) and not annotate._verbless(full(texts[1]))


def test_one_bad_page_does_not_fail_its_batch(monkeypatch: object) -> None:
    import hashlib

    corpus, _ = build_corpus(2)
    pages = [Page(n, t, "html", content_hash=hashlib.sha256(t.encode()).hexdigest()) for n, t in corpus]
    real = annotate.split_sentences

    # Fail the second page's sentence split: the batch falls back to one page at a time, and
    # only that page becomes a failed row naming the annotate stage.
    calls = {"n": 0}

    def fail_second(text: str, paragraphs: tuple) -> list:  # type: ignore[type-arg]
        calls["n"] += 1
        if calls["n"] == 2 or calls["n"] == 4:
            raise RuntimeError("boom")
        return real(text, paragraphs)

    monkeypatch.setattr(annotate, "split_sentences", fail_second)  # type: ignore[attr-defined]
    out = ingest_mod.analyse_pages(pages)
    assert isinstance(out[0], Document)
    assert out[1].status == "failed" and out[1].stage == "annotate" and "boom" in out[1].reason  # type: ignore[union-attr]
