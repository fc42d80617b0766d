"""Regression tests for issue #16: each guarantee an independent probe broke, and the batch that
holds them all (one of each bad input plus 20 good pages: the 20 stored, a row per input, exit 1,
no traceback). Inputs are generated here (tests/badinput/hostile.py); network tests use servers
on 127.0.0.1 started by the test, and a name "on the internet" is a patched resolver answer
routed to such a server.
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from badinput import hostile  # noqa: E402
from badinput.serve import running_server, serve_available  # noqa: E402
from test_crash import make_pages, snapshot  # noqa: E402

from parley.read import sources  # noqa: E402
from parley.errors import StoreError  # noqa: E402
from parley.records import IngestStatus, Page  # noqa: E402
from parley.settings import Settings  # noqa: E402
from parley.read import files as read_stage  # noqa: E402
from parley.store import db as store_stage  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PARLEY = str(REPO / ".venv" / "bin" / "parley")
PUBLIC_IP = "93.184.216.34"  # a global address; connections to it are routed to a loopback server


def _parley(*args: str, timeout: int = 600, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PARLEY, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=dict(os.environ))


def _rows(db: Path) -> dict[str, dict[str, Any]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return {r["path"]: dict(r) for r in conn.execute("select * from ingest_status")}
    finally:
        conn.close()


def _in_thread(fn: Any, timeout: float) -> Any:
    """Run fn in a daemon thread; fail (instead of hanging the suite) if it does not end."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - reported below
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"still running after {timeout}s"
    if "error" in out:
        raise out["error"]
    return out["value"]


# --- 1. one bad input aborts the run ------------------------------------------------------------


def test_warc_record_without_target_uri_gets_its_row_and_the_archive_goes_on(tmp_path: Path) -> None:
    warc = tmp_path / "a.warc"
    warc.write_bytes(hostile.warc_without_target_uri() + sources_warc_good())
    out = list(sources.iter_warc(str(warc), Settings()))
    assert isinstance(out[0], IngestStatus) and out[0].status == "failed" and "WARC-Target-URI" in out[0].reason
    assert isinstance(out[1], Page) and out[1].url == "http://news.example/2"


def sources_warc_good() -> bytes:
    from badinput.warcs import http_response, warc_record

    return warc_record(http_response(hostile.good_warc_page(2)), uri="http://news.example/2")


def test_non_utf8_file_name_is_read_and_stored(tmp_path: Path) -> None:
    from parley.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    name = hostile.non_utf8_name(folder)
    summary = ingest([str(folder)], tmp_path / "x.db")
    assert [s.status for s in summary.statuses] == ["stored"], summary.statuses
    rows = _rows(tmp_path / "x.db")
    # The undecodable byte stays visible (\xe9) in the key; the row and the document are there.
    assert list(rows) == [str(folder) + "/b_\\xe9.txt"]
    assert name.endswith("b_\udce9.txt")


@pytest.mark.parametrize("url", hostile.MALFORMED_URLS)
def test_malformed_url_is_a_failed_row(url: str) -> None:
    (row,) = list(sources.fetch_url(url, Settings(), sources.FetchOptions()))
    assert row.status == "failed" and "malformed URL" in row.reason


def _long_pages(folder: Path, n: int) -> None:
    """`n` pages of ~20 kB each: a stored page needs new database pages (overflow pages)."""
    make_pages(folder, n)
    for i in range(n):
        page = folder / f"page{i:03d}.txt"
        filler = "\n\n".join(f"{p} (Paragraph {k} of report {i}.)" for k in range(40) for p in hostile.STORY[1:2])
        page.write_text(page.read_text(encoding="utf-8") + "\n" + filler + "\n", encoding="utf-8")


def _disk_full_after_open(monkeypatch: pytest.MonkeyPatch, *, every_connection: bool) -> None:
    """Simulate a full disk on the writer's first connection (it may not grow the file), or a
    read-only database file on every connection (nothing can be written at all)."""
    real_open = store_stage.open_db
    opened = {"n": 0}

    def open_db(path: Any, *, readonly: bool = False) -> Any:
        db = real_open(path, readonly=readonly)
        opened["n"] += 1
        if not readonly and every_connection:
            db.execute("pragma query_only = on")
        elif not readonly and opened["n"] == 1:
            pages = db.execute("pragma page_count").fetchone()[0]
            db.execute(f"pragma max_page_count = {pages}")
        return db

    monkeypatch.setattr(store_stage, "open_db", open_db)


