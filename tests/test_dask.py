"""The Dask path: same events as one process, Parquet shards, and a re-run that skips finished work."""

from __future__ import annotations

from conftest import dump_db

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.quality.bench import build_corpus
from parley.distributed import plan_partitions, run_dask

ingest_mod = importlib.import_module("parley.ingest")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from dask.distributed import Client, LocalCluster

    # Threads, not processes: the models load once for the test, and the code path (submit,
    # results back as Parquet bytes, shards, merge) is the one a real cluster runs.
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _pages(folder: Path, n: int) -> list[str]:
    corpus, _ = build_corpus(n)
    folder.mkdir()
    for name, text in corpus:
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "z-copy.html").write_text(corpus[1][1], encoding="utf-8")  # duplicate content
    (folder / "z-empty.txt").write_text("   \n", encoding="utf-8")  # a skipped input
    return [str(folder)]


def _dump(db_path: Path) -> dict[str, list[dict[str, object]]]:
    return dump_db(db_path, "id, path, url, title, published, news_date, method, text, paragraphs, sentences")


def test_dask_equals_single_process_and_resumes(client: object, tmp_path: Path) -> None:
    inputs = _pages(tmp_path / "pages", 4)
    ingest_mod.ingest(inputs, tmp_path / "single.db", workers=1)
    shards = tmp_path / "shards"
    first = run_dask(inputs, tmp_path / "dask.db", client=client, shard_dir=shards, partition_size=2)
    assert (first.partitions, first.analysed, first.reused, first.merged) == (3, 3, 0, 3)
    single, dask = _dump(tmp_path / "single.db"), _dump(tmp_path / "dask.db")
    assert single["events"], "the corpus should yield events"
    assert dask == single
    parts = plan_partitions(inputs, 2)
    assert sorted(p.name for p in shards.glob("*.mentions.parquet")) == sorted(f"{p.name}.mentions.parquet" for p in parts)
    assert len(list(shards.glob("*.done"))) == 3 and len(list(shards.glob("*.parquet"))) == 9

    # Same store again: everything is already merged, nothing is analysed or merged twice.
    again = run_dask(inputs, tmp_path / "dask.db", client=client, shard_dir=shards, partition_size=2)
    assert (again.analysed, again.reused, again.merged) == (0, 3, 0)
    assert _dump(tmp_path / "dask.db") == single

    # A crash that lost one partition's marker (and a fresh store): only that one is redone.
    (shards / f"{parts[1].name}.done").unlink()
    third = run_dask(inputs, tmp_path / "fresh.db", client=client, shard_dir=shards, partition_size=2)
    assert (third.analysed, third.reused, third.merged) == (1, 2, 3)
    assert _dump(tmp_path / "fresh.db") == single


def test_partitions_are_stable(tmp_path: Path) -> None:
    inputs = _pages(tmp_path / "pages", 3)
    a, b = plan_partitions(inputs, 2), plan_partitions(inputs, 2)
    assert [p.name for p in a] == [p.name for p in b] and len(a) == 3
    assert [u for p in a for u in p.units] == sorted(u for p in a for u in p.units)
    with pytest.raises(ValueError):
        plan_partitions(inputs, 0)
