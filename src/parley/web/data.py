"""Queries behind the web pages and the JSON API, over one read-only SQLite connection.

Every function takes a `sqlite3.Connection` (Datasette's read connection in the server, a plain
read-only connection in exports) and returns plain dicts whose field names are those of
`parley events --format json` (`ask.event_json`). Every filter is validated by the same checks the
CLI uses and bound as a parameter; sort keys come from a fixed table, never from the request.
"""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import urlencode, urlsplit

from ..ask.filters import EventFilter, check_country, check_date, check_type, parse_dyad  # noqa: F401
from ..ask.queries import event_json
from ..errors import QueryError
from ..events.lexicon import PLOVER_TYPES

# Sort key -> SQL order clause. Undated events always go last, whatever the direction.
SORTS: dict[str, str] = {
    "date": "date_first is null, date_first, id",
    "-date": "date_first is null, date_first desc, id",
    "type": "type, date_first, id",
    "-type": "type desc, date_first, id",
    "confidence": "confidence, id",
    "-confidence": "confidence desc, id",
    "mentions": "mentions, date_first, id",
    "-mentions": "mentions desc, date_first, id",
}
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50


def rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Rows as dicts, whatever row factory the connection has."""
    cur = conn.execute(sql, list(params))
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web address; None for javascript:, data:, file: and the like."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _int(value: str | None, what: str, default: int, lo: int, hi: int) -> int:
    if value in (None, ""):
        return default
    try:
        n = int(str(value))
    except ValueError:
        raise QueryError(f"{what}: '{value}' is not a whole number") from None
    if not lo <= n <= hi:
        raise QueryError(f"{what}: {n} is outside {lo}..{hi}")
    return n


def page_number(value: str | None) -> int:
    """A 1-based page number from a query argument (the events page's bounds)."""
    return _int(value, "page", 1, 1, 1_000_000)


def page_links(total: int, page: int, size: int, url: Callable[[int], str]) -> tuple[int, str | None, str | None]:
    """(last page, previous page's URL or None, next page's URL or None) for `total` rows shown
    `size` a page; `url(n)` gives page n's URL."""
    last_page = max(1, -(-total // size))
    return last_page, (url(page - 1) if page > 1 else None), (url(page + 1) if page < last_page else None)


@dataclass(frozen=True)
class EventQuery:
    """An events page request: the one event filter (`parley.ask.filters`) plus sort and paging.
    `params()`/`url()` give it back as query-string parameters."""

    filter: EventFilter = field(default_factory=EventFilter)
    sort: str = "-date"
    page: int = 1
    size: int = DEFAULT_PAGE_SIZE

    PAGING = ("sort", "page", "size", "format")

    @classmethod
    def of(cls, *, sort: str = "-date", page: int = 1, size: int = DEFAULT_PAGE_SIZE, **filters: Any) -> "EventQuery":
        return cls(EventFilter.of(**filters), sort, page, size)

    @classmethod
    def parse(cls, args: Mapping[str, str]) -> "EventQuery":
        sort = (args.get("sort") or "-date").strip()
        if sort not in SORTS:
            raise QueryError(f"sort: '{sort}' is not one of {', '.join(SORTS)}")
        return cls(
            filter=EventFilter.from_params(args, allowed_extra=cls.PAGING),
            sort=sort,
            page=page_number(args.get("page")),
            size=_int(args.get("size"), "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
        )

    def __getattr__(self, name: str) -> Any:
        # q.type, q.text, q.dyad ...: the filter's fields, read through (templates use them)
        if name != "filter" and name in EventFilter.names():
            return getattr(self.filter, name)
        raise AttributeError(name)

    def params(self, **override: Any) -> dict[str, str]:
        values: dict[str, Any] = {
            **self.filter.params(),
            "sort": self.sort if self.sort != "-date" else None,
            "page": str(self.page) if self.page != 1 else None,
            "size": str(self.size) if self.size != DEFAULT_PAGE_SIZE else None,
        }
        values.update(override)
        return {k: str(v) for k, v in values.items() if v not in (None, "")}

    def url(self, base: str, **override: Any) -> str:
        p = self.params(**override)
        return base + ("?" + urlencode(p) if p else "")

    def where(self) -> tuple[str, list[Any]]:
        return self.filter.where()


def _docs(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    ph = ",".join("?" * len(ids))
    return {d["id"]: d for d in rows(conn, f"select id, path, url, title, published, news_date from documents where id in ({ph})", sorted(ids))}


def list_events(conn: sqlite3.Connection, q: EventQuery) -> tuple[list[dict[str, Any]], int]:
    """One page of canonical events matching `q`, and the total count."""
    where, params = q.where()
    total = rows(conn, f"select count(*) as n from events{where}", params)[0]["n"]
    found = rows(conn, f"select * from events{where} order by {SORTS[q.sort]} limit ? offset ?", params + [q.size, (q.page - 1) * q.size])
    docs = _docs(conn, {r["document_id"] for r in found})
    return [event_json(r, docs.get(r["document_id"])) for r in found], int(total)


def facets(conn: sqlite3.Connection, q: EventQuery, limit: int = 12) -> dict[str, list[dict[str, Any]]]:
    """Counts of the filtered events by type, by country (either side) and by month, each with
    the URL that narrows the list to it. Months count only events dated to a day or a month (a
    year-only date belongs to no month)."""
    where, params = q.where()
    out: dict[str, list[dict[str, Any]]] = {}
    by_type = rows(conn, f"select type as value, count(*) as n from events{where} group by type order by n desc, type", params)
    out["type"] = [{**r, "url": q.url("/events", type=r["value"], page=None)} for r in by_type]  # all 16 at most
    by_country = rows(conn, f"""
        select value, count(*) as n from (
          select id, source_country as value from events{where}
          union
          select id, target_country from events{where}
        ) where value is not null group by value order by n desc, value limit ?""", params + params + [limit])
    here = q.filter.country

    def narrow(value: str) -> str:
        # within one country's events, another country narrows to the pair
        if here and value != here:
            return q.url("/events", country=None, dyad=f"{here}-{value}", page=None)
        return q.url("/events", country=value, page=None)

    out["country"] = [{**r, "url": narrow(r["value"])} for r in by_country]
    by_month = rows(conn, f"""
        select substr(date_first, 1, 7) as value, count(*) as n from events{where}
        {"and" if where else "where"} date_precision in ('day', 'month') group by value order by value desc limit ?""", params + [limit])
    out["month"] = [{**r, "url": q.url("/events", since=r["value"], until=r["value"], page=None)} for r in by_month]
    return out


def csv_rows(conn: sqlite3.Connection, q: EventQuery, limit: int = 100_000) -> tuple[list[str], list[list[str]]]:
    """The whole filtered list (not one page) as the flat export's columns and CSV cells."""
    from ..ask.export import FLAT_COLUMNS, _csv_cell, flat_row

    where, params = q.where()
    found = rows(conn, f"select * from events{where} order by {SORTS[q.sort]} limit ?", params + [limit])
    docs = _docs(conn, {r["document_id"] for r in found})
    out = []
    for r in found:
        flat = flat_row(event_json(r, docs.get(r["document_id"])), r)
        out.append([_csv_cell(c, flat[c]) for c in FLAT_COLUMNS])
    return list(FLAT_COLUMNS), out


def mention_json(row: dict[str, Any], doc: dict[str, Any] | None) -> dict[str, Any]:
    out = event_json(row, doc)
    out["sentence"] = row.get("sentence")
    out["trigger"] = row.get("trigger")
    out["date_text"] = row.get("date_text")
    out["date_source"] = row.get("date_source")
    try:
        out["quotes"] = json.loads(row.get("quotes") or "[]")
    except ValueError:
        out["quotes"] = []
    return out


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """The canonical event and all its mentions (each with its document)."""
    found = rows(conn, "select * from events where id = ?", [event_id])
    if not found:
        return None
    ev = found[0]
    mentions = rows(conn, "select * from mentions where event_id = ? order by document_id, sentence, id", [event_id])
    docs = _docs(conn, {ev["document_id"]} | {m["document_id"] for m in mentions})
    return {"event": event_json(ev, docs.get(ev["document_id"])), "mentions": [mention_json(m, docs.get(m["document_id"])) for m in mentions]}


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Cut `text` into (piece, mark) pairs; `mark` names the span a piece lies in, else None.

    Spans outside the text or overlapping an earlier span are clipped, so offsets from an older
    extractor version can never raise or duplicate text.
    """
    out: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, mark in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], mark))
        pos = end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def event_documents(conn: sqlite3.Connection, detail: dict[str, Any]) -> list[dict[str, Any]]:
    """Each page behind an event with its cleaned text cut into plain and highlighted pieces."""
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for m in detail["mentions"]:
        ev = m["evidence"]
        if ev["start"] is not None and ev["end"] is not None:
            by_doc.setdefault(m["document"]["id"], []).append((int(ev["start"]), int(ev["end"]), m["id"]))
    out = []
    for doc_id, spans in by_doc.items():
        found = rows(conn, "select id, path, url, title, published, news_date, method, text from documents where id = ?", [doc_id])
        if not found:
            continue
        d = found[0]
        out.append({**{k: v for k, v in d.items() if k != "text"}, "safe_url": safe_url(d["url"]), "segments": segments(d["text"] or "", spans)})
    return out


_MONTHLY = ("day", "month")


def _month(iso: str) -> str:
    return iso[:7]


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def dyad_chart(conn: sqlite3.Connection, a: str, b: str, include_all: bool = False) -> dict[str, Any]:
    """Chart data for a dyad: events per month and type (bars) and coarsely dated events (ranges).

    Events dated to a day or month are counted in their month; an event known only to a season,
    year or decade is drawn as a band over its whole range instead of being pinned to a month it
    may not belong to. Each bar and band links to exactly the events it counts.
    """
    q = EventQuery.of(dyad=(a, b), include_all=include_all, sort="date", size=MAX_PAGE_SIZE)
    where, params = q.where()
    found = rows(conn, f"select id, type, date, date_precision, date_first, date_last, source_country, target_country, evidence from events{where} order by {SORTS['date']}", params)
    counts: dict[tuple[str, str], int] = {}
    ranges: list[dict[str, Any]] = []
    undated = 0
    for r in found:
        if not r["date_first"]:
            undated += 1
        elif r["date_precision"] in _MONTHLY:
            key = (_month(r["date_first"]), r["type"])
            counts[key] = counts.get(key, 0) + 1
        else:
            ranges.append({
                "id": r["id"], "type": r["type"], "first": _month(r["date_first"]), "last": _month(r["date_last"] or r["date_first"]),
                "label": f"{r['date']} ({r['date_precision']}) {r['type']} {r['source_country']}→{r['target_country']}",
                "href": f"/event/{r['id']}",
            })
    ends = [m for (m, _t) in counts] + [x["first"] for x in ranges] + [x["last"] for x in ranges]
    months = _months(min(ends), max(ends)) if ends else []
    types = [t for t in PLOVER_TYPES if any(k[1] == t for k in counts) or any(x["type"] == t for x in ranges)]
    dyad = f"{a}-{b}"
    bars = [
        {"month": m, "type": t, "count": n, "href": q.url("/events", dyad=dyad, type=t, since=m, until=m, precision=",".join(_MONTHLY), sort="date", size=None)}
        for (m, t), n in sorted(counts.items(), key=lambda kv: (kv[0][0], list(PLOVER_TYPES).index(kv[0][1])))
    ]
    return {
        "dyad": [a, b], "months": months, "types": types,
        "quad_class": {t: PLOVER_TYPES[t].quad_class for t in types},
        "bars": bars, "ranges": ranges, "undated": undated, "events": len(found),
    }


def dyads(conn: sqlite3.Connection, limit: int = 100) -> list[dict[str, Any]]:
    """Country pairs (unordered) with their asserted event counts, busiest first; `first` and
    `last` are the dates of the earliest and latest events at their own precision ("2022", never
    "2022-01-01")."""
    return rows(
        conn,
        """
        with d as (
          select min(source_country, target_country) as a, max(source_country, target_country) as b, date, date_first, date_last
          from events
          where modality = 'asserted' and source_country is not null and target_country is not null
                and source_country != target_country
        )
        select a, b, count(*) as events,
               (select x.date from d x where x.a = d.a and x.b = d.b and x.date_first is not null order by x.date_first, x.date_last limit 1) as first,
               (select x.date from d x where x.a = d.a and x.b = d.b and x.date_last is not null order by x.date_last desc, x.date_first desc limit 1) as last
        from d group by a, b order by events desc, a, b limit ?
        """,
        [limit],
    )


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts; `asserted` is the default set every view lists (`EventFilter()`), `events` all
    canonical events whatever their modality."""
    out = {}
    for table in ("documents", "mentions", "events", "ingest_status"):
        out[table] = int(rows(conn, f"select count(*) as n from {table}")[0]["n"])
    where, params = EventFilter().where()
    out["asserted"] = int(rows(conn, f"select count(*) as n from events{where}", params)[0]["n"])
    return out


def month_series(conn: sqlite3.Connection, flt: EventFilter) -> dict[str, Any]:
    """Events per month, zero-filled from the first month to the last (one precision: a
    month), with the count of events dated only coarser (a season, a year) that no month may
    claim, and of undated ones. Each month links to exactly the events it counts."""
    where, params = flt.where()
    counted = rows(conn, f"""select substr(date_first, 1, 7) as month, count(*) as n from events{where}
                             {"and" if where else "where"} date_precision in ('day', 'month') group by month order by month""", params)
    coarse = rows(conn, f"""select count(*) as n from events{where} {"and" if where else "where"}
                            date_first is not null and coalesce(date_precision, '') not in ('day', 'month')""", params)[0]["n"]
    undated = rows(conn, f"""select count(*) as n from events{where} {"and" if where else "where"} date_first is null""", params)[0]["n"]
    by_month = {r["month"]: int(r["n"]) for r in counted}
    months = _months(min(by_month), max(by_month)) if by_month else []
    base = flt.params()
    points = []
    for m in months:
        link = urlencode({**base, "since": m, "until": m, "precision": ",".join(_MONTHLY), "sort": "date"})
        points.append({"month": m, "count": by_month.get(m, 0), "href": f"/events?{link}"})
    return {"points": points, "coarse": int(coarse), "undated": int(undated), "max": max(by_month.values(), default=0)}


def country_summary(conn: sqlite3.Connection, code: str) -> dict[str, Any]:
    """Everything involving one country (either side, asserted): counts by type, partners,
    the monthly series and the latest events."""
    flt = EventFilter.of(country=code)
    where, params = flt.where()
    total = rows(conn, f"select count(*) as n from events{where}", params)[0]["n"]
    by_type = rows(conn, f"select type, count(*) as n from events{where} group by type order by n desc, type", params)
    partners = rows(conn, f"""
        select case when source_country = ? then target_country else source_country end as partner, count(*) as n
        from events{where} group by partner having partner is not null and partner != ? order by n desc, partner limit 20""",
        [code] + params + [code])
    q = EventQuery(flt, sort="-date", size=20)
    latest, _n = list_events(conn, q)
    for t in by_type:
        t["url"] = EventQuery(flt).url("/events", type=t["type"])
        t["quad_class"] = PLOVER_TYPES[t["type"]].quad_class if t["type"] in PLOVER_TYPES else None
    return {"code": code, "total": int(total), "by_type": by_type, "partners": partners, "series": month_series(conn, flt),
            "latest": latest, "events_url": EventQuery(flt).url("/events"), "csv_url": EventQuery(flt).url("/events.csv")}


def countries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every country in the asserted events with its count (either side)."""
    where, params = EventFilter().where()
    return rows(conn, f"""
        select value as code, count(*) as n from (
          select id, source_country as value from events{where} union select id, target_country from events{where}
        ) where value is not null group by value order by n desc, value""", params + params)


def codebook() -> dict[str, Any]:
    """What every code and column means: PLOVER types with their scores and CAMEO roots, the
    modes and contexts the coder can set, the export columns, and the date and modality rules."""
    from ..ask.export import FLAT_COLUMNS, GDELT_COLUMNS
    from ..ask.filters import param_names
    from ..events.lexicon import CAMEO_ROOT_GOLDSTEIN, TRIGGERS

    modes: dict[str, set[str]] = {}
    contexts: dict[str, set[str]] = {}
    for t in TRIGGERS:
        if t.mode:
            modes.setdefault(t.type, set()).add(t.mode)
        if t.context:
            contexts.setdefault(t.type, set()).add(t.context)
    types = [
        {"type": name, "quad_class": info.quad_class, "score": info.score, "cameo_root": info.cameo_root, "goldstein": info.goldstein,
         "symmetric": info.symmetric, "modes": sorted(modes.get(name, ())), "contexts": sorted(contexts.get(name, ()))}
        for name, info in PLOVER_TYPES.items()
    ]
    return {"types": types, "flat_columns": list(FLAT_COLUMNS), "gdelt_columns": list(GDELT_COLUMNS),
            "goldstein": sorted(CAMEO_ROOT_GOLDSTEIN.items()), "filters": param_names()}


@lru_cache(maxsize=1)
def world_shapes() -> dict[str, Any]:
    """The shipped country outlines (static/world.json, Natural Earth 1:110m, public domain)."""
    path = Path(__file__).resolve().parent / "static" / "world.json"
    return json.loads(path.read_text(encoding="utf-8"))


def world_map(conn: sqlite3.Connection) -> dict[str, Any]:
    """Countries shaded by their number of asserted events (either side), each linking to its
    country page; the places named as events' locations, with their counts."""
    counts = {r["code"]: int(r["n"]) for r in countries(conn)}
    shapes = world_shapes()
    top = max(counts.values(), default=0)

    def shade(n: int) -> int:
        # five classes on a square-root scale: a few busy countries do not wash out the rest
        return 0 if n == 0 else min(5, 1 + int(4 * (n / top) ** 0.5)) if top else 0

    drawn = [{"code": code, "path": path, "n": counts.get(code, 0), "shade": shade(counts.get(code, 0))}
             for code, path in shapes["countries"].items()]
    missing = sorted(((c, n) for c, n in counts.items() if c not in shapes["countries"]), key=lambda x: -x[1])
    where, params = EventFilter().where()
    places = rows(conn, f"""select location as place, location_country as country, count(*) as n from events{where}
                            {"and" if where else "where"} location is not null group by location, location_country
                            order by n desc, place limit 30""", params)
    return {"viewBox": shapes["viewBox"], "source": shapes["source"], "countries": drawn, "max": top,
            "not_drawn": [{"code": c, "n": n} for c, n in missing], "places": places}