def test_store_failure_row_goes_to_a_fresh_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.ingest import ingest

    _long_pages(tmp_path / "in", 3)
    _disk_full_after_open(monkeypatch, every_connection=False)
    summary = ingest([str(tmp_path / "in")], tmp_path / "x.db")
    rows = _rows(tmp_path / "x.db")
    first = rows[str(tmp_path / "in" / "page000.txt")]
    assert first["status"] == "failed" and first["stage"] == "store" and "full" in first["reason"], first
    # The fresh connection can write: the rest of the batch is stored.
    assert [s.status for s in summary.statuses] == ["failed", "stored", "stored"]


def test_broken_database_rows_go_to_stderr_and_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from parley.cli import main

    _long_pages(tmp_path / "in", 2)
    _disk_full_after_open(monkeypatch, every_connection=True)
    res = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "x.db"), "--workers", "1", "--format", "json"])
    assert res.exit_code == 1, res.output
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output
    assert res.output.count("status row not recorded") == 2 and "readonly" in res.output
    (summary,) = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert summary["failed"] == 2


# --- 2. unbounded reads -------------------------------------------------------------------------


def test_recursive_glob_through_symlink_loops_ends(tmp_path: Path) -> None:
    hostile.symlink_loops(tmp_path / "loops")
    code = f"from parley.read.files import expand_paths; print(sorted(expand_paths([{str(tmp_path / 'loops' / '**' / '*.txt')!r}])))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    assert eval(out.stdout) == [str(tmp_path / "loops" / "a" / "b" / "note.txt")]  # noqa: S307 - our own repr


def test_warc_gz_with_a_2_gib_header_line_stops_at_the_header_budget(tmp_path: Path) -> None:
    warc = tmp_path / "huge-header.warc.gz"
    warc.write_bytes(hostile.warc_gz_huge_header_line())
    assert warc.stat().st_size < 5_000_000
    rows = _in_thread(lambda: list(sources.iter_warc(str(warc), Settings())), timeout=120)
    assert len(rows) == 1 and rows[0].status == "failed" and "max_header_bytes" in rows[0].reason, rows


