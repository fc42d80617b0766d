"""merge: one canonical event from many mentions (across pages), incrementally and deterministically.

Every stored mention (one event as one page reports it, with its page and evidence span) belongs
to exactly one canonical event (`mentions.event_id`). A mention joins an existing canonical event
when all of these hold (hard constraints):
- same PLOVER type and same modality;
- the same dyad (either direction for the symmetric types CONSULT, AGREE, COOPERATE);
- compatible dates: the date ranges overlap ("2022" contains 2022-11-22). Only two day-precise
  dates get a day of slack (time zones); "December 2023" and "January 2024" never overlap. An
  undated mention joins only an undated canonical event, and a dated one only a dated event: a
  meeting on a page with no usable date may be any meeting of that dyad, and joining it to a
  dated one would cite that page as evidence for a day it never named;
- compatible actors, side by side: where both name a person, the names (or person ids) agree;
  where either side lacks a name but both give an office, the offices agree (a defense minister's
  meeting is not a military chief's);
- compatible modes: a call (phone, video) is not an in-person meeting or visit.

Among the candidates that pass, each gets a similarity score (`_score`):
  2 per side whose named person agrees (identity, 0-2 sides)
  + 3 x evidence similarity (Jaccard of the content words of the two evidence sentences)
  + 1 when both give the same location, + 0.5 when both give the same mode
  + 0.5 when both are day-precise and on the same day.
A candidate is accepted (`_accepts`) when both sides are identified by name (identity 2), or
the evidence is similar (>= SIMILAR_EVIDENCE), or the location agrees (both given), or - only for
a mention from another page, dated, and agreeing on at least one named side - the dates agree.
Two mentions of one page merge only on identity 2 or similar evidence: the page's own extractor
already told its events apart, so bare dyads in one page ("talks in January ... a meeting earlier
this month") stay separate. An undated mention joins only when exactly one candidate is accepted.
The best-scoring accepted candidate wins; ties go to the older canonical event.

The canonical event takes the most precise date among its mentions (ties: the earliest), the most
specific actors (a named person over a bare state), the most confident mention's evidence, and
counts its `mentions` and distinct `sources` (pages). It is historical only if every mention
reports it as background. So no canonical event holds both dated and undated mentions.

Determinism: mentions are merged in a fixed order within a page (sentence order) and canonical ids
derive from the first mention, so the same pages in the same order give the same events.
`rebuild(db)` re-merges every stored mention in an order that does not depend on ingestion order
(most precise date first, then date, page, sentence), so any order of the same pages gives the
same events after a rebuild.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from ..events.lexicon import PLOVER_TYPES, gdelt_columns
from ..time.precision import PRECISION_SPAN_RANK, UNKNOWN_SPAN_RANK

_ACTOR_COLS = ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")
SIMILAR_EVIDENCE = 0.3  # Jaccard of content words at or above which two evidence sentences match
SAME_PAGE_SIMILAR = 0.5  # stricter for two mentions of one page
_REMOTE_MODES = {"phone", "video", "call", "letter"}
_IN_PERSON_MODES = {"in-person", "visit", "summit"}
_STOP = frozenset(
    """the a an and or of to in on at for with by from as that this these those was were is are be been
    has have had he she it its his her their they them we our us you your not no but also said says
    would will could should may might can than then after before during about over into while which
    who whom whose what when where why how all any both each other more most some such only own same
    so very just there here out up down off again further once mr mrs ms dr""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both undated, or both dated with overlapping ranges; never one dated and one undated."""
    af, al, bf, bl = _d(a["date_first"]), _d(a["date_last"]), _d(b["date_first"]), _d(b["date_last"])
    a_dated, b_dated = bool(af and al), bool(bf and bl)
    if not (a_dated and b_dated):
        return a_dated == b_dated
    assert af and al and bf and bl
    both_days = a["date_precision"] == "day" and b["date_precision"] == "day"
    slack = timedelta(days=1 if both_days else 0)
    return af - slack <= bl and bf - slack <= al


def _same(x: str | None, y: str | None) -> bool | None:
    """None when either is missing, else whether they agree (case-insensitive)."""
    if not x or not y:
        return None
    return x.strip().lower() == y.strip().lower()


def side_identity(m: dict[str, Any], e: dict[str, Any], side_m: str, side_e: str) -> bool | None:
    """Do two actors name the same person? None when either is unnamed."""
    pid = _same(m[f"{side_m}_person_id"], e[f"{side_e}_person_id"])
    if pid is not None:
        return pid
    return _same(m[f"{side_m}_name"], e[f"{side_e}_name"])


def side_compatible(m: dict[str, Any], e: dict[str, Any], side_m: str, side_e: str) -> bool:
    ident = side_identity(m, e, side_m, side_e)
    if ident is not None:
        return ident
    return _same(m[f"{side_m}_office"], e[f"{side_e}_office"]) is not False


def same_dyad(m: dict[str, Any], e: dict[str, Any]) -> tuple[bool, bool]:
    """(matches, reversed): same countries and compatible actors, either way for symmetric types."""
    direct = m["source_country"] == e["source_country"] and m["target_country"] == e["target_country"]
    if direct and side_compatible(m, e, "source", "source") and side_compatible(m, e, "target", "target"):
        return True, False
    if PLOVER_TYPES[m["type"]].symmetric:
        rev = m["source_country"] == e["target_country"] and m["target_country"] == e["source_country"]
        if rev and side_compatible(m, e, "source", "target") and side_compatible(m, e, "target", "source"):
            return True, True
    return False, False


def _mode_group(mode: str | None) -> str | None:
    if not mode:
        return None
    low = mode.lower()
    if low in _REMOTE_MODES:
        return "remote"
    if low in _IN_PERSON_MODES:
        return "in-person"
    return None


def modes_conflict(a: str | None, b: str | None) -> bool:
    ga, gb = _mode_group(a), _mode_group(b)
    return ga is not None and gb is not None and ga != gb


def content_words(text: str | None) -> frozenset[str]:
    return frozenset(w.lower().strip("'-") for w in _WORD.findall(text or "") if w.lower() not in _STOP and len(w) > 2)


def evidence_similarity(a: str | None, b: str | None) -> float:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _identity(m: dict[str, Any], e: dict[str, Any], rev: bool) -> int:
    pairs = (("source", "target"), ("target", "source")) if rev else (("source", "source"), ("target", "target"))
    return sum(1 for sm, se in pairs if side_identity(m, e, sm, se))


def _place(v: str | None) -> str | None:
    return v.split(",")[0].strip().lower() if v else None


def _score(m: dict[str, Any], e: dict[str, Any], rev: bool, sim: float) -> float:
    score = 2.0 * _identity(m, e, rev) + 3.0 * sim
    if _same(_place(m["location"]), _place(e["location"])):
        score += 1.0
    if _same(m["mode"], e["mode"]):
        score += 0.5
    if m["date_precision"] == e["date_precision"] == "day" and m["date_first"] == e["date_first"]:
        score += 0.5
    return score


def _accepts(m: dict[str, Any], e: dict[str, Any], rev: bool, sim: float, same_page: bool, dated: bool) -> bool:
    identity = _identity(m, e, rev)
    if identity == 2 or sim >= (SAME_PAGE_SIMILAR if same_page else SIMILAR_EVIDENCE):
        return True
    if same_page:
        return False
    if _same(_place(m["location"]), _place(e["location"])):
        return True
    return dated and identity >= 1


def _has_page(db: sqlite_utils.Database, event_id: str, document_id: str) -> bool:
    """Does this canonical event already hold a mention from this page? One index lookup
    (mentions(event_id, document_id)), however many mentions the event has gathered."""
    return db.execute("select 1 from mentions where event_id = ? and document_id = ? limit 1", [event_id, document_id]).fetchone() is not None


def _candidates(db: sqlite_utils.Database, m: dict[str, Any]) -> list[dict[str, Any]]:
    pair = [m["source_country"], m["target_country"]]
    return list(
        db.query(
            "select * from events where type = ? and modality = ? and "
            "((source_country is ? and target_country is ?) or (source_country is ? and target_country is ?)) order by rowid",
            [m["type"], m["modality"], pair[0], pair[1], pair[1], pair[0]],
        )
    )


def _better_actor(current: dict[str, Any], new: dict[str, Any], side_cur: str, side_new: str) -> bool:
    cur_score = (current[f"{side_cur}_name"] is not None, current[f"{side_cur}_role"] is not None, current[f"{side_cur}_office"] is not None)
    new_score = (new[f"{side_new}_name"] is not None, new[f"{side_new}_role"] is not None, new[f"{side_new}_office"] is not None)
    return new_score > cur_score


def canonical_id(mention_id: str) -> str:
    return "e" + hashlib.sha256(mention_id.encode()).hexdigest()[:15]


def _event_from_mention(m: dict[str, Any]) -> dict[str, Any]:
    info = PLOVER_TYPES[m["type"]]
    row = {
        "id": canonical_id(m["id"]),
        "type": m["type"], "mode": m["mode"], "context": m["context"], "modality": m["modality"],
        "date": m["date"], "date_precision": m["date_precision"], "date_first": m["date_first"],
        "date_last": m["date_last"], "date_year_from": m.get("date_year_from"), "historical": m["historical"],
        "location": m["location"], "location_country": m["location_country"], "evidence": m["evidence"],
        "document_id": m["document_id"], "evidence_start": m["evidence_start"], "evidence_end": m["evidence_end"],
        "coder": m["coder"], "confidence": m["confidence"], "mentions": 1, "sources": 1,
        "quad_class": info.quad_class, "plover_score": info.score, **_cameo(m["type"], m["coder"]),
    }
    for side in ("source", "target"):
        for c in _ACTOR_COLS:
            row[f"{side}_{c}"] = m[f"{side}_{c}"]
    return row


def choose_event(db: sqlite_utils.Database, m: dict[str, Any]) -> tuple[dict[str, Any], bool] | None:
    """The canonical event this mention belongs to, with whether its dyad is reversed; or None."""
    accepted: list[tuple[float, int, dict[str, Any], bool]] = []
    dated = m["date_first"] is not None
    for order, e in enumerate(_candidates(db, m)):
        ok, rev = same_dyad(m, e)
        if not ok or not dates_compatible(m, e) or modes_conflict(m["mode"], e["mode"]):
            continue
        sim = evidence_similarity(m["evidence"], e["evidence"])
        same_page = _has_page(db, e["id"], m["document_id"])
        both_dated = dated and e["date_first"] is not None
        if _accepts(m, e, rev, sim, same_page, both_dated):
            accepted.append((_score(m, e, rev, sim), order, e, rev))
    if not accepted or (not dated and len(accepted) > 1):
        return None
    best = min(accepted, key=lambda x: (-x[0], x[1]))
    return best[2], best[3]


def merge_mentions(db: sqlite_utils.Database, mention_ids: list[str]) -> None:
    """Attach each of these stored mentions to a canonical event (joining or creating one)."""
    if not mention_ids:
        return
    placeholders = ",".join("?" * len(mention_ids))
    mentions = list(db.query(f"select * from mentions where id in ({placeholders}) order by document_id, sentence, id", mention_ids))
    for m in mentions:
        _merge_one(db, m)


def _merge_one(db: sqlite_utils.Database, m: dict[str, Any]) -> None:
    chosen = None if m["source_country"] is None and m["target_country"] is None else choose_event(db, m)
    if chosen is None:
        db.table("events").insert(_event_from_mention(m))
        db.execute("update mentions set event_id = ? where id = ?", [canonical_id(m["id"]), m["id"]])
        return
    e, rev = chosen
    _absorb(db, e, m, rev)


def _absorb(db: sqlite_utils.Database, e: dict[str, Any], m: dict[str, Any], rev: bool) -> None:
    update: dict[str, Any] = {}
    m_rank = PRECISION_SPAN_RANK.get(m["date_precision"], UNKNOWN_SPAN_RANK)
    e_rank = PRECISION_SPAN_RANK.get(e["date_precision"], UNKNOWN_SPAN_RANK)
    if m_rank < e_rank or (m_rank == e_rank and m["date_first"] and e["date_first"] and m["date_first"] < e["date_first"]):
        for c in ("date", "date_precision", "date_first", "date_last", "date_year_from"):
            update[c] = m.get(c)
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
    # Counts kept incrementally: recounting every mention of the event on each merge made an
    # event with n mentions cost O(n) per new mention (10,000 feed items slowed 3.5x).
    new_page = not _has_page(db, e["id"], m["document_id"])
    db.execute("update mentions set event_id = ? where id = ?", [e["id"], m["id"]])
    update["mentions"] = (e["mentions"] or 0) + 1
    update["sources"] = (e["sources"] or 0) + (1 if new_page else 0)
    db.table("events").update(e["id"], update)


def rebuild(db: sqlite_utils.Database) -> int:
    """Re-merge every stored mention in an ingestion-order-independent order; returns the number
    of canonical events. One transaction."""
    with db.atomic():
        db.execute("delete from events")
        db.execute("update mentions set event_id = null")
        order = (
            "select * from mentions order by "
            "case date_precision when 'day' then 0 when 'month' then 1 when 'season' then 2 when 'quarter' then 2 "
            "when 'half' then 3 when 'year' then 4 when 'decade' then 5 else 9 end, "
            "date_first is null, date_first, date_last, document_id, sentence, id"
        )
        for m in list(db.query(order)):
            _merge_one(db, m)
    return int(next(iter(db.query("select count(*) as n from events")))["n"])


def event_mentions(db: sqlite_utils.Database, event_id: str) -> list[dict[str, Any]]:
    """Every mention of a canonical event, with its page (path, url, title, dates) and span."""
    return list(
        db.query(
            "select m.id, m.document_id, d.path, d.url, d.title, d.published, d.news_date, m.sentence, m.date, "
            "m.date_precision, m.date_text, m.historical, m.evidence, m.evidence_start, m.evidence_end, m.trigger "
            "from mentions m left join documents d on d.id = m.document_id where m.event_id = ? "
            "order by d.news_date, m.document_id, m.sentence, m.id",
            [event_id],
        )
    )


def _cameo(event_type: str, coder: str | None) -> dict[str, object]:
    """The CAMEO root and Goldstein score of the coding trigger (an appeal is not a demand)."""
    cols = gdelt_columns(event_type, coder or "")
    return {"cameo_root": cols["cameo_root"], "goldstein": cols["goldstein"]}
