"""Hostile text: page-derived strings are escaped in HTML, filters are bound SQL parameters, the
API cannot leave its folder or write, URL fetching refuses private addresses, sizes are bounded.

Page text written for these tests carries script tags, event handlers and javascript: URLs in the
title, in actor-adjacent text and in evidence sentences.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from badinput.generate import HOSTILE_HTML  # noqa: E402
from badinput.serve import PARLEY, get, running_server, serve_available  # noqa: E402

EVIL_TXT = """Ministers <script>alert('title')</script> meet in Geneva

GENEVA, March 4 - The foreign minister of Japan <img src=x onerror=alert(1)> met the foreign minister of South Korea in Geneva on Tuesday to discuss North Korea, officials said. <a href="javascript:alert(2)">link</a>

South Korea condemned North Korea's missile launches "><svg onload=alert(3)>, the ministry said.

Prime Minister <b onmouseover=alert(4)>Kishida</b> praised the talks, said Robert'); DROP TABLE events;-- of the ministry.
"""
# Markup that must never reach a browser as markup.
LIVE_MARKUP = re.compile(r"<script>alert|<img src=x onerror|<svg onload|<b onmouseover|href=\"javascript:|href='javascript:", re.I)
SQL_ATTACKS = ["USA' OR '1'='1", "USA; DROP TABLE events; --", "' UNION SELECT * FROM documents --", "%' OR 1=1 --", "\\'; --"]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / "evil.txt").write_text(EVIL_TXT, encoding="utf-8")
    (root / "in" / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    db = root / "h.db"
    run = subprocess.run([PARLEY, "ingest", str(root / "in"), "--db", str(db), "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return db


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "mentions", "events", "ingest_status")}
    finally:
        conn.close()


# --- CLI: filters are data ---------------------------------------------------------------------


def test_hostile_strings_are_stored_as_data(hostile_db: Path) -> None:
    out = subprocess.run([PARLEY, "events", "--db", str(hostile_db), "--all", "--format", "json"], capture_output=True, text=True, timeout=120)
    rows = json.loads(out.stdout)
    assert rows, "the hostile pages should still yield events"
    blob = json.dumps(rows)
    assert "<script>alert" in blob  # kept verbatim, as text
    # every mention's evidence is stored verbatim (which mention's evidence an event shows is the
    # most confident one's, so a given string need not be an event's)
    conn = sqlite3.connect(hostile_db)
    try:
        evidence = " ".join(r[0] for r in conn.execute("select evidence from mentions"))
    finally:
        conn.close()
    assert "onerror=alert(1)" in evidence
    assert _counts(hostile_db)["events"] > 0


@pytest.mark.parametrize("attack", SQL_ATTACKS)
def test_sql_in_cli_filters_is_refused_or_bound(hostile_db: Path, attack: str) -> None:
    before = _counts(hostile_db)
    for opt in ("--source", "--target", "--type", "--since"):
        out = subprocess.run([PARLEY, "events", "--db", str(hostile_db), opt, attack, "--format", "json"], capture_output=True, text=True, timeout=120)
        assert out.returncode == 2 and "error:" in out.stderr and "Traceback" not in out.stderr, (opt, out.stderr)
    assert _counts(hostile_db) == before


def test_sql_in_text_filter_is_bound(hostile_db: Path) -> None:
    from parley.ask.queries import events

    before = _counts(hostile_db)
    for attack in SQL_ATTACKS:
        assert events(hostile_db, text=attack) == []
    # A search for the literal injected text finds the sentence that contains it, nothing more.
    hits = events(hostile_db, text="DROP TABLE events", include_all=True)
    assert all("DROP TABLE events" in h["evidence"]["text"] for h in hits)
    assert _counts(hostile_db) == before


def test_database_opened_read_only_by_readers(hostile_db: Path) -> None:
    from parley.store.db import open_db

    db = open_db(hostile_db, readonly=True)
    try:
        with pytest.raises(sqlite3.OperationalError):
            db.execute("delete from events")
    finally:
        db.close()


# --- Web: escaping, bound parameters, paths, sizes ------------------------------------------------


@pytest.fixture(scope="module")
def server(hostile_db: Path) -> Iterator[str]:
    why = serve_available()
    if why:
        pytest.skip(why)
    with running_server(hostile_db) as base:
        yield base


def _event_ids(base: str) -> list[str]:
    status, _, body = get(base + "/api/events?all=1&size=100")
    assert status == 200, body[:500]
    data = json.loads(body)
    rows = data.get("events") or data.get("rows") or []
    return [r["id"] for r in rows]


def test_pages_escape_page_text(server: str) -> None:
    ids = _event_ids(server)
    assert ids
    status, _, body = get(server + "/api/dyads")
    pages = ["/", "/events?all=1", "/actors", "/status", "/dyad/JPN/KOR", "/dyad/KOR/PRK"] + [f"/event/{i}" for i in ids]
    seen_escaped = False
    for path in pages:
        status, headers, html = get(server + path)
        assert status in (200, 404), (path, status, html[:300])
        assert not LIVE_MARKUP.search(html), (path, LIVE_MARKUP.search(html).group(0) if LIVE_MARKUP.search(html) else "")
        seen_escaped |= "&lt;script&gt;alert" in html or "&lt;img src=x onerror" in html or "&lt;svg onload" in html
        if status == 200:
            assert "script-src" in headers.get("content-security-policy", headers.get("Content-Security-Policy", "")), path
    assert seen_escaped, "no page showed the hostile text (escaped): the test would not catch a regression"


@pytest.mark.parametrize("attack", SQL_ATTACKS)
def test_sql_in_api_params_is_refused_or_bound(server: str, hostile_db: Path, attack: str) -> None:
    before = _counts(hostile_db)
    q = urllib.parse.quote(attack)
    for param in ("source", "target", "type", "since", "until", "dyad", "sort", "page", "size"):
        status, _, body = get(f"{server}/api/events?{param}={q}")
        assert status == 400, (param, status, body[:300])
        assert json.loads(body)["ok"] is False
    status, _, body = get(f"{server}/api/events?q={q}")
    assert status == 200 and json.loads(body)["ok"] is True
    assert _counts(hostile_db) == before


def test_raw_sql_endpoint_cannot_write(server: str, hostile_db: Path) -> None:
    before = _counts(hostile_db)
    for sql in ("delete from events", "drop table events", "insert into meta values ('x', 'y')", "attach database '/tmp/x.db' as x"):
        status, _, _ = get(f"{server}/parley?sql={urllib.parse.quote(sql)}")
        assert status in (400, 403, 404), (sql, status)
    assert _counts(hostile_db) == before


TRAVERSALS = (
    "/event/..%2F..%2F..%2Fetc%2Fpasswd", "/parley-static/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/parley-static/../../../../etc/passwd",
    "/-/static/..%2f..%2f..%2fetc%2fpasswd", "/api/events/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/../etc/passwd",
)


def test_paths_cannot_leave_the_allowed_folder(server: str) -> None:
    for path in TRAVERSALS:
        status, _, body = get(server + path)
        assert "root:x:0:0" not in body, path
        assert status != 200, (path, status)


def test_traversal_attempts_are_client_errors(server: str) -> None:
    for path in TRAVERSALS:
        status, _, _ = get(server + path)
        assert status in (400, 403, 404), (path, status)


def test_request_sizes_and_query_costs_are_bounded(server: str) -> None:
    status, _, body = get(server + "/api/events?size=100000000")
    assert status == 400
    status, _, body = get(server + "/api/events?q=" + "a" * 10_000)
    assert status == 400
    status, _, body = get(server + "/api/events?page=99999999999")
    assert status == 400
    # An expensive raw query is cut off by the time limit instead of holding the server.
    slow = "with recursive c(x) as (select 1 union all select x+1 from c) select count(*) from c"
    status, _, body = get(f"{server}/parley.json?sql={urllib.parse.quote(slow)}", timeout=60)
    assert status in (400, 403), status
    status, _, _ = get(server + "/api/dyads")
    assert status == 200  # still serving


def test_no_write_capable_api_endpoints(server: str, hostile_db: Path) -> None:
    """The server is read-only: no method on any API path changes the database."""
    import urllib.request

    before = _counts(hostile_db)
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        for path in ("/api/events", "/parley/events", "/parley/-/create", "/parley/events/-/insert"):
            req = urllib.request.Request(server + path, method=method, data=b'{"row": {"id": "x"}}', headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    status = resp.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            assert status == 405, (method, path, status)
    assert _counts(hostile_db) == before


# --- URL fetching: SSRF ---------------------------------------------------------------------------


def _sources():  # type: ignore[no-untyped-def]
    try:
        from parley.read import sources
    except ImportError:
        pytest.skip("parley.read.sources (URL fetching) not there yet")
    return sources


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/", "http://localhost:8001/api/events", "http://10.0.0.1/", "http://192.168.1.1/admin", "http://172.16.0.5/",
        "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/", "http://2130706433/", "http://0x7f000001/",
        "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://127.0.0.1/",
    ],
)
def test_private_and_non_http_urls_are_refused(url: str) -> None:
    sources = _sources()
    with pytest.raises(sources.FetchRefused):
        sources.check_host(url, sources.FetchOptions())


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).hits += 1
        body = b"<html><body><p>The foreign minister of Japan met the foreign minister of South Korea on Tuesday.</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_ingest_of_a_loopback_url_makes_no_request_without_the_flag(tmp_path: Path) -> None:
    _sources()
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{srv.server_address[1]}/news/1"
        out = subprocess.run([PARLEY, "ingest", url, "--db", str(tmp_path / "u.db"), "--workers", "1", "--format", "json"], capture_output=True, text=True, timeout=120)
        assert "Traceback" not in out.stderr
        assert _Counter.hits == 0, "a loopback URL was fetched without --allow-private"
        docs = subprocess.run([PARLEY, "documents", "--db", str(tmp_path / "u.db"), "--format", "json"], capture_output=True, text=True, timeout=60)
        row = json.loads(docs.stdout)[0]
        assert row["status"] == "skipped" and "allow-private" in row["reason"]
        out = subprocess.run([PARLEY, "ingest", url, "--allow-private", "--db", str(tmp_path / "u2.db"), "--workers", "1"], capture_output=True, text=True, timeout=120)
        assert _Counter.hits >= 1, out.stderr
    finally:
        srv.shutdown()


def test_page_urls_are_never_fetched_during_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Links, images and scripts inside a page are data: analysing it opens no socket."""
    import socket

    from parley import analyse_text

    def no_network(*a: object, **k: object) -> None:
        raise AssertionError("page analysis tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    html = HOSTILE_HTML.replace("<img src=x", "<img src=http://127.0.0.1:9/x.png").replace("</head>", "<link rel=stylesheet href=http://127.0.0.1:9/s.css><script src=http://127.0.0.1:9/a.js></script></head>")
    doc = analyse_text(html, html=True)
    assert doc is not None


def test_env_overrides_do_not_leak_between_runs() -> None:
    assert "PARLEY_LANGUAGES" not in os.environ