class _Trickle(http.server.BaseHTTPRequestHandler):
    """Sends a page one byte every 0.3 s (for at most 60 s): each read is quick, the page never ends."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        end = time.monotonic() + 60
        try:
            while time.monotonic() < end:
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def trickle_server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def test_trickling_url_is_stopped_by_the_wall_clock_budget(trickle_server: str) -> None:
    options = sources.FetchOptions(allow_private=True, respect_robots=False, timeout_s=5, max_seconds=2)
    rows = _in_thread(lambda: list(sources.fetch_url(trickle_server + "/slow", Settings(), options)), timeout=30)
    assert len(rows) == 1 and rows[0].status == "failed" and "max_read_seconds" in rows[0].reason, rows


# --- 3. URL safety --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [*hostile.SHARED_ADDRESS_URLS, "http://192.0.2.10/", "http://198.18.0.1/", "http://[::ffff:127.0.0.1]/", "http://240.0.0.1/"],
)
def test_non_global_addresses_are_refused(url: str) -> None:
    with pytest.raises(sources.FetchRefused, match="non-public"):
        sources.check_host(url, sources.FetchOptions())


class _Site(http.server.BaseHTTPRequestHandler):
    """A news site: /story is a page, /moved redirects to cloud metadata, hits are counted."""

    hits: list[tuple[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append((self.path, self.headers.get("Host", "")))
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "http://100.100.100.200/latest/meta-data/")
            self.end_headers()
            return
        body = f"<html><head><title>Talks</title></head><body><article>{hostile.STORY_HTML}</article></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def internet(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """`news.test` answers PUBLIC_IP; `rebind.test` answers PUBLIC_IP once, then 127.0.0.1.
    Connections to PUBLIC_IP reach a loopback server; every connect target is recorded."""
    _Site.hits = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    real_gai, real_connect = socket.getaddrinfo, socket.create_connection
    state: dict[str, Any] = {"connects": [], "lookups": [], "port": srv.server_address[1]}

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("news.test", "rebind.test"):
            state["lookups"].append(host)
            answer = PUBLIC_IP if host == "news.test" or state["lookups"].count(host) == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answer, port))]
        return real_gai(host, port, *args, **kwargs)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        state["connects"].append(address[0])
        if address[0] == PUBLIC_IP:
            return real_connect(("127.0.0.1", state["port"]), *args, **kwargs)
        if address[0] == "127.0.0.1":
            return real_connect(("127.0.0.1", state["port"]), *args, **kwargs)
        raise OSError(f"test network: no route to {address[0]}")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    try:
        yield state
    finally:
        srv.shutdown()
        srv.server_close()


def test_redirect_to_shared_address_space_is_refused(internet: dict[str, Any]) -> None:
    options = sources.FetchOptions(respect_robots=False)
    (row,) = list(sources.fetch_url("http://news.test/moved", Settings(), options))
    assert row.status == "skipped" and "100.100.100.200" in row.reason and "non-public" in row.reason
    assert internet["connects"] == [PUBLIC_IP]  # the metadata address was never connected to


def test_fetch_connects_to_the_checked_address(internet: dict[str, Any]) -> None:
    """DNS rebinding: the name answers a public address to the check, then loopback. The fetch
    must connect to the address it checked, with the name in the Host header."""
    options = sources.FetchOptions(respect_robots=False)
    (page,) = list(sources.fetch_url("http://rebind.test/story", Settings(), options))
    assert isinstance(page, Page), page
    assert internet["lookups"] == ["rebind.test"]  # resolved once
    assert internet["connects"] == [PUBLIC_IP]
    assert _Site.hits == [("/story", "rebind.test")]


# --- 4. two ingests on one db ---------------------------------------------------------------------


def test_page_transaction_waits_for_another_writer(tmp_path: Path) -> None:
    """Another writer holds the lock while this page is stored: it waits, it does not fail."""
    from parley.ingest import analyse_page

    db_path = tmp_path / "x.db"
    store_stage.open_db(db_path).close()
    make_pages(tmp_path / "in", 1)
    page = read_stage.read_path(str(tmp_path / "in" / "page000.txt"), Settings())
    doc = analyse_page(page)
    db = store_stage.open_db(db_path)
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("begin immediate")
    other.execute("insert into meta(key, value) values ('other-writer', 'x')")

    def release() -> None:
        time.sleep(1.0)
        other.execute("commit")

    t = threading.Thread(target=release)
    # A reader's snapshot that predates the other writer's commit (what made a deferred BEGIN fail).
    assert not store_stage.has_document(db, "nothing")
    t.start()
    status = store_stage.store_document(db, doc)
    t.join()
    assert status.status == "stored"


def test_opening_a_new_file_another_writer_holds_waits_past_sqlites_busy_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two ingests creating one new file: the second may meet a lock SQLite will not wait for
    # (switching to WAL), or one held longer than its busy timeout. Opening must wait, not fail.
    monkeypatch.setattr(store_stage, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("begin exclusive")

    def release() -> None:
        time.sleep(0.8)
        other.execute("commit")

    t = threading.Thread(target=release)
    t.start()
    db = store_stage.open_db(path)
    t.join()
    assert "documents" in db.table_names() and db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_a_lock_that_outlasts_the_wait_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_stage, "BUSY_TIMEOUT_MS", 20)
    path = tmp_path / "held.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("begin exclusive")
    with pytest.raises(StoreError, match=r"held\.db: cannot open database: database is locked"):
        store_stage.open_db(path, wait_s=0.3)
    other.execute("rollback")


def test_two_concurrent_ingests_equal_one_clean_run(tmp_path: Path) -> None:
    make_pages(tmp_path / "pages", 40)
    clean, shared = tmp_path / "clean.db", tmp_path / "shared.db"
    one = _parley("ingest", str(tmp_path / "pages"), "--db", str(clean), "--workers", "1", "--format", "json")
    assert one.returncode == 0, one.stderr
    env = dict(os.environ)
    procs = [
        subprocess.Popen([PARLEY, "ingest", str(tmp_path / "pages"), "--db", str(shared), "--workers", "1", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=900) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err[-2000:]
        assert "locked" not in err and "Traceback" not in err
    rows = _rows(shared)
    assert len(rows) == 40 and {r["status"] for r in rows.values()} == {"stored"}
    assert snapshot(shared) == snapshot(clean)


# --- 5 and 6. the server: SQL size limits, Host check, headers on every response ------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    why = serve_available()
    if why:
        pytest.skip(why)
    folder = tmp_path_factory.mktemp("srv")
    make_pages(folder / "in", 3)
    db = folder / "s.db"
    run = _parley("ingest", str(folder / "in"), "--db", str(db), "--workers", "1")
    assert run.returncode == 0, run.stderr
    with running_server(db) as base:
        yield base


def _get(url: str, host: str | None = None, timeout: float = 60) -> tuple[int, dict[str, str], str]:
    headers = {"User-Agent": "parley-tests"}
    if host:
        headers["Host"] = host
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8", errors="replace")


@pytest.mark.parametrize("database", ["parley", "_memory"])
def test_raw_sql_is_bounded_in_size(server: str, database: str) -> None:
    sql = urllib.parse.quote("select length(hex(randomblob(400000000))) as n")
    status, _, body = _get(f"{server}/{database}.json?sql={sql}")
    assert status >= 400 and "too big" in body, (status, body[:300])
    status, _, _ = _get(server + "/api/dyads")
    assert status == 200


def test_host_header_must_name_this_machine(server: str) -> None:
    port = urllib.parse.urlsplit(server).port
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert _get(server + "/api/dyads", host=host)[0] == 200, host
    for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1.attacker.example:{port}"):
        status, headers, body = _get(server + "/api/dyads", host=host)
        assert status == 421 and "not served here" in body, host
        assert {k.lower(): v for k, v in headers.items()}.get("x-content-type-options") == "nosniff"


def test_allowed_hosts_add_the_bound_address_and_named_hosts() -> None:
    from parley.web.app import allowed_hosts

    assert allowed_hosts("0.0.0.0", ("news-box.lan",)) == {"localhost", "127.0.0.1", "[::1]", "news-box.lan"}
    assert "192.168.1.5" in allowed_hosts("192.168.1.5")


@pytest.mark.parametrize("path", ["/parley/documents", "/parley", "/", "/parley/events.json", "/-/versions", "/parley/nosuchtable", "/api/nothing", "/events?type=NOPE"])
def test_every_response_carries_the_security_headers(server: str, path: str) -> None:
    _status, headers, _ = _get(server + path)
    lower = {k.lower(): v for k, v in headers.items()}
    assert "frame-ancestors 'none'" in lower.get("content-security-policy", ""), (path, headers)
    assert lower.get("x-content-type-options") == "nosniff", path


# --- 7. depth guard -----------------------------------------------------------------------------


@pytest.mark.parametrize("build", [hostile.nested_lists, hostile.nested_tables], ids=["130 ul-li", "100 table-tr-td"])
def test_deep_lists_and_tables_keep_the_article(build: Any) -> None:
    from parley.records import Document
    from parley.extract import stage as extract

    page = read_stage.page_from_bytes("deep.html", build(), "html", Settings())
    article = extract.run(Document(page=page)).article
    assert article is not None and "French foreign minister met the German foreign minister" in article.text


# --- 8. declared charsets -----------------------------------------------------------------------


@pytest.mark.parametrize("label", ["idna", "cp037", "utf-32", "rot13", "x-user-defined", "latin1", "utf-16"])
def test_declared_charset_follows_the_whatwg_labels(label: str) -> None:
    data = hostile.declared_charset_page(label)
    for declared in (None, label):  # in <meta>, and from the transport (HTTP Content-Type)
        text = read_stage.decode_bytes(data, declared)
        assert "French foreign minister met the German foreign minister" in text, (label, declared, text[:200])
        assert "\u201cWe will meet again,\u201d" in text, (label, declared)


@pytest.mark.parametrize("label", ["idna", "cp037", "utf-32"])
def test_declared_charset_on_an_ascii_page_fetched_over_http(label: str, tmp_path: Path) -> None:
    body = f"<html><head><title>Talks</title></head><body><article>{hostile.STORY_HTML}</article></body></html>".encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", f"text/html; charset={label}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        options = sources.FetchOptions(allow_private=True, respect_robots=False, timeout_s=10)
        (page,) = list(sources.fetch_url(f"http://127.0.0.1:{srv.server_address[1]}/p", Settings(), options))
    finally:
        srv.shutdown()
        srv.server_close()
    assert isinstance(page, Page) and "French foreign minister" in page.content, page


@pytest.mark.parametrize("big_endian", [False, True], ids=["LE", "BE"])
def test_utf16_without_bom_is_text_not_binary(big_endian: bool) -> None:
    page = read_stage.page_from_bytes("u16.txt", hostile.utf16_without_bom(big_endian), "text", Settings())
    assert isinstance(page, Page) and "French foreign minister met" in page.content


def test_whatwg_label_table() -> None:
    from parley.read import charsets

    assert charsets.lookup(" Latin1 ") == "windows-1252" and charsets.codec("ascii") == "cp1252"
    assert charsets.codec("utf-16", from_meta=True) == "utf-8" and charsets.codec("utf-16") == "utf-16-le"
    assert charsets.codec("gb2312") == "gb18030" and charsets.codec("shift_jis") == "cp932"
    for unknown in ("idna", "cp037", "utf-32", "rot13", "hex", "iso-2022-kr", ""):
        assert charsets.codec(unknown) is None, unknown


# --- 9. smaller ---------------------------------------------------------------------------------


def test_feed_items_sharing_a_guid_get_a_row_each(tmp_path: Path) -> None:
    out = list(sources.iter_feed_bytes("f.rss", hostile.feed_with_duplicate_guid(), Settings()))
    names = [o.path for o in out]
    assert len(names) == 2 and len(set(names)) == 2, names


def test_truncated_warc_gz_record_is_failed_not_stored(tmp_path: Path) -> None:
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(hostile.warc_gz_truncated())
    rows = list(sources.iter_warc(str(warc), Settings()))
    assert not any(isinstance(r, Page) for r in rows), rows
    assert any(r.status == "failed" and "truncated" in r.reason for r in rows), rows


@pytest.fixture()
def foreign_dbs(tmp_path: Path) -> dict[str, Path]:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all\n" * 100)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("create table documents (id text, body text)")
    conn.execute("insert into documents values ('1', 'other app')")
    conn.commit()
    conn.close()
    old = tmp_path / "old.db"
    store_stage.open_db(old).close()
    conn = sqlite3.connect(old)
    conn.execute("update meta set value = '0' where key = 'schema_version'")
    conn.commit()
    conn.close()
    return {"junk": junk, "foreign": foreign, "old": old}


@pytest.mark.parametrize("command", ["events", "documents"])
def test_readers_on_a_foreign_db_print_one_error_line(foreign_dbs: dict[str, Path], command: str) -> None:
    for kind, db in foreign_dbs.items():
        run = _parley(command, "--db", str(db))
        assert run.returncode == 2 and "Traceback" not in run.stderr, (kind, run.stderr)
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("parley: error:") and str(db) in lines[0], (kind, lines)


def test_ingest_into_a_foreign_schema_fails_before_analysing(foreign_dbs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    ingest_mod = importlib.import_module("parley.ingest")
    make_pages(tmp_path / "in", 2)

    def no_analysis(*a: Any, **k: Any) -> Any:
        raise AssertionError("analysed a page before checking the database")

    monkeypatch.setattr(ingest_mod, "analyse_pages", no_analysis)
    for kind, db in foreign_dbs.items():
        with pytest.raises(StoreError, match="not a SQLite database|not a parley database|schema version"):
            ingest_mod.ingest([str(tmp_path / "in")], db)
    conn = sqlite3.connect(foreign_dbs["foreign"])
    assert conn.execute("select name from sqlite_master where type = 'table'").fetchall() == [("documents",)]  # untouched


def test_rows_are_keyed_by_the_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.ingest import ingest

    make_pages(tmp_path / "dir", 2)
    monkeypatch.chdir(tmp_path)
    ingest(["dir/"], tmp_path / "x.db")
    ingest([str(tmp_path / "dir") + "/", "./dir/page000.txt"], tmp_path / "x.db")
    assert sorted(_rows(tmp_path / "x.db")) == [str(tmp_path / "dir" / "page000.txt"), str(tmp_path / "dir" / "page001.txt")]


def _mention(i: int, doc: str) -> dict[str, Any]:
    row: dict[str, Any] = {c: None for c in ("mode", "context", "date_source", "date_text", "location", "location_country", "trigger", "quotes")}
    row.update(
        id=f"m{i:06d}", document_id=doc, event_id=None, sentence=i, type="CONSULT", modality="asserted", date="2024-03-05",
        date_precision="day", date_first="2024-03-05", date_last="2024-03-05", historical=0, evidence=f"The two ministers met in Geneva (report {i}).",
        evidence_start=0, evidence_end=10, coder="rule", confidence=0.5,
    )
    for side, country, name in (("source", "FRA", "Claire Dumont"), ("target", "DEU", "Jonas Weber")):
        for c in ("text", "name", "country", "sector", "role", "office", "person_id", "resolution"):
            row[f"{side}_{c}"] = None
        row[f"{side}_country"], row[f"{side}_name"], row[f"{side}_text"] = country, name, name
    return row


def test_merging_cost_does_not_grow_with_the_event(tmp_path: Path) -> None:
    """One event gathering mentions: the SQLite VM steps spent merging one more mention stay flat
    (counts are kept incrementally; "same page?" is one index lookup). Steps, not seconds: the
    measure does not depend on machine load."""
    from parley.store.merge import merge_mentions

    db = store_stage.open_db(tmp_path / "m.db")
    steps = {"n": 0}

    def count() -> int:
        steps["n"] += 1
        return 0

    cost = {}
    n = 0
    for target in (50, 1000):
        while n < target:
            db["mentions"].insert(_mention(n, f"doc{n % 997}"))
            merge_mentions(db, [f"m{n:06d}"])
            n += 1
        db["mentions"].insert(_mention(n, f"doc{n}"))
        db.conn.set_progress_handler(count, 1)
        steps["n"] = 0
        merge_mentions(db, [f"m{n:06d}"])
        db.conn.set_progress_handler(None, 1)
        cost[target] = steps["n"]
        n += 1
    (event,) = db.execute("select mentions, sources from events").fetchall()
    assert event == db.execute("select count(*), count(distinct document_id) from mentions").fetchone()
    assert cost[1000] < 2 * cost[50], cost


# --- the batch: one of each bad input plus 20 good pages ----------------------------------------


def test_batch_of_every_bad_input_plus_20_good_pages(tmp_path: Path) -> None:
    good = tmp_path / "good"
    make_pages(good, 20)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "no-uri.warc").write_bytes(hostile.warc_without_target_uri())
    (bad / "huge-header.warc.gz").write_bytes(hostile.warc_gz_huge_header_line(256 << 20))
    (bad / "cut.warc.gz").write_bytes(hostile.warc_gz_truncated())
    (bad / "dup-guid.rss").write_bytes(hostile.feed_with_duplicate_guid())
    (bad / "lists.html").write_bytes(hostile.nested_lists())
    (bad / "tables.html").write_bytes(hostile.nested_tables())
    (bad / "idna.html").write_bytes(hostile.declared_charset_page("idna"))
    (bad / "utf16le.txt").write_bytes(hostile.utf16_without_bom())
    latin_name = hostile.non_utf8_name(bad)
    loops = hostile.symlink_loops(tmp_path / "loops")
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join([*hostile.MALFORMED_URLS, *hostile.SHARED_ADDRESS_URLS, "not a url at all"]) + "\n", encoding="utf-8")
    db = tmp_path / "batch.db"
    run = _parley("ingest", str(good), str(bad), str(loops / "**" / "*.txt"), "--urls-file", str(urls), "--db", str(db), "--workers", "1", "--format", "json")
    assert "Traceback" not in run.stderr + run.stdout, run.stderr[-3000:]
    assert run.returncode == 1, run.stderr[-3000:]
    rows = _rows(db)
    for i in range(20):
        assert rows[str(good / f"page{i:03d}.txt")]["status"] == "stored"
    expect = {
        str(bad / "no-uri.warc") + "#1": ("failed", "WARC-Target-URI"),
        str(bad / "huge-header.warc.gz"): ("failed", "max_header_bytes"),
        str(bad / "cut.warc.gz") + "#1": ("failed", "truncated"),
        str(bad / "dup-guid.rss") + "#urn:news:1": ("stored", ""),
        str(bad / "dup-guid.rss") + "#urn:news:1#2": ("stored", ""),
        str(bad / "lists.html"): ("stored", ""),
        str(bad / "tables.html"): ("stored", ""),
        str(bad / "idna.html"): ("stored", ""),
        str(bad / "utf16le.txt"): ("stored", ""),
        store_stage.storable(latin_name): ("stored|skipped", ""),
        str(loops / "a" / "b" / "note.txt"): ("stored|skipped", ""),
        hostile.MALFORMED_URLS[0]: ("failed", "malformed url"),
        hostile.MALFORMED_URLS[1]: ("failed", "malformed url"),
        hostile.SHARED_ADDRESS_URLS[0]: ("skipped", "non-public"),
        hostile.SHARED_ADDRESS_URLS[1]: ("skipped", "non-public"),
        "not a url at all": ("failed", "not a url"),
    }
    problems = [f"{path}: {rows.get(path)}" for path, (status, why) in expect.items() if path not in rows or rows[path]["status"] not in status.split("|") or why not in (rows[path]["reason"] or "").lower() + (rows[path]["reason"] or "")]
    assert not problems, "\n".join(problems)
    # One row per input (a feed item or archive record is an input of its own), nothing else.
    assert len(rows) == 20 + len(expect), sorted(set(rows) - set(expect))
    assert json.loads(run.stdout)["inputs"] == len(rows)
