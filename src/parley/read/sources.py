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
import os
import re
import socket
import time
import urllib.robotparser
import zlib
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
    max_seconds: float = 60.0  # wall-clock budget of one fetch: robots.txt, redirects and body together
    robots_cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


# A --urls-file line that is no URL travels as an input with this prefix (NUL: no path holds one).
NOT_A_URL = "\0not-a-url:"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{0,20}://")


def is_url(item: str) -> bool:
    """http(s) URLs, and any other `scheme://` (refused with a reason, never read as a file)."""
    return bool(_SCHEME.match(item))


def input_kind(path: str) -> str:
    name = path.lower()
    if is_url(name):
        return "url"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    return "file"


def input_key(path: str) -> str:
    """The one name of a file input: its absolute, normalised path, so `dir/` and `/abs/dir/`
    are the same input with the same status rows (symlinks are kept, not resolved, so a broken
    or looping link is reported under its own name)."""
    return os.path.abspath(path)


def expand_inputs(inputs: list[str]) -> list[str]:
    """Inputs as units of work, in order: URLs as given, files/folders/globs expanded to absolute
    paths, each once."""
    return [u for u in iter_units(inputs) if isinstance(u, str)]


def iter_units(inputs: list[str]) -> Iterator[str | IngestStatus]:
    """`expand_inputs` as it goes; an input that cannot even be listed becomes its failed row."""
    seen: set[str] = set()
    for item in inputs:
        if is_url(item) or item.startswith(NOT_A_URL):
            units = [item]
        else:
            try:
                units = [input_key(p) for p in read_stage.expand_paths([item])]
            except Exception as exc:  # noqa: BLE001 - one unlistable input must not stop the batch
                yield IngestStatus(item, "failed", f"cannot list: {type(exc).__name__}: {exc}", stage="read")
                continue
        for unit in units:
            if unit not in seen:
                seen.add(unit)
                yield unit


def read_urls_file(path: str) -> list[str]:
    """One URL a line; blank lines and `#` comments ignored. Every other line is an input: a line
    that is not a usable URL gets its own failed row in the batch, it does not stop the batch."""
    urls = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        urls.append(line if is_url(line) else NOT_A_URL + line)
    return urls


def iter_unit(item: str, settings: Settings, options: FetchOptions) -> Iterator[Page | IngestStatus]:
    """Pages of one expanded input (a URL, a WARC, a feed, or a page file)."""
    if item.startswith(NOT_A_URL):
        yield IngestStatus(item[len(NOT_A_URL) :], "failed", "not a URL (a line of --urls-file)", stage="read")
        return
    kind = input_kind(item)
    if kind == "url":
        yield from fetch_url(item, settings, options)
    elif kind == "warc":
        yield from iter_warc(item, settings)
    elif kind == "feed":
        yield from iter_feed_file(item, settings)
    else:
        yield read_stage.read_path(item, settings)


def guarded_unit(item: str, settings: Settings, options: FetchOptions) -> Iterator[Page | IngestStatus]:
    """`iter_unit` under the one guard every input passes through: whatever a reader raises
    becomes the input's failed row (pages it yielded before stay), so no input ends the batch."""
    yielded = False
    try:
        for out in iter_unit(item, settings, options):
            yielded = True
            yield out
    except Exception as exc:  # noqa: BLE001 - the guard: any reader bug is this input's failure
        yield IngestStatus(item, "failed", f"read stopped{' part-way' if yielded else ''}: {type(exc).__name__}: {exc}", stage="read")


def iter_inputs(inputs: list[str], settings: Settings, options: FetchOptions | None = None) -> Iterator[Page | IngestStatus]:
    options = options or FetchOptions(max_seconds=float(settings.max_read_seconds))
    for item in iter_units(inputs):
        if isinstance(item, IngestStatus):
            yield item
        else:
            yield from guarded_unit(item, settings, options)


# --- WARC ---------------------------------------------------------------------------------------


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    msg = Message()
    msg["content-type"] = content_type or ""
    return msg.get_content_type().lower(), msg.get_param("charset")  # type: ignore[return-value]


