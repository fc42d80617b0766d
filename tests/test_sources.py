"""WARC, feed and URL inputs (parley.read.sources) and their hook into ingest.

Every archive, feed and HTTP exchange here is built by the test itself; URLs go to a server on
127.0.0.1, reachable only because the tests pass allow_private — never the internet.
"""

from __future__ import annotations

import importlib
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from parley.records import IngestStatus, Page
from parley.settings import Settings
from parley.read.sources import (
    FetchOptions,
    FetchRefused,
    check_host,
    fetch_url,
    iter_feed_file,
    iter_inputs,
    iter_warc,
    read_urls_file,
)

ingest_mod = importlib.import_module("parley.ingest")

ARTICLE = """<!DOCTYPE html><html><head><title>Ministers meet in Oslo over fishing rights</title>
<meta property="article:published_time" content="2024-05-14T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Ministers meet in Oslo over fishing rights</h1>
<p>OSLO, May 14 (Wire) -- Norwegian Foreign Minister Espen Barth Eide met his Icelandic counterpart in Oslo on Tuesday to discuss quotas for mackerel in the North Atlantic, officials said.</p>
<p>The talks lasted three hours. Both sides agreed to meet again in Reykjavik in September, a ministry spokesperson said.</p>
<p>Fishing groups in both countries have complained for years that quotas are set too high.</p>
</article><footer>&copy; 2024 Example Wire. All rights reserved.</footer></body></html>
"""


