"""More input kinds for ingest: WARC archives, RSS/Atom feed files, and URLs fetched over HTTP.

Each turns one input into Pages (or status rows saying why not), like `parley.read.files` does for
files; `iter_inputs` dispatches by URL scheme or file suffix and hands everything else to
`parley.read.files`.

- WARC / WARC.gz (warcio): every `response` record whose HTTP content type is HTML becomes a page
  named `ARCHIVE#<record number>` with the record's target URI as its URL.
- Feeds (.rss, .atom, or .xml that parses as a feed; feedparser): each entry becomes a small HTML
  page (title, date, the entry's content or summary). Entry links are not fetched.
- URLs (http/https on the command line, or one a line in `--urls-file`; httpx): a timeout, a size
  limit, a content-type check, an honest User-Agent, robots.txt honoured, and no private,
  loopback or link-local addresses unless `allow_private` is set (tests on 127.0.0.1 do).
Page text is data throughout: it is escaped when wrapped in HTML and never executed or followed.
"""

from __future__ import annotations

import gzip
import html
import ipaddress
import re
import socket
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..records import IngestStatus, Page
from ..settings import Settings
from . import files as read_stage

USER_AGENT = "parley/0.1 (news event coder; one request per page; honours robots.txt)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rss.gz", ".atom.gz", ".xml.gz")


@dataclass(frozen=True)
class FetchOptions:
    """How URLs are fetched. `allow_private` admits loopback/private hosts (tests, intranets)."""

    timeout_s: float = 15.0
    connect_timeout_s: float = 5.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False
    respect_robots: bool = True
    robots_cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def input_kind(path: str) -> str:
    name = path.lower()
    if is_url(name):
        return "url"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    return "file"


def expand_inputs(inputs: list[str]) -> list[str]:
    """Inputs as units of work, in order: URLs as given, files/folders/globs expanded."""
    out: list[str] = []
    for item in inputs:
        if is_url(item):
            out.append(item)
        else:
            out.extend(read_stage.expand_paths([item]))
    return out


def read_urls_file(path: str) -> list[str]:
    """One URL a line; blank lines and `#` comments ignored; anything else is an error."""
    urls = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise ValueError(f"{path}:{n}: not an http(s) URL: {line[:80]!r}")
        urls.append(line)
    return urls


def iter_unit(item: str, settings: Settings, options: FetchOptions) -> Iterator[Page | IngestStatus]:
    """Pages of one expanded input (a URL, a WARC, a feed, or a page file)."""
    kind = input_kind(item)
    if kind == "url":
        yield from fetch_url(item, settings, options)
    elif kind == "warc":
        yield from iter_warc(item, settings)
    elif kind == "feed":
        yield from iter_feed_file(item, settings)
    else:
        yield read_stage.read_path(item, settings)


def iter_inputs(inputs: list[str], settings: Settings, options: FetchOptions | None = None) -> Iterator[Page | IngestStatus]:
    options = options or FetchOptions()
    for item in expand_inputs(inputs):
        yield from iter_unit(item, settings, options)


# --- WARC ---------------------------------------------------------------------------------------


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    msg = Message()
    msg["content-type"] = content_type or ""
    return msg.get_content_type().lower(), msg.get_param("charset")  # type: ignore[return-value]


