"""Batch ingest: read every input, analyse it, store it; one status row per input, always.

A failure in one page (any stage) becomes a `failed` row naming the stage and the reason; the
batch goes on and what was stored stays stored.

Speed comes from three things, none of which changes a result:
- pages are analysed in chunks, so spaCy's `nlp.pipe` gets full batches across pages
  (`annotate.stage.run_batch`);
- chunks go to worker processes (`workers`, default all cores); the parent only reads and stores,
  in input order, so the database is the same as a one-process run;
- heavy resources (spaCy, gazetteers) load lazily, once per worker.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import StageError
from .pipeline import Stage, check_needs, default_stages, run_stages
from .records import Document, IngestStatus, Page
from .settings import Settings
from .store import db as store_stage

# Pages per chunk sent to a worker: big enough to fill spaCy batches, small enough to keep
# workers evenly loaded and memory flat.
CHUNK_PAGES = 16

StageTimes = dict[str, float]


@dataclass
class IngestSummary:
    statuses: list[IngestStatus] = field(default_factory=list)
    stage_seconds: StageTimes = field(default_factory=dict)

    @property
    def stored(self) -> int:
        return sum(1 for s in self.statuses if s.status == "stored")

    @property
    def skipped(self) -> int:
        return sum(1 for s in self.statuses if s.status == "skipped")

    @property
    def failed(self) -> int:
        return sum(1 for s in self.statuses if s.status == "failed")

    @property
    def events(self) -> int:
        return sum(s.events for s in self.statuses)

    def as_json(self) -> dict[str, object]:
        return {"stored": self.stored, "skipped": self.skipped, "failed": self.failed, "events": self.events, "inputs": len(self.statuses)}


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _failed(page: Page, exc: StageError) -> IngestStatus:
    return IngestStatus(page.path, "failed", f"{type(exc.cause).__name__}: {exc.cause}", stage=exc.stage)


def _timed(stage: Stage, times: StageTimes) -> Stage:
    def run(doc: Document, settings: Settings) -> Document:
        t0 = time.perf_counter()
        try:
            return stage.run(doc, settings)
        finally:
            times[stage.name] = times.get(stage.name, 0.0) + time.perf_counter() - t0

    return Stage(stage.name, run, stage.needs, stage.adds)


def analyse_pages(pages: list[Page], times: StageTimes | None = None, settings: Settings | None = None) -> list[Document | IngestStatus]:
    """Run extract -> time on many pages, annotating them in one batch; one result per page.

    A failure becomes a status row, never an exception. The parses and per-token actors are
    dropped from the returned documents (big, and the store does not need them). `settings`
    (defaults when None) go to every stage.
    """
    times = times if times is not None else {}
    settings = settings if settings is not None else Settings()
    stages = [_timed(s, times) for s in default_stages()]
    by_name = {s.name: i for i, s in enumerate(stages)}
    first, after = stages[: by_name["annotate"]], stages[by_name["annotate"] + 1 :]
    results: list[Document | IngestStatus] = []
    for page in pages:
        try:
            doc = run_stages(Document(page=page), first, settings)
        except StageError as exc:
            results.append(_failed(page, exc))
            continue
        assert doc.article is not None
        if not doc.article.text.strip():
            results.append(IngestStatus(page.path, "skipped", "no main text found", stage="extract", document_id=doc.id))
            continue
        results.append(doc)
    todo = [i for i, r in enumerate(results) if isinstance(r, Document)]
    from . import annotate

    t0 = time.perf_counter()
    annotated: list[Document | IngestStatus]
    try:
        batch = [results[i] for i in todo]
        for one in batch:
            check_needs(stages[by_name["annotate"]], one)  # type: ignore[arg-type]
        annotated = list(annotate.run_batch(batch, settings))
    except Exception:  # noqa: BLE001 - one bad page must not fail its batch: redo one by one
        annotated = []
    times["annotate"] = times.get("annotate", 0.0) + time.perf_counter() - t0
    if len(annotated) != len(todo):
        annotated = []
        for i in todo:
            one = results[i]
            assert isinstance(one, Document)
            try:
                annotated.append(run_stages(one, [stages[by_name["annotate"]]], settings))
            except StageError as exc:
                annotated.append(_failed(one.page, exc))
    for i, done in zip(todo, annotated):
        if isinstance(done, IngestStatus):
            results[i] = done
            continue
        try:
            results[i] = run_stages(done, after, settings).without_working_state()
        except StageError as exc:
            results[i] = _failed(done.page, exc)
    return results


def analyse_page(page: Page, settings: Settings | None = None) -> Document | IngestStatus:
    """Run extract -> time on one page; a failure becomes a status row, never an exception."""
    return analyse_pages([page], settings=settings)[0]


def iter_pages(inputs: list[str], settings: Settings, *, allow_private: bool = False) -> Iterator[Page | IngestStatus]:
    """Pages from files, folders, globs, WARC files, feeds and URLs (see `parley.read.sources`)."""
    from .read.sources import FetchOptions, iter_inputs

    yield from iter_inputs(inputs, settings, FetchOptions(allow_private=allow_private, max_seconds=float(settings.max_read_seconds)))


def _work_chunk(pages: list[Page], settings: Settings) -> tuple[list[Document | IngestStatus], StageTimes]:
    times: StageTimes = {}
    return analyse_pages(pages, times, settings), times


# A tiny page of our own: analysing it once loads spaCy, the gazetteers, the place index and the
# officeholder table, so no page pays for a lazy load.
_WARM_PAGE = (
    "Ministers meet in Geneva\n\nGENEVA, March 3 (Wire) -- French Foreign Minister Anne Durand met "
    "her Brazilian counterpart in Geneva on Monday, and the two sides agreed to resume trade talks. "
    "Police in Paris arrested two protesters."
)


def _warm_worker(settings: Settings | None = None) -> None:
    import hashlib

    from .annotate import nlp
    from .extract import language

    nlp.full()
    nlp.splitter()
    language.preload()  # the reader's language check, in this process when it reads too
    page = Page("<warm-up>", _WARM_PAGE, "text", content_hash=hashlib.sha256(_WARM_PAGE.encode()).hexdigest())
    analyse_pages([page], settings=settings)


def _chunks(items: Iterable[Page | IngestStatus], size: int) -> Iterator[list[Page | IngestStatus]]:
    chunk: list[Page | IngestStatus] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_pages(
    items: Iterable[Page | IngestStatus],
    db_path: str | Path,
    *,
    on_progress: Callable[[IngestStatus], None] | None = None,
    workers: int = 1,
    chunk_pages: int = CHUNK_PAGES,
    pool: Any = None,
    settings: Settings | None = None,
) -> IngestSummary:
    """Analyse and store `items` in input order; `workers` > 1 analyses chunks in processes.

    `pool` may be a caller-owned, already warm multiprocessing pool (the benchmark's).
    `settings` (defaults when None) go to every analysis stage.
    """
    settings = settings if settings is not None else Settings()
    store = _Store(db_path)  # fails here, before any page is read, on a foreign or broken file
    summary = IngestSummary()
    times = summary.stage_seconds

    def timed_read(src: Iterable[Page | IngestStatus]) -> Iterator[Page | IngestStatus]:
        it = iter(src)
        while True:
            t0 = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                times["read"] = times.get("read", 0.0) + time.perf_counter() - t0
            yield item

    chunks = _chunks(timed_read(items), chunk_pages)
    head = list(itertools.islice(chunks, 2))
    # One chunk of work is not worth starting worker processes (each loads spaCy).
    own_pool = pool is None and workers > 1 and len(head) > 1
    if own_pool:
        # forkserver: workers never inherit the parent's open database connection.
        pool = multiprocessing.get_context("forkserver").Pool(workers, initializer=_warm_worker, initargs=(settings,))
    pending: deque[tuple[list[Page | IngestStatus | None], Any, list[Page]]] = deque()

    def add(t: StageTimes) -> None:
        for k, v in t.items():
            times[k] = times.get(k, 0.0) + v

    def finish(plan: list[Page | IngestStatus | None], result: Any, pages: list[Page]) -> None:
        try:
            if isinstance(result, Exception):
                raise result
            docs, t = result.get() if pool is not None else result
        except Exception as exc:  # noqa: BLE001 - a worker died or raised: its pages fail, the batch goes on
            docs, t = [IngestStatus(p.path, "failed", f"analysis worker failed: {type(exc).__name__}: {exc}", stage="analyse") for p in pages], {}
        add(t)
        it = iter(docs)
        for item in plan:
            status = _store_one(store, item if isinstance(item, IngestStatus) else next(it), times)
            summary.statuses.append(status)
            if on_progress:
                on_progress(status)

    try:
        for chunk in itertools.chain(head, chunks):
            plan: list[Page | IngestStatus | None] = []
            pages: list[Page] = []
            for item in chunk:
                if isinstance(item, IngestStatus):
                    plan.append(item)
                    continue
                # Same content already stored: skip the (expensive) analysis entirely.
                doc_id = item.content_hash[:16]
                if store.has_document(doc_id):
                    plan.append(IngestStatus(item.path, "skipped", "already stored (same content)", stage="store", document_id=doc_id))
                    continue
                plan.append(None)
                pages.append(item)
            if pool is None:
                try:
                    local: Any = _work_chunk(pages, settings)
                except Exception as exc:  # noqa: BLE001 - see finish
                    local = exc
                finish(plan, local, pages)
                continue
            pending.append((plan, pool.apply_async(_work_chunk, (pages, settings)), pages))
            # A bounded window: reading never runs far ahead of analysis (flat memory).
            while len(pending) > 2 * max(workers, 2):
                finish(*pending.popleft())
        while pending:
            finish(*pending.popleft())
    finally:
        if own_pool:
            pool.terminate()
        store.close()
    return summary


def _unrecorded(status: IngestStatus, why: str) -> IngestStatus:
    """A row the database would not take: reported as failed (stderr, exit code), saying what it was."""
    was = "" if status.status == "failed" else f"{status.status}: "
    return replace(status, status="failed", reason=f"{was}{status.reason} [status row not recorded: {why}]")


class _Store:
    """The writer's connection, and the one guard every input's row goes through.

    A page whose write fails (disk full, read-only file, an error inside the transaction) gets
    its `failed` row through a fresh connection, never the one that just failed; when even a
    fresh connection cannot write, the row goes to stderr (via `on_progress`) and the exit code,
    and `reason` says it was not recorded.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.path = db_path
        self.db: Any = store_stage.open_db(db_path)

    def has_document(self, doc_id: str) -> bool:
        try:
            return self.db is not None and store_stage.has_document(self.db, doc_id)
        except Exception:  # noqa: BLE001 - a broken connection: let the page go on to its store step
            return False

    def _reopen(self) -> Any:
        try:
            if self.db is not None:
                self.db.close()
        except Exception:  # noqa: BLE001 - closing a broken connection may fail too
            pass
        self.db = None
        try:
            self.db = store_stage.open_db(self.path)
        except Exception:  # noqa: BLE001 - the database itself is broken: rows go to stderr
            self.db = None
        return self.db

    def _record(self, status: IngestStatus) -> IngestStatus:
        """Write a status row; on failure retry once on a fresh connection; else say so."""
        for attempt in range(2):
            db = self.db if attempt == 0 and self.db is not None else self._reopen()
            if db is None:
                break
            try:
                with store_stage.immediate(db):
                    store_stage.record_status(db, status)
                return status
            except Exception as exc:  # noqa: BLE001
                error = exc
        else:
            return _unrecorded(status, f"{type(error).__name__}: {error}")
        return _unrecorded(status, "database cannot be opened for writing")

    def store(self, item: Document | IngestStatus) -> IngestStatus:
        if isinstance(item, IngestStatus):
            return self._record(item)
        failure: IngestStatus
        if self.db is not None:
            try:
                return store_stage.store_document(self.db, item)
            except Exception as exc:  # noqa: BLE001 - the batch goes on; the row says why
                failure = IngestStatus(item.page.path, "failed", f"{type(exc).__name__}: {exc}", stage="store")
            # The transaction was rolled back; the connection may be broken: rows go to a fresh one.
            self._reopen()
        else:
            failure = IngestStatus(item.page.path, "failed", "database cannot be opened for writing", stage="store")
        status = self._record(failure)
        return status

    def close(self) -> None:
        try:
            if self.db is not None:
                self.db.close()
        except Exception:  # noqa: BLE001
            pass


def _store_one(store: _Store, item: Document | IngestStatus, times: StageTimes) -> IngestStatus:
    t0 = time.perf_counter()
    try:
        return store.store(item)
    finally:
        times["store"] = times.get("store", 0.0) + time.perf_counter() - t0


def ingest(
    inputs: list[str],
    db_path: str | Path = "parley.db",
    settings: Settings | None = None,
    on_progress: Callable[[IngestStatus], None] | None = None,
    *,
    workers: int = 1,
    allow_private: bool = False,
) -> IngestSummary:
    """Read, analyse and store every input (files, folders, globs, WARC, feeds, URLs). The library entry point."""
    settings = settings or Settings.from_env()
    return ingest_pages(iter_pages(inputs, settings, allow_private=allow_private), db_path, on_progress=on_progress,
                        workers=workers, settings=settings)