class ReadBudgetExceeded(Exception):
    """A read went over its byte or wall-clock budget (a 2 GiB header line, a slow record)."""


class _Budget:
    """Byte and wall-clock budgets of one WARC record, checked on every read warcio makes."""

    def __init__(self, settings: Settings) -> None:
        self.max_header = settings.max_header_bytes
        self.max_seconds = float(settings.max_read_seconds)
        self.record = 0
        self.restart(0)

    def restart(self, record: int) -> None:
        self.record = record
        self.header_bytes = 0
        self.deadline = time.monotonic() + self.max_seconds

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise ReadBudgetExceeded(f"record {self.record + 1} took over max_read_seconds={self.max_seconds:g}s to read")


class _TimedFile:
    """The archive file, with the record's wall-clock budget checked on every block read."""

    def __init__(self, fh: Any, budget: _Budget) -> None:
        self._fh, self._budget = fh, budget

    def read(self, size: int = -1) -> bytes:
        self._budget.check_time()
        return self._fh.read(size if size and size > 0 else 65536)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


def _bound_readline(reader: Any, budget: _Budget) -> None:
    """Make warcio's header reads stop at `max_header_bytes`: warcio reads a header line to its
    newline however long it is (a 2 GiB line took 4 GB and never finished)."""
    unbounded = reader.readline

    def readline(length: int | None = None) -> bytes:
        room = budget.max_header - budget.header_bytes
        if room <= 0:
            raise ReadBudgetExceeded(f"record {budget.record + 1} headers are over max_header_bytes={budget.max_header}")
        line = unbounded(min(length, room + 1) if length else room + 1)
        budget.header_bytes += len(line)
        if budget.header_bytes > budget.max_header:
            raise ReadBudgetExceeded(f"record {budget.record + 1} headers are over max_header_bytes={budget.max_header}")
        budget.check_time()
        return line

    reader.readline = readline


def _record_loader() -> Any:
    from warcio.recordloader import ArcWarcRecordLoader

    class Loader(ArcWarcRecordLoader):  # type: ignore[misc]
        # warcio fails on a response record with no WARC-Target-URI (AttributeError on None);
        # such a record is reported by iter_warc, so its HTTP headers are not needed.
        def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: int) -> Any:
            return super().load_http_headers(rec_type, uri or "", stream, length)

    return Loader()