def _to_utf8(data: bytes, charset: str | None) -> bytes:
    """Re-encode a declared non-UTF-8 charset, so `read.page_from_bytes` sees UTF-8."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return data
    try:
        return data.decode(charset, errors="replace").encode("utf-8")
    except LookupError:  # unknown charset name: let the reader's own fallback decide
        return data


def iter_warc(path: str, settings: Settings) -> Iterator[Page | IngestStatus]:
    """HTML response records of a WARC (or .warc.gz) file as Pages."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as probe:
            head = probe.read(16)
        fh = open(path, "rb")
    except (OSError, EOFError) as exc:
        yield IngestStatus(path, "failed", f"cannot read: {exc}", stage="read")
        return
    # warcio reads almost anything leniently; a real archive starts with its version line.
    if not head.startswith((b"WARC/", b"filedesc://")):
        fh.close()
        yield IngestStatus(path, "failed", "not a WARC file (no WARC/ version line at the start)", stage="read")
        return
    n = 0
    seen_html = 0
    broken = False
    try:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            n += 1
            name = f"{path}#{n}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            if http is None:
                continue  # a response without HTTP headers (dns:, whois:) holds no page
            ctype, charset = _media_type(http.get_header("Content-Type"))
            status = (http.get_statuscode() or "").strip()
            if ctype not in HTML_TYPES:
                continue  # images, scripts, robots.txt: not pages, not worth a status row each
            if status != "200":
                yield IngestStatus(name, "skipped", f"HTTP status {status} for {uri}", stage="read")
                continue
            seen_html += 1
            try:
                data = record.content_stream().read(settings.max_page_bytes + 1)
                page = read_stage.page_from_bytes(name, _to_utf8(data, charset), "html", settings, url=uri)
            except ValueError as exc:
                yield IngestStatus(name, "skipped", f"{exc} ({uri})", stage="read")
                continue
            except Exception as exc:  # noqa: BLE001 - a corrupt record (bad chunking, bad gzip) must not stop the archive
                yield IngestStatus(name, "failed", f"cannot decode record: {type(exc).__name__}: {exc}", stage="read")
                continue
            yield page
    except ArchiveLoadFailed as exc:
        broken = True
        yield IngestStatus(path, "failed", f"not a readable WARC file: {exc}", stage="read")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        broken = True
        yield IngestStatus(path, "failed", f"WARC read stopped after {n} responses: {exc}", stage="read")
    finally:
        fh.close()
    if seen_html == 0 and not broken:
        yield IngestStatus(path, "skipped", f"no HTML response records ({n} responses)", stage="read")


# --- Feeds --------------------------------------------------------------------------------------


def _entry_html(entry: Any, feed_title: str | None) -> tuple[str, str | None]:
    title = entry.get("title") or ""
    body = ""
    if entry.get("content"):
        body = entry["content"][0].get("value", "")
    body = body or entry.get("summary", "") or ""
    if "<" not in body:
        # Plain-text content: escape it and keep its paragraphs.
        body = "".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", body) if p.strip())
    published = None
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    # feedparser has already sanitised `body` (scripts, handlers and frames removed).
    meta = f'<meta property="article:published_time" content="{html.escape(published)}">' if published else ""
    site = f'<meta property="og:site_name" content="{html.escape(feed_title)}">' if feed_title else ""
    doc = (
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>{meta}{site}</head>"
        f"<body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>"
    )
    return doc, entry.get("link")


def iter_feed_bytes(name: str, data: bytes, settings: Settings) -> Iterator[Page | IngestStatus]:
    import feedparser

    parsed = feedparser.parse(data)
    # feedparser reads any XML with <item> leniently; only a recognised format counts as a feed.
    if not parsed.get("version"):
        yield IngestStatus(name, "skipped", "not an RSS/Atom feed", stage="read")
        return
    entries = [e for e in parsed.get("entries") or [] if e.get("title") or e.get("summary") or e.get("content")]
    if not entries:
        yield IngestStatus(name, "skipped", "feed has no entries", stage="read")
        return
    feed_title = parsed.get("feed", {}).get("title")
    for i, entry in enumerate(entries, 1):
        ident = entry.get("id") or entry.get("link") or str(i)
        item_name = f"{name}#{ident}"
        doc, link = _entry_html(entry, feed_title)
        try:
            yield read_stage.page_from_bytes(item_name, doc.encode("utf-8"), "html", settings, url=link)
        except ValueError as exc:
            yield IngestStatus(item_name, "skipped", str(exc), stage="read")


def iter_feed_file(path: str, settings: Settings) -> Iterator[Page | IngestStatus]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(settings.max_page_bytes + 1)
        if path.lower().endswith(".gz"):
            data = read_stage._bounded_gunzip(data, settings)
    except (OSError, EOFError, gzip.BadGzipFile, ValueError) as exc:
        yield IngestStatus(path, "failed", f"cannot read: {exc}", stage="read")
        return
    if len(data) > settings.max_page_bytes:
        yield IngestStatus(path, "skipped", f"feed is over the max_page_bytes limit of {settings.max_page_bytes}", stage="read")
        return
    yield from iter_feed_bytes(path, data, settings)


