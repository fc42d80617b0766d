"""Ingest on a Dask cluster: partitions analysed on workers, Parquet shards, one merge into the store.

    parley ingest archive/*.warc.gz --dask tcp://scheduler:8786 --db news.db
    parley ingest pages/ --dask local --workers 4 --db news.db

1. The inputs are expanded (folders, globs) into units — a page file, a WARC file, a feed or a
   URL — and cut into partitions of `partition_size` units, in input order. A partition's name
   holds its position and a hash of its units, so the same inputs give the same partitions.
2. Each partition runs on a Dask worker: read, extract -> time (`ingest.analyse_pages`), and the
   rows the store would write (documents, event mentions, status). The worker returns them as
   Parquet bytes; the client writes them as `part-NNNNN-HASH.{documents,mentions,status}.parquet`
   in the shard folder and a `.done` marker last, each file by atomic rename. Workers need to
   see the input paths (shared storage) or take URLs; they need no access to the shard folder.
3. When every partition has its shards, the client merges them into the SQLite store in
   partition order, one transaction per partition, with the same merge into canonical events as a
   one-process ingest; so the events are the same. The store records each merged partition in its
   `meta` table inside that transaction.
Re-running after a crash skips partitions whose `.done` marker exists and partitions already
merged; nothing is analysed or merged twice.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .records import Document, IngestStatus, Page
from .settings import Settings

TABLES = ("documents", "mentions", "status")
CHUNK_PAGES = 16


@dataclass(frozen=True)
class Partition:
    index: int
    units: tuple[str, ...]

    @property
    def name(self) -> str:
        digest = hashlib.sha256("\n".join(self.units).encode("utf-8")).hexdigest()[:12]
        return f"part-{self.index:05d}-{digest}"


@dataclass(frozen=True)
class DaskSummary:
    partitions: int
    analysed: int  # partitions run on the cluster in this call
    reused: int  # partitions whose shards already existed
    merged: int  # partitions merged into the store in this call
    statuses: tuple[IngestStatus, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "partitions": self.partitions, "analysed": self.analysed, "reused": self.reused, "merged": self.merged,
            "stored": sum(1 for s in self.statuses if s.status == "stored"),
            "skipped": sum(1 for s in self.statuses if s.status == "skipped"),
            "failed": sum(1 for s in self.statuses if s.status == "failed"),
            "events": sum(s.events for s in self.statuses), "inputs": len(self.statuses),
        }


def plan_partitions(inputs: list[str], partition_size: int) -> list[Partition]:
    from .read.sources import expand_inputs

    if partition_size < 1:
        raise ValueError("partition size must be at least 1")
    units = expand_inputs(inputs)
    return [Partition(i, tuple(units[s : s + partition_size])) for i, s in enumerate(range(0, len(units), partition_size))]


# --- on the worker ----------------------------------------------------------------------------


def _status_row(order: int, s: IngestStatus) -> dict[str, Any]:
    return {"order": order, "path": s.path, "status": s.status, "reason": s.reason, "stage": s.stage, "document_id": s.document_id, "events": s.events}


def _to_parquet(rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), buf)
    return buf.getvalue()


def _from_parquet(data: bytes) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(data)).to_pylist()


def process_partition(units: tuple[str, ...], settings: Settings, allow_private: bool = False) -> dict[str, bytes]:
    """Read and analyse one partition; return its documents, mentions and status rows as Parquet."""
    from .read.sources import FetchOptions, guarded_unit
    from .store import db as store_stage

    ingest_mod = importlib.import_module("parley.ingest")
    options = FetchOptions(allow_private=allow_private, max_seconds=float(settings.max_read_seconds))
    items: list[Page | IngestStatus] = [item for unit in units for item in guarded_unit(unit, settings, options)]
    results: list[Document | IngestStatus] = []
    pages = [i for i in items if isinstance(i, Page)]
    analysed = iter([r for s in range(0, len(pages), CHUNK_PAGES) for r in ingest_mod.analyse_pages(pages[s : s + CHUNK_PAGES], settings=settings)])
    for item in items:
        results.append(item if isinstance(item, IngestStatus) else next(analysed))
    documents: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    status: list[dict[str, Any]] = []
    for order, res in enumerate(results):
        if isinstance(res, IngestStatus):
            status.append(_status_row(order, res))
            continue
        row = store_stage.document_row(res)
        row["order"] = order
        documents.append(row)
        unique = {m["id"]: m for m in (store_stage.mention_row(res, e) for e in res.events)}
        for m in unique.values():
            mentions.append({**m, "order": order})
        asserted = sum(1 for e in res.events if e.modality == "asserted")
        # The status the store will record if this content is new (same text as store_document).
        status.append(_status_row(order, IngestStatus(res.page.path, "stored", f"{asserted} events ({len(res.events)} with non-asserted)", stage="store", document_id=res.id, events=asserted)))
    return {"documents": _to_parquet(documents), "mentions": _to_parquet(mentions), "status": _to_parquet(status)}


# --- on the client ----------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def shard_paths(shard_dir: Path, part: Partition) -> dict[str, Path]:
    return {t: shard_dir / f"{part.name}.{t}.parquet" for t in TABLES}


def is_done(shard_dir: Path, part: Partition) -> bool:
    return (shard_dir / f"{part.name}.done").exists()


def write_shards(shard_dir: Path, part: Partition, tables: dict[str, bytes]) -> None:
    for t, path in shard_paths(shard_dir, part).items():
        _write_atomic(path, tables[t])
    # Written last: a partition counts as finished only when every shard is on disk.
    _write_atomic(shard_dir / f"{part.name}.done", json.dumps({"units": list(part.units)}).encode("utf-8"))


def _merged_key(part: Partition) -> str:
    return f"dask_partition:{part.name}"


def merge_partition(db: Any, shard_dir: Path, part: Partition) -> list[IngestStatus] | None:
    """Merge one partition's shards into the store in one transaction; None if merged before."""
    from .store.merge import merge_mentions
    from .store import db as store_stage

    if list(db.query("select 1 from meta where key = ?", [_merged_key(part)])):
        return None
    paths = shard_paths(shard_dir, part)
    docs = {r["order"]: r for r in _from_parquet(paths["documents"].read_bytes())}
    ments: dict[int, list[dict[str, Any]]] = {}
    for m in _from_parquet(paths["mentions"].read_bytes()):
        ments.setdefault(m.pop("order"), []).append(m)
    out: list[IngestStatus] = []
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.atomic():
        for srow in sorted(_from_parquet(paths["status"].read_bytes()), key=lambda r: r["order"]):
            order = srow.pop("order")
            status = IngestStatus(srow["path"], srow["status"], srow["reason"] or "", stage=srow["stage"], document_id=srow["document_id"], events=int(srow["events"] or 0))
            doc = docs.get(order)
            if doc is not None:
                if store_stage.has_document(db, doc["id"]):
                    status = IngestStatus(status.path, "skipped", "already stored (same content)", stage="store", document_id=doc["id"])
                else:
                    doc = {k: v for k, v in doc.items() if k != "order"}
                    doc["ingested_at"] = now
                    db["documents"].insert(doc)
                    rows = ments.get(order, [])
                    if rows:
                        db["mentions"].insert_all(rows)
                    merge_mentions(db, [r["id"] for r in rows])
            store_stage.record_status(db, status)
            out.append(status)
        db["meta"].insert({"key": _merged_key(part), "value": now}, replace=True)
    return out


