"""parley's web interface: a Datasette plugin adding analyst pages and a JSON API.

Why Datasette: the audience already uses it; it gives read-only SQLite access with per-query time
limits, a table browser with facets, CSV/JSON for every raw table, and an escaped-by-default Jinja
environment. parley adds what Datasette cannot express as a table view: the dyad page (timeline
chart, trend, last contact), an event with its evidence highlighted inside each page's cleaned
text, and a JSON API with the stable field names of `parley events --format json`. Raw tables stay
at /parley/<table> for anyone who wants Datasette's own views and SQL.

Routes: see `ROUTES` at the bottom and docs/api.md (OpenAPI at /api/openapi.json).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import importlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.app import Datasette
from datasette.database import Database
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import NotFound, Request, Response
from markupsafe import Markup

from ..errors import ParleyError, QueryError, StoreError
from ..events.lexicon import PLOVER_TYPES
from . import data

HERE = Path(__file__).resolve().parent
DB_NAME = "parley"
PLUGIN_NAME = "parley-web"
LEVELS = ("any", "leader", "minister", "military", "official")
QUERY_TIME_LIMIT_MS = 2000
# Rows per page of the actors directory.
ACTORS_PAGE_SIZE = 200


def _inline_script_hashes() -> list[str]:
    """CSP hashes of Datasette's own inline scripts, so a strict policy does not break its menu."""
    import datasette

    out = []
    tpl = Path(datasette.__file__).parent / "templates" / "_close_open_menus.html"
    if tpl.exists():
        for body in re.findall(r"<script>(.*?)</script>", tpl.read_text(encoding="utf-8"), re.S):
            out.append("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'")
    return out


# Page text is data: no inline script of ours, no third-party origin, no framing.
CSP = (
    "default-src 'none'; script-src 'self' " + " ".join(_inline_script_hashes()) + "; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
# Size limits on every SQLite connection the server opens (Datasette's included): one raw query
# like length(hex(randomblob(400000000))) is a single VM step the time limit cannot interrupt, so
# the size of any string or blob is capped instead ("string or blob too big").
SQLITE_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: 10_000_000,  # largest string/blob in bytes (a stored page is ~100 kB)
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,  # longest SQL text
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 1_000,  # LIKE/GLOB patterns (backtracking cost)
}
# Host header values always served: this machine. `parley serve --allow-host NAME` adds more.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})


def questions() -> Any | None:
    """The dyad question functions (last_contact, timeline, trend), or None before they exist."""
    try:
        return importlib.import_module("parley.ask.questions")
    except ModuleNotFoundError as exc:
        if exc.name == "parley.ask.questions":
            return None
        raise


def _db_path(datasette: Datasette) -> str:
    return str(datasette.get_database(DB_NAME).path)


async def _run(datasette: Datasette, fn: Callable[[sqlite3.Connection], Any]) -> Any:
    """Run a data function on Datasette's read connection, within the query time limit."""

    def bounded(conn: sqlite3.Connection) -> Any:
        with sqlite_timelimit(conn, QUERY_TIME_LIMIT_MS):
            try:
                return fn(conn)
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    raise QueryError(f"query took longer than {QUERY_TIME_LIMIT_MS} ms; narrow the filters") from exc
                raise StoreError(f"{_db_path(datasette)}: {exc}") from exc

    return await datasette.get_database(DB_NAME).execute_fn(bounded)


def json_error(message: str, status: int) -> Response:
    """The one JSON error shape (the same keys as Datasette's own JSON errors)."""
    titles = {400: "Bad request", 404: "Not found", 500: "Server error", 501: "Not implemented"}
    return Response.json({"ok": False, "error": message, "status": status, "title": titles.get(status)}, status=status, headers=dict(SECURITY_HEADERS))


def _json(body: dict[str, Any]) -> Response:
    return Response.json({"ok": True, **body}, headers=dict(SECURITY_HEADERS), default=str)