# --- URLs ---------------------------------------------------------------------------------------


class FetchRefused(Exception):
    """A URL parley will not fetch (scheme, address, robots.txt, size, type)."""


def check_host(url: str, options: FetchOptions) -> None:
    """Refuse non-http(s) URLs and hosts that resolve to private, loopback or link-local addresses.

    Every address the name resolves to is checked (a name with one public and one private
    address is refused). Redirects are checked hop by hop by the caller.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}")
    host = parts.hostname
    if not host:
        raise FetchRefused("URL has no host")
    if options.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchRefused(f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast or addr.is_unspecified:
            raise FetchRefused(f"{host} resolves to a non-public address ({addr}); pass --allow-private to fetch it")


def _get(client: Any, url: str, options: FetchOptions, limit: int) -> tuple[str, Any, bytes]:
    """GET with redirects followed by hand (each hop checked); body read up to `limit` bytes."""
    for _ in range(options.max_redirects + 1):
        check_host(url, options)
        with client.stream("GET", url) as resp:
            if resp.is_redirect and "location" in resp.headers:
                url = urljoin(url, resp.headers["location"])
                continue
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchRefused(f"response is {declared} bytes, over the limit of {limit}")
            body = bytearray()
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if len(body) > limit:
                    raise FetchRefused(f"response is over the limit of {limit} bytes")
            return url, resp, bytes(body)
    raise FetchRefused(f"more than {options.max_redirects} redirects")


def _robots_allows(client: Any, url: str, options: FetchOptions) -> bool:
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    parser = options.robots_cache.get(base)
    if parser is None:
        parser = urllib.robotparser.RobotFileParser()
        try:
            _, resp, body = _get(client, base + "/robots.txt", options, 500_000)
            if resp.status_code in (401, 403):
                parser.parse(["User-agent: *", "Disallow: /"])  # access-controlled: treat as closed
            elif resp.status_code >= 400:
                parser.parse([])  # no robots.txt: no rules
            else:
                parser.parse(body.decode("utf-8", errors="replace").splitlines())
        except Exception:  # noqa: BLE001 - no readable robots.txt means no rules
            parser.parse([])
        options.robots_cache[base] = parser
    return parser.can_fetch(options.user_agent, url)


def fetch_url(url: str, settings: Settings, options: FetchOptions | None = None) -> Iterator[Page | IngestStatus]:
    """Fetch one URL into a Page (HTML or text) or its feed's entries; a status row on refusal."""
    import httpx

    options = options or FetchOptions()
    timeout = httpx.Timeout(options.timeout_s, connect=options.connect_timeout_s)
    headers = {"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,text/plain;q=0.5"}
    try:
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
            if options.respect_robots and not _robots_allows(client, url, options):
                yield IngestStatus(url, "skipped", "disallowed by the site's robots.txt", stage="read")
                return
            final, resp, body = _get(client, url, options, settings.max_page_bytes)
    except FetchRefused as exc:
        yield IngestStatus(url, "skipped", str(exc), stage="read")
        return
    except httpx.HTTPError as exc:
        yield IngestStatus(url, "failed", f"cannot fetch: {type(exc).__name__}: {exc}", stage="read")
        return
    if resp.status_code != 200:
        yield IngestStatus(url, "failed", f"HTTP status {resp.status_code}", stage="read")
        return
    ctype, charset = _media_type(resp.headers.get("content-type"))
    if ctype in FEED_TYPES:
        yield from iter_feed_bytes(url, body, settings)
        return
    if ctype not in HTML_TYPES + TEXT_TYPES:
        yield IngestStatus(url, "skipped", f"content type {ctype or 'missing'} is not a page (HTML or text)", stage="read")
        return
    kind = "html" if ctype in HTML_TYPES else "text"
    try:
        yield read_stage.page_from_bytes(url, _to_utf8(body, charset), kind, settings, url=final)
    except ValueError as exc:
        yield IngestStatus(url, "skipped", str(exc), stage="read")
