"""store: documents, event mentions, canonical events and ingest status in SQLite (sqlite-utils).

The database is the embedded default (`./parley.db`). WAL mode lets readers (`parley serve`,
`parley events`) work while an ingest writes; each page is written in one transaction together
with its merge into canonical events, so a crash never leaves half a page. Re-ingesting the same
content adds nothing: documents are keyed by the hash of their content.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import sqlite_utils

from ..errors import StoreError
from ..events.lexicon import PLOVER_TYPES
from ..records import Actor, Document, Event, IngestStatus

SCHEMA_VERSION = 1

_ACTOR_COLS = ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")


def open_db(path: str | Path, *, readonly: bool = False) -> sqlite_utils.Database:
    path = str(path)
    try:
        if readonly:
            if not Path(path).exists():
                raise StoreError(f"{path}: no such database (run `parley ingest` first)")
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            db = sqlite_utils.Database(conn)
        else:
            db = sqlite_utils.Database(path)
            db.enable_wal()
            db.execute("PRAGMA synchronous=NORMAL")
            with db.atomic():
                ensure_schema(db)
        db.execute("PRAGMA busy_timeout=10000")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from exc
    return db


# Columns added after schema 1, filled in on older databases as they are opened for writing.
_ADDED_COLUMNS = (
    ("documents", "published_candidates", str),
    ("documents", "year_hint", int),
    ("documents", "year_hint_source", str),
    ("mentions", "date_year_from", str),
    ("events", "date_year_from", str),
)


def ensure_schema(db: sqlite_utils.Database) -> None:
    if "documents" in db.table_names():
        for table, column, kind in _ADDED_COLUMNS:
            if column not in db[table].columns_dict:
                db[table].add_column(column, kind)
        return
    db["documents"].create(
        {
            "id": str, "path": str, "url": str, "title": str, "published": str, "published_source": str,
            "published_candidates": str, "year_hint": int, "year_hint_source": str, "news_date": str, "news_date_source": str, "method": str, "text": str, "paragraphs": str,
            "sentences": int, "ingested_at": str,
        },
        pk="id",
    )
    actor_cols = {f"{side}_{c}": str for side in ("source", "target") for c in _ACTOR_COLS}
    db["mentions"].create(
        {
            "id": str, "document_id": str, "event_id": str, "sentence": int, "type": str, "mode": str,
            "context": str, "modality": str, "date": str, "date_precision": str, "date_first": str,
            "date_last": str, "date_source": str, "date_text": str, "date_year_from": str, "historical": int,
            **actor_cols,
            "location": str, "location_country": str, "evidence": str, "evidence_start": int,
            "evidence_end": int, "trigger": str, "coder": str, "confidence": float, "quotes": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["events"].create(
        {
            "id": str, "type": str, "mode": str, "context": str, "modality": str, "date": str,
            "date_precision": str, "date_first": str, "date_last": str, "date_year_from": str, "historical": int,
            **actor_cols,
            "location": str, "location_country": str, "evidence": str, "document_id": str,
            "evidence_start": int, "evidence_end": int, "coder": str, "confidence": float,
            "mentions": int, "sources": int, "quad_class": int, "plover_score": float,
            "cameo_root": str, "goldstein": float,
        },
        pk="id",
    )
    db["ingest_status"].create(
        {"path": str, "status": str, "reason": str, "stage": str, "document_id": str, "events": int, "updated_at": str},
        pk="path",
    )
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["meta"].insert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, replace=True)
    for table, cols in (
        ("mentions", ["document_id"]), ("mentions", ["event_id"]), ("events", ["source_country", "target_country"]),
        ("events", ["type"]), ("events", ["date_first"]), ("ingest_status", ["status"]),
    ):
        db[table].create_index(cols, if_not_exists=True)


def _actor_row(side: str, a: Actor) -> dict[str, Any]:
    return {f"{side}_{c}": getattr(a, c) for c in _ACTOR_COLS}


def mention_id(doc_id: str, e: Event) -> str:
    key = "|".join(
        str(x) for x in (doc_id, e.sentence, e.type, e.source.country, e.source.name, e.source.text, e.target.country, e.target.name, e.target.text, e.trigger_start, e.modality)
    )
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def mention_row(doc: Document, e: Event) -> dict[str, Any]:
    d = e.date
    return {
        "id": mention_id(doc.id, e),
        "document_id": doc.id,
        "event_id": None,
        "sentence": e.sentence,
        "type": e.type,
        "mode": e.mode,
        "context": e.context,
        "modality": e.modality,
        "date": d.value if d else None,
        "date_precision": d.precision if d else None,
        "date_first": d.first.isoformat() if d else None,
        "date_last": d.last.isoformat() if d else None,
        "date_source": d.source if d else None,
        "date_text": d.text if d else None,
        "date_year_from": d.year_from if d else None,
        "historical": int(e.historical),
        **_actor_row("source", e.source),
        **_actor_row("target", e.target),
        "location": e.location,
        "location_country": e.location_country,
        "evidence": e.evidence,
        "evidence_start": e.evidence_start,
        "evidence_end": e.evidence_end,
        "trigger": e.trigger,
        "coder": e.coder,
        "confidence": e.confidence,
        "quotes": json.dumps([{"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker.name or q.speaker.text if q.speaker else None} for q in e.quotes]),
    }


def document_row(doc: Document) -> dict[str, Any]:
    art = doc.article
    assert art is not None
    return {
        "id": doc.id,
        "path": doc.page.path,
        "url": doc.page.url,
        "title": art.title,
        "published": art.published.isoformat() if art.published else None,
        "published_source": art.published_source,
        # every page-date cue, the winner first (parley.extract.pagedate), for `parley documents` and audits
        "published_candidates": json.dumps([c.as_json() for c in art.date_candidates]),
        "year_hint": art.year_hint,
        "year_hint_source": art.year_hint_source,
        "news_date": doc.news_date.value if doc.news_date else None,
        "news_date_source": doc.news_date.source if doc.news_date else None,
        "method": art.method,
        "text": art.text,
        "paragraphs": json.dumps([[p.start, p.end, p.kind] for p in art.paragraphs]),
        "sentences": len(doc.sentences),
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def has_document(db: sqlite_utils.Database, doc_id: str) -> bool:
    return bool(list(db.query("select 1 from documents where id = ?", [doc_id])))


def record_status(db: sqlite_utils.Database, status: IngestStatus) -> None:
    """Insert or replace the status row of `status.path`.

    Re-running a batch (after a crash, say) finds its own earlier pages "already stored"; the row
    of a path already stored with that very document keeps saying `stored`, so a re-run yields
    the same rows as one clean run.
    """
    if status.status == "skipped" and status.stage == "store" and status.document_id:
        prior = list(db.query("select status, document_id from ingest_status where path = ?", [status.path]))
        if prior and prior[0]["status"] == "stored" and prior[0]["document_id"] == status.document_id:
            return
    db["ingest_status"].insert(
        {
            "path": status.path, "status": status.status, "reason": status.reason, "stage": status.stage,
            "document_id": status.document_id, "events": status.events,
            "updated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        },
        replace=True,
    )


def store_document(db: sqlite_utils.Database, doc: Document) -> IngestStatus:
    """Write one analysed page, merge its mentions, and record its status: one transaction."""
    from .merge import merge_mentions

    with db.atomic():
        if has_document(db, doc.id):
            status = IngestStatus(doc.page.path, "skipped", "already stored (same content)", stage="store", document_id=doc.id)
            record_status(db, status)
            return status
        db["documents"].insert(document_row(doc))
        rows = [mention_row(doc, e) for e in doc.events]
        # Two identical mentions in one page collapse to one row.
        unique = list({r["id"]: r for r in rows}.values())
        if unique:
            db["mentions"].insert_all(unique)
        merge_mentions(db, [r["id"] for r in unique])
        asserted = sum(1 for e in doc.events if e.modality == "asserted")
        status = IngestStatus(doc.page.path, "stored", f"{asserted} events ({len(doc.events)} with non-asserted)", stage="store", document_id=doc.id, events=asserted)
        record_status(db, status)
    return status


def type_columns(event_type: str) -> dict[str, Any]:
    info = PLOVER_TYPES[event_type]
    return {"quad_class": info.quad_class, "plover_score": info.score, "cameo_root": info.cameo_root, "goldstein": info.goldstein}


def rows(db: sqlite_utils.Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    return list(db.query(sql, list(params)))
