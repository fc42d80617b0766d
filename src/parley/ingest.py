"""Batch ingest: read every input, analyse it, store it; one status row per input, always.

A failure in one page (any stage) becomes a `failed` row naming the stage and the reason; the
batch goes on and what was stored stays stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import StageError
from .pipeline import analyse
from .records import Document, IngestStatus, Page
from .settings import Settings
from .stages import read as read_stage
from .stages import store as store_stage


@dataclass
class IngestSummary:
    statuses: list[IngestStatus] = field(default_factory=list)

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


def analyse_page(page: Page) -> Document | IngestStatus:
    """Run extract -> time on one page; a failure becomes a status row, never an exception."""
    try:
        doc = analyse(Document(page=page))
    except StageError as exc:
        return IngestStatus(page.path, "failed", f"{type(exc.cause).__name__}: {exc.cause}", stage=exc.stage)
    assert doc.article is not None
    if not doc.article.text.strip():
        return IngestStatus(page.path, "skipped", "no main text found", stage="extract", document_id=doc.id)
    return doc


def iter_pages(inputs: list[str], settings: Settings) -> Iterator[Page | IngestStatus]:
    yield from read_stage.read_inputs(inputs, settings)


def ingest_pages(
    items: Iterable[Page | IngestStatus],
    db_path: str | Path,
    *,
    on_progress: Callable[[IngestStatus], None] | None = None,
) -> IngestSummary:
    db = store_stage.open_db(db_path)
    summary = IngestSummary()
    try:
        for item in items:
            status = _ingest_one(db, item)
            summary.statuses.append(status)
            if on_progress:
                on_progress(status)
    finally:
        db.close()
    return summary


def _ingest_one(db: object, item: Page | IngestStatus) -> IngestStatus:
    import sqlite_utils

    assert isinstance(db, sqlite_utils.Database)
    if isinstance(item, IngestStatus):
        store_stage.record_status(db, item)
        return item
    # Same content already stored: skip the (expensive) analysis entirely.
    doc_id = item.content_hash[:16]
    if store_stage.has_document(db, doc_id):
        status = IngestStatus(item.path, "skipped", "already stored (same content)", stage="store", document_id=doc_id)
        store_stage.record_status(db, status)
        return status
    result = analyse_page(item)
    if isinstance(result, IngestStatus):
        store_stage.record_status(db, result)
        return result
    try:
        return store_stage.store_document(db, result)
    except Exception as exc:  # noqa: BLE001 - the batch goes on; the row says why
        status = IngestStatus(item.path, "failed", f"{type(exc).__name__}: {exc}", stage="store")
        store_stage.record_status(db, status)
        return status


def ingest(inputs: list[str], db_path: str | Path = "parley.db", settings: Settings | None = None, on_progress: Callable[[IngestStatus], None] | None = None) -> IngestSummary:
    """Read, analyse and store every input (files, folders, globs). The library entry point."""
    settings = settings or Settings()
    return ingest_pages(iter_pages(inputs, settings), db_path, on_progress=on_progress)