def iter_warc(path: str, settings: Settings) -> Iterator[Page | IngestStatus]:
    """HTML response records of a WARC (or .warc.gz) file as Pages.

    Every record has a byte budget (headers up to `max_header_bytes`, content up to
    `max_page_bytes`) and a wall-clock budget (`max_read_seconds`); a record whose content ends
    before its declared length (a truncated .warc.gz) is failed, not stored as if complete.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as probe:
            head = probe.read(16)
        fh = open(path, "rb")
    except (OSError, EOFError, zlib.error) as exc:
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
    reported = False  # a record already has its own row: no archive-level "no HTML" row
    budget = _Budget(settings)
    try:
        records = ArchiveIterator(_TimedFile(fh, budget))
        records.loader = _record_loader()
        _bound_readline(records.reader, budget)
        for record in records:
            if record.rec_type != "response":
                budget.restart(n)
                continue
            n += 1
            name = f"{path}#{n}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            if not uri:
                budget.restart(n)
                reported = True
                yield IngestStatus(name, "failed", "response record has no WARC-Target-URI", stage="read")
                continue
            if http is None:
                budget.restart(n)
                continue  # a response without HTTP headers (dns:, whois:) holds no page
            ctype, charset = _media_type(http.get_header("Content-Type"))
            status = (http.get_statuscode() or "").strip()
            if ctype not in HTML_TYPES:
                budget.restart(n)
                continue  # images, scripts, robots.txt: not pages, not worth a status row each
            if status != "200":
                budget.restart(n)
                reported = True
                yield IngestStatus(name, "skipped", f"HTTP status {status} for {uri}", stage="read")
                continue
            seen_html += 1
            try:
                data = record.content_stream().read(settings.max_page_bytes + 1)
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if len(data) <= settings.max_page_bytes and missing > 0 and not record.raw_stream.read(1):
                    budget.restart(n)
                    yield IngestStatus(name, "failed", f"truncated record: it ends {missing} bytes before its declared length ({uri})", stage="read")
                    continue
                page = read_stage.page_from_bytes(name, data, "html", settings, url=uri, declared=charset)
            except ValueError as exc:
                budget.restart(n)
                yield IngestStatus(name, "skipped", f"{exc} ({uri})", stage="read")
                continue
            except ReadBudgetExceeded:
                raise
            except Exception as exc:  # noqa: BLE001 - a corrupt record (bad chunking, bad gzip) must not stop the archive
                budget.restart(n)
                yield IngestStatus(name, "failed", f"cannot decode record: {type(exc).__name__}: {exc}", stage="read")
                continue
            budget.restart(n)
            yield page
    except ArchiveLoadFailed as exc:
        broken = True
        yield IngestStatus(path, "failed", f"not a readable WARC file: {exc}", stage="read")
    except ReadBudgetExceeded as exc:
        broken = True
        yield IngestStatus(path, "failed", f"WARC read stopped after {n} responses: {exc}", stage="read")
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        broken = True
        yield IngestStatus(path, "failed", f"WARC read stopped after {n} responses: {exc}", stage="read")
    except StatusAndHeadersParserException as exc:
        broken = True
        yield IngestStatus(path, "failed", f"WARC read stopped after {n} responses: malformed record headers: {exc}", stage="read")
    except Exception as exc:  # noqa: BLE001 - warcio on a damaged archive: the archive's row says why
        broken = True
        yield IngestStatus(path, "failed", f"WARC read stopped after {n} responses: {type(exc).__name__}: {exc}", stage="read")
    finally:
        fh.close()
    if seen_html == 0 and not broken and not reported:
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
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries, 1):
        ident = entry.get("id") or entry.get("link") or str(i)
        # Two items may share a guid (feeds get this wrong): each still gets its own row.
        seen[ident] = seen.get(ident, 0) + 1
        item_name = f"{name}#{ident}" if seen[ident] == 1 else f"{name}#{ident}#{seen[ident]}"
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


def address_refused(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Only globally routable unicast addresses are fetched: this refuses loopback, private,
    link-local, shared (100.64.0.0/10, where cloud metadata can live), reserved, documentation,
    benchmarking, multicast and unspecified addresses, and IPv6 forms of them (mapped, 6to4)."""
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return not addr.is_global or addr.is_multicast


def split_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL; FetchRefused for other schemes, ValueError when
    the URL is malformed (a bad port, an unclosed IPv6 bracket)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}")
    host = parts.hostname
    port = parts.port  # raises ValueError when out of range
    if not host:
        raise ValueError("URL has no host")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80)


