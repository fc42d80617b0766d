"""ask: the questions analysts put to the store, as plain functions (the CLI and web call these).

Every query is parameterised; nothing from a filter is ever pasted into SQL text.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import QueryError
from ..events.lexicon import PLOVER_TYPES
from ..store.db import open_db

_CODE = re.compile(r"^[A-Z]{3}$")


def check_country(code: str | None, what: str) -> str | None:
    if code is None:
        return None
    code = code.strip().upper()
    if not _CODE.match(code):
        raise QueryError(f"{what}: '{code}' is not a three-letter country code (ISO 3166 alpha-3, or IGO/UNO/EUR/NGO)")
    return code


def check_type(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().upper()
    if v not in PLOVER_TYPES:
        raise QueryError(f"type: '{value}' is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    return v


def check_date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    v = value.strip()
    for fmt_len in (10, 7, 4):
        if len(v) == fmt_len:
            try:
                if fmt_len == 10:
                    date.fromisoformat(v)
                elif fmt_len == 7:
                    date.fromisoformat(v + "-01")
                else:
                    int(v)
                return v
            except ValueError:
                break
    raise QueryError(f"{what}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _actor(row: dict[str, Any], side: str) -> dict[str, Any]:
    return {k: row.get(f"{side}_{k}") for k in ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")}


def event_json(row: dict[str, Any], doc: dict[str, Any] | None) -> dict[str, Any]:
    out = {
        "id": row["id"],
        "type": row["type"],
        "mode": row["mode"],
        "context": row["context"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_year_from": row.get("date_year_from"),
        "historical": bool(row["historical"]),
        "modality": row["modality"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "location": row["location"],
        "evidence": {"text": row["evidence"], "start": row["evidence_start"], "end": row["evidence_end"]},
        "document": {
            "id": row["document_id"],
            "path": doc.get("path") if doc else None,
            "url": doc.get("url") if doc else None,
            "title": doc.get("title") if doc else None,
            "published": doc.get("published") if doc else None,
        },
        "confidence": row["confidence"],
        "coder": row["coder"],
    }
    info = PLOVER_TYPES.get(row["type"])
    if "mentions" in row:
        out["mentions"] = row["mentions"]
        out["sources"] = row["sources"]
    else:
        out["event_id"] = row.get("event_id")
    if info:
        out.update({"quad_class": info.quad_class, "plover_score": info.score, "cameo_root": info.cameo_root, "goldstein": info.goldstein})
    return out


def events(
    db_path: str | Path = "parley.db",
    *,
    source: str | None = None,
    target: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_all: bool = False,
    mentions: bool = False,
    dyad: tuple[str, str] | None = None,
    text: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Canonical events (or raw mentions) matching the filters, oldest first."""
    source, target = check_country(source, "source"), check_country(target, "target")
    type = check_type(type)
    since, until = check_date(since, "since"), check_date(until, "until")
    table = "mentions" if mentions else "events"
    where, params = [], []
    if source:
        where.append("source_country = ?")
        params.append(source)
    if target:
        where.append("target_country = ?")
        params.append(target)
    if dyad:
        a, b = check_country(dyad[0], "dyad"), check_country(dyad[1], "dyad")
        where.append("((source_country = ? and target_country = ?) or (source_country = ? and target_country = ?))")
        params += [a, b, b, a]
    if type:
        where.append("type = ?")
        params.append(type)
    if since:
        where.append("date_last >= ?")
        params.append(_first_day(since))
    if until:
        where.append("date_first <= ?")
        params.append(_last_day(until))
    if text:
        where.append("evidence like ?")
        params.append("%" + text.replace("%", "").replace("_", "") + "%")
    if not include_all:
        where.append("modality = 'asserted'")
    sql = f"select * from {table}" + (" where " + " and ".join(where) if where else "")
    sql += " order by date_first is null, date_first, id"
    if limit is not None:
        sql += " limit ? offset ?"
        params += [int(limit), int(offset)]
    db = open_db(db_path, readonly=True)
    try:
        rows = list(db.query(sql, params))
        docs = _documents(db, {r["document_id"] for r in rows})
    finally:
        db.close()
    return [event_json(r, docs.get(r["document_id"])) for r in rows]


def _documents(db: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    ph = ",".join("?" * len(ids))
    return {d["id"]: d for d in db.query(f"select id, path, url, title, published, news_date from documents where id in ({ph})", sorted(ids))}


def _first_day(v: str) -> str:
    return v if len(v) == 10 else (v + "-01" if len(v) == 7 else v + "-01-01")


def _last_day(v: str) -> str:
    if len(v) == 10:
        return v
    if len(v) == 7:
        return v + "-31"
    return v + "-12-31"


def documents(db_path: str | Path = "parley.db", status: str | None = None) -> list[dict[str, Any]]:
    if status is not None and status not in ("stored", "skipped", "failed"):
        raise QueryError(f"status: '{status}' is not one of stored, skipped, failed")
    db = open_db(db_path, readonly=True)
    try:
        sql = "select s.path, s.status, s.reason, s.stage, s.document_id, s.events, d.title, d.url, d.published, d.news_date from ingest_status s left join documents d on d.id = s.document_id"
        params: list[Any] = []
        if status:
            sql += " where s.status = ?"
            params.append(status)
        return list(db.query(sql + " order by s.path", params))
    finally:
        db.close()


def actors(db_path: str | Path = "parley.db") -> list[dict[str, Any]]:
    """People and institutions seen, with their roles over time and how often they appear."""
    db = open_db(db_path, readonly=True)
    try:
        sql = """
        select coalesce(name, text) as actor, country, sector, role, office, person_id,
               count(*) as mentions, min(date_first) as first_seen, max(date_last) as last_seen
        from (
          select source_name as name, source_text as text, source_country as country, source_sector as sector,
                 source_role as role, source_office as office, source_person_id as person_id, date_first, date_last from mentions
          union all
          select target_name, target_text, target_country, target_sector, target_role, target_office, target_person_id, date_first, date_last from mentions
        )
        where country is not null
        group by coalesce(name, text), country, role
        order by actor, first_seen
        """
        return list(db.query(sql))
    finally:
        db.close()
