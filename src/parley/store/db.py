"""store: documents, event mentions, canonical events and ingest status in SQLite (sqlite-utils).

The database is the embedded default (`./parley.db`). WAL mode lets readers (`parley serve`,
`parley events`) work while an ingest writes; each page is written in one transaction together
with its merge into canonical events, so a crash never leaves half a page. Re-ingesting the same
content adds nothing: documents are keyed by the hash of their content.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import sqlite_utils

from ..errors import StoreError
from ..events.lexicon import PLOVER_TYPES
from ..records import Actor, Document, Event, IngestStatus

SCHEMA_VERSION = 1
PARLEY_TABLES = ("documents", "mentions", "events", "ingest_status", "meta")
# How long a page transaction waits for another writer (a second ingest on the same file) before
# its page is marked failed; SQLite's own busy handler waits inside each attempt.
BUSY_RETRY_SECONDS = 120.0
BUSY_TIMEOUT_MS = 5000

T = TypeVar("T")

_ACTOR_COLS = ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")


def open_db(path: str | Path, *, readonly: bool = False, wait_s: float = BUSY_RETRY_SECONDS) -> sqlite_utils.Database:
    """Open a parley database; a file that is not SQLite or holds another schema is a StoreError.

    Writers check the schema version once, here, before any page is analysed. A writer that
    finds the file busy (two ingests creating the same new file at once) tries again with a
    bounded, jittered backoff for up to `wait_s` seconds before it gives up.
    """
    path = str(path)
    try:
        if readonly:
            if not Path(path).exists():
                raise StoreError(f"{path}: no such database (run `parley ingest` first)")
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            db = sqlite_utils.Database(conn)
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            check_schema(db, path)
            return db
        return _retry_busy(lambda: _open_writer(path), wait_s=wait_s)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from exc


def _open_writer(path: str) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    try:
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        check_schema(db, path, allow_empty=True)
        # Switching a new file to WAL reads and then writes in one statement; when another
        # connection does the same, SQLite answers "locked" at once instead of calling the busy
        # handler (it would deadlock), so the caller retries the whole open.
        db.enable_wal()
        db.execute("PRAGMA synchronous=NORMAL")
        with immediate(db, wait_s=0.0):
            ensure_schema(db)
    except BaseException:
        db.conn.close()
        raise
    return db


def _retry_busy(attempt: Callable[[], T], *, wait_s: float) -> T:
    """`attempt()`, tried again while SQLite answers busy or locked, until `wait_s` has passed."""
    deadline = time.monotonic() + wait_s
    pause = 0.05
    while True:
        try:
            return attempt()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 2.0)


def check_schema(db: sqlite_utils.Database, path: str, *, allow_empty: bool = False) -> None:
    """Raise StoreError unless `db` is a parley database of this schema version (or, when
    `allow_empty`, a database with no tables yet)."""
    try:
        tables = set(db.table_names())
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
            raise  # busy is no verdict on the file: the caller waits or reports it as busy
        raise StoreError(f"{path}: not a SQLite database ({exc})") from exc
    if not tables and allow_empty:
        return
    if "meta" not in tables or "documents" not in tables:
        raise StoreError(f"{path}: not a parley database (tables: {', '.join(sorted(tables)) or 'none'})")
    found = [r[0] for r in db.execute("select value from meta where key = 'schema_version'").fetchall()]
    if found != [str(SCHEMA_VERSION)]:
        raise StoreError(f"{path}: parley schema version {found[0] if found else 'missing'}, this parley needs {SCHEMA_VERSION}")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


@contextlib.contextmanager
def immediate(db: sqlite_utils.Database, *, wait_s: float = BUSY_RETRY_SECONDS) -> Iterator[sqlite_utils.Database]:
    """One write transaction that takes the write lock first (`BEGIN IMMEDIATE`).

    A deferred BEGIN that reads before it writes cannot wait for another writer (SQLite answers
    "database is locked" at once to avoid a deadlock); taking the lock first can, so a second
    ingest on the same file waits its turn. Busy answers are retried with a bounded, jittered
    backoff; only after `wait_s` is the error raised.
    """
    deadline = time.monotonic() + wait_s
    pause = 0.05
    while True:
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 2.0)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise


def storable(text: str | None) -> str | None:
    """Text SQLite can store: a file name with undecodable bytes (held by Python as surrogate
    escapes) keeps those bytes visible as \\xNN instead of failing the insert."""
    if text is None:
        return None
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


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
        # Added after schema 1 shipped: makes "is this page already in this event?" one lookup.
        db["mentions"].create_index(["event_id", "document_id"], if_not_exists=True)
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
        ("events", ["type"]), ("events", ["date_first"]), ("ingest_status", ["status"]), ("mentions", ["event_id", "document_id"]),
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
        "path": storable(doc.page.path),
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
    path = storable(status.path)
    if status.status == "skipped" and status.stage == "store" and status.document_id:
        prior = list(db.query("select status, document_id from ingest_status where path = ?", [path]))
        if prior and prior[0]["status"] == "stored" and prior[0]["document_id"] == status.document_id:
            return
    db["ingest_status"].insert(
        {
            "path": path, "status": status.status, "reason": storable(status.reason), "stage": status.stage,
            "document_id": status.document_id, "events": status.events,
            "updated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        },
        replace=True,
    )


def store_document(db: sqlite_utils.Database, doc: Document) -> IngestStatus:
    """Write one analysed page, merge its mentions, and record its status: one transaction, which
    takes the write lock before its first read (see `immediate`)."""
    from .merge import merge_mentions

    with immediate(db):
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