class Resolver:
    """Each host name resolved once per fetch, checked, and pinned: the connection goes to the
    address that was checked (a second lookup could answer differently: DNS rebinding)."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.pinned: dict[str, str] = {}

    def address(self, host: str, port: int) -> str:
        key = host.lower().strip("[]")
        if key in self.pinned:
            return self.pinned[key]
        try:
            infos = socket.getaddrinfo(key, port, proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchRefused(f"cannot resolve {host}: {exc}") from exc
        if not infos:
            raise FetchRefused(f"cannot resolve {host}: no addresses")
        addrs = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        if not self.options.allow_private:
            for addr in addrs:
                if address_refused(addr):
                    raise FetchRefused(f"{host} resolves to a non-public address ({addr}); pass --allow-private to fetch it")
        self.pinned[key] = str(addrs[0])
        return self.pinned[key]


def check_host(url: str, options: FetchOptions, resolver: Resolver | None = None) -> None:
    """Refuse non-http(s) URLs and hosts that resolve to any non-global address.

    Every address the name resolves to is checked (a name with one public and one private
    address is refused). Redirects are checked hop by hop by the caller; the fetch connects to
    the address checked here (`Resolver`).
    """
    try:
        _scheme, host, port = split_url(url)
    except ValueError as exc:
        raise FetchRefused(f"malformed URL: {exc}") from exc
    (resolver or Resolver(options)).address(host, port)


def _pinned_client(options: FetchOptions, resolver: Resolver, headers: dict[str, str]) -> Any:
    """An httpx client whose connections go to the resolver's pinned address; the URL's host
    name still gives the Host header and TLS SNI/certificate check. No proxies from the
    environment (a proxy would connect to a name it resolves itself)."""
    import httpcore
    import httpx

    class PinnedBackend(httpcore.SyncBackend):  # type: ignore[misc]
        def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options: Any = None) -> Any:
            return super().connect_tcp(resolver.address(host, port), port, timeout, local_address, socket_options)

    transport = httpx.HTTPTransport()
    transport._pool._network_backend = PinnedBackend()  # httpcore's documented backend hook, set on httpx's pool
    timeout = httpx.Timeout(options.timeout_s, connect=options.connect_timeout_s)
    return httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, transport=transport, trust_env=False)


def _get(client: Any, url: str, options: FetchOptions, limit: int, deadline: float | None = None, resolver: Resolver | None = None) -> tuple[str, Any, bytes]:
    """GET with redirects followed by hand (each hop checked); body read up to `limit` bytes and
    until `deadline` (monotonic seconds): a server trickling bytes cannot hold the batch."""
    import httpx

    deadline = deadline if deadline is not None else time.monotonic() + options.max_seconds
    for _ in range(options.max_redirects + 1):
        check_host(url, options, resolver)
        left = deadline - time.monotonic()
        if left <= 0:
            raise SlowFetch(f"fetch took over its {options.max_seconds:g}s budget (max_read_seconds)")
        hop_timeout = httpx.Timeout(min(options.timeout_s, left), connect=min(options.connect_timeout_s, left))
        with client.stream("GET", url, timeout=hop_timeout) as resp:
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
                if time.monotonic() > deadline:
                    raise SlowFetch(f"response still arriving after {options.max_seconds:g}s (max_read_seconds); {len(body)} bytes read")
            return url, resp, bytes(body)
    raise FetchRefused(f"more than {options.max_redirects} redirects")


class SlowFetch(Exception):
    """A response that did not arrive within the fetch's wall-clock budget."""


def _robots_allows(client: Any, url: str, options: FetchOptions, deadline: float | None = None, resolver: Resolver | None = None) -> bool:
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    parser = options.robots_cache.get(base)
    if parser is None:
        parser = urllib.robotparser.RobotFileParser()
        try:
            _, resp, body = _get(client, base + "/robots.txt", options, 500_000, deadline, resolver)
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

    options = options or FetchOptions(max_seconds=float(settings.max_read_seconds))
    headers = {"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,text/plain;q=0.5"}
    try:
        split_url(url)
    except FetchRefused as exc:
        yield IngestStatus(url, "skipped", str(exc), stage="read")
        return
    except ValueError as exc:
        yield IngestStatus(url, "failed", f"malformed URL: {exc}", stage="read")
        return
    resolver = Resolver(options)
    deadline = time.monotonic() + options.max_seconds
    try:
        with _pinned_client(options, resolver, headers) as client:
            if options.respect_robots and not _robots_allows(client, url, options, deadline, resolver):
                yield IngestStatus(url, "skipped", "disallowed by the site's robots.txt", stage="read")
                return
            final, resp, body = _get(client, url, options, settings.max_page_bytes, deadline, resolver)
    except FetchRefused as exc:
        yield IngestStatus(url, "skipped", str(exc), stage="read")
        return
    except SlowFetch as exc:
        yield IngestStatus(url, "failed", f"too slow: {exc}", stage="read")
        return
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
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
        yield read_stage.page_from_bytes(url, body, kind, settings, url=final, declared=charset)
    except ValueError as exc:
        yield IngestStatus(url, "skipped", str(exc), stage="read")
