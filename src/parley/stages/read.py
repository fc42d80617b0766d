"""read: turn paths (files, folders, globs) into Pages, or status rows saying why not.

Handles .html/.htm/.txt and their .gz. A .txt may open with `KEY: value` header lines (at least
`URL:`) closed by one blank line; they become page metadata. Anything else yields a `skipped`
status, never an exception, so a batch always goes on.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import os
import re
from pathlib import Path
from typing import Iterator

from ..records import IngestStatus, Page
from ..settings import Settings

PAGE_SUFFIXES = (".html", ".htm", ".txt", ".xhtml")
_HEADER_LINE = re.compile(r"^([A-Z][A-Za-z0-9-]{0,40}):[ \t]*(.*)$")


def expand_paths(inputs: list[str]) -> Iterator[str]:
    """Files as given; folders recursively (sorted, deterministic); globs expanded."""
    for item in inputs:
        if os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    yield os.path.join(root, name)
        elif any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item  # reported as missing below
            for m in matches:
                if os.path.isdir(m):
                    yield from expand_paths([m])
                else:
                    yield m
        else:
            yield item


def _kind(path: str) -> str | None:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith(".txt"):
        return "text"
    return None


def _bounded_gunzip(data: bytes, settings: Settings) -> bytes:
    limit = min(settings.max_page_bytes, max(len(data), 1) * settings.max_gzip_ratio)
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        while True:
            chunk = gz.read(65536)
            if not chunk:
                break
            out.write(chunk)
            if out.tell() > limit:
                raise ValueError(f"decompressed size exceeds {limit} bytes (compression bomb guard)")
    return out.getvalue()


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with BOM), else UTF-16 by BOM, else cp1252 — never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Mixed or legacy encodings: decode what is UTF-8, fall back per byte to cp1252.
        return data.decode("cp1252", errors="replace")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def split_text_header(text: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """Split `KEY: value` header lines closed by a blank line off a .txt page.

    Only treated as a header when it includes a URL line: a news text may start with
    "WASHINGTON: ..." and that is body, not metadata.
    """
    lines = text.split("\n")
    meta: list[tuple[str, str]] = []
    for i, line in enumerate(lines[:30]):
        if line.strip() == "":
            if meta and any(k.upper() == "URL" for k, _ in meta):
                return tuple(meta), "\n".join(lines[i + 1 :])
            break
        m = _HEADER_LINE.match(line.rstrip("\r"))
        if not m:
            break
        meta.append((m.group(1), m.group(2).strip()))
    return (), text


def page_from_bytes(path: str, data: bytes, kind: str, settings: Settings, url: str | None = None) -> Page:
    if len(data) > settings.max_page_bytes:
        raise ValueError(f"page is {len(data)} bytes, over the max_page_bytes limit of {settings.max_page_bytes}")
    if not data.strip():
        raise ValueError("empty file")
    if looks_binary(data):
        raise ValueError("binary content, not a text or HTML page")
    text = decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n")
    meta: tuple[tuple[str, str], ...] = ()
    if kind == "text":
        meta, text = split_text_header(text)
        url = url or next((v for k, v in meta if k.upper() == "URL"), None)
        # A .txt that is really HTML (saved page) is treated as HTML.
        head = text.lstrip()[:200].lower()
        if head.startswith(("<!doctype html", "<html")):
            kind = "html"
    digest = hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()
    return Page(path=path, content=text, media_type=kind, url=url or None, meta=meta, content_hash=digest)  # type: ignore[arg-type]


def read_path(path: str, settings: Settings) -> Page | IngestStatus:
    """Read one file into a Page, or a status row saying why it was skipped or failed."""
    kind = _kind(path)
    if not os.path.exists(path):
        return IngestStatus(path, "failed", "no such file", stage="read")
    if kind is None:
        return IngestStatus(path, "skipped", f"not a page type parley reads ({Path(path).suffix or 'no extension'})", stage="read")
    try:
        size = os.path.getsize(path)
        if size > settings.max_page_bytes:
            return IngestStatus(path, "skipped", f"file is {size} bytes, over the max_page_bytes limit of {settings.max_page_bytes}", stage="read")
        with open(path, "rb") as fh:
            data = fh.read()
        if path.lower().endswith(".gz"):
            data = _bounded_gunzip(data, settings)
        return page_from_bytes(path, data, kind, settings)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return IngestStatus(path, "failed", f"cannot read: {exc}", stage="read")
    except ValueError as exc:
        return IngestStatus(path, "skipped", str(exc), stage="read")


def read_inputs(inputs: list[str], settings: Settings) -> Iterator[Page | IngestStatus]:
    for path in expand_paths(inputs):
        yield read_path(path, settings)