def api(fn: Callable[[Request, Datasette], Awaitable[Response]]) -> Callable[[Request, Datasette], Awaitable[Response]]:
    """Turn parley errors into the JSON error shape."""

    async def view(request: Request, datasette: Datasette) -> Response:
        try:
            return await fn(request, datasette)
        except QueryError as exc:
            return json_error(str(exc), 400)
        except NotFound as exc:
            return json_error(str(exc), 404)
        except ParleyError as exc:
            return json_error(str(exc), 500)

    view.__name__ = fn.__name__
    return view


def _args(request: Request) -> dict[str, str]:
    return {k: request.args.get(k) or "" for k in request.args.keys()}


async def render(datasette: Datasette, request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    html = await datasette.render_template(template, {**context, "nav_types": list(PLOVER_TYPES)}, request=request)
    return Response.html(html, status=status, headers=dict(SECURITY_HEADERS))


def _script_json(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no '<', '>' or '&' survive."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


# ---------------------------------------------------------------------------------------------
# HTML pages


async def home(request: Request, datasette: Datasette) -> Response:
    n = await _run(datasette, data.counts)
    pairs = await _run(datasette, lambda c: data.dyads(c, 50))
    return await render(datasette, request, "parley_home.html", {"counts": n, "dyads": pairs})


async def events_page(request: Request, datasette: Datasette) -> Response:
    args = _args(request)
    try:
        q = data.EventQuery.parse(args)
    except QueryError as exc:
        return await render(datasette, request, "parley_events.html", {"error": str(exc), "args": args, "events": [], "total": 0, "q": data.EventQuery(), "sorts": list(data.SORTS)}, 400)
    found, total = await _run(datasette, lambda c: data.list_events(c, q))
    facets = await _run(datasette, lambda c: data.facets(c, q))
    # the first page's URL carries no page number
    last_page, prev_url, next_url = data.page_links(total, q.page, q.size, lambda n: q.url("/events", page=n if n > 1 else None))
    return await render(datasette, request, "parley_events.html", {
        "args": args, "q": q, "events": found, "total": total, "last_page": last_page, "sorts": list(data.SORTS),
        "facets": facets, "csv_url": q.url("/events.csv", page=None, size=None),
        "prev_url": prev_url, "next_url": next_url,
        "sort_url": {s: q.url("/events", sort=s if s != "-date" else None, page=None) for s in data.SORTS},
        "json_url": q.url("/api/events"),
    })


async def events_csv(request: Request, datasette: Datasette) -> Response:
    """The filtered list as CSV (every row, the flat export's columns), for a spreadsheet."""
    try:
        q = data.EventQuery.parse(_args(request))
    except QueryError as exc:
        return json_error(str(exc), 400)
    cols, found = await _run(datasette, lambda c: data.csv_rows(c, q))
    body = ",".join(cols) + "\n" + "".join(",".join(r) + "\n" for r in found)
    headers = {**SECURITY_HEADERS, "Content-Disposition": 'attachment; filename="parley-events.csv"'}
    return Response(body, status=200, headers=headers, content_type="text/csv; charset=utf-8")


async def event_page(request: Request, datasette: Datasette) -> Response:
    event_id = request.url_vars["id"]
    detail = await _run(datasette, lambda c: data.get_event(c, event_id))
    if detail is None:
        raise NotFound(f"no event with id {event_id!r}")
    docs = await _run(datasette, lambda c: data.event_documents(c, detail))
    ev = detail["event"]
    a, b = ev["source"]["country"], ev["target"]["country"]
    return await render(datasette, request, "parley_event.html", {
        "e": ev, "mentions": detail["mentions"], "documents": docs,
        "dyad_url": f"/dyad/{a}/{b}" if a and b and a != b else None,
    })


def _trend_series(trend_rows: list[dict[str, Any]], dyad: tuple[str, str] | None = None) -> dict[str, Any] | None:
    """The trend's monthly points on a true time axis: each point knows its month slot (months
    since the first) and links to the events it averages; periods coarser than a month ("2022")
    are kept apart in `coarse`, never drawn between two months."""
    if not trend_rows:
        return None
    first = trend_rows[0]
    period = next((k for k in ("period", "month", "quarter", "year") if k in first), None)
    value = next((k for k in ("index", "trend", "score", "plover_index", "cooperation_conflict") if k in first), None)
    if not period or not value:
        return None
    monthly = [r for r in trend_rows if re.fullmatch(r"\d{4}-\d{2}", str(r[period])) and isinstance(r.get(value), (int, float))]
    coarse = [{"period": str(r[period]), "value": r[value], "events": r.get("events")} for r in trend_rows
              if r not in monthly and isinstance(r.get(value), (int, float))]
    if not monthly:
        return {"period_key": period, "value_key": value, "points": [], "coarse": coarse, "slots": 0} if coarse else None

    def index(label: str) -> int:
        return int(label[:4]) * 12 + int(label[5:7]) - 1

    start = index(str(monthly[0][period]))
    points = []
    for r in monthly:
        label = str(r[period])
        href = None
        if dyad:
            href = "/events?" + urlencode({"dyad": f"{dyad[0]}-{dyad[1]}", "since": label, "until": label, "sort": "date"})
        points.append({"period": label, "value": r[value], "slot": index(label) - start, "events": r.get("events"), "href": href})
    return {"period_key": period, "value_key": value, "points": points, "coarse": coarse, "slots": points[-1]["slot"] + 1}


async def _dyad_answers(datasette: Datasette, a: str, b: str, before: str | None, level: str, type_: str | None) -> dict[str, Any]:
    mod = questions()
    if mod is None:
        return {"available": False}
    db = _db_path(datasette)
    out: dict[str, Any] = {"available": True}
    out["last_contact"] = await asyncio.to_thread(mod.last_contact, db, a, b, before=before, level=level, type=type_)
    out["trend"] = await asyncio.to_thread(mod.trend, db, a, b, by="month") if hasattr(mod, "trend") else []
    return out


def _contact_type(request: Request) -> str:
    """What counts as contact: PLOVER type(s), comma-separated, or 'any'; meetings and talks by default."""
    value = (request.args.get("type") or "CONSULT").strip().upper()
    if value == "ANY":
        return "any"
    return ",".join(t for t in (data.check_type(x) for x in value.split(",")) if t)


def _check_level(level: str | None) -> str:
    level = (level or "any").strip().lower()
    if level not in LEVELS:
        raise QueryError(f"level: '{level}' is not one of {', '.join(LEVELS)}")
    return level


async def dyad_page(request: Request, datasette: Datasette) -> Response:
    try:
        pair = data.parse_dyad(f"{request.url_vars['a']}-{request.url_vars['b']}")
        assert pair
        a, b = pair
        before = data.check_date(request.args.get("before") or None, "before")
        level = _check_level(request.args.get("level"))
        type_ = _contact_type(request)
    except QueryError as exc:
        return await render(datasette, request, "parley_error.html", {"error": str(exc)}, 400)
    chart = await _run(datasette, lambda c: data.dyad_chart(c, a, b))
    listed, _n = await _run(datasette, lambda c: data.list_events(c, data.EventQuery.of(dyad=(a, b), sort="-date", size=100)))
    answers = await _dyad_answers(datasette, a, b, before, level, type_)
    trend_rows = answers.get("trend") or []
    chart["trend"] = _trend_series(trend_rows, (a, b))
    lc = answers.get("last_contact")
    return await render(datasette, request, "parley_dyad.html", {
        "a": a, "b": b, "chart": chart, "chart_json": _script_json(chart), "events": listed,
        "answers": answers, "last_contact": lc, "trend_rows": trend_rows,
        "trend_cols": list(trend_rows[0].keys()) if trend_rows else [],
        "before": before or "", "level": level, "type": type_, "levels": LEVELS,
        "events_url": "/events?" + urlencode({"dyad": f"{a}-{b}"}),
        "reverse_url": f"/dyad/{b}/{a}",
    })


async def country_page(request: Request, datasette: Datasette) -> Response:
    try:
        code = data.check_country(request.url_vars["code"], "country")
        assert code
    except QueryError as exc:
        return await render(datasette, request, "parley_error.html", {"error": str(exc)}, 400)
    summary = await _run(datasette, lambda c: data.country_summary(c, code))
    return await render(datasette, request, "parley_country.html", {"c": summary, "events": summary["latest"]})


async def countries_page(request: Request, datasette: Datasette) -> Response:
    found = await _run(datasette, data.countries)
    return await render(datasette, request, "parley_countries.html", {"countries": found})


async def map_page(request: Request, datasette: Datasette) -> Response:
    return await render(datasette, request, "parley_map.html", {"m": await _run(datasette, data.world_map)})


async def codebook_page(request: Request, datasette: Datasette) -> Response:
    return await render(datasette, request, "parley_codebook.html", {"book": data.codebook()})


async def actors_page(request: Request, datasette: Datasette) -> Response:
    from ..ask.queries import actors

    country = (request.args.get("country") or "").strip().upper()
    try:
        page = data.page_number(request.args.get("page"))
        found = await asyncio.to_thread(actors, _db_path(datasette), country=country or None)
    except QueryError as exc:
        return await render(datasette, request, "parley_error.html", {"error": str(exc)}, 400)
    # one page of ACTORS_PAGE_SIZE rows: a large database names thousands of actors
    shown = found[(page - 1) * ACTORS_PAGE_SIZE : page * ACTORS_PAGE_SIZE]
    last_page, prev_url, next_url = data.page_links(
        len(found), page, ACTORS_PAGE_SIZE, lambda n: "/actors?" + urlencode({k: v for k, v in (("country", country), ("page", str(n))) if v}))
    return await render(datasette, request, "parley_actors.html", {
        "actors": shown, "country": country, "total": len(found), "page": page, "last_page": last_page,
        "prev_url": prev_url, "next_url": next_url})


async def status_page(request: Request, datasette: Datasette) -> Response:
    from ..ask.queries import documents

    status = request.args.get("status") or None
    try:
        found = await asyncio.to_thread(documents, _db_path(datasette), status)
    except QueryError as exc:
        return await render(datasette, request, "parley_error.html", {"error": str(exc)}, 400)
    for r in found:
        r["safe_url"] = data.safe_url(r.get("url"))
    totals: dict[str, int] = {}
    for r in found:
        totals[r["status"]] = totals.get(r["status"], 0) + 1
    return await render(datasette, request, "parley_status.html", {"rows": found, "status": status or "", "totals": totals})


# ---------------------------------------------------------------------------------------------
# JSON API


@api
async def api_events(request: Request, datasette: Datasette) -> Response:
    q = data.EventQuery.parse(_args(request))
    found, total = await _run(datasette, lambda c: data.list_events(c, q))
    more = q.page * q.size < total
    return _json({"events": found, "total": total, "page": q.page, "size": q.size, "next_url": q.url("/api/events", page=q.page + 1) if more else None})


@api
async def api_event(request: Request, datasette: Datasette) -> Response:
    event_id = request.url_vars["id"]
    detail = await _run(datasette, lambda c: data.get_event(c, event_id))
    if detail is None:
        return json_error(f"no event with id {event_id!r}", 404)
    return _json(detail)


def _dyad_args(request: Request) -> tuple[str, str]:
    a = data.check_country(request.args.get("a") or None, "a")
    b = data.check_country(request.args.get("b") or None, "b")
    if not a or not b:
        raise QueryError("a and b: both countries of the dyad are required, e.g. ?a=USA&b=CHN")
    return a, b


def _need_questions() -> Any:
    mod = questions()
    if mod is None:
        raise _NotImplemented("the dyad questions (parley.ask.questions) are not installed in this build")
    return mod


class _NotImplemented(ParleyError):
    pass


def _api_questions(fn: Callable[[Request, Datasette], Awaitable[Response]]) -> Callable[[Request, Datasette], Awaitable[Response]]:
    async def view(request: Request, datasette: Datasette) -> Response:
        try:
            return await fn(request, datasette)
        except _NotImplemented as exc:
            return json_error(str(exc), 501)

    view.__name__ = fn.__name__
    return api(view)


@_api_questions
async def api_last_contact(request: Request, datasette: Datasette) -> Response:
    known_params(request, ("a", "b", "before", "level", "type"))
    a, b = _dyad_args(request)
    before = data.check_date(request.args.get("before") or None, "before")
    level = _check_level(request.args.get("level"))
    type_ = _contact_type(request)
    mod = _need_questions()
    result = await asyncio.to_thread(mod.last_contact, _db_path(datasette), a, b, before=before, level=level, type=type_)
    return _json({"a": a, "b": b, "before": before, "level": level, "type": type_, "result": result})


def _by(request: Request) -> str:
    by = (request.args.get("by") or "month").strip().lower()
    if by not in ("month", "quarter", "year"):
        raise QueryError(f"by: '{by}' is not one of month, quarter, year")
    return by


def known_params(request: Request, allowed: tuple[str, ...]) -> None:
    """An unknown query parameter is a 400 (a typo must not silently widen the answer)."""
    unknown = sorted(k for k in request.args.keys() if k not in allowed and not k.startswith("_"))
    if unknown:
        raise QueryError(f"{unknown[0]}: unknown parameter (this endpoint takes: {', '.join(allowed)})")


async def _dyad_series(request: Request, datasette: Datasette, question: str) -> Response:
    """A per-period question about a dyad (timeline or trend), as JSON rows."""
    known_params(request, ("a", "b", "by", "since", "until", "type"))
    a, b = _dyad_args(request)
    by = _by(request)
    since = data.check_date(request.args.get("since") or None, "since")
    until = data.check_date(request.args.get("until") or None, "until")
    type_ = request.args.get("type") or None
    fn = getattr(_need_questions(), question)
    result = await asyncio.to_thread(fn, _db_path(datasette), a, b, by=by, since=since, until=until, type=type_)
    return _json({"a": a, "b": b, "by": by, "since": since, "until": until, "type": type_, "rows": result})


@_api_questions
async def api_timeline(request: Request, datasette: Datasette) -> Response:
    return await _dyad_series(request, datasette, "timeline")


@_api_questions
async def api_trend(request: Request, datasette: Datasette) -> Response:
    return await _dyad_series(request, datasette, "trend")


@api
async def api_chart(request: Request, datasette: Datasette) -> Response:
    known_params(request, ("a", "b"))
    a, b = _dyad_args(request)
    return _json({"chart": await _run(datasette, lambda c: data.dyad_chart(c, a, b))})


@api
async def api_dyads(request: Request, datasette: Datasette) -> Response:
    return _json({"dyads": await _run(datasette, lambda c: data.dyads(c, 500))})


async def api_openapi(request: Request, datasette: Datasette) -> Response:
    spec = json.loads((HERE / "static" / "openapi.json").read_text(encoding="utf-8"))
    return Response.json(spec, headers=dict(SECURITY_HEADERS))


async def api_not_found(request: Request, datasette: Datasette) -> Response:
    return json_error(f"no API endpoint at {request.path}", 404)


ROUTES: list[tuple[str, Callable[..., Any]]] = [
    (r"^/$", home),
    (r"^/events$", events_page),
    (r"^/events\.csv$", events_csv),
    (r"^/event/(?P<id>[A-Za-z0-9_-]{1,64})$", event_page),
    (r"^/dyad/(?P<a>[A-Za-z]{3})/(?P<b>[A-Za-z]{3})$", dyad_page),
    (r"^/actors$", actors_page),
    (r"^/country/(?P<code>[A-Za-z]{3})$", country_page),
    (r"^/countries$", countries_page),
    (r"^/codebook$", codebook_page),
    (r"^/map$", map_page),
    (r"^/status$", status_page),
    (r"^/api/events$", api_events),
    (r"^/api/events/(?P<id>[A-Za-z0-9_-]{1,64})$", api_event),
    (r"^/api/last-contact$", api_last_contact),
    (r"^/api/timeline$", api_timeline),
    (r"^/api/trend$", api_trend),
    (r"^/api/chart$", api_chart),
    (r"^/api/dyads$", api_dyads),
    (r"^/api/openapi\.json$", api_openapi),
    (r"^/api(/.*)?$", api_not_found),
]


# ---------------------------------------------------------------------------------------------
# The plugin: hooks apply only to a Datasette built by `make_datasette` (marked with `_parley`).


class _Hooks:
    @staticmethod
    @hookimpl
    def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Datasette) -> None:
        if getattr(datasette, "_parley", False):
            limit_connection(conn)

    @staticmethod
    @hookimpl
    def register_routes(datasette: Datasette) -> list[tuple[str, Callable[..., Any]]]:
        return ROUTES if getattr(datasette, "_parley", False) else []

    @staticmethod
    @hookimpl
    def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Datasette) -> Any:
        # In Datasette's raw mentions table, event ids link to parley's event page (the events
        # table's own id column is its primary key, which Datasette links to the row itself).
        if not getattr(datasette, "_parley", False) or database != DB_NAME or not isinstance(value, str):
            return None
        if table == "mentions" and column == "event_id":
            if re.fullmatch(r"[A-Za-z0-9_-]{1,64}", value):
                return Markup('<a href="/event/{0}">{0}</a>').format(value)
        return None


    @staticmethod
    @hookimpl
    def handle_exception(datasette: Datasette, request: Request, exception: Exception) -> Any:
        # A 4xx (no such page, no such event) is an answer, not a fault: parley's page or JSON
        # error, without the traceback Datasette prints for every exception.
        # (Datasette's own handler, which prints every exception with its locals, is unhooked
        # for parley's server in _register_plugin; a real fault still gets its traceback here.)
        import traceback

        from datasette.utils.asgi import Base400
        from datasette.views.base import DatasetteError

        if isinstance(exception, (Base400, DatasetteError)):
            status = int(getattr(exception, "status", 400))
            message = str(getattr(exception, "message", None) or (exception.args[0] if exception.args else "bad request"))
        else:
            traceback.print_exception(exception)
            status, message = 500, f"server error: {type(exception).__name__}"

        async def inner() -> Response:
            if request.path.startswith("/api/") or request.path.endswith(".json") or not getattr(datasette, "_parley", False):
                return json_error(message, status)  # (another Datasette in this process has no parley templates)
            return await render(datasette, request, "parley_error.html", {"error": message}, status)

        return inner


