"""Web pages and JSON API (`parley serve`): content, filters, paging, schema, escaping, read-only.

Runs the Datasette app in process (no socket). The database is built from pages written for these
tests, one of them hostile (script tags, event handlers, a javascript: URL).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from parley.errors import QueryError, StoreError
from parley.web import data
from conftest import WebClient
from parley.web.app import make_datasette, questions

SPEC = json.loads((Path(__file__).resolve().parents[1] / "src/parley/web/static/openapi.json").read_text())

PAGES = {
    "cambodia.txt": """URL: https://news.example.org/2022/11/22/austin-wei-siem-reap

Tuesday, November 22, 2022

Austin meets Chinese counterpart Wei Fenghe in Cambodia

US Secretary of Defense Lloyd Austin met Chinese Defense Minister Wei Fenghe on Tuesday on the sidelines of a regional security meeting in Siem Reap, the Pentagon said.

Austin urged China to refrain from further dangerous behavior by its aircraft near Taiwan, according to a readout of the talks.

Share this article
""",
    "video-call.txt": """URL: https://wire.example.com/asia/2024/04/16/defense-chiefs-call

April 17, 2024

US, Chinese defense chiefs hold first talks in 17 months

WASHINGTON - US Secretary of Defense Lloyd Austin held a video call with Chinese Defense Minister Dong Jun on Tuesday, April 16, the Pentagon said.

The call lasted a little over an hour, officials said.

Related Post
""",
    "hostile.txt": """URL: javascript:alert(document.cookie)

Mon, 4 March 2024

<script>window.__pwned = "title"</script> Ministers <img src=x onerror="window.__pwned='img'"> meet in Ankara

ANKARA, March 4 - Turkish Foreign Minister Hakan Fidan met Russian Foreign Minister Sergei Lavrov in Ankara on Monday <script>window.__pwned = "evidence"</script> <b onmouseover="window.__pwned='hover'">to discuss grain exports</b>, the ministry said.

