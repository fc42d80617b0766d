"""Structure-aware fuzz targets (issue #16): WARC archives, feeds, nested HTML, URLs, file names.

Random bytes rarely get past a format's first check; these strategies build inputs that are
almost valid (a WARC with one header missing, a feed whose items share a guid, a list 300 deep,
a URL with a port out of range, a file name that is not UTF-8), then damage them. Each check
states what must hold for ANY such input: the reader never raises, every result is a Page or a
status row with a reason, names are unique, rows can be stored, no network is touched.
Shared by tests/test_fuzz.py (bounded) and scripts/fuzz.py (long runs).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from .hostile import STORY, STORY_HTML
from .warcs import gz_members, http_response, warc_record

LABELS = ["utf-8", "latin1", "windows-1251", "shift_jis", "gb2312", "utf-16", "utf-16be", "idna", "cp037", "utf-32", "rot13", "x-user-defined", "iso-2022-kr", "bogus", ""]
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
_body = st.one_of(
    st.just(f"<html><head><title>Talks</title></head><body><article>{STORY_HTML}</article></body></html>".encode()),
    st.binary(max_size=300),
    _text.map(lambda t: f"<html><body><p>{t}</p><p>{STORY[0]}</p></body></html>".encode("utf-8")),
)


# --- WARC ---------------------------------------------------------------------------------------

_record = st.fixed_dictionaries(
    {
        "uri": st.one_of(st.none(), st.just("http://news.example/a"), _text),
        "rec_type": st.sampled_from(["response", "response", "request", "metadata", "warcinfo", "resource", "revisit", "junk"]),
        "status": st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "999 Odd", "abc"]),
        "ctype": st.sampled_from(["text/html", "application/xhtml+xml", "image/png", "", "text/html; charset="]).flatmap(
            lambda c: st.sampled_from(LABELS).map(lambda label: c + label if c.endswith("=") else c)
        ),
        "body": _body,
        "extra": st.lists(st.tuples(st.sampled_from(["X-Note", "WARC-Truncated", "Content-Length", "WARC-Payload-Digest"]), _text.map(lambda t: t.replace("\r", "").replace("\n", ""))), max_size=2),
    }
)


def _warc_bytes(records: list[dict[str, Any]], gz: bool, cut: float | None, flip: int | None) -> bytes:
    blocks = []
    for r in records:
        block = http_response(r["body"], r["ctype"], r["status"]) if r["rec_type"] in ("response", "request") else r["body"]
        extra = [(k, v.encode("latin-1", "replace").decode("latin-1")) for k, v in r["extra"]]
        uri = r["uri"].encode("latin-1", "replace").decode("latin-1").replace("\r", "").replace("\n", "") if r["uri"] else r["uri"]
        blocks.append(warc_record(block, uri=uri, rec_type=r["rec_type"], extra=extra))
    data = gz_members(blocks) if gz else b"".join(blocks)
    if flip is not None and data:
        i = flip % len(data)
        data = data[:i] + bytes([data[i] ^ 0x5A]) + data[i + 1 :]
    if cut is not None:
        data = data[: max(16, int(len(data) * cut))]
    return data


warc_archives = st.builds(
    _warc_bytes,
    st.lists(_record, min_size=1, max_size=4),
    st.booleans(),
    st.one_of(st.none(), st.floats(min_value=0.05, max_value=0.99)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
)


def _check_rows(rows: list[Any], prefix: str) -> None:
    from parley.records import IngestStatus, Page
    from parley.store import db as store_db

    names = []
    for r in rows:
        assert isinstance(r, (Page, IngestStatus)), r
        names.append(r.path)
        assert r.path.startswith(prefix), (r.path, prefix)
        if isinstance(r, IngestStatus):
            assert r.status in ("stored", "skipped", "failed") and r.reason, r
            store_db.storable(r.reason).encode("utf-8")
    assert len(names) == len(set(names)), names


def check_warc(data: bytes) -> None:
    from parley.read.sources import iter_warc
    from parley.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fuzz.warc.gz" if data[:2] == b"\x1f\x8b" else "fuzz.warc")
        with open(path, "wb") as fh:
            fh.write(data)
        rows = list(iter_warc(path, Settings(max_header_bytes=4096, max_read_seconds=20)))
        assert rows, "an archive always yields at least one page or row"
        _check_rows(rows, path)


# --- feeds --------------------------------------------------------------------------------------

_item = st.fixed_dictionaries(
    {
        "guid": st.one_of(st.none(), st.sampled_from(["urn:1", "urn:2", "http://news.example/a"]), _text),
        "title": st.one_of(st.none(), _text, st.just("Ministers meet")),
        "body": st.one_of(st.just(STORY[0]), _text, st.just("<p>" + STORY[1] + "</p><script>alert(1)</script>"), st.just("&lol9;")),
        "cdata": st.booleans(),
    }
)


def _esc(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _feed_bytes(items: list[dict[str, Any]], atom: bool, label: str, laughs: bool, cut: float | None) -> bytes:
    parts = []
    for it in items:
        body = f"<![CDATA[{it['body'].replace(']]>', '')}]]>" if it["cdata"] else _esc(it["body"]) if it["body"] != "&lol9;" else it["body"]
        guid = "" if it["guid"] is None else (f"<id>{_esc(it['guid'])}</id>" if atom else f"<guid>{_esc(it['guid'])}</guid>")
        title = "" if it["title"] is None else f"<title>{_esc(it['title'])}</title>"
        parts.append(f"<entry>{guid}{title}<summary>{body}</summary></entry>" if atom else f"<item>{guid}{title}<description>{body}</description></item>")
    dtd = '<!DOCTYPE r [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol9 "&lol1;&lol1;&lol1;&lol1;">]>' if laughs else ""
    enc = f' encoding="{label}"' if label else ""
    head = f'<?xml version="1.0"{enc}?>{dtd}'
    doc = head + (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{"".join(parts)}</feed>' if atom else f'<rss version="2.0"><channel><title>Wire</title>{"".join(parts)}</channel></rss>')
    data = doc.encode("utf-8", "replace")
    return data[: max(1, int(len(data) * cut))] if cut is not None else data


feeds = st.builds(
    _feed_bytes,
    st.lists(_item, min_size=0, max_size=5),
    st.booleans(),
    st.sampled_from(LABELS),
    st.booleans(),
    st.one_of(st.none(), st.floats(min_value=0.1, max_value=0.99)),
)


def check_feed(data: bytes) -> None:
    from parley.read.sources import iter_feed_bytes
    from parley.settings import Settings

    rows = list(iter_feed_bytes("fuzz.rss", data, Settings()))
    assert rows
    _check_rows(rows, "fuzz.rss")


# --- nested HTML --------------------------------------------------------------------------------

_WRAPPERS = [
    ("<ul><li>", "</li></ul>"), ("<ol><li>", "</ol>"), ("<table><tr><td>", "</td></tr></table>"), ("<table><tbody><tr><th>", "</table>"),
    ("<div>", "</div>"), ("<dl><dd>", "</dl>"), ("<section>", "</section>"), ("<blockquote>", "</blockquote>"), ("<span>", ""),
    ("<li>", ""), ("<td>", ""), ("<p>", ""), ("<font>", "</font>"),
]
nested_html = st.tuples(
    st.lists(st.tuples(st.sampled_from(_WRAPPERS), st.integers(min_value=1, max_value=120)), min_size=1, max_size=4),
    st.booleans(),
)


def build_nested(spec: tuple[list[tuple[tuple[str, str], int]], bool]) -> str:
    layers, closed = spec
    opening = "".join(o * n for (o, _c), n in layers)
    closing = "".join(c * n for (_o, c), n in reversed(layers)) if closed else ""
    return f"<html><head><title>Talks in Geneva</title></head><body>{opening}<article><h1>Talks in Geneva</h1>{STORY_HTML}</article>{closing}</body></html>"


def check_nested_html(spec: tuple[list[tuple[tuple[str, str], int]], bool]) -> None:
    """However the article is wrapped (lists, tables, divs, unclosed cells, 400+ deep), it never
    vanishes once the page is deep enough to be flattened; extraction never raises."""
    from parley.extract import stage as extract
    from parley.read.files import page_from_bytes
    from parley.records import Document
    from parley.settings import Settings

    html = build_nested(spec)
    settings = Settings()
    page = page_from_bytes("deep.html", html.encode(), "html", settings)
    article = extract.run(Document(page=page)).article
    assert article is not None
    depth = extract.html_depth(html, stop_at=settings.max_html_depth)
    if depth > settings.max_html_depth:
        assert "French foreign minister met the German foreign minister" in article.text, (depth, article.method, article.text[:200])


# --- URLs ---------------------------------------------------------------------------------------

_hosts = st.one_of(
    st.sampled_from(["news.test", "127.0.0.1", "10.0.0.1", "100.100.100.200", "169.254.169.254", "[::1]", "[::ffff:10.0.0.1]", "[fe80::1%25eth0]", "0", "0x7f.1", "2130706433", "[::1", "::1]", "", "localhost", "xn--n3h.test", "ex ample.test", "93.184.216.34", "[2606:4700::1]"]),
    _text.map(lambda t: t.replace("/", "").replace("?", "").replace("#", "")),
)
urls = st.builds(
    lambda scheme, userinfo, host, port, path: f"{scheme}://{userinfo}{host}{port}{path}",
    st.sampled_from(["http", "https", "HTTP", "ftp", "file", "gopher", "javascript"]),
    st.sampled_from(["", "user@", "user:pw@", "@", "a@b@"]),
    _hosts,
    st.one_of(st.just(""), st.integers(min_value=-5, max_value=200_000).map(lambda p: f":{p}"), st.sampled_from([":", ":http", ":8o"])),
    st.one_of(st.just("/"), _text.map(lambda t: "/" + t)),
)


@contextlib.contextmanager
def no_network() -> Iterator[list[Any]]:
    """Names resolve to a private address; connecting anywhere fails. Records connect targets."""
    real_gai, real_connect = socket.getaddrinfo, socket.create_connection
    connects: list[Any] = []

    def getaddrinfo(host: Any, port: Any, *a: Any, **k: Any) -> Any:
        try:
            import ipaddress

            ipaddress.ip_address(str(host).split("%")[0])
            return real_gai(host, port, *a, **k)  # a literal: no lookup is made
        except ValueError:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80))]

    def create_connection(address: Any, *a: Any, **k: Any) -> Any:
        connects.append(address)
        raise OSError("fuzz: no network")

    socket.getaddrinfo, socket.create_connection = getaddrinfo, create_connection  # type: ignore[assignment]
    try:
        yield connects
    finally:
        socket.getaddrinfo, socket.create_connection = real_gai, real_connect  # type: ignore[assignment]


def check_url(url: str) -> None:
    """A URL of any shape gets exactly one row, never an exception; nothing non-global is ever
    connected to; a connection, if any, goes to an IP address (the checked one), never a name."""
    import ipaddress

    from parley.read.sources import FetchOptions, address_refused, fetch_url
    from parley.records import IngestStatus
    from parley.settings import Settings

    with no_network() as connects:
        rows = list(fetch_url(url, Settings(), FetchOptions(respect_robots=False, max_seconds=5, timeout_s=2, connect_timeout_s=1)))
    assert len(rows) == 1 and isinstance(rows[0], IngestStatus) and rows[0].status in ("skipped", "failed") and rows[0].reason, rows
    for host, _port, *_ in connects:
        addr = ipaddress.ip_address(host)  # raises if a name was connected to
        assert not address_refused(addr), (url, host)


# --- file names ---------------------------------------------------------------------------------

file_names = st.lists(
    st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")).filter(lambda b: b not in (b".", b"..")),
    min_size=1, max_size=5, unique=True,
).flatmap(lambda names: st.tuples(st.just(names), st.lists(st.sampled_from([b".txt", b".html", b".html.gz", b".warc", b".rss", b"", b".pdf"]), min_size=len(names), max_size=len(names)), st.lists(_body, min_size=len(names), max_size=len(names))))


def check_file_names(spec: tuple[list[bytes], list[bytes], list[bytes]]) -> None:
    """Files with any byte in their names: one row each (or pages), every row storable."""
    from parley.read.sources import iter_inputs
    from parley.records import IngestStatus
    from parley.settings import Settings
    from parley.store import db as store_db

    names, suffixes, bodies = spec
    with tempfile.TemporaryDirectory() as tmp:
        base = os.fsencode(tmp)
        made = set()
        for name, suffix, body in zip(names, suffixes, bodies):
            full = base + b"/" + name + suffix
            if full in made:
                continue
            made.add(full)
            with open(full, "wb") as fh:
                fh.write(body)
        rows = list(iter_inputs([tmp], Settings()))
        for full in made:
            key = os.path.abspath(os.fsdecode(full))
            assert any(r.path == key or r.path.startswith(key + "#") for r in rows), (key, rows)
        db = store_db.open_db(os.path.join(tmp, "rows.sqlite"))
        try:
            for r in rows:
                if isinstance(r, IngestStatus):
                    store_db.record_status(db, r)
        finally:
            db.close()
        conn = sqlite3.connect(os.path.join(tmp, "rows.sqlite"))
        try:
            stored = conn.execute("select count(*) from ingest_status").fetchone()[0]
        finally:
            conn.close()
        assert stored == sum(1 for r in rows if isinstance(r, IngestStatus))