def _register_plugin() -> None:
    from datasette.plugins import pm

    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(_Hooks, name=PLUGIN_NAME)
    default = pm.get_plugin("datasette.handle_exception")
    if default is not None:
        pm.unregister(default)


METADATA: dict[str, Any] = {
    "title": "parley",
    "description": "News pages to PLOVER events, with the sentence that says so. Analyst pages: / · raw tables below.",
    "databases": {
        DB_NAME: {
            "tables": {
                "events": {"description": "Canonical events (one per real-world event; see /event/<id> for its mentions), every modality: parley's pages, CLI and exports count only modality = 'asserted' unless asked for all."},
                "mentions": {"description": "Every event mention, with its page and character span, every modality (negated, planned, hypothetical and questions too)."},
                "documents": {"description": "Stored pages: cleaned text, title, dates."},
                "ingest_status": {"description": "One row per input: stored, skipped or failed, with the reason."},
            }
        }
    },
}


class ParleyDatasette(Datasette):
    # Marks the instances the parley hooks apply to; a class attribute because Datasette builds
    # its router (and so asks for routes) inside __init__.
    _parley = True


def make_datasette(db_path: str | Path) -> Datasette:
    """A Datasette over one parley database, read-only, with parley's pages and API."""
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{db_path}: no such database (run `parley ingest PATH --db {db_path}` first)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db_path}: not a SQLite database: {exc}") from exc
    if "events" not in tables or "documents" not in tables:
        raise StoreError(f"{db_path}: not a parley database (no events/documents tables)")
    _register_plugin()
    ds = ParleyDatasette(
        files=[],
        template_dir=str(HERE / "templates"),
        static_mounts=[("parley-static", str(HERE / "static"))],
        metadata=METADATA,
        settings={"sql_time_limit_ms": QUERY_TIME_LIMIT_MS, "max_returned_rows": 1000, "default_page_size": 50, "allow_download": False},
    )
    # Mutable, so Datasette reads with mode=ro and sees pages an ingest adds while it runs (WAL).
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=True), name=DB_NAME)
    return ds