<a href="javascript:window.__pwned='link'">Read more</a>
""",
}


def build_db(folder: Path, extra: list[str] | None = None) -> Path:
    """Ingest the hand-written pages (and any extra inputs) into folder/web.db."""
    from parley.ingest import ingest

    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for name, text in PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    db = folder / "web.db"
    summary = ingest([str(pages), *(extra or [])], str(db))
    assert summary.failed == 0, summary.as_json()
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("web"))


Client = WebClient


@pytest.fixture(scope="module")
def client(db: Path) -> Any:
    c = Client(db)
    yield c
    c.loop.close()


def validate(body: Any, name: str) -> None:
    jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": SPEC["components"]}).validate(body)


def test_pages_render(client: Client) -> None:
    ev = client.json("/api/events?size=1")["events"][0]
    for path in ("/", "/events", "/events?dyad=USA-CHN&sort=date", f"/event/{ev['id']}", "/dyad/USA/CHN", "/actors", "/status", "/status?status=stored"):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert "text/html" in r.headers["content-type"]
        assert "script-src 'self'" in r.headers["content-security-policy"]
    # Datasette's own raw views stay available, read-only, with event ids linked to parley pages.
    r = client.get("/parley/events")
    assert r.status_code == 200 and f'href="/event/{ev["id"]}"' in client.get(f"/parley/mentions?event_id={ev['id']}").text
    assert client.get("/parley/events.json?_shape=array").status_code == 200


def test_read_only(client: Client) -> None:
    r = client.get("/parley.json?sql=" + "delete from events")
    assert r.status_code == 400
    assert client.json("/api/events")["total"] > 0


def test_events_filters_and_schema(client: Client) -> None:
    every = client.json("/api/events?size=500")
    validate(every, "EventList")
    assert every["total"] == len(every["events"]) >= 3
    body = client.json("/api/events?source=USA&target=CHN&type=CONSULT&since=2022&until=2024-12-31")
    validate(body, "EventList")
    assert body["events"], "the hand-written pages report US-China meetings"
    for e in body["events"]:
        assert (e["source"]["country"], e["target"]["country"], e["type"]) == ("USA", "CHN", "CONSULT")
        assert e["date"] and "2022" <= e["date"][:4] <= "2024"
    # Field names are those of `parley events --format json`.
    from parley.ask.queries import events as ask_events

    cli = ask_events(str(client.ds.get_database("parley").path), source="USA", target="CHN", type="CONSULT", since="2022", until="2024-12-31")
    assert sorted(e["id"] for e in cli) == sorted(e["id"] for e in body["events"])
    assert set(cli[0]) == set(body["events"][0])
    later = client.json("/api/events?since=2024-03")
    assert all(e["date"] >= "2024-03" for e in later["events"])
    assert len(later["events"]) < every["total"]


def test_dyad_filter_both_directions_and_text(client: Client) -> None:
    both = client.json("/api/events?dyad=CHN-USA&size=500")["events"]
    assert both and all({e["source"]["country"], e["target"]["country"]} == {"USA", "CHN"} for e in both)
    hits = client.json("/api/events?q=grain exports")["events"]
    assert len(hits) == 1 and hits[0]["source"]["country"] == "TUR"
    assert client.json("/api/events?q=100%25 off")["total"] == 0  # LIKE wildcards are literal


def test_paging(client: Client) -> None:
    first = client.json("/api/events?size=1&sort=date")
    assert first["size"] == 1 and len(first["events"]) == 1 and first["next_url"]
    second = client.json(first["next_url"])
    assert second["page"] == 2 and second["events"][0]["id"] != first["events"][0]["id"]
    pages, url = [], "/api/events?size=2&sort=date"
    while url:
        body = client.json(url)
        pages += [e["id"] for e in body["events"]]
        url = body["next_url"]
    assert len(pages) == len(set(pages)) == first["total"]
    html = client.get("/events?size=1").text
    assert 'rel="next"' in html and "page 1 of" in html


def test_sort_orders(client: Client) -> None:
    asc = [e["date"] for e in client.json("/api/events?sort=date&size=500")["events"] if e["date"]]
    desc = [e["date"] for e in client.json("/api/events?sort=-date&size=500")["events"] if e["date"]]
    assert asc == sorted(asc) and desc == sorted(desc, reverse=True)


@pytest.mark.parametrize(
    "path, status, word",
    [
        ("/api/events?type=MEET", 400, "type"),
        ("/api/events?since=last+week", 400, "since"),
        ("/api/events?source=USA'%20OR%201=1--", 400, "source"),
        ("/api/events?sort=evidence;drop table events", 400, "sort"),
        ("/api/events?size=100000", 400, "size"),
        ("/api/events?dyad=USA", 400, "dyad"),
        ("/api/events/e0000000000000", 404, "no event"),
        ("/api/nowhere", 404, "/api/nowhere"),
        ("/api/last-contact?a=USA", 400, "a and b"),
        ("/api/last-contact?a=USA&b=CHN&level=king", 400, "level"),
    ],
)
def test_one_error_shape(client: Client, path: str, status: int, word: str) -> None:
    body = client.json(path, status)
    validate(body, "Error")
    assert body["status"] == status and word in body["error"]


def test_sql_in_text_filter_is_data(client: Client) -> None:
    body = client.json("/api/events?q=' or 1=1 --")
    assert body["total"] == 0
    assert client.json("/api/events")["total"] > 0


def test_event_with_mentions_and_highlight(client: Client) -> None:
    ev = client.json("/api/events?q=video call")["events"][0]
    detail = client.json(f"/api/events/{ev['id']}")
    validate(detail, "EventDetail")
    assert detail["event"]["id"] == ev["id"]
    assert all(m["event_id"] == ev["id"] for m in detail["mentions"])
    html = client.get(f"/event/{ev['id']}").text
    marks = re.findall(r'<mark class="evidence-mark" id="mark-[^"]+">(.*?)</mark>', html, re.S)
    assert marks and ev["evidence"]["text"] in [m.replace("&#39;", "'") for m in marks]
    assert 'href="https://wire.example.com/asia/2024/04/16/defense-chiefs-call"' in html
    assert "Secretary of Defense" in html and "Dong Jun" in html  # actors with their roles


def test_hostile_page_is_escaped(client: Client) -> None:
    ev = client.json("/api/events?dyad=TUR-RUS")["events"][0]
    assert "<script>" in ev["evidence"]["text"]  # JSON keeps the text as it was
    pages = [f"/event/{ev['id']}", "/events?dyad=TUR-RUS", "/status", "/", "/actors", "/events?q=<script>"]
    for path in pages:
        html = client.get(path).text
        assert "<script>window.__pwned" not in html and "<img src=x" not in html, path
        assert not re.search(r"<[a-z]+[^>]*\son(error|mouseover)=", html), path
        assert "javascript:" not in re.sub(r"<(?!a )[^>]*>", "", " ".join(re.findall(r'href="[^"]*"', html))), path
    event_html = client.get(f"/event/{ev['id']}").text
    assert "&lt;script&gt;window.__pwned = &#34;evidence&#34;&lt;/script&gt;" in event_html
    assert 'class="unsafe-url">javascript:alert(document.cookie)</span>' in event_html
    assert "&lt;script&gt;window.__pwned = &#34;title&#34;&lt;/script&gt;" in client.get("/status").text


def test_dyad_page_and_chart(client: Client) -> None:
    chart = client.json("/api/chart?a=USA&b=CHN")
    validate(chart, "Chart")
    c = chart["chart"]
    listed = client.json("/api/events?dyad=USA-CHN&size=500")["events"]
    monthly = [e for e in listed if e["date_precision"] in ("day", "month")]
    assert sum(b["count"] for b in c["bars"]) == len(monthly)
    for bar in c["bars"]:
        behind = client.json("/api/" + bar["href"][1:] + "&size=500")
        assert behind["total"] == bar["count"]
    html = client.get("/dyad/USA/CHN").text
    assert 'id="timeline-chart"' in html and 'type="application/json" id="parley-chart-data"' in html
    embedded = re.search(r'id="parley-chart-data">(.*?)</script>', html, re.S)
    assert embedded and json.loads(embedded.group(1))["bars"] == c["bars"]
    assert client.get("/dyad/USA/XX1").status_code == 404
    assert client.get("/dyad/USA/CHN?before=someday").status_code == 400


def test_last_contact_timeline_trend(client: Client) -> None:
    if questions() is None:
        body = client.json("/api/last-contact?a=USA&b=CHN", 501)
        validate(body, "Error")
        pytest.skip("parley.ask.questions is not in this build yet: last-contact answers 501")
    body = client.json("/api/last-contact?a=USA&b=CHN&before=2024-04-16&level=minister")
    validate(body, "LastContact")
    assert body["result"]["date"].startswith("2022-11")
    assert body["result"]["gap_days"] > 400
    for kind in ("timeline", "trend"):
        rows = client.json(f"/api/{kind}?a=USA&b=CHN&by=year")
        validate(rows, "Rows")
        assert [r["period"] for r in rows["rows"]] == sorted(r["period"] for r in rows["rows"])
    html = client.get("/dyad/USA/CHN?before=2024-04-16&level=minister").text
    assert "2022-11-22" in html


def test_openapi_lists_every_api_route(client: Client) -> None:
    from parley.web.app import ROUTES

    spec = client.json("/api/openapi.json")
    jsonschema.Draft202012Validator.check_schema({"components": spec["components"]})
    documented = {re.sub(r"\{[^}]+\}", "X", p) for p in spec["paths"]}
    for regex, _view in ROUTES:
        if regex.startswith("^/api/") and "openapi" not in regex and regex != r"^/api(/.*)?$":
            path = re.sub(r"\(\?P<[^>]+>[^)]*\)", "X", regex.strip("^$"))
            assert path in documented, path


def test_segments_and_safe_url() -> None:
    text = "One. Two sentences here. Three."
    segs = data.segments(text, [(5, 24, "m1"), (20, 31, "m2"), (100, 120, "m3")])
    assert "".join(s for s, _ in segs) == text
    assert segs[1] == ("Two sentences here.", "m1")
    assert segs[-1] == (" Three.", "m2")  # the overlap is clipped, nothing is duplicated
    assert data.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "file:///etc/passwd", "//evil.example", None, ""):
        assert data.safe_url(bad) is None


def test_query_parsing() -> None:
    q = data.EventQuery.parse({"dyad": "usa-chn", "type": "consult", "page": "2"})
    assert q.dyad == ("USA", "CHN") and q.type == "CONSULT" and q.page == 2
    assert q.url("/events", page=None) == "/events?dyad=USA-CHN&type=CONSULT"
    with pytest.raises(QueryError, match="page"):
        data.EventQuery.parse({"page": "0"})
    with pytest.raises(QueryError, match="q:"):
        data.EventQuery.parse({"q": "x" * 201})


def test_make_datasette_refuses_bad_databases(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        make_datasette(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a SQLite database|not a parley database"):
        make_datasette(junk)


def test_serve_cli_help_has_example() -> None:
    from click.testing import CliRunner

    from parley.cli import main

    for cmd in ("serve", "export"):
        out = CliRunner().invoke(main, [cmd, "--help"]).output
        assert "Example:" in out, cmd
    r = CliRunner().invoke(main, ["serve", "--db", "/nonexistent/x.db"])
    assert r.exit_code == 2 and "no such database" in r.output


def test_chart_colours_are_distinguishable() -> None:
    """No two PLOVER types share a colour one cannot tell apart (the old three dark reds did)."""
    import itertools

    js = (Path(__file__).resolve().parents[1] / "src" / "parley" / "web" / "static" / "parley.js").read_text(encoding="utf-8")
    block = re.search(r"var COLORS = \{(.*?)\};", js, re.S)
    assert block
    colours = dict(re.findall(r"(\w+): \"#([0-9a-f]{6})\"", block.group(1)))
    assert len(colours) == 16

    def lab(hex_: str) -> tuple[float, float, float]:
        def lin(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (lin(int(hex_[i:i + 2], 16) / 255) for i in (0, 2, 4))
        x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089
        f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
        return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])

    worst = min(
        (sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5, ta, tb)
        for (ta, a), (tb, b) in itertools.combinations(colours.items(), 2)
    )
    assert worst[0] > 20, worst  # CIE76 distance: 20 and more is plainly a different colour
