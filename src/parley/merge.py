"""merge: one canonical event from many mentions (across pages), incrementally and deterministically.

A mention joins an existing canonical event when all of these hold:
- same PLOVER type and same modality;
- the same dyad (either direction for the symmetric types CONSULT, AGREE, COOPERATE);
- compatible dates: the two date ranges overlap ("2022" contains 2022-11-22; a day may be off by
  one for time zones); an undated mention joins only when exactly one candidate fits;
- compatible actors: where both sides name a person, the names agree.
The canonical event takes the most precise date among its mentions, the most specific actors
(a named person over a bare state) and the most confident mention's evidence. Mentions are
processed in a fixed order, and canonical ids derive from the first mention, so re-running on the
same input gives the same events.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from .lexicon import PLOVER_TYPES

_PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "quarter": 2, "half": 3, "year": 4, "decade": 5, None: 9}
_ACTOR_COLS = ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool | None:
    """True/False when both are dated; None when either is undated."""
    af, al, bf, bl = _d(a["date_first"]), _d(a["date_last"]), _d(b["date_first"]), _d(b["date_last"])
    if not (af and al and bf and bl):
        return None
    slack = timedelta(days=1)
    return af - slack <= bl and bf - slack <= al


def _names_compatible(x: str | None, y: str | None) -> bool:
    return not x or not y or x.lower() == y.lower()


def same_dyad(m: dict[str, Any], e: dict[str, Any]) -> tuple[bool, bool]:
    """(matches, reversed)"""
    direct = m["source_country"] == e["source_country"] and m["target_country"] == e["target_country"]
    if direct and _names_compatible(m["source_name"], e["source_name"]) and _names_compatible(m["target_name"], e["target_name"]):
        return True, False
    if PLOVER_TYPES[m["type"]].symmetric:
        rev = m["source_country"] == e["target_country"] and m["target_country"] == e["source_country"]
        if rev and _names_compatible(m["source_name"], e["target_name"]) and _names_compatible(m["target_name"], e["source_name"]):
            return True, True
    return False, False


def _candidates(db: sqlite_utils.Database, m: dict[str, Any]) -> list[dict[str, Any]]:
    pair = [m["source_country"], m["target_country"]]
    return list(
        db.query(
            "select * from events where type = ? and modality = ? and "
            "((source_country is ? and target_country is ?) or (source_country is ? and target_country is ?)) order by id",
            [m["type"], m["modality"], pair[0], pair[1], pair[1], pair[0]],
        )
    )


def _better_actor(current: dict[str, Any], new: dict[str, Any], side_cur: str, side_new: str) -> bool:
    cur_score = (current[f"{side_cur}_name"] is not None, current[f"{side_cur}_role"] is not None)
    new_score = (new[f"{side_new}_name"] is not None, new[f"{side_new}_role"] is not None)
    return new_score > cur_score


def _event_from_mention(m: dict[str, Any]) -> dict[str, Any]:
    info = PLOVER_TYPES[m["type"]]
    row = {
        "id": "e" + hashlib.sha256(m["id"].encode()).hexdigest()[:15],
        "type": m["type"], "mode": m["mode"], "context": m["context"], "modality": m["modality"],
        "date": m["date"], "date_precision": m["date_precision"], "date_first": m["date_first"],
        "date_last": m["date_last"], "historical": m["historical"],
        "location": m["location"], "location_country": m["location_country"], "evidence": m["evidence"],
        "document_id": m["document_id"], "evidence_start": m["evidence_start"], "evidence_end": m["evidence_end"],
        "coder": m["coder"], "confidence": m["confidence"], "mentions": 1, "sources": 1,
        "quad_class": info.quad_class, "plover_score": info.score, "cameo_root": info.cameo_root, "goldstein": info.goldstein,
    }
    for side in ("source", "target"):
        for c in _ACTOR_COLS:
            row[f"{side}_{c}"] = m[f"{side}_{c}"]
    return row


def merge_mentions(db: sqlite_utils.Database, mention_ids: list[str]) -> None:
    if not mention_ids:
        return
    placeholders = ",".join("?" * len(mention_ids))
    mentions = list(db.query(f"select * from mentions where id in ({placeholders}) order by document_id, sentence, id", mention_ids))
    for m in mentions:
        if m["source_country"] is None and m["target_country"] is None:
            continue
        fits = []
        undated = []
        for e in _candidates(db, m):
            ok, rev = same_dyad(m, e)
            if not ok:
                continue
            comp = dates_compatible(m, e)
            if comp is True:
                fits.append((e, rev))
            elif comp is None:
                undated.append((e, rev))
        chosen = fits[0] if len(fits) >= 1 else (undated[0] if len(undated) == 1 else None)
        if chosen is None:
            db["events"].insert(_event_from_mention(m))
            db.execute("update mentions set event_id = ? where id = ?", ["e" + hashlib.sha256(m["id"].encode()).hexdigest()[:15], m["id"]])
            continue
        e, rev = chosen
        _absorb(db, e, m, rev)


def _absorb(db: sqlite_utils.Database, e: dict[str, Any], m: dict[str, Any], rev: bool) -> None:
    update: dict[str, Any] = {}
    if _PRECISION_RANK.get(m["date_precision"], 9) < _PRECISION_RANK.get(e["date_precision"], 9):
        for c in ("date", "date_precision", "date_first", "date_last"):
            update[c] = m[c]
    for side_e, side_m in (("source", "target" if rev else "source"), ("target", "source" if rev else "target")):
        if _better_actor(e, m, side_e, side_m):
            for c in _ACTOR_COLS:
                update[f"{side_e}_{c}"] = m[f"{side_m}_{c}"]
    if (m["confidence"] or 0) > (e["confidence"] or 0):
        for c in ("evidence", "document_id", "evidence_start", "evidence_end", "coder", "confidence"):
            update[c] = m[c]
    if not e["mode"] and m["mode"]:
        update["mode"] = m["mode"]
    if not e["location"] and m["location"]:
        update["location"] = m["location"]
        update["location_country"] = m["location_country"]
    # Historical only if every mention says so: a page reporting it as news makes it current news.
    update["historical"] = int(bool(e["historical"]) and bool(m["historical"]))
    db.execute("update mentions set event_id = ? where id = ?", [e["id"], m["id"]])
    counts = list(db.query("select count(*) as n, count(distinct document_id) as s from mentions where event_id = ?", [e["id"]]))[0]
    update["mentions"] = counts["n"]
    update["sources"] = counts["s"]
    db["events"].update(e["id"], update)
