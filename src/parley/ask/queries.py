"""ask: the questions analysts put to the store, as plain functions (the CLI and web call these).

Every query is parameterised; nothing from a filter is ever pasted into SQL text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import QueryError
from ..events.lexicon import PLOVER_TYPES, gdelt_columns
from ..store.db import open_db
from .filters import EventFilter, check_country, check_date, check_type, first_day, last_day  # noqa: F401

# The checks live with the one event filter; re-exported here for existing callers.
_first_day, _last_day = first_day, last_day


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
        # CAMEO code and Goldstein score of the coding trigger (an appeal, 02, is not a demand, 10)
        cameo = gdelt_columns(row["type"], row.get("coder") or "")
        out.update({"quad_class": info.quad_class, "plover_score": info.score, "cameo_code": cameo["cameo_code"],
                    "cameo_root": cameo["cameo_root"], "goldstein": cameo["goldstein"]})
    return out


def events(
    db_path: str | Path = "parley.db",
    *,
    mentions: bool = False,
    limit: int | None = None,
    offset: int = 0,
    where: EventFilter | None = None,
    **filters: Any,
) -> list[dict[str, Any]]:
    """Canonical events (or raw mentions) matching the filters, oldest first.

    Filters are those of `EventFilter` (country, source, target, dyad, actor, type, mode,
    context, quad_class, historical, confidence, since, until, text, include_all); pass them as
    keywords or give a built `EventFilter` as `where`."""
    flt = where if where is not None else EventFilter.of(**filters)
    table = "mentions" if mentions else "events"
    clause, params = flt.where(table)
    sql = f"select * from {table}{clause} order by date_first is null, date_first, id"
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


def count_events(db_path: str | Path = "parley.db", *, where: EventFilter | None = None, mentions: bool = False, **filters: Any) -> int:
    """How many events (or mentions) the filter selects: the number every view reports."""
    flt = where if where is not None else EventFilter.of(**filters)
    table = "mentions" if mentions else "events"
    clause, params = flt.where(table)
    db = open_db(db_path, readonly=True)
    try:
        return int(next(iter(db.query(f"select count(*) as n from {table}{clause}", params)))["n"])
    finally:
        db.close()


def _documents(db: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    ph = ",".join("?" * len(ids))
    return {d["id"]: d for d in db.query(f"select id, path, url, title, published, news_date from documents where id in ({ph})", sorted(ids))}


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


# How an actor was resolved when it is not an actor at all: a place standing for its country
# ("Honolulu", "Karachi") or the bare state ("China", "the US"; it has its country page).
_NOT_ACTORS = ("host-country", "country-term", "metonymy:capital")


def actors(db_path: str | Path = "parley.db", *, country: str | None = None) -> list[dict[str, Any]]:
    """People and institutions seen in the asserted events, one row per person (however the
    pages named them), with their roles over time, how often they appear and when (each date at
    its own precision). Places and bare states are not actors; they have country pages."""
    code = check_country(country, "country")
    db = open_db(db_path, readonly=True)
    try:
        sql = f"""
        select * from (
          select source_name as name, source_text as text, source_country as country, source_sector as sector,
                 source_role as role, source_office as office, source_person_id as person_id, source_resolution as resolution,
                 date, date_first, date_last, id from events where modality = 'asserted'
          union all
          select target_name, target_text, target_country, target_sector, target_role, target_office, target_person_id,
                 target_resolution, date, date_first, date_last, id from events where modality = 'asserted'
        )
        where country is not null and coalesce(resolution, '') not in ({",".join("?" * len(_NOT_ACTORS))})
        {"and country = ?" if code else ""}
        order by date_first is null, date_first, date_last
        """
        found = list(db.query(sql, [*_NOT_ACTORS, *([code] if code else [])]))
    finally:
        db.close()
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for r in found:
        label = r["name"] or r["text"]
        key = (r["person_id"] or label.lower(), r["country"])
        p = people.setdefault(key, {"actor": label, "person_id": r["person_id"], "country": r["country"], "sector": r["sector"],
                                    "roles": [], "mentions": 0, "events": set(), "first_seen": None, "last_seen": None, "_last": ""})
        if r["name"] and not p["person_id"]:
            p["actor"] = r["name"]
        p["mentions"] += 1
        p["events"].add(r["id"])
        if r["date"]:
            p["first_seen"] = p["first_seen"] or r["date"]
            if (r["date_last"] or "") >= p["_last"]:
                p["last_seen"], p["_last"] = r["date"], r["date_last"] or ""
        if r["role"] or r["office"]:
            roles = p["roles"]
            if roles and (roles[-1]["role"], roles[-1]["office"]) == (r["role"], r["office"]):
                roles[-1]["until"] = r["date"] or roles[-1]["until"]
            else:
                roles.append({"role": r["role"], "office": r["office"], "since": r["date"], "until": r["date"]})
    out = []
    for p in people.values():
        p.pop("_last")
        p["events"] = len(p["events"])
        p["role"] = "; ".join(f"{x['role'] or x['office']} ({x['since']}..{x['until']})" if x["since"] else (x["role"] or x["office"]) for x in p["roles"])
        out.append(p)
    return sorted(out, key=lambda p: (p["actor"].lower(), p["country"]))