def _warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "parley-tests"}))
        req = StatusAndHeaders("GET /oslo HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        w.write_record(w.create_warc_record("https://news.example/oslo", "request", http_headers=req))
        for uri, status, ctype, body in (
            ("https://news.example/oslo", "200 OK", "text/html; charset=utf-8", ARTICLE.encode("utf-8")),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            ("https://news.example/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
            ("https://news.example/latin", "200 OK", "text/html; charset=iso-8859-1", ARTICLE.replace("Oslo over", "Tromsø over").encode("iso-8859-1")),
        ):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_pages(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, gz)
    items = list(iter_warc(str(path), Settings()))
    pages = [i for i in items if isinstance(i, Page)]
    statuses = [i for i in items if isinstance(i, IngestStatus)]
    assert [p.url for p in pages] == ["https://news.example/oslo", "https://news.example/latin"]
    assert all(p.path.startswith(str(path) + "#") for p in pages)
    # The declared ISO-8859-1 charset is honoured: the page text is right, not mojibake.
    assert "Tromsø" in pages[1].content
    # The 404 is reported; the PNG (not a page) and the request record are not rows at all.
    assert [(s.status, "404" in s.reason) for s in statuses] == [("skipped", True)]


def test_ingest_reads_a_warc_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, True)
    db = tmp_path / "w.db"
    summary = ingest_mod.ingest([str(path)], db)
    assert summary.stored == 2 and summary.failed == 0
    from parley.store.db import open_db

    conn = open_db(db, readonly=True)
    urls = sorted(r["url"] for r in conn.query("select url from documents"))
    texts = [r["text"] for r in conn.query("select text from documents")]
    assert urls == ["https://news.example/latin", "https://news.example/oslo"]
    assert all("mackerel" in t and "Subscribe" not in t for t in texts)


def test_not_a_warc_is_a_failed_row(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_text("this is not an archive\n" * 20)
    items = list(iter_warc(str(path), Settings()))
    assert len(items) == 1 and isinstance(items[0], IngestStatus) and items[0].status == "failed"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire: World</title><link>https://news.example/</link>
<item><title>Ministers meet in Oslo over fishing rights</title><link>https://news.example/oslo</link>
<guid>oslo-1</guid><pubDate>Tue, 14 May 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Norwegian Foreign Minister Espen Barth Eide met his Icelandic counterpart in Oslo on Tuesday.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>Protesters rally in Lima</title><link>https://news.example/lima</link><guid>lima-2</guid>
<description>Thousands of protesters marched in Lima on Monday to demand new elections.

Police said 12 people were detained.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example</id><updated>2024-05-14T10:00:00Z</updated>
<entry><title>Talks resume &lt;b&gt;in Geneva&lt;/b&gt;</title><id>urn:example:1</id><link href="https://news.example/geneva"/>
<updated>2024-05-14T10:00:00Z</updated><content type="html">&lt;p&gt;Delegations from Armenia and Azerbaijan resumed talks in Geneva on Tuesday.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_and_atom_entries_become_pages(tmp_path: Path) -> None:
    rss = tmp_path / "world.rss"
    rss.write_text(RSS, encoding="utf-8")
    atom = tmp_path / "world.atom"
    atom.write_text(ATOM, encoding="utf-8")
    pages = list(iter_inputs([str(rss), str(atom)], Settings()))
    assert all(isinstance(p, Page) for p in pages)
    assert [p.url for p in pages] == ["https://news.example/oslo", "https://news.example/lima", "https://news.example/geneva"]  # type: ignore[union-attr]
    oslo, lima, _geneva = pages  # type: ignore[misc]
    assert "2024-05-14" in oslo.content and "Espen Barth Eide" in oslo.content
    assert "<script" not in oslo.content  # feedparser's sanitiser dropped it
    assert lima.content.count("<p>") == 2  # plain-text paragraphs kept
    assert oslo.path == f"{rss}#oslo-1"


def test_xml_that_is_not_a_feed_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><config><item>1</item></config>', encoding="utf-8")
    (item,) = list(iter_feed_file(str(path), Settings()))
    assert isinstance(item, IngestStatus) and item.status == "skipped" and "feed" in item.reason


# --- URLs: a local server -------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, code: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        _Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/oslo": (200, "text/html; charset=utf-8", ARTICLE.encode()),
            "/private/memo": (200, "text/html", ARTICLE.encode()),
            "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            "/feed": (200, "application/rss+xml", RSS.encode()),
            "/big": (200, "text/html", b"<html><body>" + b"<p>Lorem ipsum dolor.</p>" * 4000 + b"</body></html>"),
            "/missing": (404, "text/html", b"not here"),
        }
        if self.path == "/moved":
            self._send(301, "text/html", b"", {"Location": "/oslo"})
        elif self.path in routes:
            self._send(*routes[self.path])
        else:
            self._send(404, "text/plain", b"no")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = FetchOptions(allow_private=True, timeout_s=5)


def test_loopback_refused_without_the_flag(server: str) -> None:
    (item,) = list(fetch_url(server + "/oslo", Settings(), FetchOptions()))
    assert isinstance(item, IngestStatus) and item.status == "skipped" and "non-public address" in item.reason
    with pytest.raises(FetchRefused):
        check_host("file:///etc/passwd", LOCAL)


def test_fetch_html_with_redirect_and_user_agent(server: str) -> None:
    (page,) = list(fetch_url(server + "/moved", Settings(), LOCAL))
    assert isinstance(page, Page) and page.media_type == "html"
    assert page.path == server + "/moved" and page.url == server + "/oslo"
    assert "mackerel" in page.content
    assert any(a.startswith("parley/") for a in _Handler.seen_agents)


def test_fetch_checks_type_size_status_and_robots(server: str) -> None:
    def one(path: str, settings: Settings | None = None) -> IngestStatus:
        (item,) = list(fetch_url(server + path, settings or Settings(), LOCAL))
        assert isinstance(item, IngestStatus)
        return item

    assert "content type image/png" in one("/logo.png").reason
    assert "limit" in one("/big", Settings(max_page_bytes=10_000)).reason
    assert one("/missing").status == "failed" and "404" in one("/missing").reason
    assert "robots.txt" in one("/private/memo").reason


def test_fetched_feed_yields_its_entries(server: str) -> None:
    items = list(fetch_url(server + "/feed", Settings(), LOCAL))
    assert [i.url for i in items if isinstance(i, Page)] == ["https://news.example/oslo", "https://news.example/lima"]


def test_urls_file_and_cli(server: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from parley.cli import main

    urls = tmp_path / "urls.txt"
    urls.write_text(f"# morning list\n{server}/oslo\n\n{server}/logo.png\n", encoding="utf-8")
    assert read_urls_file(str(urls)) == [f"{server}/oslo", f"{server}/logo.png"]
    bad = tmp_path / "bad.txt"
    bad.write_text("ftp://example.org/x\nnot a url\n", encoding="utf-8")
    # A bad line is an input with its own row (refused or failed), never the end of the batch.
    assert len(read_urls_file(str(bad))) == 2
    db = tmp_path / "u.db"
    res = CliRunner().invoke(main, ["ingest", "--urls-file", str(urls), "--allow-private", "--workers", "1", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert '"stored": 1' in res.output and '"skipped": 1' in res.output
    # Without the flag the same list stores nothing.
    res = CliRunner().invoke(main, ["ingest", "--urls-file", str(urls), "--workers", "1", "--db", str(tmp_path / "v.db"), "--format", "json"])
    assert '"stored": 0' in res.output