def make_client(address: str, workers: int) -> tuple[Any, Any]:
    """A Dask client for a scheduler address, or for a new LocalCluster when address is 'local'."""
    from dask.distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def run_dask(
    inputs: list[str],
    db_path: str | Path,
    *,
    client: Any = None,
    address: str = "local",
    workers: int = 2,
    shard_dir: str | Path | None = None,
    partition_size: int = 64,
    settings: Settings | None = None,
    allow_private: bool = False,
    on_partition: Callable[[Partition, str], None] | None = None,
) -> DaskSummary:
    """Analyse `inputs` on a Dask cluster (an existing `client`, or one made from `address`)."""
    from dask.distributed import as_completed

    from .store import db as store_stage

    settings = settings or Settings()
    shards = Path(shard_dir) if shard_dir else Path(str(db_path) + ".shards")
    shards.mkdir(parents=True, exist_ok=True)
    parts = plan_partitions(inputs, partition_size)
    todo = [p for p in parts if not is_done(shards, p)]
    cluster = None
    own = client is None and bool(todo)
    if own:
        client, cluster = make_client(address, workers)
    try:
        if todo:
            futures = {client.submit(process_partition, p.units, settings, allow_private, key=f"parley-{p.name}", pure=False): p for p in todo}
            for fut in as_completed(futures):
                part = futures[fut]
                write_shards(shards, part, fut.result())
                fut.release()
                if on_partition:
                    on_partition(part, "analysed")
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    db = store_stage.open_db(db_path)
    statuses: list[IngestStatus] = []
    merged = 0
    try:
        for part in parts:
            got = merge_partition(db, shards, part)
            if got is not None:
                merged += 1
                statuses.extend(got)
                if on_partition:
                    on_partition(part, "merged")
    finally:
        db.close()
    return DaskSummary(len(parts), len(todo), len(parts) - len(todo), merged, tuple(statuses))