def limit_connection(conn: sqlite3.Connection) -> None:
    for limit, value in SQLITE_LIMITS.items():
        conn.setlimit(limit, value)


def _host_name(header: str) -> str:
    """The host of a Host header, lower-case, without port or trailing dot ('[::1]' kept bracketed)."""
    host = header.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0].rstrip(".") if ":" in host else host.rstrip(".")


def allowed_hosts(bind_host: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Host header values the server answers: this machine, the address it is bound to (unless a
    wildcard), and names given with --allow-host. A page on another site that makes a browser
    send requests here through DNS rebinding carries its own name in Host and is refused."""
    names = set(LOCAL_HOSTS)
    if bind_host not in ("0.0.0.0", "::", ""):
        names.add(_host_name(f"[{bind_host}]" if ":" in bind_host and not bind_host.startswith("[") else bind_host))
    names.update(_host_name(h) for h in extra if h)
    return frozenset(names)


def _with_security_headers(send: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    """Every response, Datasette's own pages included, gets the security headers (unless the
    view set its own value of one)."""

    async def wrapped(message: dict[str, Any]) -> None:
        if message.get("type") == "http.response.start":
            headers = list(message.get("headers") or [])
            present = {k.lower() for k, _ in headers}
            for name, value in SECURITY_HEADERS.items():
                if name.lower().encode() not in present:
                    headers.append((name.lower().encode(), value.encode()))
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


def guarded(app: Callable[..., Awaitable[None]], hosts: frozenset[str] = LOCAL_HOSTS) -> Callable[..., Awaitable[None]]:
    """The ASGI middleware around the whole server: anything but GET/HEAD is 405, a path with a
    '..' segment is 400, a Host header not in `hosts` is 421 (DNS rebinding), all answered before
    Datasette sees the request (in parley's one JSON error shape); every response gets
    SECURITY_HEADERS."""

    async def guard(scope: dict[str, Any], receive: Callable[..., Awaitable[Any]], send: Callable[..., Awaitable[None]]) -> None:
        if scope.get("type") == "http":
            send = _with_security_headers(send)
            raw = scope.get("raw_path") or scope.get("path", "").encode()
            segments = raw.decode("latin-1").split("?", 1)[0].replace("%2e", ".").replace("%2E", ".").split("/")
            host = next((v.decode("latin-1") for k, v in scope.get("headers") or [] if k.lower() == b"host"), "")
            status, message = 0, ""
            if _host_name(host) not in hosts:
                status, message = 421, f"host {host[:100]!r} is not served here (parley serve --allow-host NAME to add it)"
            elif scope.get("method") not in ("GET", "HEAD"):
                status, message = 405, f"method {scope.get('method')} not allowed: the server is read-only"
            elif ".." in segments:
                status, message = 400, "a path may not contain '..' segments"
            if status:
                body = json.dumps({"ok": False, "error": message, "status": status, "title": None}).encode()
                headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
                if status == 405:
                    headers.append((b"allow", b"GET, HEAD"))
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return guard


def check_port(host: str, port: int) -> None:
    """Fail with one clear line, before anything is announced, when the address is taken."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ParleyError(f"{host}:{port}: cannot serve there ({exc.strerror or exc}); is another server running? try --port") from None


def log_config() -> dict[str, Any]:
    """uvicorn's logging with an access log (one line per request) and warnings only otherwise."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["uvicorn.error"]["level"] = "WARNING"
    config["loggers"]["uvicorn.access"]["level"] = "INFO"
    return config


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, allow_hosts: tuple[str, ...] = (), *, access_log: bool = True) -> None:
    import uvicorn

    ds = make_datasette(db_path)
    uvicorn.run(guarded(ds.app(), allowed_hosts(host, allow_hosts)), host=host, port=port, log_config=log_config(), access_log=access_log, lifespan="on")
